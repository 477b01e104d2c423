"""The quantities component (communique_quantities) on the real spaCy pipeline:
values fully expanded, units, kinds, approximation and bounds, ranges, what is not a
quantity (dates, times, ordinals, names), and the quantulum3 development set."""
from __future__ import annotations

import dataclasses
import json
import math

import pytest
import spacy

from conftest import component_pipeline, read_jsonl, scorer_json, shared_path
from gates import floor

from communique.extract.quantities import QuantityMention  # registers the factory and the extension
import communique.extract.segments  # noqa: F401


@pytest.fixture(scope="module")
def qnlp():
    return component_pipeline("communique_quantities")


def found(nlp, text):
    doc = nlp(text)
    out = []
    for q in doc._.communique_quantities:
        assert isinstance(q, QuantityMention)
        s, e = q.char_span
        subject_span = None
        if q.subject_tokens is not None:
            words = doc[q.subject_tokens[0]:q.subject_tokens[1]]
            subject_span = (words.start_char, words.end_char)
        out.append({**dataclasses.asdict(q), "span": q.char_span, "range": list(q.range) if q.range else None,
                    "subject_span": subject_span, "text": text[s:e]})
    return out


def pick(quantities, value, unit):
    for q in quantities:
        if math.isclose(q["value"], value, rel_tol=1e-9) and q["unit"] == unit:
            return q
    raise AssertionError(f"no {value} {unit!r} in {[(q['text'], q['value'], q['unit']) for q in quantities]}")


# (sentence, [(value, unit, kind, approximate, bound), ...]): each expected quantity must be found.
CASES = [
    # values fully expanded, currencies as ISO codes
    ("Trade will grow by about 25% by the end of the year.", [(25, "percent", "change", True, None)]),
    ("He restated his goal of 200B USD trade volume.", [(200e9, "USD", "target", False, None)]),
    ("Trade of farm goods increased 36% to 6B USD.",
     [(36, "percent", "change", False, None), (6e9, "USD", "amount", False, None)]),
    ("The fund now holds $1.5 billion.", [(1.5e9, "USD", "amount", False, None)]),
    ("The company earned 3.4 mln dlrs, or 12 cts a share.",
     [(3.4e6, "USD", "amount", False, None), (12, "cent/share", "rate", False, None)]),
    ("Sales reached 5.2 bln yuan and 300 mln roubles.",
     [(5.2e9, "CNY", "amount", False, None), (300e6, "RUB", "amount", False, None)]),
    ("The bid is worth £2.3bn, while the fee was 50 million pounds sterling.",
     [(2.3e9, "GBP", "amount", False, None), (50e6, "GBP", "amount", False, None)]),
    ("The state spent Rs 500 crore, €10m and ¥500 billion.",
     [(5e9, "INR", "amount", False, None), (10e6, "EUR", "amount", False, None), (500e9, "JPY", "amount", False, None)]),
    ("A Japanese bank lent 1,000 billion yen and 20 billion Hong Kong dollars.",
     [(1e12, "JPY", "amount", False, None), (20e9, "HKD", "amount", False, None)]),
    # counts: the counted noun is the unit; number words
    ("They lost eleven ships.", [(11, "ships", "amount", False, None)]),
    ("The country sent 1,200 troops.", [(1200, "troops", "amount", False, None)]),
    ("Russia sent two additional patrol vessels.", [(2, "vessels", "amount", False, None)]),
    ("Officials said a hundred and two people were rescued.", [(102, "people", "amount", False, None)]),
    ("Half a million refugees crossed the border.", [(500e3, "refugees", "amount", False, None)]),
    ("Rebels fired a dozen rockets.", [(12, "rockets", "amount", False, None)]),
    # physical units with their standard names
    ("Output reached 3.5 million barrels.", [(3.5e6, "barrel", "amount", False, None)]),
    ("The convoy drove 27 kilometres and the lake covers 300 km².",
     [(27, "kilometre", "amount", False, None), (300, "square kilometre", "amount", False, None)]),
    ("The border wall is 2 1/2 in thick and the flood left 6 gallons of water.",
     [(2.5, "inch", "amount", False, None), (6, "gallon", "amount", False, None)]),
    ("Temperatures reached 45 degrees Celsius (113 °F).",
     [(45, "degree Celsius", "amount", False, None), (113, "degree Fahrenheit", "amount", False, None)]),
    ("The ship carried 278,000 t of grain and 10kg of gold.",
     [(278000, "tonne", "amount", False, None), (10, "kilogram", "amount", False, None)]),
    ("She walked two and a half miles.", [(2.5, "mile", "amount", False, None)]),
    ("The crate weighs 200 pounds; a twenty-pound bag fell.",
     [(200, "pound-mass", "amount", False, None), (20, "pound-mass", "amount", False, None)]),
    # rates
    ("Production was 3.5 million barrels per day at $80 a barrel.",
     [(3.5e6, "barrel/day", "rate", False, None), (80, "USD/barrel", "rate", False, None)]),
    ("The jet flew at 900 km/h.", [(900, "kilometre/hour", "rate", False, None)]),
    # bounds and approximation
    ("More than 1,000 people died.", [(1000, "people", "amount", False, "min")]),
    ("At least 30 were hurt and up to 500 fled.", [(30, "", "amount", False, "min"), (500, "", "amount", False, "max")]),
    ("Fewer than 20 soldiers remain.", [(20, "soldiers", "amount", False, "max")]),
    ("Some 5,000 troops moved roughly 3 km.",
     [(5000, "troops", "amount", True, None), (3, "kilometre", "amount", True, None)]),
    ("Nearly 40% of homes lost power.", [(40, "percent", "amount", True, "max")]),
    ("The box held exactly 12 tonnes.", [(12, "tonne", "amount", False, "exact")]),
    ("The convoy had 20-odd trucks and 2,000-plus soldiers.",
     [(20, "trucks", "amount", True, None), (2000, "soldiers", "amount", False, "min")]),
    # ranges: value is the midpoint, range the two ends
    ("Between 10 and 20 people were arrested.", [(15, "people", "range", False, None)]),
    ("Police detained 10-20 protesters.", [(15, "protesters", "range", False, None)]),
    ("Analysts expect stocks to fall between 1.3 and four mln barrels.", [(2.65e6, "barrel", "change", False, None)]),
    ("Imports account for 50 to 80% of supply.", [(65, "percent", "range", False, None)]),
    # changes and levels
    ("Inflation rose from 5% to 7%.", [(5, "percent", "amount", False, None), (7, "percent", "amount", False, None)]),
    ("Output fell by 2.5 percentage points.", [(2.5, "percentage point", "change", False, None)]),
    ("Shares were up 3% on Monday after a 25 basis point cut.",
     [(3, "percent", "change", False, None), (25, "basis point", "change", False, None)]),
    ("The report showed an increase of 12% in exports.", [(12, "percent", "change", False, None)]),
    ("Shares fell 20 to 1,260 yen.", [(20, "JPY", "change", False, None), (1260, "JPY", "amount", False, None)]),
    # targets
    ("The bank set a $5 billion target.", [(5e9, "USD", "target", False, None)]),
    ("The retailer aims to reach 1,000 stores.", [(1000, "stores", "target", False, None)]),
    # durations, ages, multiples
    ("The plant ran for three days before it failed.", [(3, "day", "duration", False, None)]),
    ("A 50-year-old man and a woman aged 41 were hurt.",
     [(50, "year", "age", False, None), (41, "year", "age", False, None)]),
    ("He won the title three times.", [(3, "times", "ratio", False, None)]),
    ("The reactor runs at 2.80 GHz and stores 8 MB.", [(2.8, "gigahertz", "amount", False, None),
                                                       (8, "megabyte", "amount", False, None)]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_quantities_table(qnlp, text, expected):
    qs = found(qnlp, text)
    for value, unit, kind, approximate, bound in expected:
        q = pick(qs, value, unit)
        assert (q["kind"], q["approximate"], q["bound"]) == (kind, approximate, bound), (text, q)
        s, e = q["span"]
        assert 0 <= s < e <= len(text)


# Sentences with numbers that are not quantities: dates, clock times, ordinals,
# decades, names, labels, scores, references back, calendar periods.
NOT_QUANTITIES = [
    "The call took place on December 30, 2022.",
    "Putin invited Xi to Moscow in 2023.",
    "At approximately 0355 EST the talks began.",
    "The meeting starts at 2 pm and the briefing at 10:30 a.m.",
    "It was the second time since the 1990s that the 21st century began so badly.",
    "G20 leaders discussed Boeing 737 jets, COVID-19 cases and Article 5.",
    "An F-16 crashed near Route 66.",
    "Trade between the two countries grew.",
    "One of them said the 2013-14 season was over.",
    "Trade increased over the last eleven months.",
    "The war started three years ago.",
    "The home team won 3-1 on Sunday.",
    "Windows 10 was released by Microsoft.",
]


@pytest.mark.parametrize("text", NOT_QUANTITIES, ids=[t[:40] for t in NOT_QUANTITIES])
def test_not_quantities(qnlp, text):
    qs = found(qnlp, text)
    assert qs == [], [(q["text"], q["value"], q["unit"]) for q in qs]


def test_spans_and_subjects(qnlp):
    text = ("Putin announced that trade between Russia and China will grow by about 25% by the end of 2022 "
            "and that his stated goal of 200B USD trade volume between the two countries would be reached. "
            "He added that trade of agricultural products increase 36% to 6B USD over the last eleven months.")
    qs = found(qnlp, text)
    assert [q["text"] for q in qs] == ["about 25%", "200B USD", "36%", "6B USD"]
    assert [q["kind"] for q in qs] == ["change", "target", "change", "amount"]
    assert qs[0]["subject"] == "trade"
    assert qs[1]["subject"] == "trade volume"
    assert qs[2]["subject"].startswith("trade")
    s, e = qs[1]["subject_span"]
    assert text[s:e] == "trade volume"


def test_records_are_in_text_order_with_all_fields(qnlp):
    qs = found(qnlp, "Officials said 3 tanks, $4 million and about 12% were involved, between 5 and 6 km away.")
    assert [q["span"][0] for q in qs] == sorted(q["span"][0] for q in qs)
    keys = {"value", "unit", "kind", "approximate", "span", "bound", "range", "subject", "subject_span"}
    for q in qs:
        assert keys <= set(q)
        assert isinstance(q["value"], float)
    rng = [q for q in qs if q["kind"] == "range"]
    assert rng and rng[0]["range"] == [5.0, 6.0] and rng[0]["unit"] == "kilometre"


def test_works_without_a_parser():
    """On a blank pipeline (no tags, no parse) it still reads numbers and units."""
    nlp = spacy.blank("en")
    nlp.add_pipe("communique_quantities")
    doc = nlp("Exports rose 5.2 pct to 1.5 billion dlrs in 1986.")
    got = [(q.value, q.unit) for q in doc._.communique_quantities]
    assert got == [(5.2, "percent"), (1.5e9, "USD")]


@pytest.mark.corpus
def test_quantulum3_corpus(qnlp, tmp_path):
    dataset = shared_path("dev/quantulum3.jsonl")
    scorer = shared_path("eval/score_quantities.py")
    records = read_jsonl(dataset)
    out = tmp_path / "quantulum3_out.jsonl"
    with out.open("w", encoding="utf-8") as handle:
        for rec, doc in zip(records, qnlp.pipe([r["text"] for r in records])):
            quantities = [{"id": f"q{i}", "value": q.value, "unit": q.unit, "kind": q.kind,
                           "approximate": q.approximate, "span": list(q.char_span),
                           "range": list(q.range) if q.range else None,
                           "statement": None}
                          for i, q in enumerate(doc._.communique_quantities, 1)]
            handle.write(json.dumps({"schema": "communique/1", "document": {"id": rec["id"], "text": rec["text"]},
                                     "quantities": quantities}, ensure_ascii=False) + "\n")
    scores = scorer_json(scorer, dataset, out)["scores"]
    vu, vo = scores["value+unit"], scores["value only"]
    print(f"quantulum3: value+unit F1={vu['f1']} (p={vu['p']} r={vu['r']}), value only F1={vo['f1']}")
    assert vu["f1"] >= floor("quantulum3_value_unit")


@pytest.mark.corpus
def test_canonical_example_quantities(qnlp, tmp_path):
    """The quantities of examples/putin-xi-call score 1.0 with score.py (only that category)."""
    article = shared_path("examples/putin-xi-call/article.txt")
    gold = shared_path("examples/putin-xi-call/gold.json")
    scorer = shared_path("eval/score.py")
    text = article.read_text(encoding="utf-8")
    doc = qnlp(text)
    quantities = [{"id": f"q{i}", "value": q.value, "unit": q.unit, "kind": q.kind,
                   "approximate": q.approximate, "span": list(q.char_span), "statement": None}
                  for i, q in enumerate(doc._.communique_quantities, 1)]
    out = tmp_path / "putin-xi-call.json"
    out.write_text(json.dumps({"schema": "communique/1", "document": {"id": "putin-xi-call", "text": text},
                               "actors": [], "statements": [], "events": [], "quantities": quantities,
                               "times": [], "segments": []}), encoding="utf-8")
    scores = scorer_json(scorer, gold, out)["scores"]
    print(f"putin-xi-call quantities: {scores['quantities']}")
    assert scores["quantities"]["f1"] == 1.0, scores["quantities"]
    expected = {q["text"]: q for q in json.loads(gold.read_text(encoding="utf-8"))["quantities"]}
    got = {text[q["span"][0]:q["span"][1]]: q for q in quantities}
    for surface, g in expected.items():
        assert surface in got, (surface, list(got))
        assert (got[surface]["kind"], got[surface]["approximate"]) == (g["kind"], g["approximate"])
