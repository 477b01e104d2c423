"""Settings, declared once: the CLI options, the environment variables, the config
file keys and the README table all come from :data:`SETTINGS`.

Precedence, highest first: command-line option, environment variable
(``COMMUNIQUE_<NAME>``), config file (``[communique]`` table of a TOML file given
by ``--config`` or ``COMMUNIQUE_CONFIG``, else ``./communique.toml``), default.
"""
from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, fields, replace
from datetime import date
from pathlib import Path
from typing import Any, Callable

from .errors import CommuniqueError
from .ingest.unicode_safety import printable_path


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str
    parse: Callable[[str], Any] = str
    option: bool = True  # False: no command-line option (a secret: other users can read a command line)

    @property
    def env(self) -> str:
        return "COMMUNIQUE_" + self.name.upper()


def _fraction(value) -> float:
    number = float(value)
    if not 0 < number <= 1:
        raise ValueError("must be more than 0 and at most 1")
    return number


def _positive_int(value) -> int:
    number = int(value)
    if number < 1:
        raise ValueError("must be 1 or more")
    return number


def _seconds(value) -> float:
    number = float(value)
    if not number >= 0 or number == float("inf"):  # also refuses NaN
        raise ValueError("must be a number of seconds, 0 or more (0 = no limit)")
    return number


def _iso_date(value) -> str:
    text = str(value)  # a TOML date arrives as a datetime.date
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise ValueError("must be a date as YYYY-MM-DD")
    return date.fromisoformat(text).isoformat()


def _flag(value) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off", ""):
        return False
    raise ValueError("must be true or false (1/0, yes/no, on/off)")


def _dask_address(value) -> str:
    text = str(value).strip()
    if not re.fullmatch(r"local(:[1-9][0-9]*)?|(tcp|tls)://\S+", text):
        raise ValueError("must be local, local:N (N workers) or a scheduler address tcp://HOST:PORT")
    return text


def _paths(value) -> tuple[str, ...]:
    if isinstance(value, str):
        value = value.split(os.pathsep)
    return tuple(str(Path(v)) for v in value if str(v).strip())


SETTINGS: tuple[Setting, ...] = (
    Setting("model", "sm",
            "spaCy pipeline: 'sm' (default, en_core_web_sm), 'md' (en_core_web_md, `make model-md`), "
            "an installed package name or a path to a pipeline folder."),
    Setting("max_bytes", 20_000_000, "Largest input accepted, in bytes (a file, or one JSONL record).", _positive_int),
    Setting("batch_size", 64, "Documents per nlp.pipe batch.", _positive_int),
    Setting("workers", 1, "Worker processes for a JSONL batch (each loads the pipeline once).", _positive_int),
    Setting("timeout", 300.0, "Longest time, in seconds, one record may take (its ingest, or the analysis of one "
            "piece of a long document) before it becomes error C112; 0 = no limit.", _seconds),
    Setting("reference_date", None, "The date (YYYY-MM-DD) that relative times and offices resolve against when a "
            "document has no published date; without one, relative times stay unresolved and offices are read as "
            "the dictionaries' latest. Never today's date.", _iso_date),
    Setting("actors", (), "Actor dictionaries of your own (YAML or CSV), merged over the built-ins; "
            "repeat the option, or separate paths with the OS path separator.", _paths),
    Setting("db", "communique.duckdb", "The corpus store: a DuckDB file (created on first use).", str),
    Setting("story_threshold", 0.6, "Estimated Jaccard similarity (MinHash, word 5-grams) from which a stored "
            "document joins a near-duplicate's story.", _fraction),
    Setting("token", None, "The bearer token the web app's writes need (`Authorization: Bearer <token>`); unset: "
            "`communique serve` makes one and prints it.", str, option=False),
    Setting("dask", None, "Run `ingest`'s analysis on Dask: local (a LocalCluster, a worker per core), local:N "
            "(N workers), or a running scheduler's address tcp://HOST:PORT.", _dask_address),
    Setting("private_reads", False, "Whether the web app's reads (pages and GET /api) need the token too.", _flag),
)
SETTING_BY_NAME = {s.name: s for s in SETTINGS}


@dataclass(frozen=True)
class Config:
    model: str = SETTING_BY_NAME["model"].default
    max_bytes: int = SETTING_BY_NAME["max_bytes"].default
    batch_size: int = SETTING_BY_NAME["batch_size"].default
    workers: int = SETTING_BY_NAME["workers"].default
    timeout: float = SETTING_BY_NAME["timeout"].default
    reference_date: str | None = SETTING_BY_NAME["reference_date"].default
    actors: tuple[str, ...] = SETTING_BY_NAME["actors"].default
    db: str = SETTING_BY_NAME["db"].default
    story_threshold: float = SETTING_BY_NAME["story_threshold"].default
    token: str | None = SETTING_BY_NAME["token"].default
    dask: str | None = SETTING_BY_NAME["dask"].default
    private_reads: bool = SETTING_BY_NAME["private_reads"].default

    def merged(self, **overrides) -> "Config":
        """A copy with the given values (None = keep) parsed and checked."""
        values = {}
        for name, value in overrides.items():
            if value is not None:
                values[name] = _checked(name, value)
        return replace(self, **values)


def _checked(name: str, value):
    setting = SETTING_BY_NAME[name]
    try:
        return setting.parse(value)
    except (TypeError, ValueError, OverflowError) as exc:
        raise CommuniqueError("C202", name=name, value=value, reason=str(exc)) from None


def _config_file_values(path: Path | None) -> dict:
    explicit = path is not None or "COMMUNIQUE_CONFIG" in os.environ
    path = Path(path or os.environ.get("COMMUNIQUE_CONFIG") or "communique.toml")
    try:
        if not path.is_file():
            if explicit:
                raise CommuniqueError("C203", path=printable_path(path), reason="no such file")
            return {}
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise CommuniqueError("C203", path=printable_path(path), reason=str(exc)) from None
    table = data.get("communique", {})
    if not isinstance(table, dict):
        raise CommuniqueError("C203", path=printable_path(path), reason=f"'communique' must be a table ([communique]), "
                                                             f"got {type(table).__name__}")
    unknown = set(table) - set(SETTING_BY_NAME)
    if unknown:
        raise CommuniqueError("C203", path=printable_path(path), reason=f"unknown settings {sorted(unknown)}")
    return table


def load_config(config_file: Path | None = None, **cli_values) -> Config:
    """Resolve every setting: CLI value, else environment, else config file, else default."""
    assert {f.name for f in fields(Config)} == set(SETTING_BY_NAME)
    file_values = _config_file_values(config_file)
    values = {}
    for setting in SETTINGS:
        for candidate in (cli_values.get(setting.name), os.environ.get(setting.env), file_values.get(setting.name)):
            if candidate is not None and candidate != ():
                values[setting.name] = candidate
                break
    return Config().merged(**values)
