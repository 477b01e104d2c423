"""The actors' data files are checked when they are loaded: a shipped CSV with a
missing column, or a YAML file with an unknown key, is C205 naming the file."""
from __future__ import annotations

import pytest

from communique.errors import CommuniqueError
from communique.extract.gazetteer import NAMES_SCHEMA, SECTORS_SCHEMA, _shipped_rows
from communique.resources import check, load_data


def test_a_csv_without_a_column_is_c205(tmp_path):
    path = tmp_path / "igos.csv"
    path.write_text("# a comment\ncode,name,aliases,wikidata\nIGOUNO,United Nations,UN,Q1065\n")
    with pytest.raises(CommuniqueError) as caught:
        _shipped_rows(path)
    assert caught.value.code == "C205" and "cameo_official" in str(caught.value) and "igos.csv" in str(caught.value)


def test_a_row_with_more_fields_than_the_header_is_c205(tmp_path):
    path = tmp_path / "igos.csv"
    path.write_text("code,name,aliases,wikidata,cameo_official\nIGOUNO,United Nations,UN,Q1065,true,extra\n")
    with pytest.raises(CommuniqueError):
        _shipped_rows(path)


def test_the_shipped_yaml_files_fit_and_a_misspelt_key_does_not():
    names = load_data("actors/names.yml", NAMES_SCHEMA)
    load_data("actors/sectors.yml", SECTORS_SCHEMA)
    with pytest.raises(CommuniqueError) as caught:
        check({**names, "honorific": []}, NAMES_SCHEMA, "actors/names.yml")
    assert "unknown key 'honorific'" in str(caught.value)
