"""A corpus of hostile inputs, options and library calls, generated at run time (no committed binaries).

Used by tests/test_hostile.py (a bounded subset) and bench/reliability.py (all of it, as a table).
Each case is a command line run in a fresh working folder that holds the corpus; a case says what
it runs and whether a good input given beside it must still come out.
"""
from __future__ import annotations

import json
import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GOOD_PAGE = REPO / "seeds" / "2024-05-13.txt"
GOOD_TITLE = "抓项目促发展 比学赶超当先锋"  # a headline of that page: it must come out whatever stands beside it
GOOD_SUBTITLE = "周明远调研重点项目建设"  # the brief prints the subtitle of that slogan headline
GOOD_RECORD = {"id": "good", "title": "青溪区召开项目推进会", "date": "2024-05-13",
               "text": "本报讯 青溪区召开重点项目推进会，听取全区重点项目建设进展情况汇报。会议要求加快推进项目建设。"}


@dataclass(frozen=True)
class Case:
    """One run: its class (for the table), a name, the command's arguments (after `briefing`)."""

    kind: str
    name: str
    args: tuple[str, ...]
    good: bool = False  # a good input stands beside the bad one: its article must come out
    slow: bool = False
    stdout: str | None = None  # a file standard output goes to (/dev/full) instead of a pipe


def _record(**fields) -> str:
    return json.dumps(fields, ensure_ascii=False)


def write_inputs(folder: Path) -> dict[str, str]:
    """Write the hostile input files into folder; name -> file name."""
    page = "本报讯 青溪区召开会议，研究部署重点工作。会议要求各部门压实责任。\n"
    files: dict[str, bytes] = {
        "empty.txt": b"",
        "blank.txt": b"  \n\r\n \t\n",
        "binary.txt": bytes(range(256)) * 64,
        "nul-inside.txt": page.encode() + b"\x00\x00\x00" + page.encode(),
        "undecodable.txt": b"\x81\xff\xfe\x80" * 500,
        "lying-bom.txt": b"\xff\xfe" + page.encode("gb18030"),
        "big5.txt": "本報訊 青溪區召開會議，研究部署重點工作。會議要求各部門壓實責任。\n".encode("big5"),
        "utf16-no-bom.txt": page.encode("utf-16-le"),
        "controls.txt": ("\x1b[31m" + page + "\u200b\u202e\ufeff") .encode(),
        "surrogates.jsonl": (_record(id="s", text="本报讯 会议召开。\\ud800会议要求加快建设。").replace("\\\\ud800", "\\ud800")
                             + "\n").encode(),
        "no-punctuation.txt": ("青溪" * 60_000).encode(),
        "long-paragraph.txt": ("区里召开会议，研究部署工作，" * 60_000 + "。\n").encode(),
        "many-lines.txt": "".join(f"第{i}条短讯。\n" for i in range(12_000)).encode(),
        "fake.docx": page.encode(),
        "not-a-pdf.pdf": page.encode(),
        "truncated.pdf": b"%PDF-1.4\n1 0 obj <<>> endobj\n",
        "script-only.html": b"<html><head><script>var a = 1; function f() { return a; }</script></head><body></body></html>",
        "nav-only.htm": "<html><body><ul><li>首页</li><li>登录</li></ul></body></html>".encode(),
        "deep.jsonl": ('{"text": ' + "[" * 50_000 + "]" * 50_000 + "}\n").encode(),
        "bigint.jsonl": ('{"id": ' + "9" * 5000 + ', "text": "本报讯 会议召开。会议要求加快建设。"}\n').encode(),
        "wrong-types.jsonl": "\n".join([
            _record(id={"a": 1}, text="本报讯 会议召开。会议要求加快建设。"),
            _record(id="t", title=["列表"], text="本报讯 会议召开。会议要求加快建设。"),
            _record(id="n", text=5), _record(id="d", date=20240513, text="本报讯 会议召开。会议要求加快建设。"),
            "[1, 2, 3]", "null", '"just a string"', "{not json",
        ]).encode(),
        "dates.jsonl": "\n".join([
            _record(id="up", date="../../escape", title="标题", text="本报讯 会议召开。会议要求加快建设。"),
            _record(id="abs", date="/tmp/briefing-abs", title="标题", text="本报讯 会议召开。会议要求加快建设。"),
            _record(id="far", date="9999-12-31", title="标题", text="本报讯 会议召开。会议要求加快建设。"),
            _record(id="bad", date="2024-02-30", title="标题", text="本报讯 会议召开。会议要求加快建设。"),
        ]).encode(),
        "hostile-titles.jsonl": "\n".join([
            _record(id="colon", date="2024-05-13", title="a:b\nc/../d\\e*?\"<>|", text="本报讯 会议召开。会议要求加快建设。"),
            _record(id="dots", date="2024-05-13", title="...   ", text="本报讯 会议召开。会议要求加快建设。"),
            _record(id="long", date="2024-05-13", title="长" * 300, text="本报讯 会议召开。会议要求加快建设。"),
            _record(id="con", date="2024-05-13", title="CON", text="本报讯 会议召开。会议要求加快建设。"),
        ]).encode(),
        "tiny-many.jsonl": "\n".join(_record(id=str(i), date="2024-05-13", text=f"第{i}条。") for i in range(100_000)).encode(),
        "good.jsonl": (_record(**GOOD_RECORD) + "\n").encode(),
        "bad-user-dict.txt": bytes(range(256)) * 8,
        "exponent-user-dict.txt": "青溪区 n\n词 1e40 n\n".encode(),
        "digits-user-dict.txt": ("词 " + "9" * 200 + " n\n").encode(),
        "bad.toml": b"title = \n[[[",
        "nan.toml": b"line_spacing_pt = nan\nsentences = 1e999\n",
        "huge.toml": b"line_spacing_pt = 1e308\nhighlights = 99999999999999999999\n",
        "binary-template.md.j2": bytes(range(256)),
        "gbk-template.md.j2": "{{ brief.title }} 标题".encode("gb18030"),
        "syntax-template.md.j2": b"{% if %}",
        "raise-template.md.j2": b"{{ 1 / 0 }}",
        "recursion-template.md.j2": b"{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}",
        "huge-template.md.j2": b"{{ 'x' * 10000000000 }}",
        "loop-template.md.j2": b"{% for i in 'x' * 9000000 %}{% for j in 'x' * 9000000 %}{% endfor %}{% endfor %}",
        "range-template.md.j2": b"{% for i in range(10**9) %}{% endfor %}",
        "globals-template.md.j2": b"{{ cycler }} {{ joiner }} {{ namespace }} {{ lipsum }} {{ range }} {{ self }}",
        "class-template.md.j2": b"{{ ''.__class__.__mro__ }}",
        "include-template.md.j2": b"{% include 'passwd.md.j2' %}",
        "fake-reference.docx": page.encode(),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    _zip(folder / "bomb.docx", {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<a>" + b"x" * (300 << 20) + b"</a>"})
    _zip(folder / "bomb-reference.docx", {"[Content_Types].xml": b"<Types/>", "word/styles.xml": b"x" * (300 << 20)})
    xxe = (b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">'
           b'<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
           b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
           b"<w:t>&x;&c;</w:t></w:r></w:p></w:body></w:document>")
    _zip(folder / "xxe.docx", {"[Content_Types].xml": b"<Types/>", "word/document.xml": xxe})
    _zip(folder / "xxe-reference.docx", {"[Content_Types].xml": b"<Types/>", "word/document.xml": xxe})
    (folder / "dir.txt").mkdir(exist_ok=True)
    (folder / "empty-folder").mkdir(exist_ok=True)
    (folder / "a-file").write_text("x", encoding="utf-8")
    if not (folder / "passwd.md.j2").exists():
        os.symlink("/etc/passwd", folder / "passwd.md.j2")
    if not (folder / "fifo.txt").exists():
        os.mkfifo(folder / "fifo.txt")
    if not (folder / "fifo-reference.docx").exists():
        os.mkfifo(folder / "fifo-reference.docx")
    return {name: name for name in files}


def case_folder(corpus: Path, folder: Path) -> Path:
    """A fresh working folder for one case: links to every entry of the corpus (written once)."""
    folder.mkdir(parents=True)
    for entry in corpus.iterdir():
        os.symlink(entry, folder / entry.name, target_is_directory=entry.is_dir())
    return folder


def _zip(path: Path, members: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)


BAD_INPUTS = ["empty.txt", "blank.txt", "binary.txt", "nul-inside.txt", "undecodable.txt", "lying-bom.txt", "big5.txt",
              "utf16-no-bom.txt", "controls.txt", "surrogates.jsonl", "no-punctuation.txt", "long-paragraph.txt",
              "many-lines.txt", "fake.docx", "bomb.docx", "xxe.docx", "not-a-pdf.pdf", "truncated.pdf",
              "script-only.html", "nav-only.htm", "deep.jsonl", "bigint.jsonl", "wrong-types.jsonl", "dates.jsonl",
              "hostile-titles.jsonl", "fifo.txt", "/dev/zero", "/dev/urandom", "dir.txt", "empty-folder", "missing.txt"]
SPECIAL = ["fifo.txt", "/dev/zero", "/dev/urandom"]  # every command refuses them before reading a byte
SLOW = {"long-paragraph.txt", "many-lines.txt", "tiny-many.jsonl", "no-punctuation.txt"}


def cases() -> list[Case]:
    """Every case: each bad input through each command alone and beside a good page; bad options;
    bad configs, templates, reference documents and output paths."""
    out: list[Case] = []
    commands = {
        "summarize": lambda inputs: ("summarize", *inputs, "-f", "jsonl"),
        "brief": lambda inputs: ("brief", *inputs, "--date", "2024-05-13", "-o", "out/brief.md"),
        "export": lambda inputs: ("export", *inputs, "-o", "out", "--date", "2024-05-13"),
    }
    for bad in BAD_INPUTS:
        for command, make in commands.items():
            out.append(Case("input", f"{command} {bad}", make([bad]), slow=bad in SLOW))
            out.append(Case("input+good", f"{command} {bad} + good", make([bad, str(GOOD_PAGE)]), good=True,
                            slow=bad in SLOW))
    out.append(Case("input", "brief tiny-many.jsonl", ("brief", "tiny-many.jsonl", "-o", "out/b.md"), slow=True))
    for bad in ["deep.jsonl", "bigint.jsonl", "wrong-types.jsonl", "empty.txt", "binary.txt", *SPECIAL]:
        out.append(Case("input", f"eval {bad}", ("eval", bad, "--no-textrank4zh")))
    good = str(GOOD_PAGE)
    for dictionary in ["exponent-user-dict.txt", "digits-user-dict.txt", "fifo.txt", "/dev/zero"]:
        for command in ("summarize", "export"):
            for workers in ("1", "2"):
                out.append(Case("options", f"{command} --user-dict {dictionary} --workers {workers}",
                                (*commands[command]([good]), "--user-dict", dictionary, "--workers", workers)))
    for fmt in ("text", "jsonl", "json"):
        out.append(Case("output", f"summarize -f {fmt} > /dev/full", ("summarize", good, "-f", fmt),
                        stdout="/dev/full"))
    out.append(Case("output", "eval > /dev/full", ("eval", "good.jsonl", "--no-textrank4zh"), stdout="/dev/full"))
    options = [
        ("summarize", good, "-n", "0"), ("summarize", good, "-n", "99999"), ("summarize", good, "--max-chars", "-1"),
        ("summarize", good, "--keywords", "0"), ("summarize", good, "--engine", "nope"),
        ("summarize", good, "--backend", "nope"), ("summarize", good, "--workers", "0"),
        ("summarize", good, "--workers", "abc"), ("summarize", good, "--workers", "9999"),
        ("summarize", good, "--user-dict", "missing.txt"), ("summarize", good, "--user-dict", "bad-user-dict.txt"),
        ("summarize", good, "--user-dict", "bad-user-dict.txt", "--workers", "2"),
        ("summarize", good, "--date", "9999-12-31"), ("summarize", good, "--date", "../../x"),
        ("summarize", good, "--date", "2024-13-45"), ("summarize", good, "-f", "nope"),
        ("brief", good, "--week", "9999-W52", "-o", "out/b.md"), ("brief", good, "--week", "2024-W99", "-o", "out/b.md"),
        ("brief", good, "--date", "9999-12-31", "-o", "out/b.md"), ("brief", good, "-o", "out/b.txt"),
        ("brief", good, "-o", "out"), ("brief", good, "-o", "a-file/b.md"), ("brief", good, "-o", "missing/b.md"),
        ("brief", good, "-o", "out/" + "长" * 120 + ".md"), ("brief", good, "-o", "/proc/b.md"),
        ("brief", good, "--date", "2024-05-13", "-o", "out/b.md", "--config", "missing.toml"),
        ("brief", good, "--date", "2024-05-13", "-o", "out/b.md", "--config", "bad.toml"),
        ("brief", good, "--date", "2024-05-13", "-o", "out/b.docx", "--config", "nan.toml"),
        ("brief", good, "--date", "2024-05-13", "-o", "out/b.docx", "--config", "huge.toml"),
        ("export", good, "-o", "a-file"), ("export", good, "-o", "/proc/x"),
        ("eval", "missing.jsonl"), ("eval", good),
    ]
    out += [Case("options", " ".join(o), tuple(o)) for o in options]
    for template in ["binary", "gbk", "syntax", "raise", "recursion", "huge", "loop", "range", "globals", "class",
                     "include"]:
        out.append(Case("template", f"template {template}", ("brief", good, "--date", "2024-05-13", "-o", "out/b.md",
                                                              "--template", f"{template}-template.md.j2")))
    for reference in ["fake-reference.docx", "bomb-reference.docx", "xxe-reference.docx", "fifo-reference.docx",
                      "missing.docx"]:
        out.append(Case("reference", f"brief --reference-doc {reference}",
                        ("brief", good, "--date", "2024-05-13", "-o", "out/b.docx", "--reference-doc", reference)))
        out.append(Case("reference", f"export --reference-doc {reference}",
                        ("export", good, "-o", "out", "--reference-doc", reference)))
    return out


#: Outputs that must never appear, whatever the case: files outside the output folder.
ESCAPES = ("/tmp/briefing-abs", "/tmp/briefing-abs_01_标题.docx")


LIBRARY_CALLS = [
    "summarize(None)", "summarize(b'\\xe4\\xb8\\xad')", "summarize('本报讯 会议召开。', None)", "summarize(5)",
    "summarize_article('x')", "summarize_article(None)", "read_articles(None)", "list(read_articles(None))",
    "list(read_articles(5))", "build_brief('x')", "build_brief(None)", "brief_articles(None)", "brief_articles('x')",
    "Options(engine='nope')", "Options(sentences=0)", "Options(sentences='3')", "Options(max_chars=-5)",
    "Options(backend=None)", "Options(keywords=10**9)",
    "summarize_article(Article(title='标题', paragraphs=('本报讯 会议召开。', None)))",
    "summarize_article(Article(title=None, paragraphs=('本报讯 会议召开。',)))",
    "summarize_article(Article(title='标题', paragraphs='本报讯 会议召开。'))",
    "list(read_articles('a' * 300))", "list(read_articles('a' * 300 + '.jsonl'))",
    "brief_articles([Article(title='标题', paragraphs=(None,))])",
]


@dataclass
class Tally:
    """Counts per kind of case for the table."""

    runs: int = 0
    tracebacks: list[str] = field(default_factory=list)
    hangs: list[str] = field(default_factory=list)
    memory: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)
    escapes: list[str] = field(default_factory=list)
    partial: list[str] = field(default_factory=list)


def run_case(case: Case, folder: Path, timeout: float = 60.0) -> dict:
    """Run one case with `python -m briefing` in folder (which holds the corpus) and judge it.

    Returns {"traceback", "hang", "rss_mb", "lost", "escaped", "partial", "code", "stderr"}.
    """
    import shutil
    import subprocess
    import sys
    import time

    out = folder / "out"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    before = set(os.listdir(folder))
    env = dict(os.environ, PYTHONHASHSEED="0")
    started = time.monotonic()
    sink = open(case.stdout, "wb") if case.stdout else subprocess.PIPE  # noqa: SIM115 - closed below
    process = subprocess.Popen([sys.executable, "-c", _MEASURED, sys.executable, "-m", "briefing", *case.args],
                               cwd=folder, env=env, start_new_session=True,
                               stdin=subprocess.DEVNULL, stdout=sink, stderr=subprocess.PIPE)
    if case.stdout:
        sink.close()
    try:
        stdout, stderr = process.communicate(timeout=timeout)
        hang = False
    except subprocess.TimeoutExpired:
        import signal

        os.killpg(process.pid, signal.SIGKILL)  # the wrapper, the command and its workers
        stdout, stderr = process.communicate()
        hang = True
    elapsed = time.monotonic() - started
    text_err = stderr.decode("utf-8", "replace")
    rss = max([int(line.split()[1]) for line in text_err.splitlines() if line.startswith("@@rss ")] or [0])
    text_err = "\n".join(line for line in text_err.splitlines() if not line.startswith("@@rss "))
    text_out = (stdout or b"").decode("utf-8", "replace")
    escaped = sorted(set(os.listdir(folder)) - before) + [p for p in ESCAPES if os.path.exists(p)]
    escaped += [str(p) for p in (*folder.parent.glob("escape*"), *folder.parent.parent.glob("escape*"))]
    return {
        "traceback": "Traceback (most recent call last)" in text_err,
        "hang": hang, "seconds": round(elapsed, 2), "rss_mb": rss // 1024,
        "lost": case.good and not _good_came_out(case, text_out, out),
        "escaped": escaped, "partial": _partial_outputs(out), "code": process.returncode,
        "stderr": text_err.strip().splitlines()[-50:],
    }


#: Runs the command and prints the peak RSS (KB) of it and the processes it waited for.
_MEASURED = ("import resource, subprocess, sys\n"
             "code = subprocess.call(sys.argv[1:])\n"
             "print('@@rss', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
             "sys.exit(code)")


def _good_came_out(case: Case, stdout: str, out: Path) -> bool:
    """Whether the good page's article is in the command's output (stdout, the brief, or an exported file)."""
    if case.args[0] == "summarize":
        return GOOD_TITLE in stdout
    if case.args[0] == "brief":
        return any(GOOD_SUBTITLE in p.read_text(encoding="utf-8", errors="replace") for p in out.glob("*.md"))
    return any("抓项目促发展" in p.name for p in out.glob("*.docx"))


def _partial_outputs(out: Path) -> list[str]:
    """Outputs that are empty, half-written (temporary files left) or do not open."""
    bad = []
    for path in out.rglob("*"):
        if path.is_dir():
            continue
        if path.name.endswith(".tmp") or path.stat().st_size == 0:
            bad.append(path.name)
        elif path.suffix == ".docx":
            try:
                with zipfile.ZipFile(path) as archive:
                    archive.testzip()
                    archive.read("word/document.xml")
            except Exception:
                bad.append(path.name)
    return bad


def check_library_call(call: str) -> str | None:
    """None when the call raises a named BriefingError (or succeeds); else the unnamed exception's type."""
    import briefing
    from briefing.errors import BriefingError

    from briefing.models import Article

    namespace = {name: getattr(briefing, name) for name in briefing.__all__ if name != "__version__"}
    namespace["Article"] = Article
    try:
        eval(call, namespace)  # noqa: S307 - our own fixed list of calls
    except BriefingError:
        return None
    except Exception as error:  # the finding: an exception without a name of ours
        return f"{type(error).__name__}: {error}"[:120]
    return None
