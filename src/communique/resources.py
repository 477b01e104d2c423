"""The language data shipped in ``communique/data``: one loader, files checked at load.

Every data file is read through :func:`load_data` with a small :class:`Schema`:
the keys it must have, the keys it may have, and the type of each. A missing or
unknown key, or a value of the wrong type, is error C205 naming the file and the
key when the file is loaded, not the first time a rule would have used it (a
misspelled optional key would otherwise silently turn a rule off). Loaded once
per process.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .errors import CommuniqueError

# libyaml's safe loader where PyYAML was built with it (ten times faster on our data files:
# it is most of the pipeline's load time), else the pure-Python one; both load the same.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def data_path(relative: str) -> Path:
    return Path(str(resources.files("communique") / "data" / relative))


@dataclass(frozen=True)
class Schema:
    """What a YAML mapping holds. ``required`` and ``optional`` map each key to its
    type (a type or a tuple of types, as for ``isinstance``); ``any_keys``: the
    mapping is open (a table keyed by names the data chooses), and ``values`` then
    gives the type of every value."""
    required: dict[str, Any] = field(default_factory=dict)
    optional: dict[str, Any] = field(default_factory=dict)
    any_keys: bool = False
    values: Any = object

    def problems(self, data: Any, where: str = "") -> list[str]:
        """What is wrong with ``data``, as readable phrases (empty when it fits)."""
        if not isinstance(data, dict):
            return [f"{where or 'the file'} must be a mapping, got {type(data).__name__}"]
        found = []
        for key, kind in self.required.items():
            if key not in data:
                found.append(f"{where}missing key {key!r}")
            elif not isinstance(data[key], kind):
                found.append(f"{where}{key!r} must be {_kind_name(kind)}, got {type(data[key]).__name__}")
        for key, value in data.items():
            if key in self.required:
                continue
            if key in self.optional:
                kind = self.optional[key]
            elif self.any_keys:
                kind = self.values
            else:
                known = sorted(set(self.required) | set(self.optional))
                found.append(f"{where}unknown key {key!r} (known: {', '.join(known)})")
                continue
            if value is not None and not isinstance(value, kind):
                found.append(f"{where}{key!r} must be {_kind_name(kind)}, got {type(value).__name__}")
        return found


def _kind_name(kind) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join({list: "a list", dict: "a mapping", str: "text", int: "a whole number", float: "a number",
                        bool: "true or false"}.get(k, k.__name__) for k in kinds)


def check(data: Any, schema: Schema, path: str) -> Any:
    """``data`` if it fits ``schema``, else C205 naming ``path`` and every problem."""
    problems = schema.problems(data)
    if problems:
        raise CommuniqueError("C205", path=path, reason="; ".join(problems))
    return data


def load_data(name: str, schema: Schema | None = None):
    """A YAML data file checked against ``schema`` (C205 if it does not fit): a file
    of the user's own when ``name`` is a path to one (a component's config names it,
    ``nlp.add_pipe(..., config={...})``), else the shipped ``communique/data/<name>``."""
    path = Path(name).expanduser()
    if path.is_file():
        data, where = _load_file(str(path.resolve())), str(path)
    else:
        data, where = load_yaml(name), f"data/{name}"
    return check(data, schema, where) if schema is not None else data


@lru_cache(maxsize=None)
def _load_file(path: str):
    try:
        with open(path, encoding="utf-8") as handle:
            return yaml.load(handle, Loader=SAFE_LOADER)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise CommuniqueError("C205", path=path, reason=str(exc).splitlines()[0]) from None


@lru_cache(maxsize=None)
def load_yaml(relative: str):
    path = data_path(relative)
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.load(handle, Loader=SAFE_LOADER)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise CommuniqueError("C205", path=f"data/{relative}", reason=str(exc).splitlines()[0]) from None
