"""The writer's voice apart from what was reported, on sentences written for these
tests and on the canonical example."""
from __future__ import annotations

import pytest

from communique.analyze import analyze_text


def pieces(text: str) -> list[tuple[str, str]]:
    record = analyze_text(text, "t", published="2024-05-02")
    body = record["document"]["text"]
    return [(body[s["span"][0]:s["span"][1]], s["voice"]) for s in record["segments"]]


def editorial(text: str) -> list[str]:
    return [piece for piece, voice in pieces(text) if voice == "editorial"]


def test_plain_reporting_is_reported():
    text = "The ministers met in Lima on Tuesday. They signed a water-sharing accord after six hours of talks."
    assert editorial(text) == []


def test_evaluative_opener_is_cut_from_a_reported_sentence():
    found = pieces("Remarkably, the delegation left before the vote.")
    assert found[0] == ("Remarkably", "editorial")
    assert found[1] == ("the delegation left before the vote.", "reported")


def test_trailing_aside_is_editorial_and_leaves_the_paraphrase():
    record = analyze_text("Marta Quintero said that the new tariffs protect local farmers, "
                          "an apparent swipe at her rivals in the senate.", "t")
    body = record["document"]["text"]
    [statement] = record["statements"]
    assert body[statement["content"][0]:statement["content"][1]] == "the new tariffs protect local farmers"
    voices = {body[s["span"][0]:s["span"][1]]: s["voice"] for s in record["segments"]}
    assert voices["an apparent swipe at her rivals in the senate."] == "editorial"


def test_judgment_inside_attributed_content_stays_reported():
    text = "Marta Quintero said that the blockade was an unjust and senseless punishment."
    assert editorial(text) == []


def test_judgment_inside_a_quotation_stays_reported():
    assert editorial("Marta Quintero called the ruling “a shameful and reckless decision”.") == []


def test_assessment_paragraph():
    text = ("The two presidents met for three hours.\n\n"
            "In sum, the meeting shows that both sides want a deal. Talks are set to continue in June.")
    found = editorial(text)
    assert found == ["In sum, the meeting shows that both sides want a deal.", "Talks are set to continue in June."]


def test_inference_without_a_speaker_is_the_writer_s():
    assert editorial("The visit demonstrates that the alliance is shifting east.") == [
        "The visit demonstrates that the alliance is shifting east."]
    assert editorial("The ministry said the visit demonstrates a shift.") == []


def test_writer_forecast_is_editorial_but_a_schedule_is_not():
    assert editorial("Clashes along the border will escalate, possibly drawing in neighbouring states.") != []
    assert editorial("The summit will open in Geneva on Monday.") == []


@pytest.mark.parametrize("text", [
    "Interestingly, the envoy skipped the dinner.",
    "The envoy clearly misjudged the mood in the room.",
    "The envoy will probably resign after the vote.",
])
def test_evaluative_and_hedged_sentences(text):
    assert editorial(text), text
