"""The Phoenix actor dictionaries, imported as a lower-priority historical layer.

Reads ``Phoenix.Countries.actors.txt`` (countries with their synonyms, and ~18,000
people with dated codes, from CountryInfo), ``Phoenix.International.actors.txt``
(IGOs, NGOs, multinationals) and ``Phoenix.MilNonState.actors.txt`` (militant and
non-state groups), and writes two files of ours under ``data/actors/``:

- ``people_phoenix.csv``: one row per person per dated term, the columns of
  ``people.csv`` plus ``source``; its header states the CC BY-SA 3.0 licence and the
  attribution of the CountryInfo data the people come from, beside the MIT notice;
- ``names_phoenix.csv``: country synonyms and cities (to a country code), named
  institutions, organisations and groups (to their code), with ``source``.

The gazetteer loads both after our own files: ours win every conflict.

A record is a primary phrase, its ``+`` synonyms and its codes (inline or on tab lines);
primary phrases with no code run into the next record (``IVO_JOSIPOVIC_`` /
``PRESIDENT_JOSIPOVIC_`` / codes). The rules, each counted in the report:

- *people* are the records with dated codes (CountryInfo's, and a few hand-added ones);
  their ``ELI`` ranges (codes ending ELI: the years before and after office) and their
  undated codes are dropped: read first-match, an undated ``[AFGELI]`` would hide
  nothing, but a default code hides that the person is out of office;
- *cut-off dates* are unknown (empty): a start of 2003-01-01 (``030101``, where
  CountryInfo's cabinet lists begin, not when the minister took office) and an open end
  (``>date``: in office when the file was made, in 2014);
- *dates* YYMMDD become ISO dates; a two-digit year above 30 is 19xx, else 20xx
  (the file ends in 2016 and writes earlier centuries with four digits);
- *old country codes* in a code's first three letters are mapped to ours: TMP -> TLS,
  DDR -> DEU, SUN/USR -> RUS, YUG/SCG/FRY -> SRB, CSK -> CZE, KSV -> XKX, ROM -> ROU;
- *known errors*: Mauritania's leaders filed under Mauritius (MUS) become MRT (every
  MUS-coded name with the Hassaniya "Ould"); ministers of trade, economy and finance,
  coded GOVBUS (BUS is business in CAMEO), become GOV;
- *names*: underscores become spaces, parenthesised parts go, words are capitalised
  (particles such as "al", "bin", "de" kept lower case). People need two words or more
  and must not start with a title or role word ("President Karzai"); a one-word name
  must not be in spaCy's English lexicon (its stop words and the lemmatizer's word
  lists, which hold many proper nouns: "Chad", "Georgia", "Murray" go), a longer one
  must not be stop words only, and a one-word name needs six letters or more (acronyms
  such as SAFTA name agreements and much else); no form our own files already have, nor a one-word name
  one of our people answers to (first, last or short name) (ours win); a person whose
  full name is one of our people's is kept: the gazetteer adds only the terms that
  overlap none of ours;
- *kinds*: records with dated codes are people (unless an organisation word is in the
  name: "party", "council", "front"...); the other records are organisations (codes
  MNC, NGO, IGO...) or groups (MilNonState, REB codes); an undated record that reads
  like a person's name (two words or more, no organisation word, not a company) is an
  official or a militant without a term and is left out.
"""
from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..resources import data_path
from .petrarch_text import mit_notice, source_ref, write_csv

COUNTRIES, INTERNATIONAL, MILNONSTATE = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                                         "Phoenix.MilNonState.actors.txt")
PEOPLE_FILE, NAMES_FILE = "people_phoenix.csv", "names_phoenix.csv"
PEOPLE_COLUMNS = ("name", "aliases", "country", "code", "role", "title", "start", "end", "wikidata", "short_name",
                  "notes", "source")
NAMES_COLUMNS = ("name", "aliases", "kind", "code", "country", "source")
OLD_CODES = {"TMP": "TLS", "DDR": "DEU", "SUN": "RUS", "USR": "RUS", "YUG": "SRB", "SCG": "SRB", "FRY": "SRB",
             "CSK": "CZE", "KSV": "XKX", "ROM": "ROU"}
# Code prefixes that are not countries (CAMEO's international actors).
INTERNATIONAL_PREFIXES = ("IGO", "NGO", "IMG", "MNC", "NGM")
CUTOFF_START = "2003-01-01"
CENTURY_PIVOT = 30
SHORTEST_WORD_NAME = 6  # one-word names: acronyms and short words are too ambiguous  # YY > 30 -> 19YY, else 20YY
LOWER_PARTICLES = {"al", "el", "bin", "ibn", "bint", "de", "del", "della", "der", "den", "da", "das", "do", "dos",
                   "du", "la", "le", "van", "von", "y", "of", "the", "and", "for", "in", "on", "at", "to", "e"}
# Words that make a record an organisation rather than a person (International, MilNonState).
ORG_WORDS = set("""organization organisation organizations council committee commission bank fund union agency
institute institution federation league party front army movement brigade brigades battalion forces force group
groups association society foundation center centre network alliance coalition assembly authority government
ministry department office court tribunal program programme mission conference forum corporation company
international cartel militia guard guards jihad martyrs revolutionary liberation resistance faction cells cell
nuclei unit units command club trust church congress parliament secretariat board bureau service services
initiative campaign watch aid relief red cross crescent university college school academy"""
                .split())
BR = re.compile(r"\[([^\]]*)\]")
DATE = re.compile(r"\d{6}|\d{8}")


@dataclass
class Record:
    path: Path
    number: int
    names: list[tuple[int, str]] = field(default_factory=list)  # (line, raw phrase); the first is primary
    codes: list[tuple[int, str]] = field(default_factory=list)  # (line, raw restriction text)
    country_info: bool = False


def records(path: Path):
    """The records of one actor file, in source order."""
    record: Record | None = None
    blank = False
    with open(path, encoding="utf-8", errors="replace") as handle:
        for number, raw in enumerate(handle, start=1):
            raw = raw.rstrip("\n")
            body, _, comment = raw.partition("#")
            if not body.strip():
                blank = blank or not raw.strip()
                continue
            codes = [(number, c) for c in BR.findall(body)]
            if raw[0] in " \t":
                if record is not None:
                    record.codes += codes
            elif raw[0] == "+":
                if record is not None:
                    record.names += [(number, part) for part in body[1:].split("[")[0].split("+")]
                    record.codes += codes
            else:
                phrase = body.split("[")[0]
                if record is not None and not record.codes and not blank:
                    record.names.append((number, phrase))  # a code-less phrase runs into this record
                    record.codes += codes
                    record.country_info = record.country_info or "CountryInfo" in comment
                else:
                    if record is not None:
                        yield record
                    record = Record(path, number, [(number, phrase)], codes, "CountryInfo" in comment)
            blank = False
    if record is not None:
        yield record


# ------------------------------------------------------------------ codes and dates
@dataclass(frozen=True)
class Term:
    line: int
    code: str
    start: str  # ISO date, "" unknown
    end: str  # ISO date, "" unknown/open
    dated: bool
    open_end: bool = False
    notes: tuple[str, ...] = ()


def iso_date(text: str) -> str | None:
    """YYMMDD or YYYYMMDD -> YYYY-MM-DD (None when malformed)."""
    if len(text) == 6:
        year = int(text[:2])
        text = ("19" if year > CENTURY_PIVOT else "20") + text
    if len(text) != 8:
        return None
    year, month, day = int(text[:4]), int(text[4:6]), int(text[6:])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def parse_term(line: int, text: str, counts: Counter) -> Term | None:
    """One ``[CODE restriction]``; None for a null code or a malformed date."""
    parts = text.split(None, 1)
    if not parts or not re.fullmatch(r"[A-Z]{3,}", parts[0]):
        counts["dropped: null or malformed code"] += 1
        return None
    code, restriction = parts[0], "".join(parts[1].split()) if len(parts) > 1 else ""
    if not restriction:
        return Term(line, code, "", "", dated=False)
    if restriction[0] in "<>":
        day = iso_date(restriction[1:]) if DATE.fullmatch(restriction[1:]) else None
        if day is None:
            counts["dropped: malformed date"] += 1
            return None
        return Term(line, code, day, "", True, True) if restriction[0] == ">" else Term(line, code, "", day, True)
    first, _, last = restriction.partition("-")
    start = iso_date(first) if DATE.fullmatch(first) else None
    end = iso_date(last) if DATE.fullmatch(last) else None
    if start is None or end is None or end < start:
        counts["dropped: malformed date"] += 1
        return None
    return Term(line, code, start, end, True)


def map_code(code: str, countries: set[str], notes: list[str]) -> str | None:
    """A code with old country codes mapped; None when its prefix is no country of ours
    and no international prefix."""
    prefix = code[:3]
    if prefix in OLD_CODES:
        notes.append(f"code {prefix} -> {OLD_CODES[prefix]}")
        code = OLD_CODES[prefix] + code[3:]
    if code.endswith("GOVBUS") and code[:3] in countries:
        notes.append("GOVBUS -> GOV (a minister, not business)")
        code = code[:-3]
    if code[:3] in countries or code.startswith(INTERNATIONAL_PREFIXES):
        return code
    return None


# ------------------------------------------------------------------ names
def display(raw: str) -> str:
    """``MAAOUYA_OULD_SID'AHMED_TAYA_`` -> ``Maaouya Ould Sid'Ahmed Taya``."""
    text = re.sub(r"\([^)]*\)", " ", raw.replace("_", " "))
    words = []
    for i, word in enumerate(text.split()):
        words.append(_word_case(word, first=i == 0))
    return " ".join(words)


def _word_case(word: str, first: bool) -> str:
    pieces = re.split(r"([-'’.])", word.lower())
    out = []
    for j, piece in enumerate(pieces):
        if j > 0 and pieces[j - 1] in ("'", "’") and len(piece) == 1:
            out.append(piece)  # "John's", not "John'S"
        elif piece in LOWER_PARTICLES and not (first and j == 0):
            out.append(piece)
        elif piece.startswith("mc") and len(piece) > 3:
            out.append("Mc" + piece[2:].capitalize())
        else:
            out.append(piece.capitalize())
    return "".join(out)


class Lexicon:
    """Common English words: spaCy's English stop words and the lemmatizer's word lists."""

    def __init__(self) -> None:
        from spacy.lang.en.stop_words import STOP_WORDS
        self.stop_words = set(STOP_WORDS)
        self.words = set(STOP_WORDS)
        try:
            import spacy

            from ..nlp import resolve_model
            nlp = spacy.load(resolve_model("sm"), disable=["tok2vec", "tagger", "parser", "ner"])
            tables = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
            for words in tables.values():
                self.words.update(words)
        except (OSError, ImportError, KeyError, ValueError):  # no model: stop words only
            pass

    def common(self, name: str) -> bool:
        """A one-word name in the lexicon (which lists many proper nouns too: "Chad",
        "Georgia", "Nice", "Murray" all go), or a phrase of stop words only."""
        words = [w.strip(".'") for w in re.split(r"[\s\-]+", name.lower()) if w.strip(".'")]
        if len(words) == 1:
            return words[0] in self.words or len(words[0]) < 3
        return all(w in self.stop_words for w in words)


def _title_words(data_dir: Path) -> set[str]:
    """Title and role words a person's name must not start with (sectors.yml, names.yml)."""
    sectors = yaml.safe_load((data_dir / "actors" / "sectors.yml").read_text(encoding="utf-8"))
    names = yaml.safe_load((data_dir / "actors" / "names.yml").read_text(encoding="utf-8"))
    words = {w.lower() for spec in sectors["sectors"].values() for w in spec.get("words", [])}
    words |= {w.lower() for w in sectors.get("roles", {})}
    words |= {w.lower().rstrip(".") for w in names["title_modifiers"] + names["honorifics"]}
    words |= {"president", "prime", "minister", "secretary", "general", "king", "queen", "prince", "emir", "sheikh",
              "sultan", "chairman", "premier", "ex", "former", "acting", "mullah", "mawlawi", "ayatollah", "imam",
              "gen", "general", "colonel", "captain", "commander", "mr", "mrs", "dr", "sir", "lord", "chief"}
    return {w for w in words if " " not in w}


def _our_forms(data_dir: Path) -> tuple[set[str], dict[str, str], set[str]]:
    """Lower-case surface forms of our files; our people's names by lower-case form -> country; country codes."""
    folder = data_dir / "actors"
    forms: set[str] = set()
    people: dict[str, str] = {}
    codes: set[str] = set()

    def rows(name):
        lines = [x for x in (folder / name).read_text(encoding="utf-8").splitlines(keepends=True)
                 if x.strip() and not x.lstrip().startswith("#")]
        return list(csv.DictReader(lines))
    for row in rows("countries.csv"):
        codes.add(row["code"])
        # forms the notes say were left out on purpose ("capital St. John's left out")
        forms.update(f.lower() for f in re.findall(r"\b[A-Z][\w.'’]*(?: [A-Z][\w.'’]*)*", row.get("notes") or ""))
        for column in ("name", "aliases", "demonyms", "capitals"):
            forms.update(f.strip().lower() for f in row[column].split("|") if f.strip())
    for file in ("igos.csv", "groups.csv"):
        for row in rows(file):
            forms.update(f.strip().lower() for f in [row["name"]] + row["aliases"].split("|") if f.strip())
    for row in rows("people.csv"):
        words = row["name"].split()  # the one-word names ours answer to (gazetteer: short names)
        forms.update(w.lower() for w in (row["short_name"], words[0], words[-1]) if w)
        for form in [row["name"]] + row["aliases"].split("|"):
            if form.strip():
                forms.add(form.strip().lower())
                people.setdefault(form.strip().lower(), row["country"])
    return forms, people, codes


# ------------------------------------------------------------------ build
def build(source_dir: Path, data_dir: Path) -> dict:
    source_dir, data_dir = Path(source_dir), Path(data_dir)
    counts: Counter = Counter()
    # our own files decide what is left out: those of the folder written to, else the package's
    ours_dir = data_dir if (data_dir / "actors" / "countries.csv").is_file() else Path(data_path("actors")).parent
    ours, our_people, countries = _our_forms(ours_dir)
    lexicon = Lexicon()
    titles = _title_words(ours_dir)
    people: list[dict] = []
    names: list[dict] = []
    seen: set[str] = set()  # imported lower-case forms already used

    def usable(name: str, person: bool) -> bool:
        key = name.lower()
        reason = None
        if not re.search(r"[a-z]", key) or re.search(r"\d", key):
            reason = "no name (digits or no letters)"
        elif key in ours and not (person and key in our_people and len(name.split()) > 1):
            reason = "a form of ours (ours win)"
        elif key in seen:
            reason = "repeated form (first kept)"
        elif person and len(name.split()) < 2:
            reason = "one-word person name"
        elif len(name.split()) < 2 and len(key) < SHORTEST_WORD_NAME:
            reason = "one-word name shorter than 6 letters (acronyms: SAFTA)"
        elif person and name.split()[0].lower().rstrip(".") in titles:
            reason = "person name starting with a title"
        elif lexicon.common(name):
            reason = "common English words"
        if reason:
            counts[f"names dropped: {reason}"] += 1
            return False
        seen.add(key)
        return True

    for filename in (COUNTRIES, INTERNATIONAL, MILNONSTATE):
        path = source_dir / filename
        for record in records(path):
            counts[f"records: {filename}"] += 1
            terms = [t for t in (parse_term(n, c, counts) for n, c in record.codes) if t is not None]
            primary = display(record.names[0][1])
            undated = [t for t in terms if not t.dated]
            if filename == COUNTRIES and undated and not record.country_info and _country_code(undated[0].code, countries):
                _country_names(record, _country_code(undated[0].code, countries), names, usable, counts)
                continue
            dated = [t for t in terms if t.dated]
            if dated and (record.country_info or _looks_like_person(primary, filename)):
                _person_rows(record, dated, undated, countries, people, usable, counts)
            elif terms:
                _name_row(record, terms, filename, countries, names, usable, counts)
            else:
                counts["records dropped: no code"] += 1
    write_csv(data_dir / "actors" / PEOPLE_FILE, _people_header(source_dir), PEOPLE_COLUMNS, people)
    write_csv(data_dir / "actors" / NAMES_FILE, _names_header(source_dir), NAMES_COLUMNS, names)
    counts["people rows"] = len(people)
    counts["people"] = len({r["name"] for r in people})
    counts["name rows"] = len(names)
    counts["names (with aliases)"] = sum(1 + len([a for a in r["aliases"].split("|") if a]) for r in names)
    return dict(sorted(counts.items()))


def _country_code(code: str, countries: set[str]) -> str | None:
    """A country's own code: ``AFG``, or a territory coded under its state (``USAASM``,
    ``GBRVGB``) that is a country of ours."""
    if code in countries:
        return code
    if len(code) == 6 and code[:3] in countries and code[3:] in countries:
        return code[3:]
    return None


def _looks_like_person(name: str, filename: str) -> bool:
    words = name.lower().replace("-", " ").split()
    return len(words) >= 2 and not any(w in ORG_WORDS for w in words)


def _country_names(record: Record, code: str, names: list, usable, counts: Counter) -> None:
    """A country's synonyms, adjectives and cities -> the country code (ours win)."""
    forms = [display(raw) for _, raw in record.names]
    kept = [f for f in forms if usable(f, person=False)]
    counts["country forms seen"] += len(forms)
    if kept:
        names.append({"name": kept[0], "aliases": "|".join(kept[1:]), "kind": "country", "code": code,
                      "country": code, "source": source_ref(record.path, record.number)})


def _name_row(record: Record, terms: list[Term], filename: str, countries: set[str], names: list, usable,
              counts: Counter) -> None:
    """A named institution, organisation or group: one code (the undated default, else
    the open-ended one); a code that changed over time without either is dropped."""
    term = next((t for t in terms if not t.dated), None) or next((t for t in terms if t.open_end), None)
    code = map_code(term.code, countries, []) if term is not None else None
    if code is None or code.endswith("ELI"):
        counts["records dropped: no single usable code"] += 1
        return
    forms = [display(raw) for _, raw in record.names]
    person_like = not code.startswith("MNC") and any(_looks_like_person(f, filename) for f in forms)
    if person_like:  # an official of an IGO or a militant, coded without dates: no term to import
        counts["records dropped: undated person"] += 1
        return
    kept = [f for f in forms if usable(f, person=False)]
    if not kept:
        return
    if len(code) == 6 and code[3:] in countries and filename == COUNTRIES and code[:3] in countries:
        code = code[3:]  # a territory coded under its state (USAASM, GBRVGB): ours has it as a country
    kind = "country" if code in countries else "group" if filename == MILNONSTATE or code[3:6] in ("REB", "INS", "UAF") or code.startswith("IMG") \
        else "organization"
    country = code[:3] if code[:3] in countries else ""
    names.append({"name": kept[0], "aliases": "|".join(kept[1:]), "kind": kind, "code": code, "country": country,
                  "source": source_ref(record.path, record.number)})


def _person_rows(record: Record, dated: list[Term], undated: list[Term], countries: set[str], people: list, usable,
                 counts: Counter) -> None:
    counts["people dropped: undated codes"] += len(undated)
    forms = [display(raw) for _, raw in record.names]
    kept = [f for f in forms if usable(f, person=True)]
    if not kept:
        counts["people dropped: no usable name"] += 1
        return
    rows = []
    for term in dated:
        if term.code.endswith("ELI"):
            counts["terms dropped: ELI range"] += 1
            continue
        notes: list[str] = []
        code = map_code(term.code, countries, notes)
        if code is None:
            counts["terms dropped: code of no country"] += 1
            continue
        if code[:3] == "MUS" and any("ould" in f.lower().split() for f in forms):
            code = "MRT" + code[3:]
            notes.append("MUS -> MRT (Mauritanian, filed under Mauritius)")
        start, end = term.start, term.end
        if start == CUTOFF_START:
            start = ""
            notes.append("start 2003-01-01 is CountryInfo's cut-off: unknown")
            counts["cut-off starts made unknown"] += 1
        if term.open_end:
            notes.append("open end in the source (in office in 2014): unknown")
            counts["open ends made unknown"] += 1
        for note in notes:
            if "->" in note:
                counts[f"codes fixed: {note.split(' (')[0]}"] += 1
        country = code[:3] if code[:3] in countries else ""
        rows.append({"name": kept[0], "aliases": "|".join(kept[1:]), "country": country, "code": code, "role": "",
                     "title": "", "start": start, "end": end, "wikidata": "", "short_name": "",
                     "notes": "; ".join(notes), "source": source_ref(record.path, term.line)})
    if not rows:
        counts["people dropped: no dated office"] += 1
    people.extend(rows)


# ------------------------------------------------------------------ output
COMMON_HEADER = [
    "# Written by 'communique dictionaries build --part actors' (communique/dictionaries/actors.py)",
    "# from ../shared/dictionaries/petrarch2/ (the PETRARCH2 dictionaries of the Open Event Data",
    "# Alliance, openeventdata/petrarch2 at commit 676801cd9cb2924bbbad09f86d15c9323e7097bf).",
    "# Do not edit by hand: change the import rules and rebuild. Our own files (countries.csv,",
    "# igos.csv, groups.csv, people.csv) win over this one on every conflict.",
    "#   source   the dictionary file and line each entry comes from",
]


def _people_header(source_dir: Path) -> list[str]:
    return [
        "# communique actor data, imported: people with dated CAMEO codes from the Phoenix",
        "# country dictionary (Phoenix.Countries.actors.txt), a lower-priority historical layer.",
        *COMMON_HEADER,
        "# Columns: those of people.csv (role, title, wikidata and short_name are empty: the source",
        "# has none), plus notes (what the import changed) and source (the line of the term).",
        "# Rules (actors.py): ELI ranges and undated codes dropped; a start of 2003-01-01 (CountryInfo's",
        "# cut-off) and open ends are unknown (empty); YYMMDD years > 30 are 19xx, else 20xx; old",
        "# country codes mapped (TMP TLS, DDR DEU, SUN/USR RUS, YUG/SCG/FRY SRB, CSK CZE, KSV XKX,",
        "# ROM ROU); Mauritanian leaders filed under MUS are MRT; GOVBUS ministers are GOV.",
        "# Licence and attribution: the people data derive from CountryInfo.txt (CountryInfo.140130,",
        "# via translate.countryinfo.pl), compiled by the Computational Event Data System project",
        "# (Philip A. Schrodt and colleagues, http://eventdata.parusanalytics.com, NSF grants",
        "# SES-1004414 and SES-1259190). CountryInfo is distributed under the Creative Commons",
        "# Attribution-ShareAlike 3.0 licence (CC BY-SA 3.0,",
        "# https://creativecommons.org/licenses/by-sa/3.0/): this file, adapted from it (names",
        "# re-cased, codes and dates changed by the rules above), is shared under the same licence.",
        "# The Phoenix dictionary file that carries it is published under the MIT licence:",
        *mit_notice(source_dir),
    ]


def _names_header(source_dir: Path) -> list[str]:
    return [
        "# communique actor data, imported: names from the Phoenix actor dictionaries, a",
        "# lower-priority historical layer: country synonyms, adjectives and cities",
        "# (Phoenix.Countries.actors.txt, to the country code), named institutions, organisations",
        "# (Phoenix.International.actors.txt) and militant and non-state groups",
        "# (Phoenix.MilNonState.actors.txt).",
        *COMMON_HEADER,
        "# Columns: name, aliases (|-separated), kind (country|organization|group), code (CAMEO),",
        "# country (the code's country, else empty), source (the line of the record's first phrase).",
        "# Rules (actors.py): a form of ours, a common English word or phrase, or a form seen before",
        "# is left out; old country codes are mapped; a code that changed over time is kept only",
        "# as its open-ended value.",
        "# Licence: MIT, the notice of the source dictionaries:",
        *mit_notice(source_dir),
    ]
