"""Access to the language data shipped in ``communique/data`` (loaded once per process)."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml


def data_path(relative: str) -> Path:
    return Path(str(resources.files("communique") / "data" / relative))


@lru_cache(maxsize=None)
def load_yaml(relative: str):
    with data_path(relative).open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)
