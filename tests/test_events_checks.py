"""Events: the pattern file is checked when it is loaded; a bad pattern is C205 naming it."""
from __future__ import annotations

import copy

import pytest

from communique.errors import CommuniqueError
from communique.extract.events import (check_pattern_data, check_plover_columns, load_codebook, load_ontology,
                                       load_pattern_data)


@pytest.fixture(scope="module")
def data():
    return load_pattern_data()


def broken(data, change) -> dict:
    bad = copy.deepcopy(data)
    change(bad)
    return bad


@pytest.mark.parametrize("change, named", [
    (lambda d: d["patterns"][0].update(verb=["claim"]), "pattern 1 ('015'): unknown key 'verb'"),
    (lambda d: d["patterns"][0].update(code="999"), "pattern 1 ('999'): code '999' is not in cameo.csv"),
    (lambda d: d["patterns"][0].update(target="pobj"), "pattern 1 ('015'): unknown target slot 'pobj'"),
    (lambda d: d["patterns"][0].update(target=["dobj", "subject"]), "pattern 1 ('015'): unknown target slot 'subject'"),
    (lambda d: d["patterns"][0].pop("code"), "pattern 1 (None): missing key 'code'"),
    (lambda d: d["complement_maps"]["demand"].update({"04": "9999"}), "complement_maps.demand"),
    (lambda d: d["fallback_codes"].update(demand="1000"), "fallback_codes.demand"),
    (lambda d: d["modality"].update(negative=["not"]), "unknown key 'negative'"),
])
def test_a_bad_pattern_is_c205_naming_it(data, change, named):
    with pytest.raises(CommuniqueError) as raised:
        check_pattern_data(broken(data, change), load_codebook())
    assert raised.value.code == "C205" and named in str(raised.value)


def test_shipped_data_passes(data):
    check_pattern_data(data, load_codebook())
    check_plover_columns(load_codebook(), load_ontology())
