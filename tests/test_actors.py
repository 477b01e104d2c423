"""Actors: recognition, resolution to CAMEO codes by document date, composition on
the parse, coreference, and user dictionaries — on sentences written for these tests."""
from __future__ import annotations

import json

import pytest

from communique.analyze import analyze_text

from conftest import run_cli


def actors_of(text: str, published: str | None = "2022-12-30", **kw) -> list[dict]:
    return analyze_text(text, "t", published=published, **kw)["actors"]


def find(actors: list[dict], name: str) -> dict:
    matches = [a for a in actors if a["name"] == name]
    assert matches, f"no actor {name!r} among {[(a['name'], a['code']) for a in actors]}"
    return matches[0]


def mention_texts(record_text: str, actor: dict) -> list[str]:
    return [record_text[s:e] for s, e in actor["mentions"]]


def test_title_name_and_country_phrase_resolve_to_one_known_person():
    text = "President Putin of the Russian Federation met President Xi Jinping. Later Putin spoke to reporters."
    record = analyze_text(text, "t", published="2022-12-30")
    putin = find(record["actors"], "Vladimir Putin")
    assert (putin["code"], putin["country"], putin["kind"], putin["wikidata"]) == ("RUSGOV", "RUS", "person", "Q7747")
    mentions = mention_texts(record["document"]["text"], putin)
    assert "President Putin of the Russian Federation" in mentions and "Putin" in mentions
    assert find(record["actors"], "Xi Jinping")["code"] == "CHNGOV"
    russia = find(record["actors"], "Russia")
    assert russia["kind"] == "country"
    assert any(m.endswith("Russian Federation") for m in mention_texts(record["document"]["text"], russia))


def test_title_gives_role_and_sector_to_a_known_spokesperson():
    actors = actors_of("Russian Presidential Spokesperson Peskov told reporters that no date had been set.")
    peskov = find(actors, "Dmitry Peskov")
    assert peskov["code"] == "RUSGOV" and peskov["role"] == "spokesperson"


def test_code_depends_on_the_document_date():
    text = "Barack Obama spoke about the economy in Chicago."
    assert find(actors_of(text, "2015-06-01"), "Barack Obama")["code"] == "USAGOV"
    former = find(actors_of(text, "2019-06-01"), "Barack Obama")
    assert former["code"] == "USAELI" and former["role"].startswith("former")


def test_unknown_person_gets_code_only_from_the_title():
    actors = actors_of("Iraqi lawmaker Hassan Karim Salman said the vote would be delayed.")
    person = find(actors, "Hassan Karim Salman")
    assert (person["code"], person["country"], person["kind"]) == ("IRQLEG", "IRQ", "person")
    plain = find(actors_of("Marta Quintero said the vote would be delayed."), "Marta Quintero")
    assert plain["code"] is None and plain["kind"] == "person"


def test_role_with_a_country_and_no_name_is_the_office_holder():
    actors = actors_of("The Russian president said the talks had been useful.", "2022-12-30")
    assert find(actors, "Vladimir Putin")["code"] == "RUSGOV"


def test_groups_and_organisations():
    text = ("As cooperation between Russian Eastern OSK forces and Chinese forces continues, "
            "NATO and EU partners watched, and BRICS met.")
    actors = actors_of(text)
    codes = {a["code"] for a in actors}
    assert {"RUSMIL", "CHNMIL", "RUS", "CHN"} <= codes
    assert find(actors, "Russian Eastern OSK forces")["kind"] == "group"
    nato = [a for a in actors if a["code"] == "IGOWSTNAT"]
    eu = [a for a in actors if a["code"] == "IGOEUREEC"]
    assert nato and eu and nato[0]["kind"] == "organization"
    assert any(a["code"].startswith("IGO") and "BRICS" in a["name"] for a in actors)


def test_a_country_that_only_describes_a_thing_is_no_sector_actor():
    actors = actors_of("Incidents like harassment of U.S. intelligence aircraft will escalate.")
    assert [a["code"] for a in actors] == ["USA"]


def test_capital_as_actor_but_not_as_place():
    acting = actors_of("Moscow rejected the proposal on Friday.")
    assert [a["code"] for a in acting] == ["RUS"]
    place = actors_of("The president invited the delegation to Moscow in 2023.")
    assert all(a["code"] != "RUS" for a in place)


def test_pronoun_speaker_joins_the_nearest_person():
    text = "Xi Jinping arrived in Moscow on Monday. He said that China will continue to support the talks."
    record = analyze_text(text, "t", published="2023-03-20")
    xi = find(record["actors"], "Xi Jinping")
    assert "He" in mention_texts(record["document"]["text"], xi)
    short = analyze_text("Xi Jinping spoke first. Xi then left.", "t", published="2023-03-20")
    assert len([a for a in short["actors"] if a["kind"] == "person"]) == 1


def test_the_two_countries_refers_to_both():
    text = "The United States and Jordan agreed on a free-trade pact between the two countries."
    record = analyze_text(text, "t", published="2001-01-01")
    body = record["document"]["text"]
    for code in ("USA", "JOR"):
        [actor] = [a for a in record["actors"] if a["code"] == code]
        assert "the two countries" in mention_texts(body, actor)


def test_mentions_are_exact_spans(validate):
    record = validate(analyze_text("China and Russia held talks. The Chinese side was pleased.", "t"))
    body = record["document"]["text"]
    china = next(a for a in record["actors"] if a["code"] == "CHN")
    assert mention_texts(body, china) == ["China", "Chinese"]


def test_user_dictionary_is_merged_over_the_built_ins(tmp_path):
    actors_file = tmp_path / "mine.yml"
    actors_file.write_text(
        "- {name: Aline Moreau, kind: person, code: FRAGOV, country: FRA, role: spokesperson, start: 2020-01-01}\n"
        "- {name: Northern Water Board, kind: organization, code: NLDGOV, country: NLD, aliases: [NWB]}\n")
    article = tmp_path / "a.txt"
    article.write_text("Aline Moreau said the NWB would publish its report on Monday.\n")
    result = run_cli("analyze", str(article), "--published", "2024-02-01", "--actors", str(actors_file))
    assert result.returncode == 0, result.stderr
    actors = json.loads(result.stdout)["actors"]
    assert find(actors, "Aline Moreau")["code"] == "FRAGOV"
    assert find(actors, "Northern Water Board")["code"] == "NLDGOV"


@pytest.mark.parametrize("content, suffix", [("- {kind: person}\n", ".yml"), ("not: [valid\n", ".yml")])
def test_bad_user_dictionary_is_a_clear_error(tmp_path, content, suffix):
    actors_file = tmp_path / ("bad" + suffix)
    actors_file.write_text(content)
    article = tmp_path / "a.txt"
    article.write_text("Officials met on Monday to discuss the harvest.\n")
    result = run_cli("analyze", str(article), "--actors", str(actors_file))
    assert result.returncode == 1
    assert "[C204]" in result.stderr and str(actors_file) in result.stderr


def test_bad_user_dictionary_stops_a_batch_before_it_starts(tmp_path):
    actors_file = tmp_path / "bad.csv"
    actors_file.write_text("name,kind\nSomeone,planet\n")
    batch, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    batch.write_text(json.dumps({"id": "1", "text": "Officials met on Monday."}) + "\n")
    result = run_cli("analyze", "--jsonl", str(batch), "--out", str(out), "--workers", "2", "--actors", str(actors_file))
    assert result.returncode == 1 and "[C204]" in result.stderr and "planet" in result.stderr
    assert not out.exists()


@pytest.mark.parametrize("text, name, code", [
    ("Hamas fighters attacked the border post.", "Hamas", "PSEREBHMS"),
    ("Pentagon officials said the drill was routine.", "Pentagon", "USAMIL"),
    ("Peru's Congress voted to remove the president.", "Peru's Congress", "PERLEG"),
    ("The IRGC seized a tanker in the Gulf.", "Islamic Revolutionary Guard Corps", "IRNMIL"),
])
def test_named_groups_and_institutions(text, name, code):
    assert find(actors_of(text, "2024-03-01"), name)["code"] == code


def test_plural_pronoun_joins_the_nearest_group():
    record = analyze_text("Hamas rejected the proposal on Monday. They argue that the plan is unlawful.", "t")
    body = record["document"]["text"]
    hamas = next(a for a in record["actors"] if a["code"] == "PSEREBHMS")
    assert "They" in mention_texts(body, hamas)
    [argued] = [s for s in record["statements"] if s["cue"] == "argue"]
    assert argued["speaker"] == hamas["id"]


def test_an_organisation_s_official_carries_the_organisation_s_code():
    actors = actors_of("Arab League Secretary-General Ahmed Nadim met the envoy.")
    assert find(actors, "Ahmed Nadim")["code"] == "IGOMEAARL"


def test_an_administration_named_after_a_known_surname_is_that_country_s_government():
    actors = actors_of("The Obama administration rejected the plan.", published="2024-05-02")
    assert any(a["code"] == "USAGOV" and a["kind"] == "organization" for a in actors), actors


def test_an_apposition_codes_a_person_the_dictionaries_do_not_know():
    actors = actors_of("The envoy met Ahmed Nadim, the Arab League secretary-general, on Monday.")
    assert find(actors, "Ahmed Nadim")["code"] == "IGOMEAARL"
    actors = actors_of("Rosa Quispe, Peru's best-known rights activist, began a hunger strike.")
    assert find(actors, "Rosa Quispe")["country"] == "PER"


def test_a_people_named_by_two_demonyms_belongs_to_the_first_country():
    actors = actors_of("Bosnian Serbs demanded a truce on Monday.")
    assert [a["code"] for a in actors] == ["BIH"], actors
    assert find(actors, "Bosnia and Herzegovina")["mentions"]


def test_a_people_living_in_another_country_is_coded_by_its_host(nlp):
    codes = {(a.name, a.code) for a in nlp("Serb forces killed three ethnic Albanians in southeastern Serbia.")._.communique_actors}
    assert ("Albanians", "SRBCVL") in codes
    codes = {(a.name, a.code) for a in nlp("The Albanians of southern Serbia demanded autonomy.")._.communique_actors}
    assert ("Albanians", "SRBCVL") in codes
    # at home, a people stays its own country
    assert [a.code for a in nlp("Albanians protested in Tirana.")._.communique_actors] == ["ALB"]


def test_a_country_named_as_a_stance_is_no_owner(nlp):
    doc = nlp("A prominent anti-Syria journalist was killed in Beirut.")
    assert not any(a.country == "SYR" for a in doc._.communique_actors)
