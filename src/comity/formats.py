"""Output formats for events: jsonl, csv, the GDELT 2.0 events table and POLECAT-style PLOVER.

Each writer takes event dicts (``Event.to_dict()`` or rows read back from the store) and a
text stream, so the CLI, the store's export and the HTTP API share one implementation.
"""
from __future__ import annotations

import csv
import json
from datetime import date as Date
from typing import IO, Any, Callable, Iterable

from .records import event_id

#: The jsonl fields other tools rely on, in order (more follow them).
EVENT_FIELDS = ["doc_id", "date", "source", "target", "source_country", "target_country",
                "source_text", "target_text", "cameo", "root", "quad_class", "goldstein",
                "plover", "sentence_index", "sentence", "span", "rule"]
EXTRA_FIELDS = ["trigger", "modality", "source_name", "target_name", "source_sectors",
                "target_sectors", "location", "location_country", "doc_date", "date_basis"]

GDELT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *[f"Actor1{c}" for c in ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
                              "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code")],
    *[f"Actor2{c}" for c in ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
                              "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code")],
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *[f"{who}Geo_{c}" for who in ("Actor1", "Actor2", "Action")
      for c in ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")],
    "DATEADDED", "SOURCEURL",
]


def write_jsonl(events: Iterable[dict[str, Any]], out: IO[str]) -> int:
    count = 0
    for event in events:
        out.write(json.dumps(event, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csv(events: Iterable[dict[str, Any]], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=EVENT_FIELDS + EXTRA_FIELDS, extrasaction="ignore")
    writer.writeheader()
    count = 0
    for event in events:
        row = dict(event)
        for key in ("span", "source_sectors", "target_sectors"):
            if isinstance(row.get(key), (list, tuple)):
                row[key] = " ".join(str(v) for v in row[key])
        writer.writerow(row)
        count += 1
    return count


def _fraction_date(day: Date) -> str:
    return f"{day.year + (day.timetuple().tm_yday - 1) / 365.0:.4f}"


def _actor_columns(code: str | None, name: str | None, country: str | None,
                   sectors: list[str] | None) -> list[str]:
    code = code or ""
    group = code[3:6] if code.startswith("IGO") else ""
    types = list(sectors or [])[:3]
    types += [""] * (3 - len(types))
    return [code, (name or "").upper(), country if country and not country.startswith("IGO") else "",
            group, "", "", "", *types]


def gdelt_row(event: dict[str, Any], extra: dict[str, Any] | None = None) -> list[str]:
    """One event as the 61 columns of the GDELT 2.0 events table, filling what is known."""
    extra = extra or {}
    when = event.get("date") or event.get("doc_date") or ""
    full = (when + "-01-01"[len(when) - 4:]) if len(when) in (4, 7) else when
    try:
        day = Date.fromisoformat(full[:10])
        sqldate, month_year, year, fraction = day.strftime("%Y%m%d"), day.strftime("%Y%m"), str(day.year), _fraction_date(day)
    except ValueError:
        sqldate = month_year = year = fraction = ""
    cameo = event.get("cameo") or ""
    geo = ["", event.get("location") or "", "", "", "", "", "", ""]
    if event.get("location"):
        geo[0] = "1" if event.get("location_country") and event.get("location") else ""
    added = (event.get("doc_date") or "").replace("-", "")
    row = [
        str(int(event.get("id") or event_id(event), 16) & 0x7FFFFFFFFFFFFFFF),
        sqldate, month_year, year, fraction,
        *_actor_columns(event.get("source"), event.get("source_name") or event.get("source_text"),
                        event.get("source_country"), event.get("source_sectors")),
        *_actor_columns(event.get("target"), event.get("target_name") or event.get("target_text"),
                        event.get("target_country"), event.get("target_sectors")),
        "1" if event.get("sentence_index") == 0 else "0",
        cameo, cameo[:3], cameo[:2], str(event.get("quad_class") or ""),
        str(event.get("goldstein") if event.get("goldstein") is not None else ""),
        str(extra.get("num_mentions", 1)), str(extra.get("num_sources", 1)),
        str(extra.get("num_articles", 1)), "",
        *([""] * 8), *([""] * 8), *geo,
        added, event.get("url") or extra.get("url") or "",
    ]
    assert len(row) == len(GDELT_COLUMNS)
    return row


def write_gdelt(events: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """Tab-separated, no header, as GDELT publishes its files."""
    count = 0
    for event in events:
        out.write("\t".join(gdelt_row(event)) + "\n")
        count += 1
    return count


def plover_record(event: dict[str, Any]) -> dict[str, Any]:
    """One event as a POLECAT-style PLOVER record."""
    def actor(prefix: str) -> dict[str, Any] | None:
        code = event.get(prefix)
        if not code:
            return None
        return {"actorText": event.get(f"{prefix}_text"), "code": code,
                "country": event.get(f"{prefix}_country"),
                "sector": list(event.get(f"{prefix}_sectors") or []),
                "name": event.get(f"{prefix}_name")}

    source, target = actor("source"), actor("target")
    return {
        "id": event.get("id") or event_id(event),
        "date": event.get("date"),
        "event": event.get("plover"),
        "cameo": event.get("cameo"),
        "source": [source] if source else [],
        "target": [target] if target else [],
        "text": event.get("sentence"),
        "eventText": event.get("trigger"),
        "location": ([{"placeName": event.get("location"), "country": event.get("location_country")}]
                     if event.get("location") else []),
        "publicationDate": event.get("doc_date"),
        "storyId": event.get("doc_id"),
        "sentenceIndex": event.get("sentence_index"),
        "rule": event.get("rule"),
    }


def write_plover(events: Iterable[dict[str, Any]], out: IO[str]) -> int:
    count = 0
    for event in events:
        out.write(json.dumps(plover_record(event), ensure_ascii=False) + "\n")
        count += 1
    return count


WRITERS: dict[str, Callable[[Iterable[dict[str, Any]], IO[str]], int]] = {
    "jsonl": write_jsonl, "csv": write_csv, "gdelt": write_gdelt, "plover": write_plover,
}
