"""Accuracy against human coding: the seed's gold format and the public test suites.

Each suite has a loader (file -> cases with text, date and expected codings) and is scored at
the levels users compare coders by. For gold files the event score follows
``shared/tools/score.py`` exactly: per-document sets of (source country, target country,
CAMEO root); recall over `must`, precision over `must | may`; predictions with a missing
country or source == target are not scored.
"""
from __future__ import annotations

import csv
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from .records import Document

#: PLOVER 0.5 type names in the CAMEO-manual suite, as the PLOVER 0.8 manual's table renames them.
PLOVER_05_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
                   "FIGHT": "ASSAULT"}
UNKNOWN_COUNTRY = "---"


@dataclass
class Case:
    """One text of a suite with what human coders found in it."""

    id: str
    text: str
    date: str | None
    expected: list[dict[str, Any]] = field(default_factory=list)
    allowed: list[dict[str, Any]] = field(default_factory=list)
    label: Any = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Score:
    """Precision, recall and F1 from counts, with the cases behind them."""

    true_positive_recall: int = 0
    expected: int = 0
    true_positive_precision: int = 0
    predicted: int = 0
    misses: list[tuple] = field(default_factory=list)
    extras: list[tuple] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.true_positive_recall / self.expected if self.expected else 0.0

    @property
    def precision(self) -> float:
        return self.true_positive_precision / self.predicted if self.predicted else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, case_id: str, expected: set, predicted: set, allowed: set | None = None) -> None:
        allowed = expected | (allowed or set())
        self.true_positive_recall += len(expected & predicted)
        self.expected += len(expected)
        self.true_positive_precision += len(predicted & allowed)
        self.predicted += len(predicted)
        self.misses += [(case_id, *m) for m in sorted(expected - predicted, key=str)]
        self.extras += [(case_id, *x) for x in sorted(predicted - allowed, key=str)]

    def summary(self) -> dict[str, Any]:
        return {"precision": round(self.precision, 3), "recall": round(self.recall, 3),
                "f1": round(self.f1, 3), "expected": self.expected, "predicted": self.predicted}


@dataclass
class Accuracy:
    """Share of cases right, with the wrong ones."""

    right: int = 0
    total: int = 0
    wrong: list[tuple] = field(default_factory=list)

    def add(self, case_id: str, ok: bool, detail: tuple = ()) -> None:
        self.total += 1
        self.right += ok
        if not ok:
            self.wrong.append((case_id, *detail))

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 0.0

    def summary(self) -> dict[str, Any]:
        return {"accuracy": round(self.value, 3), "right": self.right, "total": self.total}


# -- loaders --------------------------------------------------------------------------------

def load_gold(path: Path) -> list[Case]:
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        text = record.get("text")
        if text is None:
            text = _article_text(path.parent, str(record["id"]), record.get("path"))
        cases.append(Case(id=str(record["id"]), text=text or "", date=record.get("date"),
                          expected=record.get("must", []), allowed=record.get("may", []),
                          extra={"actors": record.get("actors", []),
                                 "transfers": record.get("transfers", [])}))
    return cases


def _article_text(folder: Path, doc_id: str, relative: str | None) -> str:
    """A gold file without texts points at its articles: `path`, or `<id>.txt` beside it or in
    `articles/`. The optional `date ...` header line is blanked as the reader does."""
    from .read import parse_text

    candidates = [folder / relative] if relative else []
    candidates += [folder / f"{doc_id}.txt", folder / "articles" / f"{doc_id}.txt"]
    for candidate in candidates:
        if candidate.exists():
            return parse_text(doc_id, candidate.read_text(encoding="utf-8")).text
    return ""


def load_petr(path: Path) -> list[Case]:
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        date = str(record.get("date") or "")
        date = f"{date[:4]}-{date[4:6]}-{date[6:8]}" if len(date) == 8 else None
        expected = [e for e in record.get("expected", []) if e.get("eventcode")]
        cases.append(Case(id=str(record["id"]), text=record.get("text", ""), date=date,
                          expected=expected))
    return cases


def _unique_ids(cases: list[Case]) -> list[Case]:
    """Cases keyed by id must not share one (the PLOVER suite gives two records one id): a
    repeated id gets "#2", "#3" ... so that each case is coded and scored on its own."""
    seen: Counter = Counter()
    for case in cases:
        seen[case.id] += 1
        if seen[case.id] > 1:
            case.id = f"{case.id}#{seen[case.id]}"
    return cases


def load_plover(path: Path) -> list[Case]:
    cases = []
    for record in json.loads(path.read_text(encoding="utf-8")):
        if record.get("event") == "DOCUMENT" or not record.get("text"):
            continue
        cases.append(Case(id=record["id"], text=record["text"], date=record.get("date"),
                          label=PLOVER_05_NAMES.get(record["event"], record["event"]),
                          extra={"source": _codes(record.get("source")),
                                 "target": _codes(record.get("target"))}))
    return cases


def _codes(actors: Any) -> list[str]:
    """Actor codes of a PLOVER record's source or target (some records leave them empty)."""
    if not isinstance(actors, list):
        return []
    return [a.get("code") for a in actors if isinstance(a, dict) and a.get("code")]


def load_conflibert_class(path: Path) -> list[Case]:
    cases = []
    with open(path, encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.reader(handle, delimiter="\t")):
            if len(row) >= 2 and row[1].strip().isdigit():
                cases.append(Case(id=f"{path.stem}:{number}", text=row[0].strip(), date=None,
                                  label=int(row[1])))
    return cases


def load_conflibert_ner(path: Path) -> list[Case]:
    cases, tokens, tags = [], [], []

    def flush() -> None:
        if tokens:
            cases.append(Case(id=f"ner:{len(cases)}", text=" ".join(tokens), date=None,
                              extra={"tokens": list(tokens), "tags": list(tags)}))
            tokens.clear()
            tags.clear()

    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.strip().split()
        if not parts:
            flush()
            continue
        tokens.append(parts[0])
        tags.append(parts[-1] if len(parts) > 1 else "O")
    flush()
    return cases


def load_actor_checks(path: Path) -> list[Case]:
    """Actor checks: a tab-separated file with the columns phrase, date, code (and an optional
    note); a name or phrase as news writes it and the CAMEO actor code it has on that date."""
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    cases = []
    for number, row in enumerate(csv.DictReader(lines, delimiter="\t"), start=1):
        missing = [column for column in ("phrase", "date", "code") if not (row.get(column) or "").strip()]
        if missing:
            raise ValueError(f"{path.name}: check {number} lacks {', '.join(missing)}")
        cases.append(Case(id=f"actor:{number}", text=row["phrase"].strip(), date=row["date"].strip(),
                          label=row["code"].strip(), extra={"note": (row.get("note") or "").strip()}))
    return cases


SUITES: dict[str, Callable[[Path], list[Case]]] = {
    "gold": load_gold, "petr": load_petr, "plover": load_plover,
    "conflibert-class": load_conflibert_class, "conflibert-ner": load_conflibert_ner,
    "actors": load_actor_checks,
}


def guess_suite(path: Path) -> str:
    name = path.name.lower()
    if "petr" in name:
        return "petr"
    if "plover" in name:
        return "plover"
    if "cameo_class" in name:
        return "conflibert-class"
    if "cameo_ner" in name:
        return "conflibert-ner"
    if "actor" in name:
        return "actors"
    return "gold"


# -- coding ---------------------------------------------------------------------------------

def code_documents(cases: list[Case], coder=None) -> dict[str, Any]:
    """Every case coded as a document (a CodedDocument, or None when it was rejected)."""
    from .pipeline import CodedDocument, default_coder

    coder = coder or default_coder()
    documents = [Document(id=c.id, text=c.text, date=c.date) for c in cases]
    results: dict[str, Any] = {c.id: None for c in cases}
    for result in coder.code(documents):
        if isinstance(result, CodedDocument):
            results[result.document.id] = result
    return results


def code_cases(cases: list[Case], coder=None) -> dict[str, list[dict[str, Any]]]:
    """The coded events of every case, as jsonl dicts, by case id."""
    return _event_dicts(code_documents(cases, coder))


def _event_dicts(coded: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The events of coded documents as jsonl dicts, by case id (none for a rejected one)."""
    return {case_id: [e.to_dict() for e in document.events] if document else []
            for case_id, document in coded.items()}


def resolve_cases(cases: list[Case], coder=None) -> dict[str, list[dict[str, Any]]]:
    """What each case's phrase resolves to on its date, as ``comity actor`` shows it."""
    from .actors import resolve_phrase

    resolved = {c.id: resolve_phrase(c.text, c.date) for c in cases}
    return {case_id: [found] if found else [] for case_id, found in resolved.items()}


def primary_event(events: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The event a one-event coder would report: the first that is not a bare statement."""
    substantive = [e for e in events if e["cameo"] != "010"]
    return (substantive or events or [None])[0]


# -- scoring --------------------------------------------------------------------------------

def _triples(events: Iterable[dict[str, Any]], skip_unscored: bool = True) -> set[tuple]:
    found = set()
    for e in events:
        source, target = e.get("source_country"), e.get("target_country")
        if skip_unscored and (not source or not target or source == target):
            continue
        found.add((source, target, str(e.get("root") or e.get("cameo") or "")[:2]))
    return found


def _closest_actor(text: str, coded: dict[str, str]) -> str | None:
    """The code given to the coded phrase that best matches a gold actor's text: the same
    text, else the shortest coded text containing it, else the longest one it contains."""
    if text in coded:
        return coded[text]
    containing = sorted((t for t in coded if text in t), key=len)
    if containing:
        return coded[containing[0]]
    contained = sorted((t for t in coded if t and t in text), key=len, reverse=True)
    return coded[contained[0]] if contained else None


def score_gold(cases: list[Case], predictions: dict[str, list[dict]],
               mentioned: dict[str, list[dict]] | None = None) -> dict[str, Any]:
    """Events as ``score.py`` scores them (and the full code and dates of matched events);
    the codes of the gold's named actors as the coded events give them ("actor codes") and,
    when ``mentioned`` is given, as the document's resolved actors do ("named actors": every
    actor the text names, with or without an event)."""
    events, cameo, actors, named, dates = Score(), Score(), Accuracy(), Accuracy(), Accuracy()
    for case in cases:
        predicted = predictions.get(case.id, [])
        must = {(e["source"], e["target"], str(e["root"])[:2]) for e in case.expected}
        may = {(e["source"], e["target"], str(e["root"])[:2]) for e in case.allowed}
        events.add(case.id, must, _triples(predicted), may)
        full_must = {(e["source"], e["target"], e["cameo"]) for e in case.expected if e.get("cameo")}
        full_may = {(e["source"], e["target"], e["cameo"]) for e in case.allowed if e.get("cameo")}
        full_pred = {(e["source_country"], e["target_country"], e["cameo"]) for e in predicted
                     if e.get("source_country") and e.get("target_country")
                     and e["source_country"] != e["target_country"]}
        cameo.add(case.id, full_must, full_pred, full_may)
        for gold in case.expected:
            if not gold.get("date"):
                continue
            matches = [e for e in predicted if (e["source_country"], e["target_country"], e["root"])
                       == (gold["source"], gold["target"], str(gold["root"])[:2])]
            got = [e.get("date") for e in matches]
            dates.add(case.id, gold["date"] in got, (gold["source"], gold["target"], gold["root"],
                                                     gold["date"], got))
        coded_actors = {}
        for e in predicted:
            for side in ("source", "target"):
                if e.get(f"{side}_name"):
                    coded_actors.setdefault(e[f"{side}_name"], e[side])
                if e.get(f"{side}_text"):
                    coded_actors.setdefault(e[f"{side}_text"], e[side])
        resolved = dict(coded_actors)
        for actor in (mentioned or {}).get(case.id, []):
            for key in (actor.get("name"), actor["text"]):
                if key:
                    resolved.setdefault(key, actor["code"])
        for actor in case.extra.get("actors", []):
            got = _closest_actor(actor["text"], coded_actors)
            actors.add(case.id, got == actor["code"], (actor["text"], actor["code"], got))
            if mentioned is not None:
                got = _closest_actor(actor["text"], resolved)
                named.add(case.id, got == actor["code"], (actor["text"], actor["code"], got))
    levels = {"events (country, country, root)": events, "events (full CAMEO code)": cameo,
              "actor codes": actors, "event dates": dates}
    if mentioned is not None:
        levels["named actors"] = named
    return levels


def _petr_triples(events: Iterable[dict[str, Any]]) -> set[tuple]:
    """PETRARCH codes no event without a target actor; an actor of unknown state is "---".
    Events that name no target are left out, as score.py leaves out events it cannot place."""
    return {((e.get("source") or UNKNOWN_COUNTRY)[:3], e["target"][:3], str(e.get("root"))[:2])
            for e in events if e.get("target")}


def score_petr(cases: list[Case], predictions: dict[str, list[dict]]) -> dict[str, Any]:
    roots, full, actors = Score(), Score(), Score()
    for case in cases:
        predicted = predictions.get(case.id, [])
        expected = {(e["sourcecode"][:3] or UNKNOWN_COUNTRY, e["targetcode"][:3] or UNKNOWN_COUNTRY,
                     e["eventcode"][:2]) for e in case.expected}
        roots.add(case.id, expected, _petr_triples(predicted))
        targeted = [e for e in predicted if e.get("target")]
        full.add(case.id, {(e["sourcecode"][:3], e["targetcode"][:3], e["eventcode"]) for e in case.expected},
                 {((e["source"] or UNKNOWN_COUNTRY)[:3], e["target"][:3], e["cameo"]) for e in targeted})
        actors.add(case.id, {(e["sourcecode"], e["targetcode"]) for e in case.expected},
                   {(e["source"], e["target"]) for e in targeted})
    return {"events (country, country, root)": roots, "events (full CAMEO code)": full,
            "actor codes": actors}


def score_plover(cases: list[Case], predictions: dict[str, list[dict]]) -> dict[str, Any]:
    """The suite labels each CAMEO-manual example with the PLOVER category of the cue category
    it illustrates, so the coded event's category is read with the manual's cue-category table;
    statements and appeals, which PLOVER dropped, are not PLOVER events. The finer code-level
    type (the events' own ``plover`` field) is scored alongside. Source and target countries
    score actor coding: they are read from the first coded event of any category."""
    from .ontology import ontology

    onto = ontology()
    types, code_types, sources, targets = Accuracy(), Accuracy(), Accuracy(), Accuracy()
    for case in cases:
        plover_event = primary_event([e for e in predictions.get(case.id, [])
                                      if onto.plover_category(e["cameo"])])
        got = onto.plover_category(plover_event["cameo"]) if plover_event else None
        types.add(case.id, got == case.label, (case.label, got, case.text[:90]))
        event = primary_event(predictions.get(case.id, []))
        by_code = event.get("plover") if event else None
        code_types.add(case.id, by_code == case.label, (case.label, by_code, case.text[:90]))
        gold_sources = {(c or "")[:3] for c in case.extra["source"]}
        got_source = ((event.get("source") or "")[:3]) if event else None
        sources.add(case.id, got_source in gold_sources, (sorted(gold_sources), got_source))
        if case.extra["target"]:
            gold_targets = {(c or "")[:3] for c in case.extra["target"]}
            got_target = ((event.get("target") or "")[:3]) if event else None
            targets.add(case.id, got_target in gold_targets, (sorted(gold_targets), got_target))
    return {"PLOVER type": types, "source country": sources, "target country": targets,
            "PLOVER type (code-level table)": code_types}


def score_conflibert_class(cases: list[Case], predictions: dict[str, list[dict]]) -> dict[str, Any]:
    from .ontology import ontology

    onto = ontology()
    quad = Accuracy()
    confusion: Counter = Counter()
    for case in cases:
        event = primary_event(predictions.get(case.id, []))
        got = onto[event["cameo"]].phoenix_quad if event else 0
        quad.add(case.id, got == case.label, (case.label, got, case.text[:90]))
        confusion[(case.label, got)] += 1
    return {"quad class": quad}


def score_conflibert_ner(cases: list[Case], predictions: dict[str, list[dict]]) -> dict[str, Any]:
    """Whether the coded source and target texts cover the tokens tagged S and T."""
    source, target = Score(), Score()
    for case in cases:
        tokens, tags = case.extra["tokens"], case.extra["tags"]

        def spans(letter: str) -> set[str]:
            found, current = set(), []
            for token, tag in zip(tokens, tags):
                if tag in (f"B-{letter}", f"B-R"):
                    if current:
                        found.add(" ".join(current))
                    current = [token]
                elif tag in (f"I-{letter}", "I-R") and current:
                    current.append(token)
                else:
                    if current:
                        found.add(" ".join(current))
                    current = []
            if current:
                found.add(" ".join(current))
            return found

        events = predictions.get(case.id, [])
        event = primary_event(events)
        for letter, score, side in (("S", source, "source"), ("T", target, "target")):
            gold = spans(letter)
            got_text = (event or {}).get(f"{side}_text") or ""
            got = {g for g in gold if got_text and (got_text in g or g in got_text)}
            predicted = {got_text} if got_text else set()
            score.true_positive_recall += len(got)
            score.expected += len(gold)
            score.true_positive_precision += 1 if got else 0
            score.predicted += len(predicted)
            if gold and not got:
                score.misses.append((case.id, sorted(gold), got_text))
    return {"source span": source, "target span": target}


def score_actor_checks(cases: list[Case], predictions: dict[str, list[dict]]) -> dict[str, Any]:
    """The whole actor code, and its first three letters (the state, or ``IGO``)."""
    code, country = Accuracy(), Accuracy()
    for case in cases:
        found = predictions.get(case.id) or []
        got = found[0]["code"] if found else None
        detail = (case.text, case.date, case.label, got)
        code.add(case.id, got == case.label, detail)
        country.add(case.id, got is not None and got[:3] == case.label[:3], detail)
    return {"actor code": code, "actor country": country}


SCORERS = {"gold": score_gold, "petr": score_petr, "plover": score_plover,
           "conflibert-class": score_conflibert_class, "conflibert-ner": score_conflibert_ner,
           "actors": score_actor_checks}

#: How a suite's cases are answered: coded as documents, or looked up as actor phrases.
PREDICTORS = {"actors": resolve_cases}


def evaluate(path: Path, suite: str | None = None, coder=None) -> tuple[str, dict[str, Any], int]:
    """Code a suite and score it: (suite name, level -> Score/Accuracy, number of cases)."""
    suite = suite or guess_suite(path)
    cases = _unique_ids(SUITES[suite](path))
    if suite == "gold":
        # (the gold suite scores the document's named actors too, so it keeps the documents)
        coded = code_documents(cases, coder)
        mentioned = {case_id: document.actors if document else [] for case_id, document in coded.items()}
        return suite, score_gold(cases, _event_dicts(coded), mentioned), len(cases)
    predictions = PREDICTORS.get(suite, code_cases)(cases, coder)
    return suite, SCORERS[suite](cases, predictions), len(cases)


def summarise(levels: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {name: level.summary() for name, level in levels.items()}
