"""The quantities and events components take their data files through their config
(``nlp.add_pipe(..., config={...})``): a user's copy of a shipped file replaces it,
checked as the shipped one is (C205 naming the file)."""
from __future__ import annotations

import pytest
import yaml

from communique.errors import CommuniqueError
from communique.nlp import COMPONENTS
from communique.resources import data_path
from conftest import component_pipeline

QUANTITY_TEXT = "The ship carried 40 widgetrons and 300 zorkmids."
EVENT_TEXT = "China vilified Japan on Monday."


def _copy(tmp_path, shipped: str, change) -> str:
    """A user's copy of a shipped data file, changed by ``change`` (a function of the mapping)."""
    data = yaml.safe_load(data_path(shipped).read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / shipped.replace("/", "_")
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return str(path)


def _quantities(config: dict | None = None):
    nlp = component_pipeline()
    nlp.add_pipe("communique_quantities", config=config or {})
    return nlp


def _found(nlp, text: str) -> list[tuple[float, str]]:
    return [(q.value, q.unit) for q in nlp(text)._.communique_quantities]


@pytest.fixture(scope="module")
def shipped_quantities():
    return _found(_quantities(), QUANTITY_TEXT)


def test_quantities_default_config_is_the_shipped_data(shipped_quantities):
    nlp = component_pipeline("communique_quantities")
    assert nlp.get_pipe_config("communique_quantities") == {
        "factory": "communique_quantities", "numbers": "quantities/numbers.yml", "units": "quantities/units.yml",
        "currencies": "quantities/currencies.yml", "context": "quantities/context.yml"}
    assert _found(nlp, QUANTITY_TEXT) == shipped_quantities
    assert ("widgetron", "other") not in [(u, "other") for _, u in shipped_quantities]


def test_a_new_unit_in_the_users_units_file_is_recognised(tmp_path, shipped_quantities):
    units = _copy(tmp_path, "quantities/units.yml",
                  lambda d: d["other"].update({"widgetron": {"symbols": [], "names": ["widgetron"]}}))
    found = _found(_quantities({"units": units}), QUANTITY_TEXT)
    assert (40.0, "widgetron") in found and (40.0, "widgetron") not in shipped_quantities


def test_a_new_currency_in_the_users_currencies_file_is_recognised(tmp_path, shipped_quantities):
    def add(data):
        data["ZRK"] = {"symbols": [], "names": ["zorkmid"]}
        data["codes"].append("ZRK")
    currencies = _copy(tmp_path, "quantities/currencies.yml", add)
    found = _found(_quantities({"currencies": currencies}), QUANTITY_TEXT)
    assert (300.0, "ZRK") in found and (300.0, "ZRK") not in shipped_quantities


def test_a_quantities_file_with_an_unknown_key_is_c205_naming_it(tmp_path):
    context = _copy(tmp_path, "quantities/context.yml", lambda d: d.update({"aproximate": ["about"]}))
    with pytest.raises(CommuniqueError) as caught:
        _quantities({"context": context})
    assert caught.value.code == "C205"
    assert context in str(caught.value) and "aproximate" in str(caught.value)


def _events(config: dict | None = None):
    nlp = component_pipeline(*COMPONENTS[:-1])
    nlp.add_pipe("communique_events", config=config or {})
    return nlp


def _codes(nlp, text: str) -> list[str]:
    return [e.code for e in nlp(text)._.communique_events]


def test_events_default_config_is_the_shipped_data():
    nlp = _events()
    config = nlp.get_pipe_config("communique_events")
    assert (config["patterns"], config["plover"]) == ("events/patterns.yml", "events/plover.yml")
    assert _codes(nlp, EVENT_TEXT) == []
    assert _codes(nlp, "China criticized Japan on Monday.") == ["111"]


def test_a_new_pattern_verb_in_the_users_patterns_file_gives_an_event(tmp_path):
    patterns = _copy(tmp_path, "events/patterns.yml",
                     lambda d: d["patterns"].append({"code": "111", "verbs": ["vilify"], "target": "dobj"}))
    nlp = _events({"patterns": patterns})
    assert _codes(nlp, EVENT_TEXT) == ["111"]
    assert _codes(nlp, "China criticized Japan on Monday.") == ["111"], "the rest of the copy still applies"


def test_a_pattern_with_a_code_not_in_cameo_is_c205_naming_the_file(tmp_path):
    patterns = _copy(tmp_path, "events/patterns.yml",
                     lambda d: d["patterns"].append({"code": "999", "verbs": ["vilify"], "target": "dobj"}))
    with pytest.raises(CommuniqueError) as caught:
        _events({"patterns": patterns})
    assert caught.value.code == "C205"
    assert patterns in str(caught.value) and "'999' is not in cameo.csv" in str(caught.value)


def test_a_patterns_file_with_an_unknown_key_is_c205_naming_it(tmp_path):
    patterns = _copy(tmp_path, "events/patterns.yml", lambda d: d.update({"light_verb": ["hold"]}))
    with pytest.raises(CommuniqueError) as caught:
        _events({"patterns": patterns})
    assert caught.value.code == "C205"
    assert patterns in str(caught.value) and "light_verb" in str(caught.value)


def test_a_plover_file_missing_a_type_is_c205(tmp_path):
    plover = _copy(tmp_path, "events/plover.yml", lambda d: d["types"].pop("ACCUSE"))
    with pytest.raises(CommuniqueError) as caught:
        _events({"plover": plover})
    assert caught.value.code == "C205" and "ACCUSE" in str(caught.value)
