"""The Phoenix actor import (communique.dictionaries.actors) and the historical layer it
feeds: reproducible output, the import rules, ours winning every conflict, and the
people.csv fixes of issue #12."""
from __future__ import annotations

import csv
import shutil
from functools import lru_cache
from pathlib import Path

import pytest

from communique.analyze import analyze_text
from communique.dictionaries import actors as importer
from communique.extract.gazetteer import load_gazetteer
from communique.resources import data_path

from conftest import shared_path


def _rows(path: Path) -> list[dict]:
    lines = [x for x in path.read_text(encoding="utf-8").splitlines() if x.strip() and not x.startswith("#")]
    return list(csv.DictReader(lines))


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path, dict]:
    """The importer run twice, into two fresh data folders holding our own files."""
    source = shared_path("dictionaries/petrarch2")
    outs = []
    for name in ("a", "b"):
        data = tmp_path_factory.mktemp(name)
        shutil.copytree(data_path("actors"), data / "actors",
                        ignore=shutil.ignore_patterns(importer.PEOPLE_FILE, importer.NAMES_FILE))
        outs.append((data, importer.build(source, data)))
    return outs[0][0], outs[1][0], outs[0][1]


@lru_cache(maxsize=4)
def _source_lines(name: str) -> list[str]:
    return shared_path(f"dictionaries/petrarch2/{name}").read_text(encoding="utf-8", errors="replace").splitlines()


def _source_line(ref: str) -> str:
    """The text of the dictionary line a ``source`` value names."""
    name, number = ref.removeprefix("petrarch2/").rsplit(":", 1)
    return _source_lines(name)[int(number) - 1]


def test_the_import_is_reproducible_and_matches_the_committed_files(built):
    first, second, _ = built
    for name in (importer.PEOPLE_FILE, importer.NAMES_FILE):
        assert (first / "actors" / name).read_bytes() == (second / "actors" / name).read_bytes()
        assert (first / "actors" / name).read_bytes() == (data_path("actors") / name).read_bytes(), \
            f"{name} is not what the importer writes: rebuild it"


def test_every_entry_has_its_source_and_the_headers_keep_the_notices(built):
    first, _, counts = built
    for name in (importer.PEOPLE_FILE, importer.NAMES_FILE):
        text = (first / "actors" / name).read_text(encoding="utf-8")
        assert "Permission is hereby granted, free of charge" in text
        rows = _rows(first / "actors" / name)
        assert rows and all(r["source"].startswith("petrarch2/Phoenix.") for r in rows)
    assert "CC BY-SA 3.0" in (first / "actors" / importer.PEOPLE_FILE).read_text(encoding="utf-8")
    assert counts["people rows"] == len(_rows(first / "actors" / importer.PEOPLE_FILE))


def test_people_rules(built):
    first, _, counts = built
    rows = _rows(first / "actors" / importer.PEOPLE_FILE)
    assert counts["terms dropped: ELI range"] > 0
    assert not [r for r in rows if r["code"].endswith("ELI")]
    assert not [r for r in rows if r["code"][:3] in importer.OLD_CODES]
    assert not [r for r in rows if r["code"].endswith("GOVBUS")]
    # every row has a dated source line; a cut-off start (030101) or an open end is unknown
    sample = rows[:: max(1, len(rows) // 400)]
    for row in sample:
        line = _source_line(row["source"])
        assert any(ch.isdigit() for ch in line), row
        if "030101-" in line.replace(" ", "") and "20030101" not in line:
            assert row["start"] == "", row
        if ">" in line:
            assert row["end"] == "", row
    cutoff = [r for r in rows if "-030101" not in _source_line(r["source"]) and "[AFGGOV 030101-" in _source_line(r["source"])]
    assert cutoff and all(r["start"] == "" for r in cutoff)
    # old codes: East Timor's people are TLS; Mauritania's leaders (under MUS in the source) are MRT
    assert any(r["code"].startswith("TLS") and "TMP" in _source_line(r["source"]) for r in rows)
    filed_under_mus = [r for r in rows if "[MUS" in _source_line(r["source"])]
    ould = [r for r in filed_under_mus if "Ould" in r["name"].split()]
    assert ould and all(r["code"].startswith("MRT") for r in ould)
    assert all(r["code"].startswith("MUS") for r in filed_under_mus if r not in ould)
    # dates: ISO, a two-digit year above 30 in the 1900s
    assert all(not r["start"] or (len(r["start"]) == 10 and "1900" < r["start"] < "2030") for r in rows)


def test_names_leave_out_our_forms_and_common_words(built):
    first, _, _ = built
    ours = importer._our_forms(data_path(""))[0]
    names = _rows(first / "actors" / importer.NAMES_FILE)
    forms = [f.lower() for r in names for f in [r["name"]] + [a for a in r["aliases"].split("|") if a]]
    assert forms and not set(forms) & ours
    assert not {"chad", "jordan", "georgia", "nice", "reading"} & set(forms)
    assert {r["kind"] for r in names} == {"country", "organization", "group"}


def _phoenix_only_person(day: str) -> dict:
    """A person only the imported layer knows, in an office with known dates around ``day``."""
    gazetteer = load_gazetteer(())
    ours = {t.lower() for t in gazetteer.phrases}
    for row in _rows(data_path("actors") / importer.PEOPLE_FILE):
        if row["start"] and row["end"] and row["start"] < day < row["end"] and row["name"].lower() not in ours \
                and len(row["name"].split()) == 2 and row["code"].endswith("GOV") \
                and gazetteer.historical.get(row["name"].lower(), ("",))[0] == "H:P:" + row["name"]:
            return row
    raise AssertionError("no imported person with a term around " + day)


def test_a_cabinet_member_only_in_phoenix_resolves_through_the_imported_layer():
    row = _phoenix_only_person("2008-06-01")
    record = analyze_text(f"{row['name']} said on Monday that the talks would go on.", "t", published="2008-06-01")
    found = [a for a in record["actors"] if a["name"] == row["name"]]
    assert found and found[0]["code"] == row["code"] and found[0]["kind"] == "person"


def test_a_name_in_ours_and_in_phoenix_resolves_to_ours():
    gazetteer = load_gazetteer(())
    source = (data_path("actors") / importer.PEOPLE_FILE).read_text(encoding="utf-8")
    assert "Vladimir Putin," in source  # Phoenix has him too
    assert "vladimir putin" not in gazetteer.historical
    record = analyze_text("Vladimir Putin said on Monday that the talks would go on.", "t", published="2008-03-01")
    [putin] = [a for a in record["actors"] if a["name"] == "Vladimir Putin"]
    ours = gazetteer.entries["P:Vladimir Putin"].office_on("2008-03-01")
    assert ours is not None and ours.layer == 0 and putin["code"] == ours.code


def test_imported_forms_need_capitals():
    row = _phoenix_only_person("2008-06-01")
    record = analyze_text(f"they said {row['name'].lower()} would come.", "t", published="2008-06-01")
    assert not [a for a in record["actors"] if a["name"] == row["name"]]


def test_najibullah_and_chamkani():
    gazetteer = load_gazetteer(())
    record = analyze_text("Mohammad Najibullah met the envoys in Kabul.", "t", published="1988-03-01")
    [najibullah] = [a for a in record["actors"] if a["name"] == "Mohammad Najibullah"]
    assert najibullah["code"] == "AFGGOV" and najibullah["role"] == "head of state"
    before = gazetteer.holder("AFG", "president", "head of state", "1987-03-01")
    assert before is not None and before.name == "Haji Mohammad Chamkani"
    assert gazetteer.holder("AFG", "president", "head of state", "1988-03-01").name == "Mohammad Najibullah"


def test_an_imported_spelling_of_a_country_is_its_name_anywhere_a_city_only_when_it_acts(nlp):
    # "Afganistan" (a spelling Phoenix lists for AFG) names the country after "from" too
    doc = nlp("Pakistan rejected a fresh offer from Afganistan.")
    assert "AFG" in {a.code for a in doc._.communique_actors}
