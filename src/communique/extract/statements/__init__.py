"""Who said what: statements with speaker, cue, content, and direct or not.

Per sentence, on the parse, with the cue lexicon in ``data/statements/cues.yml``:

1. *Indirect speech*: a speech verb with a complement clause. The content starts
   after its "that" ("told press after the call that ...") or is its clausal
   complement on the parse ("said Russia will ...", "..., the minister said", "As the
   Post reported, ..."); it runs to the end of the clause, where a chained claim
   ("announced that A and that B") starts a statement of its own, and a participle
   attached to the main clause (", agreeing to ..."), another verb of the speaker's
   ("denies that A and funds B") or the writer's trailing aside (", an apparent dig at
   ...") is cut off. "According to X, ..." makes X the speaker of the rest. A report
   inside what another reported ("she said voters think ...") is part of that one.
2. *Stances*: "Trump is expected to ...", "the deal appears to ..." (the clause, no
   speaker); "Trump's attacks on Clinton" (what follows the stance noun, for the
   possessor); and the object of a stance or speech verb with no clause ("endorsed
   Clinton", "asked the court to ...", "called for a ban"), ending before a
   non-restrictive modifier (", who ..."). A mere topic ("commented on the war"), a
   stance inside the writer's inference ("the call demonstrates that ... as both seek
   ...") and one already inside a statement are not statements.
3. *Direct speech*: each quotation (any marks, split around the cue, across
   sentences) governed by a cue verb ("praised cooperation that “...”") or standing
   in a sentence with one. A short quote inside a paraphrase is the writer's scare
   quote and stays in that paraphrase; a quote that is only part of the cue's
   object ('called the plan “a disaster”') makes the whole object an indirect
   content; a quotation alone right after a statement continues the same speaker.
4. *Speaker*: the subject of the cue, climbing "went on to say" / "and added" / "by
   saying" / "quick to point out" to the verb that has one (a participle the parse
   hangs on the reported clause, "said A, going as far as to say B", is the
   reporter's), resolved through the actors' mentions (so "He" is the actor the
   pronoun refers to, and "who" in "voters who said" becomes a mention of the
   voters). A subject no dictionary knows becomes an actor of its own with a null
   code ("officials", "those surveyed"); "I" outside quotation marks is the writer.
   A paraphrase whose speaker is an unresolved pronoun is left out.

Config: ``cues``, the cue lexicon file (default ``"statements/cues.yml"``), and
``voice_lexicon``, the voice lexicon whose stretches are trimmed off contents and whose
inference verbs mark the writer's inference (default ``"voice/lexicon.yml"``; give it
the same file as ``communique_voice``'s ``lexicon``). Each is a shipped relative name
or a path to a user's own copy, ``nlp.add_pipe("communique_statements",
config={"cues": "my_cues.yml"})``, checked when the component is made (C205 naming the
file on a missing, unknown or mistyped key; :data:`CUES_SCHEMA`) and loaded once per
file (:func:`load_cues`).

The package, by sub-stage (each a mixin of the per-document reading, :class:`_Reading`):

- ``lexicon``: loading ``data/statements/cues.yml`` through ``load_data`` with
  :data:`CUES_SCHEMA`, and the cue word sets (and the voice lexicon) a component holds;
- ``reading``: one document's context: the Doc and what is looked up on it (quoted
  tokens, trimmed stretches, token positions, sentences, known actors);
- ``indirect``: speech verbs with a complement clause, "according to";
- ``passive``: passive and raising cues ("is expected to", "it was reported that");
- ``nouns``: noun cues ("Putin's claim that ...") and stance nouns ("her support for");
- ``objects``: the object of a stance or speech verb with no clause;
- ``direct``: quotations and the cue that governs them;
- ``speakers``: finding the cue's subject and resolving it to an actor, new
  candidate actors and their mentions;
- ``component``: :class:`StatementMention`, the component :class:`Statements`, the
  order of the stages (``_Reading.run``) and the spaCy factory ``communique_statements``.

The quotation finder (``quote_spans``, ``quoted_tokens``) stays in
``communique.extract.quotes``: ``communique.extract.voice`` reads it too, and this package
reads the voice lexicon, so inside the package it would make an import cycle.
"""
from __future__ import annotations

from .component import StatementMention, Statements, make_statements
from .lexicon import CUES_SCHEMA, DEFAULT_CUES, DEFAULT_VOICE_LEXICON, CueLexicon, load_cues
from ..actor_view import mention_owner

__all__ = ["CUES_SCHEMA", "DEFAULT_CUES", "DEFAULT_VOICE_LEXICON", "CueLexicon", "StatementMention", "Statements",
           "load_cues", "make_statements", "mention_owner"]
