"""The Phoenix agents importer (communique.dictionaries.agents) and the agents.csv layer
under sectors.yml at runtime: role nouns give sector codes to people and groups no
dictionary names."""
from __future__ import annotations

import csv

import pytest

from communique.analyze import analyze_text
from communique.dictionaries import agents
from communique.extract.gazetteer import load_gazetteer
from communique.resources import data_path

from conftest import shared_path

SOURCE_LINES = """\
# a comment
!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
!MINIST! = MINISTER, MINISTERS, MINISTRY, MINISTRIES
POLICE {} [~COP]
POLICE!PERSON!  [~COP]
THIEF {THIEVES} [~CRM]
LAWMAN [~COP]
CHILD [~CVL]
FARMER [~AGR]
HUMAN_RIGHTS_ACTIVISTS  [NGM~]
TRUCE_MONITOR [IGO~]
INTERIOR_!MINIST! [~GOV]
EMBASSY_IN {}  [~GOV]
ISLAMIC_EXTREMIST
MAN [~PPL]
FARMER [~BUS]
CHIEF EXECUTIVE [~GOV]
"""


def _rows(tmp_path) -> tuple[list[dict], dict]:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / agents.SOURCE).write_text(SOURCE_LINES, encoding="utf-8")
    (tmp_path / "src" / "LICENSE").write_text("The MIT License (MIT)\n\nCopyright (c) 2014 X\n", encoding="utf-8")
    counts = agents.build(tmp_path / "src", tmp_path / "data")
    text = (tmp_path / "data" / "actors" / "agents.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(line for line in text.splitlines() if not line.startswith("#")))
    return rows, counts, text


def test_expansion_of_markers_plurals_and_codes(tmp_path):
    rows, counts, text = _rows(tmp_path)
    by_phrase = {r["phrase"]: r for r in rows}
    assert "#   The MIT License (MIT)" in text and "Copyright (c) 2014 X" in text
    assert by_phrase["police"]["forms"] == "police"  # {}: no plural
    assert by_phrase["police!person!"]["forms"] == "policeman|policemen|policewoman|policewomen|policeperson"
    assert by_phrase["thief"]["forms"] == "thief|thieves"
    assert by_phrase["lawman"]["forms"] == "lawman|lawmen"  # not "lawmans"
    assert by_phrase["child"]["forms"] == "child|children"
    assert by_phrase["farmer"]["forms"] == "farmer|farmers" and by_phrase["farmer"]["code"] == "AGR"
    assert by_phrase["human rights activists"]["forms"] == "human rights activists"  # already plural
    assert by_phrase["interior !minist!"]["forms"] == \
        "interior minister|interior ministers|interior ministry|interior ministries"
    assert by_phrase["chief executive"]["forms"] == "chief executive|chief executives"
    assert (by_phrase["truce monitor"]["code"], by_phrase["truce monitor"]["position"]) == ("IGO", "prefix")
    assert (by_phrase["police"]["code"], by_phrase["police"]["position"]) == ("COP", "suffix")
    assert by_phrase["human rights activists"]["position"] == "prefix"
    assert by_phrase["police"]["source"] == "petrarch2/Phoenix.agents.txt:4"
    # left out: no code, a code CAMEO lacks, a dangling preposition, a repeated form
    assert "islamic extremist" not in by_phrase and "man" not in by_phrase and "embassy in" not in by_phrase
    assert [r["code"] for r in rows if r["phrase"] == "farmer"] == ["AGR"]
    assert (counts["no_code"], counts["not_cameo"], counts["dangling_preposition"], counts["duplicate_entries"]) \
        == (1, 1, 1, 1)
    assert counts["rows"] == len(rows) == 10 and counts["entries"] == 14


def test_real_dictionary_import_is_reproducible(tmp_path):
    source = shared_path("dictionaries/petrarch2")
    first = agents.build(source, tmp_path / "a")
    second = agents.build(source, tmp_path / "b")
    a = (tmp_path / "a" / "actors" / "agents.csv").read_bytes()
    assert a == (tmp_path / "b" / "actors" / "agents.csv").read_bytes() and first == second
    assert first["rows"] > 2000 and first["forms"] > 4000
    # the committed file is what the importer writes from these sources
    assert a == (data_path("actors") / "agents.csv").read_bytes()


def test_ours_wins_over_agents():
    words = load_gazetteer().sector_words
    assert words["police"].layer == "sectors" and words["police"].sector == "COP"
    assert words["police chief"].layer == "sectors"
    # "business" is BUS in both, "journalist" MED: ours; Phoenix's "actor" (ELI) only there
    assert words["journalist"].layer == "sectors"
    assert words["fishermen"].layer == "agents" and words["fishermen"].sector == "AGR"
    assert words["truce monitors"].prefix and words["truce monitors"].sector == "IGO"
    # a form both give keeps our code: Phoenix codes "deputy" COP, ours has no bare deputy
    for form, word in words.items():
        if word.layer == "agents":
            assert word.sector, form


def _actors(text: str) -> dict[str, str]:
    record = analyze_text(text, published="2023-05-01")
    return {a["name"]: a["code"] for a in record["actors"]}


@pytest.mark.parametrize("text, name, code", [
    ("Palestinian students protested in Ramallah on Monday.", "Palestinian students", "PSEEDU"),
    ("Northamptonshire police said they arrested two men in England.", "Northamptonshire police", "GBRCOP"),
    ("Northamptonshire Police said they arrested two men in England.", "Northamptonshire Police", "GBRCOP"),
    ("Police chief Nick Adderley said the British force would investigate.", "Nick Adderley", "GBRCOP"),
    # no country in the phrase: CAMEO's international NGO code, even in a story about Egypt
    # (a generic word of ours takes no country from the story); a named one is domestic
    ("A human rights group condemned the arrests.", "human rights group", "NGOHRI"),
    ("Egyptian police arrested the protesters. A human rights group condemned the arrests.",
     "human rights group", "NGOHRI"),
    ("An Egyptian human rights group condemned the arrests.", "Egyptian human rights group", "EGYHRI"),
    ("Kenyan fishermen blocked the port.", "Kenyan fishermen", "KENAGR"),  # agents.csv only
    ("Indian truce monitors arrived in the region.", "Indian truce monitors", "IGOIND"),  # prefix code
])
def test_role_nouns_end_to_end(text, name, code):
    assert _actors(text).get(name) == code


def test_false_friends_stay_out():
    # a verb, an adjective, a surname: not the agent nouns the dictionary lists
    found = _actors("Kenyan courts will judge the case. They advocate reform. Mr Granger spoke in Kenya.")
    assert found.get("Granger") is None and not any(code and code.endswith("AGR") for code in found.values()), found
    assert sorted(c for c in found.values() if c) == ["KEN", "KENJUD"], found
    # civilians take no country from the story: "women" alone is not KENCVL
    assert "KENCVL" not in _actors("Kenya held elections. Women queued for hours.").values()
