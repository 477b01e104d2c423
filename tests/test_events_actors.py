"""Events: a place read as a country is a candidate actor of the events component's own
extension; the actors' extensions are left as the actors component wrote them (hand-built Doc)."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

import communique.extract.segments  # noqa: F401 - registers doc._.communique_segments
import communique.extract.statements  # noqa: F401 - registers doc._.communique_statements
from communique.extract.actor_view import all_actors
from communique.extract.events import Events

NLP = spacy.blank("en")


def test_a_place_read_as_a_country_is_a_candidate_of_the_events_component():
    rows = """
        Soldiers 2 nsubjpass soldier NOUN
        were 2 auxpass be AUX
        killed 2 ROOT kill VERB
        in 2 prep in ADP
        Baghdad 3 pobj Baghdad PROPN
        . 2 punct . PUNCT
    """
    table = [line.split() for line in rows.strip().splitlines()]
    doc = Doc(NLP.vocab, words=[r[0] for r in table], heads=[int(r[1]) for r in table], deps=[r[2] for r in table],
              lemmas=[r[3] for r in table], pos=[r[4] for r in table])
    doc._.communique_actors, doc._.communique_mentions = [], []
    Events(NLP)(doc)
    assert doc._.communique_actors == [] and doc._.communique_mentions == []  # not the events component's to write
    [candidate] = doc._.communique_event_actors
    assert (candidate.code, candidate.kind, candidate.mentions) == ("IRQ", "country", [(4, 5)])
    assert [a.key for a in all_actors(doc)] == [candidate.key]
    assert [(e.code[:2], e.source, e.target) for e in doc._.communique_events] == \
        [("18", candidate.key, candidate.key)]  # violence with no named perpetrator is the place's
