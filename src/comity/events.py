"""Coding events: verb and noun triggers with their dependency roles become CAMEO events.

For each trigger the coder finds the lexicon patterns of its lemma, the source and target
actors in the roles the pattern names, the mood of the clause (asserted, planned, wanted,
urged, refused, hypothetical, negated), the date and the place. Every attempt is kept with the
reason it was or was not coded, which is what ``comity explain`` prints.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from .actors import (ARMED_GROUP_SECTORS, DELEGATE_NOUNS, MEDIA, MEDIATING_PARTICIPLES, PARTITIVES, ActorResolver, conjuncts, of_object,
                     preposition_objects)
from .data import read_yaml
from .dates import is_after, resolve_date, shift_days
from .gazetteer import gazetteer
from .lexicon import Lexicon, Modality, Pattern
from .ontology import Ontology
from .parse import reversing_prefixes
from .records import STATE_ORGAN_SECTORS, Actor, Event, Transfer
from .transfers import NUMBER_WORDS, WeaponSystem, weapon_gazetteer

SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
OBJECT_DEPS = {"dobj", "obj"}
DATIVE_DEPS = {"dative", "iobj"}

#: The English words this module reads clauses by are language data: each constant below is
#: the key of the same name in data/events/words.yaml, which says what it is for.
_WORDS = read_yaml("events/words.yaml")
SETTING_PREPOSITIONS = set(_WORDS["setting_prepositions"])
RECIPIENT_PREPOSITIONS = set(_WORDS["recipient_prepositions"])
SEQUENCE_PREPOSITIONS = set(_WORDS["sequence_prepositions"])
SITE_PREPOSITIONS = set(_WORDS["site_prepositions"])
GIFT_WORDS = frozenset(_WORDS["gift_words"])
VISIT_TIME_PREPOSITIONS = set(_WORDS["visit_time_prepositions"])
PLACE_PREPOSITIONS = set(_WORDS["place_prepositions"])
LOCATION_PREPS = PLACE_PREPOSITIONS - set(_WORDS["not_locating_prepositions"])
OWNER_PREPOSITIONS = tuple(_WORDS["owner_prepositions"])
COMPLEMENT_TARGET_PREPOSITIONS = set(_WORDS["complement_target_prepositions"])
COMPLEMENT_PLACE_PREPOSITIONS = set(_WORDS["complement_place_prepositions"])
DEADLINE_PREPOSITIONS = set(_WORDS["deadline_prepositions"])
GROUNDS_PREPOSITIONS = set(_WORDS["grounds_prepositions"])
PARTICLES_ON_OBJECTS = set(_WORDS["particles_on_objects"])
AIMED_PREPOSITIONS = set(_WORDS["aimed_prepositions"])
RELATIVE_PRONOUNS = set(_WORDS["relative_pronouns"])
QUESTION_WORDS = set(_WORDS["question_words"])
NEGATIVE_OBJECTS = set(_WORDS["negative_objects"])
NEGATIVE_SUBJECTS = set(_WORDS["negative_subjects"])
DEFINITE_DETERMINERS = set(_WORDS["definite_determiners"])
SIMULTANEITY_MARKS = set(_WORDS["simultaneity_marks"])
CLOSENESS_WORDS = set(_WORDS["closeness_words"])
RESPONSE_NOUNS = set(_WORDS["response_nouns"])
RESPONSE_VERBS = set(_WORDS["response_verbs"])
HELPER_NOUNS = set(_WORDS["helper_nouns"])
COMBAT_NOUNS = set(_WORDS["combat_nouns"])
TIME_NOUNS = set(_WORDS["time_nouns"])
CONSEQUENCE_VERBS = set(_WORDS["consequence_verbs"])
CONSEQUENCE_NOUNS = set(_WORDS["consequence_nouns"])
RETALIATION_NOUNS = set(_WORDS["retaliation_nouns"])
RETALIATORY_MODIFIERS = set(_WORDS["retaliatory_modifiers"])
UNANSWERED_WORDS = set(_WORDS["unanswered_words"])
PROVOKING_VERBS = set(_WORDS["provoking_verbs"])
ORDER_NOUNS = set(_WORDS["order_nouns"])
MEANS_OF_TALKING = set(_WORDS["means_of_talking"])
WITNESSING_VERBS = set(_WORDS["witnessing_verbs"])
MAKING_PARTICIPLES = set(_WORDS["making_participles"])
JOINT_UNDERTAKING_VERBS = set(_WORDS["joint_undertaking_verbs"])
LEADING_PARTICIPLES = MEDIATING_PARTICIPLES | set(_WORDS["leading_participles"])
MANNER_NOUNS = set(_WORDS["manner_nouns"])
ISSUING_PARTICIPLES = set(_WORDS["issuing_participles"])
INTERVAL_COUNTS = dict(_WORDS["interval_counts"])
INTERVAL_UNITS = dict(_WORDS["interval_units"])
OWN_POSSESSIVES = set(_WORDS["own_possessives"])
#: An act its sentence dates this many calendar years or more before the story is history the
#: story recalls ("signed a peace treaty with Israel in 1994"): it was news when it happened and
#: is not coded again from every story that mentions it.
BACKGROUND_YEARS = 3

#: The CAMEO conventions of the coder: each constant below is the key of the same name in
#: data/events/conventions.yaml, which says what it means for coding.
_CONVENTIONS = read_yaml("events/conventions.yaml")
ATTACKED_PLACE_ROOTS = frozenset(_CONVENTIONS["attacked_place_roots"])
OWN_COUNTRY_TRIPS = set(_CONVENTIONS["own_country_trips"])
HOME_PLACE_ROOTS = set(_CONVENTIONS["home_place_roots"])
SHARED_TARGET_ROOTS = set(_CONVENTIONS["shared_target_roots"])
FOREIGN_TARGET_ROOTS = frozenset(_CONVENTIONS["foreign_target_roots"])
ASKING_ROOTS = set(_CONVENTIONS["asking_roots"])
VIOLENT_ROOTS = set(_CONVENTIONS["violent_roots"])
DESTRUCTION_CODES = set(_CONVENTIONS["destruction_codes"])
ACCUSING_CODES = set(_CONVENTIONS["accusing_codes"])
SPEECH_ACT_ROOTS = set(_CONVENTIONS["speech_act_roots"])
PRESENCE_CODES = set(_CONVENTIONS["presence_codes"])
PUNISHING_ROOTS = set(_CONVENTIONS["punishing_roots"])
COOPERATION_DOMAINS = tuple(_CONVENTIONS["cooperation_domains"].items())
TOLD_ACT_ROOTS = frozenset(_CONVENTIONS["told_act_roots"])
SAID_ROOTS = frozenset(_CONVENTIONS["said_roots"])
DOING_OBJECT_ROOTS = frozenset(_CONVENTIONS["doing_object_roots"])

CLAUSE_POS = {"VERB", "AUX"}
#: Sectors whose members speak for their state: their statements are coded as 010 events.
STATE_SECTORS = {"GOV", "MIL", "LEG", "ELI"}
CONSULT_ROOT = "04"
STATEMENT_ROOT = "01"
#: the rule of an event read from what someone said (`_code_statement`), not from an act
STATEMENT_RULE = "verb:statement"
#: A meeting said without more: any other consultation of the same pair says it better.
GENERIC_CONSULT = "040"
#: Gazetteer kinds that name a state itself (not its people): "China", "Beijing", "the Kremlin".
STATE_NAME_KINDS = {"country", "city", "seat"}
#: Phoenix quad class of violent acts (CAMEO 18-20): the only ones coded with an unnamed doer.
MATERIAL_CONFLICT = 4
#: The object word a pattern lists to accept any place the gazetteer names ("took Shusha").
NAMED_PLACE = "@place"
NAMED_ORGANISATION = "@organisation"
NAMED_WEAPON = "@weapon"
NAMED_PEOPLE = "@people"
#: Marks that the sentence names an international organisation, for `requires_word: ["@organisation"]`.
ORGANISATION_IN_SENTENCE = "@organisation in the sentence"
#: GDELT quad classes 3 (verbal conflict) and 4 (material conflict)
CONFLICT_QUADS = frozenset({3, MATERIAL_CONFLICT})
#: nouns.yaml domain of the words that stand for an attack nobody is named for
UNCLAIMED_ATTACK_DOMAIN = "unclaimed_attack"
#: CAMEO's root for disapproval (criticise, accuse, condemn).
DISAPPROVAL_ROOT = "11"
DEMAND_ROOT = "10"
#: The code prefix of transnational groups (CAMEO's "international militarized groups")
TRANSNATIONAL_PREFIX = "IMG"
#: CAMEO's code for accusing another party of an act ("accuse of crime").
ACCUSATION = "112"
PRAISE = "051"
#: A commitment said to the relationship or to talks: intent to cooperate.
COMMITMENT = "030"
DISAPPROVAL = "111"
DENIAL = "016"
THREAT_ROOT = "13"
#: CAMEO's sector for armed attackers nobody identifies.
UNIDENTIFIED_ATTACKERS = "UAF"
THREAT = "130"
FORCE_THREAT = "138"
#: CAMEO's root for intents to cooperate: told decisions a later "the decision" may refer
#: back to, whatever their mood.
INTENT_ROOT = "03"
#: Words that open a clause of time but the parser may read as a preposition ("after the
#: Assembly ... adopted")
TIME_CONJUNCTIONS = frozenset({"after", "before", "since", "until", "till"})
#: CAMEO's root for appeals and requests
REQUEST_ROOT = "02"
SAID = "<said>"
SIGNING = "057"
AGREEING = "030"
#: More parties than this acting together form a bloc facing the story's other side.
MAX_PAIRED_PARTIES = 3
#: A legislature's sector.
LEGISLATURE = "LEG"
#: Moods of acts asked for, refused, planned or called off.
UNDONE_MOODS = frozenset({"appeal", "demand", "refusal", "cancelled"})
#: Release of persons or things (CAMEO 084): a release in exchange for another is a swap.
RELEASE_CODE = "084"


@dataclass
class Attempt:
    """One pattern tried on one trigger, and what came of it."""

    trigger: str
    token: int
    pattern: str
    code: str
    outcome: str            # "coded" or "skipped"
    reason: str
    events: list[Event] = field(default_factory=list)
    #: the pattern only announces an act ("vowed to", "threatened to") that may be coded itself
    announces: bool = False


@dataclass
class Mood:
    kind: str = "asserted"   # asserted, future, intent, appeal, demand, refusal, hypothetical, cancelled, described
    negated: bool = False
    governor: Token | None = None      # the word that sets the mood ("ready", "urged")
    addressee: Token | None = None     # who is urged or asked ("urged Iran to ...")
    #: the act is made to depend on another's: "ultimatum" (unless ...) or "condition" (if ...)
    condition: str | None = None
    #: a measure announced to take effect on a set date: done when announced, dated by that
    announced: bool = False

    @property
    def label(self) -> str:
        return ("negated " if self.negated else "") + self.kind


@dataclass
class SentenceInput:
    doc_id: str
    doc_date: str | None
    sentence_index: int
    span: Span
    #: what relative dates count from: the dateline's date when the story has one
    reference_date: str | None = None

    def __post_init__(self) -> None:
        self.reference_date = self.reference_date or self.doc_date


class EventCoder:
    """Codes the events of parsed sentences with a lexicon and an ontology."""

    def __init__(self, lexicon: Lexicon, ontology: Ontology):
        self.lexicon = lexicon
        self.ontology = ontology
        self.modality = lexicon.modality
        #: the particles each verb's patterns name ("hit back", "call off"), for telling a
        #: phrasal verb from its bare one
        self.particles = {lemma: frozenset(w for p in patterns for w in p.with_words)
                          for lemma, patterns in lexicon.verbs.items()}
        #: the words each phrasal pattern needs with its verb, by pattern id ("order close")
        self.phrase_words = {p.id: p.with_words for patterns in lexicon.verbs.values()
                             for p in patterns if p.with_words}
        #: nouns that name an attack, claimed or not ("strike", "shelling", "bombing")
        self._attack_words = (lexicon.domains.get("military_action", frozenset())
                              | lexicon.domains.get(UNCLAIMED_ATTACK_DOMAIN, frozenset()))

    # -- entry point ----------------------------------------------------------------------
    def code_sentence(self, sentence: SentenceInput, resolver: ActorResolver,
                      anchor_date: str | None) -> tuple[list[Event], list[Attempt]]:
        span = sentence.span
        resolver.speaker = self._speaker(span, resolver)
        subjects = [t for t in span if t.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS]
        for position, subject in enumerate(subjects):
            if subject.pos_ == "PRON":
                # "the government has made it clear it will not lift the ban": a pronoun refers
                # back to the subjects named before it, whichever phrase a rule resolves first
                for earlier in subjects[:position]:
                    resolver.actors(earlier)
        context = resolver.context
        context.subject_age += 1
        context.subject_body_age += 1
        if context.subject_age <= 1 and any(t.head == span.root and t.lower_ in {"he", "she"} for t in subjects):
            # "Hayashi held talks ... He told reporters ... He also voiced concern": a chain of
            # "he" keeps the one it began with
            context.subject_age = 0
        # ("The gift was announced by Defence Minister Rajnath Singh after he held talks": the
        # agent of a passive main clause is its main actor)
        agents = [g for c in span.root.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        for root_subject in [*agents, *(t for t in subjects if t.head == span.root and t.pos_ != "PRON")]:
            # "Lula attended the swearing-in ... He also toured": the main subject is who a
            # later "he" means, whether or not a rule used it
            named = resolver.actors(root_subject)
            # (a named person, even when a later one in the sentence was noted after them:
            # "Putin told Merkel ... He voiced concern" is Putin)
            if len(named) == 1 and (named[0] is context.last_person or named[0].name) and not (
                    named[0].is_known and resolver.names_body(root_subject)):
                if context.subject_person is not None and not context.subject_person.same_entity(named[0]):
                    context.previous_subject_person = context.subject_person
                context.subject_person, context.subject_age = named[0], 0
                break
            if len(named) == 1 and named[0].is_known:
                context.subject_body, context.subject_body_age = named[0], 0
                break
            if (not any(a.is_known for a in named) and root_subject.pos_ == "PROPN"
                    and root_subject.ent_type_ in {"PERSON", ""} and root_subject.i not in resolver.mentions):
                # "Zaghari-Ratcliffe ... was convicted of plotting, a charge she always denied":
                # a person the gazetteer does not know is still whom "she" means, not the last
                # office holder named
                context.subject_person = Actor.build(None, (), root_subject.text, root_subject.text)
                context.subject_age = 0
                break
        attempts: list[Attempt] = []
        events: list[Event] = []
        for token in span:
            if token.dep_ == "amod" and _hyphenated_doer(token) is None:
                continue  # "the internationally recognised government" describes, reports nothing
            if (token.pos_ in CLAUSE_POS or _predicate_adjective(token)) and (
                    verb_lemma(token, self.lexicon.verbs) in self.lexicon.verbs):
                attempts.extend(self._code_verb(token, sentence, resolver, anchor_date))
            elif token.pos_ in {"NOUN", "PROPN"} and token.lemma_.lower() in self.lexicon.nouns:
                attempts.extend(self._code_noun(token, sentence, resolver, anchor_date))
        for token in span:
            lemma = token.lemma_.lower()
            if token.pos_ == "VERB" and (lemma in self.modality.speech_verbs
                                         or lemma in self.modality.evaluative_verbs):
                attempt = self._code_statement(token, sentence, resolver, anchor_date, attempts)
                if attempt is not None:
                    attempts.append(attempt)
            if token.pos_ == "VERB" and lemma in self.modality.request_verbs:
                attempt = self._code_request(token, sentence, resolver, anchor_date, attempts)
                if attempt is not None:
                    attempts.append(attempt)
            if token.pos_ in CLAUSE_POS:
                attempt = self._code_noun_request(token, sentence, resolver, anchor_date, attempts)
                if attempt is not None:
                    attempts.append(attempt)
        _drop_announcements_of_coded_acts(attempts, span.doc, self.modality)
        _drop_demands_coded_as_orders(attempts, span.doc, self.phrase_words)
        for attempt in attempts:
            kept = [e for e in attempt.events if self.ontology[e.cameo].reported]
            if attempt.events and not kept:
                attempt.outcome, attempt.reason = "skipped", f"{attempt.events[0].cameo} is not reported (cameo.tsv)"
            attempt.events = kept
            recent = [e for e in kept if not _background(e)]
            if kept and not recent:
                # "Jordan signed a peace treaty with Israel in 1994": history the story recalls,
                # coded when it happened, not again in every story that mentions it
                attempt.outcome, attempt.reason = "skipped", f"told as background from {kept[0].date[:4]}"
            attempt.events = recent
        # One event per (source, target, root) in a sentence: the most specific code wins
        # ("urged Iran to release the sailors" is 0253, not the bare appeal 020); but a visit
        # and the talks held on it are two consultations ("was greeted by Sudani and held talks
        # with him"), each kept over a bare meeting (040)
        best: dict[tuple, Event] = {}
        for attempt in attempts:
            for event in attempt.events:
                kind = event.cameo[:3] if event.root == CONSULT_ROOT and event.cameo[:3] != GENERIC_CONSULT else event.root
                key = (event.source.code, event.target.code if event.target else None, kind)
                if key not in best or _specificity(event.cameo) > _specificity(best[key].cameo) or (
                        _specificity(event.cameo) == _specificity(best[key].cameo)
                        and event.date_basis == "sentence" and best[key].date_basis != "sentence"):
                    # (of two equally specific, the one its own words date)
                    best[key] = event
        for (source, target, kind), event in list(best.items()):
            if kind == CONSULT_ROOT and any(k[:2] == (source, target) and k[2][:2] == CONSULT_ROOT and k[2] != kind
                                            for k in best):
                del best[(source, target, kind)]
        chosen = {id(e) for e in best.values()}
        told_here: dict[tuple[str, int], list[Actor]] = {}
        for event in best.values():
            if (event.root in TOLD_ACT_ROOTS or event.cameo == SIGNING) and event.source.is_known and (
                    event.modality == "asserted" or event.root == INTENT_ROOT):
                told = span.doc.char_span(*event.span)
                lemma = (told.root.lemma_ if told is not None else event.trigger).lower()
                doers = told_here.get((lemma, event.span[0]))
                if doers is None:
                    # ("The United States, Britain and France struck": one act, whose doer a
                    # later "the attack" names by the first of them, and "the three strikes" by all)
                    told_here[(lemma, event.span[0])] = doers = [event.source]
                    resolver.context.acts.append((lemma, doers))
                elif not any(d.same_entity(event.source) for d in doers):
                    doers.append(event.source)
                governor = told.root if told is not None else None
                for thing in (c for c in (governor.children if governor is not None and event.root in
                                          DOING_OBJECT_ROOTS else ()) if c.dep_ in OBJECT_DEPS
                              and c.lemma_.lower() in self.modality.act_nouns):
                    # ("slapped sanctions on PDVSA": the act a later "the sanctions" names; not
                    # "rejected sanctions", whose object is another's act)
                    resolver.context.acts.append((thing.lemma_.lower(), event.source))
                while governor is not None and governor.head != governor and (
                        governor.dep_ == "xcomp" or (governor.dep_ == "advcl" and any(
                            c.dep_ == "aux" and c.lower_ == "to" for c in governor.children))):
                    # ("the parliament voted to let the government send troops": "the vote")
                    governor = governor.head
                    resolver.context.acts.append((governor.lemma_.lower(), event.source))
            if event.root in SAID_ROOTS and event.source.is_known and event.modality == "asserted":
                resolver.context.acts.append((SAID, event.source))
            if event.root in VIOLENT_ROOTS and event.source.is_known and \
                    UNIDENTIFIED_ATTACKERS not in event.source.sectors and \
                    resolver.context.story_attacker is None:
                resolver.context.story_attacker = event.source
        for noun in span:
            # "the North's sixth nuclear test", "a veto by Russia": an act named with its doer
            # is one a later "the test" may point back to, though no verb told it
            lemma = noun.lemma_.lower()
            if noun.pos_ == "NOUN" and lemma in self.modality.act_nouns and not _definite_noun(noun) and \
                    lemma not in self.modality.generic_act_nouns:
                resolver.context.acts.append((lemma, noun))
        for attempt in attempts:
            kept = [e for e in attempt.events if id(e) in chosen]
            if attempt.events and not kept:
                attempt.outcome, attempt.reason = "skipped", "a more specific event of the same root was coded"
            attempt.events = kept
            events.extend(kept)
        return events, attempts

    # -- verbs ----------------------------------------------------------------------------
    def _code_verb(self, verb: Token, sentence: SentenceInput, resolver: ActorResolver,
                   anchor_date: str | None) -> list[Attempt]:
        attempts = []
        objects = object_tokens(verb)
        if not objects and verb.lemma_.lower() not in self.modality.speech_verbs:
            # "would fight any AU peacekeepers deployed on its territory", parsed as a clause of
            # its own: a verb that reports nothing acts on that clause's subject
            objects = [g for c in verb.children if c.dep_ == "ccomp" and c.tag_ in {"VBN", "VBD"}
                       and not any(a.dep_ in {"aux", "auxpass", "mark"} for a in c.children)
                       for g in c.children if g.dep_ == "nsubj" and g.pos_ == "NOUN"
                       and not any(o.dep_ in OBJECT_DEPS for o in c.children)]
        object_words = {w for o in objects for w in phrase_lemmas(o)}
        if any(resolver.place_at(o) is not None for o in objects):
            object_words.add(NAMED_PLACE)  # "had taken Shusha": a town the gazetteer knows
        if any(resolver.organisation_at(o) for o in objects + _preposition_objects(verb, ("from", "of"))):
            object_words.add(NAMED_ORGANISATION)  # "are leaving ECOWAS", "withdrew from the WHO"
        if any(resolver.people_at(o) for o in objects):
            object_words.add(NAMED_PEOPLE)  # "held two journalists", "Bazoum is still held"
        # "asked China for assistance": what is asked for is named after "for"
        asked_for = [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"
                     for o in c.children if o.dep_ == "pobj"]
        object_words |= {w for o in asked_for for w in phrase_lemmas(o)}
        if any(_names_weapon(o) for o in objects + asked_for):
            object_words.add(NAMED_WEAPON)  # "will send HIMARS to Ukraine", "asked Australia for Bushmasters"
        untargeted: tuple | None = None   # the first pattern that found all but a target
        sense_fits = False   # a phrasal sense fits but for its target ("hit the country with sanctions")
        lemma = verb_lemma(verb, self.lexicon.verbs)
        patterns = self.lexicon.verbs[lemma]
        if any(NAMED_ORGANISATION in p.requires_word for p in patterns) and any(
                resolver.organisation_at(t) for t in verb.sent if t.pos_ == "PROPN"):
            object_words.add(ORGANISATION_IN_SENTENCE)  # "would not approve Sweden's NATO bid"
        # "Macron hit back": with a particle some pattern of the verb names, it is that phrasal
        # verb, not the bare one
        particles = {c.lower_ for c in verb.children if c.dep_ in {"prt", "advmod"}} & self.particles[lemma]
        for pattern in patterns:
            attempt = Attempt(verb.text, verb.i, pattern.id, pattern.code, "skipped", "")
            attempts.append(attempt)
            why_not = ("a phrasal verb (" + " ".join(sorted(particles)) + "), not this one"
                       if particles and not pattern.with_words else
                       self._pattern_fits(pattern, verb, object_words))
            if why_not:
                attempt.reason = why_not
                continue
            mood = self.mood(verb)
            if pattern.travel and mood.kind != "asserted" and any(
                    c.dep_ in {"prt", "advmod"} and c.lower_ == "on" for c in verb.children):
                # "was due to fly on to Qatar": the next leg of the tour the story is about, told
                # as its itinerary, is no intent of a visit of its own
                attempt.reason = "the planned onward leg of a journey"
                continue
            if pattern.negative:
                # "had no involvement", "had nothing to do with it": the negation is the denial
                if not (mood.negated or object_words & NEGATIVE_OBJECTS):
                    attempt.reason = "a denial pattern needs a negation"
                    continue
                if self._denied_for_another(verb, resolver):
                    attempt.reason = "another party says it had no part: no denial of its own"
                    continue
                mood.negated = False
            if mood.kind == "asserted" and is_after(self._own_date(verb, sentence.reference_date, False),
                                                    sentence.reference_date):
                mood.kind = "future"
            if pattern.planned_only and mood.kind == "asserted":
                attempt.reason = "coded only when planned or held out"
                continue
            refined = self._refine(pattern, verb, objects)
            if self._decided(mood, refined, pattern) or self._ordered_own(mood, resolver):
                mood.kind = "asserted"
            elif self._announced_measure(mood, refined, verb):
                announcers = self.clause_subject(verb, resolver)
                if announcers and all(_state_itself(a) for a in announcers):
                    mood.kind, mood.announced = "asserted", True
            code = self._mood_code(pattern, refined, mood)
            if code is None:
                attempt.reason = f"not coded: {mood.label}"
                continue
            conflict = self.ontology[code].quad_class == MATERIAL_CONFLICT
            violent = code[:2] in VIOLENT_ROOTS
            if ((violent or code in DESTRUCTION_CODES) and _passive(verb) and not _agent_named(verb)
                    and verb.lemma_.lower() not in self.modality.stative_participles):
                # "three civilians were killed in a car bombing, police said": whoever reports
                # an agentless attack did not do it
                sources = self._doers_of_act(verb, resolver) or self._unclaimed_attackers(verb, resolver)
            elif pattern.travel and _passive(verb):
                # "the minister was flown to Moscow" travelled; "the TB2 has been flown by Turkey
                # in Syria" is no visit by Turkey, nor are "Russian-built helicopters flown into
                # Bamako" a Russian one (only people and bodies travel)
                sources = [a for o in objects if o.dep_ in PASSIVE_SUBJECT_DEPS
                           for a in resolver.actors(o) if a.is_known and (a.name or a.sectors)]
            else:
                sources = self._verb_sources(verb, pattern, resolver, mood)
                subject = _subject_token(verb)
                if pattern.travel and subject is not None and _mentions_weapon(subject):
                    # "the first French Mirage 2000-5 fighters have arrived in Ukraine": weapons
                    # delivered, no visit (the transfer records them)
                    sources = []
            if not sources and pattern.place_doer and _passive(verb) and not _agent_named(verb):
                # "French aircraft were barred from Niger's airspace": Niger barred them;
                # "Canada's envoy in New Delhi was summoned", "France's ambassador to Britain
                # was called in to the Foreign Office": the state of his post did
                places = _preposition_objects(verb, ("from",)) + [
                    p for subject in objects for p in _preposition_objects(subject, ("in", "to"))
                ] + _preposition_objects(verb, ("to",))
                # ("Xi was greeted in the Kremlin": where one is received is whose guest one is)
                places += _preposition_objects(verb, ("in", "at")) if pattern.host_place else []
                sources = next(([a] for place in places for a in [
                    *self._owner_of(place, resolver), *resolver.actors(place)]
                    if a.is_known and (not a.sectors or a.sectors == ("GOV",))), [])
            if not sources and pattern.owner_doer and _passive(verb) and not _agent_named(verb):
                # "Kosovo's special police units will be withdrawn": whoever's they are withdraws them
                sources = [a for o in objects for a in resolver.actors(o) if a.is_known][:1]
                sources = [Actor.build(a.country, (), None, a.text, a.igo) for a in sources]
            if not sources and conflict:
                sources = self._unclaimed_attackers(verb, resolver, violent)
            if pattern.reciprocal and not any(s.is_known for s in sources):
                sources = self._story_delegates(verb, resolver) or sources
            targets = self._targets(verb, objects, pattern, resolver, mood, sources)
            own_side = bool(targets) and all(not t.is_known or any(_same_side(s, t) for s in sources)
                                             for t in targets)
            # (a side the story supplies, text unnamed, gives way to the one the condition names:
            # "Seoul will respond strongly if the North worsens the situation")
            from_story = bool(targets) and all(not t.text for t in targets)
            if ((not targets or from_story) and mood.condition or own_side) \
                    and self.ontology[code].quad_class in CONFLICT_QUADS:
                # "will retaliate if Israel strikes back": a threat held out on another's act
                # is aimed at that other (not at the speaker's own parliament: "warned parliament
                # that Italy would respond unless Egypt changed course")
                condition = self._condition_clause(verb) or next(
                    filter(None, (self._condition_clause(c) for c in verb.children if c.dep_ == "ccomp")), None)
                doer = _subject_token(condition) if condition is not None else None
                # ("if the military council failed to hand over power": a state's organ of no
                # named state is the story's state's)
                held_out = [a for a in (x if x.is_known else resolver.with_state_of_sentence(x, verb)
                                        for x in resolver.actors(doer))
                            if a.is_known and not any(a.same_entity(s) for s in sources)] if doer is not None else []
                targets = held_out or targets
            if mood.kind in {"appeal", "demand"}:
                targets = resolver.actors(mood.addressee) if mood.addressee is not None else []
                if mood.kind == "demand" and not any(t.is_known for t in targets) and sources and (
                        mood.addressee is None or mood.addressee.pos_ not in {"PROPN", "PRON"}):
                    # "demanded that the restrictions be lifted at once": of whoever the story
                    # says imposed them, its other side
                    partner = resolver.context.partner_of(sources[0])
                    targets = [partner] if partner is not None and not any(
                        _same_side(s, partner) for s in sources) else targets
            elif pattern.converse and not (pattern.buyer_intends and mood.kind != "asserted"):
                # "Ukraine received tanks from Germany": the giver acts on the receiver (but
                # "Norway will buy tanks from Germany" tells Norway's intent)
                sources, targets = targets, sources
            events = self._events(pattern, code, sources, targets, verb, sentence, resolver,
                                  anchor_date, mood)
            if isinstance(events, str):
                attempt.reason = events
                # not a trip to one's own country ("Kenya's president was in Nairobi")
                # (and not when the one role a target could fill holds a thing: "received air
                # defence systems" is no visit received)
                if (events == "no target actor" and untargeted is None and not pattern.converse and not sense_fits
                        and not (pattern.target == ("object",) and objects)
                        # ("speaking in Kolkata": a talk with no one it needs)
                        and _has_required_prep(pattern, verb, objects)
                        and not _passes_through(verb, self.modality.transparent_verbs)
                        and any(s.is_known for s in sources)
                        and not (targets and code in OWN_COUNTRY_TRIPS)):
                    untargeted = (attempt, pattern, code, [s for s in sources if s.is_known], mood)
                # (then no looser sense of the verb stands in for it: sanctions are no attack)
                sense_fits = sense_fits or (events == "no target actor" and bool(pattern.with_words and pattern.objects))
                continue
            attempt.outcome, attempt.code, attempt.events = "coded", code, events
            attempt.reason = f"{mood.label}; source and target found"
            attempt.announces = "complement" in pattern.target
            break
        else:
            if untargeted is not None:
                # "Japan condemned the attack": the act is told even when whom it is aimed at
                # is not; the event has no target (and scores as none in gold files)
                attempt, pattern, code, sources, mood = untargeted
                events = self._events(replace(pattern, no_target=True), code, sources, [], verb,
                                      sentence, resolver, anchor_date, mood)
                if not isinstance(events, str):
                    attempt.outcome, attempt.code, attempt.events = "coded", code, events
                    attempt.reason = f"{mood.label}; no target named"
                    attempt.announces = "complement" in pattern.target
        return attempts

    def _pattern_fits(self, pattern: Pattern, verb: Token, object_words: set[str]) -> str:
        # "called Morrison on Wednesday" has no particle "on": a preposition of time is none;
        # nor is a clause with a subject of its own or a verb coordinated with it part of the
        # verb ("told the council the text would have left Hamas in place" is no order to leave)
        words = [c for c in verb.children if not _time_phrase(c) and not (
            c.dep_ == "ccomp" and _subject_token(c) is not None or c.dep_ == "conj" and c.pos_ in CLAUSE_POS)]
        # "ordered the ambassador out of the country": the particle may hang on the object
        words += [g for c in verb.children if c.dep_ in OBJECT_DEPS for g in c.children
                  if g.dep_ == "prep" and g.lower_ in PARTICLES_ON_OBJECTS
                  and any(p.dep_ == "prep" for p in g.children)]
        words += [g for head in _particle_heads(verb)[1:] for g in head.children if g.dep_ == "prep"]
        # ("called its ambassador in Tel Aviv, Sakir Ozkan Torunlar, home": the adverb may hang
        # on the object's apposition)
        words += [g for c in verb.children if c.dep_ in OBJECT_DEPS for a in c.children if a.dep_ == "appos"
                  for g in a.children if g.dep_ in {"npadvmod", "advmod"} and g.i > a.i]
        # "gave the officials 72 hours to leave": the infinitive may hang on the object
        words += [g for c in verb.children if c.dep_ in OBJECT_DEPS for g in c.children
                  if g.dep_ in {"acl", "relcl"} and any(a.dep_ == "aux" and a.lower_ == "to" for a in g.children)]
        # (an idiom's noun stands bare: "joined forces" is an idiom, "joined Turkish forces" is
        # not; but a parse that hangs the object on the idiom's noun as a compound, "sent the
        # Hungarian consul home", still has the idiom)
        idiomatic = [c for c in words if not (c.dep_ in OBJECT_DEPS and c.pos_ == "NOUN" and any(
            g.dep_ in {"amod", "det", "nummod"} for g in c.children)
            and not any(g.dep_ == "compound" for g in c.children))]
        children = {c.lower_ for c in idiomatic} | {c.lemma_.lower() for c in idiomatic}
        missing = [w for w in pattern.with_words if w not in children]
        if missing:
            return f"needs '{' '.join(missing)}' with the verb"
        if pattern.code[:2] == CONSULT_ROOT and verb.lemma_.lower() in self.modality.phone_verbs and any(
                (c.lower_ == "for" and c.dep_ == "prep") or _for_clause(c) for c in words):
            return "a call for something asks for it: no telephone call"
        idiom = next((f"{g.head.lower_} {g.lower_}" for g in preposition_objects(verb, tuple(pattern.requires_prep))
                      if g.lemma_.lower() in pattern.targets_exclude), None)
        if idiom is not None:
            # "came to blows", "came to power", "spoke to reporters": the preposition the
            # pattern needs holds a word it excludes, so the verb has another sense
            return f"'{verb.text} {idiom}' is not this sense"
        doer = _doer(verb)
        doer_lemma = doer.lemma_.lower() if doer is not None else None
        if pattern.doers and doer_lemma not in pattern.doers:
            return "the one who acts is not one of " + ", ".join(sorted(pattern.doers)[:4])
        if doer_lemma in pattern.doers_exclude or (
                # ("the Embraer 190, flying from Baku": a named aircraft flies, no one travels)
                NAMED_WEAPON in pattern.doers_exclude and doer is not None and _names_weapon(doer)):
            return f"'{doer_lemma}' does not act in this sense"
        if pattern.code[:2] == CONSULT_ROOT and any(
                (of_object(g) or g).lemma_.lower() in self._attack_words
                for g in preposition_objects(verb, ("with",))):
            # "Boko Haram has greeted the new government with a wave of attacks"
            return "met with attacks: no meeting"
        if pattern.standing and _describes_party(verb):
            # "the Polisario Front, which is backed by Algeria", "rival blocs backed by Riyadh":
            # a relation that describes a party, not an act of the day
            return "describes a party by a standing relation"
        if pattern.code[:2] in VIOLENT_ROOTS and verb.dep_ in {"relcl", "acl"} and any(
                c.dep_ == "prep" and c.lower_ == "alongside" for c in verb.children) and not (
                preposition_objects(verb, ("against",))):
            # "the Chadian soldiers who have fought alongside Nigerian troops": a party described
            # by its allies, no foe named
            return "describes a party by whom it fought alongside"
        if pattern.code[:2] in VIOLENT_ROOTS and any(
                c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                for c in verb.children):
            # "Szijjarto shot back that Ban had spoken on untrue reports": a retort, not a shot
            return "tells what someone said: 'shot back that ...' is a retort"
        phrasal = bool(pattern.with_words) and all(
            any(c.dep_ == "prt" and c.lower_ == w for c in verb.children) for w in pattern.with_words)
        if verb.lemma_.lower() in self.modality.evaluative_verbs and not phrasal and (
                any(c.dep_ == "oprd" and c.lower_ not in pattern.with_words for c in words) or (
                    verb.lemma_.lower() in self.modality.phone_verbs
                    and any(c.dep_ != "xcomp" and c.lower_ not in pattern.with_words
                            for c in _judgment_complements(verb)))):
            # (but "called its ambassador home": the word the pattern needs is no judgment)
            return "names or judges its object (\"calls it Nansha\"): a statement, if anything"
        if pattern.objects and not (object_words & pattern.objects) and not (
                # "agreed on Friday to a ceasefire": a prepositional verb acts on its preposition's object
                pattern.with_words and {w for o in _preposition_objects(verb, pattern.with_words)
                                        for w in phrase_lemmas(o)} & pattern.objects):
            return "object is not one of " + ", ".join(sorted(pattern.objects)[:6])
        if pattern.objects_exclude and object_words & pattern.objects_exclude:
            return "object excluded for this pattern"
        if pattern.object_owner and (pattern.object_owner == "self") != _doers_own_object(verb):
            # "is sending its ambassador back to Tehran" returns an envoy; no one expels his own
            return "the object is " + ("another's" if pattern.object_owner == "self" else "the doer's own")
        if pattern.complements and any(c.dep_ in {"xcomp", "ccomp"} and c.pos_ in CLAUSE_POS
                                       and c.lemma_.lower() not in pattern.complements for c in verb.children):
            # "invited Copenhagen to withdraw its contingent": asks for that act, no meeting
            return "asks for an act of its own, coded as that act"
        if pattern.code == SIGNING and verb.dep_ == "relcl" and verb.head.lemma_.lower() in pattern.objects \
                and _object_of(verb) is None:
            # "the migration agreement the EU concluded with Turkey in 2016": a clause naming
            # which agreement is meant, not news of its signing
            return "names an agreement by who signed it"
        if pattern.code == AGREEING and verb.dep_ in {"relcl", "acl"} and verb.head.pos_ == "NOUN" \
                and _object_of(verb) is None:
            # "an arrangement agreed with Washington last year", "the jet that France and
            # Germany agreed to develop": a clause naming which thing is meant by who agreed it
            return "names a thing by who agreed on it"
        if pattern.code[:2] == DEMAND_ROOT and any(_factual_clause(c) for c in verb.children if c.dep_ == "ccomp"):
            # "insisted that only a few drones had been shipped": a claim about the past asks nothing
            return "insists on what was, asks for nothing"
        if verb.lemma_ == "be" and any(_planned_with_be_to(c) for c in verb.children):
            return "'is to' only announces the act it governs"
        if pattern.requires_word and not sentence_words(verb.sent) & pattern.requires_word and not (
                # ("approved a package of F-16s": a weapon named by the gazetteer is such a word)
                NAMED_WEAPON in pattern.requires_word
                and any(_mentions_weapon(o) for o in object_tokens(verb))) and not (
                NAMED_ORGANISATION in pattern.requires_word and ORGANISATION_IN_SENTENCE in object_words):
            return "sentence lacks " + "/".join(sorted(pattern.requires_word))
        return ""

    def _refine(self, pattern: Pattern, trigger: Token, objects: list[Token]) -> str:
        if not pattern.domains:
            return pattern.code
        words = {trigger.lemma_.lower()}
        for token in [trigger, *objects]:
            for child in token.subtree:
                if child.dep_ in {"amod", "compound", "advmod", "nmod", "conj", "npadvmod", "acl"} or child.i == token.i:
                    words.add(child.lemma_.lower())
                    words.add(child.lower_.rstrip("ly") if child.lower_.endswith("ally") else child.lower_)
            words |= {w[:-4] for w in list(words) if w.endswith("ally")}
        # "opened fire on protesters", "shot dead 60 Palestinians during mass protests": whom or
        # amid what the act was aimed says its kind too
        words |= {t.lemma_.lower() for pobj in preposition_objects(trigger, AIMED_PREPOSITIONS)
                  for t in (pobj, *(c for c in pobj.children if c.dep_ in {"amod", "compound"}))}
        for domain, code in pattern.domains:
            if words & self.lexicon.domains.get(domain, frozenset()):
                return code
        return pattern.code

    def _announced_measure(self, mood: Mood, code: str, verb: Token) -> bool:
        """"Finland will shut the last crossing to travellers from Thursday": a coercive measure
        a state announces to take effect on a set date is decided, not threatened (farmers who
        "would blockade Paris from Monday" threaten)."""
        if mood.kind != "future" or mood.negated or mood.condition or not any(
                code.startswith(prefix) for prefix in self.modality.scheduled_codes):
            return False
        for child in verb.children:
            if child.lower_ in self.modality.effective_markers and any(
                    t.ent_type_ == "DATE" for t in child.subtree if t != child):
                return True
        return False

    def _decided(self, mood: Mood, code: str, pattern: Pattern) -> bool:
        """Whether an intended act was decided rather than planned: a coercive act one agrees
        to ("EU leaders agreed to ban Belarusian airlines"), an act done by declaring it."""
        if mood.negated or mood.condition:
            return False
        if pattern.id in self.modality.declared_patterns and (mood.kind == "future" or mood.kind == "intent" and (
                mood.governor is not None and mood.governor.lemma_.lower() in self.modality.decision_verbs)):
            return True     # ("Nauru will recognise the People's Republic of China": it has)
        return (mood.kind == "intent" and mood.governor is not None
                and mood.governor.lemma_.lower() in self.modality.decision_verbs
                and code[:2] in self.modality.decided_roots)

    def _mood_code(self, pattern: Pattern, code: str, mood: Mood) -> str | None:
        """The code an action takes in its mood: planned acts become intents, urged acts
        appeals, refused or negated intents rejections; hypothetical acts are not coded."""
        kind = mood.kind
        if mood.condition and kind in {"future", "intent", "hypothetical"} and not mood.negated and (
                mood.condition == "ultimatum" or self.ontology[code].quad_class in CONFLICT_QUADS):
            return self.modality.convert("threat", code)
        if kind in {"cancelled", "hypothetical", "described"}:
            return None
        if mood.negated:
            return self.modality.convert("refusal", code) if kind in {"future", "intent"} else None
        if kind == "asserted":
            return code
        if kind == "intent" and mood.governor is not None and (
                mood.governor.lemma_.lower() in self.modality.preparing_verbs):
            prepared = self.modality.convert("preparation", code)
            if prepared is not None:
                return prepared
        if kind == "intent" and mood.governor is not None and (
                mood.governor.lemma_.lower() in self.modality.threatening_verbs):
            # "threatened to withdraw from the ceasefire agreement": whatever is held out is a threat
            return self.modality.convert("threat", code)
        table = "intent" if kind == "future" else kind
        return self.modality.convert(table, code)

    # -- mood -----------------------------------------------------------------------------
    def mood(self, verb: Token) -> Mood:
        """The mood of the clause a verb heads, climbing control and complement chains."""
        modal = self.modality
        if (verb.dep_ == "conj" and verb.head.dep_ == "xcomp" and verb.tag_ == "VB"
                and _subject_token(verb) is None
                and not any(c.dep_ in {"aux", "auxpass"} and c.lower_ != "to" for c in verb.children)):
            # "called on them to conclude an agreement and (to) ask Ethiopia": a conjunct of a
            # complement is as planned or asked as the complement; "urged the US to stop selling
            # arms and to end military contacts": an infinitive joined to a gerund is the
            # gerund's governor's conjunct
            head = verb.head
            if head.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and (
                    head.head.dep_ == "xcomp"):
                head = head.head
            shared = self.mood(head)
            return replace(shared, negated=_negated(verb))
        mood = Mood(negated=_negated(verb))
        reported = _reported(verb, modal.speech_verbs)
        mood.kind = self._auxiliary_mood(verb, reported)
        if _not_yet_done(verb):
            # "the only members yet to ratify", "has yet to respond", "was to have come to
            # Ankara on Friday": not done (yet)
            return Mood(kind="hypothetical", negated=mood.negated, governor=verb.head)
        if verb.lemma_ == "be" and any(c.dep_ == "acomp" and c.lemma_.lower() in modal.intent_adjectives
                                       and not any(g.dep_ == "xcomp" for g in c.children) for c in verb.children):
            # "had been due in the Polish capital on Thursday": a visit planned (not "is due
            # to meet Trump", where the plan is the infinitive's)
            mood.kind, mood.governor = _stronger(mood.kind, "intent"), verb
        asked = self._asked_by_noun(verb)
        if asked is not None:
            return asked
        if verb.dep_ in {"acl", "ccomp"} and verb.head.pos_ == "NOUN" and _said_false(
                verb.head, modal.accusation_nouns, modal.falsity_words):
            # "claims that Iran had supplied missiles were entirely false": not told as done
            return Mood(kind="cancelled", negated=mood.negated, governor=verb.head)
        if verb.dep_ in {"acl", "ccomp"} and verb.head.pos_ == "NOUN" and verb.head.head.lemma_.lower() in (
                modal.denial_verbs) and verb.head.dep_ in OBJECT_DEPS:
            # "denied reports that its officers ordered the killing", "rejected claims that ..."
            return Mood(kind="cancelled", negated=mood.negated, governor=verb.head.head)
        if verb.dep_ == "pcomp" and verb.head.lower_ == "from" and (
                verb.head.head.lemma_.lower() in modal.preventing_verbs):
            # "banned the officers from travelling to the bloc": kept from it, not done
            return Mood(kind="cancelled", negated=mood.negated, governor=verb.head.head)
        if verb.dep_ == "pcomp" and verb.head.lower_ == "on" and any(
                t.lemma_.lower() in modal.prohibition_nouns for t in (verb.head.head, *(
                    c for c in verb.head.head.children if c.dep_ in OBJECT_DEPS))):
            # "lifted the ban on supplying S-300 systems to Iran": what is banned is not done
            # (the preposition may hang on the verb whose object the ban is)
            return Mood(kind="cancelled", negated=mood.negated, governor=verb.head.head)
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.lemma_.lower() in modal.party_nouns and (
                verb.head.dep_ not in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS):
            # "serve with the African Union force fighting al Shabaab": what a party is known
            # for doing describes it; the story does not tell it as an event
            return Mood(kind="described", negated=mood.negated, governor=verb.head)
        if verb.dep_ == "pcomp" and verb.head.lower_ == "of" and verb.head.head.lemma_.lower() in (
                modal.ability_adjectives):
            # "is capable of striking Kyiv": what could be done
            return Mood(kind="hypothetical", negated=mood.negated, governor=verb.head.head)
        if verb.dep_ == "pcomp" and verb.head.pos_ == "ADP" and (
                f"{verb.head.head.lemma_.lower()} {verb.head.lower_}" in modal.charging_phrases):
            # "accused Islamabad of shelling Afghan villages": a charge, not an act told as done
            return Mood(kind="cancelled", negated=mood.negated, governor=verb.head.head)
        if verb.dep_ == "pcomp" and verb.head.pos_ == "ADP" and (
                f"{verb.head.head.lemma_.lower()} {verb.head.lower_}" in modal.deliberating_phrases):
            # "had looked at buying Chinese jets": turned over in mind, not done
            return Mood(kind="cancelled", negated=mood.negated, governor=verb.head.head)
        if verb.dep_ == "pcomp" and verb.head.pos_ == "ADP" and verb.head.lower_ in {"at", "towards", "toward", "to"} and (
                verb.head.head.lemma_.lower() in modal.intent_verbs):
            # ("committed to moving its embassy": undertaken, not yet done)
            # "a trip aimed at pushing for a ceasefire": what the trip is for, not yet done
            return Mood(kind="intent", negated=mood.negated, governor=verb.head.head)
        if verb.dep_ == "acl" and verb.head.pos_ == "NOUN" and verb.head.dep_ in OBJECT_DEPS and (
                verb.head.head.lemma_.lower() in modal.cancelling_verbs) and _purpose_clause(verb):
            # "halted its plan to annex the West Bank", "dropped a bid to join": not done
            return Mood(kind="cancelled", negated=mood.negated, governor=verb.head.head)
        current = verb
        if current.dep_ == "conj" and current.head.dep_ == "ccomp" and any(
                c.dep_ == "mark" and c.lower_ == "that" for c in current.children):
            # "alleged that France knew, and that its military helped carry out killings": a
            # second "that" clause is said, denied or alleged as the first is
            current = current.head
        while current.dep_ in {"xcomp", "ccomp", "acomp", "advcl"} and current.head != current:
            if _misparsed_main_verb(current):
                break
            governor = current.head
            lemma = governor.lemma_.lower()
            controlled = (modal.intent_verbs | modal.refusal_verbs | modal.cancelling_verbs
                          | modal.demand_verbs | modal.appeal_verbs)
            if current.dep_ == "advcl" and not (_purpose_clause(current) and lemma in controlled) and not (
                    # "called for Eritrean forces to leave Tigray": asks them to leave
                    _for_clause(current) and lemma in modal.demand_verbs | modal.appeal_verbs):
                # (an infinitive after a controlling verb is its complement, however parsed:
                # "have sworn to fight")
                if any(c.dep_ == "mark" and c.lower_ in modal.hypothetical_markers for c in current.children):
                    mood.kind = "hypothetical"
                elif _purpose_clause(current) and mood.kind == "asserted" and not mood.negated:
                    # "willing to send material to help defend Saudi Arabia": an act done for
                    # the sake of a planned, asked or refused one is no more real than it
                    governing = self.mood(governor)
                    if governing.kind != "asserted" or governing.negated:
                        return governing
                break
            if current.dep_ == "ccomp" and lemma in modal.appeal_verbs | modal.demand_verbs and any(
                    c.lower_ in QUESTION_WORDS and c.dep_ in {"advmod", "mark", "nsubj", "dobj"}
                    for c in current.children):
                # "asked why the ruling had come on that day": a question, which asks no one
                # to do what the clause says
                mood.kind, mood.governor = "cancelled", governor
                break
            if current.dep_ == "ccomp" and lemma in modal.denial_verbs:
                # "denied that its officers ordered the killing": what is denied is not told
                mood.kind, mood.governor = "cancelled", governor
                break
            if current.dep_ == "ccomp" and lemma in modal.unverified_verbs:
                # "alleged that the French military helped carry out killings": a charge
                mood.kind, mood.governor = "cancelled", governor
                break
            if current.dep_ == "ccomp" and lemma in modal.speech_verbs and _negated(governor):
                # "did not confirm that it had carried out any strikes": what is not said is
                # not told either
                mood.kind, mood.governor = "cancelled", governor
                break
            if current.dep_ == "ccomp" and lemma in modal.deciding_verbs and mood.kind == "future" and (
                    governor.tag_ == "VBD" and not _negated(governor)):
                # "Germany will pull its soldiers out of Incirlik, the cabinet decided": what was
                # decided is told as done, as "decided to pull them out" is
                mood.kind = "asserted"
                break
            if current.dep_ == "ccomp" and lemma not in (modal.intent_verbs | modal.demand_verbs | modal.appeal_verbs
                                                         | modal.transparent_verbs):
                # ("will help Australia acquire submarines" parsed as a small clause: as planned
                # as the helping)
                break
            if governor.pos_ == "ADJ" and lemma in modal.ability_adjectives:
                # "missiles able to hit targets far behind the lines": what could be done
                # (but "its forces were able to repel the attack": what they managed to do)
                if not (governor.head.lemma_ == "be" and governor.head.tag_ == "VBD"):
                    mood.kind, mood.governor = "hypothetical", governor
                break
            if governor.pos_ == "ADJ" and lemma in modal.intent_adjectives:
                mood.kind, mood.governor = _stronger(mood.kind, "intent"), governor
            elif lemma in modal.cancelling_verbs or (lemma in modal.permission_verbs and _negated(governor)):
                mood.kind, mood.governor = "cancelled", governor
                break
            elif lemma in modal.refusal_verbs:
                mood.kind, mood.governor = "refusal", governor
            elif lemma in modal.demand_verbs | modal.appeal_verbs and self._asked(governor, current) is not None and not (
                    current.dep_ == "ccomp" and (_factual_clause(current) or _told_before_governor(current))):
                mood.kind = "demand" if lemma in modal.demand_verbs else "appeal"
                mood.governor, mood.addressee = governor, self._asked(governor, current)
                if self._auxiliary_mood(governor, _reported(governor, modal.speech_verbs)) == "hypothetical":
                    # "a draft that would call on Ethiopia to ...": no one has asked yet
                    mood.kind = "hypothetical"
                    break
            elif lemma in modal.demand_verbs | modal.appeal_verbs and current.dep_ == "xcomp" and not any(
                    c.dep_ in OBJECT_DEPS | DATIVE_DEPS for c in governor.children):
                # ("Nigeria had asked to buy 1,002 bombs": asking leave to act oneself wants it)
                mood.kind, mood.governor = _stronger(mood.kind, "intent"), governor
            elif lemma in modal.intent_verbs or (lemma in modal.object_control_verbs and current.dep_ == "xcomp"):
                # ("chose Hanwha to supply its vehicles": what the chosen one is to do is planned)
                mood.kind, mood.governor = _stronger(mood.kind, "intent"), governor
            elif lemma not in modal.transparent_verbs and governor.pos_ != "AUX":
                if governor.dep_ in OBJECT_DEPS | {"ccomp"} and (
                        governor.head.lemma_.lower() in modal.denial_verbs | modal.refusal_verbs):
                    # "denied Turkish officials permission to visit Gaza": not allowed, not done
                    mood.kind, mood.governor = "cancelled", governor.head
                break
            if _negated(governor):
                mood.negated = not mood.negated if mood.kind != "refusal" else mood.negated
            governing_mood = self._auxiliary_mood(governor, _reported(governor, modal.speech_verbs))
            if governing_mood == "hypothetical" and mood.kind in {"asserted", "future"}:
                mood.kind = "hypothetical"
            elif governing_mood == "future" and mood.kind == "asserted":
                mood.kind = "future"
            current = governor
        if any(c.dep_ == "mark" and c.lower_ in modal.hypothetical_markers for c in verb.children):
            mood.kind = "hypothetical"
        if mood.kind == "asserted" and verb.dep_ in {"acl", "relcl"} and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            # "an invitation to visit India", "a plan to buy jets": an act still to come; but
            # an act held for the purpose is done with it ("a rally in Lagos to protest ...")
            held = verb.head.lemma_.lower() in self.lexicon.nouns and self.noun_mood(
                verb.head, None).kind == "asserted"
            # "the first Saudi monarch to travel to Russia": a rank among those who did it
            ranked = any(c.dep_ in {"amod", "advmod"} and c.lower_ in modal.ranking_words
                         for c in verb.head.children)
            if verb.head.lemma_.lower() in TIME_NOUNS and any(c.dep_ == "nummod" for c in verb.head.children):
                # "have 30 days to raise objections": a window to act, which may go unused
                mood.kind, mood.governor = "hypothetical", verb.head
            elif not held and not ranked:
                mood.kind, mood.governor = "intent", verb.head
        mood.condition = self._condition(verb)
        # (a duty told with "had to" is past in form, so no auxiliary made it hypothetical)
        had_to = _obligating_clause(verb) not in (None, verb)
        if (mood.kind == "hypothetical" or had_to) and not mood.negated:
            obliged = self._obligation(verb)
            if obliged is not None:
                mood.kind, mood.governor, mood.addressee = "demand", obliged, self._obliged(verb, obliged)
        return mood

    def _condition(self, verb: Token) -> str | None:
        clause = self._condition_clause(verb)
        if clause is None:
            return None
        marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
        return "ultimatum" if marks & self.modality.ultimatum_markers else "condition"

    def _condition_clause(self, verb: Token) -> Token | None:
        """The clause an act is held out on: "will withdraw unless ...", "may halt
        mediation if ..."."""
        for clause in verb.children:
            if clause.dep_ != "advcl":
                continue
            marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
            if marks & (self.modality.ultimatum_markers | self.modality.condition_markers):
                return clause
        return None

    def _asked(self, governor: Token, complement: Token) -> Token | None:
        """Who an appeal or demand verb asks to act; the direct object of a phone verb is whom
        one telephoned ("called Erdogan to apologize"), and only "called on X to" asks X."""
        direct_asks = governor.lemma_.lower() not in self.modality.phone_verbs
        return _addressee(governor, complement, direct_asks)

    def _ordered_own(self, mood: Mood, resolver: ActorResolver) -> bool:
        """"Putin ordered his government to lift the ban": an order to one's own state's
        organs is the decision itself, not a demand made of another party."""
        if mood.kind != "demand" or mood.addressee is None or mood.governor is None or (
                mood.governor.pos_ not in CLAUSE_POS):
            return False
        orderers = self.clause_subject(mood.governor, resolver)
        ordered = resolver.actors(mood.addressee)
        return bool(orderers and ordered) and all(
            a.country and a.sectors and set(a.sectors) <= STATE_ORGAN_SECTORS
            and a.country == orderers[0].country for a in ordered)

    def _asked_by_noun(self, verb: Token) -> Mood | None:
        """An act named in a demand or an appeal made as a noun: "its demand that Israel ease
        restrictions", "renewed its call for Iran to release ...", "issued an appeal to Turkey
        to free ...". Who is asked is the clause's subject or the noun's "to" object."""
        if verb.dep_ not in {"acl", "advcl", "ccomp", "xcomp"} or verb.head == verb:
            return None
        if any(c.dep_ == "mark" and c.lower_ not in {"that", "for"} for c in verb.children):
            return None     # "has placed no order since it bought ...": a time, not what is asked
        deadline = self._deadline_given(verb)
        if deadline is not None:
            return deadline
        if verb.dep_ == "acl" and verb.tag_ == "VBG":
            return None     # "signed orders imposing tariffs": the orders do it, no one is asked
        noun = verb.head
        if noun.pos_ in CLAUSE_POS:
            # "issued an appeal to Turkey to free": the clause hangs on the verb of the noun
            noun = next((o for o in object_tokens(noun) if o.lemma_.lower() in
                         self.modality.demand_nouns | self.modality.appeal_nouns), None)
            if noun is None:
                return None
        lemma = noun.lemma_.lower()
        if noun.pos_ != "NOUN" or lemma not in self.modality.demand_nouns | self.modality.appeal_nouns:
            return None
        addressee = _subject_token(verb) or next(
            (o for c in noun.children if c.dep_ == "prep" and c.lower_ in {"to", "on"}
             for o in c.children if o.dep_ == "pobj"), None)
        if addressee is None and noun.dep_ in OBJECT_DEPS and _phrasal_lemma(noun.head) in (
                self.modality.undergoing_verbs):
            # "faces pressure from Congress to help Iran": Congress asks Obama
            addressee = _subject_token(noun.head)
        if addressee is None:
            return None
        kind = "demand" if lemma in self.modality.demand_nouns else "appeal"
        return Mood(kind=kind, negated=_negated(verb), governor=noun, addressee=addressee)

    def _deadline_given(self, verb: Token) -> Mood | None:
        """"have given Qatar ten days to close Al Jazeera": a time given someone to do an act
        demands it of them."""
        giver = verb.head
        if giver.lemma_.lower() not in self.modality.deadline_verbs or not any(
                a.dep_ == "aux" and a.lower_ == "to" for a in verb.children):
            return None
        time = next((c for c in giver.children if c.dep_ in OBJECT_DEPS | {"npadvmod"}
                     and c.lemma_.lower() in self.modality.deadline_nouns), None)
        addressee = next((c for c in giver.children if c.dep_ == "dative"), None)
        if time is None or addressee is None:
            return None
        return Mood(kind="demand", negated=_negated(verb), governor=giver, addressee=addressee)

    @staticmethod
    def interval(trigger: Token) -> tuple[Token, int] | None:
        """The clause an act is dated from and by how many days ("six years after Moscow
        blocked the sale" on a clause of 2016 is of 2010)."""
        return _interval_clause(trigger)

    def _denied_for_another(self, verb: Token, resolver: ActorResolver) -> bool:
        """ "Modi told him the United States had played no part": a denial by negation is the
        denier's own only when the one who says it is the one said to have had no part."""
        speech = _governing_speech_verb(verb, self.modality.speech_verbs)
        if speech is None:
            return False
        speakers = [a for a in self.clause_subject(speech, resolver) if a.is_known]
        doers = [a for a in self.clause_subject(verb, resolver) if a.is_known]
        return bool(speakers and doers) and not any(_same_side(s, d) for s in speakers for d in doers)

    def _obligation(self, verb: Token) -> Token | None:
        """"Russia said Sudan must return the helicopter": a speaker laying a duty on another
        party is a demand. The speech verb, when the clause is one."""
        clause = _obligating_clause(verb)
        if clause is None:
            return None
        speech = _governing_speech_verb(clause, self.modality.speech_verbs)
        subject = _subject_token(clause)
        if subject is None and clause.dep_ == "conj" and clause.head.pos_ in CLAUSE_POS:
            # "said its forces had crossed the border and must withdraw": the shared subject
            subject = _subject_token(clause.head)
        if speech is None or subject is None or subject.pos_ == "PRON":
            return None
        if clause is not verb and _addressee_of_speech(speech) is None:
            return None     # "said Russia had to withdraw": told as what it was made to do
        roles = gazetteer().roles
        if subject.pos_ == "NOUN" and subject.lemma_.lower() not in roles and subject.lower_ not in roles \
                and not (subject.lemma_.lower() in self.modality.violence_nouns and _addressee_of_speech(speech)):
            return None     # "said the first delivery should arrive within weeks": expected, not asked
        return speech

    def _obliged(self, verb: Token, speech: Token) -> Token | None:
        """Who a duty is laid on: the clause's subject, or, when that is no party ("told the
        general the killing must stop"), the one the speaker addressed."""
        clause = _obligating_clause(verb) or verb
        subject = _subject_token(clause)
        if subject is not None and subject.lemma_.lower() in self.modality.violence_nouns:
            return _addressee_of_speech(speech) or subject
        return subject

    def _auxiliary_mood(self, verb: Token, reported: bool) -> str:
        modal = self.modality
        auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
        if (not auxiliaries and verb.dep_ == "conj" and verb.head.pos_ in CLAUSE_POS
                and _subject_token(verb) is None):
            # "would call on the three countries ... and ask Ethiopia": the conjuncts share
            # the first one's auxiliary
            return self._auxiliary_mood(verb.head, reported)
        lowers = {a.lower_ for a in auxiliaries}
        if lowers & modal.future_auxiliaries:
            return "future"
        if _planned_with_be_to(verb):
            return "future"     # "Modi is to visit Moscow", "Japan is to supply four radars"
        if lowers & {"would", "'d"} and reported:
            return "future"
        if lowers & modal.hypothetical_auxiliaries:
            return "hypothetical"
        if "going" in lowers or any(a.lemma_ == "go" and a.dep_ == "aux" for a in auxiliaries):
            return "future"
        return "asserted"

    # -- arguments ------------------------------------------------------------------------
    def _verb_sources(self, verb: Token, pattern: Pattern, resolver: ActorResolver,
                      mood: Mood) -> list[Actor]:
        if mood.kind in {"appeal", "demand"} and mood.governor is not None:
            if mood.governor.pos_ not in CLAUSE_POS:
                # "its demand that ...": the noun's owner, else the one who voiced it
                # ("pressure from Congress to help Iran": the one it comes from)
                return (self._noun_own_actors(mood.governor, resolver)
                        or [a for o in _preposition_objects(mood.governor, ("from",))
                            for a in resolver.actors(o)]
                        or self._noun_clause_source(mood.governor, resolver))
            return self.clause_subject(mood.governor, resolver)
        subject = _subject_token(verb)
        if pattern.holder_place and verb.dep_ == "acl" and verb.tag_ == "VBN" and not _agent_named(verb):
            # "two Swedish citizens held in Iran": the state one is held in holds them, not
            # the clause that mentions them
            place = self._place_near(verb, resolver)
            if place is not None:
                return [Actor.build(place, (), None, "")]
        if (pattern.code[:2] == CONSULT_ROOT and subject is not None and subject.pos_ == "NOUN"
                and (subject.lemma_.lower() in self.lexicon.nouns or subject.lemma_.lower() in RESPONSE_NOUNS)):
            # "Cleverly's answer came on the same platform": an act does not travel or meet
            return []
        return self.clause_subject(verb, resolver)

    def clause_subject(self, verb: Token, resolver: ActorResolver, depth: int = 0) -> list[Actor]:
        """The actors that do what a verb says: its subject, its passive agent, or the subject
        it shares with the clause it depends on."""
        if depth > 6:
            return []
        passive = any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.children)
        # ("was surprised and disappointed by India's reaction": a participle of feeling joined
        # to another word keeps its cause in an agent phrase but has no passive subject of its own)
        felt = verb.lemma_.lower() in self.modality.feeling_participles and (
            passive or verb.dep_ == "conj" and any(c.dep_ == "agent" for c in verb.children))
        if felt or passive and (
                verb.lemma_.lower() in self.modality.stative_participles and not _agent_named(verb)):
            # "Israel is opposed to French mediation": a state, not something done to Israel
            subject = next((c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS), None)
            if subject is not None:
                return resolver.actors(subject)
            if verb.dep_ == "conj":
                # "said it had strong concern and was disappointed by the decision": the one
                # the first verb's subject is, not the act that disappoints ("was surprised and
                # disappointed": the subject of the copula the first word completes)
                first = verb.head.head if verb.head.dep_ in {"acomp", "attr"} else verb.head
                return self.clause_subject(first, resolver, depth + 1)
        doer = _hyphenated_doer(verb)
        if doer is not None:
            return resolver.actors(doer)  # "a U.S.-brokered agreement", "a Qatar-mediated truce"
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS and not passive:
                if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                    antecedent = verb.head
                    if antecedent.lemma_.lower() in self.modality.statement_nouns and antecedent.dep_ in OBJECT_DEPS \
                            and any(t.lemma_.lower() in self.modality.draft_words
                                    for t in antecedent.subtree if t.i < antecedent.i):
                        # "circulated a draft Security Council resolution that would impose
                        # sanctions": a draft speaks for whoever drafted or put it forward
                        drafters = self.clause_subject(antecedent.head, resolver, depth + 1)
                        if drafters:
                            return drafters
                    tablers = [a for c in antecedent.children if c.dep_ == "acl" and c.tag_ == "VBN"
                               for agent in c.children if agent.dep_ == "agent"
                               for o in agent.children if o.dep_ == "pobj" for a in resolver.actors(o)
                               if a.is_known] if antecedent.lemma_.lower() in self.modality.statement_nouns else []
                    if tablers:
                        # "a draft resolution put forward by the United Arab Emirates that
                        # demanded a ceasefire": the text speaks for whoever put it forward
                        return tablers
                    if antecedent.lemma_.lower() in self.modality.statement_nouns:
                        # "backed Washington in a statement that blamed Russia": the issuer's
                        return (resolver.actors(antecedent) or self._noun_own_actors(antecedent, resolver)
                                or self._noun_clause_source(antecedent, resolver))
                    if antecedent.dep_ == "conj" and verb.doc[verb.left_edge.i - 1].lower_ == ",":
                        # "Saudi Arabia and the United States, which have been brokering the
                        # talks": a clause set off after a coordination tells of all of it
                        while antecedent.dep_ == "conj" and antecedent.head.i < antecedent.i:
                            antecedent = antecedent.head
                    return resolver.actors(antecedent)
                if child.pos_ == "VERB":
                    # "The Red Cross operating in Iraq said ..." parsed with the participle as
                    # the subject: the one it describes is
                    described = _subject_token(child)
                    if described is not None:
                        child = described
                speaker = self._reporting_antecedent(verb, child)
                actors = resolver.actors(speaker if speaker is not None else child)
                if not actors and child.lemma_.lower() in self.lexicon.nouns:
                    # "Israeli airstrikes killed five", "a bombing by the group killed...": an
                    # act as subject is done by its own doer
                    actors = [a for a in self._noun_own_actors(child, resolver) if a.is_known or a.sectors]
                if not actors and child.lemma_.lower() in self.modality.statement_nouns:
                    # "a report released in the Rwandan capital alleged ...": a document no one
                    # is named as issuing speaks for the state where it was issued
                    actors = self._issued_in(child, resolver)
                    if not actors and _definite_noun(child):
                        # "Putin suspended the accord. The decree charged that ...": the one
                        # the story just told of speaks in the document it refers back to
                        context = resolver.context
                        earlier = (context.subject_person if context.subject_age <= 1 else None) or (
                            context.subject_body if context.subject_body_age <= 1 else None)
                        actors = [earlier] if earlier is not None and earlier.is_known else []
                return actors
            if child.dep_ == "agent":
                # ("signed by Kazakhstan's president, the host, and by the presidents of Russia
                # and Iran": every agent joined to the first)
                agents = [c for c in verb.children if c.dep_ == "agent"]
                agents += [c for a in agents for c in a.subtree if c.dep_ == "conj" and c.lower_ == "by"]
                objects = [next((c for c in a.children if c.dep_ == "pobj"), None) for a in agents]
                actors = [actor for o in objects if o is not None for actor in resolver.actors(o)]
                if objects[0] is not None:
                    return actors
        if passive:
            actors = self._doers_of_act(verb, resolver)
            if actors:
                return actors
        head = verb.head
        if head == verb:
            return []
        if verb.dep_ == "pcomp" and head.pos_ == "ADP" and head.head != head:
            accused = _object_of(head.head) if head.lower_ in {"of", "for"} else None
            if accused is not None:
                # "accused the RSF of attacking civilians", "praised Japan for helping": the
                # one the verb is about did it
                return resolver.actors(accused)
            # "Pakistan retaliated by closing its airspace": the gerund's doer is the clause's
            return self.clause_subject(head.head, resolver, depth + 1)
        if verb.dep_ == "conj" and not passive:
            # "has been indicted by the court and will resign": the one indicted resigns
            shared = next((c for c in head.children if c.dep_ in PASSIVE_SUBJECT_DEPS), None)
            if shared is not None and head.i < verb.i:
                return resolver.actors(shared)
        if (verb.dep_ == "conj" and verb.tag_ in {"VBD", "VBZ"} and head.dep_ == "ccomp"
                and head.head.lemma_.lower() in self.modality.speech_verbs | self.modality.denial_verbs
                and head.head != head
                and (verb.lemma_.lower() in (self.modality.speech_verbs | self.modality.request_verbs)
                     or not any(a.is_known for a in self.clause_subject(head, resolver, depth + 1)))):
            # "Zhao said the sales violated the principle and urged the United States to ...",
            # "said control of the road was a matter of sovereignty and accused Armenia", "denies
            # that the missile breaches the treaty and accuses the US": the speaker urged or
            # accused, not the sales, the control or the missile
            return self.clause_subject(head.head, resolver, depth + 1)
        if (verb.dep_ == "conj" and verb.tag_ in {"VBD", "VBZ"} and head.dep_ == "xcomp"
                and head.tag_ == "VB" and head.head != head):
            # "urged Ukrainians to stay calm and asked Western leaders for help": a finite verb
            # is no conjunct of the infinitive; it is the governing verb's
            return self.clause_subject(head.head, resolver, depth + 1)
        if (verb.dep_ == "advcl" and verb.tag_ == "VBG" and head.dep_ == "ccomp" and head.pos_ == "AUX"
                and head.head != head and head.head.i < head.i
                and head.head.lemma_.lower() in self.modality.speech_verbs):
            # "told them that ending the tragedy was in their hands, urging a ceasefire": the
            # participle after a judgment said is the speaker's (an act said is its doer's:
            # "Syrian media reported insurgents bombarded Aleppo, killing eight")
            return self.clause_subject(head.head, resolver, depth + 1)
        if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i > head.i:
            # "Myanmar's conflict should stay inside its borders, he said, accusing its forces
            # of ...": a participle after a quotation tagged with its speaker is the speaker's
            speech = next((c for c in head.children if c.dep_ == "parataxis" and c.i < verb.i
                           and c.lemma_.lower() in self.modality.speech_verbs), None)
            if speech is not None:
                return self.clause_subject(speech, resolver, depth + 1)
        if verb.dep_ == "conj" and verb.tag_ == "VBG" and head.tag_ != "VBG":
            # "saying there was no evidence the attack had come from Yemen and accusing Iran":
            # a participle joined to a finite verb continues the participle before it
            earlier = next((a for a in head.ancestors if a.tag_ == "VBG" and a.dep_ in {"advcl", "xcomp", "conj"}), None)
            if earlier is not None:
                return self.clause_subject(earlier, resolver, depth + 1)
        if verb.dep_ == "conj" and passive and not any(
                c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in head.children):
            # "had fired into Nimroz and been met with a response": the one acted on, not the doer
            return []
        if verb.dep_ in {"advcl", "conj"} and verb.tag_ in {"VBD", "VBZ"} and not passive and not any(
                c.dep_ in SUBJECT_DEPS for c in verb.children):
            # "came a day after the UN General Assembly, in a vote of 141 to 7, adopted a
            # resolution": the conjunction read as a preposition, its object is the subject
            subject = next((o for p in head.children if p.dep_ == "prep" and p.lower_ in TIME_CONJUNCTIONS
                            and head.i < p.i < verb.i for o in p.children if o.dep_ == "pobj" and o.i < verb.i), None)
            if subject is not None:
                actors = [a for a in resolver.actors(subject) if a.is_known]
                if actors:
                    return actors
        if verb.dep_ == "conj" or verb.dep_ in {"xcomp", "advcl", "ccomp", "acomp"} and not passive:
            asked = self._asked(head, verb) if verb.dep_ == "xcomp" and head.lemma_.lower() in (
                self.modality.appeal_verbs | self.modality.demand_verbs) and not (
                _misparsed_main_verb(verb)) else None
            if asked is not None and asked.dep_ in OBJECT_DEPS:
                return resolver.actors(asked)
            # ("cleared Morocco to buy F-16s" is sometimes parsed with the infinitive as an
            # adverbial clause)
            infinitive = verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in verb.children))
            chosen = next((c for c in head.children if c.dep_ in OBJECT_DEPS and c.i < verb.i), None) if (
                infinitive and head.lemma_.lower() in self.modality.object_control_verbs
                | self.modality.causing_verbs | self.modality.permission_verbs) else None
            if chosen is not None:
                # "chose Hanwha to supply its next infantry fighting vehicle": the one chosen;
                # "prompting Bogota to recall its ambassador": the one prompted
                return resolver.actors(chosen)
            raised = next((c for c in head.children if c.dep_ in PASSIVE_SUBJECT_DEPS), None)
            if verb.dep_ == "xcomp" and raised is not None and asked is None:
                # "Obama is scheduled to attend", "was forced to withdraw": the passive
                # subject does what the infinitive says
                return resolver.actors(raised)
            return self.clause_subject(head, resolver, depth + 1)
        if verb.dep_ == "relcl" and not passive and not _purpose_clause(verb):
            return resolver.actors(head)
        if (verb.dep_ == "acl" and not passive and head.dep_ == "ROOT"
                and head.pos_ in {"NOUN", "PROPN"} and _object_of(verb) is not None):
            # "The Iraqi air force carried out air strikes" misparsed as a noun phrase with a
            # participle: a sentence has a finite verb, so the verb with an object is it and the
            # noun it hangs on its subject
            return resolver.actors(head)
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and not passive and head.pos_ in {"NOUN", "PROPN"}:
            # "Palestinians protesting along the fence": an active participle is done by the
            # noun it describes, when that names an actor ("a declaration demanding ..." is
            # the clause's subject's)
            described = resolver.actors(head)
            if any(a.is_known for a in described) or described and head.lemma_.lower() not in (
                    self.modality.statement_nouns):
                return described
        if verb.dep_ == "acl" and head.pos_ == "NOUN" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            # "Sudan's decision to break off relations", "the EU's plan to impose sanctions":
            # the one whose decision or plan it is
            owner = next((c for c in head.children if c.dep_ == "poss"), None)
            owners = [a for a in resolver.actors(owner) if a.is_known] if owner is not None else []
            if owners:
                return owners
        if passive and verb.lemma_.lower() in self.modality.hearsay_passives:
            return []
        if verb.dep_ in {"acl", "relcl"} or passive:
            # A participle or an agentless passive ("contracts signed with India"): the doer is
            # the one whose clause reports it, usually the speaker.
            governor = head
            while governor.pos_ not in CLAUSE_POS and governor.head != governor:
                governor = governor.head
            if governor.pos_ in CLAUSE_POS and governor != verb:
                if verb.dep_ == "acl" and self.mood(governor).kind in UNDONE_MOODS:
                    # "asked Iran to press the group to free a carrier seized in the Red Sea":
                    # who seized it is not the one asked to get it freed
                    return []
                return self.clause_subject(governor, resolver, depth + 1)
        return []

    def _doers_of_act(self, verb: Token, resolver: ActorResolver) -> list[Actor]:
        """"killed in Israeli tank shelling": the doer is the one whose act it happened in;
        "set on the orders of Russian services": the one who ordered it."""
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in {"on", "at", "under"}:
                for order in (c for c in child.children if c.dep_ == "pobj" and c.lemma_.lower() in ORDER_NOUNS):
                    actors = [a for o in _preposition_objects(order, ("of",)) for a in resolver.actors(o)
                              if a.is_known]
                    if actors:
                        return actors
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in {"in", "during", "by", "from"}:
                for pobj in (c for c in child.children if c.dep_ == "pobj"):
                    actors = [a for a in self._noun_own_actors(pobj, resolver) if a.is_known]
                    if actors:
                        return actors
        for place in (o for c in verb.children if c.dep_ == "prep" and c.lower_ in {"at", "in", "on"}
                      for o in c.children if o.dep_ == "pobj"):
            # "was signed at a Doha hotel by Zalmay Khalilzad": the agent hung on the place by
            # the parser; only a named person or body acts (not "a hotel by the sea")
            for agent in _preposition_objects(place, ("by",)):
                actors = [a for a in resolver.actors(agent) if a.is_known and (a.name or a.sectors or a.igo)]
                if actors:
                    return actors
        return []

    def _unclaimed_attackers(self, verb: Token, resolver: ActorResolver,
                             violent: bool = True) -> list[Actor]:
        """"A roadside bomb killed four soldiers near Samarra", "killed by an improvised
        explosive device outside Basra": an attack that names no doer is done, as CAMEO codes
        it, by unidentified armed forces (UAF) of the state where it happened."""
        words = self.lexicon.domains.get(UNCLAIMED_ATTACK_DOMAIN, frozenset())
        causes = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        causes += [o for c in verb.children if c.dep_ == "agent" or (
            c.dep_ == "prep" and c.lower_ in {"by", "in"}) for o in c.children if o.dep_ == "pobj"]
        for cause in causes:
            opponents = [a for o in _preposition_objects(cause, ("with",)) for a in resolver.actors(o)
                         if a.is_known] if cause.lemma_.lower() in COMBAT_NOUNS else []
            if opponents:
                # "killed in hand-to-hand fighting with Chinese troops": the other side did it
                return opponents
            if cause.pos_ != "NOUN" or not phrase_lemmas(cause) & words:
                continue
            if resolver.actors(cause) or self._noun_own_actors(cause, resolver):
                return []  # a doer is named ("Taliban-claimed car bomb"), just not an actor here
            attacker = resolver.context.story_attacker
            if attacker is not None and any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"}
                                            for c in cause.children):
                # "the strike killed six people": the story's attack, by its attacker
                return [attacker]
            # "a missile believed to be fired by pro-Russia rebels": the doer the weapon's own
            # clause names
            doers = [a for agent in cause.subtree if agent.dep_ == "agent"
                     for pobj in agent.children if pobj.dep_ == "pobj" for a in resolver.actors(pobj)]
            if doers:
                return doers
            place = self._place_near(cause, resolver) or self._place_near(verb, resolver)
            return [Actor.build(place, (UNIDENTIFIED_ATTACKERS,), None, cause.text)]
        if _passive(verb) and not _agent_named(verb):
            place = self._place_near(verb, resolver)
            if violent:
                # "ten soldiers were killed in Ukraine": nobody is named for it at all
                return [Actor.build(place, (UNIDENTIFIED_ATTACKERS,), None, "")]
            if place is not None:
                # "a missionary was arrested in Lebanon", "the curfew imposed in Sudan": the
                # state coerces where it rules
                return [Actor.build(place, (), None, "")]
        return []

    @staticmethod
    def _place_near(token: Token, resolver: ActorResolver) -> str | None:
        """The state of a place a word is located by: "in Kabul", "near the town of Samarra",
        "outside of the Iraqi city of Basra"."""
        for child in token.children:
            if child.dep_ != "prep" or child.lower_ not in PLACE_PREPOSITIONS:
                continue
            objects = [g for g in child.children if g.dep_ == "pobj"]
            objects += [o for g in child.children if g.dep_ == "prep" for o in g.children if o.dep_ == "pobj"]
            for pobj in objects:
                place = resolver.place_at(pobj)
                if place is not None:
                    return place[1]
                # "the Iraqi city of Basra": a national adjective on the place
                for modifier in (m for m in pobj.children if m.dep_ in {"amod", "compound"}):
                    states = [a.country for a in resolver.resolve(modifier) if a.country and not a.sectors]
                    if states:
                        return states[0]
        return None

    def _reporting_antecedent(self, verb: Token, subject: Token) -> Token | None:
        """"The rebels announced they will return weapons", "Iraq said it would allow": a
        pronoun subject of a reported clause is the one who reports it, when the two agree in
        number (the story's last-named actor is often someone else)."""
        pronoun = subject.lower_
        if pronoun not in {"he", "she", "it", "they"}:
            return None
        speech = _governing_speech_verb(verb, self.modality.speech_verbs)
        reporter = _subject_token(speech) if speech is not None else None
        if reporter is None or reporter.pos_ == "PRON" or reporter.dep_ not in SUBJECT_DEPS:
            return None
        # (a plural verb says so of a name the tagger took for singular: "The Houthis say")
        plural = reporter.tag_ in {"NNS", "NNPS"} or bool(conjuncts(reporter)) or speech.tag_ == "VBP"
        return reporter if plural == (pronoun == "they") else None

    def _targets(self, trigger: Token, objects: list[Token], pattern: Pattern,
                 resolver: ActorResolver, mood: Mood, sources: list[Actor] | None = None) -> list[Actor]:
        if sources and len(sources) > 1 and any(_reciprocal_pronoun(o) for o in objects):
            # "Armenia and Azerbaijan blamed each other": each acts on the other
            return list(sources)
        found = self._targets_in_roles(trigger, objects, pattern, resolver, sources)
        if sources and found and any(o.pos_ == "PRON" for o in objects) and all(
                any(f.same_entity(s) for s in sources) for f in found):
            # "Qatar, the UAE and Pakistan also condemned them": a pronoun object that would name
            # the doers themselves names what they act on, told before
            found = []
        if sources and "parties" in pattern.target:
            # "a truce brokered by Qatar and Egypt": co-mediators are not parties
            found = [f for f in found if not any(_same_side(s, f) for s in sources)]
        if found and sources and pattern.code == DENIAL and all(any(_same_side(s, f) for s in sources) for f in found):
            found = []  # "Baku denied that its troops had fired": a denial answers the accuser
        if found and sources and "that" in pattern.target and pattern.code[:2] in ASKING_ROOTS and all(
                any(_same_side(s, f) for s in sources) for f in found):
            # "Beijing demanded that it cancel the sale": no one demands of itself, so "it" is
            # the party named before it
            pronoun = next((g for c in trigger.children if c.dep_ in {"ccomp", "xcomp"}
                            for g in c.children if g.dep_ in SUBJECT_DEPS and g.pos_ == "PRON"), None)
            if pronoun is not None:
                found = self._other_antecedent(pronoun, sources, resolver) or found
        if not found and sources and mood.kind == "asserted":
            # "announced a sanctions list of its own in response to the EU measures": a
            # response is aimed at whoever it answers
            found = [a for a in self._answered(trigger, resolver)
                     if a.is_known and not any(_same_side(s, a) for s in sources)][:1]
        if not found and sources and trigger.lemma_.lower() in RESPONSE_VERBS:
            # "promised to respond after the European Union imposed sanctions"
            found = [a for clause in trigger.children if clause.dep_ == "advcl" and any(
                         m.dep_ == "mark" and m.lower_ == "after" for m in clause.children)
                     for a in self.clause_subject(clause, resolver)
                     if a.is_known and not any(_same_side(s, a) for s in sources)][:1]
        if found and pattern.story_target and pattern.code[:2] == REDUCE_RELATIONS_ROOT and sources and all(
                any(_same_side(s, f) for s in sources) for f in found):
            found = []      # "Seoul scrapped its pact": its own is no target; the story's other side is
        if not found and sources and "with" in pattern.target:
            # "ratified the agreements under which the country will buy eight F-16s from the
            # United States": the other party is the one the agreement's own clause names
            found = [a for o in objects for clause in o.children if clause.dep_ == "relcl"
                     for token in preposition_objects(clause, ("with", "from"))
                     for a in resolver.actors(token)
                     if a.is_known and a.country and not any(_same_side(s, a) for s in sources)][:1]
        if not found and sources:
            # "Beijing said it firmly opposed the measures": the act told before, by another
            found = self._earlier_doer(objects, sources, resolver)
        if not found and pattern.story_target and sources:
            # ("signed its letter of acceptance for the new F-16s": with the state that makes them)
            makers = [Actor.build(system.producer, (), None, "") for o in [*objects, *preposition_objects(trigger, ("for",))]
                      for system in [_weapon_named(o)] if system is not None and system.producer]
            found = [m for m in makers if not any(_same_side(s, m) for s in sources)][:1]
        if not found and pattern.story_target and sources and (objects or pattern.no_object_ok):
            # "condemned what he called an unprovoked attack": the judged act is the story's
            # other side's
            # ("Jordan recalled its ambassador, Chile and Colombia called their envoys home":
            # a reduction of relations naming no one joins the story's first one, unless it
            # answers one made against its own doer, "Panama withdrew its diplomats"; a response
            # answers another's act and joins no one's, "China would respond")
            shared = pattern.code[:2] in SHARED_TARGET_ROOTS and trigger.lemma_.lower() not in RESPONSE_VERBS
            earlier = next((resolver.context.reducers[_side(s)] for s in sources
                            if shared and _side(s) in resolver.context.reducers), None) or (
                resolver.context.first_targets.get(pattern.code[:2]) if shared else None)
            accuser = resolver.context.accusers.get(sources[0].country or sources[0].igo or "")
            # "India said the attack had cross-border links. Pakistan denied any involvement":
            # a denial answers the one who accused
            partner = (accuser if pattern.code == DENIAL and accuser is not None
                       else earlier if earlier is not None and not any(_same_side(s, earlier) for s in sources)
                       else self._judged_party(pattern.code, sources[0], resolver))
            # (not one of the judges themselves: "France and Germany condemned the strike")
            found = [partner] if partner is not None and not any(_same_side(s, partner) for s in sources) else []
        if not found and sources:
            thanker = self._thanked_for(trigger, resolver)
            if thanker and not any(_same_side(s, t) for s in sources for t in thanker):
                found = thanker
        if not found and pattern.pair_target and sources:
            # "The agreement was brokered by Angolan President Joao Lourenco": between the two
            # states the story is about, when the broker is neither
            pair = [Actor.build(country, (), None, "") for country in resolver.context.dyad()]
            if len(pair) == 2 and not any(_same_side(s, p) for s in sources for p in pair):
                found = pair
        return found

    @staticmethod
    def _story_delegates(verb: Token, resolver: ActorResolver) -> list[Actor]:
        """"After the talks, ministers and officials signed agreements": officials of no named
        state who sign or talk together are the governments of the story's two states."""
        subject = _subject_token(verb)
        if subject is None or subject.lemma_.lower() not in DELEGATE_NOUNS or subject.tag_ != "NNS":
            return []
        pair = resolver.context.dyad()
        return [Actor.build(country, ("GOV",), None, subject.text) for country in pair] if len(pair) == 2 else []

    def _issued_in(self, document: Token, resolver: ActorResolver) -> list[Actor]:
        """The state a document was issued in: "a report released in Kigali"."""
        for participle in (c for c in document.children if c.dep_ == "acl" and c.tag_ == "VBN"
                           and c.lemma_.lower() in ISSUING_PARTICIPLES):
            for place in _preposition_objects(participle, ("in",)):
                named = resolver.place_at(place)
                state = named[1] if named else next(
                    (a.country for a in resolver.actors(place) if a.country and not a.sectors), None)
                if state:
                    return [Actor.build(state, (), None, document.text)]
        return []

    def _thanked_for(self, trigger: Token, resolver: ActorResolver) -> list[Actor]:
        """Who thanks for what a verb describes: "thanked Yerevan for the aid it had sent" (the
        aid was sent to the thanker)."""
        if trigger.dep_ != "relcl" or trigger.head.dep_ not in {"pobj", "conj"}:
            return []
        thing = trigger.head
        while thing.dep_ == "conj":
            thing = thing.head
        preposition = thing.head
        if thing.dep_ != "pobj" or preposition.lower_ != "for":
            return []
        verb = preposition.head
        if verb.lemma_.lower() not in self.modality.thanking_verbs:
            return []
        return [a for a in self.clause_subject(verb, resolver) if a.is_known]

    def _earlier_doer(self, things: list[Token], judges: list[Actor], resolver: ActorResolver) -> list[Actor]:
        """Who did the act a definite noun refers back to: "the test" is the latest test the
        story told; "the decision", "the move", "the measures" the story's first act by anyone
        other than those now acting on it (the lead tells the act; reactions follow); "the
        remarks", "that assessment" the latest thing said by another."""
        for thing in things:
            lemma = thing.lemma_.lower()
            said = lemma in self.modality.speech_act_nouns
            if thing.pos_ != "NOUN" or not (said or lemma in self.modality.act_nouns) or not _definite_noun(thing):
                continue
            generic = lemma in self.modality.generic_act_nouns
            # ("described the three moves as unjustified": the acts of three doers)
            doers = self._doers_of_told(judges, resolver, None if generic else SAID if said else lemma,
                                        latest=not generic, limit=_counted(thing))
            if doers:
                return doers
        return []

    def _latest_act_by_another(self, pronoun: Token, judge: Actor, resolver: ActorResolver) -> list[Actor]:
        """For "it" or "this" judged as a wrong: the doer of the latest act by another."""
        if pronoun.pos_ != "PRON" or pronoun.lower_ not in {"it", "this"}:
            return []
        doer = self._doer_of_told([judge], resolver, None, said=False)
        return [doer] if doer is not None else []

    def _doer_of_told(self, judges: list[Actor], resolver: ActorResolver, told: str | None,
                      latest: bool = True, said: bool = True) -> Actor | None:
        """The doer, other than the judges, of the latest (or first) act the story told under
        ``told`` (a trigger's lemma, or SAID), or of any act when ``told`` is None (things said
        too, unless ``said`` is False)."""
        doers = self._doers_of_told(judges, resolver, told, latest, said)
        return doers[0] if doers else None

    def _doers_of_told(self, judges: list[Actor], resolver: ActorResolver, told: str | None,
                       latest: bool = True, said: bool = True, limit: int = 1) -> list[Actor]:
        """The doers of up to ``limit`` such acts, each of another state or body."""
        found: list[Actor] = []
        acts = reversed(resolver.context.acts) if latest else resolver.context.acts
        told_as = {told} | self.modality.act_noun_verbs.get(told, frozenset()) if told is not None else set()
        for lemma, doer in acts:
            if (lemma not in told_as) if told is not None else (lemma == SAID and not said):
                continue
            if isinstance(doer, Token):
                # ("Iran's test", "strikes by Israel", "Israeli strikes": not "sanctions on
                # Iran", whose preposition names the one acted on)
                named = [a for a in self._owner_of(doer, resolver, prepositions=("by",)) if a.is_known]
                if not named:
                    continue
                doer = named[0]
            doers = doer if isinstance(doer, list) else [doer]
            for one in doers[:1] if limit == 1 else doers:
                if not any(_same_side(j, one) for j in judges) and not any(_same_side(f, one) for f in found):
                    found.append(one)
            if len(found) >= limit:
                break
        return found[:limit]

    def _answered(self, trigger: Token, resolver: ActorResolver) -> list[Actor]:
        """Whose act an act answers: "in response to the EU measures", "in retaliation for
        Israel's strike"."""
        for prep in (c for c in trigger.children if c.dep_ == "prep" and c.lower_ == "in"):
            for noun in (c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in RESPONSE_NOUNS):
                for inner in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in {"to", "for"}):
                    for answered in (c for c in inner.children if c.dep_ == "pobj"):
                        actors = resolver.actors(answered) or self._owner_of(answered, resolver)
                        if actors:
                            return actors
        return []

    @staticmethod
    def _other_antecedent(pronoun: Token, sources: list[Actor], resolver: ActorResolver) -> list[Actor]:
        """The nearest state or body named before a pronoun in its sentence that is not one of
        the sources."""
        for token in reversed(pronoun.doc[pronoun.sent.start:pronoun.i]):
            if token.pos_ not in {"PROPN", "NOUN"} or token.dep_ in {"compound", "amod"}:
                continue
            others = [a for a in resolver.actors(token, expand_conj=False)
                      if a.is_known and not any(_same_side(s, a) for s in sources)]
            if others:
                return others
        return []

    @staticmethod
    def _judged_party(code: str, judge: Actor, resolver: ActorResolver) -> Actor | None:
        """Whom an unnamed act belongs to: a condemned attack is the attacker's (the doer of
        the story's first violent act, when that is not the judge's side), anything else the
        story's other main state."""
        doer = resolver.context.story_attacker
        if code[:2] == DISAPPROVAL_ROOT and doer is not None and not judge.same_entity(doer):
            if (doer.country or doer.igo) != (judge.country or judge.igo) or (
                    set(doer.sectors) - STATE_ORGAN_SECTORS):
                # (a state condemning an attack by a group of its own: "Pakistan condemned the
                # attack", by a Pakistani militant group, is aimed at the group, not at India)
                return doer
        return resolver.context.partner_of(judge)

    @staticmethod
    def _sentence_parties(trigger: Token, resolver: ActorResolver) -> list[Actor]:
        """The states a sentence names as taking part in what the trigger brokers: "a deal
        brokered by China" between the Saudi Arabia and Iran of its clause, "the ceasefire,
        brokered by Russia, ended the fighting between Armenia and Azerbaijan". The broker
        itself is dropped later, as any source is from its own targets."""
        parties: list[Actor] = []
        for token in trigger.sent:
            if token.pos_ != "PROPN" or token.dep_ in {"compound", "poss", "amod"}:
                continue
            if token.i in resolver.mentions and "city" in resolver.mentions[token.i].kinds():
                continue    # ("talks in Doha mediated by Qatar": where, not who)
            for actor in resolver.actors(token, expand_conj=False):
                if actor.is_known and not actor.sectors and actor not in parties:
                    parties.append(actor)
        return parties

    def _targets_in_roles(self, trigger: Token, objects: list[Token], pattern: Pattern,
                          resolver: ActorResolver, sources: list[Actor] | None = None) -> list[Actor]:
        own: list[Actor] = []
        for role in pattern.target:
            if pattern.requires_prep and role not in pattern.requires_prep:
                continue
            holders = objects + _preposition_objects(trigger, pattern.with_words)
            if role == "parties":
                parties = self._sentence_parties(trigger, resolver)
                if parties:
                    return parties
                continue
            for token in self._role_tokens(trigger, holders, role):
                if token.lemma_.lower() in pattern.targets_exclude or (
                        role == "with" and token.lemma_.lower() in HELPER_NOUNS):
                    # ("led the talks with the help of Egypt": a helper, not the other side)
                    continue
                # ("concern over the sinking of a Vietnamese boat by a Chinese coast guard ship":
                # an act is its doer's, whoever it was done to)
                done_by = token.pos_ == "NOUN" and any(c.dep_ in {"prep", "agent"} and c.lower_ == "by"
                                                       for c in token.children)
                doers = self._owner_of(token, resolver, trigger, prepositions=("by",)) if done_by else []
                actors = [a for a in doers if a.is_known] or resolver.actors(token)
                if not any(a.is_known for a in actors):
                    # "a government-held part of Syria's second city": the owner names the state
                    # (an agreement two sides sign is not the broker's: "signed a peace deal
                    # brokered by the United States")
                    owners = self._owner_of(token, resolver, trigger, brokers_own=not pattern.reciprocal)
                    actors = owners if any(a.is_known for a in owners) else actors or owners
                if not actors and token.tag_ == "VBG":
                    # "lifted the ban on supplying S-300 systems to Iran": whom the act named
                    # by a gerund is aimed at
                    actors = [a for c in token.children if c.dep_ in {"prep", "dative"} and c.lower_ in RECIPIENT_PREPOSITIONS
                              for g in c.children if g.dep_ == "pobj" for a in resolver.actors(g) if a.is_known]
                if not actors and role not in {"that", "dative"} and pattern.code[:2] in ATTACKED_PLACE_ROOTS:
                    # "struck an oil refinery in Russia's Bryansk region": what is attacked or
                    # destroyed where a state rules is that state's
                    place = self._place_near(token, resolver)
                    actors = [Actor.build(place, (), None, token.text)] if place else []
                if not actors and role == "object" and sources and not (pattern.reciprocal and len(sources) > 1):
                    # "condemned the sanctions as interference in Venezuela's affairs": an act
                    # the story told, whoever the words about it name (but what several sign
                    # together they sign with each other)
                    actors = self._earlier_doer([token], sources, resolver)
                if role == "object" and pattern.converse:
                    # "bought Russian fighter jets": the things name their maker's state only
                    actors = [Actor.build(a.country, (), None, a.text) if a.country else a for a in actors]
                if actors and sources and all(any(a.same_entity(s) or a.code == s.code or (
                        pattern.code[:2] in FOREIGN_TARGET_ROOTS and a.country and a.country == s.country)
                                                      for s in sources) for a in actors):
                    # ("Lithuania closed the Russian embassy in Vilnius", "suspended its mission
                    # to NATO": the doer's own place or thing is not whom the act is aimed at
                    # when another role names someone else; with no one else, the act is the
                    # doer's own, which codes nothing: "was in Nairobi for the summit")
                    own = own or actors
                    # ("a halt to all Russian flights to Egypt": where the doer's own things go)
                    onward = [a for g in preposition_objects(token, (role,)) for a in resolver.actors(g)
                              if a.is_known and a.country not in {s.country for s in sources}]
                    if onward:
                        return onward
                    continue
                if actors and (role != "of" or not pattern.story_target or any(a.is_known for a in actors)):
                    # ("the release of the journalist": whose release is asked names no state;
                    # the story's other side holds him)
                    return actors
        return own

    def _owner_of(self, thing: Token, resolver: ActorResolver, trigger: Token | None = None,
                  brokers_own: bool = True, prepositions: tuple[str, ...] = OWNER_PREPOSITIONS) -> list[Actor]:
        """The actor a non-actor noun belongs to or is done by: "Russia's annexation", "the
        attack by Israeli forces", "the deaths of Indonesian sailors", "the Russian proposal"."""
        if thing.pos_ not in {"NOUN", "PROPN"}:
            return []
        for child in thing.children:
            if child.dep_ == "poss":
                actors = resolver.actors(child)
                if actors:
                    return actors
        for preposition in prepositions:
            for child in thing.children:
                if child.dep_ in {"prep", "agent"} and child.lower_ == preposition:
                    for pobj in (c for c in child.children if c.dep_ == "pobj"
                                 and c.lemma_.lower() not in self.modality.victim_nouns):
                        # ("a violation of Qatar's sovereignty" is not Qatar's)
                        actors = resolver.actors(pobj)
                        if actors:
                            return actors
        for child in thing.children:
            if child.dep_ in {"amod", "compound", "nmod"} and _hyphenated_doer(child) is None:
                # (not "a U.S.-brokered agreement": the broker's part is told apart)
                actors = resolver.actors(child, expand_conj=False)
                if actors and (actors[0].country or actors[0].igo):
                    # ("an African Union request")
                    return actors
        for participle in (c for c in thing.children if c.dep_ == "acl" and c.tag_ == "VBN"
                           and c != trigger and (brokers_own or c.lemma_.lower() not in MEDIATING_PARTICIPLES)):
            # ("the ceasefire brokered by Russia": the broker)
            # "crimes committed by Croat forces": the agent of a participle describing it
            for agent in (c for c in participle.children if c.dep_ == "agent"):
                for pobj in (c for c in agent.children if c.dep_ == "pobj"):
                    actors = resolver.actors(pobj)
                    if actors:
                        return actors
        return []

    def _role_tokens(self, trigger: Token, objects: list[Token], role: str) -> list[Token]:
        if role == "object":
            return objects
        if role == "dative":
            datives = [c for c in trigger.children if c.dep_ in DATIVE_DEPS and c.pos_ != "ADP"]
            # "provide support to Israel" is often parsed with "to" as the dative
            datives += [g for c in trigger.children if c.dep_ in DATIVE_DEPS and c.pos_ == "ADP"
                        for g in c.children if g.dep_ == "pobj"]
            if not datives and trigger.dep_ in {"xcomp", "advcl"} and _purpose_clause(trigger):
                # "summoned her to convey Spain's displeasure": told to the one summoned
                datives = [o for o in trigger.head.children if o.dep_ == "dobj"]
            return datives or _misparsed_dative(trigger, objects)
        if role == "arrival":
            return _arrival_places(trigger, self.modality.arrival_verbs)
        if role == "that":
            # "demanded that Russia explain": the subject of the demanded clause; in a small
            # clause parsed as a noun ("declared Mexico's ambassador persona non grata"), the
            # noun put before it
            return [g for c in trigger.children if c.dep_ in {"ccomp", "xcomp"}
                    for g in c.children if g.dep_ in SUBJECT_DEPS
                    or (c.pos_ == "NOUN" and g.dep_ == "compound" and g.i < c.i)]
        if role == "complement":
            # "threatened to ban voting in East Jerusalem": a verb that only announces an act
            # finds its target in that act: whom it is aimed at ("send migrants to Europe"),
            # else what it acts on, else where it would happen
            aimed, acted, placed = [], [], []
            # an infinitive after a time phrase is often parsed as an adverbial clause
            # ("threatened on Monday to resume ..."); "issued a warning that it would retaliate
            # against Washington" has the act in a clause on the object
            clauses = [c for c in trigger.children if c.dep_ == "xcomp" or (
                c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))]
            # "warned that any Russian provocation would be met with a military response": the
            # act a warning is about, done by or to the one warned
            clauses += [c for c in trigger.children if c.dep_ == "ccomp"]
            # "warned that its missiles were capable of hitting Armenia's nuclear plant": the
            # act an adjective in the clause is able or ready to do
            clauses += [g for c in list(clauses) for a in c.children if a.dep_ == "acomp"
                        for p in a.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pcomp"]
            clauses += [c for o in objects for c in o.children if c.dep_ == "acl" and c.pos_ in CLAUSE_POS]
            # ("threatened to use force to restore constitutional order in Niger": and what the
            # act is for)
            clauses += [c for clause in clauses for c in clause.children
                        if c.dep_ in {"advcl", "xcomp"} and _purpose_clause(c)]
            for clause in clauses:
                acted_on = object_tokens(clause)
                # "to help Ukraine rebuild its grid": the one helped is the next clause's subject
                acted_on += [g for c in clause.children if c.dep_ in {"ccomp", "xcomp"}
                             for g in c.children if g.dep_ in SUBJECT_DEPS and g.pos_ != "PRON"]
                if clause.dep_ == "ccomp" and (
                        _passive(clause) or clause.lemma_.lower() in self.modality.undergoing_copulas
                        or _phrasal_lemma(clause) in self.modality.undergoing_verbs
                        or _bears_consequences(clause)):
                    # "warned that Danish warships could become targets", "... would be hit",
                    # "... would face consequences": the subject is the one it would befall
                    acted_on += [g for g in clause.children if g.dep_ in SUBJECT_DEPS and g.pos_ != "PRON"]
                # "to resume its operations": what a pronoun owns is the threatener's own
                own = [o for o in acted_on if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in o.children)]
                acted.extend(o for o in acted_on if o not in own)
                # "to reverse its expulsion of 70 Russian diplomats": the one its own act is on
                acted.extend(patient for patient in map(of_object, own) if patient is not None)
                for holder in (clause, *acted_on):
                    # "to pull out of the talks with Kosovo": prepositions in a chain, and the
                    # partner of the noun they lead to
                    for prep, pobj in _preposition_chain(holder):
                        if prep.lower_ in COMPLEMENT_TARGET_PREPOSITIONS:
                            aimed.append(pobj)
                        elif prep.lower_ in COMPLEMENT_PLACE_PREPOSITIONS:
                            placed.append(pobj)
            return aimed + acted + placed
        found = []
        # "blocked a package of aid for Ukraine": the role may hang on what the object counts
        counted = [of_object(o) for o in objects]
        # "signed a contract to buy drones from Turkey": or on the infinitive the object names
        purposes = [c for o in objects for c in o.children if c.dep_ == "acl"
                    and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
        # "shut the last crossing point on its border with Russia": or on where the object lies
        sites = [g for o in (trigger, *objects) for c in o.children
                 if c.dep_ == "prep" and c.lower_ in SITE_PREPOSITIONS
                 for g in c.children if g.dep_ == "pobj" and g.ent_type_ != "DATE"]
        # "called for a ceasefire in Libya": or on what is asked for; "spoke by telephone with
        # Zarif": or on the means
        asked = _preposition_objects(trigger, ("for",)) if role != "for" else []
        # ("by" is sometimes parsed as a passive's agent: "spoke by telephone with Putin")
        means = [o for c in trigger.children if c.dep_ in {"prep", "agent"} and c.lower_ in {"by", "over", "via"}
                 for o in c.children if o.dep_ == "pobj" and o.lemma_.lower() in MEANS_OF_TALKING]
        # "send Patriot missiles made on its own soil to the United States": the parser hangs
        # the recipient on a participle describing the object
        described = [c for o in objects for c in o.children if c.dep_ == "acl" and c.tag_ == "VBN"
                     and c.lemma_.lower() in MAKING_PARTICIPLES] if role == "to" else []
        described += [g for c in described for p in c.children if p.dep_ == "prep" for g in p.children
                      if g.dep_ == "pobj"]
        # "was due to fly on to Tokyo": or on a particle the preposition was hung on
        chained = [c for c in trigger.children if c.dep_ in {"prep", "prt", "advmod"}
                   and any(g.dep_ == "prep" for g in c.children)]
        # "lifted the measures it had imposed on Eritrea": or on the clause that says whom the
        # object was aimed at when it began
        relatives = [c for o in objects for c in o.children if c.dep_ == "relcl"]
        holders = [trigger, *chained, *objects, *(c for c in counted if c is not None), *purposes, *sites,
                   *asked, *means, *described, *relatives]
        for holder in holders:
            for child in holder.children:
                if child.dep_ in {"prep", "agent", "dative"} and child.lower_ == role and not _noun_complement(child):
                    # (a gerund too: "lifted the ban on supplying missiles to Iran"; and what a
                    # free relative names: "concern about what they called actions by China")
                    found.extend(c for c in child.children if (c.dep_ == "pobj" or (c.dep_ == "pcomp" and c.tag_ == "VBG"))
                                 and not (role == "with" and _absolute_construction(c)))
                    if not any(c.dep_ == "pobj" for c in child.children):
                        # "flights to and from Sharm el-Sheikh": the object the preposition
                        # shares with the one coordinated after it
                        found.extend(g for c in child.children if c.dep_ == "conj" and c.pos_ == "ADP"
                                     for g in c.children if g.dep_ == "pobj")
                    found.extend(named for c in child.children if c.dep_ == "pcomp" for named in _free_relative_named(c))
                elif role == "out of" and child.dep_ in {"prep", "prt"} and child.lower_ == "out":
                    # "pulled its diplomat out of Ankara"
                    found.extend(g for o in child.children if o.dep_ == "prep" and o.lower_ == "of"
                                 for g in o.children if g.dep_ == "pobj")
        return found

    # -- nouns ----------------------------------------------------------------------------
    def _code_noun(self, noun: Token, sentence: SentenceInput, resolver: ActorResolver,
                   anchor_date: str | None) -> list[Attempt]:
        attempts = []
        modifiers = {c.lemma_.lower() for c in noun.children if c.dep_ in {"compound", "amod"}}
        counted = of_object(noun) if noun.lemma_.lower() in self.modality.counting_nouns else None
        for pattern in self.lexicon.nouns[noun.lemma_.lower()]:
            attempt = Attempt(noun.text, noun.i, pattern.id, pattern.code, "skipped", "")
            attempts.append(attempt)
            if counted is not None and counted.lemma_.lower() in self.lexicon.nouns:
                # "several rounds of talks between the two": the act counted is the event
                attempt.reason = f"counts the act it names ({counted.text})"
                continue
            if any(w not in modifiers for w in pattern.with_words):
                attempt.reason = "needs " + " ".join(pattern.with_words) + " before the noun"
                continue
            mood = self.noun_mood(noun, sentence.reference_date)
            if mood.kind != "asserted" or mood.negated:
                attempt.reason = f"not coded: {mood.label}"
                continue
            code = self._refine(pattern, noun, [])
            own = self._noun_own_actors(noun, resolver, two_sided=pattern.reciprocal) or (
                self._between(noun, resolver) if pattern.reciprocal else [])
            targets = self._targets(noun, [], pattern, resolver, mood)
            if not targets and not own and pattern.reciprocal:
                targets = self._partners_of_setting(noun, resolver)
            if not targets and own and pattern.place_target and noun.dep_ == "pobj" and (
                    noun.head.lower_ in VISIT_TIME_PREPOSITIONS and noun.head.head.pos_ in CLAUSE_POS):
                # "Qatar signed a deal during a visit by Trump": the visit is to the one who acts
                # during it, when that one is of another state
                targets = [h for h in self.clause_subject(noun.head.head, resolver)
                           if h.is_known and not any(_same_side(o, h) for o in own)][:1]
            if len(own) >= 2 and pattern.reciprocal:
                sources, targets = own, own
            elif own:
                sources = own
            elif pattern.clause_source:
                sources = self._noun_clause_source(noun, resolver)
                if pattern.converse:
                    # "Shoukry took a telephone call from Dendias": the caller calls the taker
                    sources, targets = targets, sources
            else:
                sources = []
            events = self._events(pattern, code, sources, targets, noun, sentence, resolver,
                                  anchor_date, mood)
            if isinstance(events, str):
                attempt.reason = events
                continue
            attempt.outcome, attempt.events = "coded", events
            attempt.reason = "asserted; source and target found"
            break
        return attempts

    def noun_mood(self, noun: Token, doc_date: str | None) -> Mood:
        """A nominal event is planned when a future or cancelled verb governs it or its own
        date lies after the publication date."""
        for child in noun.children:
            if child.dep_ in {"relcl", "acl"} and self._auxiliary_mood(child, False) == "future":
                return Mood(kind="future")
        governor = noun.head
        if noun.dep_ == "pobj" and governor.lower_ == "for" and governor.head.lemma_.lower() in (
                self.modality.appeal_verbs | self.modality.demand_verbs | self.modality.intent_verbs):
            # "called for talks with Iran", "pushed for a summit": asked for, not held
            return Mood(kind="appeal", governor=governor.head)
        ruling = _governing_verb_through_nouns(noun)
        if ruling is not None and ruling.lemma_.lower() in (
                self.modality.refusal_verbs | self.modality.denial_verbs):
            # "rejected the idea of a summit with North Korea": no summit
            return Mood(kind="refusal", governor=ruling)
        if ruling is not None and ruling != governor and (
                _phrasal_lemma(ruling) in self.modality.cancelling_verbs
                or ruling.lemma_.lower() in self.modality.cancelling_verbs):
            # "holding up the start of accession talks", "postponed the next round of talks"
            return Mood(kind="cancelled", governor=ruling)
        if ruling is not None and ruling != governor:
            ruled = self.mood(ruling)
            if ruled.kind in {"refusal", "cancelled"}:
                # "refused to approve the framework for membership negotiations": not held
                return ruled
        if noun.dep_ in OBJECT_DEPS | PASSIVE_SUBJECT_DEPS | SUBJECT_DEPS and governor.pos_ in CLAUSE_POS:
            lemma = governor.lemma_.lower()
            if lemma in self.modality.cancelling_verbs or _phrasal_lemma(governor) in self.modality.cancelling_verbs:
                return Mood(kind="cancelled")
            if lemma in self.modality.planning_verbs and noun.dep_ in OBJECT_DEPS:
                # "officials are trying to arrange a meeting between Abe and Xi": still to come
                return Mood(kind="intent", governor=governor)
            if lemma in self.modality.refusal_verbs or _phrasal_lemma(governor) in self.modality.refusal_verbs:
                # "Iran rejected talks with the US": the talks did not happen
                return Mood(kind="refusal", governor=governor)
            mood = self.mood(governor)
            if mood.kind != "asserted" or mood.negated:
                return mood
        if noun.dep_ == "pobj" and governor.lower_ == "for" and _phrasal_lemma(governor.head) in (
                self.modality.errand_verbs):
            # "recalled their ambassadors for consultations": an envoy's errand with his own
            # government, no meeting between the states that recall
            return Mood(kind="cancelled", governor=governor.head)
        if noun.dep_ == "pobj" and governor.pos_ == "ADP" and governor.head.pos_ in CLAUSE_POS \
                and governor.lower_ not in SEQUENCE_PREPOSITIONS:
            # "is expected to visit New Delhi for talks", "are still to be settled in
            # negotiations": the talks are as planned as the act they serve
            mood = self.mood(governor.head)
            if mood.kind != "asserted":
                return mood
        own_date = self._own_date(noun, doc_date, future=False)
        if own_date and is_after(own_date, doc_date):
            return Mood(kind="future")
        return Mood()

    def _noun_own_actors(self, noun: Token, resolver: ActorResolver, two_sided: bool = False) -> list[Actor]:
        actors: list[Actor] = []
        for child in noun.children:
            if two_sided and _hyphenated_participle(child, LEADING_PARTICIPLES):
                continue    # "EU-led talks between the two neighbours": the EU is no side
            if child.dep_ in {"poss", "compound", "amod", "nmod"}:
                for actor in resolver.actors(child):
                    if child.pos_ == "ADJ" and not actor.is_known:
                        continue    # "his first official visit": a manner, not an official
                    if actor not in actors:
                        actors.append(actor)
            if child.dep_ == "prep" and child.lower_ == "by":
                for pobj in (c for c in child.children if c.dep_ == "pobj"):
                    actors.extend(a for a in resolver.actors(pobj) if a not in actors)
        return actors

    def _partners_of_setting(self, noun: Token, resolver: ActorResolver) -> list[Actor]:
        """A two-sided act that is the setting of a verb is with whom the verb's act is: "raised
        objections with Lavrov in a telephone call", "congratulated Putin during a call" (not
        "would like to meet Putin at the summit", which is only wished)."""
        if noun.dep_ != "pobj" or noun.head.lower_ not in SETTING_PREPOSITIONS:
            return []
        verb = noun.head.head
        if verb.dep_ in OBJECT_DEPS:
            verb = verb.head    # ("raised concerns with Wang Yi in a call": on the verb's object)
        if verb.pos_ not in CLAUSE_POS:
            return []
        mood = self.mood(verb)
        if mood.kind != "asserted" or mood.negated:
            return []
        objects = [c for c in verb.children if c.dep_ in DATIVE_DEPS | OBJECT_DEPS]
        partners = [a for holder in [verb, *objects] for g in preposition_objects(holder, ("with",))
                    for a in resolver.actors(g) if a.is_known]
        # (of its objects only people: "discussed Ukraine in a call" is about Ukraine)
        return partners or [a for c in objects for a in resolver.actors(c) if a.is_known and a.name]

    @staticmethod
    def _between(noun: Token, resolver: ActorResolver) -> list[Actor]:
        """"a telephone call between Modi and Putin", "talks between India and China": the
        two sides of a two-sided act (or of the verb it happens by: "clashes broke out between
        Armenian and Azerbaijani forces")."""
        happening = noun.head if noun.dep_ == "nsubj" and noun.head.pos_ == "VERB" and not any(
            c.dep_ in OBJECT_DEPS for c in noun.head.children) else None
        for child in [*noun.children, *(happening.children if happening is not None else ())]:
            if child.dep_ == "prep" and child.lower_ == "between":
                sides = [a for pobj in child.children if pobj.dep_ == "pobj" for a in resolver.actors(pobj)]
                if len(sides) >= 2:
                    return sides
        return []

    def _noun_clause_source(self, noun: Token, resolver: ActorResolver) -> list[Actor]:
        current = noun
        while current.dep_ in {"pobj", "prep", "dobj", "conj", "appos", "attr"} and current.head != current:
            current = current.head
            if current.pos_ in CLAUSE_POS and current.lemma_.lower() in MEDIATING_PARTICIPLES:
                return []   # ("have been brokering the talks": the broker is no side to them)
            if current.pos_ in CLAUSE_POS:
                return self.clause_subject(current, resolver)
        return []

    # -- statements -----------------------------------------------------------------------
    def _code_statement(self, verb: Token, sentence: SentenceInput, resolver: ActorResolver,
                        anchor_date: str | None, attempts: list[Attempt]) -> Attempt | None:
        """A speaker's statement about another party is an event of its own: 010, or 111 when
        it condemns ("said the measures were unjustified"), 051 when it praises the other party or
        the relationship ("a time-tested friend"), 013 when it welcomes an outcome."""
        content = [c for c in verb.children if c.dep_ in {"ccomp", "parataxis"}
                   and verb.lemma_.lower() in self.modality.speech_verbs]
        if verb.lemma_.lower() in self.modality.speech_verbs:
            content += [r for o in verb.children if o.dep_ in OBJECT_DEPS
                        for r in o.children if _complement_as_relative(r)]
        complement = _judgment_complements(verb)
        evaluative = verb.lemma_.lower() in self.modality.evaluative_verbs and complement
        if not content and not evaluative:
            return None
        judgment_only = not content
        content = content or complement
        attempt = Attempt(verb.text, verb.i, "statement", "010", "skipped", "")
        voiced = self._asserted_by(verb, attempt, resolver, "speaker is not an actor")
        if voiced is None and (verb.dep_ == "conj" and verb.head.dep_ == "ccomp"
                               and verb.head.head.lemma_.lower() in self.modality.speech_verbs):
            # "The Syrian army said the strike killed six people and called it an act of
            # aggression", parsed with "called" inside what was said: the army calls it so
            speakers = [a for a in self.clause_subject(verb.head.head, resolver) if a.is_known]
            mood = self.mood(verb.head.head)
            if speakers and mood.kind == "asserted" and not mood.negated:
                voiced, attempt.reason = (mood, speakers[0]), ""
        if voiced is None:
            return attempt
        mood, speaker = voiced
        qualifier_of = _free_relative_governor(verb)
        if qualifier_of is not None:
            # "Zelensky thanked Scholz for what he called a timely decision": the one who
            # calls it so is the one who thanks
            speaker = next(iter(self.clause_subject(qualifier_of, resolver)), speaker)
        # ("said the allegations were spy mania, while its mission declined to comment": a
        # contrasting clause with its own subject is no part of what was said)
        aside = {t.i for c in content for a in c.children if a.dep_ == "advcl" and (
                     _subject_token(a) is not None
                     and any(m.dep_ == "mark" and m.lower_ in {"while", "whereas"} for m in a.children)
                     # ("said Iran was behind the attacks, siding with the United States": what
                     # the speaker does in saying it)
                     or a.tag_ == "VBG" and _subject_token(a) is None and a.i > c.i
                     and not any(m.dep_ == "mark" for m in a.children))
                 for t in a.subtree}
        inside = {t.i for c in content for t in c.subtree} - aside
        reported = [e for a in attempts if a.token in inside for e in a.events]
        if any(a.events and a.token == verb.i and a.code[:2] in SPEECH_ACT_ROOTS for a in attempts):
            # "declared the ambassador persona non grata": the verb's own sense is the event
            attempt.reason = "the verb codes an event of its own"
            return attempt
        if reported:
            accused = self._accused(verb, self.clause_subject(verb, resolver) or [speaker], reported)
            if accused is not None:
                return self._statement_event(attempt, ACCUSATION, speaker, [accused], verb, sentence,
                                             resolver, anchor_date, mood,
                                             "a violent act said to be another party's")
            attempt.reason = "what was said is coded as events of its own"
            return attempt
        demand = self._laid_duty(content, speaker, resolver)
        if demand is not None:
            # "must cancel the sanctions or bear the consequences": a demand backed by a threat
            threat = any(g.dep_ == "conj" and _bears_consequences(g) for c in content for g in c.subtree)
            return self._statement_event(attempt, THREAT if threat else "100", speaker, [demand], verb,
                                         sentence, resolver, anchor_date, mood, "demand laid on another party")
        if not (speaker.is_known and (speaker.igo or not speaker.sectors
                                      or set(speaker.sectors) & STATE_SECTORS)):
            attempt.reason = "speaker does not speak for a state or organisation"
            return attempt
        # (a judgment in an agentless passive is someone else's, "argued that the general was
        # being blamed for failings": no stance of the speaker's)
        words = {verb.doc[i].lemma_.lower() for i in inside
                 if not _fought_against(verb.doc[i], self.modality.combating_verbs)
                 and not (verb.doc[i].lemma_.lower() in self.modality.hearsay_passives
                          and _passive(verb.doc[i]) and not _agent_named(verb.doc[i]))
                 # ("the process behind the decision": a noun's place, not a culprit)
                 and not (verb.doc[i].lower_ == "behind" and verb.doc[i].head.pos_ == "NOUN")}
        if evaluative:
            # (not a clause joined to it: "described India as a close friend and promised that
            # its territory would not be used to threaten others")
            joined = {t.i for c in verb.children if c.dep_ == "conj" and c.pos_ in CLAUSE_POS for t in c.subtree}
            words |= {t.lemma_.lower() for t in verb.subtree if t.i not in joined}
        modal = self.modality
        subjects = [t for t in (_subject_token(c) for c in content) if t is not None]
        judged = {t.lemma_.lower() for t in [*subjects, *(c for c in verb.children if c.dep_ in OBJECT_DEPS)]}
        # "told the council that the dam was no threat to its neighbours": a fault said to be
        # absent is denied, not found
        denied = {verb.doc[i].lemma_.lower() for i in inside if _negated_word(verb.doc[i])}
        called = {t.lemma_.lower() for c in complement for t in c.subtree} if evaluative else set()
        stance = (DENIAL if words & modal.falsity_words and judged & modal.accusation_nouns
                  else ACCUSATION if words & modal.blame_words and _blames_another(content)
                  else DENIAL if words & modal.disapproval_words and words & modal.disapproval_words <= denied
                  else DISAPPROVAL if words & modal.disapproval_words or called & modal.judgment_nouns
                  or called & modal.called_disapproval_words
                  or words & (modal.fitting_words | modal.praise_words | modal.approval_words) & denied
                  else COMMITMENT if words & modal.commitment_words - denied and words & modal.committed_to
                  else PRAISE if words & modal.praise_words
                  # ("a historic step for relations between the two allies": the good news is
                  # the relationship's)
                  or words & modal.approval_words and words & modal.relation_words
                  else "013" if words & modal.approval_words else "010")
        if stance == COMMITMENT:
            # "ready for further cooperation in the military spheres": intent to cooperate
            # militarily (0312), as the verb patterns refine it
            stance = next((code for domain, code in COOPERATION_DOMAINS
                           if words & self.lexicon.domains.get(domain, frozenset())), stance)
        attack_words = self._attack_words
        if stance in {"010", DISAPPROVAL} and any(
                (_future_auxiliary(t) or (t.dep_ in {"ccomp", "xcomp"} and _future_auxiliary(t.head)))
                and _bears_consequences(t) for c in content for t in c.subtree):
            # "said the Netherlands would pay a price": a threat; of force when the response
            # held out is military ("would be met with a massive military response")
            military = self.lexicon.domains.get("military", frozenset()) | attack_words
            stance = FORCE_THREAT if words & military else THREAT
        attacks_named = [t for c in content for t in c.children
                         if (t.dep_ in {"attr", "oprd"} or (t.dep_ == "pobj" and c.lower_ == "as"))
                         and t.lemma_.lower() in attack_words]
        attackers = [a for t in attacks_named for m in t.children if m.dep_ in {"amod", "poss", "compound"}
                     for a in resolver.actors(m) if a.is_known and a.country != speaker.country]
        if stance == "010" and attacks_named:
            # "told parliament the cut-off was a direct attack on Poland": an act called an
            # attack is condemned; "described the explosion as a Russian attack": called
            # another's attack, it accuses that other
            stance = ACCUSATION if attackers else DISAPPROVAL
        if judgment_only and stance == "010":
            attempt.reason = "names or describes without judging (\"Manila calls it Ayungin\")"
            return attempt
        judged_nouns = [c for c in verb.children if c.dep_ in OBJECT_DEPS | {"oprd"}
                        or (c.dep_ == "ccomp" and c.pos_ == "NOUN")] if judgment_only else []
        # (an evaluative verb judges its object: "called Britain's ambassador a stupid guy")
        # (a judged act names its doer: "the new sanctions by Washington", "a provocation by
        # North Korea")
        # ("the need to deter heightened threats from Iran": the fault found names its owner)
        faulted = [o for i in sorted(inside) if stance in {DISAPPROVAL, ACCUSATION}
                   and verb.doc[i].lemma_.lower() in modal.disapproval_words
                   for o in [*preposition_objects(verb.doc[i], ("from", "by")),
                             *(c for c in verb.doc[i].children if c.dep_ == "poss"),
                             # ("lapses in the way India handles its missiles": whose conduct)
                             *(g for p in preposition_objects(verb.doc[i], ("in",)) for r in p.children
                               if r.dep_ == "relcl" for g in r.children if g.dep_ == "nsubj")]]
        # ("dismissed the call as a petty action by the Taiwan side": what the act is called
        # names its doer)
        faulted += [o for c in complement if stance in {DISAPPROVAL, ACCUSATION} for t in c.subtree
                    if t.pos_ == "NOUN" and t.lemma_.lower() in modal.act_nouns
                    for o in [*preposition_objects(t, ("by",)), *(g for g in t.children if g.dep_ == "poss")]]
        # ("committed to carrying out the deal with Rwanda": the partner of the relationship)
        partners = [o for c in content for t in c.subtree if t.dep_ == "prep" and t.lower_ in {"with", "between"}
                    for o in t.children if o.dep_ == "pobj"] if stance[:2] == INTENT_ROOT else []
        # ("called it a flagrant violation", "said it violated Qatar's sovereignty": what is
        # condemned as a wrong done is the latest act another did)
        wrongs_named = words & (attack_words | modal.victim_nouns)
        wrong_done = stance in {DISAPPROVAL, ACCUSATION} and bool(wrongs_named)
        targets: list[Actor] = []
        if attackers:
            targets = attackers[:1]
        else:
            def others(actors: list[Actor]) -> list[Actor]:
                return [a for a in actors if a.is_known and a.country != speaker.country]

            def judged(token: Token) -> list[Actor]:
                if stance in {THREAT, FORCE_THREAT}:
                    # ("said the decision by Norway would be met with retaliatory measures":
                    # whoever made the act threatened over)
                    # (not where it is aimed: "any attack on Guam would be met with ...")
                    return others(resolver.actors(token) or self._owner_of(token, resolver, prepositions=("by",))
                                  or self._earlier_doer([token], [speaker], resolver))[:1]
                if stance not in {DISAPPROVAL, ACCUSATION}:
                    return others(resolver.actors(token))[:1]
                named = ((self._latest_act_by_another(token, speaker, resolver) if wrong_done else [])
                         or resolver.actors(token) or self._owner_of(token, resolver))
                # (as many acts as a counted noun names: "described the three moves as unjustified")
                return others(named)[:1] if named else others(self._earlier_doer([token], [speaker], resolver))

            targets = next((named for token in [*faulted, *judged_nouns, *_participants(content), *partners]
                            if token.lemma_.lower() not in modal.victim_nouns
                            for named in [judged(token)] if named), [])
        target = targets[0] if targets else None
        # (the speaker itself, "said it was withdrawing consent because of Russian sabotage",
        # judges what its clause names, or no one)
        itself = [s for s in subjects if s.pos_ == "PRON" and any(a.same_entity(speaker) for a in resolver.actors(s))]
        own_side = any(a.is_known and a.country == speaker.country
                       for subject in subjects if subject not in itself for a in resolver.actors(subject))
        if target is None and own_side and stance == DISAPPROVAL:
            # "said its forces had fired by mistake": a judgment of one's own side's act
            attempt.reason = "judges the speaker's own side"
            return attempt
        if target is None and itself and stance in {DISAPPROVAL, ACCUSATION}:
            attempt.reason = "judges with the speaker's own doing or feeling, naming no other party"
            return attempt
        if target is None and stance != "010" and (stance != PRAISE or words & modal.relation_words):
            # "said the measures were unjustified": judged acts belong to the story's other side
            # (praise only when it is about the relationship: "a time-tested friendship", not
            # "acting in close coordination with partners")
            # "called the invasion a reckless attack": the attacker's; else the other side's
            target = (self._judged_party(stance, speaker, resolver) if wrongs_named
                      else resolver.context.partner_of(speaker))
            targets = [target] if target is not None else []
        if target is None:
            attempt.reason = "no other party named in what was said"
            return attempt
        if stance == "010" and {speaker.country or speaker.igo, target.country or target.igo} != set(
                resolver.context.dyad()):
            # A plain statement is coded when it is about the story's main relationship; a
            # remark about a third party is left to the events it reports.
            attempt.reason = "plain statement outside the story's main pair of states"
            return attempt
        return self._statement_event(attempt, stance, speaker, targets, verb, sentence, resolver,
                                     anchor_date, mood, "statement about another party")

    def _code_request(self, verb: Token, sentence: SentenceInput, resolver: ActorResolver,
                      anchor_date: str | None, attempts: list[Attempt]) -> Attempt | None:
        """Urging or ordering another party to act is an appeal (020) or a demand (100) even
        when what is asked is nothing the lexicon codes: "ordered the former president to
        appear for questioning", "pressured the workers to call off their strike". When the
        asked act is coded, it carries the appeal itself ("urged Iran to release" is 0253)."""
        complement = next((c for c in verb.children if c.dep_ in {"xcomp", "ccomp"}), None)
        if complement is None:
            return None
        if verb.dep_ == "advcl" and verb.tag_ == "VBN" and _subject_token(verb) is None and not _agent_named(verb):
            # "Asked whether India might be exempted, he answered": the one asked answers
            return None
        addressee = self._asked(verb, complement)
        if addressee is None:
            return None
        inside = {t.i for t in complement.subtree} | {verb.i}
        if any(a.events and a.token in inside for a in attempts):
            return None  # the asked act, or the verb's own sense ("ordered them to leave": 174)
        code = "100" if verb.lemma_.lower() in self.modality.demand_verbs else "020"
        attempt = Attempt(verb.text, verb.i, "request", code, "skipped", "")
        voiced = self._asserted_by(verb, attempt, resolver, "the one who asks is not an actor")
        if voiced is None:
            return attempt
        mood, asker = voiced
        return self._statement_event(attempt, code, asker, resolver.actors(addressee), verb,
                                     sentence, resolver, anchor_date, mood,
                                     "asked another party to act")

    def _code_noun_request(self, verb: Token, sentence: SentenceInput, resolver: ActorResolver,
                           anchor_date: str | None, attempts: list[Attempt]) -> Attempt | None:
        """A demand or an appeal made as a noun asks its addressee to act even when what is
        asked is nothing the lexicon codes: "repeated Moscow's demand that NATO rule out
        Ukraine's membership" (100). Made by the noun's owner, or by whoever voices it."""
        asked = self._asked_by_noun(verb)
        if asked is None or asked.negated:
            return None
        inside = {t.i for t in verb.subtree}
        if any(a.events and a.token in inside for a in attempts):
            return None     # the asked act is coded, carrying the demand itself
        noun = asked.governor
        if not (verb.head == noun or noun.dep_ in OBJECT_DEPS and noun.head == verb.head):
            return None     # ("Chinese pressure on Philippine vessels is expected to top the agenda")
        code = "100" if asked.kind == "demand" else "020"
        attempt = Attempt(noun.text, noun.i, "request-noun", code, "skipped", "")
        voiced_by = noun.head if noun.dep_ in OBJECT_DEPS and noun.head.pos_ in CLAUSE_POS else None
        askers = [a for a in self._noun_own_actors(noun, resolver) if a.is_known]
        if not askers and voiced_by is not None and _phrasal_lemma(voiced_by) in self.modality.voicing_verbs:
            askers = self.clause_subject(voiced_by, resolver)
        if not askers:
            attempt.reason = "no one is told making the demand"
            return attempt
        mood = self.mood(voiced_by) if voiced_by is not None else Mood()
        if mood.kind != "asserted" or mood.negated:
            attempt.reason = f"not coded: {mood.label}"
            return attempt
        return self._statement_event(attempt, code, askers[0], resolver.actors(asked.addressee), noun,
                                     sentence, resolver, anchor_date, mood, "asked another party to act")

    def _asserted_by(self, verb: Token, attempt: Attempt, resolver: ActorResolver,
                     no_actor: str) -> tuple[Mood, Actor] | None:
        """The mood and the actor of a statement or a request that was really made; else None,
        with the reason recorded on the attempt."""
        mood = self.mood(verb)
        if mood.kind != "asserted" or mood.negated:
            attempt.reason = f"not coded: {mood.label}"
            return None
        actors = self.clause_subject(verb, resolver)
        if not actors:
            attempt.reason = no_actor
            return None
        return mood, actors[0]

    def _accused(self, verb: Token, speakers: list[Actor], reported: list[Event]) -> Actor | None:
        """Who a speaker accuses by saying they committed or planned a violent act, or threatened
        the speaker's own side: the doer of the first such reported act (CAMEO 18-20, a planned
        one, or a threat to the speaker) that is not the speaker's own (the act itself is coded
        too, as the speaker tells it)."""
        if verb.lemma_.lower() not in self.modality.accusing_verbs or not speakers[0].is_known:
            return None
        speaker_sides = {_side(s) for s in speakers}
        # "the fighting between India and Pakistan", told by India: a clash the speaker's side
        # took part in lays it on no one
        shared = {e.span for e in reported if _side(e.source) in speaker_sides}
        for event in reported:
            if event.span in shared:
                continue
            doer = event.source
            target = _side(event.target) if event.target else None
            violent = (event.root in VIOLENT_ROOTS and event.modality == "asserted"
                       # "said Soleimani was developing plans to attack US troops"
                       or event.root == THREAT_ROOT and event.modality in {"intent", "future"}
                       # "said Beijing was using every means to intimidate Taiwan": threats told
                       # as made to the speaker's own side
                       or event.root == THREAT_ROOT and event.modality == "asserted"
                       and any(target == (s.country or s.igo) for s in speakers))
            if (violent and doer.is_known and UNIDENTIFIED_ATTACKERS not in doer.sectors
                    and not any(s.same_entity(doer) or (s.country or s.igo) == (doer.country or doer.igo)
                                for s in speakers)):
                # (not one of the speakers: "Obama and Putin said they will attack Iraq")
                return doer
        return None

    def _laid_duty(self, content: list[Token], speaker: Actor, resolver: ActorResolver) -> Actor | None:
        """"declared that China must drop barriers": a speaker saying another party must or
        should act demands it (CAMEO 10), whatever the act is."""
        for clause in content:
            if clause.dep_ != "ccomp" or _negated(clause) or self._obligation(clause) is None:
                continue
            subject = _subject_token(clause)
            for actor in resolver.actors(subject):
                if actor.is_known and not speaker.same_entity(actor):
                    return actor
        return None

    def _statement_event(self, attempt: Attempt, code: str, speaker: Actor, targets: list[Actor],
                         verb: Token, sentence: SentenceInput, resolver: ActorResolver,
                         anchor_date: str | None, mood: Mood, why: str) -> Attempt:
        pattern = Pattern(id=attempt.pattern, code=code, kind="verb", head=verb.lemma_.lower(),
                          with_words=())
        events = self._events(pattern, code, [speaker], targets, verb, sentence, resolver,
                              anchor_date, mood)
        if isinstance(events, str):
            attempt.reason = events
            return attempt
        attempt.outcome, attempt.code, attempt.events = "coded", code, events
        attempt.reason = why
        return attempt

    # -- building events ------------------------------------------------------------------
    def _events(self, pattern: Pattern, code: str, sources: list[Actor], targets: list[Actor],
                trigger: Token, sentence: SentenceInput, resolver: ActorResolver,
                anchor_date: str | None, mood: Mood) -> list[Event] | str:
        sources = [s for s in sources if s.is_known or s.sectors]
        if not sources:
            return "no source actor"
        if not targets and pattern.place_target:
            # "Modi was the chief guest at a forum in Vladivostok": a visit is to the state
            # where it takes place, unless that is the visitor's own
            place = (self._location(trigger, resolver, [])[1] or self._place_along(trigger, resolver)
                     or self._place_witnessed(trigger, resolver))
            if place and (code[:2] in HOME_PLACE_ROOTS or all(s.country != place for s in sources)):
                targets = [Actor.build(place, (), None, "")]
        context = resolver.context
        if not targets and code[:2] in SHARED_TARGET_ROOTS and mood.kind == "asserted":
            # "Britain, Canada and the United States announced sanctions on some of the same
            # people": a sanction naming no one joins the story's first one (the one the story
            # is about; later ones are often the retaliation)
            earlier = context.first_targets.get(code[:2])
            if earlier is not None and not any(_same_side(s, earlier) for s in sources):
                targets = [earlier]
        if code[:2] == CONSULT_ROOT:
            # ("told RIA Novosti that ...": speaking to the press consults no one)
            targets = [t for t in targets if MEDIA not in t.sectors]
        group = {a.country or a.igo for a in sources}
        if len(group) > MAX_PAIRED_PARTIES and (not targets or targets == sources) and (
                pattern.reciprocal or _jointly_undertaken(trigger)):
            # "Britain, China, France, Germany and Russia were also parties to the
            # negotiations": a bloc of many deals with the story's other side, not each member
            # with each other
            outside = context.partner_outside(group)
            if outside is not None:
                targets = [outside]
        pairs: list[tuple[Actor, Actor | None]] = []
        if targets:
            # (one party acting on itself is no event between two: "the firm insists its crew ...")
            pairs = [(s, t) for s in sources for t in targets if not s.same_entity(t) and s.code != t.code]
            if pattern.mutual:
                pairs += [(t, s) for s, t in pairs if t.is_known]
            elif code[:3] == RELEASE_CODE and _in_exchange(trigger):
                # "freed an American teacher in exchange for a Russian hacker": a swap, in which
                # the freed one's state frees someone in turn
                pairs += [(Actor.build(t.country, (), None, t.text), s) for s, t in pairs if t.country]
            if not pairs and pattern.no_target:
                pairs = [(s, None) for s in sources]
        elif len(sources) > 1 and (pattern.reciprocal or _jointly_undertaken(trigger)):
            # ("India and Pakistan agreed to observe the ceasefire": what two sides undertake
            # together they undertake towards each other)
            pairs = [(s, t) for s in sources for t in sources if s is not t and not s.same_entity(t)
                     and not resolver.one_side(s, t)]
        elif pattern.no_target:
            pairs = [(s, None) for s in sources]
        if not pairs:
            return "no target actor"
        if code in ACCUSING_CODES and mood.kind == "asserted":
            for source, target in pairs:
                if target is not None and target.is_known and source.is_known:
                    context.accusers[target.country or target.igo or ""] = source
        if code[:2] in SHARED_TARGET_ROOTS and mood.kind == "asserted":
            named = next((t for _, t in pairs if t is not None and t.is_known), None)
            if named is not None:
                context.first_targets.setdefault(code[:2], named)
            for source, target in pairs:
                if target is not None and target.is_known and source.is_known and _side(target):
                    context.reducers[_side(target)] = source
        # ("Obama warned he would veto any bill in Congress": a state's official speaks of his
        # own legislature when he names none other)
        pairs = [(s, Actor.build(s.country, t.sectors, t.name, t.text)
                  if t is not None and s.country and not (t.country or t.igo) and set(t.sectors) == {LEGISLATURE}
                  else t) for s, t in pairs]
        pairs = [_placed_pair(s, t, lambda a: resolver.with_state_of_sentence(a, trigger)) for s, t in pairs]
        date, date_basis = self.event_date(trigger, sentence.reference_date, anchor_date, mood)
        location, location_country = self._location(trigger, resolver, targets)
        # the place counts even when it is also the target ("marched in Jakarta")
        place_country = location_country or self._location(trigger, resolver, [])[1]
        if place_country:
            # People of unknown nationality take the state where the event happened, as CAMEO
            # coders do: "children killed in Gaza" are Palestinian civilians, "students
            # marched in Jakarta" Indonesian, attackers nobody names the place's unidentified
            # armed forces; unless that would make the two sides one party.
            pairs = [_placed_pair(s, t, lambda a: _localised(a, place_country), target_first=True)
                     for s, t in pairs]
            pairs = [(_where_it_acts(s, place_country, t), _where_it_acts(t, place_country, s))
                     for s, t in pairs]
        doc = trigger.doc
        start = trigger.idx
        end = trigger.idx + len(trigger.text)
        coded = [(source, target, self.ontology[self._doer_code(pattern, code, source)])
                 for source, target in pairs]
        if code in PRESENCE_CODES and mood.kind == "asserted" and location_country:
            # "Russia and Belarus signed the documents in Minsk": the side that came to the
            # other's country for it visited (042)
            coded += [(source, Actor.build(location_country, (), None, location or ""), self.ontology[VISIT])
                      for source, target in pairs if target is not None and source.country
                      and source.country != location_country and target.country == location_country]
        if code[:2] in VIOLENT_ROOTS and location_country:
            # "Turkish jets struck PKK positions in northern Iraq": force used on another state's
            # territory against one's own rebels is also used against that state
            coded += [(source, Actor.build(location_country, (), None, location or ""), etype)
                      for source, target, etype in coded if target is not None and source.country
                      and target.country == source.country and set(target.sectors) & ARMED_GROUP_SECTORS
                      and location_country != source.country]
        if code[:2] in PUNISHING_ROOTS and mood.kind == "asserted" and self._punished_wrong(trigger):
            # "imposed sanctions on Chinese officials over human rights abuses in Xinjiang": a
            # measure taken over another's wrong also accuses it (112)
            coded += [(source, target, self.ontology[ACCUSATION])
                      for source, target in pairs if target is not None and target.is_known]
        if pattern.converse_code and code == pattern.code:
            # "Xi received Prabowo in Beijing": the guest visited (042) as the host hosted (043)
            coded += [(target, source, self.ontology[pattern.converse_code])
                      for source, target in pairs if target is not None and target.is_known]
        return [Event(
            doc_id=sentence.doc_id, date=date, date_basis=date_basis, source=source, target=target,
            cameo=etype.code,
            root=etype.root, quad_class=etype.quad_class, goldstein=etype.goldstein,
            plover=etype.plover, sentence_index=sentence.sentence_index,
            sentence=sentence.span.text.strip(), span=(start, end),
            rule=f"{pattern.kind}:{pattern.id}", trigger=doc[trigger.i].text,
            modality=mood.kind if not mood.negated else "negated " + mood.kind,
            location=location, location_country=location_country, doc_date=sentence.doc_date)
            for source, target, etype in coded]

    def code_imitation(self, sentence: SentenceInput, resolver: ActorResolver, anchor_date: str | None,
                       earlier: list[Event]) -> list[Event]:
        """The story's last act done again by the subject of a sentence that says its subject
        followed suit ("Bangladesh, Bhutan and Afghanistan followed on Wednesday", "Japan did
        the same"), to the same target, on the day this sentence gives."""
        verb = sentence.span.root
        if not self._imitates(verb):
            return []
        model = next((e for e in reversed(earlier) if e.sentence_index < sentence.sentence_index
                      and e.target is not None and e.target.is_known and e.root != STATEMENT_ROOT
                      and e.rule != STATEMENT_RULE), None)
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if model is None or subject is None:
            return []
        date, basis = self.event_date(verb, sentence.doc_date, anchor_date, Mood())
        span = (verb.idx, verb.idx + len(verb.text))
        return [replace(model, source=doer, date=date, date_basis=basis, sentence_index=sentence.sentence_index,
                        sentence=sentence.span.text.strip(), span=span, rule=f"imitation:{model.rule}",
                        trigger=verb.text, doc_date=sentence.doc_date)
                for doer in resolver.actors(subject)
                if doer.is_known and not doer.same_entity(model.source)
                and (doer.country or doer.igo) != (model.target.country or model.target.igo)]

    def _imitates(self, verb: Token) -> bool:
        lemma = verb.lemma_.lower()
        if verb.pos_ not in {"VERB", "AUX"} or lemma not in self.modality.imitation_verbs or any(
                c.dep_ in {"prt", "ccomp", "xcomp", "neg"} for c in verb.children):
            return False   # ("followed up with a call", "did not want to", "did not follow")
        objects = [c.lemma_.lower() for c in verb.children if c.dep_ in {"dobj", "attr"}]
        manners = [c.lower_ for c in verb.children if c.dep_ == "advmod"]
        if lemma == "do":
            return any(o in self.modality.imitation_objects for o in objects) or any(
                m in self.modality.imitation_manners for m in manners)
        return all(o in self.modality.imitation_objects for o in objects)

    def _punished_wrong(self, trigger: Token) -> bool:
        """Whether a measure is told as taken over a wrong: "over human rights abuses",
        "for election interference"."""
        for prep in (c for c in trigger.children if c.dep_ == "prep" and c.lower_ in GROUNDS_PREPOSITIONS):
            for noun in (g for g in prep.subtree if g.pos_ == "NOUN"):
                if noun.lemma_.lower() in self.modality.wrong_words:
                    return True
        return False

    def _doer_code(self, pattern: Pattern, code: str, source: Actor) -> str:
        """The code refined by who acts: in CAMEO a demonstration that turns violent is a
        riot (145), so "protesters stormed the embassy" is not an armed attack."""
        if pattern.state_code and code == pattern.code and _state_itself(source):
            # "China protested against the exercise": a state's protest is an official
            # complaint; a crowd's is dissent
            return pattern.state_code
        if not pattern.doer_domains or not source.text or code not in {
                pattern.code, *(c for _, c in pattern.domains)}:
            return code  # a threat or an intent to act keeps its own code
        # the head of the doer's phrase and the words just before it ("US drone strike")
        near_head = [w.lower() for w in source.text.split(",")[0].split()[-3:]]
        words = set(near_head) | {w[:-1] for w in near_head if w.endswith("s")}
        for domain, refined in pattern.doer_domains:
            if words & self.lexicon.domains.get(domain, frozenset()):
                return refined
        return code

    # -- arms deals -----------------------------------------------------------------------
    def code_deal_steps(self, transfers: list[Transfer], doc: Doc, doc_id: str,
                        doc_date: str | None, reference_date: str | None,
                        anchor_date: str | None, coded: list[Event]) -> list[Event]:
        """Events for the steps of arms deals that no verb pattern coded: "Egypt has ordered 30
        more Rafale jets" (EGY -> FRA 057), "the first S-400 regiment arrived in India" (RUS
        -> IND 062). One event per step, sentence and pair of states."""
        have = {(e.sentence_index, e.source.country or e.source.igo,
                 (e.target.country or e.target.igo) if e.target else None, e.root) for e in coded}
        sentences = list(doc.sents)
        events: list[Event] = []
        for record in transfers:
            if not record.supplier or not record.recipient:
                continue
            told_in = {e["sentence_index"] for e in record.sources
                       if e.get("doc_id") == doc_id and e["sentence_index"] < len(sentences)}
            for evidence in record.sources:
                step = self.lexicon.deal_steps.get(evidence.get("stage"))
                if step is None or evidence.get("background") or evidence.get("doc_id") != doc_id:
                    continue
                if _history(str(evidence.get("year") or ""), doc_date):
                    continue    # ("the 36 jets ordered in 2016", told in 2022)
                code, acting, as_gift = step
                source, target = ((record.recipient, record.supplier) if acting == "recipient"
                                  else (record.supplier, record.recipient))
                index = evidence["sentence_index"]
                if index >= len(sentences):
                    continue
                if as_gift and any(t.lemma_.lower() in GIFT_WORDS for i in told_in
                                   for t in sentences[i]):
                    # ("the IRIS-T that Germany donated has arrived": what the story said of
                    # the deal elsewhere says whether it is a gift)
                    code = as_gift
                etype = self.ontology[code]
                key = (index, source, target, etype.root)
                if key in have:
                    continue
                if etype.root == INTENT_ROOT and (index, target, source, REQUEST_ROOT) in have:
                    # "Sudan had requested Su-30 fighters": the buyer asked; the seller has
                    # stated no intent yet
                    continue
                have.add(key)
                start, end = evidence["span"]
                mention = doc.char_span(start, end, alignment_mode="expand")
                # the clause that reports the step dates it ("arrived in India in December")
                trigger = _clause_of(mention.root) if mention is not None else sentences[index].root
                sentence = sentences[index]
                date, date_basis = self.event_date(trigger, reference_date, anchor_date, Mood())
                events.append(Event(
                    doc_id=doc_id, date=date, date_basis=date_basis,
                    source=Actor.build(source, (), None, ""), target=Actor.build(target, (), None, ""),
                    cameo=code, root=etype.root, quad_class=etype.quad_class,
                    goldstein=etype.goldstein, plover=etype.plover, sentence_index=index,
                    sentence=sentence.text.strip(), span=(start, end),
                    rule=f"deal:{evidence['stage']}", trigger=record.system, doc_date=doc_date))
        return events

    # -- dates and places -----------------------------------------------------------------
    def event_date(self, trigger: Token, doc_date: str | None, anchor_date: str | None,
                   mood: Mood) -> tuple[str | None, str]:
        """The event's date and what fixed it (``DATE_BASES``)."""
        # (a plan told in the past perfect was for a day now past: "had been due in Warsaw on
        # Thursday")
        future = mood.kind not in {"asserted"} and not _past_perfect(trigger)
        interval = _interval_phrase(trigger)
        if interval is not None:
            # "ordered ... on Thursday, a day after his first telephone conversation with
            # Erdogan": the conversation was on Wednesday
            governor, days = interval
            main, basis = self.event_date(governor, doc_date, anchor_date, Mood())
            shifted = shift_days(main, days)
            if shifted:
                return shifted, basis
        own = None if mood.announced else self._own_date(trigger, doc_date, future)
        if own:
            return own, "sentence"
        interval = _interval_clause(trigger)
        if interval is not None:
            # "said on Tuesday ..., one day after Poland demanded reparations": Monday, not
            # the day of the saying the clause hangs on
            clause, days = interval
            main, basis = self.event_date(clause.head, doc_date, anchor_date, Mood())
            shifted = shift_days(main, days)
            if shifted:
                return shifted, basis
        speech = _governing_speech_verb(trigger, self.modality.speech_verbs)
        if speech is not None:
            said = self._own_date(speech, doc_date, False)
            if said:
                return said, "sentence"
        for clause, same_act in _dating_clauses(trigger):
            # a demanded or threatened act is still to come; the demanding is not
            shared = self._own_date(clause, doc_date, future and same_act)
            if shared:
                return shared, "sentence"
        clause = trigger if trigger.pos_ in CLAUSE_POS else _clause_of(trigger)
        adjunct = self._adjunct_date(clause, doc_date, future)
        if adjunct:
            return adjunct, "sentence"
        when = _time_told_by(clause)
        if when is not None:
            # "since Friday, when the ministry accused Seoul": the day the clause tells of
            resolved = resolve_date(when.text, doc_date, future)
            if resolved:
                return resolved, "sentence"
        if anchor_date:
            return anchor_date, "story"
        return doc_date, "article"

    def _own_date(self, trigger: Token, doc_date: str | None, future: bool) -> str | None:
        # A year on the object dates the act only when the clause gives no time of its own:
        # "signed the 2017 treaty", but "suspended a 2018 accord in June"
        dates = [ent for ent in trigger.sent.ents if ent.label_ == "DATE" and not _date_as_argument(ent)
                 and (not _describes_thing(ent, trigger, self.modality.dating_verbs)
                      or self._dates_acting_noun(ent, trigger))]
        return self._date_among([e for e in dates if not _names_thing(e)], trigger, doc_date, future) \
            or self._date_among(dates, trigger, doc_date, future)

    def _dates_acting_noun(self, ent: Span, trigger: Token) -> bool:
        """A date on an act named as the clause's subject dates the clause: "the group's 2015
        assault on Garissa killed 148 people"."""
        noun = ent.root.head
        return noun.dep_ in SUBJECT_DEPS and noun.head == trigger and noun.lemma_.lower() in self.lexicon.nouns

    def _date_among(self, dates: list[Span], trigger: Token, doc_date: str | None, future: bool) -> str | None:
        for ent in dates:
            if ent.start < trigger.i and self._dates_speech(ent) is not None:
                continue  # "said on Wednesday it would downgrade ties": the saying's date
            if _clause_of(ent.root) == trigger or (trigger.pos_ not in CLAUSE_POS
                                                   and _within(ent.root, trigger)) or (
                    ent.start > trigger.i and self._dates_speech(ent) == trigger):
                resolved = resolve_date(ent.text, doc_date, future)
                if resolved:
                    return resolved
        return None

    def _dates_speech(self, ent: Span) -> Token | None:
        """The speech verb a date follows ("said on Wednesday", "told reporters Monday")."""
        doc = ent.doc
        for back in (1, 2, 3):
            i = ent.start - back
            if i < ent.sent.start:
                return None
            word = doc[i]
            if word.lemma_.lower() in self.modality.speech_verbs and word.pos_ == "VERB":
                return word
            if word.pos_ not in {"ADP", "NOUN", "PROPN", "PRON"}:
                return None
        return None

    def days_told(self, span: Span, doc_date: str | None) -> set[str]:
        """The days a passage tells of as past or present: its dates, to the day, that date a
        clause told as done ("on Monday the council voted"), not one still to come ("will
        meet on Friday")."""
        days = set()
        for ent in span.ents:
            if ent.label_ != "DATE" or self.mood(_clause_of(ent.root)).kind != "asserted":
                continue
            day = resolve_date(ent.text, doc_date)
            if day and len(day) == 10:
                days.add(day)
        return days

    def statement_date(self, verb: Token, doc_date: str | None) -> str | None:
        return self._own_date(verb, doc_date, False) or self._adjunct_date(verb, doc_date, False)

    def _adjunct_date(self, clause: Token, doc_date: str | None, future: bool) -> str | None:
        """The date of a participle opening the clause: "Meeting late on Wednesday, the council
        laid the blame on Turkish troops"."""
        for adjunct in clause.children:
            if adjunct.dep_ == "advcl" and adjunct.tag_ == "VBG" and adjunct.i < clause.i and not any(
                    c.dep_ == "mark" for c in adjunct.children):
                shared = self._own_date(adjunct, doc_date, future)
                if shared:
                    return shared
        return None

    def _location(self, trigger: Token, resolver: ActorResolver,
                  targets: list[Actor]) -> tuple[str | None, str | None]:
        # "blocked streets in Hong Kong": the place may hang on the object too
        # (not where one came from: "flew into Hanoi from the G20 summit in New Delhi")
        holders = [trigger] + [g for c in trigger.children if c.dep_ == "prep" and c.lower_ != "from"
                               for g in c.children if g.dep_ == "pobj"] + [
            o for o in trigger.children if o.dep_ in OBJECT_DEPS]
        for child in (c for holder in holders for c in holder.children):
            if child.dep_ == "prep" and child.lower_ in LOCATION_PREPS:
                # ("in and around the port of Derna": the place hangs on the last preposition)
                joined = [g for c in child.children if c.dep_ == "conj" and c.pos_ == "ADP" for g in c.children]
                for pobj in [*child.children, *joined]:
                    place = resolver.place_at(pobj) if pobj.dep_ == "pobj" else None
                    if place is None:
                        continue
                    name, country = place
                    if any(t.country == country and not t.sectors for t in targets):
                        continue
                    return name, country
        return None, None

    @staticmethod
    def _place_witnessed(trigger: Token, resolver: ActorResolver) -> str | None:
        """Where one who looks on is: at the place of the act watched ("looked on as Kiir
        signed the accord in Juba")."""
        if trigger.lemma_.lower() not in WITNESSING_VERBS:
            return None
        watched = (c for c in trigger.children if c.dep_ == "advcl" and c.pos_ in CLAUSE_POS
                   and any(m.dep_ == "mark" and m.lower_ in {"as", "while"} for m in c.children))
        return next(filter(None, (EventCoder._place_along(c, resolver) for c in watched)), None)

    @staticmethod
    def _place_along(trigger: Token, resolver: ActorResolver) -> str | None:
        """The state of the first place down the prepositions of a clause and of its object or
        predicate: "was the chief guest at the forum in Vladivostok" (RUS)."""
        holders = [trigger] + [c for c in trigger.children if c.dep_ in OBJECT_DEPS | {"attr"}]
        for holder in holders:
            for prep, pobj in _preposition_chain(holder):
                place = resolver.place_at(pobj) if prep.lower_ in LOCATION_PREPS else None
                if place is not None:
                    return place[1]
        # "responsibility for an attack targeting shoppers at a mall in Nairobi", "for a
        # bombing that killed ...": the place of the act the clause is about, told by a clause on it
        for holder in holders:
            for _, pobj in _preposition_chain(holder):
                for clause in (c for c in pobj.children if c.dep_ in {"acl", "relcl"} and c.pos_ in CLAUSE_POS):
                    place = EventCoder._place_along(clause, resolver)
                    if place is not None:
                        return place
        return None

    def _speaker(self, span: Span, resolver: ActorResolver) -> Actor | None:
        for token in span:
            if token.pos_ == "VERB" and token.lemma_.lower() in self.modality.speech_verbs:
                for child in token.children:
                    if child.dep_ in SUBJECT_DEPS and child.lower_ not in {"it"}:
                        actors = resolver.actors(child)
                        if actors:
                            return actors[0]
        return None


# -- syntax helpers (pure functions of the parse) -----------------------------------------

def verb_lemma(verb: Token, known: dict[str, list[Pattern]] | frozenset[str]) -> str:
    """The lemma of a verb, repairing the tagger's dropped silent e ("staged" -> "stag",
    "waging" -> "wag"): an inflected form whose lemma is unknown but whose lemma plus "e" is a
    known verb that the form begins with takes that verb. A hyphen-prefixed verb the lexicon does
    not know is read as its base ("re-imposed" -> impose), unless its prefix undoes the base."""
    lemma = verb.lemma_.lower()
    if lemma not in known and "-" in lemma:
        # "co-operate", "re-imposed": the verb without its hyphen, else without its prefix
        prefix, base = lemma.split("-", 1)
        joined = prefix + base
        if prefix in reversing_prefixes():
            return joined if joined in known else lemma     # ("de-escalate" is no escalation)
        return joined if joined in known else base if base in known else lemma
    if lemma in known or verb.tag_ not in {"VBD", "VBN", "VBG", "VBZ"}:
        return lemma
    repaired = lemma + "e"
    if repaired in known and verb.lower_.startswith(lemma) and verb.lower_ != repaired:
        return repaired
    return lemma


def _governing_verb_through_nouns(noun: Token) -> Token | None:
    """The verb a noun's phrase is the object of, through "of" and similar links: "rejected
    the idea of a summit" -> rejected."""
    current = noun
    for _ in range(4):
        if current.dep_ in OBJECT_DEPS and current.head.pos_ in CLAUSE_POS:
            return current.head
        if current.dep_ == "pobj" and current.head.dep_ == "prep" and current.head.head.pos_ in {"NOUN", "PROPN"}:
            current = current.head.head
            continue
        return None
    return None


def _free_relative_governor(verb: Token) -> Token | None:
    """For "what he called ..." with a pronoun subject, the verb of the clause it qualifies
    ("thanked Scholz for what he called ..."); else None."""
    if not _free_relative(verb):
        return None
    if not any(c.dep_ in SUBJECT_DEPS and c.pos_ == "PRON" for c in verb.children):
        return None
    governor = verb.head
    while governor.pos_ not in CLAUSE_POS and governor.head != governor:
        governor = governor.head
    return governor if governor.pos_ in CLAUSE_POS and governor != verb else None


def _free_relative(verb: Token) -> bool:
    """Whether a verb heads a free relative naming something: "what they called ..."."""
    return any(c.dep_ == "dobj" and c.lower_ == "what" for c in verb.children)


def _free_relative_named(verb: Token) -> list[Token]:
    """What "what they called X (by Y)" names: X, and the doer after "by" that the parser
    may hang on the verb."""
    if not _free_relative(verb):
        return []
    named = [c for c in verb.children if c.dep_ in {"oprd", "xcomp", "attr"}]
    return named + [g for c in verb.children if c.dep_ in {"prep", "agent"} and c.lower_ == "by"
                    for g in c.children if g.dep_ == "pobj"]


def _blames_another(content: list[Token]) -> bool:
    """Whether what was said puts the blame on a party named in it ("said Washington bears
    responsibility"), not on the speaker ("said it took responsibility")."""
    for clause in content:
        subject = _subject_token(clause)
        if subject is not None and subject.pos_ in {"PROPN", "NOUN"}:
            return True
    return False


def _state_itself(actor: Actor) -> bool:
    """Whether an actor is a state speaking through its government or forces: "China",
    "Beijing", "the foreign ministry"; not "Nigerians" or "ethnic Turks" (a people is coded
    by its state, but is not it), nor a lawmaker or a court."""
    if not actor.country or not set(actor.sectors) <= {"GOV", "MIL"}:
        return False
    if actor.sectors:
        return True
    text = actor.text.removeprefix("the ").strip()
    names = gazetteer().proper
    return any(entry.kind in STATE_NAME_KINDS for phrase in (text, text.split(" ")[-1])
               for entry in names.get(phrase, ()))


def _phrasal_lemma(verb: Token) -> str:
    """A verb's lemma with its particle: "called off" -> "call off"."""
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    return f"{verb.lemma_.lower()} {particle}" if particle else verb.lemma_.lower()


def _misparsed_main_verb(verb: Token) -> bool:
    """"Trump, who ordered the strike ..., accused Assad": a past-tense verb after a comma,
    hung by the parser as the complement of a relative clause, is the main verb (complements
    are infinitives or participles)."""
    return (verb.dep_ == "xcomp" and verb.tag_ == "VBD" and verb.i > 0
            and verb.doc[verb.i - 1].lower_ == ",")


def _passes_through(verb: Token, transparent_verbs: frozenset[str]) -> bool:
    """"helped to plan the killings", "continued to shell the town": a verb that passes its
    complement through is no act of its own when it has one."""
    return verb.lemma_.lower() in transparent_verbs and any(
        c.dep_ in {"xcomp", "ccomp"} for c in verb.children)


def _told_before_governor(clause: Token) -> bool:
    """"Iran held talks with the United States on Saturday, the first in years, and both
    sides called the meeting constructive": a finished act told before the verb it hangs on
    is a main clause the parser joined to a later one; an asked act follows the asking."""
    return clause.tag_ == "VBD" and clause.i < clause.head.i


def _purpose_clause(clause: Token) -> bool:
    """An infinitive with no subject of its own: "to fight", "(in order) to help"."""
    return (any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
            and not any(c.dep_ in SUBJECT_DEPS for c in clause.children))


def _agent_named(verb: Token) -> bool:
    """Whether a clause names who did it: a subject, or a "by" agent."""
    return any(c.dep_ in SUBJECT_DEPS or c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")
               for c in verb.children)


def _drop_announcements_of_coded_acts(attempts: list[Attempt], doc, modality: Modality) -> None:
    """"Iran vowed to attack Israel" is the threat 138, not also the bare intent 030: an
    announcing verb's own event goes when an act it governs is coded in the mood it sets (an
    asserted noun inside it, "to pull out of the talks", is another matter). An intent verb
    coded with no one it is aimed at goes when the act it governs is coded as intended or as
    decided ("the EU agreed to widen sanctions": 163, not also 030)."""
    acts = [(doc[a.token], a) for a in attempts if a.events and not a.announces
            and any(e.modality != "asserted" for e in a.events)]
    for attempt in (a for a in attempts if a.events and all(e.target is None for e in a.events)):
        verb = doc[attempt.token]
        if verb.lemma_.lower() not in modality.intent_verbs:
            continue
        governed = {t.i for c in verb.children if c.dep_ == "xcomp" for t in c.subtree}
        if any(other.token in governed and any(
                e.modality != "asserted" or e.root in modality.decided_roots for e in other.events)
               for other in attempts):
            attempt.outcome, attempt.reason = "skipped", "the act agreed or intended is coded itself"
            attempt.events = []
    for attempt in (a for a in attempts if a.events and a.announces):
        announcer = doc[attempt.token]
        roots = {e.root for e in attempt.events}
        # an act with no target replaces only an announcement of its own kind ("threatened
        # to institute a curfew": 1323, not also 130)
        if any(token != announcer and announcer.is_ancestor(token) and any(
                e.target is not None or e.root in roots for e in act.events) for token, act in acts):
            attempt.outcome, attempt.reason = "skipped", "the announced act is coded itself"
            attempt.events = []


def _drop_demands_coded_as_orders(attempts: list[Attempt], doc, phrase_words: dict[str, frozenset[str]]) -> None:
    """"ordered the United States to close its consulate" is the order's own act (161), not
    also a demand (10) that the consulate close: when a phrasal pattern ("order close") codes
    the order, what is coded at the verb it names goes."""
    ordered = {c.i for a in attempts if a.events and a.pattern in phrase_words
               for c in doc[a.token].children
               if c.dep_ == "xcomp" and c.lemma_.lower() in phrase_words[a.pattern]}
    for attempt in (a for a in attempts if a.token in ordered and a.events):
        attempt.outcome, attempt.reason = "skipped", "the order is coded as the act it orders"
        attempt.events = []


def _background(event: Event) -> bool:
    """Whether the sentence itself dates an event as history its story recalls."""
    return event.date_basis == "sentence" and _history(event.date, event.doc_date)


def _history(date: str | None, doc_date: str | None) -> bool:
    """Whether a date (a year at least) lies BACKGROUND_YEARS or more before the story's."""
    if not date or not doc_date or not date[:4].isdigit() or not doc_date[:4].isdigit():
        return False
    return int(doc_date[:4]) - int(date[:4]) >= BACKGROUND_YEARS


def _describes_party(verb: Token) -> bool:
    """Whether a verb is a relative clause or a participle on a noun, told in the present or
    as a state ("which backs", "backed by"), not a past act ("which it backed last week")."""
    if verb.dep_ not in {"relcl", "acl"}:
        return False
    if verb.dep_ == "acl":
        return verb.tag_ in {"VBN", "VBG"}
    return verb.tag_ in {"VBZ", "VBP"} or any(
        c.dep_ == "auxpass" and c.lower_ in {"is", "are"} for c in verb.children) or any(
        c.dep_ == "aux" and c.lower_ in {"has", "have"} for c in verb.children)


def _obligating_clause(verb: Token) -> Token | None:
    """The clause that lays a duty on its subject: "must withdraw", "should stop", and "had
    to stop" (the duty is on "had", the act its complement)."""
    if any(c.dep_ == "aux" and c.lower_ in {"must", "should"} for c in verb.children):
        return verb
    if verb.dep_ == "xcomp" and verb.head.lemma_ == "have" and verb.head.pos_ in CLAUSE_POS and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return verb.head
    return None


def _addressee_of_speech(speech: Token) -> Token | None:
    """The party a speech verb is addressed to: "told the general", "told him"."""
    return next((c for c in speech.children if c.dep_ in {"dobj", "dative"}
                 and c.pos_ in {"PROPN", "NOUN", "PRON"}), None)


def _passive(verb: Token) -> bool:
    """A passive clause ("were killed") or a passive participle ("soldiers killed in ..."); a
    participle with a direct object is a misparsed active verb ("Israeli airstrikes killed 30
    people")."""
    return any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.children) or (
        verb.dep_ == "acl" and verb.tag_ == "VBN" and _object_of(verb) is None)


def _preposition_chain(holder: Token, depth: int = 3) -> list[tuple[Token, Token]]:
    """(preposition, object) pairs hanging on a word, through prepositions on prepositions
    ("out of the talks") and on their objects ("the talks with Kosovo")."""
    found = []
    for prep in (c for c in holder.children if c.dep_ == "prep"):
        for child in prep.children:
            if child.dep_ == "pobj":
                found.append((prep, child))
                if depth > 1:
                    found.extend(_preposition_chain(child, depth - 1))
            elif child.dep_ == "prep" and depth > 1:
                found.extend(_preposition_chain(prep, depth - 1))
                break
    return found


def _preposition_objects(verb: Token, prepositions: tuple[str, ...]) -> list[Token]:
    """What a prepositional verb acts on: "called for sanctions against Iran" has "sanctions"
    where a transitive verb has its object, and the target hangs on it."""
    return [o for head in _particle_heads(verb) for o in preposition_objects(head, prepositions)]


def _particle_heads(verb: Token) -> list[Token]:
    """A verb and the particles its prepositions may hang on ("pulled out of the deal" parsed
    with "of" on "out")."""
    return [verb] + [c for c in verb.children if c.lower_ in PARTICLES_ON_OBJECTS]


def _participants(clauses: list[Token]) -> list[Token]:
    """Who takes part in what was said: the subjects, objects and prepositional partners of
    the reported clause and of the clauses joined to it (not names buried in modifiers)."""
    heads = []
    for clause in clauses:
        heads.append(clause)
        heads.extend(c for c in clause.children if c.dep_ in {"conj", "xcomp", "ccomp"})
    found = []
    for head in heads:
        for child in head.children:
            if child.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS | OBJECT_DEPS | DATIVE_DEPS | {"attr"}:
                found.append(child)
            elif child.dep_ == "prep" and child.lower_ in {"with", "to", "against", "on", "from", "for"}:
                found.extend(c for c in child.children if c.dep_ == "pobj")
    return found


def _placed_pair(source: Actor, target: Actor | None, place: Callable[[Actor], Actor],
                 target_first: bool = False) -> tuple[Actor, Actor | None]:
    """Source and target each put through ``place`` (which gives an actor of no named state a
    state), unless that would make the two one party: "Congress will support the plan" stays
    ---LEG when the plan is the Philippines'. Victims are placed before their attackers."""
    if target is None:
        return place(source), None

    def unless_one_party(placed: Actor, actor: Actor, other: Actor) -> Actor:
        return actor if placed.same_entity(other) else placed

    if target_first:
        placed_target = unless_one_party(place(target), target, source)
        return unless_one_party(place(source), source, placed_target), placed_target
    placed_source = unless_one_party(place(source), source, target)
    return placed_source, unless_one_party(place(target), target, placed_source)


def _where_it_acts(actor: Actor | None, country: str, other: Actor | None) -> Actor | None:
    """A transnational group ("IMGMUSISI") counts under the state where it acts ("bombed Islamic
    State positions around Derna" is in Libya), unless the other side is of that state."""
    if actor is None or not actor.code.startswith(TRANSNATIONAL_PREFIX) or actor.country == country or (
            other is not None and other.country == country):
        return actor
    return Actor(actor.code, country, actor.sectors, actor.name, actor.text, actor.igo)


def _localised(actor: Actor | None, country: str) -> Actor | None:
    if actor is None or actor.is_known or not actor.sectors or not actor.code.startswith("---"):
        # an organisation with a code of its own ("NGOHLH") keeps it where it is hit
        return actor
    return Actor.build(country, actor.sectors, actor.name, actor.text)


def _past_perfect(verb: Token) -> bool:
    """Whether a verb is in the past perfect ("had been due", "had planned")."""
    return any(c.dep_ == "aux" and c.lower_ in {"had", "'d"} for c in verb.children)


def _arrival_places(trigger: Token, arrival_verbs: frozenset[str]) -> list[Token]:
    """Where the things a participle describes arrived: "howitzers supplied by Germany have
    reached Ukraine" were supplied to Ukraine."""
    if trigger.dep_ != "acl" or trigger.head.dep_ not in SUBJECT_DEPS:
        return []
    motion = trigger.head.head
    if _phrasal_lemma(motion) not in arrival_verbs and motion.lemma_.lower() not in arrival_verbs:
        return []
    return [c for c in motion.children if c.dep_ == "dobj"] + preposition_objects(motion, ("in", "at", "to", "into"))


def _misparsed_dative(verb: Token, objects: list[Token]) -> list[Token]:
    """"gave Ukraine Leopard tanks" is often parsed with the recipient as a compound of the
    object; a place name right after the verb at the object's left edge is the recipient."""
    for obj in objects:
        first = min(obj.subtree, key=lambda t: t.i)
        if first.i == verb.i + 1 and first.dep_ == "compound" and first.pos_ == "PROPN":
            return [first]
    return []


def object_tokens(verb: Token) -> list[Token]:
    """What a verb acts on: its direct object, its passive subject, or the noun a participle
    modifies; with conjoined objects."""
    found = [c for c in verb.children if c.dep_ in OBJECT_DEPS | PASSIVE_SUBJECT_DEPS]
    if not found and verb.dep_ == "conj" and any(c.dep_ == "auxpass" for c in verb.children):
        # "Putin arrived ... and was received by Modi": the shared subject is the object
        found = [c for c in verb.head.children if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS]
    if not found and verb.dep_ == "amod" and _hyphenated_doer(verb) is not None:
        found = [verb.head]  # "a U.S.-brokered agreement": what was brokered
    if not found and verb.dep_ == "acl" and verb.tag_ == "VBN":
        # "the contracts for the delivery of ... signed with India": the participle may hang on
        # any noun of the chain it ends, so each of them is a candidate object.
        noun = verb.head
        for _ in range(3):
            found.append(noun)
            if noun.dep_ != "pobj" or noun.head.head.pos_ not in {"NOUN", "PROPN"}:
                break
            noun = noun.head.head
    if not found and verb.dep_ == "advcl" and verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in verb.children):
        # "Kohver walked back across the border, freed by Moscow": the main clause's subject
        found = [c for c in verb.head.children if c.dep_ in SUBJECT_DEPS]
    if not found:
        # "discussed strengthening security cooperation with Putin": what is discussed is the
        # gerund's object
        found = [o for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VBG"
                 for o in c.children if o.dep_ in OBJECT_DEPS]
    if not found:
        # "eased curfew hours": the parser sometimes takes a plural object for an adverbial noun;
        # a common noun that is no bare measure of time ("for hours", "last week") is the object
        found = [c for c in verb.children if c.dep_ == "npadvmod" and c.pos_ == "NOUN"
                 and not c.ent_type_ and c.i > verb.i
                 and (c.lemma_.lower() not in TIME_NOUNS or any(g.dep_ == "compound" for g in c.children))]
    if not found:
        # "send troops to", "attack on": an object hidden behind a particle-less preposition
        # is not an object; but an attribute of a copula counts ("is a visit").
        found = [c for c in verb.children if c.dep_ == "attr"]
    if not found:
        # "carried out what the army called surgical strikes": the thing so called
        found = [g for c in verb.children if c.dep_ == "ccomp"
                 and any(w.dep_ == "dobj" and w.lower_ == "what" for w in c.children)
                 for g in c.children if g.dep_ in {"oprd", "attr"} and g.pos_ == "NOUN"]
    if not found:
        # "condemned and rejected the decision": a verb with no object of its own shares the
        # object of the verb joined right after it
        joined = next((c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"
                       and not any(g.dep_ in SUBJECT_DEPS for g in c.children)), None)
        if joined is not None and any(c.dep_ == "cc" and verb.i < c.i < joined.i for c in verb.children):
            found = [c for c in joined.children if c.dep_ in OBJECT_DEPS]
    if verb.dep_ == "relcl" and (all(t.lower_ in RELATIVE_PRONOUNS for t in found) if found else (
            any(c.dep_ == "nsubj" and c.lower_ not in RELATIVE_PRONOUNS for c in verb.children)
            and not any(c.dep_ == "advmod" or (c.dep_ == "prep" and any(g.lower_ in RELATIVE_PRONOUNS for g in c.children))
                        for c in verb.children))):
        # "the territory (that) it had seized": the noun the clause describes is what it acts
        # on (not in "the standoff in which Trump ordered tariffs", "the city where they met")
        found = [verb.head]
    expanded = []
    for token in found:
        expanded.append(token)
        expanded.extend(conjuncts(token))
    return expanded


def sentence_words(sentence: Span) -> set[str]:
    """The lemmas of a sentence with its hyphenated words whole again: the tokenizer splits
    "peace-keeping" and "sit-in" at the hyphen, but word lists name them whole."""
    words = {t.lemma_.lower() for t in sentence}
    for hyphen in sentence:
        if (hyphen.text == "-" and not hyphen.whitespace_ and hyphen.i > sentence.start
                and hyphen.i + 1 < sentence.end and not hyphen.nbor(-1).whitespace_):
            before, after = hyphen.nbor(-1), hyphen.nbor(1)
            words.add(f"{before.lower_}-{after.lower_}")
            words.add(f"{before.lower_}-{after.lemma_.lower()}")
    return words


def phrase_lemmas(token: Token) -> set[str]:
    """The head lemma of an object with its compounds, and what a quantity noun counts
    ("a batch of missiles" -> missile)."""
    words = {token.lemma_.lower(), token.lower_}
    # "High Commissioner Ajay Bisaria": titles stack as compounds of compounds
    modifiers = [c for c in token.children if c.dep_ in {"compound", "amod", "nummod"}]
    while modifiers:
        modifier = modifiers.pop()
        words.add(modifier.lemma_.lower())
        modifiers.extend(c for c in modifier.children if c.dep_ == "compound")
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    words.add(pobj.lemma_.lower())
                    words.update(c.lemma_.lower() for c in pobj.children if c.dep_ == "compound")
        elif child.dep_ == "appos" and token.pos_ == "PROPN":
            # "summoned Andrei Ordash, Russia's charge d'affaires": a name is what its apposition says
            words |= phrase_lemmas(child)
    return words


def _object_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in OBJECT_DEPS:
            return child
    return None


def _doer(verb: Token) -> Token | None:
    """Who does what a verb says: its subject, or for "have begun leaving" the subject of the
    verb it completes (not an object asked to act: "ordered the envoy to")."""
    current = verb
    for _ in range(4):
        subject = _subject_token(current)
        if subject is not None:
            # "hundreds of UN troops withdrew": the troops
            counted = of_object(subject) if subject.lemma_.lower() in PARTITIVES else None
            return counted if counted is not None else subject
        if current.dep_ == "conj" and current.head.pos_ in CLAUSE_POS:
            current = current.head   # "forces had crossed the border and must withdraw"
            continue
        if current.dep_ == "acl" and current.tag_ == "VBG":
            return current.head      # "the airliner, flying from Baku": the noun it describes
        if current.dep_ != "xcomp" or _object_of(current.head) is not None:
            return None
        current = current.head
    return None


def _judgment_complements(verb: Token) -> list[Token]:
    """What an evaluative verb says its object is: "called the move a provocation", "described
    the measures as illegal"."""
    return [c for c in verb.children if c.dep_ in {"oprd", "xcomp"}] + [
        c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"] + [
        # ("described the explosion as a Russian attack", "as" hung on the object, or on a
        # noun inside it: "described the downgrading of Israel's representation as baseless")
        g for c in verb.children if c.dep_ in OBJECT_DEPS for g in c.subtree
        if g.dep_ == "prep" and g.lower_ == "as" and g.head.pos_ in {"NOUN", "PROPN"}
        and not any(w.lower_ == "well" for w in g.children)] + [
        # ("called Tbilisi's move a mistake", misparsed as a clause "move" with "a mistake" an
        # adverbial noun on it)
        g for c in verb.children if c.dep_ == "ccomp" and c.pos_ == "NOUN" for g in c.children
        if g.dep_ == "npadvmod" and g.pos_ == "NOUN"] + [
        # "viewed the delivery extremely negatively": a judging adverb of manner
        c for c in verb.children if c.dep_ == "advmod" and c.pos_ == "ADV" and c.lower_.endswith("ly")
        and c.i > verb.i] + [
        # "called the killing an act of terrorism" parsed as an object of the object, or
        # "called him a liar" as a dative and an object: the second noun judges the first
        g for c in verb.children if c.dep_ in OBJECT_DEPS for g in c.children
        if g.dep_ in {"dobj", "attr", "oprd"}] + [
        c for c in verb.children if c.dep_ == "dobj" and any(d.dep_ == "dative" for d in verb.children)] + [
        # "called the American president a son of a whore" parsed as an apposition: an
        # indefinite noun right after the object, with no comma, is said of it
        g for c in verb.children if c.dep_ in OBJECT_DEPS for g in c.children
        if g.dep_ == "appos" and g.doc[g.left_edge.i - 1].text != ","
        and any(d.dep_ == "det" and d.lower_ in {"a", "an"} for d in g.children)] + [
        # "branded the Dutch government Nazi remnants": two objects, the second judges the first
        c for c in verb.children if c.dep_ == "dobj" and any(d.dep_ == "dobj" and d.i < c.i for d in verb.children)] + [
        # "called the move unacceptable blackmail" parsed with the first noun modifying the
        # second: the object is the judgment
        c for c in verb.children if c.dep_ == "dobj" and any(
            g.dep_ in {"nmod", "compound"} and g.pos_ == "NOUN" and g.i < c.i
            and g.doc[g.i - 1].lower_ == "the" for g in c.children)] + [
        # "called the proceedings a political farce staged under the cover of law" parsed
        # with the second noun as the subject of a relative clause on the first
        g for c in verb.children if c.dep_ in OBJECT_DEPS for r in c.children if r.dep_ == "relcl"
        for g in r.children if g.dep_ in SUBJECT_DEPS and g.pos_ == "NOUN" and g.i < r.i] + [
        # "called the move unfair, unjustified and unreasonable": an adjective after the object
        # is said of it
        a for c in verb.children if c.dep_ in OBJECT_DEPS for a in c.children
        if a.dep_ == "amod" and a.i > c.i] + [
        # ("called the reports of India's move misleading": after a longer object, on its end)
        last for c in verb.children if c.dep_ in OBJECT_DEPS
        for last in [max(c.subtree, key=lambda t: t.i)]
        if last.dep_ == "amod" and last.head != c and last.i > last.head.i] + [
        # ("called the wife of Prime Minister Pedro Sanchez corrupt", the adjective taken
        # into the name before it: a lower-case word is no part of a name)
        last for c in verb.children if c.dep_ in OBJECT_DEPS
        for last in [max(c.subtree, key=lambda t: t.i)]
        if last != c and last.pos_ == "PROPN" and last.is_lower and last.is_alpha]


def _negated_word(token: Token) -> bool:
    """A word said to be absent: "no threat", "not a violation", "is not illegal", "no longer
    trusted"."""
    if _negated(token) or any(c.dep_ == "det" and c.lower_ == "no" for c in token.children):
        return True
    if token.dep_ == "amod" and token.head.lower_ in {"nothing", "none"}:
        return True     # "had done nothing wrong"
    return token.dep_ in {"attr", "acomp"} and any(c.dep_ == "neg" for c in token.head.children)


def _side(actor: Actor) -> str | None:
    """The state or organisation an actor belongs to."""
    return actor.country or actor.igo


def _same_side(one: Actor, other: Actor) -> bool:
    """The same actor, or actors of the same state or organisation."""
    side = _side(one)
    return one.same_entity(other) or bool(side and side == _side(other))


def _complement_as_relative(clause: Token) -> bool:
    """"told a briefing that the sale amounted to interference" parsed as a relative clause
    on "briefing": a "that" before a subject of the clause's own is a complementizer."""
    if clause.dep_ != "relcl":
        return False
    that = next((c for c in clause.children if c.lower_ == "that" and c.dep_ in OBJECT_DEPS | {"mark"}), None)
    subject = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS and c.lower_ != "that"), None)
    return that is not None and subject is not None and that.i < subject.i


def _subject_token(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS), None)


def _addressee(governor: Token, complement: Token, direct_asks: bool = True) -> Token | None:
    """Who is urged or asked: "urged Iran to", "called on Iran to", "appealed to Iran to",
    "demanded that Iran ..." (the complement clause's own subject), "was pressured to"."""
    direct = _object_of(governor) if direct_asks else None
    if direct is not None:
        return direct
    asked = next((c for c in governor.children if c.dep_ in PASSIVE_SUBJECT_DEPS), None)
    if asked is not None:
        return asked  # "Obama is being pressured by Congress to help Iran"
    for child in governor.children:
        # ("called on the three countries" is often parsed with "on" as a particle)
        if child.dep_ in {"prep", "dative", "prt"} and child.lower_ in {"on", "upon", "to"} and not _time_phrase(child):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    if complement.dep_ == "ccomp" or _for_clause(complement):
        return _subject_token(complement)
    return None


def _for_clause(clause: Token) -> bool:
    """An infinitive with its own subject after "for": "(called) for Eritrean forces to leave"."""
    return (clause.dep_ in {"advcl", "ccomp"} and any(c.dep_ == "mark" and c.lower_ == "for" for c in clause.children)
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children))


def _time_phrase(token: Token) -> bool:
    """A preposition whose object is a date or time ("on Wednesday", "on 5 May")."""
    return token.dep_ == "prep" and any(c.dep_ == "pobj" and c.ent_type_ == "DATE" for c in token.children)


def _specificity(code: str) -> tuple[int, int]:
    return (len(code), 0 if code.endswith("0") else 1)


def _bears_consequences(verb: Token) -> bool:
    """Whether a verb has someone bear the consequences or pay the price, has something "met
    with", "followed by" or "require" a response ("any threat would be met with a massive
    military response", "the delivery will require an adequate response"), or says it "will not
    go unanswered"."""
    lemma = verb.lemma_.lower()
    if lemma == "meet" and _passive(verb):
        return any(_is_retaliation(o) for o in preposition_objects(verb, ("with",)))
    if lemma == "follow" and _passive(verb):
        # "the move would be followed by an adequate response"
        return any(_is_retaliation(o) for agent in verb.children if agent.dep_ == "agent"
                   for o in agent.children if o.dep_ == "pobj")
    if lemma in PROVOKING_VERBS:
        return any(o.dep_ in OBJECT_DEPS and _is_retaliation(o) for o in verb.children)
    if any(c.dep_ in {"acomp", "oprd"} and c.lower_ in UNANSWERED_WORDS for c in verb.children):
        return _negated(verb)
    if lemma == "leave" and _passive(verb) and _negated(verb):
        # "such actions will not be left without consequences"
        return any(o.lemma_.lower() in CONSEQUENCE_NOUNS or _is_retaliation(o)
                   for o in preposition_objects(verb, ("without",)))
    return lemma in CONSEQUENCE_VERBS and any(
        o.dep_ in OBJECT_DEPS and (o.lemma_.lower() in CONSEQUENCE_NOUNS or _is_retaliation(o))
        for o in verb.children)


def _is_retaliation(noun: Token) -> bool:
    """"a massive response", "countermeasures", "retaliatory measures", "reciprocal steps"."""
    return noun.lemma_.lower() in RETALIATION_NOUNS or any(
        m.dep_ in {"amod", "compound"} and m.lemma_.lower() in RETALIATORY_MODIFIERS for m in noun.children)


def _future_auxiliary(verb: Token) -> bool:
    """Whether a verb is told as to come: "would pay", "will face", "could only bring"."""
    return any(c.dep_ == "aux" and c.lower_ in {"will", "would", "shall", "'ll", "could"} for c in verb.children)


def _negated(token: Token) -> bool:
    """Not, never, no longer, and "no shots were fired" (a negated subject or object)."""
    if token.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ == "nor" for c in token.head.children):
        return True     # ("neither recognised nor accepted the decision": the verb after "nor")
    for child in token.children:
        if child.dep_ == "neg" or (child.dep_ == "advmod" and child.lower_ == "never"):
            return True
        if child.dep_ == "preconj" and child.lower_ == "neither":
            return True     # ("neither recognised nor accepted")
        if child.dep_ == "advmod" and child.lower_ == "longer" and any(g.lower_ == "no" for g in child.children):
            return True
        if child.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS | OBJECT_DEPS and any(
                (g.dep_ == "det" and g.lower_ in {"no", "neither"}) or (g.dep_ == "preconj" and g.lower_ == "neither")
                for g in child.children):
            return True     # ("met neither the king nor any minister")
        if child.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS | OBJECT_DEPS and child.lower_ in NEGATIVE_SUBJECTS:
            return True     # "nothing was being exported to Saudi Arabia", "an alliance that threatens nobody"
    return False


def _stronger(current: str, new: str) -> str:
    return current if current in {"hypothetical", "cancelled", "refusal"} else new


def _reported(verb: Token, speech_verbs: frozenset[str]) -> bool:
    return _governing_speech_verb(verb, speech_verbs) is not None


def _governing_speech_verb(token: Token, speech_verbs: frozenset[str]) -> Token | None:
    current = token
    for _ in range(8):
        if current.head == current:
            return None
        if current.dep_ in {"ccomp", "parataxis"} and current.head.lemma_.lower() in speech_verbs:
            return current.head
        if current.lemma_.lower() in speech_verbs and current != token and current.pos_ == "VERB":
            return current
        current = current.head
    return None


def _interval_clause(trigger: Token) -> tuple[Token, int] | None:
    """The clause a trigger's act is dated from, and by how many days: an adverbial clause
    "one day after Poland demanded ..." on a clause dated Tuesday puts the demand on Monday
    (-1), "two days before" puts its act two days after (+2)."""
    clause = trigger if trigger.pos_ in CLAUSE_POS else _clause_of(trigger)
    while clause.dep_ in {"xcomp", "conj", "ccomp"} and clause.head != clause:
        # "a day after Baghdad decided to pull its diplomat out", "a day after it said its
        # forces fired warning shots"
        clause = clause.head
    if clause.dep_ != "advcl" or clause.head == clause:
        return None
    mark = next((c.lower_ for c in clause.children if c.dep_ == "mark"), None)
    if mark not in {"after", "before"}:
        return None
    for unit in clause.children:
        days = _interval_days(unit) if unit.dep_ == "npadvmod" else None
        if days is not None:
            return clause, -days if mark == "after" else days
    return None


def _interval_days(unit: Token) -> int | None:
    """How many days a time unit counts: "one day" 1, "two weeks" 14, "hours" 0; None for
    other words."""
    if unit.lemma_.lower() not in INTERVAL_UNITS:
        return None
    if INTERVAL_UNITS[unit.lemma_.lower()] == 0:
        return 0
    count = next((INTERVAL_COUNTS.get(c.lower_) or (int(c.text) if c.text.isdigit() else None)
                  for c in unit.children if c.dep_ in {"nummod", "det"}), None)
    return count * INTERVAL_UNITS[unit.lemma_.lower()] if count else None


def _interval_phrase(noun: Token) -> tuple[Token, int] | None:
    """The verb an act named by a noun is dated from, and by how many days: "a day after his
    telephone conversation" on a verb dated Thursday puts the conversation on Wednesday."""
    preposition = noun.head
    if noun.pos_ != "NOUN" or noun.dep_ != "pobj" or preposition.lower_ not in {"after", "before"}:
        return None
    # ("a day" hangs on the preposition, or the preposition on "a day")
    units = [c for c in preposition.children if c.dep_ == "npadvmod"]
    if preposition.head.dep_ == "npadvmod":
        units.append(preposition.head)
    for unit in units:
        governor = unit.head if unit == preposition.head else preposition.head
        days = _interval_days(unit) if governor.pos_ in CLAUSE_POS else None
        if days is not None:
            return governor, -days if preposition.lower_ == "after" else days
    return None


def _date_as_argument(ent: Span) -> bool:
    """A date that is what a clause is about rather than when it happened: "set March 15 as
    the deadline", "must leave by Feb. 7", "extended the truce until Sunday", "has mediated
    since 2011" (when it began)."""
    root = ent.root
    named_as = any(c.dep_ == "prep" and c.lower_ == "as" and any(
        g.dep_ == "pobj" and g.lemma_.lower() in {"deadline", "date", "day", "target"} for g in c.children)
        for c in root.head.children)
    return root.dep_ in {"dobj", "nsubj", "nsubjpass", "attr"} or named_as or (
        root.dep_ == "pobj" and root.head.lower_ in DEADLINE_PREPOSITIONS)


def _absolute_construction(noun: Token) -> bool:
    """"with Secretary of State Marco Rubio looking on": a witness, not a partner."""
    after = noun.right_edge.i + 1
    return (after < len(noun.doc) and noun.doc[after].tag_ == "VBG"
            and noun.doc[after].lemma_.lower() in WITNESSING_VERBS)


def _names_weapon(token: Token) -> bool:
    """Whether a noun is a weapon system the transfer gazetteer knows by the name written
    ("HIMARS", "Leopard 2", "F-16s"); only proper names and designations, not common words."""
    return _weapon_named(token) is not None


def _weapon_named(token: Token) -> WeaponSystem | None:
    """The weapon system a noun names, as `_names_weapon` reads it."""
    if not (token.pos_ == "PROPN" or any(c.isdigit() for c in token.text)):
        return None
    start, end = token.left_edge.i, token.right_edge.i + 1
    while start < token.i and not (token.doc[start].pos_ == "PROPN" or token.doc[start].like_num):
        start += 1     # (not "the" or "four" before the name)
    weapons = weapon_gazetteer()
    names = (token.doc[start:end].text, token.text, token.text.removesuffix("s"))
    return next((system for name in names if name for system in [weapons.lookup(name)] if system is not None), None)


def _mentions_weapon(phrase: Token) -> bool:
    """Whether a noun phrase names a weapon system the transfer gazetteer knows anywhere in
    it: "the first French Mirage 2000-5 fighters"."""
    weapons = weapon_gazetteer()
    start, end = phrase.left_edge.i, phrase.right_edge.i + 1
    return any(weapons.knows(name) for i in range(start, end)
               for j in range(i + 1, min(end, i + 4) + 1)
               if phrase.doc[i].pos_ in {"PROPN", "NUM"} or any(c.isdigit() for c in phrase.doc[i].text)
               for name in {phrase.doc[i:j].text, phrase.doc[i:j].text.removesuffix("s")})


def _has_required_prep(pattern: Pattern, verb: Token, objects: list[Token]) -> bool:
    """Whether a verb (or its object) has one of the prepositions a pattern's target must
    come from: a talk "in Kolkata" is no talk with anyone."""
    return not pattern.requires_prep or any(
        c.lower_ in pattern.requires_prep for h in (verb, *objects) for c in h.children)


def _definite_noun(noun: Token) -> bool:
    """A noun that points back to a thing named before: "the test", "this decision"."""
    return any(c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in noun.children)


def _in_exchange(trigger: Token) -> bool:
    """Whether an act is done "in exchange for" or "in return for" something."""
    return any(c.dep_ == "prep" and c.lower_ == "in" and any(
        g.dep_ == "pobj" and g.lemma_.lower() in {"exchange", "return", "swap"} for g in c.children)
        for c in trigger.children)


def _jointly_undertaken(trigger: Token) -> bool:
    """Whether an act is the complement of a verb of undertaking: "agreed to observe"."""
    return trigger.dep_ == "xcomp" and trigger.head.lemma_.lower() in JOINT_UNDERTAKING_VERBS


def _reciprocal_pronoun(token: Token) -> bool:
    """"each other", "one another"."""
    determiners = {c.lower_ for c in token.children if c.dep_ == "det"}
    return (token.lower_ == "other" and "each" in determiners) or (
        token.lower_ == "one" and "another" in determiners)


def _time_told_by(clause: Token) -> Span | None:
    """The date a "when" clause describes: "Friday" in "since Friday, when Pyongyang accused
    Seoul"."""
    if clause.dep_ != "relcl" or clause.head.ent_type_ != "DATE" or not any(
            c.lower_ == "when" for c in clause.children):
        return None
    return next((ent for ent in clause.sent.ents if ent.label_ == "DATE" and ent.start <= clause.head.i < ent.end),
                None)


def _names_thing(ent: Span) -> bool:
    """A date that modifies a noun: "the 2017 treaty", "its 1960 borders"."""
    return ent.root.dep_ in {"nummod", "compound", "amod", "nmod"} and ent.root.head.pos_ in {"NOUN", "PROPN"} \
        and ent.root.head.lemma_.lower() not in TIME_NOUNS


def _counted(noun: Token) -> int:
    """How many things a plural noun counts ("the three moves": 3); one for any other word."""
    if noun.tag_ != "NNS":
        return 1
    return max((NUMBER_WORDS.get(c.lower_, 1) for c in noun.children if c.dep_ == "nummod"), default=1)


def _fought_against(word: Token, combating_verbs: frozenset[str]) -> bool:
    """Whether a word names what someone fights: "help Sri Lanka deal with trafficking and
    organised crime", "cooperation against terrorism", "to combat piracy" (but a fault with an
    owner is still that owner's: "to deter Iranian threats", "threats from Tehran")."""
    if any(c.dep_ == "poss" or (c.dep_ in {"amod", "compound"} and c.ent_type_ in {"NORP", "GPE", "ORG"})
           or (c.dep_ == "prep" and c.lower_ in {"from", "by"}) for c in word.children):
        return False
    if any(c.dep_ == "compound" and c.i == word.i - 1 and c.lemma_.lower() in combating_verbs
           for c in word.children):
        return True     # ("and, if needed, repel aggression": the verb misparsed as a modifier)
    current = word
    while current.dep_ in {"conj", "compound", "amod", "appos"} and current.head != current:
        current = current.head
    head = current.head
    if current.dep_ in OBJECT_DEPS:
        return head.lemma_.lower() in combating_verbs
    if current.dep_ == "pobj":
        return head.lower_ == "against" or (head.lower_ in {"with", "on"}
                                             and head.head.lemma_.lower() in combating_verbs)
    return False


def _describes_thing(ent: Span, trigger: Token, dating_verbs: frozenset[str]) -> bool:
    """A year that describes another noun than the event's own: "recognised Somalia within its
    1960 borders", "failing to honour a 2017 treaty", "suspended a 2018 military agreement" (but
    the object of a verb that makes or holds it, "signed the 2017 treaty", is dated by it)."""
    head = ent.root.head
    return _names_thing(ent) and head != trigger and not (
        head.dep_ in OBJECT_DEPS and head.head == trigger
        and (trigger.pos_ not in CLAUSE_POS or trigger.lemma_.lower() in dating_verbs))


def _said_false(claim: Token, claim_nouns: frozenset[str], falsity_words: frozenset[str]) -> bool:
    """Whether a claim noun is the subject of a clause calling it false ("claims that ... were
    entirely false", "the allegation is baseless")."""
    if claim.lemma_.lower() not in claim_nouns or claim.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    return any(c.dep_ in {"acomp", "attr"} and c.lemma_.lower() in falsity_words for c in claim.head.children)


def _hyphenated_participle(token: Token, lemmas: frozenset[str]) -> bool:
    """A participle joined by a hyphen to the name before it: "EU-led", "Qatar-hosted"."""
    return (token.tag_ == "VBN" and token.i >= 2 and token.doc[token.i - 1].text == "-"
            and token.lemma_.lower() in lemmas)


def _hyphenated_doer(participle: Token) -> Token | None:
    """The name joined by a hyphen to a participle that describes a noun: "U.S." in "a
    U.S.-brokered agreement", "Qatar" in "a Qatar-mediated truce"."""
    if participle.dep_ != "amod" or not _hyphenated_participle(participle, MEDIATING_PARTICIPLES):
        return None
    name = participle.doc[participle.i - 2]
    return name if name.head == participle and name.pos_ == "PROPN" else None


def _predicate_adjective(token: Token) -> bool:
    """An adjective said of a subject ("Australia was deeply disappointed"): the lexicon may
    list it as a verb whose doer is that subject."""
    return token.pos_ == "ADJ" and token.dep_ == "acomp" and token.head.pos_ in CLAUSE_POS


def _factual_clause(clause: Token) -> bool:
    """A complement that tells what was or has been ("that they had been delivered", "that it
    sent drones"), not what should be."""
    if not any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children) and (
            clause.i < clause.head.i or any(t.text == "," for t in clause.doc[clause.head.i:clause.i])):
        return False  # (", diplomats quoted ... as saying": the report, not what is demanded)
    return clause.tag_ == "VBD" or any(c.dep_ in {"aux", "auxpass"} and c.lower_ in {"had", "has", "have", "was", "were"}
                                       for c in clause.children)


#: Making a visit: what such an act in another's country implies.
VISIT = "042"
#: The root of acts that reduce relations with another party.
REDUCE_RELATIONS_ROOT = "16"


def _doers_own_object(verb: Token) -> bool:
    """Whether the verb's object is the doer's own by a possessive pronoun: "its ambassador",
    "their envoys"."""
    return any(c.dep_ == "poss" and c.lower_ in OWN_POSSESSIVES
               for o in object_tokens(verb) for c in o.children)


def _dating_clauses(trigger: Token) -> list[tuple[Token, bool]]:
    """Clauses whose time also holds for the trigger, each with whether it is the same act: the
    verb a noun trigger hangs on, the first verb of conjuncts sharing a subject ("summoned the
    envoy on Friday and lodged a protest"), then (other acts) the verb a participle adjunct
    depends on ("..., demanding that") and the verb whose complement the trigger is."""
    chain: list[tuple[Token, bool]] = []
    current, same_act = trigger, True
    for _ in range(4):
        if current.pos_ not in CLAUSE_POS:
            head = _clause_of(current)
        elif current.dep_ == "conj" and not any(
                c.dep_ in SUBJECT_DEPS | {"nsubjpass", "aux"} for c in current.children):
            head = current.head
        elif current.dep_ in {"xcomp", "ccomp"} or (current.dep_ == "advcl" and current.tag_ in {"VBG", "VBN"}
                                                   and not any(c.dep_ == "mark" for c in current.children)) or (
                current.dep_ == "advcl" and _purpose_clause(current)):
            # ("went to the embassy on Tuesday to offer his condolences": done on that trip)
            head, same_act = current.head, False
        elif current.dep_ == "advcl" and _at_the_same_time(current):
            # "called its ambassador home on Tuesday, shortly after the minister summoned her"
            head, same_act = current.head, False
        elif current.dep_ == "conj" and current.tag_ == "VBD" and current.head.tag_ == "VBD" and any(
                c.dep_ == "cc" and c.lower_ == "and" for c in current.head.children):
            # "Muizzu held talks with Xi in Beijing last week, and the two governments signed
            # some 20 agreements": a past act told with another is of its time
            head, same_act = current.head, False
        else:
            break
        if head == current or head.pos_ not in CLAUSE_POS:
            break
        chain.append((head, same_act))
        current = head
    # "scrapped visa requirements and settled the border on Friday": a later verb sharing the
    # clause's subject dates the earlier one too
    top = chain[-1][0] if chain else trigger
    chain += [(c, True) for c in top.children if c.dep_ == "conj" and c.pos_ in CLAUSE_POS and c.i > top.i
              and not any(g.dep_ in SUBJECT_DEPS | {"nsubjpass", "aux"} for g in c.children)]
    return chain


def _noun_complement(preposition: Token) -> bool:
    """A "with" hung on the verb that belongs to the noun of manner just before it: "sealed the
    border in solidarity with Azerbaijan", "acted in coordination with Paris"."""
    if preposition.i == 0 or preposition.lower_ != "with":
        return False
    before = preposition.doc[preposition.i - 1]
    return before.dep_ == "pobj" and before.head.lower_ == "in" and before.lemma_.lower() in MANNER_NOUNS


def _not_yet_done(verb: Token) -> bool:
    """An infinitive that tells what has not happened: after "yet" ("has yet to respond", "the
    only members yet to ratify") or in the perfect after "be" ("was to have come")."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    if any(c.dep_ == "advmod" and c.lower_ == "yet" and c.i < verb.i for c in (*verb.children, *verb.head.children)):
        return True
    return verb.head.lemma_ == "be" and any(c.dep_ == "aux" and c.lower_ == "have" for c in verb.children)


def _planned_with_be_to(clause: Token) -> bool:
    """An infinitive governed by "be": "Modi is to visit Moscow" tells a plan."""
    return (clause.dep_ == "xcomp" and clause.head.lemma_ == "be"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children))


def _at_the_same_time(clause: Token) -> bool:
    """An adverbial clause told as happening with its main clause: "when", "as", "while", or
    "shortly after", "just before"."""
    marks = [c for c in clause.children if c.dep_ == "mark"]
    if any(m.lower_ in SIMULTANEITY_MARKS for m in marks):
        return True
    return any(m.lower_ in {"after", "before"} and any(a.lower_ in CLOSENESS_WORDS for a in clause.children
                                                        if a.dep_ == "advmod" and a.i < m.i)
               for m in marks)


def _clause_of(token: Token) -> Token:
    """The nearest verb above a word (its clause head)."""
    current = token
    while current.head != current:
        current = current.head
        if current.pos_ in CLAUSE_POS:
            return current
    return current


def _within(token: Token, ancestor: Token) -> bool:
    current = token
    while current.head != current:
        if current == ancestor:
            return True
        if current.pos_ in CLAUSE_POS:
            return False
        current = current.head
    return current == ancestor
