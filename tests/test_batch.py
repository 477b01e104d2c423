"""JSONL batches: order and ids kept, one bad record never stops the batch,
and the one error shape (docs/error.schema.json) for every failure."""
from __future__ import annotations

import json

import jsonschema
import pytest

from conftest import ROOT, run_cli

ERROR_SCHEMA = json.loads((ROOT / "docs" / "error.schema.json").read_text())

GOOD_TEXTS = [
    "The foreign ministers of Chile and Peru met in Lima on Tuesday to discuss water rights.",
    "Rebels attacked a convoy near the border, the army said in a statement on Sunday.",
    "The central bank raised interest rates by half a percentage point, its governor announced.",
    "Lawmakers approved the budget after a twelve-hour debate that ended shortly before midnight.",
    "Aid agencies warned that the harvest would fall short for a third year in a row.",
]
BAD_LINES = {
    "not json": "{this is not json",
    "not an object": "[1, 2, 3]",
    "no text": json.dumps({"id": "no-text", "published": "2020-01-01"}),
    "empty text": json.dumps({"id": "empty", "text": "   "}),
    "text not a string": json.dumps({"id": "number-text", "text": 42}),
    "bad date": json.dumps({"id": "bad-date", "text": GOOD_TEXTS[0], "published": "yesterday"}),
    "binary": json.dumps({"id": "binary", "text": "abc\u0000\u0001\u0002def"}),
}


def _batch(tmp_path, lines, *extra):
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_cli("analyze", "--jsonl", str(source), "--out", str(out), *extra)
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()], result


def _mixed_lines():
    """Good records with every kind of bad line interleaved, ids in a known order."""
    lines, expected = [], []
    bad = list(BAD_LINES.values())
    for i in range(12):
        text = GOOD_TEXTS[i % len(GOOD_TEXTS)]
        lines.append(json.dumps({"id": f"doc-{i}", "text": text, "published": "2021-06-0%d" % (1 + i % 9)}))
        expected.append(f"doc-{i}")
        if i < len(bad):
            lines.append(bad[i])
            expected.append(None)  # an error object
    return lines, expected


@pytest.mark.parametrize("workers", ["1", "2"])
def test_order_ids_and_errors_are_kept(tmp_path, validate, workers):
    lines, expected = _mixed_lines()
    outputs, result = _batch(tmp_path, lines, "--workers", workers, "--batch-size", "3")
    assert len(outputs) == len(lines)
    for number, (output, want) in enumerate(zip(outputs, expected), start=1):
        if want is None:
            jsonschema.validate(output, ERROR_SCHEMA)
            assert output["id"] in {f"line-{number}", "no-text", "empty", "number-text", "bad-date", "binary"}
        else:
            assert validate(output)["document"]["id"] == want
    assert f"{len(lines)} records written, {len(BAD_LINES)} with errors" in result.stderr


def test_each_bad_record_names_itself_and_its_problem(tmp_path):
    outputs, _ = _batch(tmp_path, list(BAD_LINES.values()))
    by_kind = dict(zip(BAD_LINES, outputs))
    assert by_kind["not json"]["code"] == "C106" and "line 1" in by_kind["not json"]["error"]
    assert by_kind["not an object"]["code"] == "C107"
    assert by_kind["no text"]["code"] == "C108" and "'no-text'" in by_kind["no text"]["error"]
    assert by_kind["empty text"]["code"] == "C108"
    assert by_kind["text not a string"]["code"] == "C109" and "'text'" in by_kind["text not a string"]["error"]
    assert by_kind["bad date"]["code"] == "C110" and "yesterday" in by_kind["bad date"]["error"]
    assert by_kind["binary"]["code"] == "C104"


def test_record_fields_reach_the_document(tmp_path):
    line = json.dumps({"id": 7, "text": GOOD_TEXTS[1], "title": "Convoy attacked", "url": "https://example.org/a",
                       "published": "2019-03-05T10:00:00Z"})
    [output], _ = _batch(tmp_path, [line])
    document = output["document"]
    assert document["id"] == "7"
    assert (document["title"], document["url"], document["published"]) == ("Convoy attacked", "https://example.org/a", "2019-03-05")


def test_published_option_overrides_record_dates(tmp_path):
    line = json.dumps({"id": "a", "text": GOOD_TEXTS[0], "published": "2019-03-05"})
    [output], _ = _batch(tmp_path, [line], "--published", "2022-12-30")
    assert output["document"]["published"] == "2022-12-30"


def test_html_records_are_extracted(tmp_path):
    html = ("<html><head><title>Talks resume</title></head><body><nav>Home | World | Sport</nav><article>"
            "<h1>Talks resume</h1><p>Negotiators from both sides returned to the table in Doha on Monday, "
            "officials said, after a pause of three weeks.</p><p>The talks are expected to last until Friday.</p>"
            "</article><footer>Copyright 2024</footer></body></html>")
    [output], _ = _batch(tmp_path, [json.dumps({"id": "h", "html": html})])
    text = output["document"]["text"]
    assert "Negotiators from both sides" in text and "last until Friday" in text
    assert "Copyright" not in text and "Home | World" not in text
    assert output["document"]["format"] == "html"


def test_standard_input_and_output(validate):
    lines = "\n".join(json.dumps({"id": f"s{i}", "text": t}) for i, t in enumerate(GOOD_TEXTS[:2]))
    result = run_cli("analyze", "--jsonl", "-", stdin=lines)
    assert result.returncode == 0, result.stderr
    assert [validate(json.loads(line))["document"]["id"] for line in result.stdout.splitlines()] == ["s0", "s1"]


def test_missing_batch_file_fails_without_touching_output(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("kept\n")
    result = run_cli("analyze", "--jsonl", str(tmp_path / "absent.jsonl"), "--out", str(out))
    assert result.returncode == 1 and "[C101]" in result.stderr
    assert out.read_text() == "kept\n", "an earlier output is not clobbered by a failed run"
