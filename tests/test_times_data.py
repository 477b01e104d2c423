"""communique_times' data files are checked when they are loaded: a bad rule is error
C205 naming the rule, before any text is analysed (not when the rule first matches)."""
from __future__ import annotations

import pytest
import spacy
import yaml

from communique.errors import CommuniqueError
from communique.extract.times import DEFAULT_LEXICON, DEFAULT_RULES, load_grammar
from communique.resources import load_yaml

GOOD = {"name": "my_year", "handler": "year", "pattern": r"\b(?P<year>{YEAR})\b", "triggers": ["DIGITS"]}


def write_rules(tmp_path, *rules) -> str:
    path = tmp_path / "rules.yml"
    path.write_text(yaml.safe_dump({"rules": list(rules)}), encoding="utf-8")
    return str(path)


def test_the_shipped_files_load():
    lex, rules, _ = load_grammar(DEFAULT_LEXICON, DEFAULT_RULES)
    assert rules and len({r.name for r in rules}) == len(rules)


def test_a_good_rules_file_of_ones_own_loads(tmp_path):
    _, rules, _ = load_grammar(DEFAULT_LEXICON, write_rules(tmp_path, GOOD))
    assert [r.name for r in rules] == ["my_year"]


@pytest.mark.parametrize("change, words", [
    ({"handler": "calender"}, "unknown handler 'calender'"),
    ({"check": "year_alon"}, "unknown check 'year_alon'"),
    ({"pattern": r"\b(?P<year>{YEARS})\b"}, "unknown placeholder {YEARS}"),
    ({"pattern": r"\b(?P<year>{YEAR}\b"}, "does not compile"),
    ({"pattern": r"\b(?P<yeer>{YEAR})\b"}, "named group 'yeer' is not known to handler 'year'"),
    ({"check": "half"}, "check 'half' needs a group 'yshift'"),
    ({"triggers": "DIGITS"}, "'triggers' must be a list"),
    ({"bak": 2}, "unknown key 'bak'"),
], ids=["handler", "check", "placeholder", "regex", "group", "check-group", "type", "key"])
def test_a_bad_rule_is_c205_naming_the_rule(tmp_path, change, words):
    path = write_rules(tmp_path, GOOD, {**GOOD, "name": "broken_rule", **change})
    with pytest.raises(CommuniqueError) as caught:
        load_grammar(DEFAULT_LEXICON, path)
    assert caught.value.code == "C205"
    assert "rule 'broken_rule'" in caught.value.message and words in caught.value.message
    assert path in caught.value.message


def test_a_rule_without_a_handler_is_c205(tmp_path):
    rule = {k: v for k, v in GOOD.items() if k != "handler"}
    with pytest.raises(CommuniqueError, match=r"C205.*rule 'my_year'.*missing key 'handler'"):
        load_grammar(DEFAULT_LEXICON, write_rules(tmp_path, rule))


def test_a_lexicon_without_a_key_is_c205(tmp_path):
    data = dict(load_yaml(DEFAULT_LEXICON))
    del data["month_cues"]
    path = tmp_path / "lexicon.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(CommuniqueError, match=r"C205.*missing key 'month_cues'"):
        load_grammar(str(path), DEFAULT_RULES)


def test_the_component_refuses_a_bad_rules_file_when_added(tmp_path):
    """The error comes when the pipeline is built, before any document."""
    nlp = spacy.blank("en")
    with pytest.raises(CommuniqueError, match="C205"):
        nlp.add_pipe("communique_times", config={"rules": write_rules(tmp_path, {**GOOD, "handler": "nope"})})


def test_a_bare_yaml_boolean_in_a_word_list_is_c205(tmp_path):
    """YAML reads a bare `on` as true: the loader says so instead of matching "True"."""
    data = dict(load_yaml(DEFAULT_LEXICON))
    path = tmp_path / "lexicon.yml"
    text = yaml.safe_dump({k: v for k, v in data.items() if k != "joiner_words"}, allow_unicode=True)
    path.write_text(text + "joiner_words: [on, at]\n", encoding="utf-8")
    with pytest.raises(CommuniqueError, match=r"C205.*'joiner_words': True is not a word"):
        load_grammar(str(path), DEFAULT_RULES)


def test_every_declared_handler_and_check_exists_and_no_other():
    """HANDLER_GROUPS and CHECK_GROUPS, which rules are checked against, name exactly
    the public methods of Normalizer and Checks."""
    from communique.extract.times.checks import CHECK_GROUPS, Checks
    from communique.extract.times.normalize import HANDLER_GROUPS, Normalizer

    def public(cls):
        return {n for n in dir(cls) if not n.startswith("_") and callable(getattr(cls, n))}

    assert public(Normalizer) == set(HANDLER_GROUPS)
    assert public(Checks) == set(CHECK_GROUPS)
