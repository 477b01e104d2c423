"""Issue #11: the statements and voice components take their data files through their
config (``cues`` and ``voice_lexicon`` for communique_statements, ``lexicon`` for
communique_voice): a user's copy of a shipped file changes what they find, a bad file is
C205 naming it, and the default config is the shipped files."""
from __future__ import annotations

import pytest
import spacy
import yaml

from communique.errors import CommuniqueError
from communique.extract.statements import CUES_SCHEMA, DEFAULT_CUES, Statements, load_cues
from communique.extract.voice import DEFAULT_LEXICON, LEXICON_SCHEMA, Voice, load_lexicon
from communique.nlp import add_components, resolve_model
from communique.resources import load_yaml

OPINED = "The minister opined that the border would reopen."
REGRETTABLY = "Regrettably, the talks failed."
TRIMMED = "Officials said that the border would reopen, regrettably for traders."


def write(path, data: dict) -> str:
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return str(path)


def with_word(relative: str, key: str, word: str) -> dict:
    """The shipped file ``relative`` with ``word`` added to its list ``key``."""
    data = dict(load_yaml(relative))
    data[key] = [*data[key], word]
    return data


def pipeline(**configs):
    """The full pipeline, each named component remade with its config (in its place)."""
    nlp = add_components(spacy.load(resolve_model("sm")))
    for name, config in configs.items():
        nlp.replace_pipe(name, name, config=config)
    return nlp


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("component_data")
    return {
        "cues": write(folder / "my_cues.yml", with_word(DEFAULT_CUES, "speech", "opine")),
        "lexicon": write(folder / "my_voice.yml", with_word(DEFAULT_LEXICON, "evaluative", "regrettably")),
        "same_cues": write(folder / "same_cues.yml", load_yaml(DEFAULT_CUES)),
        "same_lexicon": write(folder / "same_voice.yml", load_yaml(DEFAULT_LEXICON)),
    }


@pytest.fixture(scope="module")
def default_nlp():
    return pipeline()


@pytest.fixture(scope="module")
def user_nlp(files):
    return pipeline(communique_statements={"cues": files["cues"], "voice_lexicon": files["lexicon"]},
                    communique_voice={"lexicon": files["lexicon"]})


def statements(nlp, text: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    return [(s.cue, doc[slice(*s.content)].text)
            for s in doc._.communique_statements]


def voices(nlp, text: str) -> list[str]:
    doc = nlp(text)
    return [doc[s:e].text for s, e in doc._.communique_voices]


def test_the_default_config_names_the_shipped_files(default_nlp):
    assert default_nlp.get_pipe_config("communique_statements")["cues"] == "statements/cues.yml"
    assert default_nlp.get_pipe_config("communique_statements")["voice_lexicon"] == "voice/lexicon.yml"
    assert default_nlp.get_pipe_config("communique_voice")["lexicon"] == "voice/lexicon.yml"


def test_the_shipped_files_fit_their_schemas():
    assert not CUES_SCHEMA.problems(load_yaml(DEFAULT_CUES))
    assert not LEXICON_SCHEMA.problems(load_yaml(DEFAULT_LEXICON))


def test_the_default_config_gives_todays_output(default_nlp):
    assert statements(default_nlp, OPINED) == []
    assert voices(default_nlp, REGRETTABLY) == []
    assert statements(default_nlp, TRIMMED) == [("said", "the border would reopen, regrettably for traders")]
    assert voices(default_nlp, TRIMMED) == []


def test_a_copy_of_the_shipped_files_changes_nothing(default_nlp, files):
    nlp = pipeline(communique_statements={"cues": files["same_cues"], "voice_lexicon": files["same_lexicon"]},
                   communique_voice={"lexicon": files["same_lexicon"]})
    text = ("Officials said that the border would reopen. All in all, the talks probably failed. "
            "“We will not yield,” the minister said, in an apparent dig at his rival.")
    mine, shipped = nlp(text), default_nlp(text)
    assert mine._.communique_statements and mine._.communique_voices
    assert mine._.communique_statements == shipped._.communique_statements
    assert mine._.communique_voices == shipped._.communique_voices


def test_a_users_cue_file_adds_a_reporting_verb(user_nlp):
    assert statements(user_nlp, OPINED) == [("opined", "the border would reopen")]


def test_a_users_voice_lexicon_adds_an_evaluative_word(user_nlp):
    assert voices(user_nlp, REGRETTABLY) == ["Regrettably"]


def test_statements_trim_by_the_voice_lexicon_they_were_configured_with(user_nlp):
    """The stretch the voice lexicon marks is cut off the reported content, and the voice
    component marks it editorial: both read the configured file, not the shipped one."""
    assert statements(user_nlp, TRIMMED) == [("said", "the border would reopen")]
    assert voices(user_nlp, TRIMMED) == ["regrettably for traders"]


def test_the_component_holds_the_files_it_was_made_with(files, default_nlp):
    component = Statements(default_nlp, files["cues"], files["lexicon"])
    assert "opine" in component.speech
    assert component.voice_lexicon is load_lexicon(files["lexicon"])
    assert load_cues(files["cues"]) is load_cues(files["cues"])  # loaded once per file
    assert Voice(files["lexicon"]).lex is load_lexicon(files["lexicon"])


@pytest.mark.parametrize("component, key, relative", [
    ("communique_statements", "cues", DEFAULT_CUES),
    ("communique_statements", "voice_lexicon", DEFAULT_LEXICON),
    ("communique_voice", "lexicon", DEFAULT_LEXICON),
])
def test_an_unknown_key_is_c205_naming_the_file(tmp_path, component, key, relative):
    path = write(tmp_path / f"bad_{key}.yml", {**load_yaml(relative), "speach": ["opine"]})
    with pytest.raises(CommuniqueError) as caught:
        spacy.blank("en").add_pipe(component, config={key: path})
    assert caught.value.code == "C205"
    assert "bad_" + key in str(caught.value) and "unknown key 'speach'" in str(caught.value)


def test_a_missing_key_is_c205(tmp_path):
    data = dict(load_yaml(DEFAULT_CUES))
    del data["speech"]
    with pytest.raises(CommuniqueError, match=r"C205.*missing key 'speech'"):
        load_cues(write(tmp_path / "no_speech.yml", data))
