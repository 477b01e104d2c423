"""One writer per Doc extension (issue #11): statements write their new speakers as
candidate actors in their own extension and never touch the actors' extensions;
the voice's editorial stretches are computed without caching anything on the Doc;
actors resolve offices against an explicit reference date, never today's."""
from __future__ import annotations

import pytest

from communique.extract.actor_view import all_actors, all_mentions
from communique.extract.actors import latest_term_start
from communique.extract.voice import editorial_stretches
from communique.nlp import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def run(nlp, text: str, published: str | None = "2024-05-02"):
    """The Doc after each component: (doc, the actors' extensions right after the actors ran)."""
    doc = nlp.make_doc(text)
    doc._.communique_published = published
    after_actors = None
    for name, component in nlp.pipeline:
        doc = component(doc)
        if name == "communique_actors":
            after_actors = ([a.key for a in doc._.communique_actors], list(doc._.communique_mentions))
    return doc, after_actors


def test_new_speakers_are_candidates_and_the_actors_extensions_stay_as_written(nlp):
    text = ("Marta Quintero arrived in Lima on Monday. Officials said that the border would reopen. "
            "I think the talks failed.")
    doc, (keys, mentions) = run(nlp, text)
    assert [a.key for a in doc._.communique_actors] == keys
    assert doc._.communique_mentions == mentions
    candidates = {a.key: a for a in doc._.communique_statement_actors}
    assert {"S:officials", "S:the writer"} <= set(candidates)
    assert candidates["S:officials"].code is None
    merged = {a.key for a in all_actors(doc)}
    # events may add its own candidates too (a capital on the receiving end: "in Lima" -> PER)
    assert set(keys) | set(candidates) | {a.key for a in doc._.communique_event_actors or []} == merged
    assert any(key == "S:officials" for _, _, key in all_mentions(doc))


def test_a_relative_pronoun_mention_of_a_known_actor_is_a_candidate_with_its_key(nlp):
    doc, (keys, mentions) = run(nlp, "Chinese officials who said the talks were useful left Beijing.")
    [candidate] = doc._.communique_statement_actors
    assert candidate.key == "group:CHNGOV:official" and candidate.key in keys
    assert doc[candidate.mentions[0][0]].text == "who"
    assert doc._.communique_mentions == mentions  # the actors' own list is untouched
    assert (2, 3, candidate.key) in all_mentions(doc)


def test_editorial_stretches_cache_nothing_on_the_doc(nlp):
    doc, _ = run(nlp, "The deal, an apparent dig at Washington, was signed. Prices will probably rise.")
    assert not doc.has_extension("communique_editorial")
    first = editorial_stretches(doc)
    assert first and editorial_stretches(doc) == first


def test_offices_resolve_against_an_explicit_reference_date(nlp):
    actors = nlp.get_pipe("communique_actors")
    assert actors.reference_date == latest_term_start(actors.gazetteer)
    assert len(actors.reference_date) == 10 and actors.reference_date[4] == "-"
    text = "The Iranian president spoke on Monday."
    undated, _ = run(nlp, text, published=None)
    dated, _ = run(nlp, text, published=actors.reference_date)
    assert [(a.name, a.code) for a in undated._.communique_actors] == \
        [(a.name, a.code) for a in dated._.communique_actors]
