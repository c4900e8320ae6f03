"""The coding pipeline: documents in, coded events (and transfers) out.

Stages, each in its own module: :mod:`read` (documents), :mod:`wire` (datelines and cited
agencies), :mod:`prefilter` (sentences worth parsing), :mod:`parse` (spaCy), :mod:`actors`
(who), :mod:`events` (what, when, where), :mod:`transfers` (arms deals), :mod:`claims`
(stated relationship levels). This module only wires them together.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Iterable, Iterator

from spacy.tokens import Doc, Span, Token

from .actors import ActorResolver, DocumentContext, mention_finder
from .claims import extract_claims
from .data import read_yaml
from .dates import PARTS_OF_DAY, shift_days
from .events import INTERVAL_UNITS, Attempt, EventCoder, SentenceInput
from .gazetteer import gazetteer
from .lexicon import lexicon
from .ontology import ontology
from .parse import load_nlp
from .prefilter import Prefilter
from .read import Rejected
from .records import Document, Event, Transfer
from .transfers import TransferExtractor
from .wire import WireInfo, read_wire_conventions

#: Documents parsed together by spaCy.
BATCH_SIZE = 64
#: The English words by which a sentence goes on from the one before are language data: the keys
#: of the same name in data/events/words.yaml, which say what they are for.
_EVENT_WORDS = read_yaml("events/words.yaml")
CONTINUING_PRONOUNS = set(_EVENT_WORDS["continuing_pronouns"])
RELATIVE_ORDER_WORDS = set(_EVENT_WORDS["relative_order_words"])
#: how far into a story its opening runs, and how many days back the day it tells of may lie
OPENING_SENTENCES = 4
RECENT_DAYS = 2


@dataclass
class CodedDocument:
    document: Document
    events: list[Event] = field(default_factory=list)
    transfers: list[Transfer] = field(default_factory=list)
    claims: list[dict] = field(default_factory=list)
    wire: WireInfo | None = None
    #: every named actor the document mentions, as resolved on its date: text, code, name and
    #: the sentence, once per (text, code)
    actors: list[dict] = field(default_factory=list)


@dataclass
class SentenceTrace:
    """Everything ``comity explain`` shows about one sentence."""

    index: int
    text: str
    tokens: list[dict]
    actors: list[dict]
    attempts: list[Attempt]
    events: list[Event]


class Coder:
    """Codes documents. Loads the model and the data once; reuse one instance per process."""

    def __init__(self, prefilter: bool = True):
        self.nlp = load_nlp()
        self.finder = mention_finder(self.nlp)
        self.gaz = gazetteer()
        self.coder = EventCoder(lexicon(), ontology())
        # verbs whose other party may be the story's: "has denied any involvement", and
        # judgments of the story's acts ("regarded the strike as aggression")
        story_verbs = frozenset(p.head for p in self.coder.lexicon.patterns
                                if p.kind == "verb" and p.story_target) | self.coder.modality.evaluative_verbs
        self.transfers = TransferExtractor(self.nlp)
        # ("the possible sale", "the package": a deal told before, and so its two sides)
        deal_nouns = frozenset(noun for noun, words in self.transfers.lexicon.nouns.items()
                               if any(len(word.words) == 1 for word in words))
        self.prefilter = Prefilter(self.nlp, self.finder, story_verbs,
                                   self.coder.modality.act_nouns | self.coder.modality.speech_act_nouns
                                   | deal_nouns) if prefilter else None

    def code(self, items: Iterable[Document | Rejected]) -> Iterator[CodedDocument | Rejected]:
        """Code documents in order; rejected inputs pass through, a failing document becomes a
        Rejected with the error and the others go on."""
        pending: list[tuple[Document, WireInfo]] = []
        for item in items:
            if isinstance(item, Rejected):
                yield from self._flush(pending)
                pending = []
                yield item
                continue
            try:
                wire = read_wire_conventions(item, self.gaz)
            except Exception as exc:  # one bad document must not stop a corpus
                yield Rejected(item.id, f"could not read: {exc}", item.path)
                continue
            pending.append((item, wire))
            if len(pending) >= BATCH_SIZE:
                yield from self._flush(pending)
                pending = []
        yield from self._flush(pending)

    def _flush(self, pending: list[tuple[Document, WireInfo]]) -> Iterator[CodedDocument | Rejected]:
        if not pending:
            return
        texts = [self.prefilter.apply(wire.text).text if self.prefilter else wire.text
                 for _, wire in pending]
        try:
            parsed_docs = list(self.nlp.pipe(texts, batch_size=BATCH_SIZE))
        except Exception:  # noqa: BLE001 - one document must not sink its batch: parse alone
            parsed_docs = [self._parse_alone(text) for text in texts]
        for (document, wire), parsed in zip(pending, parsed_docs):
            if isinstance(parsed, Exception):
                yield Rejected(document.id, f"could not parse: {parsed}", document.path)
                continue
            try:
                yield self.code_parsed(document, wire, parsed)
            except Exception as exc:  # noqa: BLE001 - reported per document, never fatal
                yield Rejected(document.id, f"coding failed: {type(exc).__name__}: {exc}", document.path)

    def _parse_alone(self, text: str) -> Doc | Exception:
        try:
            return self.nlp(text)
        except Exception as exc:  # noqa: BLE001 - returned so the caller rejects that document
            return exc

    def code_parsed(self, document: Document, wire: WireInfo, parsed: Doc,
                    trace: list[SentenceTrace] | None = None) -> CodedDocument:
        mentions = self.finder.find(parsed)
        masked = {t.i for t in parsed if any(s <= t.idx < e for s, e in wire.masked)}
        context = DocumentContext(date=document.date, home=self._place_state(wire.dateline_place))
        resolver = ActorResolver(parsed, mentions, self.gaz, context, masked)
        reference = wire.dateline_date or document.date
        anchor = self._anchor_date(parsed, reference) or wire.dateline_date
        coded = CodedDocument(document=document, wire=wire)
        previous_date: str | None = None   # the last sentence's date, to the day or the month
        last_date: str | None = None       # the date of the last sentence that had one
        seen_actors: set[tuple[str, str]] = set()
        for index, sentence in enumerate(parsed.sents):
            item = SentenceInput(document.id, document.date, index, sentence, reference)
            # "She also suspended high-level contacts": a sentence that goes on about the last
            # one's subject tells of the same occasion; "earlier that month", "the same day"
            # point back to its date
            same = _time_of_previous(sentence)
            continued = None
            if same and last_date and len(last_date) >= (7 if same == "month" else 10):
                continued = last_date[:7] if same == "month" else last_date
            elif previous_date and len(previous_date) == 10 and _continues_previous(sentence):
                continued = previous_date
            events, attempts = self.coder.code_sentence(item, resolver, continued or anchor)
            if not events:
                events = self.coder.code_imitation(item, resolver, continued or anchor, coded.events)
            # Every phrase of the sentence is resolved before the next one is read, whether or
            # not a rule asked about it: later references ("the country", "he", a surname) see
            # the story as read, and `comity explain` shows exactly what the pipeline codes.
            for token in _phrase_heads(sentence, mentions):
                # (a modifier among the heads is a firm or body named only so: reported by its
                # own name, "Lockheed Martin")
                named_as = mentions[token.i].text if token.dep_ == "compound" else None
                for actor in resolver.resolve(token):
                    text = named_as or actor.text
                    if actor.is_known and token.pos_ != "PRON" and (text, actor.code) not in seen_actors:
                        seen_actors.add((text, actor.code))
                        coded.actors.append({"text": text, "code": actor.code, "name": actor.name,
                                             "sentence_index": index})
            previous_date = self.coder.statement_date(sentence.root, reference) or continued
            last_date = previous_date or last_date
            coded.events.extend(events)
            if trace is not None:
                trace.append(self._trace(index, sentence, resolver, attempts, events))
        coded.transfers = self.transfers.extract(document, parsed, resolver, mentions)
        coded.events.extend(self.coder.code_deal_steps(coded.transfers, parsed, document.id,
                                                       document.date, reference, anchor, coded.events))
        coded.claims = extract_claims(document, parsed, resolver)
        return coded

    def _place_state(self, place: str | None) -> str | None:
        """The state of a dateline's place ("New Delhi" -> IND), when the gazetteer knows it."""
        for entry in self.gaz.proper.get(place or "", []):
            if entry.kind in {"city", "country", "seat"} and entry.country:
                return entry.country
        return None

    def _anchor_date(self, parsed: Doc, doc_date: str | None) -> str | None:
        """The date of the story: what the lede says its speaker said or did."""
        for sentence in list(parsed.sents)[:2]:
            for token in sentence:
                if token.pos_ == "VERB" and token.dep_ == "ROOT" or (
                        token.lemma_.lower() in self.coder.modality.speech_verbs and token.pos_ == "VERB"):
                    if self.coder.mood(token).kind != "asserted":
                        continue  # "will drop visas from Monday": a day still to come
                    date = self.coder.statement_date(token, doc_date)
                    if date and len(date) == 10 and not (doc_date and date > doc_date):
                        return date
        return self._opening_day(parsed, doc_date)

    def _opening_day(self, parsed: Doc, doc_date: str | None) -> str | None:
        """The day a story's opening tells of when it is not the dateline's: a wire filed on
        Tuesday whose first sentences name Monday, and never Tuesday, reports Monday's news,
        and its undated acts happened then."""
        if not doc_date or len(doc_date) != 10:
            return None
        opening = list(parsed.sents)[:OPENING_SENTENCES]
        days = set().union(*(self.coder.days_told(sentence, doc_date) for sentence in opening))
        if doc_date in days:
            return None
        recent = [day for day in days if shift_days(day, RECENT_DAYS) >= doc_date and day < doc_date]
        return max(recent, default=None)

    def _trace(self, index, sentence, resolver, attempts, events) -> SentenceTrace:
        tokens = [{"i": t.i - sentence.start, "text": t.text, "lemma": t.lemma_, "pos": t.pos_,
                   "dep": t.dep_, "head": t.head.i - sentence.start, "ent": t.ent_type_}
                  for t in sentence]
        actors = [{"token": token.text, **actor.to_dict()}
                  for token in _phrase_heads(sentence, resolver.mentions) for actor in resolver.resolve(token)]
        return SentenceTrace(index, sentence.text.strip(), tokens, actors, attempts, events)


def _phrase_heads(sentence: Span, mentions: dict) -> list[Token]:
    """The words that head a phrase that may name an actor, and the last word of a firm or
    body named only as a modifier ("the Lockheed Martin jet", "Saab Gripen fighters")."""
    return [t for t in sentence if t.pos_ in {"NOUN", "PROPN", "PRON"} and (
        t.dep_ not in {"compound", "poss", "amod"} or _names_body_as_modifier(t, mentions))]


def _names_body_as_modifier(token: Token, mentions: dict) -> bool:
    mention = mentions.get(token.i)
    return (token.dep_ == "compound" and mention is not None and mention.end == token.i + 1
            and token.head.i not in mentions and mention.kinds() <= {"body"})


def _continues_previous(sentence: Span) -> bool:
    """Whether a sentence's main clause has a personal pronoun for subject ("She also ...")."""
    return any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in CONTINUING_PRONOUNS
               for c in sentence.root.children)


def _time_of_previous(sentence: Span) -> str | None:
    """"day" or "month" when a sentence dates itself by the one before: "later that day",
    "the same evening", "earlier that month", "earlier in the day", "hours later", "within
    hours"."""
    for token in sentence:
        lemma = token.lemma_.lower()
        if lemma in {"day", "month", *PARTS_OF_DAY} and (any(
                (c.dep_ == "det" and c.lower_ == "that") or (c.dep_ == "amod" and c.lower_ == "same")
                for c in token.children) or (
                token.head.lower_ == "in" and token.head.head.lower_ in RELATIVE_ORDER_WORDS)):
            return "month" if lemma == "month" else "day"
        if INTERVAL_UNITS.get(lemma) == 0 and token.head.lower_ in RELATIVE_ORDER_WORDS | {"within"}:
            return "day"
    return None


@cache
def default_coder() -> Coder:
    """The process's coder, built on first use (the model and data load once)."""
    return Coder()


def code_one(text: str, date: str | None = None, doc_id: str = "text") -> CodedDocument:
    """One text coded (events, transfers, claims), with ``date`` as its publication date;
    ValueError when it cannot be coded."""
    document = Document(id=doc_id, text=text, date=date)
    result = next(iter(default_coder().code([document])))
    if isinstance(result, Rejected):
        raise ValueError(result.error)
    return result


def code_text(text: str, date: str | None = None, doc_id: str = "text") -> list[Event]:
    """The events of one text, with ``date`` as its publication date."""
    return code_one(text, date, doc_id).events


def code_documents(documents: Iterable[Document | Rejected]) -> Iterator[CodedDocument | Rejected]:
    """Code many documents; see :meth:`Coder.code`."""
    return default_coder().code(documents)


def explain(text: str, date: str | None = None) -> list[SentenceTrace]:
    """The parse, actors and every pattern tried for each sentence of a text."""
    coder = default_coder()
    document = Document(id="explain", text=text, date=date)
    wire = read_wire_conventions(document, coder.gaz)
    parsed = coder.nlp(wire.text)
    trace: list[SentenceTrace] = []
    coder.code_parsed(document, wire, parsed, trace)
    return trace
