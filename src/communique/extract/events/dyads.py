"""Events, sub-stage 4: source and target from the parse. The subject (the agent of a
passive, climbing up to the clause whose subject acts), the target where the pattern
says (direct object, a preposition's object, "between A and B"), the speaker standing
for its own country inside a statement, and the pairs an event is coded for
(coordinated subjects with no target give both directions; a domestic act falls on
its home country, :mod:`.places`). Mixed into :class:`.component._Extraction`.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..actors import Actor
from ..parse import SUBJECTS_AND_AGENT, children_with, clause_subject, first_subject, subjects
from ..statements import StatementMention
from .matching import _verb_key
from .patterns import Pattern
from .state import ExtractionState

# Up through these to the clause whose subject acts: "willing to work", "play a role in resolving".
CLIMB_DEPS = ("xcomp", "conj", "advcl", "acomp", "ccomp", "pcomp", "prep", "pobj", "dobj")


class Dyads(ExtractionState):
    """Who acted on whom: a trigger's sources and targets, and the events they make."""

    def _verb_event(self, verb: Token, pattern: Pattern) -> list[dict]:
        demand = self._demanded(verb, pattern)
        if demand:
            return demand
        requested = self._requested(verb, pattern)
        if requested is not None:
            return requested
        sources = self._subjects(verb)
        subject = clause_subject(verb, SUBJECTS_AND_AGENT, links=CLIMB_DEPS, limit=7)
        # an unresolved "it"/"he", or no subject at all on a clause's verb; a participle
        # modifying a noun ("aliens ordered out of Nigeria") is no act of the speaker's
        unresolved = (subject is None and verb.dep_ not in ("acl", "relcl", "amod")) \
            or (subject is not None and subject.lower_ in self.rules.words["unresolved_pronouns"])
        sources, reciprocal_targets = self._speaker_as_source(verb, sources, fill_empty=unresolved)
        if not sources and pattern.code[:2] in self.rules.unattributed_violence_roots:
            # "soldiers were killed by a roadside bomb outside Basra": the attack is the place's
            place = self._place_country(verb)
            sources = [place] if place else []
        # a dictionary code needs its target where the pattern says, not any actor nearby
        targets = self._target(verb, pattern, set(sources), fallback=not pattern.coded_actors) or reciprocal_targets
        return self._pairs(verb, pattern, sources, targets, evidence=self._clause(verb))

    def _noun_event(self, noun: Token, pattern: Pattern) -> list[dict]:
        between = [g for c in noun.children if c.dep_ == "prep" and c.lower_ in self.rules.words["between_prepositions"]
                   for g in c.children if g.dep_ == "pobj"]
        parties = self._heads(between[0]) if between else []
        if len(parties) >= 2 and not self._noun_source(noun):
            return self._pairs(noun, pattern, parties, [], evidence=self._span_of(noun))
        # "mounted its invasion": a possessive pronoun is the clause's subject, read below;
        # "an attack by al-Shabaab on Kenyan troops": the agent after "by" is the owner too
        owner = [c for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"] or [
            g for c in noun.children if c.dep_ == "prep" and c.lower_ == "by" for g in c.children if g.dep_ == "pobj"]
        staged = False  # "students staged demonstrations": a source acting through a light verb
        if owner:
            sources = self._heads(owner[0])
            evidence = self._span_of(noun)
        elif noun.dep_ in ("dobj", "nsubj", "nsubjpass") and noun.head.pos_ in ("VERB", "AUX") \
                and (noun.dep_ != "dobj" or _verb_key(noun.head, self.rules.light_verbs) is not None):
            sources = self._subjects(noun.head) if noun.dep_ == "dobj" else []
            staged = noun.dep_ == "dobj"
            evidence = self._clause(noun.head)
        elif self._joined(noun, pattern):
            sources, staged, evidence = self._subjects(noun.head.head), True, self._clause(noun.head.head)
        else:
            sources, evidence = [], self._span_of(noun)
        sources, reciprocal_targets = self._speaker_as_source(noun, sources)
        # "Norway undertook a mediation mission between A and B": the parties are the targets
        targets = [k for k in parties if k not in sources] if parties and sources else []
        targets = targets or self._target(noun, pattern, set(sources), fallback=False)
        if not targets and staged:  # "increased its aid to Ukraine", the "to" parsed on the verb
            targets = self._target(noun.head, pattern, set(sources), fallback=False)
        targets = targets or reciprocal_targets
        # "the war in Ukraine", "his visit": no dyad; a staged act may still fall on the home country
        if not sources or (not targets and len(sources) < 2 and not staged):
            return []
        return self._pairs(noun, pattern, sources, targets, evidence=evidence)

    def _joined(self, noun: Token, pattern: Pattern) -> bool:
        """"Thousands converged for a rally", "workers joined in the strike": those who come
        for or take part in a protest make it (``participation_roots``); a verb with an
        object or in the passive does not ("arrested him for a protest")."""
        prep, verb = noun.head, noun.head.head
        return noun.dep_ == "pobj" and prep.lower_ in ("for", "in") and prep.head.i == verb.i \
            and verb.pos_ == "VERB" and pattern.code[:2] in self.rules.participation_roots \
            and not any(c.dep_ in ("dobj", "nsubjpass", "auxpass") for c in verb.children)

    def _noun_source(self, noun: Token) -> bool:
        """Whether an event noun has an actor of its own: a possessor that is no pronoun, or
        the subject of the light verb it is the object of ("Norway undertook a mediation")."""
        if any(c.dep_ == "poss" and c.pos_ != "PRON" for c in noun.children):
            return True
        return noun.dep_ == "dobj" and _verb_key(noun.head, self.rules.light_verbs) is not None \
            and bool(self._subjects(noun.head))

    def _speaker_as_source(self, trigger: Token, sources: list[str], fill_empty: bool = False) -> tuple[list[str], list[str]]:
        """Inside a statement, the speaker stands for its own country or "we"."""
        statement = self._statement_of(trigger)
        if statement is None or not statement.speaker:
            return sources, []
        speaker = self.actors.get(statement.speaker)
        if speaker is None:
            return sources, []
        if not sources and fill_empty:  # "Iraq said it would allow ...": the unresolved "it" is the speaker
            return [speaker.key], []
        mine = [k for k in sources if k in self.actors and self.actors[k].kind == "country"
                and self.actors[k].country == speaker.country]
        if not mine:
            return sources, []
        others = [k for k in sources if k not in mine]
        if len(sources) > 1 and not self._promised(trigger):
            # "A and B have agreed", said by A's official: both acted, A through its speaker; but
            # "A and B will ...", said by A's leader, is the speaker's own commitment to B
            return [speaker.key, *others], []
        return [speaker.key], others

    def _promised(self, trigger: Token) -> bool:
        """Whether the clause is put in the future ("will continue to develop [cooperation]")."""
        node = trigger
        for _ in range(5):
            if any(c.dep_ == "aux" and c.lower_ in self.rules.words["future_auxiliaries"] for c in node.children):
                return True
            if node.dep_ not in ("xcomp", "conj", "dobj") or node.head.i == node.i:
                return False
            node = node.head
        return False

    def _statement_of(self, token: Token) -> StatementMention | None:
        holding = [s for s in self.statements if s.content[0] <= token.i < s.content[1]]
        return min(holding, key=lambda s: s.content[1] - s.content[0]) if holding else None

    def _pairs(self, trigger: Token, pattern: Pattern, sources: list[str], targets: list[str],
               evidence: tuple[int, int]) -> list[dict]:
        if not sources:  # who acted is unknown: no event to count ("the ministers discussed ...")
            return []
        # "..., killing 50": a participle continuing an act names its toll, not a new domestic act
        participle = trigger.head if trigger.dep_ == "conj" else trigger  # "killing or wounding 50"
        continuing = participle.dep_ == "advcl" and participle.tag_ == "VBG" and not subjects(participle)
        domestic = not pattern.named_target and pattern.code[:2] in self.rules.home_target_roots
        if targets and len(sources) == 1 and all(self._uncoded(k) for k in targets) and not continuing and domestic:
            targets = []  # "jailed members of MASSOB": a domestic act on someone we cannot code
        home = not targets and len(sources) == 1 and domestic and not continuing
        if home:
            targets = self._home_target(trigger, sources[0])
        # a dyad needs two sides, or "A and B" acting together (a dictionary pattern: two, named)
        together = len(sources) == 2 if pattern.coded_actors else len(sources) >= 2
        if not targets and (not together or pattern.named_target):
            return []
        pairs = []
        if sources and not targets and len(sources) >= 2:  # "A and B agreed": both directions
            pairs = [(a, b) for a in sources for b in sources if a != b]
        else:
            # a domestic act may fall on the acting country itself ("Chileans demonstrated": CHL -> CHL)
            pairs = [(a, b) for a in (sources or [None]) for b in (targets or [None]) if a != b or home]
        if pattern.coded_actors:  # a dictionary code, like PETRARCH's, between coded actors only
            pairs = [(a, b) for a, b in pairs if self._coded(a) and self._coded(b)]
        modality = self._modality(trigger, pattern.code)
        code = self._recode(pattern.code, modality, trigger)
        return [{"code": code, "source": a, "target": b, "modality": modality, "trigger": trigger.i,
                 "evidence": evidence, "rule": pattern.source} for a, b in pairs]

    def _actors_in(self, token: Token, exclude: set[str] = frozenset()) -> list[str]:
        """Actor keys mentioned in ``token``'s subtree, in text order, once each."""
        keys: list[str] = []
        for t in token.subtree:
            key = self.owner.get(t.i)
            if key and key not in exclude and key not in keys:
                keys.append(key)
        return keys

    def _heads(self, token: Token) -> list[str]:
        """The actors a (possibly coordinated) phrase names: its head and its conjuncts;
        for a head that is no actor ("al-Qaeda's network"), the first coded actor inside."""
        keys = []
        for head in [token, *token.conjuncts]:
            inside = self._actors_in(head)
            coded = [k for k in inside if k in self.actors and self.actors[k].code]
            key = self.owner.get(head.i) or next(iter(coded or inside), None)
            # "hosted Ukrainian and Russian delegations": a noun no dictionary knows, of each country
            nations = self._modifying_countries(head) if head.i not in self.owner else []
            for found in (nations if len(nations) > 1 else [key] if key else []) + self._coordinated_nationalities(head, key):
                if found not in keys:
                    keys.append(found)
        return keys

    def _modifying_countries(self, head: Token) -> list[str]:
        """The countries of a noun's coordinated modifiers ("Ukrainian and Russian ...")."""
        found = []
        for token in _modifiers(head):
            actor = self.actors.get(self.owner.get(token.i, ""))
            if actor is not None and actor.kind == "country" and actor.key not in found:
                found.append(actor.key)
        return found

    def _coordinated_nationalities(self, head: Token, key: str | None) -> list[str]:
        """"Indian and Chinese troops": the actors component reads one group, the troops of
        the demonym next to the noun (``CHNMIL``); each other coordinated nationality
        names a group of the same sector (``INDMIL``), added as a candidate actor with
        the demonym as its mention."""
        group = self.actors.get(key) if key else None
        if group is None or group.kind != "group" or not group.country or not (group.code or "").startswith(group.country):
            return []
        suffix = group.code[len(group.country):]
        found = []
        for token in _modifiers(head):
            country = self.actors.get(self.owner.get(token.i, ""))
            if country is None or country.kind != "country" or country.country == group.country or not country.code:
                continue
            code = country.code + suffix
            new_key = f"group:{code}:{token.i}"
            if new_key not in self.actors:
                actor = Actor(key=new_key, name=f"{token.text} {head.text}", code=code, country=country.country,
                              kind="group", mentions=[(token.i, token.i + 1)])
                self.candidates.append(actor)
                self.actors[new_key] = actor
            found.append(new_key)
        return found

    def _subjects(self, verb: Token) -> list[str]:
        node = verb
        for _ in range(8):
            agents = [g for c in children_with(node, ("agent",)) for g in children_with(c, ("pobj",))]
            if agents:  # "was attacked by militiamen": the agent acts
                return self._heads(agents[0])
            subject = first_subject(node)
            if subject is not None:
                return [] if subject.dep_ == "nsubjpass" and node is verb else self._heads(subject)
            if node.dep_ == "acl" and node.head.dep_ == "dobj" and node.head.head.pos_ == "VERB":
                node = node.head.head  # "issued a declaration demanding ...": the issuer demands
                continue
            if node.dep_ in CLIMB_DEPS and node.head.i != node.i:
                if node.dep_ == "advcl" and node.head.dep_ == "ccomp" and self._statement_of(verb) is None:
                    node = node.head.head  # ", agreeing to ..." after a report belongs to the reporter
                    continue
                node = node.head
                continue
            break
        return []

    def _target(self, trigger: Token, pattern: Pattern, exclude: set[str], fallback: bool = True) -> list[str]:
        """The target where the pattern says (tried in order), else any actor among the
        trigger's objects. "between" targets are handled by the caller."""
        children = list(trigger.children)
        if pattern.named_target:
            return self._named_targets(trigger, pattern, exclude)
        if pattern.code[:2] in self.rules.author_target_roots:
            # "investigating crimes by Croatian extremists against Serbs", "rejected an offer from
            # Kabul": a judgment falls on the act's author, not on whom the act concerns
            authors = [k for o in children if o.dep_ in ("dobj", "nsubjpass") for p in o.children
                       if p.dep_ in ("prep", "agent") and p.lower_ in ("by", "from")
                       for g in p.children if g.dep_ == "pobj" for k in self._heads(g) if k not in exclude]
            if authors:
                return authors
        for rule in pattern.targets:
            if rule == "none":
                return []
            if rule == "place":
                place = self._place_country(trigger, exclude)
                if place:
                    return [place]
                continue
            if rule.startswith("pobj:"):
                preps = set(rule[5:].split("|"))
                # on the trigger, or on its object ("lift [the curfew on Palestinians]")
                attached = children + [g for c in children if c.dep_ == "dobj" for g in c.children]
                for prep in (c for c in attached if c.dep_ in ("prep", "dative", "prt") and c.lower_ in preps):
                    for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                        keys = [k for k in self._heads(pobj) if k not in exclude] or self._actors_in(pobj, exclude)[:1]
                        # "recalled its ambassador from Moscow", "sent troops to Kabul": a capital
                        # the pattern names as the other side is its country
                        named = self._country_named_in(pobj) if not keys else None
                        keys = keys or ([named] if named and named not in exclude else [])
                        if keys:
                            return keys
            elif rule == "dobj":
                # the object, else the subject of a that-clause ("demanded that the US cancel ...")
                clause_subjects = [g for c in children_with(trigger, ("ccomp",)) for g in subjects(c)]
                for obj in [c for c in children if c.dep_ in ("dobj", "dative", "attr", "nsubjpass")] + clause_subjects:
                    # "host a meeting between an Israeli peace movement and the PLO": both parties
                    parties = [k for p in obj.children if p.dep_ == "prep"
                               and p.lower_ in self.rules.words["between_prepositions"]
                               for g in p.children if g.dep_ == "pobj" for k in self._heads(g) if k not in exclude]
                    if len(parties) > 1:
                        return parties
                    heads = [k for k in self._heads(obj) if k not in exclude]
                    keys = heads if len(heads) > 1 else self._other_country(self._actors_in(obj, exclude), exclude)[:1]
                    if keys:
                        return keys
        for child in (c for c in children if fallback and c.dep_ in ("dobj", "dative", "prep", "prt", "xcomp")):
            # "lift embargoes ... to Iran, Libya and Sudan", "threatened to deliver blows to the
            # United States and Israel": every one of a coordinated object
            preps = [child] if child.dep_ in ("prep", "prt") else [c for c in child.children if c.dep_ == "prep"]
            listed = [k for p in preps[:1] for g in p.children if g.dep_ == "pobj" for k in self._heads(g)
                      if k not in exclude]
            if len(listed) > 1:
                return listed
            keys = self._other_country(self._actors_in(child, exclude), exclude)
            if keys:
                return keys[:1]
        return []

    def _uncoded(self, key: str) -> bool:
        """A group or body we cannot code ("members of MASSOB"); a named person stays a target."""
        actor = self.actors.get(key)
        return actor is None or (actor.kind != "person" and not (actor.code or actor.country))

    def _named_targets(self, trigger: Token, pattern: Pattern, exclude: set[str]) -> list[str]:
        """The target of a verb's own code or a support verb's noun: an actor that is itself
        the object or a listed preposition's object, or the country that names it
        ("punished Greece", "welcome to the president", "interrogated two British sailors"),
        not an actor somewhere inside one ("destroyed statues of figures of the
        Confederacy", "died of a virus from China")."""
        children = list(trigger.children)
        for rule in pattern.targets:
            if rule == "dobj":
                objects = [c for c in children if c.dep_ in ("dobj", "dative", "nsubjpass")]
            elif rule.startswith("pobj:"):
                preps = set(rule[5:].split("|"))
                objects = [g for c in children if c.dep_ in ("prep", "dative") and c.lower_ in preps
                           for g in c.children if g.dep_ == "pobj"]
            else:
                continue
            # the object itself, or a country naming it ("two British sailors", "the Japanese
            # islands"), or those it comes from ("candidates from Hamas")
            heads = [h for o in objects for h in (o, *o.conjuncts)]
            heads += [t for h in heads if h.i not in self.owner for t in _modifiers(h, MODIFIER_DEPS + ("poss",))]
            heads += [g for h in heads if h.i not in self.owner for p in h.children
                      if p.dep_ == "prep" and p.lower_ == "from" for g in p.children if g.dep_ == "pobj"]
            keys = [self.owner[h.i] for h in heads if h.i in self.owner and self.owner[h.i] not in exclude]
            if keys:
                return list(dict.fromkeys(keys))
        return []

    def _coded(self, key: str | None) -> bool:
        actor = self.actors.get(key) if key else None
        return actor is not None and bool(actor.code or actor.country)

    def _other_country(self, keys: list[str], exclude: set[str]) -> list[str]:
        """Prefer an actor of another country than the source ("Russia-China cooperation" for Russia -> China)."""
        countries = {self.actors[k].country for k in exclude if k in self.actors}
        return [k for k in keys if self.actors.get(k) and self.actors[k].country not in countries] or keys


MODIFIER_DEPS = ("amod", "compound", "nmod")


def _modifiers(head: Token, deps: tuple[str, ...] = MODIFIER_DEPS) -> list[Token]:
    """A noun's modifiers before it, each with its conjuncts ("Indian and Chinese troops")."""
    return [t for m in head.children if m.dep_ in deps and m.i < head.i for t in (m, *m.conjuncts) if t.i < head.i]
