"""The score floors of tests/gates.toml, read by the tests that enforce them."""
from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

GATES_PATH = Path(__file__).with_name("gates.toml")


@lru_cache(maxsize=None)
def gates(text: str | None = None) -> dict[str, dict]:
    """Every gate by name (from ``text``, a version of the file, else the file)."""
    return tomllib.loads(text if text is not None else GATES_PATH.read_text(encoding="utf-8"))


def floor(name: str) -> float:
    return gates()[name]["floor"]
