"""The README is a runnable first page: its commands match CI and every CLI option is documented."""
import re

import click

from briefing.cli import cli

from .helpers import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```sh\n(.*?)```", README, re.S)


def test_readme_opens_with_the_main_job_and_the_test_command():
    assert BLOCKS[0].strip() == "pip install . && briefing brief seeds -o brief.md"
    test_command = BLOCKS[1].strip()
    assert "pytest" in test_command
    assert test_command in (REPO / ".ci" / "run").read_text(encoding="utf-8")


def test_every_command_and_option_is_in_the_readme():
    for name, command in cli.commands.items():
        assert f"briefing {name}" in README, name
        for param in command.params:
            if isinstance(param, click.Option) and param.name != "help":
                assert any(flag in README for flag in param.opts), f"{name} {param.opts}"


def test_readme_commands_name_real_options():
    for line in "".join(BLOCKS).splitlines():
        match = re.match(r"(?:.*\| )?briefing (\w+)(.*)", line)
        if not match:
            continue
        command = cli.commands[match.group(1)]
        known = {flag for param in command.params for flag in getattr(param, "opts", [])}
        for flag in re.findall(r"(?<!\S)(--?[a-z][\w-]*)", match.group(2).split("#")[0]):
            assert flag in known, f"{line}: {flag}"


def test_readme_library_example_runs(tmp_path, monkeypatch, capsys):
    (example,) = re.findall(r"```python\n(.*?)```", README, re.S)
    (tmp_path / "page.txt").write_bytes((REPO / "seeds" / "2024-05-13.txt").read_bytes())
    monkeypatch.chdir(tmp_path)
    exec(compile(example, "README.md", "exec"), {})
    assert "抓项目促发展 比学赶超当先锋" in capsys.readouterr().out
