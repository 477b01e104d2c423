"""Wire datelines (communique.ingest.dateline): kept in the text as a block of
their own, read into ``document.dateline``, their date the reference date when
there is no published date, and never a source of actors or events."""
from __future__ import annotations

import pytest

from communique.analyze import analyze_text
from communique.ingest import document_from_text
from communique.ingest.dateline import find_dateline, resolve_date
from communique.record import Record
from communique.settings import Config

BODY = "Cyprus said on Tuesday it would hold talks with Greece over the gas dispute, the foreign ministry said."


@pytest.mark.parametrize("opening, place, region, date, agency", [
    ("NICOSIA, August 8 (Xinhua) --", "NICOSIA", None, "2023-08-08", "Xinhua"),
    ("WASHINGTON (AP) —", "WASHINGTON", None, None, "AP"),
    ("MOSCOW, March 3 /TASS/.", "MOSCOW", None, "2023-03-03", "TASS"),
    ("KYIV, Ukraine, May 2 –", "KYIV", "Ukraine", "2023-05-02", None),
    ("CANBERRA, Australia (AP)_", "CANBERRA", "Australia", None, "AP"),
    ("LONDON (Reuters) -", "LONDON", None, None, "Reuters"),
    ("Nicosia, Aug. 8 (Xinhua) --", "Nicosia", None, "2023-08-08", "Xinhua"),
    ("NEW YORK, March 3, 2021 (Reuters) -", "NEW YORK", None, "2021-03-03", "Reuters"),
    ("BAYONNE, N.J., 8 August --", "BAYONNE", "N.J.", "2023-08-08", None),
    ("WASHINGTON _", "WASHINGTON", None, None, None),
    ("Rio de Janeiro, June 4 —", "Rio de Janeiro", None, "2023-06-04", None),
    ("BEIJING (ITAR-TASS) --", "BEIJING", None, None, "TASS"),
])
@pytest.mark.parametrize("own_line", [False, True])
def test_dateline_forms_give_a_block_and_metadata(opening, place, region, date, agency, own_line):
    raw = opening + ("\n" if own_line else " ") + BODY
    document = document_from_text(raw, published="2023-09-01")
    dateline = document.dateline
    assert dateline is not None, raw
    assert (dateline.text, dateline.place, dateline.region, dateline.date, dateline.agency) == \
        (opening, place, region, date, agency)
    # Kept in the text, as a line of its own, at its span; the body follows on the next line.
    assert document.text == opening + "\n" + BODY
    assert document.text[dateline.span[0]:dateline.span[1]] == opening
    assert document.published == "2023-09-01"  # the published date is never replaced


@pytest.mark.parametrize("text", [
    BODY,
    "GOODY PRODUCTS Inc. cut its quarterly dividend to five cents a share from 11.5 cents a share.",
    "CAMBREX Corp., Bayonne, N.J., declared its initial quarterly dividend of five cents a share.",
    "In Washington today, the Federal Aviation Administration released air traffic control tapes.",
    "BREAKING — The president said on Tuesday that he would veto the bill passed by the Senate.",
    "Update — The president said on Tuesday that he would veto the bill passed by the Senate.",
    "Paris, March 3 marked the opening of the spring fashion week in the French capital this year.",
    "U.S. officials said on Monday that talks with Iran over the nuclear deal would resume in Vienna.",
])
def test_text_without_a_dateline_is_unchanged(text):
    document = document_from_text(text)
    assert document.dateline is None
    assert document.text == text


def test_a_dateline_line_is_not_taken_for_the_title():
    document = document_from_text("NICOSIA, August 8 (Xinhua)\n\n" + BODY)
    assert document.title is None
    assert document.text.startswith("NICOSIA, August 8 (Xinhua)\n")
    assert document.dateline.agency == "Xinhua"


def test_a_dateline_after_the_title_and_byline():
    raw = "Cyprus to hold gas talks\n\nBy Jane Doe\n\nNICOSIA, Aug. 8 (Xinhua) -- " + BODY
    document = document_from_text(raw)
    assert document.title == "Cyprus to hold gas talks" and document.author == "Jane Doe"
    assert document.text.split("\n")[0] == "NICOSIA, Aug. 8 (Xinhua) --"


def test_only_the_opening_dateline_counts():
    raw = BODY + "\n\nMOSCOW (Reuters) - Russia said on Wednesday that it had no comment on the talks at all."
    document = document_from_text(raw)
    assert document.dateline is None
    assert document.text == raw


@pytest.mark.parametrize("month, day, reference, expected", [
    (8, 8, "2023-09-01", "2023-08-08"),  # before the reference: same year
    (9, 1, "2023-09-01", "2023-09-01"),  # on the day
    (12, 30, "2024-01-02", "2023-12-30"),  # after the reference's day: the year before
    (2, 29, "2023-03-01", "2020-02-29"),  # the last leap year at or before
    (8, 8, None, "XXXX-08-08"),  # nothing to resolve against
    (2, 30, "2023-03-01", None),  # no such day
])
def test_a_date_without_year_takes_the_closest_year_before_the_reference(month, day, reference, expected):
    assert resolve_date(month, day, None, reference) == expected


def test_month_day_without_year_resolved_against_published():
    document = document_from_text("BEIJING, Dec. 30 (Xinhua) -- " + BODY, published="2024-01-02")
    assert document.dateline.date == "2023-12-30"


def test_the_dateline_date_anchors_times_without_a_published_date(validate):
    text = "MOSCOW, March 3, 2022 /TASS/. Russia and China agreed on Tuesday to expand trade, the Kremlin said."
    record = validate(analyze_text(text))
    assert record["document"]["published"] is None
    assert record["document"]["dateline"]["date"] == "2022-03-03"
    times = {record["document"]["text"][s:e]: value for value, (s, e) in
             ((t["value"], t["span"]) for t in record["times"])}
    assert times["March 3, 2022"] == "2022-03-03"
    assert times["Tuesday"] == "2022-03-01"  # the Tuesday before Thursday 3 March 2022
    # With a published date, that date stays the anchor.
    published = analyze_text(text, published="2022-03-10")
    assert {t["value"] for t in published["times"]} >= {"2022-03-08"}


def test_a_dateline_without_year_and_no_published_date_uses_the_reference_date_setting():
    text = "NICOSIA, August 8 (Xinhua) -- " + BODY
    record = analyze_text(text, config=Config(reference_date="2023-09-01"))
    assert record["document"]["dateline"]["date"] == "2023-08-08"
    tuesday = [t["value"] for t in record["times"] if record["document"]["text"][t["span"][0]:t["span"][1]] == "Tuesday"]
    assert tuesday == ["2023-08-08"]  # 8 August 2023 was a Tuesday: the dateline day, not the setting's
    bare = analyze_text(text)
    assert bare["document"]["dateline"]["date"] == "XXXX-08-08"


def test_the_place_of_the_story_resolves_to_a_country():
    record = analyze_text("NICOSIA, August 8 (Xinhua) -- " + BODY, published="2023-09-01")
    assert record["document"]["dateline"]["country"] == "CYP"
    record = analyze_text("CANBERRA, Australia (AP) - " + BODY, published="2023-09-01")
    assert record["document"]["dateline"]["country"] == "AUS"
    # A region that is not a country: the city's homonym is not taken.
    record = analyze_text("PARIS, Texas, May 2 (AP) - " + BODY, published="2023-09-01")
    assert record["document"]["dateline"]["country"] is None


def test_no_actor_or_event_from_the_dateline_block(validate):
    body = "Russia and China agreed on Tuesday to expand trade cooperation, the Kremlin said in a statement."
    text = "MOSCOW, BEIJING, March 3 (Xinhua) -- " + body
    record = validate(analyze_text(text, published="2022-03-10"))
    dateline = record["document"]["dateline"]
    start, end = dateline["span"]
    assert record["document"]["text"][start:end] == "MOSCOW, BEIJING, March 3 (Xinhua) --"
    mentions = [m for a in record["actors"] for m in a["mentions"]]
    assert mentions and all(m[0] >= end for m in mentions)
    assert record["events"] and all(e["evidence"][0] >= end for e in record["events"])
    assert all(s["span"][0] >= end for s in record["statements"])
    kinds = [(s["block"], s["block_kind"]) for s in record["segments"]]
    assert kinds[0] == (0, "dateline") and all(kind != "dateline" for _, kind in kinds[1:])
    # The same body without its dateline gives the same actors and events.
    alone = analyze_text(body, published="2022-03-10")
    assert [a["name"] for a in alone["actors"]] == [a["name"] for a in record["actors"]]
    assert [(e["cameo"], e["source"], e["target"]) for e in alone["events"]] == \
        [(e["cameo"], e["source"], e["target"]) for e in record["events"]]


def test_event_date_falls_back_to_the_dateline_date():
    text = "MOSCOW, March 3, 2022 (Reuters) - Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing."
    record = analyze_text(text)
    assert record["events"] and all(e["date"] == "2022-03-03" for e in record["events"])


def test_the_dateline_round_trips_through_the_record():
    record = analyze_text("NICOSIA, August 8 (Xinhua) -- " + BODY, published="2023-09-01")
    again = Record.from_dict(record)
    assert again.document.dateline.span == tuple(record["document"]["dateline"]["span"])
    assert again.to_dict() == record


def test_a_label_with_a_colon_on_its_own_line_is_not_a_dateline():
    raw = "BOOM:\n\nTrump Just Fired A 5-Word Missile\n\n" + BODY
    assert document_from_text(raw).dateline is None
    inline = document_from_text("NEW DELHI: " + BODY)
    assert inline.dateline.place == "NEW DELHI" and inline.text == "NEW DELHI:\n" + BODY


@pytest.mark.parametrize("line", ["RUSSIA — CHINA TALKS", "WASHINGTON", "Washington — The president spoke.",
                                  "March 3 — The president said it on Tuesday at the White House."])
def test_headlines_and_bare_places_are_not_datelines(line):
    assert find_dateline(line) is None


def test_an_inline_dateline_keeps_the_offsets_of_the_body():
    raw = "JERUSALEM (AP)_ Taking the stand in her own defense, a friend of the assassin said Friday she regretted it."
    found = find_dateline(raw)
    assert (found.text, found.agency, found.rest) == ("JERUSALEM (AP)_", "AP", raw[len("JERUSALEM (AP)_ "):])
    document = document_from_text(raw)
    assert len(document.text) == len(raw) and document.text == raw.replace("_ ", "_\n", 1)


def test_the_rundown_shows_the_dateline():
    from communique.brief.rundown import render_markdown

    shown = render_markdown(analyze_text("NICOSIA, August 8 (Xinhua) -- " + BODY, published="2023-09-01"))
    assert "- **Dateline:** NICOSIA, August 8 (Xinhua) --" in shown


@pytest.mark.parametrize("line", ["Tuesday, March 2, 2021 —", "TUESDAY, March 2 (AP) —", "March, May 2 —"])
def test_a_weekday_or_month_is_not_a_place(line):
    assert find_dateline(line) is None
