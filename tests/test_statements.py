"""Who said what, on sentences written for these tests: indirect and direct speech,
split and multi-sentence quotes, partial quotes, chained claims, pronoun and title
speakers, "according to"; and the scored gates (canonical example, PolNeAR)."""
from __future__ import annotations

import pytest

from communique.analyze import analyze_text

from conftest import last_f1, run_cli, score_dev_set


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
    assert last_f1(scored) >= POLNEAR_FLOOR


# The measured figure, less a margin; the target (0.65) is not reached yet.
POLNEAR_FLOOR = 0.54  # measured 0.566


def test_noun_cue_with_a_that_clause():
    found = statements("Marta Quintero repeated her warning that the dam could fail within a year.")
    assert ("Marta Quintero", "warning", "the dam could fail within a year", False) in found
