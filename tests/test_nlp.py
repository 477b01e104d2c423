"""The pipeline: user dictionaries reach every component that looks actors up, and
make_doc tokenizes any text in linear time without changing a character."""
from __future__ import annotations

import pytest

from communique.nlp import CHUNK_PIECE_CHARS, load_pipeline, make_doc


@pytest.fixture(scope="module")
def pipeline():
    return load_pipeline("sm")


def test_user_actor_files_reach_actors_and_events(tmp_path):
    actors = tmp_path / "actors.yml"
    actors.write_text("- {name: Northern Water Board, kind: organization, code: NLDGOV, country: NLD}\n")
    nlp = load_pipeline("sm", (str(actors),))
    for name in ("communique_actors", "communique_events"):
        assert nlp.config["components"][name]["extra_files"] == [str(actors)], name


@pytest.mark.parametrize("text", [
    "Peace talks ended. " + '"' * 5_000 + " and then " + "$" * 2_345,
    "x" * 1_000 + "\n" + "y" * 999 + "  z",
    "A short text with an ordinary URL https://example.org/a/b/c?d=e.",
])
def test_make_doc_keeps_the_text_and_cuts_only_long_chunks(pipeline, text):
    doc = make_doc(pipeline, text)
    assert doc.text == text
    long_tokens = [t for t in doc if len(t.text) >= 1_000]
    assert not long_tokens
    if "x" * 1_000 in text:
        assert [len(t) for t in doc[:10]] == [CHUNK_PIECE_CHARS] * 10
    else:
        assert [t.text for t in make_doc(pipeline, text[:30])] == [t.text for t in pipeline.make_doc(text[:30])]
