"""Settings: one declaration, resolved CLI > environment > config file > default,
and documented in the README."""
from __future__ import annotations

import pytest

from communique.errors import CommuniqueError
from communique.settings import SETTINGS, Config, load_config

from conftest import ROOT


def test_defaults(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    for setting in SETTINGS:
        monkeypatch.delenv(setting.env, raising=False)
    config = load_config()
    assert all(getattr(config, s.name) == s.default for s in SETTINGS)


def test_precedence_cli_over_env_over_file(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "communique.toml").write_text('[communique]\nmodel = "from-file"\nbatch_size = 8\nworkers = 3\n')
    monkeypatch.setenv("COMMUNIQUE_MODEL", "from-env")
    monkeypatch.setenv("COMMUNIQUE_WORKERS", "2")
    config = load_config(model="from-cli")
    assert (config.model, config.workers, config.batch_size) == ("from-cli", 2, 8)


def test_bad_values_are_named(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(CommuniqueError, match=r"\[C202\] Invalid setting workers='0'"):
        load_config(workers="0")
    (tmp_path / "bad.toml").write_text("[communique]\nmodle = 'sm'\n")
    with pytest.raises(CommuniqueError, match=r"\[C203\].*bad.toml.*modle"):
        load_config(tmp_path / "bad.toml")
    with pytest.raises(CommuniqueError, match=r"\[C203\].*absent.toml"):
        load_config(tmp_path / "absent.toml")


def test_every_setting_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for setting in SETTINGS:
        assert setting.env in readme, f"{setting.env} is missing from the README's settings table"
        if setting.option:
            assert f"--{setting.name.replace('_', '-')}" in readme
        else:  # a secret: the environment or the config file only
            assert f"| (none) | `{setting.env}` |" in readme


def test_reference_date_resolves_a_document_without_a_published_date():
    from communique.analyze import analyze_text

    text = "The minister said on Monday that talks had ended yesterday in Geneva."
    unresolved = analyze_text(text, "no-date")
    resolved = analyze_text(text, "no-date", config=Config().merged(reference_date="2024-03-14"))
    published = analyze_text(text, "dated", config=Config().merged(reference_date="2024-03-14"), published="2020-06-10")
    values = [t["value"] for t in resolved["times"]]
    assert "2024-03-13" in values  # yesterday, against the setting
    assert all(not v[:1].isdigit() for v in (t["value"] for t in unresolved["times"]))  # never against today
    assert "2020-06-09" in [t["value"] for t in published["times"]]  # the published date wins


def test_reference_date_is_checked():
    with pytest.raises(CommuniqueError) as caught:
        Config().merged(reference_date="14/03/2024")
    assert caught.value.code == "C202"
