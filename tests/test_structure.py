"""The package's shape: one analysis path, options that travel with the work, no import cycle."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

import datetime

from briefing import Options, summarize
from briefing.api import build_brief as _build_brief
from briefing.errors import OptionsError
from briefing.models import Article
from briefing.jobs.parallel import summarize_stream

_date = datetime.date
PACKAGE = Path(__file__).resolve().parents[1] / "briefing"
PAGE = ("本报讯 青溪区召开重点项目推进会，听取全区重点项目建设进展情况汇报。会议指出，今年以来全区项目建设总体平稳。"
        "会议要求，各部门要压实责任，加快推进项目建设。会议强调，要强化要素保障，确保项目按期投产。")


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, module: str, everywhere: bool) -> set[str]:
    """Modules of the package that `path` imports: at module level, or anywhere (also inside functions)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = ast.walk(tree) if everywhere else _top_level(tree.body)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in nodes:
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
            target = f"{base}.{node.module}" if node.module else base
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [node.module] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
            found.update(n for n in names if n and n.startswith("briefing"))
    return found


def _top_level(body):
    for node in body:
        yield node
        if isinstance(node, (ast.If, ast.Try)):  # `if TYPE_CHECKING:` and try/except ImportError run at import
            yield from _top_level(node.body)


def _graph(everywhere: bool) -> dict[str, set[str]]:
    files = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    return {name: {t for t in _imports(path, name, everywhere) if t in files and t != name}
            for name, path in files.items()}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> list[str] | None:
        state[node] = 1
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                return trail[trail.index(target):] + [target] if target in trail else trail + [target]
            if target not in state and (found := visit(target, trail + [target])):
                return found
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (found := visit(start, [start])):
            return found
    return None


def test_no_import_cycle_in_the_package():
    graph = _graph(everywhere=False)
    assert "briefing.cli.summarize" in graph and "briefing.cli.common" in graph["briefing.cli.summarize"]
    assert _cycle(graph) is None, f"import cycle: {' -> '.join(_cycle(graph))}"


def test_command_modules_never_import_the_group():
    graph = _graph(everywhere=True)
    for name in ("summarize", "brief", "export", "eval", "common"):
        assert "briefing.cli" not in graph[f"briefing.cli.{name}"], f"briefing.cli.{name} imports the group"
    library = [name for name in graph if not name.startswith("briefing.cli") and name != "briefing.__main__"]
    assert not [name for name in library if any(t.startswith("briefing.cli") for t in graph[name])]


#: The floors of the package, from the ground up: a module imports only its own floor and those below.
#: `models`, `errors` and `config` are shared by every stage; `api` is the library's front door and `cli`
#: the command line over it.
FLOORS = (("briefing.errors",), ("briefing.models", "briefing.config"), ("briefing.read",), ("briefing.fetch",),
          ("briefing.analyze",),
          ("briefing.brief",), ("briefing.render",), ("briefing.jobs", "briefing.review"), ("briefing.api",),
          ("briefing", "briefing.cli"), ("briefing.__main__",))


def _floor(module: str) -> int:
    """The floor of a module: the longest package prefix named in FLOORS."""
    best, floor = "", None
    for level, names in enumerate(FLOORS):
        for name in names:
            if (module == name or module.startswith(name + ".")) and len(name) > len(best):
                best, floor = name, level
    assert floor is not None, f"{module} is on no floor: add its package to FLOORS"
    return floor


def _upward(graph: dict[str, set[str]]) -> list[str]:
    return sorted(f"{a} -> {t}" for a, targets in graph.items() for t in targets
                  if _floor(t) > _floor(a))


def test_no_stage_imports_a_later_stage():
    graph = _graph(everywhere=True)  # also imports inside functions: a lazy import still runs back up
    assert {"briefing.read.ingest", "briefing.analyze.scoring", "briefing.brief.build",
            "briefing.render.docx", "briefing.jobs.export"} <= set(graph)
    assert _upward(graph) == []


def test_the_floor_check_finds_an_upward_import():
    assert _upward({"briefing.read.html": {"briefing.brief.items"}}) == ["briefing.read.html -> briefing.brief.items"]
    assert _upward({"briefing.brief.items": {"briefing.read.html", "briefing.models"}}) == []


def test_the_cycle_finder_finds_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_summarize_runs_the_engine_it_is_given():
    pytest.importorskip("textrank4zh")
    builtin = summarize(PAGE, Options(sentences=1))[0]
    other = summarize(PAGE, Options(sentences=1, engine="textrank4zh"))[0]
    # textrank4zh drops the sentence's punctuation and ranks without our lead prior
    assert builtin.summary != other.summary
    assert builtin.summary[0].endswith("。") and not other.summary[0].endswith("。")


def test_two_streams_in_one_process_keep_their_own_options():
    article = Article(title="青溪区召开重点项目推进会", paragraphs=(PAGE,))
    one = summarize_stream([article] * 3, Options(sentences=1), workers=1)
    three = summarize_stream([article] * 3, Options(sentences=3), workers=1)
    first = next(one)
    assert len(next(three).summary) == 3
    assert len(first.summary) == 1 and all(len(s.summary) == 1 for s in one)
    assert all(len(s.summary) == 3 for s in three)


@pytest.mark.parametrize("options", [dict(engine="nope"), dict(backend="pkuseg"), dict(sentences=0),
                                     dict(keywords=-1), dict(max_chars=0), dict(sentences="3"), dict(window=True)])
def test_bad_options_are_refused_when_built(options):
    with pytest.raises(OptionsError, match=next(iter(options))):
        Options(**options)


@pytest.mark.parametrize("call", [lambda: summarize(None), lambda: summarize(b"\xe4\xb8\xad"),
                                  lambda: summarize(PAGE, None),
                                  lambda: _build_brief([], start="2025-11-10", end="2025-11-16"),
                                  lambda: _build_brief([], start=_date(2025, 11, 16), end=_date(2025, 11, 10))])
def test_library_calls_with_wrong_types_raise_named_errors(call):
    from briefing.errors import BriefingError

    with pytest.raises(BriefingError):
        call()
