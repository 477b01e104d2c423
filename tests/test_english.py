"""The shared English function words: one file, checked at load."""
from __future__ import annotations

import pytest

from communique.english import PREPOSITION_ROLES, SCHEMA, english
from communique.errors import CommuniqueError
from communique.resources import check, load_data


def test_classes_load():
    words = english()
    assert words.months["September"] == 9 and words.month_abbreviations["Sept"] == 9
    assert "sept" in words.month_words() and "may" in words.month_words()
    assert "regarding" in words.prepositions["topic"] and "who" in words.pronouns["relative"]
    assert "“" in words.quote_open and "”" in words.quote_close and "•" in words.bullet_marks


def test_an_unknown_or_missing_key_is_c205():
    data = dict(load_data("english.yml"))
    with pytest.raises(CommuniqueError) as caught:
        check({**data, "prepositons": {}}, SCHEMA, "english.yml")
    assert caught.value.code == "C205" and "prepositons" in str(caught.value)
    with pytest.raises(CommuniqueError) as caught:
        check({k: v for k, v in data.items() if k != "weekdays"}, SCHEMA, "english.yml")
    assert "missing key 'weekdays'" in str(caught.value)
    with pytest.raises(CommuniqueError):
        check({"locative": [], "place": [], "adverbial": "in", "topic": []}, PREPOSITION_ROLES, "english.yml")
