"""--dask: the same output as the local command, in input order; bad records fail alone; clear errors."""
import json
import sys

import pytest
from click.testing import CliRunner

from briefing.jobs import dask_run
from briefing.cli import cli
from briefing.read.ingest import JsonlLine
from briefing.models import Article, Options
from briefing.jobs.parallel import AnalysisError

PLACES = ["云川县", "枫岭镇", "石桥街道", "青梧乡", "白鹭湾社区", "临江新区", "松涛村", "望海区", "金沙镇", "北坪县"]


def records():
    """Ten invented items, a line that is not JSON and a record without text among them."""
    rows = [{"id": str(i), "date": f"2024-06-{i + 1:02d}", "title": f"{place}推进重点项目建设",
             "text": f"{place}今天召开重点项目推进会，会议通报了{i + 3}个在建项目的进度。\n"
                     f"负责同志要求，各单位要倒排工期，确保{place}第{i + 1}批项目按期投产。"
                     f"会议还部署了安全生产和防汛工作，要求压实责任。"}
            for i, place in enumerate(PLACES)]
    lines = [json.dumps(r, ensure_ascii=False) for r in rows]
    return lines[:4] + ["{没有引号的坏行"] + lines[4:7] + [json.dumps({"id": "空", "title": "无正文"})] + lines[7:]


@pytest.fixture()
def archive(tmp_path):
    path = tmp_path / "archive.jsonl"
    path.write_text("\n".join(records()) + "\n", encoding="utf-8")
    return path


def summarize(*args):
    return CliRunner().invoke(cli, ["summarize", *map(str, args)], catch_exceptions=False)


def test_local_cluster_prints_what_the_local_command_prints(archive, monkeypatch):
    pytest.importorskip("distributed", reason="dask is an optional extra: pip install 'briefing[dask]'")
    monkeypatch.setattr(dask_run, "PARTITION", 3)  # four partitions of ten records: order must hold across them
    here = summarize(archive, "-f", "jsonl", "--workers", "1")
    there = summarize(archive, "-f", "jsonl", "--dask", "local", "--workers", "2")
    assert here.exit_code == there.exit_code == 1  # the two bad lines are reported, the rest written
    assert there.stdout == here.stdout
    assert [json.loads(line)["id"] for line in there.stdout.splitlines()] == [str(i) for i in range(10)]
    assert sorted(there.stderr.splitlines()) == sorted(here.stderr.splitlines())
    assert "archive.jsonl:5" in there.stderr and "archive.jsonl:9" in there.stderr


def test_export_on_a_local_cluster_writes_the_same_files(archive, tmp_path):
    pytest.importorskip("distributed", reason="dask is an optional extra: pip install 'briefing[dask]'")
    here, there = tmp_path / "here", tmp_path / "there"
    CliRunner().invoke(cli, ["export", str(archive), "-o", str(here)], catch_exceptions=False)
    result = CliRunner().invoke(cli, ["export", str(archive), "-o", str(there), "--dask", "local", "-j", "1"],
                                catch_exceptions=False)
    assert "10 written" in result.stderr, result.stderr
    files = sorted(p.name for p in here.iterdir())
    assert len(files) == 10 and sorted(p.name for p in there.iterdir()) == files
    assert all((here / f).read_bytes() == (there / f).read_bytes() for f in files)


def test_missing_dask_names_the_extra(archive, monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "distributed", None)  # what `import distributed` does when absent
    result = summarize(archive, "-f", "jsonl", "--dask", "local")
    assert result.exit_code == 1 and result.stdout == ""
    assert "pip install 'briefing[dask]'" in result.stderr and "Traceback" not in result.stderr
    exported = CliRunner().invoke(cli, ["export", str(archive), "-o", str(tmp_path / "out"), "--dask", "local"])
    assert exported.exit_code == 1 and "briefing[dask]" in exported.stderr
    assert not (tmp_path / "out").exists()


def test_unreachable_scheduler_is_one_line(archive, monkeypatch):
    pytest.importorskip("distributed", reason="dask is an optional extra: pip install 'briefing[dask]'")
    monkeypatch.setattr(dask_run, "CONNECT_TIMEOUT", "1s")
    result = summarize(archive, "-f", "jsonl", "--dask", "tcp://127.0.0.1:9")
    assert result.exit_code == 1 and result.stdout == ""
    assert "--dask tcp://127.0.0.1:9: cannot reach a Dask scheduler" in result.stderr
    assert "dask scheduler" in result.stderr and "Traceback" not in result.stderr


class DyingCluster:
    """Runs tasks here; a task holding the poisoned article dies as a killed worker would."""

    class Done:
        def __init__(self, work):
            self.work = work

        def result(self):
            return self.work()

    def submit(self, function, options, render, batch, pure=False):
        def work():
            if any(getattr(article, "title", "") == "毒" for article in batch):
                raise RuntimeError("worker died")
            return function(options, render, batch)
        return self.Done(work)


def test_a_dead_worker_fails_only_its_article():
    articles = [Article(title, (f"{title}镇召开会议，部署防汛工作，要求压实责任。",), source="p.txt", index=i)
                for i, title in enumerate(["云川", "毒", "枫岭"])]
    cluster = DyingCluster()
    results = dask_run._results(cluster, Options(), None, articles, cluster.submit(dask_run.run_partition, Options(),
                                                                                    None, articles))
    assert [type(r).__name__ for r in results] == ["ArticleSummary", "AnalysisError", "ArticleSummary"]
    assert "p.txt article 2: failed on the Dask cluster (RuntimeError: worker died)" in str(results[1])
    assert isinstance(results[1], AnalysisError)
    assert dask_run._where(JsonlLine('{"text": 1}', "a.jsonl:3", "a.jsonl", None)) == "a.jsonl:3"


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture()
def dask_cluster(tmp_path):
    """A scheduler and two single-threaded workers started with the `dask` command, as an operator starts
    them (not a LocalCluster object); always stopped, with every process they started."""
    import os
    import shutil
    import signal
    import subprocess

    dask = shutil.which("dask")
    if dask is None:
        pytest.skip("the `dask` command is not installed (pip install 'briefing[dask]')")
    distributed = pytest.importorskip("distributed", reason="dask is an optional extra: pip install 'briefing[dask]'")
    address = f"tcp://127.0.0.1:{_free_port()}"
    started = []
    log = (tmp_path / "dask.log").open("wb")

    def start(*args):
        started.append(subprocess.Popen([dask, *args], stdout=log, stderr=subprocess.STDOUT,
                                        stdin=subprocess.DEVNULL, start_new_session=True))

    try:
        start("scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1], "--no-dashboard")
        for name in ("one", "two"):
            start("worker", address, "--name", name, "--nworkers", "1", "--nthreads", "1", "--no-dashboard",
                  "--local-directory", str(tmp_path / name))
        with distributed.Client(address, timeout="30s") as client:
            client.wait_for_workers(2, timeout=60)
        yield address
    finally:
        for process in reversed(started):  # workers first, then the scheduler
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in started:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        log.close()


def test_scheduler_and_workers_started_with_the_dask_command(archive, dask_cluster, monkeypatch):
    monkeypatch.setattr(dask_run, "PARTITION", 3)  # four partitions over two workers: order must hold
    here = summarize(archive, "-f", "jsonl", "--workers", "1")
    there = summarize(archive, "-f", "jsonl", "--dask", dask_cluster)
    assert here.exit_code == there.exit_code == 1  # the two bad lines are reported, the rest written
    assert there.stdout == here.stdout and len(there.stdout.splitlines()) == 10
    assert sorted(there.stderr.splitlines()) == sorted(here.stderr.splitlines())
    assert "Traceback" not in there.stderr
