"""A cheap pass before the parser: sentences that cannot yield an event are never parsed.

An event needs two parties, so a sentence is parsed only when the tokenizer and the gazetteer
find at least two actor cues in it (a state, organisation, office holder, role noun, or a
personal pronoun, the surname of a person named in full before, or a definite noun for an act
or a deal, "the decision", "the package", that refers back to one; "the two sides" counts for
both), or one cue and a weapon system (an arms deal may name only the buyer: "India signed a
contract for five S-400 systems"), or one cue and a verb whose other party is the story's other
side ("Russia has denied any involvement", "regarded the strike as aggression"), or a short
sentence that opens with an actor ("Tehran reacted angrily."), or one cue when the next sentence
opens with a pronoun that refers back to it ("... gave a different account. It said ..."). The
other sentences are blanked with spaces, which keeps every character offset of the document, so
provenance spans stay exact, while the parser sees only whitespace where they were. The story's
opening sentences are always kept: they carry its date and introduce its actors.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Span

from .actors import PAIR_DETERMINERS, PAIR_NOUNS, PAIR_PERSON_NOUNS, MentionFinder
from .events import DEFINITE_DETERMINERS
from .transfers import has_transfer_cue

#: Pronouns that can stand for an actor named in an earlier sentence.
PRONOUN_CUES = {"he", "she", "they", "we", "his", "her", "their", "our", "it", "its"}
#: Sentences at the start of a story that are parsed whatever they contain.
ALWAYS_KEPT = 2
MIN_CUES = 2
#: A sentence this short, opened by an actor, is kept for the one it names (see above).
TOPIC_SENTENCE_TOKENS = 8
#: Gazetteer mentions that are no actor: news agencies (a story's sources) and regions.
NOT_ACTOR_KINDS = {"agency", "region"}


@dataclass
class Filtered:
    text: str
    sentences: int
    kept: int


class Prefilter:
    def __init__(self, nlp: Language, finder: MentionFinder, story_verbs: frozenset[str] = frozenset(),
                 act_nouns: frozenset[str] = frozenset()):
        self.tokenizer = nlp.tokenizer
        self.sentencizer = Sentencizer()
        self.finder = finder
        self.story_verb_forms = frozenset(form for verb in story_verbs for form in _word_forms(verb))
        self.act_nouns = act_nouns | {noun + "s" for noun in act_nouns}

    def apply(self, text: str) -> Filtered:
        doc = self.sentencizer(self.tokenizer(text))
        mentions = self.finder.find(doc)
        keep: list[bool] = []
        spans = list(doc.sents)
        named_people: set[str] = set()     # surnames of the people named in full so far
        for index, sentence in enumerate(spans):
            starts = {id(mentions[i]) for i in range(sentence.start, sentence.end)
                      if i in mentions and not mentions[i].kinds() & NOT_ACTOR_KINDS}
            # ("Rajnath Singh ... Singh arrived in Maputo": a surname too common for the
            # gazetteer to list alone names the person the story named in full)
            people = sum(1 for t in sentence if t.text in named_people and t.i not in mentions)
            named_people |= {doc[mentions[i].end - 1].text for i in range(sentence.start, sentence.end)
                             if i in mentions and mentions[i].end - mentions[i].start > 1
                             and "person" in mentions[i].kinds()}
            pronouns = sum(1 for t in sentence if t.lower_ in PRONOUN_CUES)
            # "the decision", "this move": an act told before, and so its doer
            acts = sum(1 for first, second in zip(sentence, sentence[1:])
                       if first.lower_ in DEFINITE_DETERMINERS and second.lower_ in self.act_nouns)
            cues = len(starts) + people + pronouns + acts + MIN_CUES * _names_the_pair(sentence)
            following = spans[index + 1] if index + 1 < len(spans) else None
            keep.append(index < ALWAYS_KEPT or cues >= MIN_CUES or cues >= 1 and (
                has_transfer_cue(sentence) or any(t.lower_ in self.story_verb_forms for t in sentence)
                or _short_topic_sentence(sentence, mentions) or _antecedent_of(following)))
        if all(keep):
            return Filtered(text, len(spans), len(spans))
        chars = list(text)
        for sentence, kept in zip(spans, keep):
            if kept:
                continue
            for position in range(sentence.start_char, sentence.end_char):
                if not chars[position].isspace():
                    chars[position] = " "
        return Filtered("".join(chars), len(spans), sum(keep))


def _short_topic_sentence(sentence: Span, mentions: dict) -> bool:
    """"Tehran reacted angrily.", "Moscow denies the charge.": a short sentence opened by an
    actor makes it the one the next sentence's unplaced officials speak for."""
    words = [t for t in sentence if not t.is_space]
    return bool(words) and len(words) <= TOPIC_SENTENCE_TOKENS and words[0].i in mentions


def _antecedent_of(following: Span | None) -> bool:
    """"China's coast guard gave a different account. It said ...": a sentence with one actor
    is kept when the next opens with a pronoun, which means that actor."""
    words = [t for t in following if not t.is_space] if following is not None else []
    return bool(words) and words[0].lower_ in PRONOUN_CUES


def _names_the_pair(sentence: Span) -> bool:
    """"the two sides", "both countries", "the two leaders": the story's two parties at
    once (no lemmatizer runs yet, so plurals are matched by their regular forms)."""
    words = [t.lower_ for t in sentence]
    return any(first in PAIR_DETERMINERS and second.rstrip("s") in PAIR_NOUNS | PAIR_PERSON_NOUNS
               for first, second in zip(words, words[1:]))


def _word_forms(lemma: str) -> set[str]:
    """The regular inflections of a verb lemma, as the tokenizer sees them (no lemmatizer runs
    before the prefilter): deny, denies, denied, denying."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    forms = {lemma, lemma + "s", lemma + "es", stem + "ed", stem + "ing"}
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    return forms
