"""Atomic writes leave the complete file or nothing, wherever Ctrl-C lands."""
import os

import pytest

from briefing import fsutil


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
