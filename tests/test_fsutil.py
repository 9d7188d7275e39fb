"""Atomic writes leave the complete file or nothing, wherever Ctrl-C lands."""
import os

import pytest

from briefing.render import files as fsutil


class InterruptedAt:
    """The os module, except that one call raises KeyboardInterrupt after doing its work."""

    def __init__(self, name):
        self.name = name

    def __getattr__(self, attr):
        real = getattr(os, attr)
        if attr != self.name:
            return real

        def interrupted(*args):
            real(*args)
            raise KeyboardInterrupt
        return interrupted


@pytest.mark.parametrize("call", ["open", "close", "chmod", "replace"])
def test_ctrl_c_anywhere_leaves_all_or_nothing(tmp_path, monkeypatch, call):
    monkeypatch.setattr(fsutil, "os", InterruptedAt(call))
    target = tmp_path / "out.docx"
    with pytest.raises(KeyboardInterrupt):
        fsutil.atomic_write(target, lambda tmp: open(tmp, "w").write("complete"))
    monkeypatch.undo()
    names = [p.name for p in tmp_path.iterdir()]
    assert names == (["out.docx"] if call == "replace" else [])
    assert call != "replace" or target.read_text() == "complete"


def test_written_with_the_usual_mode(tmp_path):
    fsutil.atomic_write_text(tmp_path / "a.txt", "文字")
    mask = os.umask(0)
    os.umask(mask)
    assert (tmp_path / "a.txt").stat().st_mode & 0o777 == 0o666 & ~mask
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_a_killed_runs_temporary_file_is_swept_and_a_live_ones_kept(tmp_path):
    import subprocess
    import sys

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True).stdout.strip()
    stale = tmp_path / f".报告.v1.docx.{dead}.abc123.tmp"
    live = tmp_path / f".报告.v1.docx.{os.getppid()}.def456.tmp"  # our parent is alive
    other = tmp_path / f".其他.docx.{dead}.xyz.tmp"  # another file's: left until that file is written
    for path in (stale, live, other):
        path.write_text("half")
    fsutil.atomic_write_text(tmp_path / "报告.v1.docx", "完整")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([live.name, other.name, "报告.v1.docx"])
