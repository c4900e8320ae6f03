"""Wire-copy conventions: the dateline that opens a story and the agencies it cites.

A dateline ("NEW DELHI, Sept 23 (Reuters) -") says where a story was filed, not who did
anything, so its characters are masked (replaced by spaces, keeping offsets) before parsing.
Agencies named as the story's source ("Trend reports referring to TASS", "according to
Xinhua") go to the document's sources and are never coded as actors.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .dates import resolve_date
from .gazetteer import Gazetteer
from .records import Document

_DATELINE = re.compile(
    r"""^(?P<lead>\s*)
        (?P<place>[A-Z][A-Z.'\-/]+(?:\s+[A-Z][A-Z.'\-/]+){0,3})      # NEW DELHI, LONDON/TEHRAN
        (?:,\s*(?P<region>[A-Z][A-Za-z.'\- ]{1,40}?))??                 # , Palestinian Territories
        (?:,?\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?))? # , Sept 23
        \s*(?:\((?P<agency>[^)\n]{2,40})\))?                            # (Reuters)
        \s*(?:[-\u2013\u2014]+|:)\s+""",
    re.VERBOSE)

_CITATION_CUES = [
    r"(?P<a>{agency})\s+(?:news\s+agency\s+)?(?:reports|reported|said|says|quoted|cited)",
    r"according\s+to\s+(?:the\s+)?(?P<a>{agency})",
    r"(?:referring\s+to|citing|quoting)\s+(?:the\s+)?(?P<a>{agency})",
    r"(?:told|quoted\s+by|cited\s+by)\s+(?:the\s+)?(?P<a>{agency})",
    r"\((?P<a>{agency})\)",
]


@dataclass
class WireInfo:
    text: str
    masked: list[tuple[int, int]] = field(default_factory=list)
    dateline_place: str | None = None
    dateline_date: str | None = None
    sources: list[str] = field(default_factory=list)


def _agency_pattern(gaz: Gazetteer) -> re.Pattern | None:
    names = sorted({name for name, entries in gaz.proper.items()
                    if any(e.kind == "agency" for e in entries)}, key=len, reverse=True)
    if not names:
        return None
    return re.compile("|".join(re.escape(n) for n in names))


_AGENCY_CACHE: dict[int, tuple[re.Pattern | None, list[re.Pattern]]] = {}


def _citation_patterns(gaz: Gazetteer) -> tuple[re.Pattern | None, list[re.Pattern]]:
    key = id(gaz)
    if key not in _AGENCY_CACHE:
        agency = _agency_pattern(gaz)
        cues = []
        if agency is not None:
            alternatives = agency.pattern
            cues = [re.compile(cue.format(agency=f"(?:{alternatives})")) for cue in _CITATION_CUES]
        _AGENCY_CACHE[key] = (agency, cues)
    return _AGENCY_CACHE[key]


def _canonical_agency(name: str, gaz: Gazetteer) -> str:
    for entry in gaz.proper.get(name, []):
        if entry.kind == "agency" and entry.person:
            return entry.person
    return name


def _is_dateline(match: re.Match, gaz: Gazetteer) -> bool:
    """An all-caps opening is a dateline when it carries a date, an agency or a region, ends
    in a colon, or names a known place; "NATO - the alliance -" does not."""
    if match.group("date") or match.group("agency") or match.group("region"):
        return True
    if match.group(0).rstrip().endswith(":"):
        return True
    # ("UNITED NATIONS -": the organisation's seat, a dateline of its own; "LONDON/TEHRAN -":
    # a story filed from two places)
    places = match.group("place").title().split("/")
    return all(any(e.kind in {"city", "country"} or e.kind == "igo" and len(place.split()) > 1
                   for e in gaz.proper.get(place, [])) for place in places)


def read_wire_conventions(document: Document, gaz: Gazetteer) -> WireInfo:
    """Find the dateline and the cited agencies; record them on the document."""
    text = document.text
    info = WireInfo(text=text)
    body_start = len(text) - len(text.lstrip())
    match = _DATELINE.match(text[body_start:])
    if match and _is_dateline(match, gaz):
        start = body_start + match.start("place")
        end = body_start + match.end()
        info.masked.append((start, end))
        info.text = text[:start] + " " * (end - start) + text[end:]
        info.dateline_place = match.group("place").title().split("/")[0]
        if match.group("date"):
            info.dateline_date = resolve_date(match.group("date"), document.date)
        if match.group("agency"):
            info.sources.append(_canonical_agency(match.group("agency").strip(), gaz))
    _, cues = _citation_patterns(gaz)
    for cue in cues:
        for hit in cue.finditer(text):
            name = _canonical_agency(hit.group("a"), gaz)
            if name not in info.sources:
                info.sources.append(name)
    for name in info.sources:
        if name not in document.sources:
            document.sources.append(name)
    return info
