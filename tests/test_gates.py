"""The gates file: one place for every score floor, each used by a test, none
lowered silently."""
from __future__ import annotations

import re
import subprocess

import pytest

from conftest import ROOT
from gates import GATES_PATH, gates

RELATIVE = GATES_PATH.relative_to(ROOT).as_posix()


def test_every_gate_is_well_formed():
    for name, gate in gates().items():
        assert set(gate) <= {"floor", "measured", "what", "lowered"}, name
        assert 0 < gate["floor"] <= gate["measured"] <= 1, f"{name}: the floor sits above what was measured"
        assert gate["what"].strip(), name


def test_every_gate_is_enforced_by_a_test():
    used = set()
    for path in (ROOT / "tests").glob("test_*.py"):
        used |= set(re.findall(r"""floor\(\s*f?["']([a-z0-9_{}]+)["']""", path.read_text(encoding="utf-8")))
    prefixes = {name.split("{")[0] for name in used if "{" in name}
    unused = [name for name in gates() if name not in used and not any(name.startswith(p) for p in prefixes)]
    assert not unused, f"gates no test reads: {unused}"


def _committed_versions() -> list[str]:
    """The file's text at every commit that changed it, oldest first."""
    try:
        commits = subprocess.run(["git", "log", "--format=%H", "--", RELATIVE], cwd=ROOT, capture_output=True,
                                 text=True, check=True, timeout=60).stdout.split()
    except (OSError, subprocess.SubprocessError):
        pytest.skip("not a git checkout: the history of the gates file cannot be read")
    return [subprocess.run(["git", "show", f"{commit}:{RELATIVE}"], cwd=ROOT, capture_output=True, text=True,
                           check=True, timeout=60).stdout for commit in reversed(commits)]


def lowered_silently(before: dict, after: dict) -> list[str]:
    """Gates whose floor went down (or that disappeared) without a `lowered` reason."""
    found = []
    for name, old in before.items():
        new = after.get(name)
        if new is None:
            found.append(f"{name} removed")
        elif new["floor"] < old["floor"] and new.get("lowered", "") in ("", old.get("lowered", "")):
            found.append(f"{name} {old['floor']} -> {new['floor']}")
    return found


def test_no_floor_is_lowered_silently():
    versions = _committed_versions() + [GATES_PATH.read_text(encoding="utf-8")]
    for before, after in zip(versions, versions[1:]):
        assert not lowered_silently(gates(before), gates(after))


def test_the_check_catches_a_silent_lowering():
    before = {"x": {"floor": 0.8, "measured": 0.9, "what": "x"}}
    assert lowered_silently(before, {"x": {"floor": 0.7, "measured": 0.9, "what": "x"}}) == ["x 0.8 -> 0.7"]
    assert lowered_silently(before, {}) == ["x removed"]
    assert lowered_silently(before, {"x": {"floor": 0.7, "measured": 0.9, "what": "x", "lowered": "why"}}) == []
    assert lowered_silently(before, {"x": {"floor": 0.85, "measured": 0.9, "what": "x"}}) == []
