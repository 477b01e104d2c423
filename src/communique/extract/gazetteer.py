"""The actor dictionaries: countries, intergovernmental organisations, people with
their offices and tenures, and the role words that give a sector.

Built-ins are data files in ``communique/data/actors/``; a user file (YAML or CSV,
``--actors FILE``) is merged over them: an entry with the same name replaces the
built-in one. Loaded once per process.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from ..errors import CommuniqueError
from ..ingest.unicode_safety import printable_path
from ..resources import Schema, data_path, load_data

KINDS = ("person", "country", "organization", "group")
# The two YAML files of data/actors/, checked at load (C205); each key is documented in its file.
NAMES_SCHEMA = Schema(required={"family_name_first": list, "title_modifiers": list, "honorifics": list,
                                "pair_nouns": dict, "pair_words": list, "pronoun_roles": list})
SECTORS_SCHEMA = Schema(required={"version": int, "sectors": dict, "role_codes": dict, "roles": dict,
                                  "person_roles": list, "group_roles": list, "modifiers": dict},
                         optional={"stateless": dict})


@dataclass(frozen=True)
class Office:
    """One term of one person in one office."""
    code: str | None
    country: str | None
    role: str | None
    start: str  # "" = since before our records
    end: str  # "" = still in office
    titles: tuple[str, ...] = ()  # what news calls the office: "president", "premier"

    def holds_on(self, day: str) -> bool:
        return (not self.start or self.start[: len(day)] <= day) and (not self.end or day <= _end_bound(self.end))


@dataclass
class Entry:
    """Something the text can name: a country, an organisation, a person, a group."""
    key: str
    name: str
    kind: str
    code: str | None
    country: str | None
    wikidata: str | None = None
    offices: list[Office] = field(default_factory=list)


@dataclass(frozen=True)
class SectorWord:
    sector: str | None  # CAMEO agent code (GOV, or a fuller GOVMIL), None for a role without one
    role: str | None  # a normalised role ("head of state", "spokesperson")
    person: bool  # names a person ("minister") rather than a body ("ministry", "forces")
    prefix: bool = False  # the code goes before the country (NGO~, IGO~ of agents.csv), not after
    layer: str = "sectors"  # sectors (sectors.yml, ours) | agents (agents.csv, imported, under ours)


@dataclass
class Gazetteer:
    entries: dict[str, Entry] = field(default_factory=dict)
    # surface form -> (entry key, form): form is name | alias | demonym | capital
    phrases: dict[str, tuple[str, str]] = field(default_factory=dict)
    sector_words: dict[str, SectorWord] = field(default_factory=dict)  # lower-case phrase ->
    short_names: dict[str, list[str]] = field(default_factory=dict)  # one-word name -> person keys
    family_name_first: frozenset = frozenset()
    modifiers: dict[str, str] = field(default_factory=dict)  # "former" -> ELI

    def add_phrase(self, text: str, key: str, form: str) -> None:
        """A surface form, with its sentence-initial and typographic-apostrophe variants."""
        text = " ".join(text.split())
        if not text:
            return
        variants = [text, text.replace("'", "’")]
        variants += ["The " + v[4:] for v in variants if v.startswith("the ")]
        for variant in variants:
            self.phrases.setdefault(variant, (key, form))

    def place_country(self, place: str) -> str | None:
        """The country (alpha-3) a place name stands for: a country's name or alias, or
        a capital, as written or title-cased ("NICOSIA" -> CYP); None when unknown."""
        for text in dict.fromkeys((" ".join(place.split()), " ".join(place.split()).title())):
            found = self.phrases.get(text)
            if found is not None and found[1] != "demonym":
                entry = self.entries[found[0]]
                if entry.kind == "country":
                    return entry.country
        return None

    def holder(self, country: str | None, title: str, role: str | None, day: str) -> Entry | None:
        """The one person holding the office news calls ``title`` (else ``role``) for
        ``country`` on ``day``, if exactly one does."""
        if not country:
            return None
        # By role only for a one-word title: "the spokesperson" is the government's, but
        # a "Foreign Ministry spokesperson" is not the holder of that office.
        generic = " " not in title
        for matches in (lambda o: title in o.titles, lambda o: generic and role is not None and o.role == role):
            found = [e for e in self.entries.values() if e.kind == "person"
                     and any(o.country == country and matches(o) and o.holds_on(day) for o in e.offices)]
            if found:
                return found[0] if len(found) == 1 else None
        return None


def _end_bound(end: str) -> str:
    """The last day a partial end date ("2024", "2024-05") covers, for comparisons."""
    return end + "-12-31"[len(end) - 4:] if len(end) < 10 else end


def _rows(path_or_text, suffix: str) -> list[dict]:
    """Rows of a CSV (lines starting with # skipped) or a YAML list of mappings."""
    text = path_or_text.read_text(encoding="utf-8") if isinstance(path_or_text, Path) else path_or_text
    if suffix in (".yml", ".yaml"):
        data = yaml.safe_load(text) or []
        if isinstance(data, dict):
            data = data.get("actors", [])
        if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
            raise ValueError("a YAML actors file is a list of mappings (or a mapping with an 'actors' list)")
        return data
    lines = [line for line in io.StringIO(text) if not line.lstrip().startswith("#") and line.strip()]
    return list(csv.DictReader(lines))


# The columns each shipped CSV must have (its header comment documents them).
CSV_COLUMNS = {
    "countries.csv": {"code", "iso2", "name", "aliases", "demonyms", "capitals", "wikidata"},
    "igos.csv": {"code", "name", "aliases", "wikidata", "cameo_official"},
    "groups.csv": {"code", "name", "aliases", "country", "kind", "wikidata", "cameo_official"},
    "people.csv": {"name", "aliases", "country", "code", "role", "title", "start", "end", "wikidata", "short_name"},
    "agents.csv": {"phrase", "forms", "code", "position", "source"},
}


def _shipped_rows(path: Path) -> list[dict]:
    """A shipped CSV's rows, its header checked (C205 when a column is missing or
    misspelt, rather than a KeyError on the first row that needs it)."""
    rows = _rows(path, ".csv")
    header = set(rows[0]) if rows else set()
    missing = CSV_COLUMNS[path.name] - header
    if missing or any(None in row for row in rows):
        reason = f"missing columns {sorted(missing)}" if missing else "a row with more fields than the header"
        raise CommuniqueError("C205", path=f"data/actors/{path.name}", reason=reason)
    return rows


def _split(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    return [v.strip() for v in str(value).split("|") if v.strip()]


def _clean(value) -> str | None:
    value = (str(value).strip() if value is not None else "")
    return value or None


@lru_cache(maxsize=8)
def load_gazetteer(extra_files: tuple[str, ...] = ()) -> Gazetteer:
    gazetteer = Gazetteer()
    folder = data_path("actors")
    names = load_data("actors/names.yml", NAMES_SCHEMA)
    gazetteer.family_name_first = frozenset(names.get("family_name_first", []))
    for row in _shipped_rows(folder / "countries.csv"):
        code = row["code"].strip()
        entry = Entry(key="C:" + code, name=row["name"].strip(), kind="country", code=code, country=code,
                      wikidata=_clean(row.get("wikidata")))
        gazetteer.entries[entry.key] = entry
        gazetteer.add_phrase(entry.name, entry.key, "name")
        for column, form in (("aliases", "alias"), ("demonyms", "demonym"), ("capitals", "capital")):
            for text in _split(row.get(column)):
                gazetteer.add_phrase(text, entry.key, form)
    for row in _shipped_rows(folder / "igos.csv") + _shipped_rows(folder / "groups.csv"):
        _add_organization(gazetteer, row)
    for row in _shipped_rows(folder / "people.csv"):
        _add_person(gazetteer, row)
    _load_sectors(gazetteer, load_data("actors/sectors.yml", SECTORS_SCHEMA))
    _load_agents(gazetteer, _shipped_rows(folder / "agents.csv"))
    for extra in extra_files:
        _merge_user_file(gazetteer, Path(extra))
    _index_short_names(gazetteer)
    return gazetteer


def _add_organization(gazetteer: Gazetteer, row: dict) -> None:
    """An organisation or a named group (igos.csv, groups.csv, a user's file)."""
    name = row["name"].strip()
    kind = _clean(row.get("kind")) or "organization"
    entry = Entry(key="O:" + name, name=name, kind=kind, code=_clean(row.get("code")),
                  country=_clean(row.get("country")), wikidata=_clean(row.get("wikidata")))
    gazetteer.entries[entry.key] = entry
    gazetteer.add_phrase(name, entry.key, "name")
    for alias in _split(row.get("aliases")):
        gazetteer.add_phrase(alias, entry.key, "alias")


def _add_person(gazetteer: Gazetteer, row: dict) -> None:
    name = row["name"].strip()
    key = "P:" + name
    entry = gazetteer.entries.get(key)
    if entry is None:
        entry = Entry(key=key, name=name, kind="person", code=None, country=_clean(row.get("country")),
                      wikidata=_clean(row.get("wikidata")))
        gazetteer.entries[key] = entry
        gazetteer.add_phrase(name, key, "name")
    entry.wikidata = entry.wikidata or _clean(row.get("wikidata"))
    for alias in _split(row.get("aliases")):
        gazetteer.add_phrase(alias, key, "alias")
    code = _clean(row.get("code"))
    if code or _clean(row.get("role")):
        entry.offices.append(Office(code=code, country=_clean(row.get("country")), role=_clean(row.get("role")),
                                    start=_clean(row.get("start")) or "", end=_clean(row.get("end")) or "",
                                    titles=tuple(t.lower() for t in _split(row.get("title")))))
    short = _clean(row.get("short_name"))
    if short:
        gazetteer.short_names.setdefault(short, [])
        if key not in gazetteer.short_names[short]:
            gazetteer.short_names[short].append(key)


def _load_sectors(gazetteer: Gazetteer, data: dict) -> None:
    roles = {k.lower(): v for k, v in (data.get("roles") or {}).items()}
    full_codes = {k.lower(): v for k, v in (data.get("role_codes") or {}).items()}
    person_words = {w.lower() for w in data.get("person_roles", [])}
    gazetteer.modifiers = {k.lower(): v for k, v in (data.get("modifiers") or {}).items()}
    for sector, spec in (data.get("sectors") or {}).items():
        for word in spec.get("words", []):
            word = word.lower()
            gazetteer.sector_words.setdefault(
                word, SectorWord(sector=full_codes.get(word, sector), role=roles.get(word), person=word in person_words))
    for word, role in roles.items():  # role words with no sector of their own ("leader")
        gazetteer.sector_words.setdefault(word, SectorWord(sector=None, role=role, person=word in person_words))


# Singular agent nouns whose last word ends so name one person ("policeman", "lawyer",
# "journalist"); other singular forms ("ministry", "police", "tribunal") name a body.
PERSON_ENDINGS = ("man", "woman", "person", "er", "or", "ist", "ian", "ant", "ee", "eer", "crat", "ic", "ive")


def _load_agents(gazetteer: Gazetteer, rows: list[dict]) -> None:
    """agents.csv, the imported Phoenix agents, as a layer under sectors.yml: a form
    sectors.yml already gives keeps our sector (``setdefault``)."""
    for row in rows:
        forms = _split(row["forms"])
        for number, form in enumerate(forms):
            last = form.rsplit(" ", 1)[-1]
            # the first form is the singular the source wrote; the rest are plurals
            # (or, for a substitution, its set: "policeman|policemen|...")
            person = not last.endswith(("men", "people")) and last.endswith(PERSON_ENDINGS) \
                and (number == 0 or "!" in row["phrase"])
            gazetteer.sector_words.setdefault(form, SectorWord(
                sector=row["code"].strip(), role=None, person=person, prefix=row["position"].strip() == "prefix",
                layer="agents"))


def _merge_user_file(gazetteer: Gazetteer, path: Path) -> None:
    """A user's actors file: rows with name, kind, code, aliases, country, role, start, end, wikidata."""
    shown = printable_path(path)
    try:
        if not path.is_file():
            raise CommuniqueError("C204", path=shown, reason="no such file")
        rows = _rows(path, path.suffix.lower())
    except (OSError, UnicodeDecodeError, ValueError, yaml.YAMLError, csv.Error) as exc:
        raise CommuniqueError("C204", path=shown, reason=str(exc).splitlines()[0]) from None
    for number, row in enumerate(rows, start=1):
        problem = _user_row_problem(row)
        if problem:
            raise CommuniqueError("C204", path=shown, reason=f"entry {number} {problem}, got {row!r}")
        row = {**row, "name": row["name"].strip()}
        kind = _clean(row.get("kind")) or "person"
        if kind == "person":
            gazetteer.entries.pop("P:" + row["name"], None)
            _add_person(gazetteer, row)
        elif kind == "country":
            code = _clean(row.get("code"))
            entry = Entry(key="C:" + code, name=row["name"], kind="country", code=code, country=code,
                          wikidata=_clean(row.get("wikidata")))
            gazetteer.entries[entry.key] = entry
            for text in [entry.name] + _split(row.get("aliases")):
                gazetteer.phrases[text] = (entry.key, "name")
        else:
            _add_organization(gazetteer, {**row, "kind": kind})
            entry = gazetteer.entries["O:" + row["name"]]
            for text in [entry.name] + _split(row.get("aliases")):
                gazetteer.phrases[text] = (entry.key, "name")


# What a user's entry may hold: text fields (YAML may also give numbers and dates,
# read as their text) and aliases as text or a list of texts.
USER_TEXT_FIELDS = ("kind", "code", "country", "role", "title", "start", "end", "wikidata", "short_name")


def _user_row_problem(row: dict) -> str | None:
    """Why a user's entry cannot be used, or None."""
    name = row.get("name")
    if not isinstance(name, str) or not name.strip():
        return "needs a name (text)"
    kind = _clean(row.get("kind")) or "person"
    if kind not in KINDS:
        return f"has kind {kind!r}, not one of {KINDS}"
    for key in USER_TEXT_FIELDS:
        if isinstance(row.get(key), (list, dict)):
            return f"has {key!r} as a {type(row[key]).__name__}, not text"
    aliases = row.get("aliases")
    if isinstance(aliases, dict) or (isinstance(aliases, list) and any(isinstance(a, (list, dict)) for a in aliases)):
        return "has 'aliases' that are not a list of names"
    if kind == "country" and not _clean(row.get("code")):
        return "is a country without a code (its ISO 3166 alpha-3 code, e.g. FRA)"
    return None


def _index_short_names(gazetteer: Gazetteer) -> None:
    """One-word names people are called by: the family name (last word, or first
    for the name orders in names.yml)."""
    for entry in gazetteer.entries.values():
        if entry.kind != "person":
            continue
        words = entry.name.split()
        if len(words) < 2:
            continue
        short = words[0] if entry.country in gazetteer.family_name_first else words[-1]
        keys = gazetteer.short_names.setdefault(short, [])
        if entry.key not in keys:
            keys.append(entry.key)
