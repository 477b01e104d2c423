"""spaCy's attribute ruler and rule lemmatizer, giving the same annotations for less work.

Profiling (``benchmarks/profile_stages.py``) found these two rule-based components taking
13% of an article's analysis, more than the parser, without any neural network:

- the attribute ruler gives its 179 patterns to spaCy's Matcher, which tries each of them at
  every token, although each pattern tests fixed values of a token or two ("TAG": "NNS";
  "TAG": "PRP" and "LOWER": "they"): a look-up by value;
- the rule lemmatizer caches a lemma per (word, part of speech, morphology), but on a miss
  it asks whether each form it tries is in a word list of that part of speech, and spaCy
  keeps those lists (57,528 English nouns) as lists, scanned form by form.

:class:`IndexedAttributeRuler` finds its patterns through a :class:`FixedPatternIndex` (each
pattern filed under its first token's most selective value), gives any pattern the index
cannot take to a Matcher, and applies the matches in spaCy's order by spaCy's own method,
so the annotations are the same. :class:`CachedLemmas` looks each token up in one table of
lemma ids, keyed as the rule lemmatizer's cache is, and makes its word lists
:class:`WordList` objects. Both keep the model's own data (subclasses, loaded from the
components they replace). ``tests/test_nlp_lookups.py`` compares every annotation with
spaCy's components on real articles; ``benchmarks/lookups.py`` times both.
"""
from __future__ import annotations

import re
from functools import lru_cache

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.pipeline.attributeruler import attribute_ruler_score
from spacy.tokens import Doc


# The token attributes a pattern may test to be indexed, in the order they are preferred
# as the index of a pattern's first token: the most selective first, so that a token
# meets few candidates ("TAG": "PRP" with "LOWER": "they" is filed under "they").
INDEXED_ATTRS = ("ORTH", "LOWER", "TAG", "DEP", "IS_SPACE")
_ARRAY_ATTRS = [ORTH, LOWER, TAG, DEP, IS_SPACE]
_COLUMN = {"ORTH": 0, "TEXT": 0, "LOWER": 1, "TAG": 2, "DEP": 3, "IS_SPACE": 4}
_BOOLEAN_COLUMN = 4


class _Unsupported(Exception):
    """A pattern this index cannot take (an operator, another attribute): the Matcher takes it."""


def _condition(vocab, attr: str, value) -> tuple[int, str, object]:
    """One test of one token: (column, kind, operand), kind one of eq, in, not_in, regex."""
    column = _COLUMN.get(attr.upper())
    if column is None:
        raise _Unsupported(attr)
    if column == _BOOLEAN_COLUMN:
        if not isinstance(value, bool):
            raise _Unsupported(attr)
        return column, "eq", int(value)
    if isinstance(value, str):
        return column, "eq", vocab.strings.add(value)
    raise _Unsupported(attr)


def _token_tests(vocab, spec: dict) -> list[tuple[int, str, object]]:
    tests = []
    for attr, value in spec.items():
        if isinstance(value, dict):
            column = _COLUMN.get(attr.upper())
            if column is None or column == _BOOLEAN_COLUMN:
                raise _Unsupported(attr)
            for operator, operand in value.items():
                if operator in ("IN", "NOT_IN"):
                    kind = operator.lower()
                    tests.append((column, kind, frozenset(vocab.strings.add(str(item)) for item in operand)))
                elif operator == "REGEX":
                    tests.append((column, "regex", re.compile(operand)))
                else:
                    raise _Unsupported(operator)
        else:
            tests.append(_condition(vocab, attr, value))
    return tests


class FixedPatternIndex:
    """Matcher patterns of fixed length (no operators) on ORTH, LOWER, TAG, DEP and IS_SPACE,
    found through a table of each pattern's first token by its most selective
    tested value, instead of trying every pattern at every token as spaCy's Matcher does.
    Regular expressions are evaluated once per distinct word. ``add`` raises
    :class:`_Unsupported` for any other pattern."""

    def __init__(self, vocab) -> None:
        self.vocab = vocab
        self._patterns: list[tuple[int, list[list[tuple[int, str, object]]]]] = []  # (match id, tests per token)
        self._index: list[dict[int, list[int]]] = [{} for _ in _ARRAY_ATTRS]  # column -> value -> patterns
        self._everywhere: list[int] = []  # patterns with no indexable first test
        self._regex_results: dict[tuple[int, int], bool] = {}

    def add(self, match_id: int, pattern: list[dict]) -> None:
        tests = [_token_tests(self.vocab, spec) for spec in pattern]  # an operator ("OP") is no attribute
        if not tests:
            raise _Unsupported("an empty pattern")
        number = len(self._patterns)
        self._patterns.append((match_id, tests))
        first = {column: (kind, operand) for column, kind, operand in tests[0] if kind in ("eq", "in")}
        for attr in INDEXED_ATTRS:
            column = _COLUMN[attr]
            if column in first:
                kind, operand = first[column]
                for value in ([operand] if kind == "eq" else operand):
                    self._index[column].setdefault(value, []).append(number)
                return
        self._everywhere.append(number)

    def _passes(self, row, tests, regexes) -> bool:
        for column, kind, operand in tests:
            value = row[column]
            if kind == "eq":
                if value != operand:
                    return False
            elif kind == "in":
                if value not in operand:
                    return False
            elif kind == "not_in":
                if value in operand:
                    return False
            else:
                key = (value, id(operand))
                found = regexes.get(key)
                if found is None:
                    found = regexes[key] = operand.search(self.vocab.strings[value]) is not None
                if not found:
                    return False
        return True

    def _try(self, number: int, rows: list, start: int, matches: list) -> None:
        match_id, tests = self._patterns[number]
        end = start + len(tests)
        if end <= len(rows) and all(self._passes(rows[start + offset], token_tests, self._regex_results)
                                    for offset, token_tests in enumerate(tests)):
            matches.append((match_id, start, end))

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(match id, start, end) of every match."""
        rows = doc.to_array(_ARRAY_ATTRS).tolist()
        indexed = [(column, table) for column, table in enumerate(self._index) if table]
        matches = []
        for start, row in enumerate(rows):
            for column, table in indexed:
                for number in table.get(row[column], ()):
                    self._try(number, rows, start, matches)
            for number in self._everywhere:
                self._try(number, rows, start, matches)
        return matches


class IndexedAttributeRuler(AttributeRuler):
    """An :class:`~spacy.pipeline.AttributeRuler` whose patterns are found through a
    :class:`FixedPatternIndex`; only patterns it cannot take go to a Matcher."""

    def __init__(self, vocab, name: str = "attribute_ruler", *, validate: bool = False,
                 scorer=attribute_ruler_score) -> None:
        super().__init__(vocab, name, validate=validate, scorer=scorer)
        self._indexed = FixedPatternIndex(vocab)
        self._rest = Matcher(vocab, validate=validate)

    def clear(self) -> None:
        super().clear()
        self._indexed = FixedPatternIndex(self.vocab)
        self._rest = Matcher(self.vocab, validate=self.validate)

    def add(self, patterns, attrs: dict, index: int = 0) -> None:
        number = len(self.attrs)  # the key AttributeRuler.add gives these patterns
        super().add(patterns, attrs, index)
        match_id = self.vocab.strings[str(number)]
        for pattern in patterns:
            try:
                self._indexed.add(match_id, pattern)
            except _Unsupported:
                self._rest.add(match_id, [pattern])

    def match(self, doc: Doc):
        """The matches spaCy's ``AttributeRuler.match`` gives, in its order: by rule number,
        so that later rules have precedence."""
        found = self._indexed(doc)
        if len(self._rest):
            found += self._rest(doc, allow_missing=True, as_spans=False)
        matches = [(int(self.vocab.strings[match_id]), match_id, start, end) for match_id, start, end in found]
        matches.sort()
        return matches


class WordList(list):
    """A list that answers ``in`` from a set: the rule lemmatizer asks whether each form it
    tries is in its word list of a part of speech (57,528 nouns in English), which spaCy
    keeps as a list and scans. Still a list, so it saves as one."""

    def __init__(self, words) -> None:
        super().__init__(words)
        self._set = frozenset(self)

    def __contains__(self, word) -> bool:
        return word in self._set


class CachedLemmas:
    """Mixed into a rule :class:`~spacy.pipeline.Lemmatizer` class (English's, say): looks
    a token's lemma up by (word, part of speech, morphology), the key of the rule
    lemmatizer's own cache, before asking it; and its word lists answer ``in`` from a set."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._lemma_ids: dict[tuple[int, int, int], int] = {}
        self._word_lists_indexed = False

    def _index_word_lists(self) -> None:
        table = self.lookups.get_table("lemma_index", {})
        for pos, words in list(table.items()):
            table[pos] = WordList(words)
        self._word_lists_indexed = True

    def __call__(self, doc: Doc) -> Doc:
        if self.mode != "rule":
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables()
        if not self._word_lists_indexed:  # the tables are loaded after __init__
            self._index_word_lists()
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemma_ids = self._lemma_ids
        changed = False
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not self.overwrite:
                continue
            key = (orth, pos, morph)
            lemma_id = lemma_ids.get(key)
            if lemma_id is None:
                lemma_id = lemma_ids[key] = self.vocab.strings.add(self.lemmatize(doc[i])[0])
            rows[i, 3] = lemma_id
            changed = True
        if changed:
            doc.from_array([LEMMA], numpy.ascontiguousarray(rows[:, 3]))
        return doc


@lru_cache(maxsize=None)
def _with_cached_lemmas(lemmatizer_class: type) -> type:
    return type(f"Cached{lemmatizer_class.__name__}", (CachedLemmas, lemmatizer_class), {})


@Language.factory("communique_attribute_ruler", default_config={"validate": False},
                  default_score_weights={"tag_acc": None, "pos_acc": None, "morph_acc": None, "lemma_acc": None})
def make_attribute_ruler(nlp: Language, name: str, validate: bool) -> IndexedAttributeRuler:
    return IndexedAttributeRuler(nlp.vocab, name, validate=validate)


@Language.factory("communique_lemmatizer", default_config={"mode": "rule", "overwrite": False},
                  default_score_weights={"lemma_acc": 1.0})
def make_lemmatizer(nlp: Language, name: str, mode: str, overwrite: bool) -> Lemmatizer:
    """The language's own lemmatizer class (English's, say), with :class:`CachedLemmas`."""
    own = nlp.create_pipe("lemmatizer", name=name, config={"mode": mode, "overwrite": overwrite})
    return _with_cached_lemmas(type(own))(nlp.vocab, own.model, name, mode=mode, overwrite=overwrite,
                                          scorer=own.scorer)


def use_faster_lookups(nlp: Language) -> Language:
    """Replace the pipeline's attribute ruler (spaCy's own class) and rule lemmatizer by
    ours, under the same names and with the same data."""
    for name, component in list(nlp.pipeline):
        if type(component) is AttributeRuler:
            factory, config = "communique_attribute_ruler", {}
        elif (isinstance(component, Lemmatizer) and not isinstance(component, CachedLemmas)
              and component.mode == "rule"):
            factory, config = "communique_lemmatizer", {"overwrite": component.overwrite}
        else:
            continue
        data = component.to_bytes(exclude=["vocab"])
        nlp.replace_pipe(name, factory, config=config)
        nlp.get_pipe(name).from_bytes(data, exclude=["vocab"])
    return nlp
