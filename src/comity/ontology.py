"""The CAMEO event ontology and its PLOVER mapping, read from ``data/ontology``."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .data import read_tsv


@dataclass(frozen=True, slots=True)
class EventType:
    code: str
    root: str
    name: str
    goldstein: float
    quad_class: int
    phoenix_quad: int
    plover: str | None
    plover_mode: str | None
    plover_context: str | None
    #: whether comity reports events of this code (cameo.tsv's "reported" column)
    reported: bool = True


def by_longest_prefix(table: dict[str, str], code: str) -> str | None:
    """The value of the longest prefix of a CAMEO code that a table lists ("" matches any)."""
    for length in range(len(code), -1, -1):
        value = table.get(code[:length])
        if value is not None:
            return value
    return None


class UnknownCode(KeyError):
    """A CAMEO code that the ontology does not define."""


class Ontology:
    """CAMEO codes with their Goldstein weights, quad classes and PLOVER types."""

    def __init__(self, types: dict[str, EventType], roots: dict[str, str],
                 plover_categories: dict[str, str] | None = None):
        self._types = types
        self.root_names = roots
        self._plover_categories = plover_categories or {}

    @classmethod
    def load(cls) -> "Ontology":
        types = {}
        for row in read_tsv("ontology/cameo.tsv"):
            types[row["code"]] = EventType(
                code=row["code"], root=row["root"], name=row["name"],
                goldstein=float(row["goldstein"]), quad_class=int(row["quad_class"]),
                phoenix_quad=int(row["phoenix_quad"]), plover=row["plover"] or None,
                plover_mode=row["plover_mode"] or None, plover_context=row["plover_context"] or None,
                reported=(row.get("reported") or "").strip().lower() != "no")
        roots = {row["root"]: row["name"] for row in read_tsv("ontology/cameo_roots.tsv")}
        categories = {row["cameo_prefix"]: row["plover"]
                      for row in read_tsv("ontology/plover_categories.tsv")}
        return cls(types, roots, categories)

    def plover_category(self, code: str) -> str | None:
        """The PLOVER category of a CAMEO code by the manual's cue-category table (None for
        statements and appeals, which PLOVER dropped)."""
        return by_longest_prefix(self._plover_categories, code)

    def __contains__(self, code: str) -> bool:
        return code in self._types

    def __getitem__(self, code: str) -> EventType:
        try:
            return self._types[code]
        except KeyError:
            raise UnknownCode(f"unknown CAMEO code {code!r}") from None

    def __iter__(self):
        return iter(self._types.values())

    def __len__(self) -> int:
        return len(self._types)


@cache
def ontology() -> Ontology:
    """The ontology of this installation, loaded once."""
    return Ontology.load()
