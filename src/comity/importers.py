"""Importers of other event data and actor dictionaries.

* :func:`import_gdelt` loads GDELT 2.0 event files (the 61 tab-separated columns of the events
  table, plain or zipped) into the store's ``events`` table with ``origin = 'gdelt'``, so years
  of GDELT history can be analysed beside comity's own coding.
* :func:`import_petrarch_dictionary` reads a PETRARCH/TABARI actor (or agent) dictionary and
  writes it to the user's actor data folder as ``actors/user_actors.tsv`` (or
  ``actors/user_roles.tsv`` for agents), the folder comity reads through ``COMITY_DATA``.
"""
from __future__ import annotations

import csv
import os
import re
import tempfile
import zipfile
from dataclasses import dataclass, field
from datetime import date as Date
from pathlib import Path
from typing import Iterable, Iterator

import pyarrow as pa

from .formats import GDELT_COLUMNS
from .store import Store

# -- GDELT ----------------------------------------------------------------------------------


@dataclass
class ImportResult:
    """What one imported file gave."""

    path: str
    rows: int = 0                 # rows read from the file
    added: int = 0                # rows new to the store (or the actor file)
    rejected: int = 0             # malformed lines or entries, skipped
    error: str | None = None      # the whole file could not be imported
    problems: list[str] = field(default_factory=list)
    output: str | None = None


def _gdelt_select(table: str) -> str:
    """GDELT's columns mapped onto the events table."""
    def actor(n: int) -> str:
        return f"""
            nullif(Actor{n}Code, ''),
            coalesce(nullif(Actor{n}CountryCode, ''),
                     CASE WHEN Actor{n}Code LIKE 'IGO%' AND nullif(Actor{n}KnownGroupCode, '') IS NOT NULL
                          THEN 'IGO' || Actor{n}KnownGroupCode END),
            nullif(Actor{n}Name, ''),
            [x FOR x IN [Actor{n}Type1Code, Actor{n}Type2Code, Actor{n}Type3Code] IF coalesce(x, '') <> '']"""

    return f"""
        SELECT 'gdelt:' || g.GLOBALEVENTID AS id, 'gdelt' AS origin, NULL AS doc_id,
               strftime(try_strptime(g.SQLDATE, '%Y%m%d'), '%Y-%m-%d') AS date,
               {actor(1)}, {actor(2)},
               nullif(g.EventCode, '') AS cameo, nullif(g.EventRootCode, '') AS root,
               try_cast(g.QuadClass AS INTEGER) AS quad_class,
               try_cast(g.GoldsteinScale AS DOUBLE) AS goldstein, m.plover,
               'gdelt' AS rule, 'asserted' AS modality,
               nullif(g.ActionGeo_FullName, '') AS location,
               strftime(try_strptime(left(g.DATEADDED, 14), '%Y%m%d%H%M%S'), '%Y-%m-%d') AS doc_date,
               nullif(g.SOURCEURL, '') AS url,
               try_cast(g.NumMentions AS INTEGER), try_cast(g.NumSources AS INTEGER),
               try_cast(g.NumArticles AS INTEGER), try_cast(g.AvgTone AS DOUBLE)
        FROM {table} g LEFT JOIN _cameo_plover m ON m.code = g.EventCode
        WHERE coalesce(g.GLOBALEVENTID, '') <> ''"""


_GDELT_TARGET = """(id, origin, doc_id, date,
    source, source_country, source_name, source_sectors,
    target, target_country, target_name, target_sectors,
    cameo, root, quad_class, goldstein, plover, rule, modality, location, doc_date, url,
    num_mentions, num_sources, num_articles, avg_tone)"""


def _first_line(path: Path) -> str | None:
    with open(path, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if line.strip():
                return line.rstrip("\r\n")
    return None


def _unzipped(path: Path, scratch: Path) -> Path:
    """The events file inside a GDELT zip (GDELT zips hold one CSV)."""
    with zipfile.ZipFile(path) as archive:
        members = [m for m in archive.namelist() if not m.endswith("/")]
        if len(members) != 1:
            raise ValueError(f"expected one file in the zip, found {len(members)}")
        return Path(archive.extract(members[0], scratch))


def import_gdelt(store: Store, paths: Iterable[str | Path]) -> Iterator[ImportResult]:
    """Load GDELT 2.0 event files into the store, one transaction per file. A file already
    imported adds nothing (events keep GDELT's GLOBALEVENTID as ``gdelt:<id>``); a file that is
    not a 61-column events file is reported and skipped; malformed lines are counted."""
    from .ontology import ontology

    plover = pa.table({"code": [t.code for t in ontology()],
                       "plover": [t.plover for t in ontology()]})
    store.con.register("_cameo_plover", plover)
    columns = "{" + ", ".join(f"'{name}': 'VARCHAR'" for name in GDELT_COLUMNS) + "}"
    try:
        for raw in paths:
            path = Path(raw)
            result = ImportResult(str(path))
            try:
                with tempfile.TemporaryDirectory() as scratch:
                    source = _unzipped(path, Path(scratch)) if path.suffix.lower() == ".zip" else path
                    first = _first_line(source)
                    if first is None:
                        raise ValueError("the file is empty")
                    width = len(first.split("\t"))
                    if width != len(GDELT_COLUMNS):
                        raise ValueError(f"not a GDELT 2.0 events file: {width} tab-separated columns, "
                                         f"expected {len(GDELT_COLUMNS)}")
                    _load_gdelt_file(store, source, columns, result)
            except (OSError, ValueError, zipfile.BadZipFile) as exc:
                result.error = f"{path}: {exc}"
            except Exception as exc:  # noqa: BLE001 - DuckDB errors: report the file, go on
                result.error = f"{path}: {type(exc).__name__}: {exc}"
            yield result
    finally:
        store.con.unregister("_cameo_plover")


def _load_gdelt_file(store: Store, source: Path, columns: str, result: ImportResult) -> None:
    con = store.con
    path_literal = str(source).replace("'", "''")
    with store.transaction():
        con.execute(f"""
            CREATE OR REPLACE TEMP TABLE _gdelt AS
            SELECT * FROM read_csv('{path_literal}', delim = '\t', header = false, quote = '',
                                   escape = '', columns = {columns}, ignore_errors = true,
                                   store_rejects = true, rejects_table = '_gdelt_rejects',
                                   rejects_scan = '_gdelt_scans')""")
        result.rows = store.scalar("SELECT count(*) FROM _gdelt")
        result.rejected = store.scalar("SELECT count(DISTINCT line) FROM _gdelt_rejects")
        for line, message in con.execute(
                "SELECT line, any_value(error_message) FROM _gdelt_rejects GROUP BY line "
                "ORDER BY line LIMIT 5").fetchall():
            result.problems.append(f"line {line}: {message}")
        result.added = store.scalar(f"INSERT OR IGNORE INTO events {_GDELT_TARGET} "
                                    f"{_gdelt_select('_gdelt')}")
        con.execute("INSERT INTO imports (path, kind, rows, rejected) VALUES (?, 'gdelt', ?, ?)",
                    [result.path, result.rows, result.rejected])
        con.execute("DROP TABLE _gdelt")
        con.execute("DROP TABLE IF EXISTS _gdelt_rejects")
        con.execute("DROP TABLE IF EXISTS _gdelt_scans")


# -- PETRARCH dictionaries ------------------------------------------------------------------

#: Columns of ``actors/user_actors.tsv``: one row per actor and code period. ``start``/``end``
#: are ISO dates (either may be empty: open); a row with neither is the entry's default code.
USER_ACTOR_COLUMNS = ["phrase", "aliases", "code", "start", "end", "kind", "source"]
#: Columns of ``actors/user_roles.tsv``, the roles.tsv layout plus where each row came from.
USER_ROLE_COLUMNS = ["phrase", "sectors", "office", "kind", "source"]

USER_ACTORS_FILE = "actors/user_actors.tsv"
USER_ROLES_FILE = "actors/user_roles.tsv"

_CODE_GROUP = re.compile(r"\[([^\]]*)\]")
_SUBSTITUTION = re.compile(r"^\s*(![A-Z0-9_]+!)\s*=\s*(.+)$")
_LOWER_WORDS = {"of", "the", "and", "for", "on", "in", "du", "des", "de", "la", "le", "da", "do", "dos"}


def user_data_dir() -> Path:
    """The folder user data goes to: ``COMITY_DATA`` when set, else ``$XDG_DATA_HOME/comity``
    (``~/.local/share/comity``)."""
    override = os.environ.get("COMITY_DATA")
    if override:
        return Path(override)
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "comity"


def petrarch_date(text: str) -> str:
    """A PETRARCH date (YYYYMMDD, or YYMMDD with 00-30 read as 20YY as KEDS and TABARI do)
    as ISO; ValueError when it is not one."""
    if not text.isdigit() or len(text) not in (6, 8):
        raise ValueError(f"bad date {text!r} (YYMMDD or YYYYMMDD)")
    if len(text) == 6:
        yy = int(text[:2])
        text = f"{2000 + yy if yy <= 30 else 1900 + yy}{text[2:]}"
    return Date(int(text[:4]), int(text[4:6]), int(text[6:8])).isoformat()


def petrarch_phrase(raw: str) -> str:
    """'NARENDRA_MODI_' as 'Narendra Modi' (comity matches names as written, and their
    upper-case form)."""
    words = [w for w in re.split(r"[_\s]+", raw.strip()) if w]
    out = []
    for i, word in enumerate(words):
        lower = word.lower()
        if i and lower in _LOWER_WORDS:
            out.append(lower)
        elif "." in word and len(word) <= 3:        # initials: A., J.R.
            out.append(word.upper())
        else:
            out.append(_title(word))
    return " ".join(out)


def _title(word: str) -> str:
    return "-".join("'".join(part[:1].upper() + part[1:].lower() for part in piece.split("'"))
                    for piece in word.split("-"))


def _strip_comment(line: str) -> str:
    for marker in ("#", ";"):
        at = line.find(marker)
        if at >= 0:
            line = line[:at]
    return line.rstrip()


def _dictionary_lines(lines: Iterable[str]) -> Iterator[tuple[int, str]]:
    """The numbered content lines of a PETRARCH dictionary: without comments, blank lines and
    the <!-- ... --> style markup lines."""
    for number, raw in enumerate(lines, 1):
        if raw.lstrip().startswith("<"):
            continue
        line = _strip_comment(raw.rstrip("\r\n"))
        if line.strip():
            yield number, line


def _restriction(group: str) -> tuple[str, str | None, str | None] | None:
    """'INDGOV 140526-190530' as (code, start, end); None for the null code '---'."""
    parts = group.split()
    if not parts:
        raise ValueError("empty code []")
    code = parts[0].strip()
    if code.startswith("---"):
        return None
    start = end = None
    if len(parts) > 1:
        span = "".join(parts[1:])
        if span.startswith("<"):
            end = petrarch_date(span[1:])
        elif span.startswith(">"):
            start = petrarch_date(span[1:])
        elif "-" in span:
            first, _, last = span.partition("-")
            start, end = petrarch_date(first), petrarch_date(last)
        else:
            raise ValueError(f"bad date restriction {span!r}")
    if not re.fullmatch(r"[A-Z0-9~]{3,}", code):
        raise ValueError(f"bad code {code!r}")
    return code, start, end


@dataclass
class _Entry:
    phrase: str
    line: int
    aliases: list[str] = field(default_factory=list)
    codes: list[tuple[str, str | None, str | None]] = field(default_factory=list)


def parse_petrarch_actors(lines: Iterable[str]) -> tuple[list[_Entry], list[str]]:
    """Entries of a PETRARCH actor dictionary and the problems met (line-numbered)."""
    entries: list[_Entry] = []
    problems: list[str] = []
    current: _Entry | None = None
    for number, line in _dictionary_lines(lines):
        groups = _CODE_GROUP.findall(line)
        text = _CODE_GROUP.sub(" ", line).strip()
        if line[0] in " \t" and not text:
            target = current
        elif line.startswith("+"):
            if current is None:
                problems.append(f"line {number}: a synonym before any entry")
                continue
            if text[1:].strip():
                current.aliases.append(petrarch_phrase(text[1:]))
            target = current
        else:
            if "{" in text or "~" in line:
                problems.append(f"line {number}: looks like an agent entry in an actor dictionary")
                continue
            current = _Entry(petrarch_phrase(text), number)
            entries.append(current)
            target = current
        if target is None:
            problems.append(f"line {number}: a date restriction before any entry")
            continue
        for group in groups:
            try:
                restriction = _restriction(group)
            except ValueError as exc:
                problems.append(f"line {number}: [{group}]: {exc}")
                continue
            if restriction is not None:
                target.codes.append(restriction)
    return entries, problems


def _actor_kind(entry: _Entry) -> str:
    if any(start or end for _, start, end in entry.codes):
        return "person"
    if all(len(code) == 3 for code, _, _ in entry.codes):
        return "country"
    return "organisation"


def _is_agent_dictionary(lines: list[str]) -> bool:
    coded = [l for l in lines if _CODE_GROUP.search(_strip_comment(l))]
    return bool(coded) and sum("~" in l for l in coded) > len(coded) / 2


def parse_petrarch_agents(lines: Iterable[str]) -> tuple[list[dict[str, str]], list[str]]:
    """Rows for user_roles.tsv from a PETRARCH agent dictionary: ``PHRASE {PLURAL} [~CODE]``,
    with ``!MARKER! = A, B`` substitution sets expanded."""
    substitutions: dict[str, list[str]] = {}
    rows: list[dict[str, str]] = []
    problems: list[str] = []
    for number, line in _dictionary_lines(lines):
        marker = _SUBSTITUTION.match(line)
        if marker:
            substitutions[marker.group(1)] = [w.strip() for w in marker.group(2).split(",") if w.strip()]
            continue
        groups = _CODE_GROUP.findall(line)
        if len(groups) != 1 or "~" not in groups[0]:
            problems.append(f"line {number}: expected PHRASE [~CODE] or [CODE~]")
            continue
        code = groups[0].strip().replace("~", "")
        if not re.fullmatch(r"[A-Z0-9]{3,}", code):
            problems.append(f"line {number}: bad agent code {groups[0]!r}")
            continue
        sectors = " ".join(code[i:i + 3] for i in range(0, len(code), 3))
        text = _CODE_GROUP.sub(" ", line)
        plural = re.search(r"\{([^}]*)\}", text)
        phrase = re.sub(r"\{[^}]*\}", " ", text).strip()
        phrases = [phrase]
        if plural and plural.group(1).strip():
            phrases.append(plural.group(1).strip())
        for base in phrases:
            for variant in _expand_markers(base, substitutions):
                rows.append({"phrase": " ".join(w.lower() for w in re.split(r"[_\s]+", variant) if w),
                             "sectors": sectors, "office": "", "kind": ""})
    return rows, problems


def _expand_markers(phrase: str, substitutions: dict[str, list[str]]) -> list[str]:
    for marker, options in substitutions.items():
        if marker in phrase:
            return [v for option in options for v in _expand_markers(phrase.replace(marker, option, 1),
                                                                      substitutions)]
    return [phrase]


def import_petrarch_dictionary(path: str | Path, to: str | Path | None = None) -> ImportResult:
    """Write a PETRARCH actor or agent dictionary into the user's actor data. Rows imported
    earlier from a file of the same name are replaced, so importing twice changes nothing."""
    path = Path(path)
    result = ImportResult(str(path))
    folder = Path(to) if to is not None else user_data_dir()
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        result.error = f"{path}: {exc}"
        return result
    source = path.name
    if _is_agent_dictionary(lines):
        rows, problems = parse_petrarch_agents(lines)
        for row in rows:
            row["source"] = source
        target, columns = folder / USER_ROLES_FILE, USER_ROLE_COLUMNS
    else:
        entries, problems = parse_petrarch_actors(lines)
        rows = []
        for entry in entries:
            if not entry.codes:
                problems.append(f"line {entry.line}: {entry.phrase!r} has no code")
                continue
            aliases = "|".join(dict.fromkeys(a for a in entry.aliases if a != entry.phrase))
            kind = _actor_kind(entry)
            for code, start, end in dict.fromkeys(entry.codes):
                rows.append({"phrase": entry.phrase, "aliases": aliases, "code": code,
                             "start": start or "", "end": end or "", "kind": kind, "source": source})
        target, columns = folder / USER_ACTORS_FILE, USER_ACTOR_COLUMNS
    result.rows = len(rows)
    result.rejected = len(problems)
    result.problems = problems
    if not rows:
        result.error = f"{path}: no dictionary entries found" + (f" ({problems[0]})" if problems else "")
        return result
    kept = [r for r in _read_rows(target) if r.get("source") != source]
    previous = len(_read_rows(target)) - len(kept)
    _write_rows(target, columns, kept + rows)
    result.added = len(rows) - previous
    result.output = str(target)
    return result


def _read_rows(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with open(path, encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if line.strip() and not line.startswith("#"))
        return [dict(row) for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)]


def _write_rows(path: Path, columns: list[str], rows: list[dict[str, str]]) -> None:
    """Write atomically: a crash leaves the old file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    scratch = path.with_suffix(".tsv.tmp")
    with open(scratch, "w", encoding="utf-8", newline="") as handle:
        handle.write("# Imported by `comity import petrarch-dictionary`; see docs/store.md.\n")
        writer = csv.DictWriter(handle, fieldnames=columns, delimiter="\t", quoting=csv.QUOTE_NONE,
                                escapechar="\\", lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({c: (row.get(c) or "").replace("\t", " ") for c in columns})
    os.replace(scratch, path)


__all__ = ["ImportResult", "import_gdelt", "import_petrarch_dictionary", "parse_petrarch_actors",
           "parse_petrarch_agents", "petrarch_date", "petrarch_phrase", "user_data_dir",
           "USER_ACTOR_COLUMNS", "USER_ROLE_COLUMNS", "USER_ACTORS_FILE", "USER_ROLES_FILE"]
