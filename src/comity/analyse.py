"""Analysis of a store: dyad series by period, the cooperation index, the claim check and the
dyad chart. Definitions are in docs/analysis.md; this module is their one implementation.

An event counts for a dyad (A, B) when its source country is A and its target country B (or
the reverse, unless directed). Negated events ("did not sign") are stored but never counted.
An event is placed in the period of its date; an intent, appeal or other unrealised act is
placed when it was expressed (the document's date), not when it was meant to happen.
"""
from __future__ import annotations

import re
import statistics
from dataclasses import asdict, dataclass, field
from datetime import date as Date
from pathlib import Path
from typing import Any

from .store import Store, StoreError

PERIOD_KINDS = ("year", "quarter", "month")

#: What a claim check can rank periods by (columns of :class:`PeriodLevel`).
MEASURES = ("cooperation", "goldstein_sum", "goldstein_mean", "events", "verbal_cooperation",
            "material_cooperation")

#: How many events are shown behind a period in a claim check.
EVENTS_SHOWN = 10

#: "in decades" read as "in at least two decades" when a stated claim gives no year.
DECADES = 20


class AnalysisError(ValueError):
    """A question the store cannot answer as asked (bad period, unknown measure...)."""


# -- periods --------------------------------------------------------------------------------

_PERIOD_FORMS = {
    "year": re.compile(r"^(\d{4})$"),
    "quarter": re.compile(r"^(\d{4})-?Q([1-4])$", re.IGNORECASE),
    "month": re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$"),
}


def parse_period(text: str) -> tuple[str, str]:
    """The kind and canonical form of a period: '2018' (year), '2018-Q4' (quarter) or
    '2018-12' (month)."""
    value = str(text).strip()
    for kind, form in _PERIOD_FORMS.items():
        match = form.match(value)
        if match:
            if kind == "quarter":
                return kind, f"{match.group(1)}-Q{match.group(2)}"
            return kind, value
    raise AnalysisError(f"{text!r} is not a period: use YYYY, YYYY-Qn or YYYY-MM")


def period_of(day: str | Date | None, by: str) -> str | None:
    """The period containing a (possibly partial) ISO date; None when the date is too coarse."""
    if day is None:
        return None
    text = day.isoformat() if isinstance(day, Date) else str(day)
    if by == "year":
        return text[:4] if len(text) >= 4 and text[:4].isdigit() else None
    if len(text) < 7 or not text[5:7].isdigit():
        return None
    if by == "month":
        return text[:7]
    if by == "quarter":
        return f"{text[:4]}-Q{(int(text[5:7]) + 2) // 3}"
    raise AnalysisError(f"unknown period kind {by!r}: use one of {', '.join(PERIOD_KINDS)}")


def _period_index(period: str, by: str) -> int:
    year = int(period[:4])
    if by == "year":
        return year
    if by == "quarter":
        return year * 4 + int(period[-1]) - 1
    return year * 12 + int(period[5:7]) - 1


def _period_at(index: int, by: str) -> str:
    if by == "year":
        return f"{index:04d}"
    if by == "quarter":
        return f"{index // 4:04d}-Q{index % 4 + 1}"
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _last_period_of_year(year: int, by: str) -> str:
    return {"year": f"{year:04d}", "quarter": f"{year:04d}-Q4", "month": f"{year:04d}-12"}[by]


def periods_between(first: str, last: str, by: str) -> list[str]:
    """Every period from ``first`` to ``last`` inclusive."""
    return [_period_at(i, by) for i in range(_period_index(first, by), _period_index(last, by) + 1)]


def _period_sql(by: str) -> str:
    if by == "year":
        return "CASE WHEN length(day) >= 4 THEN substr(day, 1, 4) END"
    if by == "month":
        return "CASE WHEN length(day) >= 7 THEN substr(day, 1, 7) END"
    if by == "quarter":
        return ("CASE WHEN length(day) >= 7 THEN substr(day, 1, 4) || '-Q' || "
                "CAST((CAST(substr(day, 6, 2) AS INTEGER) + 2) // 3 AS VARCHAR) END")
    raise AnalysisError(f"unknown period kind {by!r}: use one of {', '.join(PERIOD_KINDS)}")


# -- the dyad's events ----------------------------------------------------------------------

#: The signed weight each event adds to the cooperation index (docs/analysis.md).
COOPERATION_WEIGHT_SQL = ("CASE WHEN quad_class IN (1, 2) THEN abs(goldstein) "
                          "WHEN quad_class IN (3, 4) THEN -abs(goldstein) ELSE 0 END")


def _dyad_events_sql(directed: bool, origin: str | None) -> str:
    """A subquery of the dyad's counted events with their analysis day (named parameters $a,
    $b and, with an origin, $origin)."""
    pair = "(source_country = $a AND target_country = $b)"
    if not directed:
        pair = f"({pair} OR (source_country = $b AND target_country = $a))"
    where = [pair, "coalesce(modality, 'asserted') NOT LIKE 'negated%'"]
    if origin:
        where.append("origin = $origin")
    sql = f"""SELECT *, CASE WHEN coalesce(modality, 'asserted') = 'asserted' OR doc_date IS NULL
                             THEN coalesce(date, doc_date) ELSE doc_date END AS day
              FROM events WHERE {' AND '.join(where)}"""
    return sql


def _check_dyad(a: str, b: str) -> tuple[str, str]:
    a, b = a.strip().upper(), b.strip().upper()
    if not a or not b:
        raise AnalysisError("a dyad needs two actors, e.g. RUS IND")
    if a == b:
        raise AnalysisError(f"a dyad needs two different actors, not {a} twice")
    return a, b


@dataclass
class PeriodLevel:
    """The dyad's events in one period."""

    period: str
    events: int = 0
    verbal_cooperation: int = 0
    material_cooperation: int = 0
    verbal_conflict: int = 0
    material_conflict: int = 0
    goldstein_sum: float = 0.0
    goldstein_mean: float | None = None
    cooperation: float = 0.0
    transfers: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class DyadSeries:
    a: str
    b: str
    by: str
    directed: bool
    origin: str | None
    periods: list[PeriodLevel]
    #: counted events whose date does not resolve to a period of this kind (e.g. "2018" by month)
    undated: int = 0

    def to_dict(self) -> dict[str, Any]:
        return _jsonable(asdict(self))

    def level(self, period: str) -> PeriodLevel | None:
        return next((p for p in self.periods if p.period == period), None)


def dyad_series(store: Store, a: str, b: str, by: str = "year", directed: bool = False,
                origin: str | None = None, through: str | None = None) -> DyadSeries:
    """Per period, from the dyad's first event (or transfer) to its last (or ``through``):
    event counts by quad class, the sum and mean of Goldstein values, the cooperation index and
    the transfers reported of the period. Empty periods in between are listed with zeros."""
    a, b = _check_dyad(a, b)
    period_sql = _period_sql(by)
    events_sql = _dyad_events_sql(directed, origin)
    params: dict[str, Any] = {"a": a, "b": b}
    if origin:
        params["origin"] = origin
    rows = store.con.execute(f"""
        SELECT period, count(*),
               count(*) FILTER (WHERE quad_class = 1), count(*) FILTER (WHERE quad_class = 2),
               count(*) FILTER (WHERE quad_class = 3), count(*) FILTER (WHERE quad_class = 4),
               coalesce(sum(goldstein), 0), avg(goldstein),
               coalesce(sum({COOPERATION_WEIGHT_SQL}), 0)
        FROM (SELECT *, {period_sql} AS period FROM ({events_sql}))
        GROUP BY period""", params).fetchall()
    levels: dict[str, PeriodLevel] = {}
    undated = 0
    for period, n, q1, q2, q3, q4, g_sum, g_mean, coop in rows:
        if period is None:
            undated += n
            continue
        levels[period] = PeriodLevel(period, n, q1, q2, q3, q4, round(g_sum, 6),
                                     None if g_mean is None else round(g_mean, 6), round(coop, 6))
    for period, transfers in _transfers_by_period(store, a, b, directed, by).items():
        levels.setdefault(period, PeriodLevel(period)).transfers.extend(transfers)
    if through is not None:
        levels.setdefault(through, PeriodLevel(through))
    periods: list[PeriodLevel] = []
    if levels:
        ordered = sorted(levels, key=lambda p: _period_index(p, by))
        for period in periods_between(ordered[0], ordered[-1], by):
            periods.append(levels.get(period) or PeriodLevel(period))
    return DyadSeries(a, b, by, directed, origin, periods, undated)


def _transfers_by_period(store: Store, a: str, b: str, directed: bool,
                         by: str) -> dict[str, list[dict[str, Any]]]:
    """The dyad's transfer reports placed in periods: each report in the year of the stage it
    reports when it gives one, else at its document's date (by month or quarter, a report of a
    stage in another year than its document's cannot be placed and is left out). Reports of the
    same system and stage in a period are one entry, with the number of reports."""
    pair = "(supplier = ? AND recipient = ?)"
    params = [a, b]
    if not directed:
        pair = f"({pair} OR (supplier = ? AND recipient = ?))"
        params += [b, a]
    reports = store.rows(
        f"""SELECT supplier, recipient, coalesce(designation, system) AS system, stage, quantity,
                   value_usd, year, doc_date, doc_id
            FROM transfer_reports WHERE {pair}
            ORDER BY doc_date NULLS LAST, doc_id, sentence_index""", params)
    grouped: dict[str, dict[tuple, dict[str, Any]]] = {}
    for report in reports:
        doc_year = report["doc_date"].year if report["doc_date"] else None
        if by == "year":
            year = report["year"] or doc_year
            period = f"{year:04d}" if year else None
        elif report["year"] and report["year"] != doc_year:
            period = None
        else:
            period = period_of(report["doc_date"], by)
        if period is None:
            continue
        key = (report["supplier"], report["recipient"], report["system"], report["stage"])
        entry = grouped.setdefault(period, {}).get(key)
        if entry is None:
            grouped[period][key] = {
                "system": report["system"], "supplier": report["supplier"],
                "recipient": report["recipient"], "stage": report["stage"],
                "quantity": report["quantity"], "value_usd": report["value_usd"], "reports": 1,
                "first_reported": report["doc_date"], "doc_id": report["doc_id"]}
            continue
        entry["reports"] += 1
        for field_name in ("quantity", "value_usd"):
            if report[field_name] is not None and (entry[field_name] is None or report[field_name] > entry[field_name]):
                entry[field_name] = report[field_name]
    return {period: list(entries.values()) for period, entries in grouped.items()}


def dyad_events(store: Store, a: str, b: str, period: str, directed: bool = False,
                origin: str | None = None, limit: int = EVENTS_SHOWN) -> list[dict[str, Any]]:
    """The events behind a period, the weightiest (largest |Goldstein|) first."""
    a, b = _check_dyad(a, b)
    by, period = parse_period(period)
    events_sql = _dyad_events_sql(directed, origin)
    params: dict[str, Any] = {"a": a, "b": b, "period": period, "limit": limit}
    if origin:
        params["origin"] = origin
    return _rows_named(store, f"""
        SELECT id, day AS date, doc_id, source, target, cameo, quad_class, goldstein,
               {COOPERATION_WEIGHT_SQL} AS weight, modality, sentence, url, num_articles, origin
        FROM ({events_sql}) WHERE {_period_sql(by)} = $period
        ORDER BY abs(goldstein) DESC, day, doc_id, sentence_index, id
        LIMIT $limit""", params)


def _rows_named(store: Store, sql: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    cursor = store.con.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


# -- the claim check ------------------------------------------------------------------------


@dataclass
class ClaimCheck:
    """Is the dyad's level in ``period`` unprecedented? Ranked against every earlier period."""

    a: str
    b: str
    period: str
    by: str
    measure: str
    directed: bool
    value: float | None
    earlier: list[dict[str, Any]]
    rank: int | None
    of: int
    percentile: float | None
    z_score: float | None
    earlier_mean: float | None
    earlier_sd: float | None
    previous_peak: dict[str, Any] | None
    unprecedented: bool | None
    answer: str
    events: list[dict[str, Any]] = field(default_factory=list)
    peak_events: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return _jsonable(asdict(self))


def rank_against_earlier(value: float, earlier: list[float]) -> dict[str, Any]:
    """Rank (1 = highest, ties share the better rank), percentile (share of earlier periods
    strictly below, in %) and z-score (against the earlier periods' mean and sample standard
    deviation; None with fewer than two earlier periods or no spread)."""
    rank = 1 + sum(1 for v in earlier if v > value)
    percentile = 100.0 * sum(1 for v in earlier if v < value) / len(earlier) if earlier else None
    mean = statistics.fmean(earlier) if earlier else None
    sd = statistics.stdev(earlier) if len(earlier) >= 2 else None
    z = (value - mean) / sd if sd else None
    return {"rank": rank, "of": len(earlier) + 1, "percentile": percentile, "z_score": z,
            "earlier_mean": mean, "earlier_sd": sd}


def claim_check(store: Store, a: str, b: str, period: str, measure: str = "cooperation",
                directed: bool = False, origin: str | None = None,
                since: int | None = None) -> ClaimCheck:
    """Rank the dyad's ``measure`` in ``period`` against every earlier period (from the dyad's
    first period with events, or only those after the year ``since``) and answer whether it is
    unprecedented."""
    if measure not in MEASURES:
        raise AnalysisError(f"unknown measure {measure!r}: use one of {', '.join(MEASURES)}")
    by, period = parse_period(period)
    a, b = _check_dyad(a, b)
    series = dyad_series(store, a, b, by, directed, origin, through=period)
    here = series.level(period)
    value = getattr(here, measure) if here is not None else None
    cutoff = _period_index(period, by)
    floor = _period_index(_last_period_of_year(since, by), by) if since is not None else None
    # History starts with the dyad's first events: earlier periods known only from a transfer
    # report would count as zeros that were never observed.
    observed = [_period_index(p.period, by) for p in series.periods if p.events]
    if observed:
        first = min(observed) - 1
        floor = first if floor is None else max(floor, first)
    earlier = [{"period": p.period, "value": getattr(p, measure)} for p in series.periods
               if _period_index(p.period, by) < cutoff
               and (floor is None or _period_index(p.period, by) > floor)
               and getattr(p, measure) is not None]
    values = [e["value"] for e in earlier]
    label = f"{a}–{b}" if not directed else f"{a}→{b}"
    what = measure.replace("_", " ")
    events = dyad_events(store, a, b, period, directed, origin)
    if value is None:
        return ClaimCheck(a, b, period, by, measure, directed, None, earlier, None, len(earlier) + 1,
                          None, None, None, None, None, None,
                          f"Cannot say: {label} has no events in {period} to measure {what}.",
                          events)
    stats = rank_against_earlier(value, values)
    peak = max(earlier, key=lambda e: (e["value"], -_period_index(e["period"], by))) if earlier else None
    if not earlier:
        verdict, answer = None, (f"Cannot say: the store has no {label} period before {period} "
                                 f"to compare with ({what} {_fmt(value)}).")
    elif value > peak["value"]:
        verdict = True
        answer = (f"Yes: {label} {what} in {period} ({_fmt(value)}) is higher than in every one of "
                  f"the {len(earlier)} earlier {by}s since {earlier[0]['period']}; the previous peak "
                  f"was {peak['period']} ({_fmt(peak['value'])}).")
    elif value == peak["value"]:
        verdict = False
        answer = (f"No: {label} {what} in {period} ({_fmt(value)}) equals the previous peak of "
                  f"{peak['period']}; it is not above it.")
    else:
        verdict = False
        answer = (f"No: {label} {what} in {period} ({_fmt(value)}) ranks {stats['rank']} of "
                  f"{stats['of']}; the peak was {peak['period']} ({_fmt(peak['value'])}).")
    peak_events = dyad_events(store, a, b, peak["period"], directed, origin) if peak else []
    return ClaimCheck(a, b, period, by, measure, directed, value, earlier, stats["rank"], stats["of"],
                      stats["percentile"], stats["z_score"], stats["earlier_mean"],
                      stats["earlier_sd"], peak, verdict, answer, events, peak_events)


def check_stated_claims(store: Store, a: str | None = None, b: str | None = None,
                        by: str = "year", measure: str = "cooperation",
                        origin: str | None = None) -> list[dict[str, Any]]:
    """Check every claim stored from the articles (optionally of one dyad) against the data:
    a 'high' claim ("unprecedented", "highest ever") holds when its period is above every
    earlier one in its window; a 'low' claim ("lowest point since 1998") when it is below."""
    where, params = "", []
    if a and b:
        a, b = _check_dyad(a, b)
        where = "WHERE (dyad_a = ? AND dyad_b = ?) OR (dyad_a = ? AND dyad_b = ?)"
        params = [a, b, b, a]
    claims = store.rows(f"SELECT * FROM claims {where} ORDER BY date, doc_id, sentence_index", params)
    results = []
    for claim in claims:
        result = {key: claim[key] for key in ("id", "doc_id", "date", "speaker", "speaker_name",
                                              "speaker_country", "level", "direction", "topic",
                                              "since", "sentence")}
        result["dyad"] = [claim["dyad_a"], claim["dyad_b"]]
        period = period_of(claim["date"], by)
        result["period"] = period
        if not (claim["dyad_a"] and claim["dyad_b"]) or claim["dyad_a"] == claim["dyad_b"]:
            result.update(verdict="no dyad", answer="The claim names no pair of countries.")
            results.append(result)
            continue
        if period is None:
            result.update(verdict="no date", answer=f"The claim has no date to place it in a {by}.")
            results.append(result)
            continue
        since = claim["since"]
        if since is None and claim["level"] and "decade" in claim["level"]:
            since = int(period[:4]) - DECADES
        check = claim_check(store, claim["dyad_a"], claim["dyad_b"], period, measure,
                            origin=origin, since=since)
        earlier = [e["value"] for e in check.earlier]
        if check.value is None or not earlier:
            verdict = "no data"
        elif claim["direction"] == "low":
            verdict = "supported" if check.value < min(earlier) else "contradicted"
        else:
            verdict = "supported" if check.value > max(earlier) else "contradicted"
        result.update(verdict=verdict, value=check.value, rank=check.rank, of=check.of,
                      percentile=check.percentile, z_score=check.z_score,
                      previous_peak=check.previous_peak,
                      previous_low=min(check.earlier, key=lambda e: e["value"]) if check.earlier else None,
                      answer=check.answer)
        results.append(result)
    return _jsonable(results)


# -- transfers ------------------------------------------------------------------------------

def transfer_register(store: Store, supplier: str | None = None,
                      recipient: str | None = None) -> list[dict[str, Any]]:
    """The merged transfer register, oldest report first."""
    where, params = [], []
    if supplier:
        where.append("supplier = ?")
        params.append(supplier.upper())
    if recipient:
        where.append("recipient = ?")
        params.append(recipient.upper())
    clause = ("WHERE " + " AND ".join(where)) if where else ""
    return _jsonable(store.rows(
        f"""SELECT supplier, recipient, system, category, stage, quantity, value_usd, year,
                   first_reported, reports, doc_id, sentence
            FROM transfers {clause} ORDER BY first_reported NULLS LAST, supplier, recipient, system""",
        params))


# -- the chart ------------------------------------------------------------------------------

QUAD_COLOURS = {"verbal_cooperation": "#9ecf8f", "material_cooperation": "#2e7d32",
                "verbal_conflict": "#f4a259", "material_conflict": "#c62828"}


def plot_dyad(series: DyadSeries, path: str | Path, title: str | None = None) -> Path:
    """Draw the dyad chart (PNG or SVG by the file's suffix): events per period by quad class
    (cooperation above the axis, conflict below), and the cooperation index with the periods'
    transfers marked."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    path = Path(path)
    if path.suffix.lower() not in {".png", ".svg"}:
        raise AnalysisError(f"{path}: the chart is written as .png or .svg")
    if not series.periods:
        raise AnalysisError(f"no {series.a}–{series.b} events in the store to plot")
    labels = [p.period for p in series.periods]
    x = list(range(len(labels)))
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(min(16.0, max(9.0, 0.55 * len(labels) + 3)), 7.5),
                                      sharex=True, gridspec_kw={"height_ratios": [3, 2]})
    up = [0.0] * len(x)
    for key in ("verbal_cooperation", "material_cooperation"):
        values = [getattr(p, key) for p in series.periods]
        top.bar(x, values, bottom=up, color=QUAD_COLOURS[key], label=key.replace("_", " "))
        up = [u + v for u, v in zip(up, values)]
    down = [0.0] * len(x)
    for key in ("verbal_conflict", "material_conflict"):
        values = [-getattr(p, key) for p in series.periods]
        top.bar(x, values, bottom=down, color=QUAD_COLOURS[key], label=key.replace("_", " "))
        down = [d + v for d, v in zip(down, values)]
    top.axhline(0, color="black", linewidth=0.8)
    top.set_ylim(min(down + [0]) * 1.15 - 0.5, max(up + [1]) * 1.3)   # room for the legend
    top.set_ylabel("events (conflict below 0)")
    top.yaxis.set_major_locator(MaxNLocator(integer=True))
    top.legend(loc="upper left", fontsize=8, ncols=2, frameon=False)
    direction = "→" if series.directed else "–"
    origin = f", {series.origin} events" if series.origin else ""
    top.set_title(title or f"{series.a} {direction} {series.b} by {series.by}{origin}")

    index = [p.cooperation for p in series.periods]
    bottom.bar(x, index, color=["#2e7d32" if v >= 0 else "#c62828" for v in index], alpha=0.35)
    bottom.plot(x, index, color="#1b5e20", marker="o", linewidth=1.5, label="cooperation index")
    bottom.axhline(0, color="black", linewidth=0.8)
    bottom.set_ylabel("cooperation index")
    span = (max(index + [0]) - min(index + [0])) or 1.0
    marked = False
    for i, level in enumerate(series.periods):
        if not level.transfers:
            continue
        names = sorted({t["system"] for t in level.transfers if t.get("system")})
        text = ", ".join(names[:2]) + (f" +{len(names) - 2}" if len(names) > 2 else "")
        y = max(index[i], 0) + 0.04 * span
        bottom.scatter([i], [y], marker="v", color="#283593", zorder=3,
                       label=None if marked else "arms transfer reported")
        marked = True
        bottom.annotate(text, (i, y), textcoords="offset points", xytext=(0, 6), ha="center",
                        fontsize=7, color="#283593", rotation=30 if len(labels) > 8 else 0)
    bottom.set_ylim(min(index + [0]) - 0.1 * span, max(index + [0]) + 0.45 * span)
    # Above the panel, where the transfer labels cannot run into it.
    bottom.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncols=2, fontsize=8, frameon=False,
                  borderaxespad=0.2)
    step = max(1, len(labels) // 24)
    bottom.set_xticks(x[::step], labels[::step], rotation=45 if len(labels) > 12 else 0,
                      ha="right" if len(labels) > 12 else "center")
    fig.text(0.99, 0.005, "comity; cooperation index: see docs/analysis.md", ha="right",
             fontsize=7, color="grey")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return path


# -- helpers --------------------------------------------------------------------------------

def _fmt(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.2f}"


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, Date):
        return value.isoformat()
    if isinstance(value, float):
        return round(value, 6)
    return value


__all__ = ["PERIOD_KINDS", "MEASURES", "AnalysisError", "PeriodLevel", "DyadSeries", "ClaimCheck",
           "parse_period", "period_of", "periods_between", "dyad_series", "dyad_events",
           "rank_against_earlier", "claim_check", "check_stated_claims", "transfer_register",
           "plot_dyad", "StoreError"]
