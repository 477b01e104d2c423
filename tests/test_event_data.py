"""Consistency checks for the event-coding data in src/communique/data/events/."""

import csv
import io
from pathlib import Path

import pytest
import yaml

EVENTS = Path(__file__).resolve().parents[1] / "src" / "communique" / "data" / "events"

PATTERN_KEYS = {
    "code", "verbs", "nouns", "particles", "object_nouns", "exclude_object_nouns",
    "xcomp", "cue_words", "target", "note", "intransitive", "subject_nouns",
}
LIST_KEYS = PATTERN_KEYS - {"code", "target", "note", "intransitive"}
TARGET_SIMPLE = {"dobj", "between", "none", "place"}
TARGET_PREPS = {"with", "to", "on", "against", "of", "from", "for", "in", "into", "over",
                "about", "at", "by", "near", "outside"}


def _read_csv(name):
    text = (EVENTS / name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines))))


def _read_yaml(name):
    with open(EVENTS / name, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@pytest.fixture(scope="module")
def cameo():
    return _read_csv("cameo.csv")


@pytest.fixture(scope="module")
def cameo_by_code(cameo):
    return {row["code"]: row for row in cameo}


@pytest.fixture(scope="module")
def plover():
    return _read_yaml("plover.yml")


@pytest.fixture(scope="module")
def patterns():
    return _read_yaml("patterns.yml")


def _quad_for_root(root):
    r = int(root)
    if 1 <= r <= 5:
        return 1
    if 6 <= r <= 8:
        return 2
    if 9 <= r <= 14:
        return 3
    return 4


# ---------------------------------------------------------------- cameo.csv

def test_cameo_columns(cameo):
    assert list(cameo[0].keys()) == [
        "code", "name", "root", "goldstein", "quad_class", "plover", "plover_mode"]
    assert len(cameo) >= 280


def test_cameo_codes_unique_and_well_formed(cameo):
    codes = [row["code"] for row in cameo]
    assert len(codes) == len(set(codes))
    for row in cameo:
        code = row["code"]
        assert code.isdigit() and 2 <= len(code) <= 4, code
        assert row["root"] == code[:2], code
        assert 1 <= int(row["root"]) <= 20, code
        assert row["name"].strip() == row["name"] and row["name"], code


def test_cameo_hierarchy_complete(cameo_by_code):
    roots = {f"{i:02d}" for i in range(1, 21)}
    assert roots <= set(cameo_by_code)
    for code in cameo_by_code:
        if len(code) >= 3:
            assert code[:2] in cameo_by_code, code
        if len(code) == 4:
            assert code[:3] in cameo_by_code, code
    # every root has its "not specified below" 3-digit code x0
    for root in roots:
        assert root + "0" in cameo_by_code or root == "01" and "010" in cameo_by_code


def test_cameo_goldstein_and_quad(cameo):
    for row in cameo:
        g = float(row["goldstein"])
        assert -10.0 <= g <= 10.0, row["code"]
        assert int(row["quad_class"]) == _quad_for_root(row["root"]), row["code"]


def test_cameo_plover_values(cameo, plover):
    types = plover["types"]
    for row in cameo:
        if row["plover"]:
            assert row["plover"] in types, row["code"]
            assert row["plover"] not in plover["old_names"], row["code"]
        if row["plover_mode"]:
            assert row["plover"], row["code"]
            assert row["plover_mode"] in types[row["plover"]]["modes"], row["code"]
    # statements have no PLOVER counterpart
    for code in ("010", "011"):
        assert next(r for r in cameo if r["code"] == code)["plover"] == ""


@pytest.mark.parametrize("code,name,goldstein,plover_type", [
    ("040", "Consult, not specified below", 1.0, "CONSULT"),
    ("051", "Praise or endorse", 3.4, "SUPPORT"),
    ("057", "Sign formal agreement", 8.0, "SUPPORT"),
    ("112", "Accuse, not specified below", -2.0, "ACCUSE"),
    ("163", "Impose embargo, boycott, or sanctions", -8.0, "SANCTION"),
    ("190", "Use conventional military force, not specified below", -10.0, "ASSAULT"),
    ("036", "Express intent to meet or negotiate", 4.0, "AGREE"),
    ("010", "Make statement, not specified below", 0.0, ""),
    ("173", "Arrest, detain, or charge with legal action", -5.0, "COERCE"),
    ("0311", "Express intent to cooperate economically", 5.2, "AGREE"),
])
def test_cameo_spot_checks(cameo_by_code, code, name, goldstein, plover_type):
    row = cameo_by_code[code]
    assert row["name"] == name
    assert float(row["goldstein"]) == goldstein
    assert row["plover"] == plover_type


# ---------------------------------------------------------------- plover.yml

def test_plover_types(plover):
    expected = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
                "COERCE", "ASSAULT"}
    types = plover["types"]
    assert set(types) == expected
    for name, spec in types.items():
        assert isinstance(spec["definition"], str) and spec["definition"], name
        assert spec["quad_class"] in (1, 2, 3, 4), name
        assert isinstance(spec["modes"], list), name
        assert all(isinstance(m, str) for m in spec["modes"]), name
        assert len(spec["modes"]) == len(set(spec["modes"])), name
    assert plover["old_names"] == {
        "DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}


def test_plover_consult_modes(plover):
    assert set(plover["types"]["CONSULT"]["modes"]) >= {"phone", "visit", "third-party",
                                                        "multilateral"}


# ---------------------------------------------------------------- patterns.yml

def _check_str_list(value, where):
    assert isinstance(value, list) and value, where
    for item in value:
        # catches YAML 1.1 booleans such as unquoted on/off/no
        assert isinstance(item, str) and item == item.strip() and item, (where, item)


def _check_target(target, where):
    targets = target if isinstance(target, list) else [target]
    assert targets, where
    for t in targets:
        assert isinstance(t, str), where
        if t in TARGET_SIMPLE:
            continue
        assert t.startswith("pobj:") and t[5:] in TARGET_PREPS, (where, t)


def test_patterns_well_formed(patterns, cameo_by_code):
    ps = patterns["patterns"]
    assert len(ps) >= 150
    for i, p in enumerate(ps):
        where = (i, p.get("code"))
        assert set(p) <= PATTERN_KEYS, where
        assert isinstance(p["code"], str) and p["code"] in cameo_by_code, where
        assert "verbs" in p or "nouns" in p, where
        for key in LIST_KEYS & set(p):
            _check_str_list(p[key], (where, key))
        _check_target(p["target"], where)
        if "note" in p:
            assert isinstance(p["note"], str)
        assert p.get("intransitive", False) in (True, False), where


def test_patterns_coverage(patterns):
    codes = {p["code"] for p in patterns["patterns"]}
    assert len(codes) >= 120
    assert {c[:2] for c in codes} == {f"{i:02d}" for i in range(1, 21)}
    # pure statements are deliberately not patterned
    assert not codes & {"010", "011", "012", "013", "014"}


def test_patterns_no_duplicate_entries(patterns):
    seen = set()
    for p in patterns["patterns"]:
        key = tuple(sorted((k, str(v)) for k, v in p.items() if k != "note"))
        assert key not in seen, p
        seen.add(key)


def test_home_target_roots_are_cameo_roots(patterns, cameo_by_code):
    roots = patterns["home_target_roots"]
    assert roots and all(isinstance(r, str) and len(r) == 2 and r in cameo_by_code for r in roots)
    assert not {"04", "05", "06"} & set(roots)  # consulting and cooperating need a named partner


def test_light_verbs(patterns):
    _check_str_list(patterns["light_verbs"], "light_verbs")


def test_complement_maps(patterns, cameo_by_code):
    maps = patterns["complement_maps"]
    expected_roots = {"intended": "03", "appeal": "02", "demand": "10", "refuse": "12",
                      "threaten": "13"}
    assert set(maps) == set(expected_roots)
    for name, mapping in maps.items():
        assert mapping, name
        for src, dst in mapping.items():
            assert isinstance(src, str) and src in cameo_by_code, (name, src)
            assert isinstance(dst, str) and dst in cameo_by_code, (name, dst)
            assert dst[:2] == expected_roots[name], (name, src, dst)
    assert maps["intended"]["04"] == "036"
    assert maps["intended"]["07"] == "033"
    assert maps["appeal"]["04"] == "026"
    assert maps["demand"]["084"] == "1053"
    assert maps["refuse"]["04"] == "125"
    assert maps["threaten"]["163"] == "1312"


def test_modality(patterns):
    modality = patterns["modality"]
    assert set(modality) == {"intended", "hypothetical", "negated", "ultimatum"}
    for name, cues in modality.items():
        _check_str_list(cues, name)
        assert len(cues) == len(set(cues)), name
    assert {"willing to", "pledge", "vow", "promise", "agree to"} <= set(modality["intended"])
    assert {"if", "would", "unless"} <= set(modality["hypothetical"])
    assert {"not", "no", "never", "without"} <= set(modality["negated"])
