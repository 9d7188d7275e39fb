"""What keeps the one-article start-up short: nothing heavy imported on summarize's path, and the IDF
table's cache kept per install (bench/bench_startup.py measures the times themselves)."""
import json
import subprocess
import sys

from briefing.analyze import idf

from .helpers import SEEDS

#: Modules that `summarize -f jsonl` on a page never needs: readers of other formats, renderers of other
#: outputs, the review app, the optional engines and clusters, jieba itself (rjieba is the default).
NOT_ON_THE_PATH = ("jinja2", "lxml", "docx", "pdfplumber", "flask", "distributed", "dask", "jieba", "textrank4zh",
                   "logging", "briefing.render.docx", "briefing.brief.build", "briefing.read.pdf", "briefing.review")

_RUN = """
import json, sys
sys.argv = ["briefing", "summarize", sys.argv[1], "-f", "jsonl"]
from briefing.cli import cli
try:
    cli.main(prog_name="briefing", standalone_mode=False)
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def test_summarize_imports_nothing_it_does_not_use(tmp_path):
    done = subprocess.run([sys.executable, "-c", _RUN, str(SEEDS / "2024-05-13.txt")], capture_output=True,
                          text=True, timeout=60, cwd=tmp_path)
    assert '"title": "抓项目促发展 比学赶超当先锋"' in done.stdout  # the page was summarized
    loaded = json.loads(done.stderr.strip().splitlines()[-1])
    heavy = [m for m in loaded if any(m == name or m.startswith(name + ".") for name in NOT_ON_THE_PATH)]
    assert heavy == []


def test_two_installs_keep_each_others_idf_table(tmp_path):
    table = idf.IdfTable.from_dict({"中国": 4.0, "会议": 3.0})
    idf._write(tmp_path / "idf-11111111-00000001.bin", table)  # this install, an older jieba
    idf._write(tmp_path / "idf-22222222-00000001.bin", table)  # another install (a virtualenv)
    (tmp_path / "idf-8e8af524.bin").write_bytes(b"the older one-key naming")
    idf._write(tmp_path / "idf-11111111-00000002.bin", table)  # this install after jieba was upgraded
    assert sorted(p.name for p in tmp_path.iterdir()) == ["idf-11111111-00000002.bin", "idf-22222222-00000001.bin"]
    assert idf._read(tmp_path / "idf-22222222-00000001.bin").get("会议") == 3.0


def test_the_cache_name_follows_the_install_and_the_version():
    one, other = idf._cache_path("/a/jieba/analyse/idf.txt", "1"), idf._cache_path("/b/jieba/analyse/idf.txt", "1")
    newer = idf._cache_path("/a/jieba/analyse/idf.txt", "2")
    assert one.name.rsplit("-", 1)[0] == newer.name.rsplit("-", 1)[0] != other.name.rsplit("-", 1)[0]
    assert one != newer
