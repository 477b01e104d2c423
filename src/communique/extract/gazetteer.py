"""The actor dictionaries: countries, intergovernmental organisations, people with
their offices and tenures, and the role words that give a sector.

Built-ins are data files in ``communique/data/actors/``; a user file (YAML or CSV,
``--actors FILE``) is merged over them: an entry with the same name replaces the
built-in one. Loaded once per process.

Under our own files lies a lower-priority historical layer imported from the Phoenix
dictionaries (``people_phoenix.csv``, ``names_phoenix.csv``; see
``communique.dictionaries.actors``): ours win every conflict. An imported name is used
only when no form of ours has that text (any case); an imported person whose name is one
of our people's (same country) adds only the terms that overlap none of ours, and those
only answer for a date none of ours covers. Imported forms are matched case-insensitively
(``Gazetteer.historical``) but only where capitalised as names (see actors.py).
"""
from __future__ import annotations

import csv
import gc
import hashlib
import io
import os
import pickle
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
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
    layer: int = 0  # 0 ours, 1 imported (historical, lower priority)

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
    layer: int = 0  # 0 ours, 1 imported (historical, lower priority)

    def office_on(self, day: str) -> Office | None:
        """The office held on ``day``: ours first, an imported term only when none of ours holds."""
        return next((o for o in self.offices if o.layer == 0 and o.holds_on(day)), None) \
            or next((o for o in self.offices if o.layer and o.holds_on(day)), None)


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
    # imported (historical) forms, lower case -> (entry key, form); never a form of ours
    historical: dict[str, tuple[str, str]] = field(default_factory=dict)
    historical_end: str = ""  # the latest date in the imported people data
    _own_people: list | None = None

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
        if self._own_people is None:
            self._own_people = [e for e in self.entries.values() if e.kind == "person" and e.layer == 0]
        for matches in (lambda o: title in o.titles, lambda o: generic and role is not None and o.role == role):
            found = [e for e in self._own_people
                     if any(o.country == country and matches(o) and o.holds_on(day) for o in e.offices)]
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
    "people_phoenix.csv": {"name", "aliases", "country", "code", "start", "end", "source"},
    "names_phoenix.csv": {"name", "aliases", "kind", "code", "country", "source"},
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
    gazetteer = _cached_builtins()
    for extra in extra_files:
        _merge_user_file(gazetteer, Path(extra))
    if extra_files:
        _index_short_names(gazetteer)
    return gazetteer


# The built-in dictionaries, compiled, are cached in a pickle named by the hash of the data
# files and of this module (so any change to either rebuilds it): reading ~30,000 imported
# rows takes about 0.6 s, unpickling them a fraction of that. COMMUNIQUE_CACHE_DIR (else
# XDG_CACHE_HOME/communique, else ~/.cache/communique) holds it; COMMUNIQUE_CACHE_DIR=""
# turns it off. Any failure to read or write it falls back to building from the files.
CACHE_FORMAT = 1


def _cache_file() -> Path | None:
    base = os.environ.get("COMMUNIQUE_CACHE_DIR")
    if base == "":
        return None
    folder = Path(base) if base else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "communique"
    digest = hashlib.sha256(f"{CACHE_FORMAT}".encode())
    digest.update(Path(__file__).read_bytes())
    for path in sorted(data_path("actors").iterdir()):
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return folder / f"gazetteer-{digest.hexdigest()[:24]}.pickle"


def _cached_builtins() -> Gazetteer:
    """The built-ins, from the cache or built (the collector paused meanwhile: tens of
    thousands of small objects made at once would set it off again and again)."""
    paused = gc.isenabled()
    gc.disable()
    try:
        return _cached_or_built()
    finally:
        if paused:
            gc.enable()


def _cached_or_built() -> Gazetteer:
    try:
        cache = _cache_file()
    except OSError:
        cache = None
    if cache is not None and cache.is_file():
        try:
            with open(cache, "rb") as handle:
                gazetteer = pickle.load(handle)
            if isinstance(gazetteer, Gazetteer):
                return gazetteer
        except Exception:  # noqa: BLE001 - a damaged or foreign cache is rebuilt, never trusted
            pass
    gazetteer = _build_builtins()
    if cache is not None:
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            temporary = cache.with_suffix(f".{os.getpid()}.tmp")
            with open(temporary, "wb") as handle:
                pickle.dump(gazetteer, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, cache)
        except OSError:
            pass
    return gazetteer


def _build_builtins() -> Gazetteer:
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
    _index_short_names(gazetteer)
    _load_historical(gazetteer, folder)
    return gazetteer


def _spelling_of(text: str, name: str) -> bool:
    """A variant spelling of a name: close to it, letter by letter (difflib's ratio >= 0.8)."""
    return SequenceMatcher(None, text.lower(), name.lower()).ratio() >= 0.8


def _load_historical(gazetteer: Gazetteer, folder: Path) -> None:
    """The imported layer (people_phoenix.csv, names_phoenix.csv), under ours."""
    ours = {text.lower() for text in gazetteer.phrases} | {text.lower() for text in gazetteer.short_names}
    historical = gazetteer.historical

    def add(text: str, key: str, form: str) -> None:
        text = " ".join(text.split()).lower()
        if text and text not in ours:
            historical.setdefault(text, (key, form))
    for row in _shipped_rows(folder / "names_phoenix.csv"):
        forms = [row["name"]] + _split(row.get("aliases"))
        if row["kind"] == "country":
            country = gazetteer.entries.get("C:" + row["code"])
            if country is not None:
                # a spelling of the country's name ("Afganistan", "Ethopia") is its name; a
                # city or region ("Kabul", "Helmand") a place, the country only when it acts
                for text in forms:
                    add(text, country.key, "alias" if _spelling_of(text, country.name) else "place")
            continue
        key = "H:" + row["name"].strip()
        gazetteer.entries[key] = Entry(key=key, name=row["name"].strip(), kind=row["kind"], code=_clean(row["code"]),
                                       country=_clean(row.get("country")), layer=1)
        for text in forms:
            add(text, key, "name")
    own_people = {}
    for entry in gazetteer.entries.values():
        if entry.kind == "person":
            own_people[entry.name.lower()] = entry
    for text, (key, _) in gazetteer.phrases.items():
        if key.startswith("P:"):
            own_people.setdefault(text.lower(), gazetteer.entries[key])
    for row in _shipped_rows(folder / "people_phoenix.csv"):
        name = row["name"].strip()
        office = Office(code=_clean(row["code"]), country=_clean(row["country"]), role=None,
                        start=row["start"].strip(), end=row["end"].strip(), layer=1)
        gazetteer.historical_end = max(gazetteer.historical_end, office.start, office.end)
        mine = own_people.get(name.lower())
        if mine is not None and mine.layer == 0:
            if mine.country == office.country and not any(o.layer == 0 and _overlap(o, office) for o in mine.offices):
                mine.offices.append(office)  # a term of ours we do not have: answers only where ours are silent
            continue
        if name.lower() in ours:
            continue
        key = "H:P:" + name
        entry = gazetteer.entries.get(key)
        if entry is None:
            entry = gazetteer.entries[key] = Entry(key=key, name=name, kind="person", code=None,
                                                   country=office.country, layer=1)
            own_people[name.lower()] = entry
            for text in [name] + _split(row.get("aliases")):
                add(text, key, "name")
        entry.offices.append(office)
    # An imported term with no end held when the data was made, no later as far as we know:
    # it ends with the data (after that, the person's status is unknown; see actors.py).
    for entry in gazetteer.entries.values():
        if entry.kind == "person" and any(o.layer and not o.end for o in entry.offices):
            entry.offices = [replace(o, end=gazetteer.historical_end) if o.layer and not o.end else o
                             for o in entry.offices]


def _overlap(a: Office, b: Office) -> bool:
    """Two terms share a day (an unknown start or end reaches as far as it can)."""
    return (not a.start or not b.end or a.start <= _end_bound(b.end)) and \
        (not b.start or not a.end or b.start <= _end_bound(a.end))


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
        if entry.kind != "person" or entry.layer:  # imported people answer to their full names only
            continue
        words = entry.name.split()
        if len(words) < 2:
            continue
        short = words[0] if entry.country in gazetteer.family_name_first else words[-1]
        keys = gazetteer.short_names.setdefault(short, [])
        if entry.key not in keys:
            keys.append(entry.key)
