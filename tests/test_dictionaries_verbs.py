"""The CAMEO verb dictionary and the discard list of PETRARCH2: the import (its rules on
lines written for these tests, and reproducibility from ../shared), the compiled
dictionary's checks, and what it codes on sentences written for these tests."""
from __future__ import annotations

from pathlib import Path

import pytest

from communique.analyze import analyze_text
from communique.dictionaries import build as dictionaries
from communique.dictionaries.discards import CHRONOLOGY
from communique.dictionaries.verbs import _pattern, _verb
from communique.errors import CommuniqueError
from communique.extract.events import dictionary as verb_dictionary
from communique.extract.events.discards import load_discards
from communique.extract.events.patterns import load_patterns

from conftest import shared_path

DATA = Path(dictionaries.DATA_DIR)


def events(text: str) -> list[tuple[str, str, str]]:
    record = analyze_text(text, "t", published="2024-05-02")
    codes = {a["id"]: a["code"] for a in record["actors"]}
    return [(e["cameo"], codes.get(e["source"]), codes.get(e["target"])) for e in record["events"]]


# ---------------------------------------------------------------- the import's rules
def test_verb_lines():
    assert _verb("HURRY {HURRIES HURRYING HURRIED }", "accelerate", "s")["verb"] == "hurry"
    ask_for = _verb("+ASK_FOR {+ASKED_FOR +ASKING_FOR} [020]", "ask", "s")
    assert (ask_for["verb"], ask_for["particles"], ask_for["code"]) == ("ask", "for", "020")
    wire_tap = _verb("WIRE_+TAP {WIRE_+TAPS}", "spy", "s")
    assert (wire_tap["verb"], wire_tap["subject"], wire_tap["code"]) == ("tap", "wire", "")  # no code of its own
    assert _verb("BACKLASH [---]", "backlash", "s")["code"] == ""  # the null code: no event alone


def test_pattern_lines():
    aid = _pattern(" * (FOR {FINANCIAL AID})   [0231]", "ask", "s")
    assert (aid["prepositions"], aid["objects"], aid["code"]) == ("for financial aid", "", "0231")
    drills = _pattern(" &MILITARY * EXERCISES  [062:062]", "arrange", "s")
    assert (drills["subject"], drills["objects"], drills["code"]) == ("&military", "exercises", "062")
    views = _pattern(" * OUT VIEWS  [010]", "arrange", "s")
    assert (views["particles"], views["objects"]) == ("out", "views")
    assert _pattern(" * (TO +)  [061]", "export", "s")["prepositions"] == "to +"  # the target's place
    assert _pattern(" * (BEFORE COURT)  [:173]", "appear", "s") is None  # no primary code
    assert _pattern(" * REELECTION  [---]", "search", "s")["code"] == ""  # blocks the verb's own code


def test_chronology_markers_are_not_discards():
    assert CHRONOLOGY.match("1988") and CHRONOLOGY.match("years ago") and CHRONOLOGY.match("fifty years ago")
    assert not CHRONOLOGY.match("world cup") and not CHRONOLOGY.match("april 1942")


@pytest.mark.parametrize("part, files", [("verbs", ["events/cameo_verbs.csv"]),
                                         ("discards", ["events/discards.csv"]),
                                         ("agents", ["actors/agents.csv"]),
                                         ("actors", ["actors/people_phoenix.csv", "actors/names_phoenix.csv"])])
def test_import_reproduces_the_committed_files(tmp_path, part, files):
    # into empty folders: our own files, which decide what an import leaves out, are the package's
    source = shared_path("dictionaries/petrarch2")
    first, second = tmp_path / "a", tmp_path / "b"
    dictionaries.build(source, first, (part,))
    dictionaries.build(source, second, (part,))
    for name in files:
        built = (first / name).read_bytes()
        assert built == (second / name).read_bytes()  # byte-identical on rerun
        assert built == (DATA / name).read_bytes(), f"data/{name} is not what the import writes: rebuild it"
        assert b"Permission is hereby granted" in built  # the MIT notice kept


def test_every_imported_row_names_its_source():
    for name in ("events/cameo_verbs.csv", "events/discards.csv"):
        rows = [line for line in (DATA / name).read_text().splitlines() if line and not line.startswith("#")][1:]
        assert rows and all(",petrarch2/" in row for row in rows)


def test_missing_source_folder_is_a_coded_error(tmp_path):
    with pytest.raises(CommuniqueError) as caught:
        dictionaries.build(tmp_path, tmp_path / "out")
    assert caught.value.code == "C101"


# ---------------------------------------------------------------- the compiled dictionary
def c205_from(module, loader: str, tmp_path, monkeypatch, name: str, content: str) -> str:
    """The C205 message a module's loader gives for ``content`` as its data file ``name``."""
    bad = tmp_path / name
    bad.parent.mkdir(parents=True, exist_ok=True)
    bad.write_text(content)
    monkeypatch.setattr(module, "data_path", lambda relative: tmp_path / relative)
    load = getattr(module, loader)
    load.cache_clear()
    try:
        with pytest.raises(CommuniqueError) as caught:
            load()
        assert caught.value.code == "C205"
        return caught.value.message
    finally:
        load.cache_clear()


def test_bad_dictionary_file_is_c205(tmp_path, monkeypatch):
    assert "999" in c205_from(verb_dictionary, "load_verb_dictionary", tmp_path, monkeypatch, "events/cameo_verbs.csv",
                              "kind,block,verb,subject,particles,objects,prepositions,code,source\n"
                              "verb,x,frobnicate,,,,,999,test:1\n")


def test_synonym_sets_are_expanded_with_plurals():
    compiled = verb_dictionary.load_verb_dictionary()
    ask = [p for p in compiled.patterns["ask"] if p.pattern.code == "0232"]
    names = set().union(*(nouns for p in ask for nouns in p.objects))
    assert {"weapon", "weapons"} <= names  # "* &WEAPON [0232]", a set the dictionary defines


# ---------------------------------------------------------------- what it codes
@pytest.mark.parametrize("sentence, verb, expected", [
    ("Iranian police interrogated two British sailors.", "interrogate", ("090", "IRNCOP", "GBR")),
    ("Japan loaned Indonesia one billion dollars.", "loan", ("071", "JPN", "IDN")),
    ("Iranian police searched the British embassy.", "search", ("090", "IRNCOP", "GBRGOV")),
    ("Egypt helped Sudan with food supplies.", "help", ("070", "EGY", "SDN")),
])
def test_verbs_only_the_dictionary_knows(sentence, verb, expected):
    assert verb not in load_patterns()[0]  # the overlay has no pattern: this is the dictionary's code
    assert expected in events(sentence)


def test_the_overlay_wins_over_the_dictionary():
    # the dictionary's block codes "accuse" 112 as well; the overlay's more specific 1123 wins
    assert ("1123", "PAK", "IND") in events("Pakistan accused India of aggression.")


def test_a_bare_verb_needs_a_named_target():
    # "patrol" has a code of its own (150) and no pattern here: alone, with no one on the
    # receiving end, it is no event; with a target it is
    assert events("China patrolled on Monday.") == []
    assert ("150", "CHN", "JPN") in events("China patrolled the Japanese islands on Monday.")


def test_a_synonym_alone_has_no_block_code():
    # "give" is in the GRANT block [060] but is not "grant": alone it is no event; the block's
    # patterns still apply to it ("gave asylum" -> 075, as for "granted asylum")
    compiled = verb_dictionary.load_verb_dictionary()
    assert all(not e.code for e in compiled.verbs["give"] if not e.particles)
    assert ("075", "PER", "PAN") in events("Peru gave asylum to five Panamanian officers.")
    assert all(code != "060" for code, _, _ in events("Germany gave Greece a lot."))


def test_a_verb_governing_another_is_coded_through_it():
    found = events("Libya offered to hand over the suspects to Britain.")
    assert found and all(code != "030" for code, _, _ in found)  # no bare "offer" beside the act offered


def test_a_participle_or_preposition_is_no_clause_of_its_own():
    assert events("According to Chile, the channel disputed by Argentina was calm.") == []


# ---------------------------------------------------------------- discards
def test_discarded_sentence_gives_no_events_but_its_neighbours_do():
    found = events("Brazil beat Argentina in a soccer match on Sunday. Russia attacked Ukraine on Thursday.")
    assert ("190", "RUS", "UKR") in found and not any(s == "BRA" for _, s, _ in found)


def test_story_discard_silences_the_document():
    assert load_discards().story.search("fans of manchester united cheered")  # matched on lower-cased text
    assert events("Russia attacked Ukraine. Manchester United won again.") == []


def test_chronology_is_not_discarded():
    assert ("190", "RUS", "UKR") in events("Russia attacked Ukraine in 2014.")


def test_the_overlay_s_event_noun_wins_over_a_dictionary_verb_pattern():
    # the dictionary codes "begin talks" 046 (negotiate); the overlay's noun "talks" is 040
    assert ("040", "RUS", "CHN") in events("Russia and China began talks on Monday.")


def test_the_overlay_can_take_a_verb_s_own_code_away():
    # "call" alone is CAMEO 041 in the dictionary (a phone call); patterns.yml lists it among
    # the verbs whose code alone is mostly another sense ("called Biden a decent man")
    plain = verb_dictionary.load_verb_dictionary()
    overlaid = verb_dictionary.load_verb_dictionary(no_code_alone=frozenset({"call"}))
    assert any(e.code == "041" for e in plain.verbs["call"]) and not any(e.code for e in overlaid.verbs["call"])
    assert not [c for c, _, _ in events("Sanders called Biden a decent man.") if c == "041"]


def test_a_verb_alone_targets_those_its_object_comes_from():
    assert ("124", "ISR", "PSEREBHMS") in events("Israel will not allow candidates from Hamas on the ballots.")


def test_bad_discard_file_is_c205(tmp_path, monkeypatch):
    from communique.extract.events import discards as discard_list
    assert "test:1" in c205_from(discard_list, "load_discards", tmp_path, monkeypatch, "events/discards.csv",
                                 "phrase,scope,stem,source\nworld cup,everywhere,yes,test:1\n")
