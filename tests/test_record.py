"""The communique/1 record: typed classes, JSON round trip, and the published schema."""
from __future__ import annotations

import json

from communique.analyze import analyze_documents
from communique.ingest import document_from_text
from communique.record import Record
from communique.settings import Config

from conftest import SCHEMA_PATH


def test_schema_names_every_record_field():
    schema = json.loads(SCHEMA_PATH.read_text())
    record = Record(document=document_from_text("The envoy arrived in Cairo on Monday for talks.")).to_dict()
    assert set(schema["required"]) <= set(record)
    assert set(record["document"]) <= set(schema["properties"]["document"]["properties"])


def test_round_trip_and_spans_index_the_text(validate):
    text = "Talks Resume\n\nThe envoy arrived in Cairo on Monday. He met the foreign minister.\n• Aid will resume."
    [record] = analyze_documents([document_from_text(text, "rt")], Config())
    validate(record)
    again = Record.from_dict(json.loads(json.dumps(record))).to_dict()
    assert again == record
    body = record["document"]["text"]
    assert [body[s:e] for s, e in (seg["span"] for seg in record["segments"])] == [
        "The envoy arrived in Cairo on Monday.", "He met the foreign minister.", "Aid will resume."]
    assert record["document"]["title"] == "Talks Resume"


def test_python_api_analyze_text(validate):
    from communique.analyze import analyze_text
    record = validate(analyze_text("Officials said the ceasefire held overnight.", "api-1", published="2024-05-01"))
    assert record["document"]["id"] == "api-1" and record["document"]["published"] == "2024-05-01"


def test_python_api_raises_coded_errors():
    import pytest
    from communique.analyze import analyze_text
    from communique.errors import CommuniqueError
    with pytest.raises(CommuniqueError, match=r"\[C105\]"):
        analyze_text("   \n  ")


def test_long_documents_run_apart_and_keep_their_place():
    from communique.analyze import LONG_DOCUMENT_CHARS
    long_text = "The envoy met the minister in Lima on Monday. " * (LONG_DOCUMENT_CHARS // 40)
    documents = [document_from_text("Talks resumed in Geneva on Friday.", "a"),
                 document_from_text(long_text, "long"),
                 document_from_text("The ceasefire held overnight, officials said.", "c")]
    records = analyze_documents(documents, Config(batch_size=2))
    assert [r["document"]["id"] for r in records] == ["a", "long", "c"]
    assert len(records[1]["segments"]) > 500 and records[2]["statements"]
