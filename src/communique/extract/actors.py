"""Actors: recognise every actor and resolve it to a CAMEO actor code.

The cascade, per document:

1. *Units*: dictionary names (countries with their aliases, demonyms and capitals;
   organisations; people), role words that give a sector ("Foreign Minister",
   "forces", "lawmaker"), and spaCy's PERSON entities that no dictionary knows.
2. *Phrases*: units that stand together in one noun phrase are composed, on the
   parse: ``[country|org ['s]] [modifiers] role* [name] [of country]``. The phrase's
   head decides what it names: a person ("Russian Presidential Spokesperson
   Peskov"), a group or an organisation ("Russian Eastern OSK forces"), or the
   country itself. A phrase that only modifies a noun outside it ("U.S.
   intelligence aircraft") leaves just its country.
3. *Resolution*: a name is a known person (full name, alias, or the one-word name of
   someone in office on the document date); a role with a country and no name is
   the person holding it on that date ("the Iranian president"). The code follows
   the office held on the document date; a person out of office is the country's
   elite (``ELI``). Unknown people keep their name; their code comes only from
   their title ("Iraqi lawmaker X" -> IRQLEG), never from a guess.
4. *Coreference*: later short names join the earlier actor ("Xi" -> Xi Jinping);
   person pronouns that are speakers or participants join the nearest person;
   "the two countries" / "both leaders" join the last two actors of that kind.

The document date that offices resolve against is explicit, never today's date: the
document's published date (``doc._.communique_published``), else the component's
``reference_date`` config value (YYYY-MM-DD), else the start of the latest term in
the data (the newest office start in the dictionaries), so the same input gives the
same output on any day.

Nothing in a wire dateline (``doc._.communique_dateline``: "NICOSIA, August 8
(Xinhua) --") is an actor: its place is the place of the story (``document.dateline``).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..english import english
from ..resources import load_data
from .gazetteer import NAMES_SCHEMA, SECTORS_SCHEMA, Entry, Gazetteer, SectorWord, load_gazetteer

for _name in ("communique_actors", "communique_mentions"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

MAX_MODIFIERS = 3
PRONOUN_REACH_SENTENCES = 8  # a person pronoun looks this far back for a subject
# A country after these and a hyphen is a stance ("anti-Syria", "pro-Russian"), not an owner.
STANCE_PREFIXES = frozenset({"anti", "pro", "non"})


@dataclass
class Unit:
    start: int  # token indices, end exclusive
    end: int
    type: str  # entity | sector | name
    entry: Entry | None = None
    form: str | None = None  # for entities: name | alias | demonym | capital
    sector: SectorWord | None = None


@dataclass
class Actor:
    key: str
    name: str
    code: str | None
    country: str | None
    kind: str
    role: str | None = None
    wikidata: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)  # token spans


class ActorRecognizer:
    def __init__(self, nlp: Language, extra_files: tuple[str, ...] = (), reference_date: str | None = None):
        self.gazetteer: Gazetteer = load_gazetteer(tuple(extra_files))
        self.reference_date = reference_date or latest_term_start(self.gazetteer)
        names = load_data("actors/names.yml", NAMES_SCHEMA)
        self.title_modifiers = {w.lower() for w in names["title_modifiers"]}
        self.honorifics = set(names["honorifics"])
        self.pair_nouns = {k.lower(): v for k, v in names["pair_nouns"].items()}
        words = english()
        self.person_pronouns = set(words.pronouns["person"])
        self.group_pronouns = set(words.pronouns["group"])
        self.pronoun_roles = set(names["pronoun_roles"])
        self.pair_words = set(names["pair_words"])
        self.locative_prepositions = set(words.prepositions["locative"])
        self.name_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        by_key: dict[str, list] = {}
        for text, (key, form) in self.gazetteer.phrases.items():
            by_key.setdefault(key + "|" + form, []).append(text)
        for label, texts in by_key.items():
            self.name_matcher.add(label, list(nlp.tokenizer.pipe(texts)))
        # The imported layer: looked up by text, case-insensitively (no matcher to build:
        # tokenizing its ~30,000 forms would triple the load time).
        # Every form's word prefixes ("al-qaeda", "al-qaeda in"), so a lookup stops at the
        # first word no form continues with.
        self.historical_first = set()
        self.historical_prefixes = set()
        self.historical_longest = 1
        for text in self.gazetteer.historical:
            self.historical_first.add(_first_word(text))
            words = text.split()
            self.historical_prefixes.update(" ".join(words[:n]) for n in range(1, len(words)))
            self.historical_longest = max(self.historical_longest, len(words) * 3)
        # One matcher for both layers (sectors.yml and agents.csv, about 6,000 forms), each
        # form its own label so a match finds its word whatever the spacing in the text.
        self.sector_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for form, doc in zip(sorted(self.gazetteer.sector_words), nlp.tokenizer.pipe(sorted(self.gazetteer.sector_words))):
            self.sector_matcher.add(form, [doc])
        sectors = load_data("actors/sectors.yml", SECTORS_SCHEMA)
        self.stateless = {k.upper(): v for k, v in (sectors.get("stateless") or {}).items()}
        self.strings = nlp.vocab.strings

    # ------------------------------------------------------------------ units
    def units(self, doc: Doc) -> list[Unit]:
        spans = []
        for match_id, start, end in self.name_matcher(doc):
            key, form = self.strings[match_id].rsplit("|", 1)
            spans.append(Span(doc, start, end, label=match_id))
        names = filter_spans(spans)
        ours = {i for span in names for i in range(span.start, span.end)}
        imported = [span for span in self._historical_spans(doc)
                    if ours.isdisjoint(range(span.start, span.end)) and _capitalised(span)]
        if imported:
            names = sorted(names + filter_spans(imported), key=lambda s: s.start)
        taken = set()
        units = []
        demonyms = {i for span in names if self.strings[span.label].endswith("|demonym") for i in range(span.start, span.end)}
        # "Bosnian Serbs" tagged as a person is a people, not a name
        people = [e for e in doc.ents if e.label_ == "PERSON" and not all(t.i in demonyms for t in e)]
        for span in names:
            if any(p.start <= span.start and span.end <= p.end and (p.end - p.start) > (span.end - span.start)
                   and self.gazetteer.entries[self.strings[span.label].rsplit("|", 1)[0]].kind != "person"
                   for p in people):
                continue  # "Jordan" inside "Michael Jordan"
            key, form = self.strings[span.label].rsplit("|", 1)
            entry = self.gazetteer.entries[key]
            last = units[-1] if units else None
            if form == "demonym" and last is not None and last.end == span.start and last.form == "demonym" \
                    and last.entry.kind == "country" and doc[span.end - 1].tag_ in ("NNS", "NNPS"):
                last.end = span.end  # "Bosnian Serbs", "Iraqi Kurds": a people of the first country
            else:
                units.append(Unit(span.start, span.end, "entity", entry=entry, form=form))
            taken.update(range(span.start, span.end))
        words = {}
        for match_id, start, end in self.sector_matcher(doc):
            word = self.gazetteer.sector_words[self.strings[match_id]]
            if word.layer == "sectors" or self._agent_noun(doc[start:end]):
                words[(start, end)] = word
        for span in filter_spans([doc[s:e] for s, e in words]):
            if taken.isdisjoint(range(span.start, span.end)):
                units.append(Unit(span.start, span.end, "sector", sector=words[(span.start, span.end)]))
                taken.update(range(span.start, span.end))
        for person in people:
            start = person.start
            while start < person.end and (start in taken or doc[start].text in self.honorifics
                                          or not any(c.isalpha() for c in doc[start].text)):
                start += 1
            end = person.end
            while end > start and doc[end - 1].text in ("'s", "’s", "'"):
                end -= 1
            if start < end and taken.isdisjoint(range(start, end)):
                units.append(Unit(start, end, "name"))
                taken.update(range(start, end))
        units.sort(key=lambda u: u.start)
        dateline = doc._.communique_dateline
        if dateline is not None:  # the place of the story (document.dateline), not an actor
            units = [u for u in units if not dateline[0] <= doc[u.start].idx < dateline[1]]
        return units

    @staticmethod
    def _agent_noun(span: Span) -> bool:
        """An agents.csv form used as the noun it is listed as: its last word a common
        noun of the parse, not a verb or adjective ("judge", "advocate", "retired",
        "Islamic") nor a proper name ("Fisher", "Granger"; a plural one, "Muslims", or
        a religious or political group the parser marks NORP, "Moslem forces", is a
        people), and no word inside a person's name."""
        last = span[-1]
        return (last.pos_ == "NOUN" or last.tag_ == "NNPS" or last.ent_type_ == "NORP") \
            and not any(t.ent_type_ == "PERSON" for t in span)

    def _historical_spans(self, doc: Doc) -> list[Span]:
        """Spans whose text (lower case, spaces normalised) is an imported form: the
        longest from each token that starts a name."""
        historical, prefixes, found = self.gazetteer.historical, self.historical_prefixes, []
        lower = [t.lower_ for t in doc]  # read once: a Token made per look is most of the cost
        spaced = [bool(t.whitespace_) for t in doc]
        for token in doc:
            if not token.text[:1].isalpha() or _first_word(lower[token.i]) not in self.historical_first:
                continue
            best, text = None, ""
            for end in range(token.i + 1, min(len(doc), token.i + self.historical_longest) + 1):
                if doc[end - 1].is_space or (end > token.i + 1 and doc[end - 1].is_sent_start):
                    break
                text += lower[end - 1]
                hit = historical.get(text)
                if hit is not None:
                    best = (end, hit)
                if spaced[end - 1]:
                    if text not in prefixes:  # no form goes on past this word
                        break
                    text += " "
            if best is not None:
                end, (key, form) = best
                label = self.strings.add(key + "|" + form)
                found.append(Span(doc, token.i, end, label=label))
        return found

    # ------------------------------------------------------------------ phrases
    def phrases(self, doc: Doc, units: list[Unit]) -> list[dict]:
        """Group units into phrases (see the module docstring, step 2)."""
        out, i = [], 0
        while i < len(units):
            phrase = {"pre": None, "sectors": [], "name": None, "owned": None, "post": None, "start": units[i].start}
            j = i
            unit = units[j]
            # "an anti-Syria journalist", "pro-Russian separatists": the name is what they are for
            # or against, not whose they are
            stance = _stance(doc, unit)
            if unit.type == "entity" and unit.entry.kind != "person" and not stance:
                phrase["pre"] = unit
                j += 1
            elif stance:  # no phrase built on it
                j += 1
            cursor = phrase["pre"].end if phrase["pre"] else units[i].start
            if phrase["pre"] and cursor < len(doc) and doc[cursor].text in ("'s", "’s", "'"):
                cursor += 1
            if phrase["pre"] is not None and phrase["pre"].entry.kind == "country" and j < len(units) \
                    and units[j].type == "entity" and units[j].entry.kind in ("organization", "group") \
                    and units[j].entry.country and units[j].entry.country != phrase["pre"].entry.country \
                    and units[j].start == cursor:
                # "Peru's Congress": the body of that country, not the one the name usually means.
                phrase["sectors"].append(Unit(units[j].start, units[j].end, "sector",
                                              sector=SectorWord(sector=_sector_of(units[j].entry.code), role=None,
                                                                person=False)))
                cursor = units[j].end
                j += 1
            while j < len(units) and units[j].type == "sector" and self._bridge(doc, cursor, units[j].start):
                phrase["sectors"].append(units[j])
                cursor = units[j].end
                j += 1
            if j < len(units) and (units[j].type == "name" or (units[j].type == "entity" and units[j].entry.kind == "person")):
                gap_ok = units[j].start == cursor if (phrase["pre"] or phrase["sectors"]) else True
                if gap_ok and (phrase["sectors"] or not phrase["pre"] or phrase["pre"].form == "demonym"):
                    phrase["name"] = units[j]
                    cursor = units[j].end
                    j += 1
            if phrase["name"] and not phrase["sectors"] and j < len(units) and units[j].type == "sector" \
                    and units[j].start == cursor and not units[j].sector.person:
                phrase["owned"] = units[j]  # "the Obama administration": a body led by the name
                cursor = units[j].end
                j += 1
            if (phrase["sectors"] or phrase["name"]) and j < len(units) and units[j].type == "entity" \
                    and units[j].entry.kind == "country" and self._of_bridge(doc, cursor, units[j].start):
                phrase["post"] = units[j]
                cursor = units[j].end
                j += 1
            if j == i:  # nothing composed: a unit on its own
                j = i + 1
                cursor = units[i].end
            phrase["end"] = cursor
            if phrase["pre"] is None and phrase["sectors"]:  # "Northamptonshire police": a place
                # no dictionary knows (a region, a county) stays in the phrase's text
                floor = units[i - 1].end if i else 0
                # (or "Northamptonshire Police" read as one organisation's name)
                while phrase["start"] > floor and (doc[phrase["start"] - 1].ent_type_ in ("GPE", "LOC") or (
                        doc[phrase["start"]].ent_type_ == "ORG" and doc[phrase["start"]].ent_iob_ == "I")):
                    phrase["start"] -= 1
                    phrase["place"] = True
            if phrase["sectors"] and not phrase["name"] and self._modifies_outside(doc, phrase):
                # "U.S. intelligence aircraft": the role word only describes another noun.
                j = i + 1 if phrase["pre"] else j
                phrase = {"pre": phrase["pre"], "sectors": [], "name": None, "owned": None, "post": None,
                          "start": units[i].start, "end": units[i].end} if phrase["pre"] else None
            if phrase is not None:
                out.append(phrase)
            i = j
        return out

    def _bridge(self, doc: Doc, start: int, end: int) -> bool:
        """Tokens between two parts of a phrase: a few title modifiers or capitalised words."""
        if end - start > MAX_MODIFIERS:
            return False
        for token in doc[start:end]:
            if token.is_sent_start or token.is_punct or token.is_space:
                return False
            if not (token.lower_ in self.title_modifiers or (token.text[:1].isupper() and token.pos_ in ("PROPN", "ADJ", "NOUN"))):
                return False
        return True

    def _former(self, doc: Doc, phrase: dict) -> bool:
        """"former Defence Minister X": out of office, whatever the title says."""
        # max(start - 1, the sentence's start), without Token.sent, which walks the whole
        # sentence on every call (quadratic on a long one full of names)
        first = phrase["start"]
        start = first if first == 0 or doc[first].is_sent_start else first - 1
        return any(t.lower_ in self.gazetteer.modifiers for t in doc[start:phrase["end"]])

    @staticmethod
    def _of_bridge(doc: Doc, start: int, end: int) -> bool:
        words = [t.lower_ for t in doc[start:end]]
        return words in (["of"], ["of", "the"])

    @staticmethod
    def _modifies_outside(doc: Doc, phrase: dict) -> bool:
        last = doc[phrase["end"] - 1]
        return last.dep_ in ("compound", "amod", "nmod") and last.head.i >= phrase["end"]

    # ------------------------------------------------------------------ resolution
    def __call__(self, doc: Doc) -> Doc:
        day = doc._.communique_published or self.reference_date
        actors: dict[str, Actor] = {}
        mentions: list[tuple[int, int, str]] = []

        spans: dict[str, set] = {}  # each actor's mentions as a set: a list lookup made many mentions quadratic

        def mention(actor: Actor, start: int, end: int) -> None:
            known = actors.setdefault(actor.key, actor)
            seen = spans.setdefault(known.key, set(known.mentions))
            if (start, end) not in seen:
                seen.add((start, end))
                known.mentions.append((start, end))
                mentions.append((start, end, known.key))

        units = self.units(doc)
        named: dict[str, int] = {}  # country -> how often the text names it, first named first
        for unit in units:  # every country named is an actor, inside a phrase or not
            if unit.type == "entity" and unit.entry.kind == "country" and self._counts(doc, unit):
                mention(self._from_entry(unit.entry, day), unit.start, unit.end)
                named[unit.entry.code] = named.get(unit.entry.code, 0) + 1
        # The place of the story: the country the text names most (the first of a tie),
        # for role words whose phrase names none ("police chief Nick Adderley").
        story = max(named, key=named.get) if named else None
        for phrase in self.phrases(doc, units):
            actor = self._resolve(doc, phrase, day, actors, story)
            if actor is not None:
                mention(actor, phrase["start"], phrase["end"])
        self._appositions(doc, actors, mentions)
        self._minorities(doc, actors, mentions)
        self._corefer(doc, actors, mentions, mention)
        doc._.communique_actors = list(actors.values())
        doc._.communique_mentions = sorted(mentions)
        return doc

    @staticmethod
    def _minorities(doc: Doc, actors: dict[str, Actor], mentions: list) -> None:
        """"ethnic Albanians in Serbia", "the Albanians of southern Serbia", "ethnic Albanian
        guerrillas operating in Macedonia": a people named by a demonym who live in another
        country are that country's, as CAMEO codes an ethnic group by its host state: its
        civilians (SRBCVL), or, for a group, its sector ("ethnic Albanian guerrillas" in
        Macedonia -> MKDREB)."""
        country_at = {i: k for s, e, k in mentions if actors.get(k) and actors[k].kind == "country" for i in range(s, e)}
        for start, end, key in list(mentions):
            actor, head = actors.get(key), doc[end - 1]
            if actor is None or not actor.country or actor.kind not in ("country", "group") \
                    or (actor.kind == "country" and head.tag_ not in ("NNPS", "NNS")):
                continue  # a people: a plural demonym ("Albanians") or a group phrase
            ethnic = (start > 0 and doc[start - 1].lower_ == "ethnic") or any(
                c.lower_ == "ethnic" and c.dep_ == "amod" for t in doc[start:end] for c in t.children)
            # where they live: "of/in Serbia" on the people, else (for an "ethnic" people) the
            # first other country the sentence names
            places = [t.i for p in head.children if p.dep_ == "prep" and p.lower_ in ("of", "in")
                      for t in p.subtree]
            if ethnic:
                places += list(range(head.sent.start, head.sent.end))
            host = next((actors[country_at[i]] for i in places if i in country_at
                         and actors[country_at[i]].country != actor.country), None)
            if host is None or not host.code:
                continue
            # a people is the host's civilians (SRBCVL, as the PLOVER records code them); a group keeps its sector
            code = host.code + ((actor.code or "")[len(actor.country):] if actor.kind == "group" else "CVL")
            new = actors.setdefault(f"G:{code}:{doc[start:end].text.lower()}", Actor(
                key=f"G:{code}:{doc[start:end].text.lower()}", name=doc[start:end].text, code=code,
                country=host.country, kind="group", role=actor.role))
            new.mentions.append((start, end))
            if (start, end) in actor.mentions:
                actor.mentions.remove((start, end))
            mentions[mentions.index((start, end, key))] = (start, end, new.key)
            if not actor.mentions:
                actors.pop(key, None)

    @staticmethod
    def _appositions(doc: Doc, actors: dict[str, Actor], mentions: list) -> None:
        """"Kofi Annan, UN secretary-general, ...", "X, Algeria's leading activist, ...": a
        person we cannot code takes the code (or the country) the apposition gives."""
        starts = sorted(mentions)
        for start, end, key in starts:
            person = actors.get(key)
            if person is None or person.kind != "person" or person.code:
                continue
            appos = [t for t in doc[start:end] for t in t.children if t.dep_ == "appos" and t.i >= end]
            if not appos:
                continue
            inside = range(appos[0].left_edge.i, appos[0].right_edge.i + 1)
            described = next((actors[k] for s, e, k in starts if s in inside and k != key), None)
            if described is None:
                continue
            if described.kind != "country" and described.code:
                person.code, person.role = described.code, person.role or described.role
            person.country = person.country or described.country or (
                described.code[:3] if described.code and described.kind == "country" else None)

    def _counts(self, doc: Doc, unit: Unit) -> bool:
        """A capital (or an imported place name) is the country's metonym only when it
        acts, not as a place ("to Moscow"); a country named as a stance ("anti-Syria") is
        no actor."""
        if _stance(doc, unit):
            return False
        if unit.form not in ("capital", "place"):
            return True
        head = doc[unit.end - 1]
        return not (head.dep_ == "pobj" and head.head.lower_ in self.locative_prepositions)

    def _from_entry(self, entry: Entry, day: str, country: str | None = None) -> Actor:
        code, role = entry.code, None
        if entry.kind == "person":
            office = entry.office_on(day)
            if office:
                code, role = office.code, office.role
            elif entry.offices:  # out of office on the document date: the country's elite
                last = max([o for o in entry.offices if o.layer == 0] or entry.offices, key=lambda o: o.end or "9999")
                code, role = (last.country + "ELI" if last.country else None), "former " + (last.role or "official")
        return Actor(key=entry.key, name=entry.name, code=code, country=entry.country or country,
                     kind=entry.kind, role=role, wikidata=entry.wikidata)

    def _resolve(self, doc: Doc, phrase: dict, day: str, actors: dict[str, Actor],
                 story: str | None = None) -> Actor | None:
        pre, sectors, name, post = phrase["pre"], phrase["sectors"], phrase["name"], phrase["post"]
        place = post or pre
        country = place.entry.country if place is not None and place.entry.kind == "country" else None
        org = pre if pre is not None and pre.entry.kind in ("organization", "group") else None
        word = next((s.sector for s in sectors if s.sector.sector), None)
        sector = word.sector if word else None
        prefix = word is not None and word.prefix
        # The story's country stands in for the phrase's own only where the phrase points
        # at a place or a person: a place no dictionary knows ("Northamptonshire police"),
        # a name ("police chief Nick Adderley"), or a specific agent noun of agents.csv
        # ("fishermen", "a lawyer"; a singular body or thing such as "the prison", "the
        # website" is as often a place as an actor). Generic words of ours alone ("the
        # foreign ministry said", "authorities in Croatia", "the official news agency")
        # stay uncoded, and so do civilians (CVL, CAMEO's catch-all: "women", "victims").
        last = doc[sectors[-1].end - 1] if sectors else None
        specific = word is not None and word.layer == "agents" and (word.person or last.tag_ in ("NNS", "NNPS"))
        if sector == "CVL" or not (phrase.get("place") or name is not None or specific):
            story = None
        role = next((s.sector.role for s in reversed(sectors) if s.sector.role), None)
        if self._former(doc, phrase):
            sector = "ELI"
        if name is not None:
            if name.type == "entity" and not self._unknown_status(name.entry, day):
                person = self._from_entry(name.entry, day, country)
            else:
                person = self._person_by_name(doc[name.start:name.end].text, country, sector, role, day, actors, org,
                                              story, prefix)
            owned = phrase["owned"]
            if owned is None:
                return person
            if not person.country or not owned.sector.sector:
                return None
            code = person.country + owned.sector.sector
            return Actor(key=f"organization:{code}:{person.key}", name=doc[phrase["start"]:phrase["end"]].text,
                         code=code, country=person.country, kind="organization")
        if sectors and org is not None and not name:
            return self._from_entry(org.entry, day)  # "Hamas fighters", "Pentagon officials": that body's people
        if sectors:
            text = doc[phrase["start"]:phrase["end"]].text
            if sectors[-1].sector.person and len(sectors) == 1:  # not "Foreign Ministry spokesperson"
                holder = self.gazetteer.holder(country, doc[sectors[-1].start:sectors[-1].end].text.lower(), role, day)
                if holder is not None:
                    return self._from_entry(holder, day)
            kind = "person" if sectors[-1].sector.person else ("group" if doc[sectors[-1].end - 1].tag_ in ("NNS", "NNPS") else "organization")
            base = country or (org.entry.code if org else None) or (story if sector else None)
            if base is None:
                # "a human rights group" in a text that names no country: an international
                # NGO (sectors.yml, stateless); else ("any forces") nothing we can code
                code = self.stateless.get(sector) if kind != "person" and not self._former(doc, phrase) else None
                if code is None:
                    return None
                base, sector, prefix = code, None, False
            code = _compose(base, sector, prefix)
            country = country or (base if base == story else None)
            key = f"{kind}:{code}:{text.lower()}" if kind == "person" else f"{kind}:{code}:{doc[sectors[-1].end - 1].lemma_.lower()}"
            return Actor(key=key, name=text, code=code, country=country, kind=kind, role=role)
        if pre is not None and pre.entry.kind != "country":
            return self._from_entry(pre.entry, day)
        return None  # a bare country: already counted

    def _unknown_status(self, entry: Entry, day: str) -> bool:
        """An imported person out of every imported term on a day after the imported data
        end (2015) or before their first known term (the import drops the ELI ranges):
        whether they hold an office then is unknown, so the name is read as an unknown
        person's (code from the title or an apposition only), not as a former official."""
        if entry.layer == 0 or entry.kind != "person" or entry.office_on(day) is not None:
            return False
        first = min((o.start for o in entry.offices if o.start), default="")
        return day > self.gazetteer.historical_end or (bool(first) and day < first)

    def _person_by_name(self, text: str, country, sector, role, day, actors, org, story=None, prefix=False) -> Actor:
        words = text.split()
        # Earlier in this document: "Xi" after "Xi Jinping", "Peskov" after "Dmitry Peskov".
        for actor in actors.values():
            if actor.kind == "person" and (actor.name == text or (len(words) == 1 and words[0] in actor.name.split())):
                return actor
        entry = self._known_person(words, country, day)
        if entry is not None:
            return self._from_entry(entry, day, country)
        base = country or (org.entry.code if org else None) or (story if sector else None)
        code = _compose(base, sector, prefix) if base and sector else None
        if org is not None and not country and (sector or role):
            code = org.entry.code  # "Arab League Secretary-General X": an official of that body
        if country is None:  # "the Bush administration": every known bearer of the name is American
            country = self._country_of_name(words) or (story if code and base == story else None)
        return Actor(key="N:" + text, name=text, code=code, country=country, kind="person", role=role)

    def _country_of_name(self, words: list[str]) -> str | None:
        """The one country every known person of this surname served (for "the X administration")."""
        if len(words) != 1:
            return None
        countries = {self.gazetteer.entries[k].country for k in self.gazetteer.short_names.get(words[0], [])}
        return countries.pop() if len(countries) == 1 else None

    def _known_person(self, words: list[str], country: str | None, day: str) -> Entry | None:
        gazetteer = self.gazetteer
        if len(words) == 1:
            keys = gazetteer.short_names.get(words[0], [])
        else:  # "Vladimir V. Putin": first and last words agree with a known name
            keys = [k for k in gazetteer.short_names.get(words[-1], []) + gazetteer.short_names.get(words[0], [])
                    if gazetteer.entries[k].name.split()[0] == words[0] and gazetteer.entries[k].name.split()[-1] == words[-1]]
        candidates = [gazetteer.entries[k] for k in dict.fromkeys(keys)]
        if country:
            candidates = [e for e in candidates if e.country == country] or candidates
        in_office = [e for e in candidates if any(o.holds_on(day) for o in e.offices)]
        if len(in_office) == 1:
            return in_office[0]
        if len(candidates) == 1 and (len(words) > 1 or country):
            return candidates[0]
        return None

    # ------------------------------------------------------------------ coreference
    def _corefer(self, doc: Doc, actors: dict[str, Actor], mentions: list, mention) -> None:
        if not actors:
            return
        covered = {i for s, e, _ in mentions for i in range(s, e)}
        # Short names the NER missed: "Putin" once "Vladimir Putin" is known here.
        short = {}
        for actor in actors.values():
            if actor.kind == "person" and " " in actor.name:
                words = actor.name.split()
                family = words[0] if actor.country in self.gazetteer.family_name_first else words[-1]
                short.setdefault(family, actor.key)
        for token in doc:
            if token.i not in covered and token.text in short and token.is_title and len(token.text) > 2:
                mention(actors[short[token.text]], token.i, token.i + 1)
                covered.add(token.i)
        ordered = sorted(mentions)
        for token in doc:
            if token.i in covered:
                continue
            lower = token.lower_
            if lower in self.person_pronouns and token.dep_ in self.pronoun_roles:
                antecedent = self._nearest(doc, ordered, token, actors, {"person"}, limit=1, subjects_first=True)
                if antecedent:
                    mention(actors[antecedent[0]], token.i, token.i + 1)
            elif lower in self.group_pronouns and token.dep_ in self.pronoun_roles:
                antecedent = self._nearest(doc, ordered, token, actors, {"group", "organization", "country"}, limit=1,
                                           subjects_first=True)
                if antecedent:
                    mention(actors[antecedent[0]], token.i, token.i + 1)
            elif lower in self.pair_nouns and token.i > 0:
                first = doc[token.i - 1]
                start = token.i - 2 if first.lower_ == "two" and token.i > 1 and doc[token.i - 2].lower_ == "the" else token.i - 1
                if first.lower_ not in self.pair_words:
                    continue
                kind = self.pair_nouns[lower]
                kinds = {"country", "organization", "group", "person"} if kind == "any" else {kind}
                for key in self._nearest(doc, ordered, doc[start], actors, kinds, limit=2, distinct=True):
                    mention(actors[key], start, token.i + 1)

    @staticmethod
    def _nearest(doc: Doc, ordered: list, token: Token, actors, kinds: set, limit: int, distinct: bool = False,
                 subjects_first: bool = False) -> list[str]:
        """Keys of the nearest actors of ``kinds`` mentioned before ``token``, at most
        three sentences back; with ``subjects_first``, the nearest mention that is a
        clause's subject wins over nearer objects ("Graham called Trump crazy. He joked")."""
        near_floor = far_floor = token.sent.start
        for back in range(PRONOUN_REACH_SENTENCES):
            far_floor = doc[far_floor - 1].sent.start if far_floor > 0 else 0
            if back == 1:
                near_floor = far_floor
        before = [(start, end, key) for start, end, key in reversed(ordered)
                  if end <= token.i and start >= (far_floor if subjects_first else near_floor)
                  and actors[key].kind in kinds]
        if subjects_first:
            near = [m for m in before if m[0] >= near_floor]
            subjects = [m for m in near if doc[m[0]:m[1]].root.dep_ in ("nsubj", "nsubjpass")]
            # Further back, only a subject: the person a paragraph has been about.
            far = [m for m in before if m[0] < near_floor and doc[m[0]:m[1]].root.dep_ in ("nsubj", "nsubjpass")]
            before = subjects + [m for m in near if m not in subjects] + far
        found: list[str] = []
        for _, _, key in before:
            if key not in found:
                found.append(key)
                if len(found) == limit:
                    break
        return found if len(found) == limit or not distinct else []


def _compose(base: str, sector: str | None, prefix: bool) -> str:
    """A country (or organisation) code with an agent code after it (GBR + COP) or, for a
    prefix code of agents.csv (NGO~, IGO~), before it (NGO + EGY)."""
    if not sector:
        return base
    return sector + base if prefix else base + sector


def _sector_of(code: str | None) -> str | None:
    """The agent part of a country-based code: USALEG -> LEG."""
    return code[3:6] if code and len(code) >= 6 and not code.startswith(("IGO", "IMG", "NGO")) else None


def _stance(doc: Doc, unit: Unit) -> bool:
    """"anti-Syria", "pro-Russian": a name after a stance prefix and a hyphen."""
    return unit.start >= 2 and doc[unit.start - 1].text == "-" and doc[unit.start - 2].lower_ in STANCE_PREFIXES


def _first_word(text: str) -> str:
    """The first run of letters or digits of a text: the key a form is looked up by."""
    for i, char in enumerate(text):
        if not char.isalnum():
            return text[:i]
    return text


def _capitalised(span: Span) -> bool:
    """An imported (case-insensitive) match reads as a name: its last word and every
    word longer than three letters start with a capital ("al-Nusra Front", not "nice")."""
    words = [t.text for t in span if t.text[:1].isalpha()]
    return bool(words) and words[-1][:1].isupper() and all(w[:1].isupper() for w in words if len(w) > 3)


def latest_term_start(gazetteer: Gazetteer) -> str:
    """The start of the latest term in the dictionaries: the reference date when a
    document has no published date and no ``reference_date`` is configured."""
    return max((o.start for e in gazetteer.entries.values() for o in e.offices if o.start and not o.layer), default="")


@Language.factory("communique_actors", assigns=["doc._.communique_actors", "doc._.communique_mentions"],
                  requires=["token.dep", "token.lemma", "token.tag", "doc.ents"],
                  default_config={"extra_files": [], "reference_date": None})
def make_actors(nlp: Language, name: str, extra_files: list[str], reference_date: str | None) -> ActorRecognizer:
    """Actors with CAMEO codes; ``extra_files``: user dictionaries merged over the built-ins;
    ``reference_date``: the date offices resolve against when a document has no published
    date (default: the start of the latest term in the data)."""
    return ActorRecognizer(nlp, tuple(extra_files), reference_date)
