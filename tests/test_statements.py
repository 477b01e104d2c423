"""Who said what, on sentences written for these tests: indirect and direct speech,
split and multi-sentence quotes, partial quotes, chained claims, pronoun and title
speakers, "according to"; and the scored gates (canonical example, PolNeAR)."""
from __future__ import annotations

import pytest

from communique.analyze import analyze_text

from conftest import last_f1, run_cli, score_dev_set
from gates import floor


def statements(text: str, published: str = "2024-05-02") -> list[tuple]:
    """(speaker name, cue, content text, direct) for each statement."""
    record = analyze_text(text, "t", published=published)
    body, names = record["document"]["text"], {a["id"]: a["name"] for a in record["actors"]}
    return [(names.get(s["speaker"]), s["cue"], body[s["content"][0]:s["content"][1]], s["direct"])
            for s in record["statements"]]


def test_indirect_speech_with_that():
    [(speaker, cue, content, direct)] = statements(
        "Chilean Foreign Minister Ana Ruiz told reporters after the meeting that the border would reopen on Friday.")
    assert (speaker, cue, direct) == ("Ana Ruiz", "told", False)
    assert content == "the border would reopen on Friday"


def test_reporting_clause_after_the_content():
    [(speaker, cue, content, direct)] = statements("The talks will resume next week, the Russian president said.")
    assert cue == "said" and content == "The talks will resume next week" and not direct
    assert speaker == "Vladimir Putin"


def test_chained_claims_are_one_statement_each():
    found = statements("Marta Quintero announced that the dam would open in June and that exports would double.")
    assert [(s, c) for s, c, _, _ in found] == [("Marta Quintero", "announced")] * 2
    assert [content for _, _, content, _ in found] == ["the dam would open in June", "exports would double"]


def test_went_on_to_say_takes_the_speaker_of_went():
    [(speaker, cue, content, _)] = statements(
        "Marta Quintero went on to say that the agreement protects fishing rights.")
    assert (speaker, cue, content) == ("Marta Quintero", "say", "the agreement protects fishing rights")


def test_pronoun_speaker_resolves_to_the_person():
    found = statements("Marta Quintero arrived in Lima on Monday. She said that the talks had been useful.")
    assert found == [("Marta Quintero", "said", "the talks had been useful", False)]


def test_direct_quote_split_around_the_cue():
    [(speaker, cue, content, direct)] = statements(
        "“We will not give up,” Marta Quintero said, “and we will be back next year.”")
    assert (speaker, cue, direct) == ("Marta Quintero", "said", True)
    assert content.startswith("We will not give up") and content.endswith("back next year.")


def test_multi_sentence_quote_and_other_marks():
    [(speaker, _, content, direct)] = statements(
        'Marta Quintero said: "The harvest failed. We need help now."')
    assert speaker == "Marta Quintero" and direct and content == "The harvest failed. We need help now."
    [(_, _, guillemets, direct)] = statements("Marta Quintero declared: «La lucha sigue y seguirá.»")
    assert direct and guillemets.startswith("La lucha sigue")


def test_partial_quote_governed_by_a_cue_is_direct():
    [(speaker, cue, content, direct)] = statements(
        "Marta Quintero praised the accord, which she said “opens a new chapter for the whole region”.")
    assert direct and speaker == "Marta Quintero"
    assert content == "opens a new chapter for the whole region"


def test_scare_quotes_stay_inside_the_paraphrase():
    [(_, _, content, direct)] = statements("Marta Quintero said that the two sides are in “close contact”.")
    assert not direct and content == "the two sides are in “close contact”"


def test_according_to():
    [(speaker, cue, content, _)] = statements("According to Marta Quintero, the mine will close next year.")
    assert (speaker, cue, content) == ("Marta Quintero", "according to", "the mine will close next year")


def test_unknown_speaker_becomes_an_actor_with_no_code():
    record = analyze_text("Local officials said that the road had been cleared.", "t")
    [statement] = record["statements"]
    speaker = next(a for a in record["actors"] if a["id"] == statement["speaker"])
    assert speaker["name"] == "Local officials" and speaker["code"] is None


def test_apostrophes_are_not_quotes():
    found = statements("Russia's envoy said the country's position hadn't changed.")
    assert len(found) == 1 and not found[0][3]


def test_no_statement_without_a_cue():
    assert statements("The delegation arrived in Lima on Monday and met the trade minister.") == []


def test_markdown_groups_statements_by_speaker(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Marta Quintero said that the dam would open in June. Ana Ruiz said: “We agree.” "
                       "Most interestingly, Marta Quintero later said that exports would double.\n")
    result = run_cli("analyze", str(article), "--format", "md")
    assert result.returncode == 0, result.stderr
    md = result.stdout
    assert "## Who said what" in md and "### Marta Quintero" in md and "### Ana Ruiz" in md
    assert "“We agree.”" in md
    assert md.index("### Marta Quintero") < md.index("exports would double") < md.index("### Ana Ruiz")
    assert "## The writer's commentary" in md and "Most interestingly" in md.split("## The writer's commentary")[1]


@pytest.mark.corpus
def test_polnear_attributions(tmp_path):
    """Content+speaker F1 on the PolNeAR sample (printed, direct and indirect apart)."""
    scored = score_dev_set("dev/polnear_train_sample.jsonl", "eval/score_quotes.py", tmp_path, "--workers", "2")
    print("\nPolNeAR:\n" + scored)
    assert last_f1(scored) >= floor("polnear_statements")


# The measured figure, less a margin (the target, 0.65, is reached).


def test_noun_cue_with_a_that_clause():
    found = statements("Marta Quintero repeated her warning that the dam could fail within a year.")
    assert ("Marta Quintero", "warning", "the dam could fail within a year", False) in found


# ---------------------------------------------------------------- speakers
def test_a_pronoun_that_is_no_person_is_the_speaker_as_written():
    assert statements("Most of those surveyed said the mayor should resign.") == [
        ("Most of those surveyed", "said", "the mayor should resign", False)]
    [(speaker, _, content, _)] = statements("Almost everyone agrees the bridge is unsafe.")
    assert (speaker, content) == ("Almost everyone", "the bridge is unsafe")


def test_relative_pronoun_is_a_mention_of_the_speaker():
    text = "The fishermen, who said the quota was unfair, left the port."
    record = analyze_text(text, "t")
    [statement] = record["statements"]
    speaker = next(a for a in record["actors"] if a["id"] == statement["speaker"])
    assert speaker["name"] == "fishermen"
    who = text.index("who")
    assert [who, who + 3] in [list(m) for m in speaker["mentions"]]


def test_speaker_found_through_a_preposition_or_an_adjective():
    assert statements("Marta Quintero opened the session by saying that the budget would be cut.") == [
        ("Marta Quintero", "saying", "the budget would be cut", False)]
    assert statements("Local farmers are quick to point out that the river has dried up.") == [
        ("Local farmers", "point out", "the river has dried up", False)]


def test_participle_after_a_report_belongs_to_the_reporter():
    found = statements("Marta Quintero said the harbour would reopen, going as far as to say that exports "
                       "would double.")
    assert ("Marta Quintero", "say", "exports would double", False) in found


def test_first_person_outside_quotes_is_the_writer():
    assert statements("I think the reform will fail.") == [("the writer", "think", "the reform will fail", False)]


def test_a_participle_modifying_a_noun_has_that_noun_as_speaker():
    assert statements("Super PACs supporting Marta Quintero spent heavily in May.") == [
        ("Super PACs", "supporting", "Marta Quintero", False)]


# ---------------------------------------------------------------- contents
def test_as_reported_by_and_a_closing_reporting_clause():
    assert statements("As the Daily Courier reported, the mine will close next year.") == [
        ("Daily Courier", "reported", "the mine will close next year", False)]


def test_passive_expectation_and_report_have_no_speaker():
    assert statements("The minister is expected to resign on Friday.") == [
        (None, "expected", "The minister is expected to resign on Friday", False)]
    assert statements("It was reported that the mine had flooded.") == [
        (None, "reported", "the mine had flooded", False)]


def test_relative_clause_after_the_cue_is_part_of_its_object():
    assert statements("Marta Quintero pointed to a survey that found rising debt among farmers.") == [
        ("Marta Quintero", "pointed", "a survey that found rising debt among farmers", False)]


def test_a_pronoun_that_after_and_does_not_start_a_new_claim():
    assert statements("Marta Quintero said the dam would open in June and that will please farmers.") == [
        ("Marta Quintero", "said", "the dam would open in June and that will please farmers", False)]


def test_a_report_inside_a_report_is_not_a_statement_of_its_own():
    assert statements("Marta Quintero said voters think the plan is too costly.") == [
        ("Marta Quintero", "said", "voters think the plan is too costly", False)]


def test_stance_objects():
    assert statements("Ana Ruiz endorsed Quintero.") == [("Ana Ruiz", "endorsed", "Quintero", False)]
    assert statements("Marta Quintero thanked volunteers, urging them to keep campaigning.") == [
        ("Marta Quintero", "thanked", "volunteers", False),
        ("Marta Quintero", "urging", "them to keep campaigning", False)]
    assert statements("Marta Quintero criticized Ana Ruiz over the delay.")[0][0] == "Marta Quintero"


def test_no_stance_object_for_a_topic_or_the_writers_inference():
    assert statements("Ana Ruiz commented on the drought.") == []
    found = statements("All in all, the visit demonstrates that both parties seek to win the farmers back.")
    assert not any(cue == "seek" for _, cue, _, _ in found)


def test_a_quotation_inside_an_object_phrase_is_part_of_an_indirect_statement():
    assert statements("Ana Ruiz called the new dam “a disaster for the valley” on Monday.") == [
        ("Ana Ruiz", "called", "the new dam “a disaster for the valley”", False)]
    assert statements("Ana Ruiz called the new dam “a disaster.”") == [
        ("Ana Ruiz", "called", "the new dam “a disaster.”", False)]


def test_seem_and_appear_report_a_view_nobody_is_named_for():
    assert statements("The deal appears to have collapsed.") == [
        (None, "appears", "The deal appears to have collapsed", False)]


def test_a_stance_noun_with_a_possessor():
    assert statements("Marta Quintero's attacks on the mining lobby have grown sharper.") == [
        ("Marta Quintero", "attacks", "the mining lobby", False)]


def test_evidence_verbs_take_an_object():
    [(speaker, cue, content, _)] = statements("New polls show Quintero ahead by ten points.")
    assert (speaker, cue) == ("New polls", "show") and content.startswith("Quintero")


def test_an_object_ends_before_its_non_restrictive_modifier():
    assert statements("Marta Quintero admired the old bridge, which survived the flood.") == [
        ("Marta Quintero", "admired", "the old bridge", False)]
    assert statements("The council thanked Ana Ruiz, Pedro Gil, and Luis Mora for their work.") == [
        ("council", "thanked", "Ana Ruiz, Pedro Gil, and Luis Mora for their work", False)]


def test_verbs_of_the_manner_of_speaking_introduce_quotations_only():
    assert statements("“Let me finish the sentence,” Ana Ruiz shot back.") == [
        ("Ana Ruiz", "shot back", "Let me finish the sentence,", True)]
    assert statements("“The water is rising again,” Ana Ruiz continued.") == [
        ("Ana Ruiz", "continued", "The water is rising again,", True)]
    assert statements("Ana Ruiz continued to campaign in the north.") == []


def test_a_paraphrase_with_no_speaker_found_is_left_out_but_a_quotation_stays():
    assert statements("They said the river had dried up.") == []
    assert statements("“The river has dried up,” they said.") == [(None, "said", "The river has dried up", True)]
