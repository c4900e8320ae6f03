"""The records comity produces: actors, events, documents and arms transfers.

Plain dataclasses with a ``to_dict`` that gives the flat field names other tools rely on
(the jsonl output of ``comity code`` and the columns of the store).
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any


def event_id(event: dict[str, Any]) -> str:
    """A stable id for an event: the same document, sentence, trigger, actors and code always
    give the same id, so re-coding a corpus does not duplicate rows."""
    key = "|".join(str(event.get(k)) for k in ("doc_id", "sentence_index", "span", "source",
                                                 "target", "cameo"))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


#: Where an event's date comes from, surest first: words of its own sentence ("on Friday", the
#: day its speaker spoke, the clause it hangs on), the story's lead or the sentence it
#: continues, or only the publication date.
DATE_BASES = ("sentence", "story", "article")

#: Sectors of the organs that act for a state: a bare state and these are one party.
STATE_ORGAN_SECTORS = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "ELI"}


@dataclass(frozen=True, slots=True)
class Actor:
    """A coded actor: a CAMEO actor code and the parts it is made of."""

    code: str
    country: str | None = None
    sectors: tuple[str, ...] = ()
    name: str | None = None
    text: str = ""
    igo: str | None = None

    @staticmethod
    def build(country: str | None, sectors: tuple[str, ...] = (), name: str | None = None,
              text: str = "", igo: str | None = None) -> "Actor":
        base = igo or country or "---"
        return Actor(code=base + "".join(sectors), country=country, sectors=tuple(sectors),
                     name=name, text=text, igo=igo)

    @property
    def is_known(self) -> bool:
        return bool(self.country or self.igo)

    def same_entity(self, other: "Actor") -> bool:
        """Whether two actors are one party: the same state or organisation (and the same
        person when both are named); two actors of unknown state only when their codes agree."""
        if not (self.country or self.igo or other.country or other.igo):
            return self.code == other.code
        if self.sectors and other.sectors and self.sectors != other.sectors:
            return False  # the opposition and the government of one state are two parties
        if set(self.sectors or other.sectors) - STATE_ORGAN_SECTORS:
            return False  # "Venezuela banned the opposition leader": the state and its opposition
        return (self.country, self.igo) == (other.country, other.igo) and (
            self.name == other.name or not (self.name and other.name))

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["sectors"] = list(self.sectors)
        return d


@dataclass(slots=True)
class Document:
    """One news article as read, before coding."""

    id: str
    text: str
    date: str | None = None
    title: str | None = None
    url: str | None = None
    sources: list[str] = field(default_factory=list)
    path: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Event:
    """One coded event with its provenance: the sentence, the trigger's span and the rule."""

    doc_id: str
    date: str | None
    source: Actor
    target: Actor | None
    cameo: str
    root: str
    quad_class: int
    goldstein: float
    plover: str | None
    sentence_index: int
    sentence: str
    span: tuple[int, int]
    rule: str
    trigger: str = ""
    modality: str = "asserted"
    location: str | None = None
    location_country: str | None = None
    doc_date: str | None = None
    #: What fixed ``date``: one of ``DATE_BASES``.
    date_basis: str = "article"

    def to_dict(self) -> dict[str, Any]:
        """The flat record of ``comity code --format jsonl``."""
        target = self.target
        record = {
            "doc_id": self.doc_id,
            "date": self.date,
            "source": self.source.code,
            "target": target.code if target else None,
            "source_country": self.source.country or self.source.igo,
            "target_country": (target.country or target.igo) if target else None,
            "source_text": self.source.text,
            "target_text": target.text if target else None,
            "cameo": self.cameo,
            "root": self.root,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "plover": self.plover,
            "sentence_index": self.sentence_index,
            "sentence": self.sentence,
            "span": list(self.span),
            "rule": self.rule,
            "trigger": self.trigger,
            "modality": self.modality,
            "source_name": self.source.name,
            "target_name": target.name if target else None,
            "source_sectors": list(self.source.sectors),
            "target_sectors": list(target.sectors) if target else [],
            "location": self.location,
            "location_country": self.location_country,
            "doc_date": self.doc_date,
            "date_basis": self.date_basis,
        }
        record["id"] = event_id(record)
        return record


@dataclass(slots=True)
class Transfer:
    """An arms or military-technology transfer reported in the news (SIPRI-style)."""

    doc_id: str
    supplier: str | None
    recipient: str | None
    system: str
    category: str | None
    stage: str
    quantity: int | None = None
    value: float | None = None
    currency: str | None = None
    value_usd: float | None = None
    year: int | None = None
    sentence: str = ""
    span: tuple[int, int] = (0, 0)
    sentence_index: int = 0
    maker: str | None = None
    sources: list[dict[str, Any]] = field(default_factory=list)
    #: The gazetteer's designation of the system; deals are merged on it.
    designation: str | None = None
    #: The publication date of the document the record is filed under.
    doc_date: str | None = None
    #: The system's name as the reporting sentence wrote it ("Belharra" for the FDI frigate,
    #: "AS9 Huntsman" for the K9 Thunder): readers search by the name the news used.
    reported_as: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["span"] = list(self.span)
        return d
