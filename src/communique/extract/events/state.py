"""Events: what one document's extraction holds, shared by the sub-stages mixed into
:class:`.component._Extraction` (:mod:`.matching`, :mod:`.dyads`, :mod:`.places`,
:mod:`.requests`, :mod:`.modality`, :mod:`.evidence`). Set by its ``__init__``.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc

from ..actors import Actor
from ..statements import StatementMention

if TYPE_CHECKING:
    from .component import Events


class ExtractionState:
    """The attributes every sub-stage of one document's extraction reads or adds to."""

    rules: Events  # the component: codebook, patterns, cue tables, gazetteer
    doc: Doc
    owner: dict[int, str]  # token -> the actor key of the mention covering it
    actors: dict[str, Actor]  # key -> actor, the text's and the places added as countries
    candidates: list[Actor]  # countries named only as a place, for doc._.communique_event_actors
    statements: list[StatementMention]
    editorial: list[tuple[int, int]]  # token spans in the writer's own voice
    requesting: set[int]  # asking or threatening verbs folded into what they ask for
    cues: dict[str, set[int]]  # modality -> the tokens of its cue phrases
