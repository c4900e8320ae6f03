"""Claims about the level of a relationship stated in articles: "ties are at their lowest point
since 1998", "an unprecedented level of trust", "relations have never been better".

A claim is a level phrase (high or low) applied to a relationship noun (relations, ties,
cooperation, trust, partnership...), either as its modifier ("unprecedented ties", "an
all-time high in cooperation") or as the predicate of a clause whose subject is one ("the
level of cooperation is unprecedented", "ties hit an all-time low"). Each claim records who
said it (the subject of the speech verb), the dyad it is about and the document's date, so
``comity claim --check-stated`` can hold it against the data.
"""
from __future__ import annotations

import hashlib
import re
from typing import Any

from spacy.tokens import Doc, Span, Token

from .actors import PAIR_NOUNS, ActorResolver
from .data import read_yaml
from .lexicon import lexicon
from .records import Document


def _load_levels() -> tuple[tuple[tuple[str, str], ...], frozenset[str], frozenset[str]]:
    """The level phrases, topic nouns and carrier nouns of data/claims/levels.yaml."""
    table = read_yaml("claims/levels.yaml")
    words = table["words"]
    patterns = []
    for entry in table["patterns"]:
        pattern = entry["pattern"]
        for name, value in words.items():
            pattern = pattern.replace("{" + name + "}", value)
        patterns.append((pattern, entry["direction"]))
    return (tuple(patterns), frozenset(table["topic_nouns"]), frozenset(table["carrier_nouns"]))


#: Level phrases and the direction they claim; nouns naming a relationship whose level can be
#: claimed; nouns that carry a level rather than name a relationship ("the level of trust").
LEVEL_PATTERNS, TOPIC_NOUNS, CARRIER_NOUNS = _load_levels()
_LEVEL = re.compile("|".join(f"(?P<p{i}>{pattern})" for i, (pattern, _) in enumerate(LEVEL_PATTERNS)),
                    re.IGNORECASE)
_SINCE_YEAR = re.compile(r"since\s+(?:the\s+)?(?:early\s+|mid-?|late\s+)?(\d{4})", re.IGNORECASE)
_POSSESSIVE = re.compile(r"^(?:their|its|our|a)\s+")

_MODIFIER_DEPS = {"amod", "advmod", "compound", "npadvmod", "nmod", "quantmod", "nummod"}
_CLIMB_DEPS = {"pobj", "prep", "acomp", "attr", "dobj", "oprd", "advmod", "npadvmod", "amod",
               "compound", "appos", "pcomp", "nmod"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "expl"}
_COUNTRY_KINDS = {"country", "adjective", "people", "city", "seat", "igo"}


def extract_claims(document: Document, parsed: Doc, resolver: ActorResolver) -> list[dict[str, Any]]:
    """The relationship-level claims of a parsed document."""
    speech_verbs = lexicon().modality.speech_verbs
    claims: list[dict[str, Any]] = []
    for index, sentence in enumerate(parsed.sents):
        for match in _LEVEL.finditer(sentence.text):
            start = sentence.start_char + match.start()
            end = sentence.start_char + match.end()
            span = parsed.char_span(start, end, alignment_mode="expand")
            if span is None or any(t.i in resolver.masked for t in span):
                continue
            found = _topic_and_predicate(span)
            if found is None:
                continue
            topic, predicate = found
            if _negated(span, predicate):
                continue
            direction = next(LEVEL_PATTERNS[int(name[1:])][1]
                             for name, value in match.groupdict().items()
                             if value is not None and name.startswith("p"))
            speaker = _speaker(sentence, predicate, resolver, speech_verbs)
            dyad = _dyad(topic, predicate, sentence, speaker, resolver)
            level = _POSSESSIVE.sub("", " ".join(re.split(r"[\s-]+", match.group(0).lower())))
            claim = {
                "doc_id": document.id,
                "date": document.date,
                "speaker": speaker.code if speaker else None,
                "speaker_name": speaker.name if speaker else None,
                "speaker_country": (speaker.country or speaker.igo) if speaker else None,
                "dyad": dyad,
                "level": level,
                "direction": direction,
                "topic": topic.lemma_.lower(),
                "since": _since_year(match.group(0)),
                "sentence": sentence.text.strip(),
                "sentence_index": index,
                "span": [start, end],
            }
            claim["id"] = hashlib.sha1(f"{document.id}|{index}|{start}|{level}".encode()).hexdigest()[:16]
            claims.append(claim)
    return claims


# -- structure --------------------------------------------------------------------------------

def _is_topic(token: Token) -> bool:
    return token.lemma_.lower() in TOPIC_NOUNS or token.lower_ in TOPIC_NOUNS


def _topic_of_noun(noun: Token) -> Token | None:
    """The relationship a noun names or carries: 'ties', or 'the level of trust'."""
    if _is_topic(noun):
        return noun
    if noun.lemma_.lower() not in CARRIER_NOUNS and noun.lower_ not in CARRIER_NOUNS:
        return None
    for child in noun.children:
        if child.dep_ == "compound" and _is_topic(child):
            return child
        if child.dep_ == "prep" and child.lower_ in {"of", "in"}:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    for candidate in [obj, *_conjuncts(obj)]:
                        if _is_topic(candidate):
                            return candidate
                    inner = _topic_of_noun(obj)   # "the level of intensity of cooperation"
                    if inner is not None:
                        return inner
    return None


def _topic_and_predicate(span: Span) -> tuple[Token, Token] | None:
    """The relationship noun a level phrase applies to, and the clause's predicate."""
    head = span.root
    node = head
    # A modifier: climb to the noun it modifies ("unprecedented level of trust").
    while node.dep_ in _MODIFIER_DEPS and node.head is not node and node.pos_ not in {"NOUN", "PROPN"}:
        node = node.head
    if node.pos_ in {"NOUN", "PROPN"}:
        topic = _topic_of_noun(node)
        if topic is not None:
            return topic, _predicate(node)
        carrier = node.lemma_.lower() in CARRIER_NOUNS or node.lower_ in CARRIER_NOUNS or node in span
        if not carrier:
            return None    # "an unprecedented attack": the phrase is about something else
    predicate = _predicate(node)
    for _ in range(3):
        for subject in [c for c in predicate.children if c.dep_ in _SUBJECT_DEPS]:
            for candidate in [subject, *_conjuncts(subject)]:
                topic = _topic_of_noun(candidate)
                if topic is not None:
                    return topic, predicate
        # "ties continue to be at an all-time high": the subject belongs to the governing verb
        if predicate.dep_ in {"xcomp", "conj"} and predicate.head is not predicate:
            predicate = predicate.head
            continue
        break
    # "an all-time high in cooperation", "reached new heights in their partnership"
    for token in node.subtree:
        if token.dep_ == "pobj" and token.head.lower_ == "in" and _is_topic(token):
            return token, predicate
    return None


def _predicate(token: Token) -> Token:
    node = token
    while node.pos_ not in {"VERB", "AUX"} and node.head is not node and (
            node.dep_ in _CLIMB_DEPS or node.dep_ in _MODIFIER_DEPS):
        node = node.head
    return node


def _since_year(text: str) -> int | None:
    match = _SINCE_YEAR.search(text)
    return int(match.group(1)) if match else None


def _negated(span: Span, predicate: Token) -> bool:
    """'are not at an all-time high'; a pattern's own 'never' does not count."""
    inside = {t.i for t in span}
    path = [span.root]
    for ancestor in span.root.ancestors:
        path.append(ancestor)
        if ancestor == predicate:
            break
    else:
        path.append(predicate)
    return any(child.dep_ == "neg" and child.i not in inside
               for token in path for child in token.children)


def _conjuncts(token: Token) -> list[Token]:
    found, stack = [], [c for c in token.children if c.dep_ == "conj"]
    while stack:
        item = stack.pop()
        found.append(item)
        stack.extend(c for c in item.children if c.dep_ == "conj")
    return found


# -- who said it, about whom ------------------------------------------------------------------

def _speaker(sentence: Span, predicate: Token, resolver: ActorResolver, speech_verbs) -> Any:
    """The subject of the speech verb that reports the claim, else 'according to X'."""
    verbs = [a for a in [predicate, *predicate.ancestors] if a.lemma_.lower() in speech_verbs
             and a.pos_ == "VERB"]
    verbs += [t for t in sentence if t.lemma_.lower() in speech_verbs and t.pos_ == "VERB"
              and t not in verbs]
    for verb in verbs:
        for child in verb.children:
            if child.dep_ in {"nsubj", "nsubjpass"} and child.lower_ != "it":
                actors = resolver.actors(child)
                if actors:
                    return actors[0]
    for token in sentence:
        if token.lower_ == "according":
            for prep in token.children:
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        actors = resolver.actors(obj)
                        if actors:
                            return actors[0]
    return None


def _countries(tokens, resolver: ActorResolver) -> list[str]:
    found: list[str] = []
    for token in sorted(tokens, key=lambda t: t.i):
        if token.i in resolver.masked:
            continue
        codes: list[str | None] = []
        mention = resolver.mentions.get(token.i)
        if mention is not None:
            codes = [e.country or e.igo for e in mention.entries if e.kind in _COUNTRY_KINDS]
        elif token.lemma_.lower() in PAIR_NOUNS and token.tag_ in {"NNS", "NNPS"}:
            # "our countries", "the two sides": the two parties of the story
            codes = [a.country or a.igo for a in resolver.resolve(token)]
        for code in codes:
            if code and code not in found:
                found.append(code)
    return found


def _dyad(topic: Token, predicate: Token, sentence: Span, speaker: Any,
          resolver: ActorResolver) -> list[str] | None:
    """The two countries a claim is about: named with the relationship noun, else in its
    clause, else in the sentence; one named country pairs with the speaker's (or the story's
    other main country); none named means the story's two main countries."""
    speaker_country = (speaker.country or speaker.igo) if speaker is not None else None
    named: list[str] = []
    for scope in (list(topic.subtree), list(predicate.subtree), list(sentence)):
        for code in _countries(scope, resolver):
            if code not in named:
                named.append(code)
        if len(named) >= 2:
            break
    story = resolver.context.dyad()
    if len(named) == 1:
        other = speaker_country if speaker_country and speaker_country != named[0] else next(
            (c for c in story if c != named[0]), None)
        named = [named[0], other] if other else named
    elif not named and len(story) == 2:
        named = list(story)
    if len(named) < 2:
        return None
    pair = named[:2]
    if speaker_country in pair:
        pair = [speaker_country] + [c for c in pair if c != speaker_country]
    return pair


__all__ = ["extract_claims", "LEVEL_PATTERNS", "TOPIC_NOUNS", "CARRIER_NOUNS"]
