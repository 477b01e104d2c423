"""Build every imported dictionary file from the PETRARCH2/Phoenix sources.

Reproducible: the same sources give byte-identical files (entries in source order, no
timestamps), so ``git diff`` after a rebuild shows only what changed upstream or in the
import rules. ``communique dictionaries build --from DIR`` runs it.
"""
from __future__ import annotations

import importlib
from pathlib import Path

from ..errors import CommuniqueError

# The importers, in the order they run; each a module of this package with
# ``build(source_dir, data_dir) -> dict``.
PARTS = ("verbs", "actors", "agents", "discards")
DATA_DIR = Path(__file__).resolve().parent.parent / "data"
REQUIRED = ("LICENSE", "CAMEO.2.0.txt", "Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
            "Phoenix.MilNonState.actors.txt", "Phoenix.agents.txt", "Phoenix.discards.txt")


def build(source_dir: Path, data_dir: Path = DATA_DIR, parts: tuple[str, ...] = PARTS) -> dict[str, dict]:
    """Run the importers named in ``parts``; C101 when a source file is missing."""
    source_dir = Path(source_dir)
    for name in REQUIRED:
        if not (source_dir / name).is_file():
            raise CommuniqueError("C101", path=str(source_dir / name))
    report = {}
    for part in parts:
        module = importlib.import_module(f"{__package__}.{part}")
        report[part] = module.build(source_dir, Path(data_dir))
    return report
