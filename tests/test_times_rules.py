"""communique_times' rules and checks on hand-built Docs (words, heads, deps, tags, POS,
entities written out, as spaCy's own tests do): each rule that depends on the parse is
tested independently of how the small model happens to parse the sentence."""
from __future__ import annotations

from datetime import date

import pytest
import spacy
from spacy.tokens import Doc

from communique.extract.times import TimeMention, TimeTagger

FRIDAY = date(2022, 12, 30)  # the published date of every sentence here


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("en").vocab


@pytest.fixture(scope="module")
def tagger():
    return TimeTagger()


def parsed(vocab, rows: str, ents: list[str] | None = None) -> Doc:
    """A Doc from rows "word head dep tag pos" (head: the index of the head token)."""
    table = [row.split() for row in rows.strip().splitlines()]
    return Doc(vocab, words=[r[0] for r in table], spaces=[True] * (len(table) - 1) + [False],
               heads=[int(r[1]) for r in table], deps=[r[2] for r in table], tags=[r[3] for r in table],
               pos=[r[4] for r in table], ents=ents)


def found(tagger, doc: Doc) -> list[tuple[str, str, str]]:
    return [(doc.text[t.char_span[0]:t.char_span[1]], t.type, t.value) for t in tagger.find(doc, FRIDAY)]


# "They said they will meet Tuesday": the same words, two parses; the weekday takes
# the tense of the verb it hangs on.
SAID_MEET = """
They     1 nsubj    PRP VERB
said     1 ROOT     VBD VERB
they     4 nsubj    PRP PRON
will     4 aux      MD  AUX
meet     1 ccomp    VB  VERB
Tuesday  {head} npadvmod NNP PROPN
.        1 punct    .   PUNCT
"""


def test_a_weekday_on_a_future_verb_is_the_next_one(vocab, tagger):
    doc = parsed(vocab, SAID_MEET.format(head=4))
    assert found(tagger, doc) == [("Tuesday", "DATE", "2023-01-03")]


def test_the_same_weekday_on_a_past_verb_is_the_last_one(vocab, tagger):
    doc = parsed(vocab, SAID_MEET.format(head=1))
    assert found(tagger, doc) == [("Tuesday", "DATE", "2022-12-27")]


def test_on_tuesday_under_an_infinitive_takes_the_time_of_its_governor(vocab, tagger):
    doc = parsed(vocab, """
They      1 nsubj  PRP PRON
plan      1 ROOT   VBP VERB
to        3 aux    TO  PART
meet      1 xcomp  VB  VERB
on        3 prep   IN  ADP
Tuesday   4 pobj   NNP PROPN
""")
    assert found(tagger, doc) == [("Tuesday", "DATE", "2023-01-03")]


def test_without_a_parse_the_tense_is_unknown_and_the_weekday_is_the_last_one(vocab, tagger):
    doc = Doc(vocab, words=["They", "meet", "on", "Tuesday"])
    assert found(tagger, doc) == [("Tuesday", "DATE", "2022-12-27")]


def test_a_year_before_a_plural_noun_is_a_count(vocab, tagger):
    doc = parsed(vocab, """
They      1 nsubj  PRP PRON
sent      1 ROOT   VBD VERB
2000      3 nummod CD  NUM
soldiers  1 dobj   NNS NOUN
""")
    assert found(tagger, doc) == []


def test_a_year_after_a_determiner_stays_a_year(vocab, tagger):
    doc = parsed(vocab, """
They      1 nsubj  PRP PRON
won       1 ROOT   VBD VERB
the       4 det    DT  DET
2016      4 nummod CD  NUM
elections 1 dobj   NNS NOUN
""")
    assert found(tagger, doc) == [("2016", "DATE", "2016")]


def test_may_the_name_is_not_a_month(vocab, tagger):
    rows = """
Theresa   1 compound NNP PROPN
May       2 nsubj    NNP PROPN
spoke     2 ROOT     VBD VERB
"""
    assert found(tagger, parsed(vocab, rows, ents=["B-PERSON", "I-PERSON", "O"])) == []
    # the same words where the entity recogniser calls "May" a date
    assert found(tagger, parsed(vocab, rows, ents=["O", "B-DATE", "O"])) == [("May", "DATE", "2022-05")]


@pytest.mark.parametrize("tag, pos, expected", [
    ("RB", "ADV", [("weekly", "SET", "P1W")]),  # "they meet weekly"
    ("JJ", "ADJ", []),  # "a weekly meeting"
])
def test_a_frequency_word_is_a_set_only_as_an_adverb(vocab, tagger, tag, pos, expected):
    doc = parsed(vocab, f"""
They    1 nsubj  PRP PRON
meet    1 ROOT   VBP VERB
weekly  1 advmod {tag} {pos}
""")
    assert found(tagger, doc) == expected


def test_results_are_frozen_token_spans_with_their_characters(vocab, tagger):
    doc = parsed(vocab, SAID_MEET.format(head=4))
    [mention] = tagger.find(doc, FRIDAY)
    assert isinstance(mention, TimeMention) and (mention.start, mention.end) == (5, 6)
    assert doc[mention.start:mention.end].text == "Tuesday" and mention.char_span == (25, 32)
    with pytest.raises(AttributeError):
        mention.value = "changed"


@pytest.mark.parametrize("rows, expected", [
    ("""
Its      2 poss   PRP$ PRON
current  2 amod   JJ   ADJ
chief    3 nsubj  NN   NOUN
resigned 3 ROOT   VBD  VERB
""", [("current", "DATE", "PRESENT_REF")]),
    ("""
The      1 det    DT   DET
current  2 nsubj  NN   NOUN
was      2 ROOT   VBD  AUX
strong   2 acomp  JJ   ADJ
""", []),
], ids=["adjective", "noun"])
def test_current_is_a_reference_only_as_an_adjective_before_a_noun(vocab, tagger, rows, expected):
    assert found(tagger, parsed(vocab, rows)) == expected
