"""communique_times: time expressions with TIMEX3 values, on the real spaCy pipeline.

A table of sentences written for these tests (published date, sentence, expected
(text, type, value)), sentences that must yield nothing, the no-published-date
convention, and two gates on shared material: TimeBank's dev half (value F1) and
the canonical example's times.
"""
from __future__ import annotations

import json
import sys

import pytest
import spacy

import communique.extract  # noqa: F401  (registers doc._.communique_published)
from conftest import component_pipeline, read_jsonl, scorer_json, shared_path
from gates import floor



@pytest.fixture(scope="module")
def nlp():
    return component_pipeline("communique_times")


def times(nlp, text: str, published: str | None) -> list[tuple[str, str, str]]:
    doc = nlp.make_doc(text)
    doc._.communique_published = published
    doc = nlp(doc)
    return [(text[t.char_span[0]:t.char_span[1]], t.type, t.value) for t in doc._.communique_times]


# (published, sentence, [(text, type, value), ...]): every expected time must be found
# with exactly that text, type and value.
CASES = [
    # absolute and partial dates
    ("2022-12-30", "The talks were held on December 30, 2022 in Moscow.", [("December 30, 2022", "DATE", "2022-12-30")]),
    ("2022-12-30", "He first visited in March 1998 and returned in 1998.",
     [("March 1998", "DATE", "1998-03"), ("1998", "DATE", "1998")]),
    ("2022-12-30", "The report is dated 25 April 1998; the decree 2021-06-01; the memo 12/30/2022.",
     [("25 April 1998", "DATE", "1998-04-25"), ("2021-06-01", "DATE", "2021-06-01"), ("12/30/2022", "DATE", "2022-12-30")]),
    ("2022-12-30", "MOSCOW, Dec 29 (Reuters) - The ministry published the figures.", [("Dec 29", "DATE", "2022-12-29")]),
    ("2022-12-30", "The deal was reached on Dec. 15 and will take effect on Jan. 1.",
     [("Dec. 15", "DATE", "2022-12-15"), ("Jan. 1", "DATE", "2023-01-01")]),
    ("2022-12-30", "Prices rose in August and will be reviewed in June of this year.",
     [("August", "DATE", "2022-08"), ("June of this year", "DATE", "2022-06")]),
    ("2022-12-30", "The vote took place in early November.", [("early November", "DATE", "2022-11")]),
    ("2022-12-30", "The bells rang on Christmas Day.", [("Christmas Day", "DATE", "2022-12-25")]),
    # relative dates
    ("2022-12-30", "Officials met yesterday, talk today and will meet again tomorrow.",
     [("yesterday", "DATE", "2022-12-29"), ("today", "DATE", "2022-12-30"), ("tomorrow", "DATE", "2022-12-31")]),
    ("2022-12-30", "Exports fell last week and will recover next month.",
     [("last week", "DATE", "2022-W51"), ("next month", "DATE", "2023-01")]),
    ("2022-12-30", "Growth slowed last year and will pick up next year.",
     [("last year", "DATE", "2021"), ("next year", "DATE", "2023")]),
    ("2022-12-30", "The ministers met on Tuesday.", [("Tuesday", "DATE", "2022-12-27")]),
    ("2022-12-30", "The ministers will meet on Tuesday.", [("Tuesday", "DATE", "2023-01-03")]),
    ("2022-12-30", "The envoy left last Friday.", [("last Friday", "DATE", "2022-12-23")]),
    ("2022-12-30", "Two years ago, the war began.", [("Two years ago", "DATE", "2020")]),
    ("1989-10-27", "Sales rose in March. The following month, the company put itself up for sale.",
     [("March", "DATE", "1989-03"), ("The following month", "DATE", "1989-04")]),
    # seasons, quarters, halves
    ("2022-12-30", "No date has been set, but the visit will most likely be this Spring.", [("this Spring", "DATE", "2023-SP")]),
    ("1998-03-22", "Marches are planned for this summer.", [("this summer", "DATE", "1998-SU")]),
    ("2022-12-30", "Output fell last spring.", [("last spring", "DATE", "2022-SP")]),
    ("2022-12-30", "Profits rose in the third quarter of 2022 and in Q2 2021.",
     [("the third quarter of 2022", "DATE", "2022-Q3"), ("Q2 2021", "DATE", "2021-Q2")]),
    ("1989-10-26", "Third-quarter profit rose 19% from a year ago.",
     [("Third-quarter", "DATE", "1989-Q3"), ("a year ago", "DATE", "1988-Q3")]),
    ("1989-10-26", "Profit rose in the third quarter. In the year-earlier period, it fell.",
     [("the third quarter", "DATE", "1989-Q3"), ("the year-earlier period", "DATE", "1988-Q3")]),
    ("1991-02-25", "Fighting eased over the weekend.", [("the weekend", "DATE", "1991-W08-WE")]),
    ("1989-11-01", "Net income fell in the third quarter. The latest period included a gain.",
     [("the third quarter", "DATE", "1989-Q3"), ("The latest period", "DATE", "1989-Q3")]),
    ("2022-12-30", "The economy grew in the first half of 2023.", [("the first half of 2023", "DATE", "2023-H1")]),
    # parts of day and clock times
    ("2022-12-30", "All in all, the call this morning was cordial.", [("this morning", "TIME", "2022-12-30TMO")]),
    ("2022-12-30", "Shelling resumed last night.", [("last night", "TIME", "2022-12-29TNI")]),
    ("2022-12-30", "At approximately 0355 EST, the two presidents began talks.",
     [("0355 EST", "TIME", "2022-12-30T03:55-05:00")]),
    ("2022-12-30", "The session opens at 10:30 a.m. and closes at 3 p.m. Moscow time.",
     [("10:30 a.m.", "TIME", "2022-12-30T10:30"), ("3 p.m. Moscow time", "TIME", "2022-12-30T15:00+03:00")]),
    ("1998-02-13", "The vote is set for 10 p.m. Wednesday.", [("10 p.m. Wednesday", "TIME", "1998-02-11T22:00")]),
    ("2022-12-30", "The curfew starts at midnight.", [("midnight", "TIME", "2022-12-30T24:00")]),
    # durations
    ("2022-12-30", "Trade rose 36% over the last eleven months.", [("the last eleven months", "DURATION", "P11M")]),
    ("2022-12-30", "The war lasted three years and the truce two weeks.",
     [("three years", "DURATION", "P3Y"), ("two weeks", "DURATION", "P2W")]),
    ("2022-12-30", "The hostages were held for 48 hours.", [("48 hours", "DURATION", "PT48H")]),
    ("2022-12-30", "He will stay for a year and a half after a 10-year term.",
     [("a year and a half", "DURATION", "P1Y6M"), ("10-year", "DURATION", "P10Y")]),
    ("2022-12-30", "Fighting has gone on for decades and grew in recent weeks.",
     [("decades", "DURATION", "PXDE"), ("recent weeks", "DURATION", "PXW")]),
    ("2022-12-30", "Profit fell for nearly two years.", [("nearly two years", "DURATION", "P2Y")]),
    # boundaries and well-known periods
    ("2022-12-30", "Trade will grow by about 25% by the end of 2022.", [("the end of 2022", "DATE", "2022-12-31")]),
    ("2022-12-30", "The United States has led since the end of the Second World War.",
     [("the end of the Second World War", "DATE", "1945")]),
    # sets
    ("2022-12-30", "The council meets every year and the newsletter is published weekly.",
     [("every year", "SET", "P1Y"), ("weekly", "SET", "P1W")]),
    ("2022-12-30", "The group meets every Monday, twice a week, and each July.",
     [("every Monday", "SET", "XXXX-WXX-1"), ("twice a week", "SET", "P1W"), ("each July", "SET", "XXXX-07")]),
    # decades and centuries
    ("2022-12-30", "Sales boomed in the 1990s, the nineties, and in the early 2000s.",
     [("the 1990s", "DATE", "199"), ("the nineties", "DATE", "199"), ("the early 2000s", "DATE", "200")]),
    ("2022-12-30", "This has not happened since the 19th century.", [("the 19th century", "DATE", "18XX")]),
    # references
    ("2022-12-30", "Prices are now high and currently rising.",
     [("now", "DATE", "PRESENT_REF"), ("currently", "DATE", "PRESENT_REF")]),
    ("2022-12-30", "Relations have soured recently, as in the past; the future is uncertain.",
     [("recently", "DATE", "PAST_REF"), ("the past", "DATE", "PAST_REF"), ("the future", "DATE", "FUTURE_REF")]),
    # fiscal years
    ("1989-10-30", "Earnings in fiscal 1989 beat the current fiscal year's forecast.",
     [("fiscal 1989", "DATE", "1989"), ("the current fiscal year", "DATE", "1989")]),
    # no published date: relative values keep explicit placeholders
    (None, "Officials met yesterday and will meet next week.",
     [("yesterday", "DATE", "XXXX-XX-XX"), ("next week", "DATE", "XXXX-WXX")]),
    (None, "The visit will be this Spring, perhaps on Tuesday at 10:30 a.m.",
     [("this Spring", "DATE", "XXXX-SP"), ("Tuesday at 10:30 a.m.", "TIME", "XXXX-WXX-2T10:30")]),
    (None, "They met last year, and again on December 30, 2022, for three hours.",
     [("last year", "DATE", "XXXX"), ("December 30, 2022", "DATE", "2022-12-30"), ("three hours", "DURATION", "PT3H")]),
]


@pytest.mark.parametrize("published,text,expected", CASES, ids=[c[1][:40] for c in CASES])
def test_time_expressions(nlp, published, text, expected):
    found = times(nlp, text, published)
    for item in expected:
        assert item in found, f"{item} not in {found}"


# Sentences whose words look like times but are not.
NOT_TIMES = [
    "The United States may extend the embargo.",  # "may" the verb
    "Theresa May met the envoy.",  # a name
    "The army sent 2000 troops and spent $1500 on fuel.",  # counts, money
    "Winds reached 75 miles per hour.",  # a speed
    "Mr. Schwarz, 52 years old, led a 10-year-old company.",  # ages
    "The company pays a quarterly dividend and holds an annual meeting.",  # adjectives, not adverbs
    "The star is more massive than the Sun.",  # not Sunday
    "Iraq imports about three-quarters of its food.",  # a fraction
]


@pytest.mark.parametrize("text", NOT_TIMES, ids=[t[:40] for t in NOT_TIMES])
def test_words_that_are_not_times(nlp, text):
    assert times(nlp, text, "2022-12-30") == []


def test_times_are_in_text_order_with_valid_spans(nlp):
    text = "On Monday, three days after the vote of Dec. 2, officials met for two hours."
    doc = nlp.make_doc(text)
    doc._.communique_published = "2022-12-30"
    result = nlp(doc)._.communique_times
    starts = [t.char_span[0] for t in result]
    assert starts == sorted(starts) and len(result) == 4
    for t in result:
        s, e = t.char_span
        assert 0 <= s < e <= len(text) and text[s:e] == text[s:e].strip()
        assert t.type in {"DATE", "TIME", "DURATION", "SET"}
        tokens = doc[t.start:t.end]  # the tokens that cover it
        assert tokens.start_char <= s < e <= tokens.end_char


def test_component_works_without_parser_or_ner():
    """Any English pipeline can use it: without a parse the tense is unknown, not an error."""
    blank = spacy.blank("en")
    blank.add_pipe("communique_times")
    doc = blank.make_doc("Talks were held on Tuesday, March 3, 2020 and will resume next week.")
    doc._.communique_published = "2020-03-05"
    values = [t.value for t in blank(doc)._.communique_times]
    assert values == ["2020-03-03", "2020-W11"]


# ---------------------------------------------------------------- shared material
def _run(nlp, records) -> list[dict]:
    sys.path.insert(0, str(shared_path("eval")))
    try:
        from to_input import published
    finally:
        sys.path.pop(0)
    seen: dict[str, int] = {}
    docs = []
    for rec in records:
        rid = str(rec["id"])
        seen[rid] = seen.get(rid, 0) + 1
        doc = nlp.make_doc(rec["text"])
        doc._.communique_published = published(rec)
        docs.append((rid if seen[rid] == 1 else f"{rid}#{seen[rid]}", doc))
    out = []
    for (rid, _), doc in zip(docs, nlp.pipe([d for _, d in docs], batch_size=16)):
        out.append({"schema": "communique/1", "document": {"id": rid, "text": doc.text},
                    "times": [{"id": f"t{i}", "type": t.type, "value": t.value, "span": list(t.char_span)}
                              for i, t in enumerate(doc._.communique_times, 1)]})
    return out


@pytest.mark.corpus
def test_timebank_dev_value_f1(nlp, tmp_path):
    dataset = shared_path("dev/timebank_dev.jsonl")
    scorer = shared_path("eval/score_times.py")
    out = tmp_path / "timebank_out.jsonl"
    out.write_text("".join(json.dumps(o) + "\n" for o in _run(nlp, read_jsonl(dataset))), encoding="utf-8")
    scores = scorer_json(scorer, dataset, out)["scores"]
    print("\nTimeBank dev:", {k: scores[k]["f1"] for k in ("strict", "relaxed", "value")})
    assert scores["value"]["f1"] >= floor("timebank_value"), scores


@pytest.mark.corpus
def test_canonical_example_times(nlp, tmp_path):
    gold_path = shared_path("examples/putin-xi-call/gold.json")
    article = shared_path("examples/putin-xi-call/article.txt").read_text(encoding="utf-8")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    record = _run(nlp, [{"id": "putin-xi-call", "text": article, "published": gold["input"]["published"]}])[0]
    record.update({"actors": [], "statements": [], "events": [], "quantities": [], "segments": []})
    out = tmp_path / "canonical.json"
    out.write_text(json.dumps(record), encoding="utf-8")
    report = scorer_json(shared_path("eval/score.py"), gold_path, out)
    f1 = report["scores"]["times"]["f1"]
    print("\ncanonical times:", report["scores"]["times"], "missed:", report["misses"].get("times"))
    assert f1 >= floor("canonical_times"), report["misses"].get("times")
