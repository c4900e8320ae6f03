"""Finding actors: gazetteer mentions in parsed text and the CAMEO codes of noun phrases.

Two steps, one class each:

* :class:`MentionFinder` marks every gazetteer phrase in a parsed Doc (states, demonyms,
  capitals, seats of power, organisations, office holders, role nouns, news agencies).
* :class:`ActorResolver` composes the actor of a noun phrase from the mentions inside it, the
  way news writes titles: possessives ("Russia's defence minister"), adjectives ("his Indian
  counterpart"), appositions ("Nirmala Sitharaman, India's defence minister"), titles before
  names, and references back into the document (he/she/they, "the defence minister",
  "both countries", "our countries" inside a quote).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from typing import Collection, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .data import read_yaml
from .dates import MONTH_NAMES, WEEKDAYS
from .gazetteer import (FAMILY_NAME_FIRST, FORMER_OFFICIAL_SECTOR, GOVERNMENT_SECTOR, OPPOSITION, PARTY,
                        PROPER_KINDS, Entry, Gazetteer, gazetteer, state_existed, strip_accents)
from .records import STATE_ORGAN_SECTORS, Actor

#: Dependency labels that stay inside a noun phrase when collecting its modifiers.
NP_DEPS = {"compound", "amod", "poss", "nmod", "appos", "flat", "det", "case", "nummod",
           "quantmod", "punct", "cc", "npadvmod"}

#: The English words this module reads noun phrases by are language data: each constant below
#: is the key of the same name in data/actors/words.yaml, which says what it is for.
_WORDS = read_yaml("actors/words.yaml")
PERSON_PRONOUNS = set(_WORDS["person_pronouns"])
GROUP_PRONOUNS = set(_WORDS["group_pronouns"])
FIRST_PERSON_PLURAL = set(_WORDS["first_person_plural"])
PERSON_RELATIVE_PRONOUNS = set(_WORDS["person_relative_pronouns"])
OBJECT_PERSON_PRONOUNS = set(_WORDS["object_person_pronouns"])
GUEST_NOUNS = set(_WORDS["guest_nouns"])
INDEFINITE_ARTICLES = set(_WORDS["indefinite_articles"])
RANKING_WORDS = set(_WORDS["ranking_words"])
PAIR_NOUNS = set(_WORDS["pair_nouns"])
PAIR_FORCE_NOUNS = set(_WORDS["pair_force_nouns"])
#: How many sentences back a pair of people written together is what "both leaders" means.
PAIR_SENTENCES = 3
PAIR_DETERMINERS = set(_WORDS["pair_determiners"])
REGION_STATE_NOUNS = set(_WORDS["region_state_nouns"])
PAIR_PERSON_NOUNS = set(_WORDS["pair_person_nouns"])
DEFINITE_PAIR_NOUNS = set(_WORDS["definite_pair_nouns"])
BARE_PAIR_NOUNS = set(_WORDS["bare_pair_nouns"])
PAIR_TITLE_WORDS = set(_WORDS["pair_title_words"])
MEMBER_PREPOSITIONS = set(_WORDS["member_prepositions"])
PLACE_NOUNS = set(_WORDS["place_nouns"])
HOME_PLACE_NOUNS = set(_WORDS["home_place_nouns"])
ORGANISATION_OFFICES = set(_WORDS["organisation_offices"])
POSTING_NOUNS = set(_WORDS["posting_nouns"])
SHARED_ORGAN_NAMES = set(_WORDS["shared_organ_names"])
GROUP_NOUNS = set(_WORDS["group_nouns"])
ORGANISATION_NOUNS = set(_WORDS["organisation_nouns"])
BODY_NOUNS = set(_WORDS["body_nouns"])
PARTITIVES = set(_WORDS["partitives"])
RELATION_NOUNS = set(_WORDS["relation_nouns"])
DELEGATE_NOUNS = set(_WORDS["delegate_nouns"])
RESIDENCE_PREPOSITIONS = set(_WORDS["residence_prepositions"])
FORMER_WORDS = set(_WORDS["former_words"])
ENVOY_TITLES = set(_WORDS["envoy_titles"])
SHIP_PREFIXES = set(_WORDS["ship_prefixes"])
STAFF_NOUNS = set(_WORDS["staff_nouns"])
HONORIFICS = set(_WORDS["honorifics"])
NOT_NAME_PARTS = set(WEEKDAYS) | set(MONTH_NAMES) | set(_WORDS["not_name_parts"])
NAME_PARTICLES = set(_WORDS["name_particles"])
PATRONYMIC_PARTICLES = set(_WORDS["patronymic_particles"])
ALLEGIANCE_ADJECTIVES = set(_WORDS["allegiance_adjectives"])
LEADING_VERBS = set(_WORDS["leading_verbs"])
FOLLOWER_NOUNS = set(_WORDS["follower_nouns"])
OPPOSING_NOUNS = set(_WORDS["opposing_nouns"])
OFFICE_HEAD_NOUNS = set(_WORDS["office_head_nouns"])
STANCE_PREFIXES = set(_WORDS["stance_prefixes"])
ASSOCIATION_WORDS = set(_WORDS["association_words"])
MEDIATING_PARTICIPLES = frozenset(_WORDS["mediating_participles"])

#: Sectors of non-state armed groups, whose leaders are not their state's government.
ARMED_GROUP_SECTORS = frozenset({"REB", "UAF", "SEP", "INS"})
#: Parts of speech no given name is tagged with: a capitalised adverb opening a sentence
#: before a surname is not part of the name.
FUNCTION_POS = frozenset({"ADV", "ADP", "SCONJ", "CCONJ", "DET", "PRON", "AUX", "PART"})
#: Sectors of firms, media and charities, whose officers hold no state office by their titles.
PRIVATE_SECTORS = frozenset({"BUS", "MED", "NGO"})
#: The office key of office_holders.tsv for the chief of a company.
COMPANY_OFFICE = "business_leader"
#: Sectors of political parties, whose leaders hold no state office by leading them.
PARTY_SECTORS = frozenset({PARTY, OPPOSITION})
#: Sectors of those who act for a state abroad: a region's leaders, ministers or troops are
#: each of its states'.
STATE_OFFICE_SECTORS = frozenset({"GOV", "MIL", "LEG", "SPY"})
COUNTERPART = "*"
#: Gazetteer kinds that name a state: by its name, its demonym or a people living in it ...
NATIONAL_KINDS = frozenset({"country", "adjective", "people"})
#: ... the demonyms and peoples alone ("Serbs", "Yoruba") ...
DEMONYM_KINDS = frozenset({"adjective", "people"})
#: ... and every kind whose entry carries a state: cities, seats of power, named bodies.
STATE_KINDS = NATIONAL_KINDS | {"city", "seat", "body"}
#: An aircraft's designation ("F-16", "Su-24", "MiG-29", "J-10C"): "F-16 fighters" are jets.
AIRCRAFT_DESIGNATION = re.compile(r"^[A-Z][A-Za-z]{0,3}-\d{1,3}[A-Z]?$")
MILITARY = "MIL"
MEDIA = "MED"
BUSINESS = "BUS"


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str
    entries: tuple[Entry, ...]

    def kinds(self) -> set[str]:
        return {entry.kind for entry in self.entries}


class PhraseIndex:
    """Phrases as the token sequences the tokenizer makes of them, matched against a Doc by
    one token attribute ("text" or "lower_").

    spaCy's PhraseMatcher does the same, but building it needs a Doc and a lexeme for each of
    the gazetteer's ~97,000 phrase forms, most of the start-up time. Here a phrase of plain words is
    split at spaces, which is what the tokenizer makes of it, and only the rest is tokenized."""

    def __init__(self, nlp: Language, attr: str):
        self._tokenizer = nlp.tokenizer
        self._special_cases = {case.lower() for case in nlp.tokenizer.rules}
        self._attr = attr
        self._keys: dict[tuple[str, ...], list[str]] = {}
        self._written_so: set[tuple[tuple[str, ...], str]] = set()
        #: the first word of each phrase -> the lengths of the phrases it starts
        self._lengths: dict[str, set[int]] = {}

    def _words(self, phrase: str) -> tuple[str, ...]:
        if _PLAIN_WORDS.fullmatch(phrase) and not any(
                word.lower() in self._special_cases for word in phrase.split(" ")):
            words = phrase.split(" ")
        else:
            words = [token.text for token in self._tokenizer(phrase)]
        return tuple(word.lower() for word in words) if self._attr == "lower_" else tuple(words)

    def add(self, key: str, phrases: list[str]) -> None:
        """Index a key under its phrase and, after it, variants of the phrase ("PUTIN"). Where
        a phrase and another's variant are the same words ("PLA" the army, "Pla" a surname in
        capitals), the phrase written so comes first."""
        for rank, phrase in enumerate(phrases):
            words = self._words(phrase)
            if not words:
                continue
            keys = self._keys.setdefault(words, [])
            if key in keys:
                continue
            written_so = sum(1 for other in keys if (words, other) in self._written_so)
            keys.insert(written_so if rank == 0 else len(keys), key)
            if rank == 0:
                self._written_so.add((words, key))
            self._lengths.setdefault(words[0], set()).add(len(words))

    def matches(self, doc: Doc) -> Iterator[tuple[str, int, int]]:
        """Every (key, start, end) whose phrase is the tokens start..end, overlaps included."""
        words = [getattr(token, self._attr) for token in doc]
        for start, word in enumerate(words):
            for length in self._lengths.get(word, ()):
                if start + length > len(words):
                    continue
                for key in self._keys.get(tuple(words[start:start + length]), ()):
                    yield key, start, start + length


#: A phrase the tokenizer leaves as its space-separated words: letters only, single spaces.
_PLAIN_WORDS = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)*")


class MentionFinder:
    """Marks gazetteer phrases in a Doc; built once per process for a vocabulary."""

    def __init__(self, nlp: Language, gaz: Gazetteer):
        self.gaz = gaz
        self._dictionary_words = _dictionary_words(nlp)
        self._entries: dict[str, tuple[Entry, ...]] = {}
        # Headlines write names in capitals ("PUTIN SAYS"); places rarely matter there, and
        # leaving their capitalised forms out halves the phrases to index at start-up.
        self._proper = PhraseIndex(nlp, "text")
        for phrase, entries in gaz.proper.items():
            key = "P:" + phrase
            self._entries[key] = tuple(entries)
            capitals = not (all(e.kind == "city" for e in entries) or phrase.isupper())
            self._proper.add(key, [phrase, phrase.upper()] if capitals else [phrase])
        self._roles = PhraseIndex(nlp, "lower_")
        for phrase, entries in gaz.roles.items():
            key = "R:" + phrase
            self._entries[key] = tuple(entries)
            self._roles.add(key, [phrase])

    def find(self, doc: Doc) -> dict[int, Mention]:
        """Token index -> the longest gazetteer mention covering it."""
        spans = [Span(doc, start, end, label=key)
                 for index in (self._proper, self._roles) for key, start, end in index.matches(doc)]
        by_token: dict[int, Mention] = {}
        # Longest first, proper names before role nouns on ties: "Defense Ministry" the role
        # loses to nothing, but "Georgia" the state beats no role.
        spans.sort(key=lambda s: (-(s.end - s.start), not s.label_.startswith("P:"), s.start))
        # ("Meng Wanzhou": a given name may also be a town's name, and then names no place)
        towns = {span.start for span in spans if span.end - span.start == 1
                 and all(e.kind == "city" for e in self._entries[span.label_])}
        matched = {i for span in spans for i in range(span.start, span.end) if i not in towns}
        surnames = {span.start for span in spans if span.end - span.start == 1
                    and all(e.kind == "person" for e in self._entries[span.label_])}
        others_names: set[str] = set()
        for span in spans:
            if any(i in by_token for i in range(span.start, span.end)):
                continue
            mention = Mention(span.start, span.end, span.text, self._entries[span.label_])
            if self._other_states_body(doc, mention):
                continue  # "the Maldives National Defence Force" is not Syria's militia
            if self._part_of_other_name(doc, mention, matched, surnames):
                others_names.add(mention.text)
                continue
            if mention.text in others_names and mention.kinds() <= {"person", "body"}:
                continue  # "Maduro received Saab" after "Alex Saab": the same man, no firm
            if mention.kinds() == {"person"} and all(t.ent_type_ == "DATE" for t in span):
                continue  # "in May", "since August": a month, not Theresa May
            if span.text.lower() in self._dictionary_words and (
                    _common_word_as_surname(span, mention) or self._portfolio_before_title(doc, span, mention)):
                continue  # "Power cuts", "Power and Energy Minister": words, not Samantha Power
            if (mention.kinds() == {"person"} and span.end - span.start == 1 and span.end < len(doc)
                    and doc[span.end].lower_ == "of" and span.text.lower() in self.gaz.roles):
                continue  # "the King of Bhutan": the title, not Mervyn King
            for i in range(span.start, span.end):
                by_token[i] = mention
        return by_token

    def _titled_name_at(self, doc: Doc, mention: Mention, matched: set[int]) -> bool:
        """Whether a word is part of the name of someone the gazetteer does not know, after
        a person's title: the first name before a capitalised word ("spokesman Hami Aksoy")
        or the surname after a first name ("its ambassador Hassan Hami")."""
        def title_at(i: int) -> bool:
            return i >= 0 and any(e.role_kind == "person" for e in self.gaz.roles.get(doc[i].lower_, []))

        def unknown_name_at(i: int) -> bool:
            return 0 <= i < len(doc) and i not in matched and doc[i].is_title and doc[i].pos_ == "PROPN"

        before, after = mention.start - 1, mention.end
        return (title_at(before) and unknown_name_at(after)) or (title_at(before - 1) and unknown_name_at(before))

    def _portfolio_before_title(self, doc: Doc, span: Span, mention: Mention) -> bool:
        """Whether a lone capitalised common word names a portfolio before a person's title,
        alone or with others: "Power" in "Power and Energy Minister" or "Power Minister"."""
        if len(span) != 1 or mention.kinds() != {"person"}:
            return False
        i = span.end
        while i < min(len(doc), span.end + 4) and (doc[i].lower_ in {"and", "&", ","} or (
                doc[i].is_title and doc[i].lower_ in self._dictionary_words
                and not self.gaz.roles.get(doc[i].lower_))):
            i += 1
        return i < len(doc) and doc[i].is_title and any(
            e.role_kind == "person" for e in self.gaz.roles.get(doc[i].lower_, []))

    def _country_ending_at(self, doc: Doc, end: int) -> str | None:
        """The state whose name ("Kenya", "South Africa"), not its adjective or possessive, is
        the words up to and including `end`."""
        for start in range(max(0, end - 2), end + 1):
            for entry in self.gaz.proper.get(doc[start:end + 1].text, ()):
                if entry.kind == "country":
                    return entry.country
        return None

    def _other_states_body(self, doc: Doc, mention: Mention) -> bool:
        """Whether one state's body is named with another state's name before it: the
        Maldives' "National Defence Force" is its army, not Syria's militia of that name."""
        countries = {e.country for e in mention.entries if e.kind == "body"}
        if not countries or mention.kinds() != {"body"} or mention.start == 0:
            return False
        before = self._country_ending_at(doc, mention.start - 1)
        return before is not None and before not in countries

    @staticmethod
    def _among_names(word: Token, mention: Mention) -> bool:
        """Whether a word is one of the names of a person the mention may be."""
        return any(word.text in (e.person or "").split() for e in mention.entries)

    def _part_of_other_name(self, doc: Doc, mention: Mention, matched: set[int],
                            surnames: set[int]) -> bool:
        """A known person's surname or initials inside someone else's name: "Levy" in "Levy
        Mwanawasa", "Rivera" in "Judge Alejandro Rivera", "(AKK)" after an association's name.
        The other name part is a capitalised word that names nothing in the gazetteer, or
        another known surname none of the mention's people has among their names ("Fernando
        Villavicencio" is neither a Fernando nor a Villavicencio the gazetteer knows)."""
        one_word = all(not doc[i].whitespace_ for i in range(mention.start, mention.end - 1))
        if one_word and mention.kinds() == {"city"} and self._titled_name_at(doc, mention, matched):
            return True     # "spokesman Hami Aksoy": a given name, not the city of Hami
        if one_word and mention.kinds() == {"people"} and mention.start > 0:
            given = doc[mention.start - 1]
            if given.i not in matched and given.is_title and given.pos_ == "PROPN" and given.dep_ == "compound" \
                    and given.head.i == mention.start and doc[mention.start].pos_ == "PROPN":
                return True     # "Hafsa Mossi": a family name, not the Mossi people
        # (a firm named like a person: "Saab" in "Alex Saab", "Ford" in "Gerald Ford")
        firm = mention.kinds() == {"body"} and all(BUSINESS in e.sectors for e in mention.entries)
        if not one_word or not (mention.kinds() == {"person"} or firm):
            return False    # (one word may be split at hyphens: "al-Malki" in "Ahmed al-Malki")
        token = doc[mention.start]
        if any(e.person == doc[mention.start:mention.end].text for e in mention.entries):
            return False  # a full single name ("Suharto")
        if token.is_upper and mention.start > 0 and doc[mention.start - 1].text == "(":
            return True  # an acronym defined by the name before it
        if mention.start > 1 and doc[mention.start - 1].text == "-" and not doc[mention.start - 2].whitespace_ \
                and doc[mention.start - 2].is_title:
            return True  # the second half of a double surname: "Pena" in "Garcia-Pena"
        first = mention.start
        while first > 1 and doc[first - 1].text == "-" and not doc[first - 2].whitespace_ \
                and doc[first - 2].lower_ in NAME_PARTICLES:
            first -= 2      # "al-Malki": the surname with its article
        if first > 1 and doc[first - 1].lower_ in NAME_PARTICLES and doc[first - 1].is_lower \
                and doc[first - 2].is_title and not self._among_names(doc[first - 2], mention):
            first -= 1      # "Haque" in "Moin ul Haque": the particle written apart
        after = mention.end
        if after + 2 < len(doc) and doc[after].lower_ in NAME_PARTICLES and doc[after + 1].text == "-" \
                and not doc[after].whitespace_ and doc[after + 2].is_title and (
                    after + 2 not in matched or after + 2 in surnames and not self._among_names(doc[after + 2], mention)):
            return True  # a given name before someone else's surname: "Haitham" in "Haitham al-Ghais"
        if after + 1 < len(doc) and doc[after].lower_ in PATRONYMIC_PARTICLES and doc[after + 1].is_title:
            return True  # a given name before a father's name: "Yusuf" in "Yusuf bin Alawi"
        if not firm and self._country_ending_at(doc, first - 1):
            return True  # a company named after its state: "Power" in "Kenya Power"
        for position in (first - 1,) if firm else (first - 1, mention.end):
            if not 0 <= position < len(doc):
                continue
            other = doc[position]
            spaced = doc[min(position, mention.end - 1)].whitespace_
            if position in surnames and not firm and spaced and not self._among_names(other, mention):
                return True
            if (other.is_title and len(other) > 1 and other.is_alpha and position not in matched
                    and other.lower_ not in NOT_NAME_PARTS and not other.is_stop
                    and other.pos_ not in FUNCTION_POS     # ("Later Obama sat down with Park")
                    and other.lower_ not in self.gaz.roles and (not firm or _given_name_at(doc, position, matched))):
                return True
        return False


@cache
def mention_finder(nlp: Language) -> MentionFinder:
    return MentionFinder(nlp, gazetteer())


@dataclass
class DocumentContext:
    """What earlier sentences of a document tell about later references."""

    date: str | None
    people: dict[str, Actor] = field(default_factory=dict)
    last_person: Actor | None = None
    #: the person who is the main subject of the current or the previous sentence: whom a
    #: later "he" or "she" means first ("Amorim met Putin in Moscow. He said ..." is Amorim)
    subject_person: Actor | None = None
    subject_age: int = 0
    #: the main subject before the present one ("Erdogan flew in. Aliyev received him")
    previous_subject_person: Actor | None = None
    #: the state or body that is the main subject of the current or the previous sentence:
    #: whom a later subject "it" means first ("the ministry cleared the visit, but on Aug. 8 it
    #: asked the Chinese embassy to put it off")
    subject_body: Actor | None = None
    subject_body_age: int = 0
    last_body: Actor | None = None
    last_group: list[Actor] = field(default_factory=list)
    country_counts: Counter = field(default_factory=Counter)
    recent: list[Actor] = field(default_factory=list)
    #: the doer of the story's first violent act: whose act "the strike" is when condemned
    #: later (the lead tells the attack; later sentences tell reactions and background)
    story_attacker: Actor | None = None
    #: the acts the story has told so far, as (the trigger's lemma, the doer): whose act "the
    #: test" or "the decision" is when judged later; an act of several doers keeps them all, in
    #: the order told; an act only named ("the North's sixth nuclear test") keeps its noun,
    #: whose owner is found only when a later noun needs it
    acts: list[tuple[str, Actor | list[Actor] | Token]] = field(default_factory=list)
    #: the target of the story's first event of a root, for later ones that name none
    first_targets: dict[str, Actor] = field(default_factory=dict)
    #: who last accused each state: whom its denial answers
    accusers: dict[str, Actor] = field(default_factory=dict)
    #: who last reduced relations with each state or body: whom its own measures answer
    reducers: dict[str, Actor] = field(default_factory=dict)
    #: the state of the dateline's place ("NEW DELHI, Feb 16 -"): where the story was filed
    home: str | None = None
    #: named people of two states written as a pair ("Anutin and his Cambodian counterpart,
    #: Hun Manet"), with the position of the second: whom a later "both leaders" means
    pairs: list[tuple[Actor, Actor, int]] = field(default_factory=list)

    def note(self, actor: Actor, is_person: bool) -> None:
        if actor.country or actor.igo:
            self.country_counts[actor.country or actor.igo] += 1
        if is_person:
            self.last_person = actor
        elif actor.is_known:
            self.last_body = actor
        self.recent.append(actor)
        del self.recent[:-30]

    def dyad(self) -> list[str]:
        return [country for country, _ in self.country_counts.most_common(2)]

    def partner_of(self, actor: Actor) -> Actor | None:
        """The story's main state on the other side from an actor."""
        return self.partner_outside({actor.country or actor.igo}, among=3)

    def partner_outside(self, sides: set[str | None], among: int | None = None) -> Actor | None:
        """The story's most named state that is none of ``sides``, among its ``among`` most
        named (all when None); a state that no longer existed is no side ("closing a
        negotiation dragging on since the break-up of the Soviet Union")."""
        for country, _ in self.country_counts.most_common(among):
            if country not in sides and state_existed(country, self.date):
                return Actor.build(country, (), None, "")
        return None


class ActorResolver:
    """Composes CAMEO actors for the noun phrases of one document, sentence by sentence."""

    def __init__(self, doc: Doc, mentions: dict[int, Mention], gaz: Gazetteer,
                 context: DocumentContext, masked: set[int] | None = None):
        self.doc = doc
        self.mentions = _on_date(mentions, context.date)
        self._mention_indices = sorted(self.mentions)
        self.gaz = gaz
        self.context = context
        # ("its official Twitter account": the platform named on an account is no actor)
        self.masked = (masked or set()) | {
            t.i for head in doc if head.lemma_.lower() in POSTING_NOUNS and head.pos_ == "NOUN"
            for c in head.children if c.dep_ == "compound" for t in c.subtree}
        self.speaker: Actor | None = None
        self._cache: dict[int, list[Actor]] = {}
        self._sentence_states: dict[int, str | None] = {}
        self._resolving: set[int] = set()
        #: the actors each region phrase stood for ("the five Central Asian republics"), which
        #: act as one side
        self._region_sides: list[list[Actor]] = []

    # -- public ---------------------------------------------------------------------------
    def actors(self, token: Token, expand_conj: bool = True) -> list[Actor]:
        """The actors a noun phrase headed by ``token`` names (several for "A and B")."""
        heads = [token] + (conjuncts(token) if expand_conj else [])
        found: list[Actor] = []
        for head in heads:
            for actor in self.resolve(head):
                if head is not token and not actor.is_known and found and found[0].is_known and (
                        actor.sectors and set(actor.sectors) <= STATE_ORGAN_SECTORS
                        and _shares_national_modifier(token, head)):
                    # "American diplomats and troops": the troops are American too
                    actor = Actor.build(found[0].country, actor.sectors, actor.name, actor.text,
                                        found[0].igo)
                if actor not in found:
                    found.append(actor)
        if not any(a.is_known for a in found):
            # "Critics, including the European Commission, accuse ...": the named members
            named = [a for prep in token.children if prep.dep_ == "prep" and prep.lower_ in MEMBER_PREPOSITIONS
                     for pobj in prep.children if pobj.dep_ == "pobj" for a in self.actors(pobj)]
            found = [a for a in named if a.is_known] or found
        if len(found) > 1 or (found and token.tag_ in {"NNS", "NNPS"}):
            self.context.last_group = found  # what "they" will refer to
        return found

    def resolve(self, head: Token) -> list[Actor]:
        if head.i not in self._cache:
            if head.i in self._resolving:
                return []  # a phrase whose owner leads back to itself names no one more
            self._resolving.add(head.i)
            try:
                self._cache[head.i] = self._resolve(head)
            finally:
                self._resolving.discard(head.i)
            self._note_pair(head, self._cache[head.i])
        return self._cache[head.i]

    def _note_pair(self, head: Token, actors: list[Actor]) -> None:
        """Remember two people of two states joined by "and" ("his Cambodian counterpart")."""
        def person(token: Token, found: list[Actor]) -> bool:
            return len(found) == 1 and bool(found[0].country) and bool(
                found[0].name or token.lemma_.lower() in PAIR_PERSON_NOUNS)

        if head.dep_ != "conj" or not person(head, actors) or head.head.pos_ not in {"PROPN", "NOUN"}:
            return
        first = self.resolve(head.head)
        if person(head.head, first) and first[0].country != actors[0].country:
            self.context.pairs.append((first[0], actors[0], head.i))

    def place_at(self, token: Token) -> tuple[str, str] | None:
        """A place named at a token (a state or a city in the gazetteer): its text and state;
        "the east of the Gaza Strip" names the Gaza Strip."""
        mention = self.mentions.get(token.i)
        if mention is None:
            owned = of_object(token)
            if owned is not None:
                return self.place_at(owned)
            if token.lemma_.lower() in PLACE_NOUNS:
                # "Kenya's capital", "Syria's north"
                owner = next((c for c in token.children if c.dep_ == "poss"), None)
                place = self.place_at(owner) if owner is not None else None
                if place is not None:
                    return phrase_text(token, noun_phrase_tokens(token)), place[1]
                if owner is None and self.context.home and token.lemma_.lower() in HOME_PLACE_NOUNS and any(
                        c.dep_ == "det" and c.lower_ == "the" for c in token.children) and not any(
                        c.dep_ in {"amod", "compound", "prep"} for c in token.children):
                    # "signed in the capital" in a story filed from Juba: Juba
                    return phrase_text(token, noun_phrase_tokens(token)), self.context.home
            return None
        if token.i in self.masked:
            return None
        for entry in mention.entries:
            if entry.kind in {"country", "city"}:
                return mention.text, entry.country
        return None

    def one_side(self, first: Actor, second: Actor) -> bool:
        """Whether two actors are states a single region phrase stood for together ("the EU and
        the five Central Asian republics agreed": the five are one side, not parties to each other)."""
        return any(first in side and second in side for side in self._region_sides)

    def agency_at(self, token: Token) -> bool:
        mention = self.mentions.get(token.i)
        return mention is not None and "agency" in mention.kinds()

    def people_at(self, token: Token) -> bool:
        """Whether a word names people: a person the gazetteer knows, or a role or people
        noun ("journalists", "two soldiers", "Bazoum") - looked up without resolving."""
        mention = self.mentions.get(token.i)
        if mention is None:
            counted = of_object(token)   # "thousands of Tamil civilians"
            return counted is not None and self.people_at(counted)
        # ("the 32 Russians": a state's people by their plural demonym)
        return any(e.kind in {"person", "people"} or (e.kind == "role" and e.role_kind in {"person", "group"})
                   or (e.kind == "adjective" and token.tag_ in {"NNS", "NNPS"}) for e in mention.entries)

    def organisation_at(self, token: Token) -> bool:
        """Whether a word is part of an international organisation's name (looked up without
        resolving, so that asking changes nothing the story remembers)."""
        mention = self.mentions.get(token.i)
        return mention is not None and "igo" in mention.kinds()

    # -- composition ----------------------------------------------------------------------
    def _resolve(self, head: Token) -> list[Actor]:
        if head.i in self.masked:
            return []
        lower = head.lower_
        if head.lemma_.lower() in POSTING_NOUNS and head.pos_ == "NOUN":
            # an account speaks for its owner ("the ministry's Telegram channel")
            owner = next((c for c in head.children if c.dep_ == "poss"), None)
            return self.resolve(owner) if owner is not None else []
        titled = _title_across_place(head, self.mentions)
        if titled is not None:
            # "Russia's ambassador in Ottawa, Oleg Stepanov", parsed with the name in apposition
            # to the city: the person the title names
            return [_retext(a, phrase_text(head, noun_phrase_tokens(head))) for a in self.resolve(titled)]
        if lower in PERSON_RELATIVE_PRONOUNS and head.head.dep_ == "relcl" and head.head.head != head.head:
            # "Ebrahim Rasool, whom Rubio declared persona non grata": the one the clause is on
            antecedent = head.head.head
            if antecedent.pos_ == "PROPN" and antecedent.i not in self.mentions:
                # "its ambassador to the United States, Ebrahim Rasool, whom": a name the
                # gazetteer does not know is the person the title before it names
                person = self._person_before(antecedent, [])
                return [person] if person is not None else []
            return self.resolve(antecedent)
        if lower in {"both", "all", "each"} and head.head.dep_ == "relcl" and any(
                o.lower_ in {"whom", "which"} for o in preposition_objects(head, ("of",))):
            # "Netanyahu and Anastasiades, both of whom travelled": the people the clause is on
            antecedent = head.head.head
            return [a for t in [antecedent, *conjuncts(antecedent)] for a in self.resolve(t)]
        if head.pos_ == "PRON" or head.tag_ in {"PRP", "PRP$"}:
            if lower in OBJECT_PERSON_PRONOUNS and head.dep_ in {"dobj", "dative", "pobj"}:
                # (the clause's verb, above "talks with him")
                verb = head.head
                while verb.pos_ not in {"VERB", "AUX"} and verb.head != verb:
                    verb = verb.head
                subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                if subject is None and verb.dep_ == "conj":
                    # "Erdogan was greeted by Sudani and held talks with him": the shared subject
                    subject = next((c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
                if subject is not None and (subject.pos_ == "PROPN" or subject.i in self.mentions):
                    # ("Trump" is sometimes tagged a common noun)
                    # "its ambassador, Karima Benyaich, ... Gonzalez Laya summoned her": not the
                    # subject herself (who would be "herself") but the person named before
                    doers = self.resolve(subject)
                    # ("Trump hosted Munir a day after Modi told him": the one a clause before
                    # was about, its subject, rather than the nearest name)
                    other = self._person_before(head, doers, subjects_only=True) or self._person_before(head, doers)
                    recent = [p for p in (self.context.subject_person, self.context.previous_subject_person)
                              if p is not None and not any(p.same_entity(d) for d in doers)]
                    if other is None and recent:
                        # "Erdogan flew into Baku ... after meeting Biden. Aliyev received him":
                        # the one the story was just about
                        other = recent[0]
                    if other is None:
                        # "Ukraine's president, Volodymyr Zelensky, was not invited. Trump
                        # telephoned him": else the last person the story named
                        other = next((a for a in reversed(self.context.recent) if a.name and not any(
                            a.same_entity(d) for d in doers)), None)
                    if other is not None:
                        return [other]
            if lower in {"them", "him", "her"} and head.dep_ == "dobj" and head.head.dep_ == "advcl" and (
                    head.head.tag_ == "VBG"):
                # "entered 18 Saudi nationals into the database, barring them from Europe": the
                # main clause's object
                acted_on = next((c for c in head.head.head.children if c.dep_ == "dobj"), None)
                named = [a for a in self.resolve(acted_on) if a.is_known] if acted_on is not None else []
                if named:
                    return named
            if lower in {"them", "they", "their"}:
                # "assured Armenians that France stood by them": those told, the object of the
                # verb whose complement holds the pronoun
                clause = head.head
                while clause.dep_ not in {"ccomp"} and clause.head != clause and clause.pos_ not in {"VERB", "AUX"}:
                    clause = clause.head
                told = next((c for c in clause.head.children if c.dep_ in {"dobj", "dative"}
                             and c.tag_ in {"NNS", "NNPS"} and c.i < head.i), None) if clause.dep_ == "ccomp" else None
                named = [a for a in self.resolve(told) if a.is_known] if told is not None else []
                if named:
                    return named
            if lower in {"he", "she"} and head.dep_ in {"nsubj", "nsubjpass"} and head.head.dep_ in {"relcl", "advcl"}:
                # "a speech Mitsotakis gave to Congress, in which he told lawmakers": in a
                # clause on what the sentence tells, the one person it has named
                named = self._people_named_before(head)
                if len(named) == 1:
                    return named
            if lower in {"it", "they"} and head.dep_ in {"nsubj", "nsubjpass"}:
                # "India has placed no order since it bought Swedish guns": the subject of a
                # subordinate clause is the main clause's, when that names a state or body
                main = self._main_clause_subject(head.head, head.i)
                named = [a for a in self.resolve(main) if a.is_known] if main is not None else []
                # ("the United States ... announced it was lifting": a state's name is one party)
                plural = main is not None and main.tag_ in {"NNS", "NNPS"} and not (
                    len(named) == 1 and named[0].country and not named[0].sectors)
                if named and not named[0].name and (lower == "they") == plural:
                    return named
            if lower == "it" and head.dep_ in {"dobj", "dative"}:
                # "wrote to Malta asking it to let the vessel in": the state just named
                named = self._country_named_before(head, head.sent.start, heads_only=True)
                if named is not None:
                    return [Actor.build(named, (), None, "it")]
            if lower in {"its", "their"} and head.dep_ == "poss" and head.head.dep_ not in {"nsubj", "nsubjpass"}:
                # "Canberra tore up its order": the owner in an object is the clause's subject
                owners = [a for a in self._clause_subject_before(head) if a.is_known]
                if owners:
                    return owners
            if lower in {"his", "her"} and head.dep_ == "poss":
                named = self._one_person_named_before(head) or self._participle_doer(head)
                if named:
                    return named
            # ("Its troops had closed the bridges": the owner in a subject is the subject before)
            return self._pronoun(lower, head.dep_ in {"nsubj", "nsubjpass"} or (
                head.dep_ == "poss" and head.head.dep_ in {"nsubj", "nsubjpass"}))
        tokens = noun_phrase_tokens(head)
        mentions = self._mentions_in(tokens, head)
        if head.i not in self.mentions and head.pos_ != "PROPN":
            # "a general strike", "military exercises": a role word used as an adjective on a
            # thing names no one
            mentions = [m for m in mentions if m.kinds() != {"role"} or not all(
                self.doc[i].pos_ == "ADJ" for i in range(m.start, m.end))]
        if head.i not in self.mentions and any(ch.isdigit() for ch in head.text) and mentions and all(
                m.kinds() == {"body"} and m.end <= head.i
                and all(self.doc[i].dep_ == "compound" for i in range(m.start, m.end)) for m in mentions):
            # "the Airbus A321", "a Boeing 737": a maker's name before a model mark names the
            # product, which does nothing
            return []
        # ("Xinhua news agency": the agency named before the noun that says what it is)
        media_head = head.i in self.mentions and any(
            MEDIA in e.sectors for e in self.mentions[head.i].entries if e.kind == "role")
        agency = next((m for m in mentions if "agency" in m.kinds() and (
            m.start <= head.i < m.end or media_head)), None)
        if agency is not None:
            # a news agency reports, it does not act ("Reuters reported" is masked before
            # parsing); named otherwise it is its state's media: "KCNA" is PRKMED
            state = next((e.country for e in agency.entries if e.kind == "agency" and e.country), None)
            return [Actor.build(state, (MEDIA,), None, phrase_text(head, tokens))] if state else []
        pair = self._pair_reference(head, tokens)
        if pair:
            return pair
        guest = self._guest_reference(head)
        if guest is not None:
            return [_retext(guest, phrase_text(head, tokens))]
        if head.tag_ in {"NNS", "NNPS"} and head.i not in self.mentions or (
                head.i in self.mentions and self.mentions[head.i].kinds() == {"role"}):
            # "delegations from the two countries", "officials of both sides": the pair's people
            for pobj in preposition_objects(head, ("from", "of")):
                owners = self._pair_reference(pobj, noun_phrase_tokens(pobj))
                if owners:
                    return [_retext(o, phrase_text(head, tokens)) for o in owners]
        half = self._divided_state_reference(head, tokens)
        if half is not None:
            return [half]
        group = self._group_reference(head, tokens)
        if group is not None:
            return [group]
        coordinated = (self._coordinated_nationals(head, tokens, mentions)
                       or self._coordinated_people(head, tokens, mentions))
        if coordinated:
            return coordinated
        members = self._region_members(head, tokens, mentions)
        if members:
            return members
        role = self._role_entry(head)
        owned = of_object(head)
        coordinated_owners = _coordinated_of_objects(head)
        if role is not None and len(coordinated_owners) > 1:
            # "the navies of India, the US and Japan", "the foreign ministers of the Democratic
            # Republic of Congo and Rwanda" (the parser may hang each state on "of"): one actor
            # per state, with the role
            owners = [a for t in coordinated_owners for a in self.actors(t, expand_conj=False)]
            return [self._with_sectors(a, role.sectors, head) for a in owners]
        actor = self._compose(head, tokens, mentions)
        if actor is None and (head.pos_ == "NUM" or head.lemma_.lower() in PARTITIVES):
            owned = of_object(head)
            if owned is not None:
                return self.resolve(owned)
        if actor is None:
            followers = self._followers(head)
            if followers:
                return followers
            owned = of_object(head)
            if owned is not None and self._role_entry(head) is not None:
                inner = self.actors(owned)  # "the navies of India, the US and Japan"
                role = self._role_entry(head)
                return [self._with_sectors(a, role.sectors, head) for a in inner]
            return []
        return [actor]

    def _associated_only(self, mention: Mention) -> bool:
        doc = self.doc
        end, start = mention.end, mention.start
        # "al-Qaeda-linked rebels", and "pro-Russia rebels", "anti-American protesters": a side
        # taken for or against, not who they are
        return (end + 1 < len(doc) and doc[end].text == "-"
                and doc[end + 1].lower_ in ASSOCIATION_WORDS) or (
            start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in STANCE_PREFIXES)

    def _brokers(self, mention: Mention) -> bool:
        doc, end = self.doc, mention.end
        return end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lemma_.lower() in MEDIATING_PARTICIPLES

    def _region_members(self, head: Token, tokens: list[Token], mentions: list[Mention]) -> list[Actor]:
        """'The three Baltic states', 'Central Asian leaders', 'the presidents of the five
        Central Asian republics': each state of a region whose membership is fixed, with the
        role's sectors (only a state's offices: "Central Asian migrants" are no state's act)."""
        if head.tag_ not in {"NNS", "NNPS"}:
            return []
        role = self._role_entry(head)
        if role is not None and not set(role.sectors) & STATE_OFFICE_SECTORS:
            return []
        owned = of_object(head) if role is not None else None
        if owned is not None:
            states = self._region_states(owned, self._mentions_in(noun_phrase_tokens(owned), owned), None)
            text = head.text
        else:
            states = self._region_states(head, mentions, role)
            text = phrase_text(head, tokens)
        sectors = tuple(role.sectors[:3]) if role is not None else ()
        side = [Actor.build(country, sectors, None, text) for country in states]
        if side:
            self._region_sides.append(side)
        return side

    def _region_states(self, head: Token, mentions: list[Mention], role: Entry | None) -> tuple[str, ...]:
        """The member states of the one region of fixed membership a plural phrase names."""
        if head.tag_ not in {"NNS", "NNPS"}:
            return ()
        if role is None and head.lemma_.lower() not in REGION_STATE_NOUNS and not (
                head.i in self.mentions and self.mentions[head.i].kinds() == {"region"}):
            return ()   # ("the Baltic states", and "the Baltics" itself)
        kinds = {k for m in mentions for k in m.kinds()}
        if kinds - {"region", "role"}:
            return ()   # ("Nordic and Baltic defence ministers met Hegseth": no state named as well)
        regions = [e for m in mentions for e in m.entries if e.kind == "region" and e.members]
        if len(regions) != 1 or (role is not None and regions[0].igo):
            return ()   # (a region's leaders meeting as its bloc are the bloc)
        return regions[0].members

    def _coordinated_nationals(self, head: Token, tokens: list[Token],
                               mentions: list[Mention]) -> list[Actor]:
        """'the Chinese and Indian foreign ministers': one actor per coordinated state."""
        national = [t for t in tokens if t != head and t.dep_ in {"amod", "compound", "conj", "nmod"}
                    and any(e.kind in NATIONAL_KINDS for e in self._entries_at(t))]
        if len(national) < 2 or not any(t.dep_ == "conj" for t in national):
            return []
        if any("person" in m.kinds() for m in mentions):
            return []
        role = self._role_entry(head)
        sectors = list(role.sectors) if role is not None and role.sectors != (COUNTERPART,) else []
        actors = []
        for token in national:
            country = next(e.country for e in self._entries_at(token) if e.kind in NATIONAL_KINDS)
            actor = Actor.build(country, tuple(sectors[:3]), None, phrase_text(head, tokens))
            if actor not in actors:
                actors.append(actor)
                self.context.note(actor, False)
        return actors if len(actors) > 1 else []

    def _coordinated_people(self, head: Token, tokens: list[Token], mentions: list[Mention]) -> list[Actor]:
        """"Serbian President Aleksandar Vucic and Kosovo Prime Minister Avdullah Hoti" parsed
        as one phrase (the first name hung on the second): one actor per named person."""
        if head.pos_ != "PROPN" or not any(_names_person(m) for m in mentions):
            return []
        span = sorted(tokens, key=lambda t: t.i)
        joints = [t for t in self.doc[span[0].i:span[-1].i] if t.lower_ == "and"]
        if len(joints) != 1 or joints[0].i < span[0].i:
            return []
        before = [t for t in span if t.i < joints[0].i]
        after = [t for t in span if t.i > joints[0].i]
        actors = []
        for part in (before, after):
            names = [t for t in part if t.pos_ == "PROPN"]
            if not names or (len(names) == 1 and names[0].dep_ == "conj"):
                return []
            part_mentions = [m for m in mentions if any(m.start <= t.i < m.end for t in part)]
            if not any(_names_person(m) for m in part_mentions):
                return []
            actor = self._compose(names[-1], part, part_mentions)
            if actor is None or not actor.is_known:
                return []
            actors.append(actor)
        return actors if not actors[0].same_entity(actors[1]) else []

    def _entries_at(self, token: Token) -> tuple[Entry, ...]:
        mention = self.mentions.get(token.i)
        return mention.entries if mention is not None else ()

    def _mentions_in(self, tokens: list[Token], head: Token | None = None) -> list[Mention]:
        seen: list[Mention] = []
        related = _related_state_tokens(head) if head is not None else set()
        for token in tokens:
            mention = self.mentions.get(token.i)
            if mention is None or mention in seen or token.i in self.masked:
                continue
            if token.i in related:
                continue    # "Russia's Baltic neighbours" are not Russia
            if "role" in mention.kinds() and _inside_modifier(token):
                # "government-held", "army-backed": a role inside a describing adjective is
                # not who the phrase names
                continue
            if self._associated_only(mention) and not (
                    head is not None and mention.start <= head.i < mention.end and self._brokers(mention)):
                # "al-Qaeda-linked rebels", "Iran-backed militias": an associate, not the group
                # (though "U.S." asked about as the broker of "a U.S.-brokered deal" is the US)
                continue
            seen.append(mention)
        return seen

    def names_body(self, head: Token) -> bool:
        """Whether a phrase's head is a body's role noun ("Nkurunziza's government"), whatever
        person it is tied to."""
        entry = self._role_entry(head)
        return entry is not None and entry.role_kind == "body"

    def _role_entry(self, head: Token) -> Entry | None:
        mention = self.mentions.get(head.i)
        if mention is None:
            return None
        return next((e for e in mention.entries if e.kind == "role"), None)

    def _compose(self, head: Token, tokens: list[Token], mentions: list[Mention]) -> Actor | None:
        text = phrase_text(head, tokens)
        person = igo = None
        igo_start = state_start = len(self.doc)
        countries: list[str] = []
        possessor_country: str | None = None
        sectors: list[str] = []
        owner_sectors: list[str] = []
        body_sectors: list[str] = []
        office = None
        office_title: Mention | None = None
        person_like = False
        counterpart = False
        own_code: str | None = None
        #: states named other than by one of their bodies ("Colombian", "Russia's")
        states_by_name: set[str] = set()
        head_mention = self.mentions.get(head.i)
        ordered = sorted(mentions, key=lambda m: (m is not head_mention, abs(m.start - head.i)))
        generic_head = head_mention is None or all(
            e.kind == "role" and e.role_kind != "person" for e in head_mention.entries)
        pronoun_owner = next((t for t in tokens if t.dep_ == "poss" and t.tag_ == "PRP$" and t != head), None)
        # "Rear Admiral Roy Vincent Trinidad": a state's name after a title and given names the
        # gazetteer does not know is a surname
        surname = head_mention is not None and head_mention.start == head.i and any(
            e.kind == "country" for e in head_mention.entries) and head.i > 0 and (
            self.doc[head.i - 1].dep_ == "compound" and self.doc[head.i - 1].pos_ == "PROPN"
            and head.i - 1 not in self.mentions) and any(
            e.kind == "role" and e.role_kind == "person" for m in mentions for e in m.entries)
        # "Washington, long Riyadh's main security partner": a state named at the head keeps
        # its own state; what its apposition says of it names no other
        described = {t.i for c in head.children if c.dep_ == "appos" for t in c.subtree} if (
            head_mention is not None and any(e.kind in {"country", "city"} for e in head_mention.entries)) else set()
        # the states the phrase names itself ("Canada's CSIS"), to tell apart bodies of one name
        named_states = frozenset(e.country for m in mentions for e in m.entries
                                 if e.kind in NATIONAL_KINDS and e.country)
        # ("the destroyer USS Carney", "HMAS Ballarat": a warship, named after a person or a town)
        ship = any(t.text.isupper() and t.lower_ in SHIP_PREFIXES for t in tokens)
        for mention in ordered:
            if surname and mention is head_mention:
                continue
            if mention.start in described:
                continue
            for entry in self._by_story_states(self._seat_or_capital(mention.entries), named_states):
                if ship and entry.kind in {"person", "city"}:
                    continue
                if entry.kind == "person" and person is None:
                    candidates = [e.person for e in mention.entries if e.kind == "person"]
                    if self._someone_else(mention, candidates):
                        continue
                    named = self.context.people.get(mention.text)
                    earlier = named.name if named is not None else self._full_name_before(mention.text, mention.start)
                    # "Morales" after "Evo Morales" is Evo, whoever else of that name was in
                    # office that day ("Mohamad" after "Mohamad Hasan" is not Mahathir Mohamad)
                    person = (earlier if earlier is not None and (
                        earlier in candidates or mention.text in earlier.split())
                              else self.gaz.person_for_date(candidates, self.context.date))
                elif entry.kind == "igo" and igo is None:
                    if mention is not head_mention and head_mention is not None and any(
                            e.kind == "country" for e in head_mention.entries):
                        continue  # "NATO-member Norway", "OPEC member Nigeria": the state
                    if mention.text.lower() in SHARED_ORGAN_NAMES and any(
                            m is not mention and any(e.kind == "igo" for e in m.entries) for m in mentions):
                        continue  # "the OAS General Assembly": the organisation named with it
                    igo, igo_start = entry.igo, mention.start
                elif (entry.kind == "region" and entry.igo and igo is None and mention is not head_mention
                      and head.tag_ in {"NNS", "NNPS"}):
                    # the leaders or ministers of a region with a bloc of its own meet as that bloc
                    # ("West African leaders imposed sanctions on Niger": ECOWAS)
                    igo, igo_start = entry.igo, mention.start
                elif entry.kind in STATE_KINDS:
                    if entry.kind == "body" and entry.person and own_code is None and (
                            mention is head_mention or generic_head):
                        # "the al-Qaeda terror network", "the Taliban faction": the group's own code
                        own_code = entry.person
                    if entry.country and entry.country not in countries:
                        countries.append(entry.country)
                    if entry.kind != "body" and entry.country:
                        states_by_name.add(entry.country)
                    if entry.kind in {"country", "adjective"} and mention is not head_mention:
                        state_start = min(state_start, mention.start)
                    if any(self.doc[i].dep_ == "poss" for i in range(mention.start, mention.end)):
                        possessor_country = possessor_country or entry.country
                    _extend(sectors, entry.sectors)
                    _extend(owner_sectors, entry.sectors)
                elif entry.kind == "role":
                    if entry.sectors == (COUNTERPART,):
                        counterpart = True
                        continue
                    _extend(sectors, entry.sectors)
                    if mention is not head_mention and entry.role_kind in {"body", "group"}:
                        _extend(body_sectors, entry.sectors)
                    if office is None and entry.office:
                        office, office_title = entry.office, mention
                    # "23 Russian diplomats" are people, but not the one "she" refers to
                    person_like = person_like or (entry.role_kind == "person"
                                                  and head.tag_ not in {"NNS", "NNPS"})
        if any(t.lemma_.lower() in STAFF_NOUNS for t in tokens) and (owner_sectors or body_sectors):
            # "a spokesman of the Ethiopian National Defence Force", "an army spokesman" speak
            # for the force: MIL
            sectors = list(owner_sectors or body_sectors)
        whose = next((t for t in tokens if t.dep_ == "poss" and t.lower_ == "whose"), None)
        if whose is not None and igo is None and person is None and not countries and sectors:
            # "the Economic Community of West African States, whose leaders demanded ...": the
            # leaders of the body the clause describes
            owner = self._relative_antecedent(whose)
            if owner is not None:
                igo, possessor_country = owner.igo, owner.country
        if igo is None and person is None and not countries:
            igo = self._organisation_described(head, tokens)
        if head.lemma_.lower() == "fighter" and any(
                AIRCRAFT_DESIGNATION.match(t.text) or t.like_num
                or (t.pos_ == "PROPN" and t.dep_ == "compound" and t.i not in self.mentions)
                for t in tokens if t != head):
            # "Turkish F-16 fighters", "French Mirage 2000-5 fighters" are warplanes, not
            # militants: a type's name or number is no group's
            sectors = [MILITARY]
        if "GOV" in sectors and any(e.kind == "body" and set(e.sectors) & (ARMED_GROUP_SECTORS | PARTY_SECTORS)
                                    and "GOV" not in e.sectors for m in mentions for e in m.entries):
            # "the Hezbollah leader", "the Houthi leader", "the leader of the Labour Party": a
            # leader of an armed group or a party holds no state office by it; the group's code
            # says who he is
            sectors.remove("GOV")
        if "GOV" in sectors and set(sectors) & {MILITARY, "REB", UNIDENTIFIED} and any(
                e.kind == "body" and e.sectors == ("GOV",) for m in mentions for e in m.entries):
            # "Taliban fighters" once the Taliban govern: a government's armed men are its forces
            sectors = [MILITARY] + [s for s in sectors if s not in {"GOV", MILITARY, "REB", UNIDENTIFIED}]
        if "GOV" in sectors and office and "GOV" not in self.gaz.sectors_of_office(office) and any(
                e.kind == "body" and e.sectors == ("GOV",) for m in mentions for e in m.entries):
            # "Taliban intelligence chief", "the Taliban's police chief": a government named as a
            # body says whose office it is; the office says what its holder is (SPY, COP, JUD)
            sectors.remove("GOV")
        if UNIDENTIFIED in sectors and any(e.kind == "body" and e.sectors and UNIDENTIFIED not in e.sectors
                                           for m in mentions for e in m.entries):
            # "Abu Sayyaf gunmen", "Taliban attackers": the group names who they are; the role
            # noun only says what they did
            sectors.remove(UNIDENTIFIED)
        firm = next((e for m in mentions if m is not head_mention for e in m.entries
                     if e.kind == "body" and set(e.sectors) & PRIVATE_SECTORS), None)
        if firm is not None and office and person is None:
            # "Huawei's finance chief", "the broadcaster's director general": a firm's officer,
            # whatever the title, holds no office of the state
            sectors, office = list(firm.sectors), None
        if firm is not None and person is not None:
            # "ADNOC chief Sultan al-Jaber": of a minister who also runs a firm, the firm's
            # title names the post he acts in, and says what he is, whatever the title ("Boeing
            # defense chief Leanne Caret", "Huawei's finance chief, Meng Wanzhou")
            sectors, office = list(firm.sectors), COMPANY_OFFICE
        if any(t.dep_ == "det" and t.lower_ in INDEFINITE_ARTICLES and t.head == head for t in tokens):
            office = None   # "an opposition leader", "a Somali rebel leader": one of them, no one known
        former = any(t.lower_ in FORMER_WORDS for t in tokens)
        if former and person is None and set(sectors) & STATE_ORGAN_SECTORS and not set(sectors) & (
                ARMED_GROUP_SECTORS | PARTY_SECTORS):
            # "a former Pakistani prime minister", "a former Indian army chief": out of office,
            # an elite, and not whoever holds the office now
            sectors = [FORMER_OFFICIAL_SECTOR] + [s for s in sectors if s not in STATE_ORGAN_SECTORS]
            office = None
        if person is not None and sectors and igo is None and countries:
            known_state = self.gaz.person_actor(person, self.context.date, text).country
            term = self.gaz.term_on(person, self.context.date)
            if known_state and known_state not in countries and (term is None or term.office != office) and (
                    states_by_name or term is None):
                # "Colombian Defence Minister Pedro Sanchez": the title's state and office say
                # the man is a namesake of the one the gazetteer knows (Spain's prime minister);
                # a body's initials say less than a term in office ("CBI Governor Mohammad Reza
                # Farzin" heads the Central Bank of Iran, not India's Central Bureau of Investigation)
                person = None
        if person is not None and office is None and GOVERNMENT_SECTOR in sectors and self.context.date:
            # "Crown Prince Mohammed bin Salman", defence minister too: a political title of no
            # listed office says which office held that day the man acts in, when it is of the
            # same sectors (a rank does not: "General Abdel Fattah al-Burhan" heads the state)
            office = next((t.office for t in self.gaz.terms.get(person, []) if t.covers(self.context.date)
                           and self.gaz.sectors_of_office(t.office) == tuple(sectors[:3])), None)
        if person is not None:
            actor = self.gaz.person_actor(person, self.context.date, text, office)
            term = self.gaz.term_on(person, self.context.date, office)
            out_of_office = term is None
            if out_of_office and igo is not None and sectors:
                # "the EU's special representative, Miroslav Lajcak": a former minister now
                # serving an organisation speaks for it
                actor = Actor.build(None, tuple(s for s in sectors[:3] if s != "GOV"), person, text, igo=igo)
            elif (out_of_office or _names_portfolio(office_title) and term.office != office
                  and set(sectors[:3]) & set(actor.sectors)) and sectors and actor.country and not former:
                # "CIA Director Mike Pompeo" before he was Secretary of State: outside his
                # recorded terms, the title the text gives him says what he is; so does a
                # portfolio's title naming another of his offices in the same branch ("Economy
                # Minister Etienne Schneider", Luxembourg's defence minister too; but a civilian
                # "Chief of Staff" is no army chief)
                actor = Actor.build(actor.country, tuple(sectors[:3]), person, text)
            self._remember_name(head, tokens, actor)
            self.context.note(actor, True)
            return actor
        known = self._known_name(head, tokens)
        if known is not None and not countries and igo is None:
            self.context.note(known, True)
            return _retext(known, text)
        if counterpart and not sectors and self.context.last_person is not None:
            sectors = list(self.context.last_person.sectors)
            person_like = True
        if pronoun_owner is not None and not countries and not counterpart and sectors:
            # "its ambassador", "their government": the owner's state
            # ("thanked Pakistan and its air force": the conjunct before it owns it)
            joined = head.head if head.dep_ == "conj" and head.head.i < head.i and pronoun_owner.lower_ in {
                "its", "their"} else None
            owners = ([a for a in self.resolve(joined) if a.country] if joined is not None else []) \
                or self._clause_subject_before(pronoun_owner) or self._one_person_named_before(pronoun_owner) \
                or self._pronoun(
                pronoun_owner.lower_, head.dep_ in {"nsubj", "nsubjpass"})
            if owners and owners[0].country:
                possessor_country = owners[0].country
        state_owner = next((t for t in tokens if t.dep_ == "poss" and t.lemma_.lower() in self.gaz.state_nouns
                            and t != head), None)
        if state_owner is not None and not countries and igo is None and sectors:
            # "the country's military government": the state last named
            possessor_country = self._country_named_before(state_owner)
        divided_owner = next((t for t in tokens if t.dep_ == "poss" and t != head and t.lower_ in {"north", "south"}),
                             None)
        if divided_owner is not None and not countries and igo is None and sectors:
            # "the North's foreign ministry": the half of the divided state named before
            half = self._divided_state_reference(divided_owner, noun_phrase_tokens(divided_owner))
            possessor_country = half.country if half is not None else possessor_country
        residence = self._residence(head, mentions)
        if residence is not None and possessor_country is None:
            # CAMEO codes an ethnic group by its state of residence, the people in the sector
            # slot: "Bosnian Serbs" BIHSRB
            possessor_country, people = residence
            if people != possessor_country and people not in sectors:
                sectors.insert(0, people)
        country = possessor_country or (countries[0] if countries else None)
        if (not sectors and igo is None and head_mention is not None and head_mention.text in self.gaz.capitals
                and len([m for m in mentions if m.start not in described]) == 1 and _acting(head)):
            # "Beijing protested", "Moscow's decision": a capital that acts is its government
            # (one attacked or visited is the place)
            sectors = ["GOV"]
        if country is not None and self._named_by_people_only(mentions):
            # "Yoruba leaders", "Tigrayan forces": a people's leaders and fighters are not its
            # state's government and army
            sectors = [PEOPLE_SECTORS.get(s, s) for s in sectors if PEOPLE_SECTORS.get(s, s)]
        if country is None and igo is None and sectors and not own_code:
            # "a court in Guyana", "the embassy in Kabul": an institution's place names its state
            # (not an international organisation's: "Amnesty International in Nigeria")
            # (but an envoy's post is no state of his: "Ambassador Robin Bernstein in Santo
            # Domingo" speaks for the state that sent him)
            envoy = any(t.lower_ in ENVOY_TITLES or t.lemma_.lower() in ENVOY_TITLES for t in tokens)
            country = (None if envoy else self._place_of(head)) or self._allegiance(head) or self._speaking_from(head)
        if country is None and igo is None and not own_code:
            principal = self._principal(tokens)
            if principal is not None:
                actor = Actor.build(principal.country, principal.sectors or tuple(sectors[:3]), None, text,
                                    igo=principal.igo)
                self._remember_name(head, tokens, actor)
                self.context.note(actor, person_like)
                return actor
        if country is None and igo is None:
            if not sectors:
                return self._state_description(head, tokens)
            if own_code:
                # an international body with a code of its own ("NGOHRI"): no state to add
                actor = Actor(own_code, None, tuple(sectors[:3]), None, text)
                self.context.note(actor, False)
                return actor
            titled = (self.gaz.holders_named(office, head.text, self.context.date)
                      if office and head.pos_ == "PROPN" and self.context.date else set())
            given = self._given_name(head) if titled else None
            if given is not None:
                # ("Trade Minister Sonsoles Garcia" is not Guatemala's Gabriela Garcia)
                titled = {name for name in titled if given.text in name.split()}
            if len(titled) == 1:
                # "Premier Li", "Defence Minister Singh": a title and a surname too common to
                # stand alone, which one holder of that office bore on the day
                actor = self.gaz.person_actor(titled.pop(), self.context.date, text, office)
                self._remember_name(head, tokens, actor)
                self.context.note(actor, person_like)
                return actor
            actor = self._definite_reference(head, sectors, text)
            if actor is None:
                actor = _stateless(tuple(sectors[:3]), text)
            self.context.note(actor, person_like)
            return actor
        name = None
        if office and country and self.context.date:
            name = self.gaz.holder_of(country, office, self.context.date)
            unlisted = self._unlisted_name(head) if name and head.pos_ == "PROPN" else None
            if unlisted and " " in unlisted and not set(unlisted.split()) & set(name.split()):
                # ("Syed Noman Ali, vice chief of the air staff": another person than its holder)
                name = unlisted
        if name is None and person_like:
            name = self._unlisted_name(head)
        if own_code:
            # a group with a code of its own ("IMGMUSISI"), counted under its base state
            actor = Actor(own_code, country, tuple(sectors[:3]), name, text)
        elif igo is not None and possessor_country is None and not (country and state_start < igo_start):
            # (but "the Palestinian UN envoy", "the Armenian Security Council": a state's own
            # delegate or organ, its state named first)
            if "GOV" in sectors:
                # "the NATO Secretary General", "the ICC President", "U.N. officials", "EU
                # leaders" are the organisation's own voice, coded as the organisation, as its
                # holder is when named ("Antonio Guterres" IGOUNO)
                sectors.remove("GOV")
            # ("the ICC prosecutor": IGOJUDICC already says it is a court)
            sectors = [s for s in sectors if s not in igo[3:]]
            actor = Actor.build(None, tuple(sectors[:3]), name, text, igo=igo)
        else:
            actor = Actor.build(country, tuple(sectors[:3]), name, text)
        self._remember_name(head, tokens, actor)
        self.context.note(actor, person_like)
        return actor

    @staticmethod
    def _named_by_people_only(mentions: list[Mention]) -> bool:
        """Whether the only state in a phrase comes from a people's name."""
        kinds = {e.kind for m in mentions for e in m.entries if e.country}
        return "people" in kinds and not kinds & (STATE_KINDS - {"people"})

    def _residence(self, head: Token, mentions: list[Mention]) -> tuple[str, str] | None:
        """A people named by where they live, which CAMEO codes them by: "Bosnian Serbs",
        "Iraqi Kurds", "Albanians of southern Serbia", "ethnic Albanians in Macedonia", and
        their roles ("Bosnian Serb leaders"). The state of residence and the people's code."""
        head_mention = self.mentions.get(head.i)
        if head_mention is not None and head.tag_ in {"NNS", "NNPS"} and any(
                e.kind in DEMONYM_KINDS for e in head_mention.entries):
            people = head_mention
        else:
            # the people named just before a role noun: "Bosnian Serb leaders"
            people = next((m for m in mentions if m.end == head.i and any(
                e.kind in DEMONYM_KINDS for e in m.entries)), None)
            if people is None or not any(m.end == people.start and any(
                    e.kind in NATIONAL_KINDS for e in m.entries) for m in mentions):
                return None
        code = next(e.country for e in people.entries if e.kind in DEMONYM_KINDS)
        for mention in mentions:
            if mention is not people and mention.start < people.start and any(
                    e.kind in NATIONAL_KINDS for e in mention.entries):
                return next(e.country for e in mention.entries if e.kind in NATIONAL_KINDS), code
        if people is not head_mention:
            return None
        ethnic = any(c.lower_ == "ethnic" for c in head.children)
        holders = [head]
        if ethnic and head.dep_ in {"nsubj", "nsubjpass"}:
            # "ethnic Albanians demonstrated in Serbia": where the people act is where they live
            holders.append(head.head)
        for holder in holders:
            for child in holder.children:
                if child.dep_ == "prep" and (child.lower_ == "of" and holder is head
                                             or ethnic and child.lower_ in {"in", "across", "throughout"}):
                    for pobj in (c for c in child.children if c.dep_ == "pobj"):
                        place = self.place_at(pobj)
                        if place is not None:
                            return place[1], code
        return None

    def _unlisted_name(self, head: Token) -> str | None:
        """A person's name that no gazetteer lists: the capitalised proper nouns ending at the
        head of a titled phrase ("Deputy Secretary of Energy Jeffrey Kupfer")."""
        if head.pos_ != "PROPN" or head.i in self.mentions:
            return None
        words = [head]
        for child in sorted(head.children, key=lambda t: -t.i):
            if child.dep_ in {"compound", "flat"} and child.i == words[0].i - 1 and child.pos_ == "PROPN" \
                    and child.is_title and child.i not in self.mentions:
                words.insert(0, child)
        return " ".join(t.text for t in words)

    def _given_name(self, surname: Token) -> Token | None:
        """The given name written before a surname ("Hamid" in "Hamid Nouri"): a capitalised
        proper noun compounded with it that is neither a title nor a name of its own."""
        before = surname.doc[surname.i - 1] if surname.i > 0 else None
        if (before is None or before.dep_ != "compound" or before.head != surname or before.pos_ != "PROPN"
                or not before.is_title or before.lower_ in NOT_NAME_PARTS
                or before.i in self.mentions and any(e.kind != "person" for e in self.mentions[before.i].entries)
                or before.lower_.rstrip(".") in HONORIFICS):
            return None
        return before

    def _someone_else(self, mention: Mention, candidates: list[str]) -> bool:
        """Whether a short name the gazetteer gives to office holders names another person
        here: "Hamid Nouri" (or a later bare "Nouri" after him) is not Khaled Nouri."""
        if mention.end - mention.start != 1:
            return False
        surname = self.doc[mention.start]
        named = [surname] + [t for t in self.doc[:mention.start] if t.text == surname.text]
        for token in named:
            given = self._given_name(token)
            # ("Mevlüt Çavuşoğlu" is the gazetteer's "Mevlut Cavusoglu", written with accents)
            if given is not None and not any(strip_accents(given.text) in strip_accents(candidate).split()
                                             for candidate in candidates):
                return True
        return False

    def _remember_name(self, head: Token, tokens: list[Token], actor: Actor) -> None:
        """Keep a named person's surname so later bare mentions find the same actor."""
        if not actor.name and actor.is_known and (actor.sectors or actor.igo):
            # ("Hamid Nouri, a former Iranian prison official": a person no gazetteer lists,
            # whom a later "Nouri" means; "Huawei's finance chief, Meng Wanzhou": "Meng")
            for surname in (head, *(c for c in head.children if c.dep_ == "appos")):
                given = self._given_name(surname) if surname.pos_ == "PROPN" else None
                if given is not None:
                    # (a Chinese firm's officer may be named either way round)
                    for short in (surname, given) if actor.country in FAMILY_NAME_FIRST else (surname,):
                        self.context.people.setdefault(short.text, actor)
        name = actor.name if actor.name and head.pos_ == "PROPN" else None
        if name:
            words = name.split()
            self.context.people[name] = actor
            self.context.people[words[-1]] = actor
            # "Sheikh Abdullah bin Zayed Al Nahyan" is "Sheikh Abdullah" after the first
            # mention, "Mohamad Hasan" is "Mohamad": where a name is shortened to the given
            # name, the story's own first mention tells whom it means
            self.context.people.setdefault(words[0], actor)

    def _mentions_before(self, before: int, since: int = 0) -> Iterator[Mention]:
        """The mentions at the words before ``before`` (from ``since`` on), nearest first."""
        low = bisect_left(self._mention_indices, since)
        high = bisect_left(self._mention_indices, before)
        for index in reversed(self._mention_indices[low:high]):
            yield self.mentions[index]

    def _full_name_before(self, word: str, before: int) -> str | None:
        """The known person named in full earlier in the text whose name holds a word
        ("Mohamad Hasan ... Mohamad"), in reading order."""
        if " " in word:
            return None
        for mention in self._mentions_before(before):
            for entry in mention.entries:
                if entry.kind == "person" and entry.person and " " in entry.person and (
                        word in entry.person.split()) and mention.text != word:
                    return entry.person
        return None

    def _known_name(self, head: Token, tokens: list[Token]) -> Actor | None:
        if head.pos_ != "PROPN":
            return None
        known = self.context.people.get(head.text)
        if known is None and head.i not in self.mentions:
            # "Lee" after "Lee Jong-sup", whether or not a rule has asked about him yet
            person = self._full_name_before(head.text, head.i)
            if person is not None:
                known = self.gaz.person_actor(person, self.context.date, head.text)
        return known

    def _participle_doer(self, token: Token) -> list[Actor]:
        """The one person who does what a participle clause says, its governing clause's
        subject: "Bashir asked Putin ..., using his first visit to Russia" (Bashir)."""
        verb = token.head
        while verb.pos_ not in {"VERB", "AUX"} and verb.head != verb:
            verb = verb.head
        if verb.tag_ != "VBG" or verb.dep_ not in {"advcl", "xcomp"} or any(
                c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
            return []
        governor, subject = verb.head, None
        for _ in range(4):    # (through subjectless clauses it hangs on: "asked Putin to protect ...")
            subject = next((c for c in governor.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subject is not None or governor.dep_ not in {"xcomp", "advcl", "conj"}:
                break
            governor = governor.head
        if subject is None or subject.i > token.i or subject.pos_ == "PRON":
            return []
        found = self.resolve(subject)
        return found if len(found) == 1 and found[0].name else []

    def _clause_subject_before(self, token: Token) -> list[Actor]:
        """The subject of the clause a word sits in, when it comes before the word: the usual
        owner of a possessive pronoun ("Turkey recalled its ambassador")."""
        verb = token.head
        while verb.pos_ not in {"VERB", "AUX"} and verb.head != verb:
            verb = verb.head
        for child in verb.children:
            if child.dep_ in {"nsubj", "nsubjpass"} and child.i < token.i and child.pos_ != "PRON" and not (
                    child.left_edge.i <= token.i <= child.right_edge.i):   # (not "one of its jets" itself)
                if token.lower_ == "its" and child.tag_ == "NNS" and verb.dep_ == "ccomp" and (
                        verb.head.i < verb.i):
                    # "Baku says Armenian units opened fire on its positions": "its" is no
                    # plural's, but the one who says so
                    reporter = next((c for c in verb.head.children if c.dep_ == "nsubj" and c.tag_ != "NNS"
                                     and c.pos_ != "PRON"), None)
                    if reporter is not None:
                        return self.resolve(reporter)
                if token.lower_ == "its" and child.tag_ == "NNS" and (
                        self._main_clause_subject(verb, token.i) is not None):
                    # "after three Russian fighters flew into its airspace": no plural's, but
                    # the main clause's subject's
                    break
                return self.resolve(child)
        pronoun = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < token.i
                        and c.lower_ in {"it", "they"} and token.lower_ in {"its", "their"}), None)
        if pronoun is not None:
            # "The Netherlands said it would send its howitzers": "its" is whoever "it" is
            named = [a for a in self.resolve(pronoun) if a.is_known]
            if named:
                return named
        # "Israeli warplanes struck targets in Syria after one of its jets was downed": the
        # main clause's subject, named before the subordinate clause
        main = self._main_clause_subject(verb, token.i)
        return self.resolve(main) if main is not None else []

    @staticmethod
    def _main_clause_subject(clause: Token, before: int) -> Token | None:
        """The subject, named before ``before``, of the main clause that a subordinate clause
        ("after ...", "since ..."), a reported clause or a relative clause on its object depends
        on; what a pronoun in the subordinate clause usually refers to."""
        # "The UN refugee agency said it was shocked": what a body says of "it" it says of itself
        reported = clause.dep_ == "ccomp" and clause.head.pos_ == "VERB" and not any(
            c.dep_ == "mark" and c.lower_ in {"if", "whether"} for c in clause.children)
        subordinate = clause.dep_ == "advcl" and any(c.dep_ == "mark" for c in clause.children)
        if clause.dep_ == "relcl" and clause.head.dep_ == "dobj":
            # "Minsk sent back 32 Russian contractors it had arrested": a clause on the object
            # tells what the object's holder did to it
            clause = clause.head
        elif not (reported or subordinate):
            return None
        speaker = clause.head
        if reported and speaker.tag_ == "VBG" and speaker.dep_ in {"advcl", "xcomp"} and not any(
                c.dep_ == "nsubj" for c in speaker.children):
            # "an accusation Bamako rejects, saying it hosts only instructors": the one who
            # says it is the subject of the clause the participle hangs on
            speaker = speaker.head
        return next((c for c in speaker.children if c.dep_ == "nsubj" and c.i < before
                     and c.pos_ != "PRON"), None)

    def with_state_of_sentence(self, actor: Actor, token: Token) -> Actor:
        """An actor of no named state, placed in the state of the story's dateline, else in the
        one state its sentence names: "President Levy Mwanawasa reneged on his commitment to the
        Zambian people" (ZMBGOV), "Islamic fundamentalists demanded the resignation of Algerian
        President Ben Bella" (DZAREL). Only for a state's institutions, politics and civil society
        (clergy, unions, students, press); rebels and civilians are left alone."""
        if (actor.country or actor.igo or not actor.code.startswith("---")
                or not set(actor.sectors) & DOMESTIC_SECTORS):
            return actor
        if any("region" in self.mentions[t.i].kinds() for t in token.subtree
               if t.i in self.mentions and t.dep_ in {"amod", "compound", "nmod"}):
            return actor    # "East African leaders, meeting without Tshisekedi": of no one state
        organisation = self._organisation_of_office(actor)
        if organisation is not None:
            # "the text asks the Secretary-General to ..." in a story of the Security Council
            return Actor.build(None, tuple(s for s in actor.sectors if s != GOVERNMENT_SECTOR),
                               actor.name, actor.text, igo=organisation)
        # the state the sentence before has just made its subject ("Tehran reacted angrily.
        # Foreign Ministry spokeswoman Marzieh Afkham condemned the strikes"), then a wire
        # story's own officials ("NEW DELHI - Foreign Secretary Vijay Gokhale summoned
        # Pakistan's envoy"), else the one state the sentence names
        only = self._state_just_named() or self.context.home or self._only_state_of_sentence(token)
        return actor if only is None else Actor.build(only, actor.sectors, actor.name, actor.text)

    def _organisation_of_office(self, actor: Actor) -> str | None:
        """The organisation an office of one (a secretary-general) named without it belongs
        to: the one the story has named most."""
        title = actor.text.lower().removeprefix("the ").strip()
        if actor.name or not any(e.office in ORGANISATION_OFFICES for e in self.gaz.roles.get(title, ())):
            return None
        # an organisation's agencies count for it ("the UN human rights office": the UN), which
        # is named by the shortest code of its family; ties go to the one named first
        mentions: Counter[str] = Counter()
        shortest: dict[str, str] = {}
        for code, n in self.context.country_counts.items():
            if code.startswith("IGO"):
                family = code[:6]
                mentions[family] += n
                shortest[family] = min(shortest.get(family, code), code, key=len)
        return shortest[max(mentions, key=mentions.__getitem__)] if mentions else None

    def _state_just_named(self) -> str | None:
        """The state the sentence just before made its subject, when it names a state or its
        government and nothing more ("Tehran reacted angrily.", "Moscow denies the charge.")."""
        body = self.context.subject_body
        if body is None or self.context.subject_body_age > 1 or not body.country:
            return None
        return body.country if set(body.sectors) <= {"GOV"} else None

    def _only_state_of_sentence(self, token: Token) -> str | None:
        """The state a sentence names, when it names exactly one (by name, demonym, city,
        institution or office holder)."""
        sentence = token.sent
        if sentence.start not in self._sentence_states:
            states: set[str] = set()
            seen: set[int] = set()
            for i in range(sentence.start, sentence.end):
                mention = self.mentions.get(i)
                if mention is None or id(mention) in seen or i in self.masked:
                    continue
                seen.add(id(mention))
                if "agency" in mention.kinds() or self._associated_only(mention):
                    continue
                for entry in mention.entries:
                    if entry.kind == "person" and entry.person in self.gaz.terms:
                        states.add(max(self.gaz.terms[entry.person], key=lambda t: t.start).country)
                    elif entry.kind in STATE_KINDS and entry.country:
                        states.add(entry.country)
                    elif entry.kind == "igo":
                        states.add(entry.igo)
            self._sentence_states[sentence.start] = next(iter(states)) if len(states) == 1 else None
        only = self._sentence_states[sentence.start]
        return only if only and not only.startswith("IGO") else None

    def _allegiance(self, head: Token) -> str | None:
        """The state of the one a group is loyal to: "militants loyal to Iraq's al-Qaeda
        leader", "fighters allied with the government of Libya"."""
        for modifier in (c for c in head.children if c.dep_ in {"amod", "acl"}
                         and (c.lemma_.lower() in ALLEGIANCE_ADJECTIVES or c.lower_ in ALLEGIANCE_ADJECTIVES)):
            for prep in (c for c in modifier.children if c.dep_ == "prep" and c.lower_ in {"to", "with"}):
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    leader = self.resolve(pobj)
                    if leader and leader[0].country:
                        return leader[0].country
        # ("soldiers led by Lieutenant Colonel Mamady Doumbouya": the state of their commander)
        for clause in (c for c in head.children if c.dep_ == "acl" and c.lemma_.lower() in LEADING_VERBS):
            for pobj in (p for a in clause.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"):
                leader = self.resolve(pobj)
                if leader and leader[0].country:
                    return leader[0].country
        return None

    def _followers(self, head: Token) -> list[Actor]:
        """"supporters of former President Ahmed Ben Bella", "followers of the cleric": people
        of the leader's state, in the leader's camp when it is an opposition or armed one."""
        if head.lemma_.lower() not in FOLLOWER_NOUNS:
            return []
        leader_token = of_object(head)
        leaders = self.actors(leader_token) if leader_token is not None else []
        if not leaders or not leaders[0].country:
            return []
        camp = tuple(s for s in leaders[0].sectors if s in CAMP_SECTORS) or (CIVILIANS,)
        return [Actor.build(leaders[0].country, camp, None, phrase_text(head, noun_phrase_tokens(head)))]

    def _principal(self, tokens: list[Token]) -> Actor | None:
        """Whom a staff member serves: "an adviser to President Zelensky", "a spokesman for
        the Ukrainian president" speak for that office holder's state and branch."""
        for staff in (t for t in tokens if t.lemma_.lower() in STAFF_NOUNS):
            for prep in (c for c in staff.children if c.dep_ == "prep" and c.lower_ in {"to", "for"}):
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    served = self.resolve(pobj)
                    if served and served[0].is_known:
                        return served[0]
        return None

    def _place_of(self, head: Token) -> str | None:
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in RESIDENCE_PREPOSITIONS:
                for pobj in (c for c in child.children if c.dep_ == "pobj"):
                    for entry in self._entries_at(pobj):
                        if entry.kind in {"country", "city"}:
                            return entry.country
                    if child.lower_ == "of":
                        # "opponents of the Venezuelan government": the state of the body
                        owners = [a for a in self.resolve(pobj) if a.country and a.sectors]
                        if owners:
                            return owners[0].country
        return None

    def _state_description(self, head: Token, tokens: list[Token]) -> Actor | None:
        """'the Gulf state', 'the island nation': the state last named; 'the kingdom', 'the
        sultanate': the state of that form last named (state_nouns.tsv)."""
        if head.lemma_.lower() not in self.gaz.state_nouns or head.tag_ not in {"NN", "NNP"}:
            return None
        forms = self.gaz.state_nouns[head.lemma_.lower()]
        owner = next((t for t in tokens if t.dep_ == "poss" and t.tag_ == "PRP$"), None)
        if owner is not None:
            # "Putin said his country will not...": the state of the one the pronoun names
            owners = self._clause_subject_before(owner) or self._one_person_named_before(owner) \
                or self._pronoun(owner.lower_)
            if owners and owners[0].country and owner.lower_ not in FIRST_PERSON_PLURAL:
                return Actor.build(owners[0].country, (), None, phrase_text(head, tokens))
            return None
        if not any(t.lower_ == "the" for t in tokens):
            return None
        # ("The UAE and Bahrain sided with the kingdom": not the clause's own subject)
        subjects = self._subject_states(head)
        story = [c for c in self.context.dyad() if c in forms]
        if forms and len(story) == 1 and story[0] not in subjects:
            # ("the kingdom" is the story's kingdom before one named in passing, when the
            # story's two main states are not both kingdoms)
            return Actor.build(story[0], (), None, head.text)
        for earlier in reversed(self.context.recent):
            if earlier.country in subjects:
                continue
            if earlier.country in forms:
                # (a form of state names its state however it was last named: "Oman's top
                # diplomat ... a trip to the sultanate")
                return Actor.build(earlier.country, (), None, head.text)
            if earlier.country and not earlier.sectors and not forms:
                return _retext(earlier, head.text)
        return None

    def _subject_states(self, head: Token) -> set[str]:
        """The states of the subject of the clause a phrase is part of, when the phrase is not in
        the subject itself and comes after it."""
        # (only for the verb's own objects: "troops fought in the country's north" may be the
        # troops' own country, "signed it during a visit to the kingdom" the signer)
        if head.dep_ in {"dobj", "obj", "dative"}:
            verb = head.head
        elif head.dep_ == "pobj" and head.head.head.pos_ in {"VERB", "AUX"}:
            verb = head.head.head
        else:
            return set()
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < head.i]
        subjects += [j for s in subjects for j in s.conjuncts]
        return {a.country for s in subjects for a in self.resolve(s) if a.country}

    def _speaking_from(self, head: Token) -> str | None:
        """The state of the city a sentence opens with, for officials of no named state who
        speak or act in what follows: "In Moscow, Deputy Foreign Minister Sergei Ryabkov
        warned", "In Washington, the attorney general said prosecutors accuse ..."."""
        if head.dep_ not in {"nsubj", "nsubjpass"}:
            return None
        clauses = [head.head]
        while clauses[-1].dep_ in {"ccomp", "conj"} and clauses[-1].head != clauses[-1]:
            clauses.append(clauses[-1].head)
        for prep in (c for clause in clauses for c in clause.children
                     if c.dep_ == "prep" and c.lower_ == "in" and c.i < head.i and c.i == c.sent.start):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                mention = self.mentions.get(pobj.i)
                country = next((e.country for e in (mention.entries if mention else ())
                                if e.kind in {"city", "seat"} and e.country), None)
                if country is not None:
                    return country
        return None

    def _relative_antecedent(self, pronoun: Token) -> Actor | None:
        """The actor a relative pronoun's clause describes: the noun the clause hangs on."""
        clause = pronoun.head
        while clause.dep_ != "relcl" and clause.head != clause:
            clause = clause.head
        if clause.dep_ != "relcl":
            return None
        described = clause.head
        if described.dep_ == "appos" and described.head.pos_ == "PROPN":
            # "Iran, Azerbaijan's southern neighbour, whose leaders": the one the apposition
            # describes, not the owner inside it
            described = described.head
        found = [a for a in self.resolve(described) if a.is_known]
        return found[0] if found else None

    def _country_named_before(self, token: Token, since: int = 0, heads_only: bool = False) -> str | None:
        """The state the text named last before a token (from ``since`` on; with
        ``heads_only``, named as a party, not as a modifier: "the U.S. ambassador"), in
        reading order."""
        for mention in self._mentions_before(token.i, since):
            if heads_only and self.doc[mention.end - 1].dep_ in {"compound", "amod", "poss", "nmod"}:
                continue
            country = next((e.country for e in mention.entries if e.kind == "country" and e.country), None)
            if country is not None:
                return country
        return None

    def _seat_or_capital(self, entries: tuple[Entry, ...]) -> tuple[Entry, ...]:
        """A name that is an organisation's seat and a state's capital ("Brussels") is that
        state's government in a story that has named the state and not the organisation."""
        organisations = [e.igo for e in entries if e.kind == "igo" and e.igo]
        capitals = [e.country for e in entries if e.kind == "city" and e.country]
        counts = self.context.country_counts
        if organisations and capitals and any(counts.get(c, 0) for c in capitals) and not any(
                counts.get(o, 0) for o in organisations):
            return tuple(e for e in entries if e.kind != "igo")
        return entries

    def _by_story_states(self, entries: tuple[Entry, ...], named: frozenset[str] = frozenset()) -> list[Entry]:
        """A name borne by bodies of several states ("the Democratic Party" of the US and South
        Korea, "CSIS" Canada's intelligence service and a US think tank) is the body of one
        state: the one the phrase itself names ("Canada's CSIS"), else the one the story has
        named most, else the first listed."""
        states = {e.country for e in entries if e.kind == "body" and e.country}
        if len(states) < 2:
            return list(entries)
        counts = self.context.country_counts
        ranked = sorted(entries, key=lambda e: (e.country not in named, -counts.get(e.country or "", 0))
                        if e.kind == "body" else (False, 0))
        chosen = next(e.country for e in ranked if e.kind == "body" and e.country)
        return [e for e in ranked if e.kind != "body" or e.country == chosen]

    def _organisation_described(self, head: Token, tokens: list[Token]) -> str | None:
        """'the bloc', 'the alliance's leaders': the international organisation named last;
        'the council': the last body named with that word, if an organisation."""
        described = next((t for t in tokens if t.lemma_.lower() in ORGANISATION_NOUNS | BODY_NOUNS
                          and (t == head or t.dep_ == "poss")
                          and any(c.lower_ == "the" for c in t.children)), None)
        if described is None:
            return None
        noun = described.lemma_.lower()
        for mention in self._mentions_before(described.i):
            if noun in BODY_NOUNS and noun not in mention.text.lower():
                continue
            igo = next((e.igo for e in mention.entries if e.kind == "igo" and e.igo), None)
            if igo is not None or noun in BODY_NOUNS:
                return igo
        return None

    def _group_reference(self, head: Token, tokens: list[Token]) -> Actor | None:
        """"The group", "the movement", and what "the group's" leaders, fighters or leadership
        are: the armed group the story named last (its leaders are the group, as CAMEO codes
        them)."""
        referring = next((t for t in (head, *(t for t in tokens if t.dep_ == "poss"))
                          if t.lemma_.lower() in GROUP_NOUNS and t.pos_ == "NOUN"
                          and {c.lower_ for c in t.children if c.dep_ not in {"case", "punct"}} == {"the"}), None)
        if referring is None or (referring == head and len(tokens) > 2) or any(
                t.pos_ == "PROPN" and t.i in self.mentions for t in tokens):
            return None     # ("the group's leader, Hassan Nasrallah": the name says who)
        # (not when an international body was named since: "the bloc", "the group of seven")
        group = next((a for a in reversed(self.context.recent)
                      if a.igo or set(a.sectors) & ARMED_GROUP_SECTORS or (a.code or "").startswith("IMG")), None)
        if group is None or group.igo:
            return None
        return _retext(group, phrase_text(head, tokens))

    def _definite_reference(self, head: Token, sectors: list[str], text: str) -> Actor | None:
        """'The defence minister' after 'Russia's defence minister': the same actor."""
        determiners = {child.lower_ for child in head.children if child.dep_ == "det"}
        body = self.context.subject_body
        titles = {t.lower_ for t in head.lefts if t.i in self.mentions} & ENVOY_TITLES
        if not determiners and head.pos_ == "PROPN" and head.i not in self.mentions and titles:
            # "Germany ordered Chad's ambassador to leave ... summoned Ambassador Mariam Ali
            # Moussa": an envoy the gazetteer does not know is the one the story gave that
            # title, of whatever state (an envoy speaks for the state that sent him, seldom
            # the one the clause is about)
            earlier = next((a for a in reversed(self.context.recent) if a.country and a.sectors
                            and titles & set(a.text.lower().split(",")[0].split())), None)
            if earlier is not None:
                return Actor.build(earlier.country, tuple(sectors[:3]), None, text)
        if (not determiners and head.pos_ == "PROPN" and head.i not in self.mentions and "GOV" in sectors
                and body is not None and self.context.subject_body_age <= 1 and body.country
                and body.sectors in {(), ("GOV",)}):
            # "Ankara saw it differently. Foreign ministry spokesman Hami Aksoy said": an
            # official the gazetteer does not know speaks for the state just named as subject
            return Actor.build(body.country, tuple(sectors[:3]), None, text)
        if "the" not in determiners:
            return None
        if any(c.dep_ == "amod" and (c.tag_ == "JJS" or c.lower_ in RANKING_WORDS) for c in head.children):
            return None     # "the first Western government to commit tanks" describes, it does not refer
        if body is not None and self.context.subject_body_age <= 1 and body.country and body.sectors \
                and tuple(sectors[:len(body.sectors)]) == body.sectors:
            # "Sudan's armed forces said ... 'This act will not pass,' the army said": the
            # subject just before, whatever noun named it
            return _retext(body, text)
        # "The Emirati foreign ministry noted ... The ministry described ...": the last actor
        # named with the same noun, before the last of the same sectors (not the one acting on
        # it: "Foreign Minister Moavero called in the envoy")
        word = head.lower_
        doers = self._clause_subject_before(head) if head.dep_ not in {"nsubj", "nsubjpass"} else []
        if sectors == ["GOV"] and head.lemma_.lower() == "government" and doers and doers[0].country and (
                set(doers[0].sectors) & HOME_CRITIC_SECTORS):
            # "the largest opposition party accused the government": its own state's
            return Actor.build(doers[0].country, ("GOV",), None, text)
        candidates = [a for a in reversed(self.context.recent)
                      if a.country and a.sectors and tuple(sectors[:len(a.sectors)]) == a.sectors
                      and not any(a.country == d.country for d in doers)]
        for earlier in candidates:
            if word in earlier.text.lower().split(",")[0].split():
                return _retext(earlier, text)
        return _retext(candidates[0], text) if candidates else None

    def _pronoun(self, lower: str, as_subject: bool = False) -> list[Actor]:
        # ("Burhan ... was received by Sisi. His intelligence chief travelled with him": the
        # owner in a subject, like the subject itself, is the one the story was just about)
        if (lower in {"he", "she"} or as_subject and lower in {"his", "her"}) and \
                self.context.subject_person is not None and self.context.subject_age <= 1:
            return [self.context.subject_person]
        if lower in PERSON_PRONOUNS and self.context.last_person is not None:
            return [self.context.last_person]
        if (lower in {"it", "its"} and as_subject and self.context.subject_body is not None
                and self.context.subject_body_age <= 1):
            return [self.context.subject_body]
        if lower in {"it", "its", "itself"} and self.context.last_body is not None:
            return [self.context.last_body]
        if lower in GROUP_PRONOUNS and self.context.last_group:
            return list(self.context.last_group)
        if lower in FIRST_PERSON_PLURAL and self.speaker is not None and self.speaker.country:
            return [Actor.build(self.speaker.country, (), None, lower)]
        return []

    def _people_named_before(self, token: Token, subjects_only: bool = False) -> list[Actor]:
        """The distinct people a token's sentence names before it (not as modifiers), nearest
        first."""
        people: list[Actor] = []
        for earlier in reversed(token.doc[token.sent.start:token.i]):
            mention = self.mentions.get(earlier.i)
            if mention is None or earlier.dep_ in {"compound", "amod", "poss"} or not _names_person(mention):
                continue
            if subjects_only and earlier.dep_ not in {"nsubj", "nsubjpass"}:
                continue
            if earlier.head.dep_ == "agent" and earlier.head.head.dep_ in {"acl", "advcl"}:
                continue    # ("accompanied by Trade Minister Don Farrell, he visited": a companion)
            for actor in self.resolve(earlier):
                if actor.is_known and not any(actor.same_entity(p) for p in people):
                    people.append(actor)
        return people

    def _one_person_named_before(self, pronoun: Token) -> list[Actor]:
        """For "his" or "her", the one person the sentence has named before it: "during a
        visit to Paris by Armenia's defence minister, Suren Papikyan, his country signed" (the
        main clause is read before the phrase that names him, so the story's last person is
        someone else); none when the sentence names no one or several."""
        if pronoun.lower_ not in {"his", "her"}:
            return []
        named = self._people_named_before(pronoun)
        return named if len(named) == 1 else []

    def _person_before(self, token: Token, others: list[Actor], subjects_only: bool = False) -> Actor | None:
        """The nearest person named in the sentence before a token who is none of ``others``."""
        return next((p for p in self._people_named_before(token, subjects_only)
                     if not any(p.same_entity(o) for o in others)), None)

    def _named_people_before(self, head: Token) -> list[Actor]:
        """Office holders named earlier in the document, nearest first, whether or not a
        rule has asked about them yet ("with President Vladimir Putin beside him")."""
        people = []
        for mention in self._mentions_before(head.i):
            persons = [e.person for e in mention.entries if e.kind == "person"]
            if persons:
                person = self.gaz.person_for_date(persons, self.context.date)
                people.append(self.gaz.person_actor(person, self.context.date, mention.text))
        return people

    def _divided_state_reference(self, head: Token, tokens: list[Token]) -> Actor | None:
        """'the North', 'the South': the state named before whose name begins so ("North
        Korea", "South Sudan")."""
        if head.lower_ not in {"north", "south"} or not head.is_title or head.i in self.mentions or not any(
                t.lower_ == "the" for t in tokens):
            return None
        prefix = head.text + " "
        for mention in self._mentions_before(head.i):
            if mention.text.startswith(prefix):
                country = next((e.country for e in mention.entries if e.kind == "country" and e.country), None)
                if country is not None:
                    actor = Actor.build(country, (), None, phrase_text(head, tokens))
                    self.context.note(actor, False)
                    return actor
        return None

    def _guest_reference(self, head: Token) -> Actor | None:
        """"Sisi and his guest", "Trump greeted his guest": the visitor is the person last
        named of another state than the host (the owner, else the clause's subject)."""
        if head.lemma_.lower() not in GUEST_NOUNS or head.tag_ != "NN" or head.i in self.mentions:
            return None
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if owner is not None and owner.lower_ in {"his", "her", "their"}:
            host = head.head if head.dep_ == "conj" else None
            hosts = self.resolve(host) if host is not None else self._clause_subject_before(owner)
        elif owner is not None:
            hosts = self.resolve(owner)
        elif any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            hosts = self._clause_subject_before(head) if head.dep_ not in {"nsubj", "nsubjpass"} else []
        else:
            return None
        countries = {a.country for a in hosts if a.country}
        if not countries:
            return None
        return next((a for a in reversed(self.context.recent) if a.name and a.country
                     and a.country not in countries), None)

    def _pair_reference(self, head: Token, tokens: list[Token]) -> list[Actor]:
        """'both countries', 'the two sides', 'our countries': the two parties of the story;
        'the two leaders', 'both ministers': the last two named people of two states."""
        modifiers = {t.lower_ for t in tokens if t != head and t.dep_ not in {"case", "punct"}}
        bare_two = head.lower_ == "two" and modifiers == {"the"} and head.dep_ in {"nsubj", "nsubjpass"}
        if head.tag_ not in {"NNS", "NNPS"} and not bare_two:
            return []
        roles = self.gaz.roles.get(head.lemma_.lower(), [])
        if modifiers == {"their"} and roles and all(r.role_kind == "person" and r.sectors for r in roles):
            # "Germany, Poland and Sweden expelled Russian diplomats after Moscow's expulsion of
            # their envoys": the envoys of every state just named together
            states = self._states_named_together_before(head)
            if len(states) >= 2:
                return [Actor.build(country, tuple(roles[0].sectors[:3]), None, head.text) for country in states]
        # "The leaders signed a joint declaration": a bare definite plural of leaders is the pair
        # just named, as "the two leaders" is
        # ("the men" alone counts no pair: "detained 32 of the men")
        bare_leaders = ("the" in modifiers and modifiers <= {"the"} | PAIR_TITLE_WORDS
                        and head.lemma_.lower() in PAIR_PERSON_NOUNS - DEFINITE_PAIR_NOUNS)
        # "the governments signed agreements": a bare definite plural of governments too
        bare_governments = (modifiers in ({"the"}, {"their"}) and head.lemma_.lower() in BARE_PAIR_NOUNS
                            and not any(c.dep_ == "prep" for c in head.children))   # not "the government in Mogadishu"
        if not modifiers & PAIR_DETERMINERS and not bare_leaders and not bare_governments and not bare_two:
            return []
        if head.lemma_.lower() in PAIR_PERSON_NOUNS or bare_two:
            # ("after the two held talks": the pair just named)
            if head.lemma_.lower() in DEFINITE_PAIR_NOUNS and not modifiers & {"the", "both"}:
                return []
            people: list[Actor] = []
            # "Trump received both ministers": the pair are others than the one who acts on them
            acting = set() if head.dep_ in {"nsubj", "nsubjpass", "poss"} else {
                a.country for a in self._clause_subject_before(head) if a.country}
            paired = self._recent_pair(head)
            if paired is not None and not acting & {paired[0].country, paired[1].country}:
                # ("witnessed the signing by Anutin and his Cambodian counterpart ... praised
                # both leaders": the two written as a pair, not the host named since)
                return [_retext(p, head.text) for p in paired]
            candidates = [a for a in [*reversed(self.context.recent), *self._named_people_before(head)]
                          if a.name and a.country and a.country not in acting]
            # people the text names before office holders it only titles ("His intelligence
            # chief and foreign minister travelled with him. The two men discussed ..."), but
            # those too when it names fewer than two ("Qatar's foreign minister met Alfano")
            for pool in ([a for a in candidates if _names_in_text(a)], candidates):
                people = []
                for actor in pool:
                    if all(p.country != actor.country for p in people):
                        people.append(actor)
                    if len(people) == 2:
                        return [_retext(p, head.text) for p in reversed(people)]
            return []
        forces = head.lemma_.lower() in PAIR_FORCE_NOUNS
        if head.lemma_.lower() not in PAIR_NOUNS and not forces:
            return []
        if modifiers == {"their"}:
            # "the ambassadors of Ireland, Norway and Spain ... a day after their governments
            # announced": the governments of the states just named together, not the story's pair
            states = self._states_named_together_before(head)
            if len(states) >= 2:
                return [Actor.build(country, ("GOV",), None, head.text) for country in states]
        # "Muizzu held talks with Xi in Beijing, and the two governments signed ...": the two
        # states the sentence has named, else the story's two main states
        dyad = self._states_named_before(head) or self.context.dyad()
        if "our" in modifiers and self.speaker is not None and self.speaker.country:
            others = [c for c in dyad if c != self.speaker.country]
            dyad = [self.speaker.country] + others[:1]
        if len(dyad) < 2:
            return []
        # ("the two armies are to hold joint exercises": the pair's militaries)
        sectors = ("MIL",) if forces else ()
        return [Actor.build(country, sectors, None, head.text) for country in dyad]

    def _states_named_together_before(self, head: Token) -> list[str]:
        """The states of the last coordination of names before a word in its sentence ("Ireland,
        Norway and Spain")."""
        for token in reversed(head.doc[head.sent.start:head.i]):
            if token.pos_ == "PROPN" and token.i in self.mentions and any(c.dep_ == "conj" for c in token.children):
                while token.dep_ == "conj" and token.head.i < token.i:
                    token = token.head   # (the first of "Ireland, Norway and Spain")
                states = list(dict.fromkeys(a.country for a in self.actors(token) if a.country))
                if len(states) >= 2:
                    return states
        return []

    def _recent_pair(self, head: Token) -> tuple[Actor, Actor] | None:
        """The last two people of two states written as a pair in the sentences just before."""
        paired = next((pair for pair in reversed(self.context.pairs) if pair[2] < head.i), None)
        if paired is None or sum(1 for s in self.doc.sents if paired[2] < s.start <= head.i) > PAIR_SENTENCES:
            return None
        return paired[0], paired[1]

    def _states_named_before(self, head: Token) -> list[str]:
        """The states of the actors named in a word's sentence before it, when there are two."""
        states: list[str] = []
        for token in head.sent:
            if token.i >= head.i:
                break
            if token.dep_ in {"compound", "amod"} or token.i not in self.mentions or not (
                    token.pos_ == "PROPN" or self.mentions[token.i].kinds() & {"person", "country"}):
                continue    # (a name the tagger took for a common noun still names: "Raisi held talks")
            actors = self.resolve(token)
            if token.dep_ == "pobj" and token.head.lower_ in {"in", "at"}:
                continue    # ("met Xi in Singapore": where, not who)
            for actor in actors:
                if actor.country and actor.country not in states:
                    states.append(actor.country)
        return states if len(states) == 2 else []

    def _with_sectors(self, actor: Actor, sectors: tuple[str, ...], head: Token) -> Actor:
        merged = list(actor.sectors)
        _extend(merged, sectors)
        return Actor.build(actor.country, tuple(merged[:3]), actor.name, head.text, igo=actor.igo)


#: How a role's sectors read when the role belongs to a people rather than a state: its leaders
#: and elders hold no state office (dropped), its armed men are rebels.
PEOPLE_SECTORS = {"GOV": "", "ELI": "", "LEG": "", "JUD": "", "MIL": "REB", "COP": "REB"}
#: Sectors of a state's institutions, politics and civil society: a person or body of these with
#: no named state belongs to the one state its sentence names.
DOMESTIC_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "PTY", "SPY", "ELI", "REL", "LAB", "EDU", "MED"}
#: Sectors of a state's own politics and society, whose dealings with "the government" are
#: with their own state's ("the opposition party accused the government", "exporters pressed
#: the government")
HOME_CRITIC_SECTORS = {"OPP", "PTY", "LEG", "JUD", "REL", "LAB", "EDU", "MED", "CVL", "BUS"}
#: Sectors a leader's followers share with the leader; others are coded as civilians.
CAMP_SECTORS = {"OPP", "REB", "INS", "SEP", "REL", "LAB", "PTY"}
CIVILIANS = "CVL"
#: CAMEO's sector for armed men no one identifies ("gunmen", "militia").
UNIDENTIFIED = "UAF"


def _related_state_tokens(head: Token) -> set[int]:
    """The words naming whom a relation noun's states are related to: the owner of "Russia's
    neighbours", the object of "allies of Ukraine"."""
    if head.lemma_.lower() not in RELATION_NOUNS:
        return set()
    owners = [c for c in head.children if c.dep_ == "poss"]
    owners += [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
               for g in c.children if g.dep_ == "pobj"]
    return {t.i for owner in owners for t in owner.subtree}


def _names_portfolio(title: Mention | None) -> bool:
    """Whether a title names one office by its portfolio ("economy minister", "navy
    secretary"), where one word ("president", "chairman") may head a state, a chamber or a
    party alike."""
    return title is not None and title.end - title.start > 1


def _dictionary_words(nlp: Language) -> frozenset[str]:
    """The English nouns, verbs and adjectives the pipeline's lemmatizer lists ("power",
    "chamber"), empty when it has no such table."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = nlp.get_pipe("lemmatizer").lookups
    if not lookups.has_table("lemma_index"):
        return frozenset()
    index = lookups.get_table("lemma_index")
    return frozenset(word for key in index for word in index[key])


def _common_word_as_surname(span: Span, mention: Mention) -> bool:
    """Whether a lone surname opening a sentence is a capitalised common word the parser
    reads as one: it modifies a common noun or governs an "of" phrase ("Power cuts hit
    Kenya", "Chambers of commerce"), where a surname stands alone ("Power said")."""
    token = span[0]
    if len(span) != 1 or mention.kinds() != {"person"} or token.i != token.sent.start \
            or token.pos_ not in {"NOUN", "ADJ", "VERB"} or token.is_upper \
            or any(e.person == token.text for e in mention.entries):
        return False
    if token.dep_ in {"compound", "amod"}:
        return token.head.pos_ == "NOUN" and token.head.is_lower
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(g.is_lower for g in c.children)
               for c in token.children)


def _given_name_at(doc: Doc, position: int, matched: set[int]) -> bool:
    """Whether a capitalised word can be a given name before a surname: a singular name
    that opens its phrase, alone or after other given names ("Alex Saab", "Tarek William
    Saab"), not the end of a longer name ("Malaysia Airlines Boeing")."""
    if doc[position].tag_ != "NNP" or position in matched:
        return False
    first = position
    while first > 0 and position - first < 2 and doc[first - 1].is_title and doc[first - 1].tag_ == "NNP" \
            and doc[first - 1].i not in matched:
        first -= 1
    before = doc[first - 1] if first > 0 else None
    return before is None or not (before.i in matched or (before.is_title and before.pos_ == "PROPN"))


def preposition_objects(token: Token, prepositions: Collection[str]) -> list[Token]:
    """The objects of the given prepositions hanging on a word ("delegations from Sudan")."""
    return [o for c in token.children if c.dep_ == "prep" and c.lower_ in prepositions
            for o in c.children if o.dep_ == "pobj"]


def _names_person(mention: Mention) -> bool:
    """Whether a mention names a person: a known one, or a title of one ("its ambassador")."""
    return any(e.kind == "person" or (e.kind == "role" and e.role_kind == "person") for e in mention.entries)


def _acting(token: Token) -> bool:
    """Whether a noun is the one who acts: the subject, the possessor, the passive's "by", or
    a name looked up on its own ("comity actor Beijing")."""
    alone = token.dep_ == "ROOT" and all(t.is_punct or t.head == token for t in token.sent if t != token)
    return alone or token.dep_ in {"nsubj", "poss"} or (
        token.dep_ == "pobj" and token.head.dep_ == "agent")


def _shares_national_modifier(first: Token, other: Token) -> bool:
    """Whether a conjunct takes the first conjunct's national adjective: "American diplomats
    and troops", not "American diplomats and the troops" or "American diplomats and Iraqi
    troops" (an own modifier or determiner)."""
    national = any(c.dep_ in {"amod", "compound"} and c.i < first.i for c in first.children)
    own = any(c.dep_ in {"amod", "compound", "det", "poss", "nummod"} for c in other.children)
    return national and not own


def _inside_modifier(token: Token) -> bool:
    head = token.head
    return token.dep_ in {"npadvmod", "advmod"} and head.dep_ == "amod" or (
        token.dep_ == "amod" and token.tag_ in {"VBN", "VBG"})


def _extend(target: list[str], items: tuple[str, ...]) -> None:
    for item in items:
        if item != COUNTERPART and item not in target:
            target.append(item)


#: Sector that CAMEO writes in the state's slot when no state is named: "an international aid
#: agency" is NGO, "a human rights group" NGOHRI (not ---NGO).
NON_STATE_SLOT = "NGO"


def _stateless(sectors: tuple[str, ...], text: str) -> Actor:
    """The actor of a role with no state: "---REB" for "rebels", but "NGOHRI" for "a human
    rights group", as CAMEO codes non-governmental organisations of no named state."""
    if NON_STATE_SLOT in sectors:
        rest = tuple(s for s in sectors if s != NON_STATE_SLOT)
        return Actor(NON_STATE_SLOT + "".join(rest), None, sectors, None, text)
    return Actor.build(None, sectors, None, text)


def _on_date(mentions: dict[int, Mention], date: str | None) -> dict[int, Mention]:
    """The mentions with only the entries that hold on a date: a name two bodies have borne in
    turn ("the Taliban") names the one of the day."""
    # (one new mention per mention, not per token it covers: the resolver tells mentions apart
    # by identity)
    replaced: dict[int, Mention] = {}
    for mention in {id(m): m for m in mentions.values()}.values():
        if any(e.start is not None or e.end is not None for e in mention.entries):
            valid = tuple(e for e in mention.entries if e.valid_on(date))
            replaced[id(mention)] = Mention(mention.start, mention.end, mention.text,
                                            valid or mention.entries)
    if not replaced:
        return mentions
    return {index: replaced.get(id(mention), mention) for index, mention in mentions.items()}


def _retext(actor: Actor, text: str) -> Actor:
    return Actor(actor.code, actor.country, actor.sectors, actor.name, text, actor.igo)


def of_object(head: Token) -> Token | None:
    """The object of the "of" on a noun: "hundreds of troops", "the east of the Gaza Strip"."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def _coordinated_of_objects(head: Token) -> list[Token]:
    """The objects of the "of" (or "from") on a noun with the names coordinated with them:
    "the foreign ministers of India and Japan", "ministers from Iraq, Turkey and Qatar"."""
    found: list[Token] = []
    for preposition in (c for c in head.children if c.dep_ == "prep" and c.lower_ in {"of", "from"}):
        for owned in (c for c in preposition.children if c.dep_ == "pobj"):
            found += [owned, *conjuncts(owned)]
        break
    return found


def _list_member(token: Token) -> bool:
    """An apposition that is really the next item of a list: "the US, Russia, and Switzerland"."""
    return token.dep_ == "appos" and any(c.dep_ in {"cc", "conj"} for c in token.children)


def conjuncts(token: Token) -> list[Token]:
    """The other members of a coordination headed by ``token`` ("India and Russia")."""
    found = []
    holders = [token]
    if token.pos_ == "ADP" and token.dep_ in {"nsubj", "nsubjpass"}:
        # "Barack Obama and Vladimir Putin will meet" with the first name tagged as a
        # preposition: the coordination hangs on the name it "governs"
        holders += [c for c in token.children if c.dep_ == "pobj"]
    stack = [c for holder in holders for c in holder.children if c.dep_ == "conj" or _list_member(c)]
    while stack:
        item = stack.pop(0)
        found.append(item)
        stack.extend(c for c in item.children if c.dep_ == "conj")
    return found


def _title_across_place(head: Token, mentions: dict) -> Token | None:
    """The title noun before "in <place>, <Name>" when the parser hangs the name on the place."""
    place = head.head
    if head.dep_ != "appos" or head.pos_ != "PROPN" or head.i in mentions \
            or place.i not in mentions or place.dep_ != "pobj" or place.head.dep_ != "prep":
        return None
    # (a person's name: given name and surname, neither of them a place or a body)
    given = [c for c in head.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if not given or any(c.i in mentions for c in given):
        return None
    if not all(e.kind in {"city", "country"} for e in mentions[place.i].entries):
        return None
    title = place.head.head
    return title if title.pos_ in {"NOUN", "PROPN"} and title.i < place.i else None


def noun_phrase_tokens(head: Token) -> list[Token]:
    """The head and the modifiers that belong to its name or title, without clauses and
    prepositional attachments (except 'of', which names an office's state: 'the President of
    Russia')."""
    collected = [head]
    stack = list(head.children)
    while stack:
        child = stack.pop()
        if _list_member(child):
            continue
        if (child.dep_ in NP_DEPS and child.dep_ != "cc") or (child.dep_ == "conj" and child.head != head):
            if child.dep_ == "appos" or child.head == head or child.head in collected:
                collected.append(child)
                stack.extend(child.children)
        elif child.dep_ == "prep" and child.lower_ == "of" and (
                child.head == head or (child.head.dep_ == "appos" and child.head.head == head)):
            # ("Colonel Getnet Adane, public relations director of the Ethiopian National
            # Defence Force": the office his apposition names)
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects and objects[0].pos_ == "NOUN":
                # ("vice chief of the air staff of the Pakistan Air Force": an office's own "of",
                # then the one that names its state)
                owners = [o for p in objects[0].children if p.dep_ == "prep" and p.lower_ == "of"
                          for o in p.children if o.dep_ == "pobj" and o.pos_ == "PROPN"]
                if owners:
                    collected.extend([child, objects[0], owners[0].head, owners[0]])
                    stack.extend(c for c in owners[0].children if c.dep_ in NP_DEPS)
                else:
                    # ("the charge d'affaires of the US embassy": the body whose state is his;
                    # "the chief of the general staff": the body he heads names his office;
                    # but "opponents of the Venezuelan government" are against it, not its own)
                    heads_body = head.lemma_.lower() in OFFICE_HEAD_NOUNS
                    named = [m for m in objects[0].children if m.dep_ in {"compound", "amod", "poss"}
                             and (heads_body or m.pos_ == "PROPN" or m.pos_ == "ADJ" and m.is_title)] if (
                        head.lemma_.lower() not in OPPOSING_NOUNS | FOLLOWER_NOUNS) else []
                    if named or heads_body:
                        collected.extend([child, objects[0], *named])
                        stack.extend(c for m in named for c in m.children if c.dep_ in NP_DEPS)
            elif objects and objects[0].pos_ == "PROPN":
                collected.append(child)
                collected.append(objects[0])
                stack.extend(c for c in objects[0].children if c.dep_ in NP_DEPS)
        elif child.dep_ == "prep" and child.i == head.i + 1 and child.is_title and head.pos_ == "PROPN":
            # "President To Lam": a name that begins with a word the parser takes for "to"
            objects = [c for c in child.children if c.dep_ == "pobj" and c.pos_ == "PROPN"]
            if objects:
                collected.extend([child, objects[0]])
                stack.extend(c for c in objects[0].children if c.dep_ in NP_DEPS)
    return sorted(collected, key=lambda t: t.i)


def phrase_text(head: Token, tokens: list[Token]) -> str:
    doc = head.doc
    start = min(t.i for t in tokens)
    end = max(t.i for t in tokens) + 1
    span = doc[start:end]
    text = span.text
    for prefix in ("the ", "The ", "a ", "A "):
        if text.startswith(prefix):
            text = text[len(prefix):]
    return text.strip(" ,")


__all__ = ["Mention", "MentionFinder", "ActorResolver", "DocumentContext", "mention_finder",
           "conjuncts", "noun_phrase_tokens", "PROPER_KINDS"]


def resolve_phrase(phrase: str, date: str | None = None) -> dict | None:
    """How a name or phrase resolves on a date: ``{code, country, sectors, name, term}``,
    or None when it names no actor."""
    from .parse import load_nlp

    nlp = load_nlp()
    gaz = gazetteer()
    doc = nlp(phrase)
    mentions = mention_finder(nlp).find(doc)
    resolver = ActorResolver(doc, mentions, gaz, DocumentContext(date=date))
    # A bare name ("Modi") may be tagged as anything: nominal heads first, the widest phrase
    # first (a name misparsed as a verb leaves its title as the widest noun), then every word.
    nominal = [t for t in doc if t.pos_ in {"NOUN", "PROPN", "PRON"}]
    candidates = sorted(nominal, key=lambda t: (t.head != t, -sum(1 for _ in t.subtree), t.i))
    candidates += [t for t in doc if t not in candidates]
    actor = None
    for actors in filter(None, map(resolver.resolve, candidates)):
        if actor is not None and actor.is_known:
            # a bare state whose title the parser split from the name after it ("Trinidad and
            # Tobago Attorney General Faris Al-Rawi" read as a coordination): the person
            # holding an office of that state, if the phrase names one
            if actors[0].name and actors[0].is_known and actors[0].country == actor.country:
                actor = actors[0]
                break
            continue
        actor = actor or actors[0]
        if actor.is_known:
            if actor.name or actor.sectors:
                break
            continue
        if actors[0].name and actors[0].is_known:
            # a title parsed apart from the name it precedes ("Unification Minister Chung
            # Dong-young" with "young" read as an adjective) names no state: the person does
            actor = actors[0]
            break
    if actor is None:
        return None
    term = gaz.term_on(actor.name, date) if actor.name in gaz.terms else None
    return {"code": actor.code, "country": actor.country or actor.igo,
            "sectors": list(actor.sectors), "name": actor.name,
            "term": ({"office": term.office, "start": term.start, "end": term.end} if term else None)}


def _names_in_text(actor: Actor) -> bool:
    """Whether the words that stood for a known person give a word of their name ("Sisi",
    "President Abdel Fattah al-Sisi"), not only a title ("his intelligence chief")."""
    return bool(actor.name) and any(part in actor.text for word in actor.name.split()
                                    for part in word.split("-") if len(part) > 2)
