"""Events, sub-stage 1: the ontology. The CAMEO codebook ``data/events/cameo.csv`` (each
code's name, Goldstein score, quad class and PLOVER type and mode) and the PLOVER
ontology ``plover.yml``, against which the codebook's PLOVER columns are checked (C205).
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import lru_cache

from ...errors import CommuniqueError
from ...resources import Schema, data_path, load_data

PLOVER_SCHEMA = Schema(required={"quad_classes": dict, "types": dict, "old_names": dict})
# The shipped ontology: the default of the component's config key ``plover``.
DEFAULT_PLOVER = "events/plover.yml"


@dataclass(frozen=True)
class Code:
    code: str
    name: str
    goldstein: float
    quad_class: int
    plover: str | None
    plover_mode: str | None


@lru_cache(maxsize=1)
def load_codebook() -> dict[str, Code]:
    text = data_path("events/cameo.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(line for line in io.StringIO(text) if line.strip() and not line.lstrip().startswith("#"))
    book = {}
    for row in rows:
        code = row["code"].strip()
        book[code] = Code(code=code, name=row["name"].strip(), goldstein=float(row["goldstein"]),
                          quad_class=int(row["quad_class"]), plover=(row.get("plover") or "").strip() or None,
                          plover_mode=(row.get("plover_mode") or "").strip() or None)
    return book


@lru_cache(maxsize=8)
def load_ontology(plover: str = DEFAULT_PLOVER) -> dict:
    """The PLOVER types (shipped ``data/events/plover.yml`` or a path to the user's own),
    checked at load (C205)."""
    return load_data(plover, PLOVER_SCHEMA)


def check_plover_columns(codebook: dict, ontology: dict) -> None:
    """C205 when cameo.csv names a PLOVER type or mode that the ontology does not have."""
    types = ontology["types"]
    for code in codebook.values():
        if code.plover and (code.plover not in types or (
                code.plover_mode and code.plover_mode not in (types[code.plover].get("modes") or []))):
            raise CommuniqueError("C205", path="data/events/cameo.csv",
                                  reason=f"code {code.code}: PLOVER {code.plover} {code.plover_mode or ''} "
                                         "is not in plover.yml")
