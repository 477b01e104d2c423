"""Crash tests: a real `communique analyze --jsonl` subprocess killed with SIGKILL
at random points (the whole process group, or its parent alone), interrupted with
Ctrl-C, or losing a worker. The earlier output must stay intact, no stray file may
be left beside it, no worker may outlive its parent, and a batch that loses a
worker must still give every record once."""
from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc (Linux)")

TEXT = ("The foreign ministers of Chile and Peru met in Lima on Tuesday to discuss water rights. "
        "Peru said it would send 40 engineers to the border next month, officials said. ")
EARLIER = '{"earlier": "output"}\n'


def _batch(tmp_path: Path, records: int) -> tuple[Path, Path]:
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_text("".join(json.dumps({"id": f"d{i}", "text": TEXT * 3}) + "\n" for i in range(records)))
    out.write_text(EARLIER)
    return source, out


def _start(source: Path, out: Path, *extra: str) -> subprocess.Popen:
    exe = Path(sys.executable).with_name("communique")
    return subprocess.Popen([str(exe), "analyze", "--jsonl", str(source), "--out", str(out), *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                            start_new_session=True)  # its own process group, as a shell job has


def _processes() -> dict[int, tuple[int, int]]:
    """pid -> (parent pid, process group) of every live (non-zombie) process."""
    found = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if fields[0] != "Z":
                found[int(entry.name)] = (int(fields[1]), int(fields[2]))
    return found


def _children(pid: int) -> set[int]:
    return {child for child, (parent, _) in _processes().items() if parent == pid}


def _group(pgid: int) -> set[int]:
    return {pid for pid, (_, group) in _processes().items() if group == pgid}


def _wait_for(condition, seconds: float):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    return condition()


def _workers_up(process: subprocess.Popen, count: int) -> set[int]:
    """The parent's children once ``count`` workers (plus the resource tracker) run."""
    def enough():
        children = _children(process.pid)
        return children if len(children) >= count + 1 else None

    children = _wait_for(enough, 120)
    assert children, f"no {count} workers started: {process.stderr.read() if process.poll() is not None else ''}"
    return children


def _assert_clean(tmp_path: Path, out: Path):
    assert out.read_text() == EARLIER
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out.jsonl"]


@pytest.mark.parametrize("workers", ["1", "2"])
def test_sigkill_at_random_points_leaves_the_earlier_output(tmp_path, workers):
    source, out = _batch(tmp_path, 3000)  # far more than can finish before the kill
    for delay in random.Random(int(workers)).sample([0.3, 1.5, 3.0, 6.0, 9.0], 2):
        process = _start(source, out, "--workers", workers, "--batch-size", "8")
        time.sleep(delay)
        assert process.poll() is None, "the batch ended before the kill: the test needs a larger batch"
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        assert _wait_for(lambda: not _group(process.pid), 10), f"processes left after SIGKILL at {delay} s"
        _assert_clean(tmp_path, out)


def test_workers_die_with_their_parent(tmp_path):
    source, out = _batch(tmp_path, 3000)  # far more than can finish before the kill
    process = _start(source, out, "--workers", "2", "--batch-size", "8")
    children = _workers_up(process, 2)
    process.kill()  # the parent alone
    process.wait(timeout=30)
    alive = _wait_for(lambda: not (children & set(_processes())), 15)
    assert alive, f"workers outlived their parent: {children & set(_processes())}"
    _assert_clean(tmp_path, out)


def test_ctrl_c_stops_the_workers_and_keeps_the_earlier_output(tmp_path):
    source, out = _batch(tmp_path, 3000)  # far more than can finish before the kill
    process = _start(source, out, "--workers", "2", "--batch-size", "8")
    children = _workers_up(process, 2)
    os.killpg(process.pid, signal.SIGINT)  # what a terminal sends to the job
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "interrupted" in stderr and "Traceback" not in stderr, stderr
    assert _wait_for(lambda: not (children & set(_processes())), 15)
    _assert_clean(tmp_path, out)


def test_a_killed_worker_loses_and_duplicates_nothing(tmp_path):
    source, out = _batch(tmp_path, 120)
    process = _start(source, out, "--workers", "2", "--batch-size", "4")
    children = _workers_up(process, 2)
    tracker = {pid for pid in children if b"resource_tracker" in Path(f"/proc/{pid}/cmdline").read_bytes()}
    victim = sorted(children - tracker)[0]
    time.sleep(2)  # let it take some chunks
    os.kill(victim, signal.SIGKILL)
    _, stderr = process.communicate(timeout=600)
    assert process.returncode == 0, stderr
    outputs = [json.loads(line) for line in out.read_text().splitlines()]
    assert [o.get("document", {}).get("id") for o in outputs] == [f"d{i}" for i in range(120)], stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out.jsonl"]


@pytest.mark.parametrize("delay", [0.2, 1.0, 2.0])
def test_ctrl_c_at_any_point_of_start_up_is_clean(tmp_path, delay):
    """While the program imports, while workers are spawned, while they load: a
    message and exit 130, never a traceback (from the parent or a worker)."""
    source, out = _batch(tmp_path, 3000)
    process = _start(source, out, "--workers", "2", "--batch-size", "8")
    time.sleep(delay)
    os.killpg(process.pid, signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "interrupted" in stderr and "Traceback" not in stderr, stderr
    assert _wait_for(lambda: not _group(process.pid), 15)
    _assert_clean(tmp_path, out)
