"""The event store: a DuckDB database of documents, events, arms transfers and claims.

This module holds the schema and its migrations, ingest (coding documents and writing them in
one transaction per batch), and the detection of near-duplicate wire copies. Analysis lives in
:mod:`comity.analyse`, importers of other data sets in :mod:`comity.importers`.

Guarantees of :meth:`Store.ingest`:

* Idempotent: a document already stored with the same id and text hash is skipped, so
  ingesting a corpus twice leaves the same rows.
* Crash-safe: a document's row, its events, transfers, claims and fingerprint are written in the
  same transaction as the rest of its batch, so an interrupted ingest (Ctrl-C, kill -9) leaves
  whole batches or nothing; the rerun codes what is missing and duplicates nothing.
* Wire copies (one story reprinted by several outlets) are coded once: later copies are stored
  as ``duplicate`` documents pointing at the story, and the story's events carry the number of
  articles and sources, as GDELT's NumArticles and NumSources do.
"""
from __future__ import annotations

import hashlib
import json
import multiprocessing
import random
import re
import signal
import time
import unicodedata
from collections import deque
from dataclasses import dataclass, field
from datetime import date as Date
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Protocol, Sequence

import duckdb
import numpy as np
import pyarrow as pa

from .read import JSONL_SUFFIXES, READABLE_SUFFIXES, Rejected
from .records import Document, Transfer

#: Where the store lives unless ``--db`` says otherwise (the working directory).
DEFAULT_DB = "comity.duckdb"

#: Documents coded and committed together; one transaction per batch.
DEFAULT_BATCH_SIZE = 64

#: Document statuses.
CODED, DUPLICATE, FAILED = "coded", "duplicate", "failed"

# -- schema ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Migration:
    """One step of the schema. Never edit a released migration: add a new one."""

    version: int
    description: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "documents, events and the actors view", (
        """CREATE TABLE documents (
            id VARCHAR PRIMARY KEY,
            date DATE,
            source VARCHAR,
            sources VARCHAR[],
            url VARCHAR,
            title VARCHAR,
            path VARCHAR,
            text_hash VARCHAR,
            status VARCHAR NOT NULL,
            error VARCHAR,
            n_events INTEGER,
            ingested_at TIMESTAMP DEFAULT current_timestamp)""",
        """CREATE TABLE events (
            id VARCHAR PRIMARY KEY,
            origin VARCHAR NOT NULL,
            doc_id VARCHAR,
            date VARCHAR,
            source VARCHAR,
            target VARCHAR,
            source_country VARCHAR,
            target_country VARCHAR,
            source_text VARCHAR,
            target_text VARCHAR,
            cameo VARCHAR,
            root VARCHAR,
            quad_class INTEGER,
            goldstein DOUBLE,
            plover VARCHAR,
            sentence_index INTEGER,
            sentence VARCHAR,
            span INTEGER[],
            rule VARCHAR,
            trigger VARCHAR,
            modality VARCHAR,
            source_name VARCHAR,
            target_name VARCHAR,
            source_sectors VARCHAR[],
            target_sectors VARCHAR[],
            location VARCHAR,
            location_country VARCHAR,
            doc_date VARCHAR,
            url VARCHAR,
            num_mentions INTEGER DEFAULT 1,
            num_sources INTEGER DEFAULT 1,
            num_articles INTEGER DEFAULT 1,
            avg_tone DOUBLE)""",
        "CREATE INDEX events_doc_id ON events (doc_id)",
        # A view, not a table: it can never disagree with the events it summarises.
        """CREATE VIEW actors AS
            SELECT code, country, name, count(*) AS events, count(DISTINCT doc_id) AS documents,
                   min(day) AS first_seen, max(day) AS last_seen
            FROM (SELECT source AS code, source_country AS country, source_name AS name,
                         coalesce(date, doc_date) AS day, doc_id FROM events WHERE source IS NOT NULL
                  UNION ALL
                  SELECT target, target_country, target_name, coalesce(date, doc_date), doc_id
                  FROM events WHERE target IS NOT NULL)
            GROUP BY code, country, name""",
    )),
    Migration(2, "arms transfers: per-document reports and the merged register", (
        """CREATE TABLE transfer_reports (
            id VARCHAR PRIMARY KEY,
            doc_id VARCHAR NOT NULL,
            doc_date DATE,
            supplier VARCHAR,
            recipient VARCHAR,
            system VARCHAR,
            designation VARCHAR,
            category VARCHAR,
            stage VARCHAR,
            quantity INTEGER,
            value DOUBLE,
            currency VARCHAR,
            value_usd DOUBLE,
            year INTEGER,
            sentence VARCHAR,
            span INTEGER[],
            sentence_index INTEGER,
            maker VARCHAR,
            sources VARCHAR)""",
        "CREATE INDEX transfer_reports_doc_id ON transfer_reports (doc_id)",
        """CREATE TABLE transfers (
            id VARCHAR PRIMARY KEY,
            doc_id VARCHAR,
            supplier VARCHAR,
            recipient VARCHAR,
            system VARCHAR,
            designation VARCHAR,
            category VARCHAR,
            stage VARCHAR,
            quantity INTEGER,
            value DOUBLE,
            currency VARCHAR,
            value_usd DOUBLE,
            year INTEGER,
            sentence VARCHAR,
            span INTEGER[],
            sentence_index INTEGER,
            maker VARCHAR,
            sources VARCHAR,
            first_reported DATE,
            reports INTEGER)""",
    )),
    Migration(3, "claims about relationship levels stated in articles", (
        """CREATE TABLE claims (
            id VARCHAR PRIMARY KEY,
            doc_id VARCHAR NOT NULL,
            date VARCHAR,
            speaker VARCHAR,
            speaker_name VARCHAR,
            speaker_country VARCHAR,
            dyad_a VARCHAR,
            dyad_b VARCHAR,
            level VARCHAR,
            direction VARCHAR,
            topic VARCHAR,
            since INTEGER,
            sentence VARCHAR,
            sentence_index INTEGER,
            span INTEGER[])""",
        "CREATE INDEX claims_doc_id ON claims (doc_id)",
    )),
    Migration(4, "near-duplicate wire copies: stories and MinHash fingerprints", (
        "ALTER TABLE documents ADD COLUMN story_id VARCHAR",
        "ALTER TABLE documents ADD COLUMN similarity DOUBLE",
        # Every document stored before copies were detected is its own story.
        f"UPDATE documents SET story_id = id WHERE status <> '{FAILED}'",
        """CREATE TABLE fingerprints (
            doc_id VARCHAR PRIMARY KEY,
            n_shingles INTEGER NOT NULL,
            minhash UINTEGER[] NOT NULL)""",
        "CREATE TABLE lsh_buckets (band UTINYINT NOT NULL, bucket BIGINT NOT NULL, doc_id VARCHAR NOT NULL)",
    )),
    Migration(5, "a log of imported files", (
        """CREATE TABLE imports (
            path VARCHAR NOT NULL,
            kind VARCHAR NOT NULL,
            rows INTEGER,
            rejected INTEGER,
            imported_at TIMESTAMP DEFAULT current_timestamp)""",
    )),
    Migration(6, "what fixed each event's date", (
        # Rows stored before had no record of it; NULL says so rather than guessing.
        "ALTER TABLE events ADD COLUMN date_basis VARCHAR",
    )),
    Migration(7, "the name a transfer's report gave its system", (
        # Reports stored before kept only the designation; NULL says the name was not recorded.
        "ALTER TABLE transfer_reports ADD COLUMN reported_as VARCHAR",
        "ALTER TABLE transfers ADD COLUMN reported_as VARCHAR",
    )),
)

SCHEMA_VERSION = MIGRATIONS[-1].version


class StoreError(RuntimeError):
    """A store that cannot be opened or used as asked."""


def scalar(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] | dict = ()) -> Any:
    """The single value of a query. Fetches every row: DuckDB refuses other work on a
    connection (registering an Arrow table) while a result is unfinished."""
    rows = con.execute(sql, params if isinstance(params, dict) else list(params)).fetchall()
    return rows[0][0] if rows else None


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    """The schema version of an open database; 0 for an empty one."""
    exists = scalar(con, "SELECT count(*) FROM information_schema.tables "
                         "WHERE table_name = 'schema_version'")
    if not exists:
        return 0
    return scalar(con, "SELECT max(version) FROM schema_version") or 0


def migrate(con: duckdb.DuckDBPyConnection,
            migrations: Sequence[Migration] = MIGRATIONS) -> list[int]:
    """Bring a database up to the last of ``migrations``, one transaction per step; return the
    versions applied. A database newer than this comity is refused rather than guessed at."""
    current = schema_version(con)
    latest = migrations[-1].version if migrations else 0
    if current > latest:
        raise StoreError(f"this database has schema version {current}, newer than this comity "
                         f"understands ({latest}); upgrade comity to open it")
    if current == latest:
        return []
    con.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                "version INTEGER NOT NULL, description VARCHAR, "
                "applied_at TIMESTAMP DEFAULT current_timestamp)")
    applied = []
    for migration in migrations:
        if migration.version <= current:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            for statement in migration.statements:
                con.execute(statement)
            con.execute("INSERT INTO schema_version (version, description) VALUES (?, ?)",
                        [migration.version, migration.description])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        applied.append(migration.version)
    return applied


# -- the columns each table takes from Python records ---------------------------------------

_S, _I, _F, _D = pa.string(), pa.int64(), pa.float64(), pa.date32()
_STRINGS, _INTS = pa.list_(pa.string()), pa.list_(pa.int64())

#: Arrow schemas of the rows the store writes; names are the table's columns.
ROW_SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema([
        ("id", _S), ("date", _D), ("source", _S), ("sources", _STRINGS), ("url", _S), ("title", _S),
        ("path", _S), ("text_hash", _S), ("status", _S), ("error", _S), ("n_events", _I),
        ("story_id", _S), ("similarity", _F)]),
    "events": pa.schema([
        ("id", _S), ("origin", _S), ("doc_id", _S), ("date", _S), ("source", _S), ("target", _S),
        ("source_country", _S), ("target_country", _S), ("source_text", _S), ("target_text", _S),
        ("cameo", _S), ("root", _S), ("quad_class", _I), ("goldstein", _F), ("plover", _S),
        ("sentence_index", _I), ("sentence", _S), ("span", _INTS), ("rule", _S), ("trigger", _S),
        ("modality", _S), ("source_name", _S), ("target_name", _S), ("source_sectors", _STRINGS),
        ("target_sectors", _STRINGS), ("location", _S), ("location_country", _S), ("doc_date", _S),
        ("date_basis", _S), ("url", _S), ("num_mentions", _I), ("num_sources", _I), ("num_articles", _I),
        ("avg_tone", _F)]),
    "transfer_reports": pa.schema([
        ("id", _S), ("doc_id", _S), ("doc_date", _D), ("supplier", _S), ("recipient", _S),
        ("system", _S), ("designation", _S), ("category", _S), ("stage", _S), ("quantity", _I), ("value", _F),
        ("currency", _S), ("value_usd", _F), ("year", _I), ("sentence", _S), ("span", _INTS),
        ("sentence_index", _I), ("maker", _S), ("sources", _S), ("reported_as", _S)]),
    "transfers": pa.schema([
        ("id", _S), ("doc_id", _S), ("supplier", _S), ("recipient", _S), ("system", _S),
        ("designation", _S), ("category", _S), ("stage", _S), ("quantity", _I), ("value", _F), ("currency", _S),
        ("value_usd", _F), ("year", _I), ("sentence", _S), ("span", _INTS), ("sentence_index", _I),
        ("maker", _S), ("sources", _S), ("first_reported", _D), ("reports", _I), ("reported_as", _S)]),
    "claims": pa.schema([
        ("id", _S), ("doc_id", _S), ("date", _S), ("speaker", _S), ("speaker_name", _S),
        ("speaker_country", _S), ("dyad_a", _S), ("dyad_b", _S), ("level", _S), ("direction", _S),
        ("topic", _S), ("since", _I), ("sentence", _S), ("sentence_index", _I), ("span", _INTS)]),
    "fingerprints": pa.schema([("doc_id", _S), ("n_shingles", _I), ("minhash", _INTS)]),
    "lsh_buckets": pa.schema([("band", _I), ("bucket", _I), ("doc_id", _S)]),
}


def _stable_id(*parts: Any) -> str:
    return hashlib.sha1("|".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]


def text_hash(text: str) -> str:
    """The hash that tells whether a stored document's text changed."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _as_date(value: Any) -> Date | None:
    if value is None or value == "":
        return None
    if isinstance(value, Date):
        return value
    text = str(value)
    try:
        return Date.fromisoformat(text[:10])
    except ValueError:
        return None


def event_row(event: dict[str, Any], origin: str = "comity") -> dict[str, Any]:
    """An event dict (``Event.to_dict()``, or a row read back) as a row of the events table."""
    row = {name: event.get(name) for name in ROW_SCHEMAS["events"].names}
    row["origin"] = event.get("origin") or origin
    if not row["id"]:
        from .records import event_id

        row["id"] = event_id(event)
    for key in ("source_sectors", "target_sectors"):
        row[key] = list(row[key] or [])
    if row["span"] is not None:
        row["span"] = list(row["span"])
    for key in ("num_mentions", "num_sources", "num_articles"):
        if row[key] is None:
            row[key] = 1
    return row


def transfer_row(transfer: dict[str, Any], doc_date: Any = None) -> dict[str, Any]:
    """A transfer record (``Transfer.to_dict()``) as a row of the transfer tables."""
    row = dict(transfer)
    row["span"] = list(row.get("span") or [0, 0])
    sources = row.get("sources")
    row["sources"] = json.dumps(sources, ensure_ascii=False, default=str) if sources else None
    row["doc_date"] = _as_date(doc_date if doc_date is not None else row.get("doc_date"))
    if not row.get("id"):
        row["id"] = _stable_id(row.get("doc_id"), row.get("sentence_index"), row["span"],
                               row.get("system"), row.get("supplier"), row.get("recipient"),
                               row.get("stage"))
    return row


def claim_row(claim: dict[str, Any]) -> dict[str, Any]:
    """A claim dict (from :func:`comity.claims.extract_claims`) as a row of the claims table."""
    row = dict(claim)
    dyad = list(claim.get("dyad") or [None, None]) + [None, None]
    row["dyad_a"], row["dyad_b"] = dyad[0], dyad[1]
    row["span"] = list(claim.get("span") or [])
    if not row.get("id"):
        row["id"] = _stable_id(row.get("doc_id"), row.get("sentence_index"), row["span"],
                               row.get("level"))
    return row


# -- near-duplicate detection ---------------------------------------------------------------

#: Words per shingle, MinHash permutations, and LSH bands (each of NUM_HASHES // BANDS rows).
#: These and the seed below are part of the stored data: changing them makes the fingerprints
#: of an existing store incomparable with new ones.
SHINGLE_WORDS = 5
NUM_HASHES = 64
BANDS = 16
_ROWS = NUM_HASHES // BANDS
_PRIME = (1 << 31) - 1          # a, b, x < 2**31, so a * x + b fits in 64 bits
_permutations = random.Random(20181213)
_A = np.array([_permutations.randrange(1, _PRIME) for _ in range(NUM_HASHES)], dtype=np.uint64)
_B = np.array([_permutations.randrange(0, _PRIME) for _ in range(NUM_HASHES)], dtype=np.uint64)

#: A copy is a document whose shingles lie this much inside an earlier story's (containment,
#: so that a reprint trimmed of its last paragraphs still counts).
COPY_CONTAINMENT = 0.8
#: Below this many shingles (about 25 words) only identical texts count as copies: short texts
#: share too much boilerplate to be compared by overlap.
MIN_SHINGLES_FOR_NEAR_COPY = 20

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """A document's MinHash signature and its LSH band buckets."""

    n_shingles: int
    minhash: tuple[int, ...]
    buckets: tuple[int, ...]

    def similarity(self, other: "Fingerprint") -> float:
        """Estimated containment of the smaller shingle set in the larger one."""
        if self.minhash == other.minhash:
            return 1.0
        if min(self.n_shingles, other.n_shingles) < MIN_SHINGLES_FOR_NEAR_COPY:
            return 0.0
        jaccard = sum(a == b for a, b in zip(self.minhash, other.minhash)) / NUM_HASHES
        if jaccard == 0:
            return 0.0
        small, large = sorted((self.n_shingles, other.n_shingles))
        return min(1.0, jaccard * (small + large) / ((1 + jaccard) * small))


def fingerprint(text: str) -> Fingerprint:
    """The MinHash fingerprint of a text's word 5-shingles (case, accents and punctuation
    ignored, so that a reprint with another dateline or quote style still matches)."""
    normal = unicodedata.normalize("NFKD", text.lower())
    words = _WORD.findall("".join(c for c in normal if not unicodedata.combining(c)))
    if not words:
        words = [""]
    width = min(SHINGLE_WORDS, len(words))
    shingles = {" ".join(words[i:i + width]) for i in range(len(words) - width + 1)}
    hashes = np.fromiter(
        (int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest(), "little") % _PRIME
         for s in shingles), dtype=np.uint64, count=len(shingles))
    minhash = ((_A[:, None] * hashes[None, :] + _B[:, None]) % np.uint64(_PRIME)).min(axis=1)
    values = tuple(int(v) for v in minhash)
    buckets = []
    for band in range(BANDS):
        chunk = values[band * _ROWS:(band + 1) * _ROWS]
        digest = hashlib.blake2b(repr((band, chunk)).encode(), digest_size=8).digest()
        buckets.append(int.from_bytes(digest, "little", signed=True))
    return Fingerprint(len(shingles), values, tuple(buckets))


# -- coding -----------------------------------------------------------------------------------


class DocumentCoder(Protocol):
    """What ingest needs of a coder: :class:`comity.pipeline.Coder` or a stand-in."""

    def code(self, items: Iterable[Document | Rejected]) -> Iterator[Any]: ...


@dataclass
class CodedRows:
    """One document's coding as plain rows, cheap to send from a worker process."""

    doc_id: str
    sources: list[str] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    transfers: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None


def coded_rows(result: Any) -> CodedRows:
    """A :class:`~comity.pipeline.CodedDocument` or a :class:`Rejected` as rows."""
    if isinstance(result, Rejected):
        return CodedRows(doc_id=result.id, error=result.error)
    document = result.document
    events = []
    for event in result.events:
        record = event.to_dict()
        if document.url:
            record["url"] = document.url
        events.append(record)
    transfers = [t.to_dict() if hasattr(t, "to_dict") else dict(t) for t in result.transfers]
    claims = [dict(c) for c in (getattr(result, "claims", None) or [])]
    return CodedRows(document.id, list(document.sources), events, transfers, claims)


def code_batch(coder: DocumentCoder, documents: list[Document]) -> list[CodedRows]:
    """Code documents; one CodedRows per document, in order, failures included."""
    results = [coded_rows(r) for r in coder.code(documents)]
    by_id = {rows.doc_id: rows for rows in results}
    coded = []
    for document in documents:
        rows = by_id.get(document.id)
        if rows is None:   # a coder that dropped a document must not lose it silently
            rows = CodedRows(document.id, error="the coder returned nothing for this document")
        coded.append(rows)
    return coded


_WORKER_CODER: DocumentCoder | None = None


def _start_worker(factory: Callable[[], DocumentCoder] | None) -> None:
    """Worker initialiser: ignore Ctrl-C (the parent handles it) and load one coder."""
    global _WORKER_CODER
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if factory is None:
        from .pipeline import Coder

        factory = Coder
    _WORKER_CODER = factory()


def _code_in_worker(documents: list[Document]) -> list[CodedRows]:
    assert _WORKER_CODER is not None
    return code_batch(_WORKER_CODER, documents)


# -- ingest -----------------------------------------------------------------------------------


@dataclass
class IngestReport:
    """What an ingest did. ``done`` counts every input item, whatever became of it."""

    read: int = 0
    skipped: int = 0
    coded: int = 0
    updated: int = 0
    copies: int = 0
    failed: int = 0
    events: int = 0
    transfers: int = 0
    claims: int = 0
    seconds: float = 0.0
    errors: list[tuple[str, str]] = field(default_factory=list)

    @property
    def done(self) -> int:
        return self.skipped + self.coded + self.copies + self.failed

    @property
    def rate(self) -> float:
        return self.done / self.seconds if self.seconds else 0.0


@dataclass
class _Item:
    """One input on its way through ingest: what to do with it and what is known of it."""

    action: str                        # "code", "copy" or "fail"
    document: Document | None = None
    doc_id: str = ""
    error: str | None = None
    path: str | None = None
    text_hash: str | None = None
    source: str | None = None          # the publishing source, as read (before coding adds agencies)
    fingerprint: Fingerprint | None = None
    story_id: str | None = None
    similarity: float | None = None
    replaces: bool = False             # the id is stored with another text: replace it
    write_row: bool = True


class Store:
    """An open event store. Use :meth:`open`; close it (or use ``with``) when done."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str):
        self.con = con
        self.path = path

    # -- opening ----------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path = DEFAULT_DB, read_only: bool = False,
             create: bool = True) -> "Store":
        """Open a store, creating it when ``create`` and migrating an older schema."""
        path = str(path)
        if path != ":memory:" and not Path(path).exists():
            if not create or read_only:
                raise StoreError(f"no database at {path}; create one with `comity ingest` "
                                 "or `comity import`")
        try:
            if read_only:
                con = duckdb.connect(path, read_only=True)
                version = schema_version(con)
                if version < SCHEMA_VERSION:
                    # Reading needs the current schema: migrate once, then read.
                    con.close()
                    cls.open(path).close()
                    con = duckdb.connect(path, read_only=True)
                elif version > SCHEMA_VERSION:
                    con.close()
                    raise StoreError(f"this database has schema version {version}, newer than this "
                                     f"comity understands ({SCHEMA_VERSION}); upgrade comity to open it")
                return cls(con, path)
            con = duckdb.connect(path)
        except duckdb.IOException as exc:
            raise StoreError(f"cannot open {path}: {exc}") from None
        try:
            migrate(con)
        except Exception:
            con.close()
            raise
        return cls(con, path)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # -- writing rows -----------------------------------------------------------------------
    def insert(self, table: str, rows: list[dict[str, Any]], mode: str = "OR IGNORE") -> int:
        """Bulk-insert dict rows through Arrow; ``mode`` is ``OR IGNORE`` (keep what is stored),
        ``OR REPLACE`` or ``""`` (fail on a duplicate key)."""
        if not rows:
            return 0
        schema = ROW_SCHEMAS[table]
        batch = pa.Table.from_pylist([{name: row.get(name) for name in schema.names} for row in rows],
                                     schema=schema)
        view = f"_incoming_{table}"
        self.con.register(view, batch)
        try:
            columns = ", ".join(schema.names)
            self.con.execute(f"INSERT {mode} INTO {table} ({columns}) SELECT {columns} FROM {view}")
        finally:
            self.con.unregister(view)
        return len(rows)

    def add_events(self, events: Iterable[dict[str, Any]], origin: str = "comity") -> int:
        """Store event dicts (from ``comity code`` or built by hand) in one transaction; events
        already stored (same id) are kept as they are."""
        rows = [event_row(e, origin) for e in events]
        with self.transaction():
            return self.insert("events", rows)

    def add_transfers(self, transfers: Iterable[dict[str, Any]]) -> int:
        """Store per-document transfer records and rebuild the merged register."""
        rows = [transfer_row(t) for t in transfers]
        with self.transaction():
            self.insert("transfer_reports", rows)
            self._rebuild_register()
        return len(rows)

    def add_claims(self, claims: Iterable[dict[str, Any]]) -> int:
        rows = [claim_row(c) for c in claims]
        with self.transaction():
            return self.insert("claims", rows)

    def transaction(self) -> "_Transaction":
        return _Transaction(self.con)

    # -- reading ----------------------------------------------------------------------------
    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """The rows of a query as dicts."""
        cursor = self.con.execute(sql, list(params))
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """The single value of a query."""
        return scalar(self.con, sql, params)

    def events(self, where: str = "", params: Sequence[Any] = ()) -> Iterator[dict[str, Any]]:
        """Stored events as dicts with the jsonl field names, in a stable order."""
        sql = f"SELECT * FROM events {('WHERE ' + where) if where else ''} " \
              "ORDER BY coalesce(date, doc_date), doc_id, sentence_index, id"
        # A cursor of its own, so the caller may use the store while iterating.
        cursor = self.con.cursor()
        try:
            cursor.execute(sql, list(params))
            names = [d[0] for d in cursor.description]
            while True:
                chunk = cursor.fetchmany(1000)
                if not chunk:
                    return
                for row in chunk:
                    yield dict(zip(names, row))
        finally:
            cursor.close()

    def counts(self) -> dict[str, int]:
        """Rows per table, and documents per status."""
        counts = {table: self.scalar(f"SELECT count(*) FROM {table}")
                  for table in ("documents", "events", "transfer_reports", "transfers", "claims")}
        for status, n in self.con.execute("SELECT status, count(*) FROM documents GROUP BY status").fetchall():
            counts[f"documents_{status}"] = n
        return counts

    # -- ingest -----------------------------------------------------------------------------
    def ingest(self, items: Iterable[Document | Rejected], *, coder: DocumentCoder | None = None,
               coder_factory: Callable[[], DocumentCoder] | None = None, workers: int = 1,
               batch_size: int = DEFAULT_BATCH_SIZE, near_duplicates: bool = True,
               retry_failed: bool = False,
               on_progress: Callable[[IngestReport], None] | None = None) -> IngestReport:
        """Code and store documents (see the module docstring for the guarantees).

        ``coder`` codes in this process; with ``workers`` > 1 each worker process builds its own
        from ``coder_factory`` (default: :class:`comity.pipeline.Coder`) and this process alone
        writes. A KeyboardInterrupt leaves every committed batch in place and is re-raised.
        """
        report = IngestReport()
        started = time.monotonic()
        triage = _Triage(self, near_duplicates, retry_failed, report)

        def progress() -> None:
            report.seconds = time.monotonic() - started
            if on_progress is not None:
                on_progress(report)

        if workers <= 1:
            local: list[DocumentCoder | None] = [coder]
            for chunk in triage.chunks(items, batch_size):
                documents = [item.document for item in chunk if item.action == "code"]
                coded: list[CodedRows] = []
                if documents:
                    if local[0] is None:   # loaded only when something needs coding
                        local[0] = coder_factory() if coder_factory else _default_coder()
                    coded = code_batch(local[0], documents)
                self._write(chunk, coded, report)
                triage.committed(chunk)
                progress()
        else:
            self._ingest_in_pool(triage, items, batch_size, workers, coder_factory, report, progress)
        report.seconds = time.monotonic() - started
        return report

    def _ingest_in_pool(self, triage: "_Triage", items: Iterable[Document | Rejected],
                        batch_size: int, workers: int,
                        coder_factory: Callable[[], DocumentCoder] | None,
                        report: IngestReport, progress: Callable[[], None]) -> None:
        # "spawn": a fork of a process holding DuckDB's threads could deadlock.
        context = multiprocessing.get_context("spawn")
        pool = None
        pending: deque[tuple[list[_Item], Any]] = deque()
        try:
            for chunk in triage.chunks(items, batch_size):
                documents = [item.document for item in chunk if item.action == "code"]
                if documents and pool is None:
                    pool = context.Pool(workers, initializer=_start_worker, initargs=(coder_factory,))
                job = pool.apply_async(_code_in_worker, (documents,)) if documents else None
                pending.append((chunk, job))
                # A bounded window keeps memory flat and commits in input order.
                while len(pending) > 2 * workers or (pending and pending[0][1] is None):
                    done_chunk, done_job = pending.popleft()
                    self._write(done_chunk, done_job.get() if done_job else [], report)
                    triage.committed(done_chunk)
                    progress()
            while pending:
                done_chunk, done_job = pending.popleft()
                self._write(done_chunk, done_job.get() if done_job else [], report)
                triage.committed(done_chunk)
                progress()
        finally:
            if pool is not None:
                pool.terminate()
                pool.join()

    def _write(self, chunk: list[_Item], coded: list[CodedRows], report: IngestReport) -> None:
        """Write one batch in one transaction."""
        if not chunk:      # every input of the batch was stored already
            return
        results = {rows.doc_id: rows for rows in coded}
        documents, events, reports, claims, prints, buckets = [], [], [], [], [], []
        replaced: list[str] = []
        repoint: list[tuple[str, str]] = []
        stories: set[str] = set()
        outcome: list[tuple[_Item, str]] = []
        for item in chunk:
            if item.replaces:
                replaced.append(item.doc_id)
            row = _document_row(item)
            if item.action == "fail":
                if item.write_row:
                    documents.append(row)
                outcome.append((item, FAILED))
                continue
            if item.action == "copy":
                documents.append(row)
                stories.add(item.story_id)
                if item.replaces:
                    repoint.append((item.doc_id, item.story_id))
                outcome.append((item, DUPLICATE))
                continue
            rows = results.get(item.doc_id) or CodedRows(item.doc_id, error="not coded")
            if rows.sources:
                row["sources"] = rows.sources
            if rows.error is not None:
                row.update(status=FAILED, error=rows.error, story_id=None)
                documents.append(row)
                outcome.append((item, FAILED))
                continue
            row["n_events"] = len(rows.events)
            documents.append(row)
            stories.add(item.doc_id)
            doc_date = item.document.date if item.document else None
            events.extend(event_row(e) for e in rows.events)
            reports.extend(transfer_row(t, doc_date) for t in rows.transfers)
            claims.extend(claim_row({**c, "doc_id": c.get("doc_id") or item.doc_id}) for c in rows.claims)
            if item.fingerprint is not None:
                prints.append({"doc_id": item.doc_id, "n_shingles": item.fingerprint.n_shingles,
                               "minhash": list(item.fingerprint.minhash)})
                buckets.extend({"band": band, "bucket": bucket, "doc_id": item.doc_id}
                               for band, bucket in enumerate(item.fingerprint.buckets))
            outcome.append((item, CODED))

        with self.transaction():
            if replaced:
                self._forget(replaced)
            for old, new in repoint:
                self.con.execute("UPDATE documents SET story_id = ? WHERE story_id = ? AND id <> ?",
                                 [new, old, old])
            self.insert("documents", documents, mode="OR REPLACE")
            self.insert("events", events)
            self.insert("transfer_reports", reports)
            self.insert("claims", claims)
            self.insert("fingerprints", prints, mode="OR REPLACE")
            self.insert("lsh_buckets", buckets, mode="")
            if stories:
                self._count_copies(sorted(stories))
            if reports or replaced:
                self._rebuild_register()

        # Counted only once the batch is committed.
        for item, status in outcome:
            if status == FAILED:
                report.failed += 1
                report.errors.append((item.doc_id, _failure(item, results)))
            elif status == DUPLICATE:
                report.copies += 1
            elif item.replaces:
                report.updated += 1
            else:
                report.coded += 1
        report.events += len(events)
        report.transfers += len(reports)
        report.claims += len(claims)

    def _forget(self, doc_ids: list[str]) -> None:
        """Remove what was derived from documents about to be replaced."""
        self.con.register("_replaced", pa.table({"doc_id": doc_ids}))
        try:
            for table in ("events", "transfer_reports", "claims", "fingerprints", "lsh_buckets"):
                self.con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT doc_id FROM _replaced)")
        finally:
            self.con.unregister("_replaced")

    def _count_copies(self, story_ids: list[str]) -> None:
        """Set NumArticles and NumSources of the stories' events from their documents. A
        document without a named source counts as a source of its own."""
        self.con.register("_stories", pa.table({"story_id": story_ids}))
        try:
            self.con.execute(f"""
                UPDATE events SET num_articles = c.articles, num_sources = c.sources
                FROM (SELECT story_id, count(*) AS articles,
                             count(DISTINCT coalesce(source, 'document:' || id)) AS sources
                      FROM documents
                      WHERE story_id IN (SELECT story_id FROM _stories) AND status <> '{FAILED}'
                      GROUP BY story_id) AS c
                WHERE events.doc_id = c.story_id AND events.origin = 'comity'""")
        finally:
            self.con.unregister("_stories")

    def _rebuild_register(self) -> None:
        """The merged transfer register, rebuilt from every report in the same transaction, so
        it always agrees with the reports."""
        reports = self.rows("SELECT * FROM transfer_reports ORDER BY doc_date NULLS LAST, doc_id, sentence_index")
        dates = {}
        for report in reports:
            if report["doc_date"] is not None:
                dates.setdefault(report["doc_id"], report["doc_date"])
        merged = merge_reports(reports)
        rows = []
        for transfer in merged:
            record = transfer.to_dict()
            doc_ids = {record.get("doc_id")} | {s.get("doc_id") for s in record.get("sources") or []
                                                 if isinstance(s, dict)}
            doc_ids.discard(None)
            reported = [dates[d] for d in doc_ids if d in dates]
            row = transfer_row({**record, "id": _deal_id(record)})
            row["first_reported"] = min(reported) if reported else None
            row["reports"] = max(1, len(doc_ids))
            rows.append(row)
        self.con.execute("DELETE FROM transfers")
        self.insert("transfers", rows, mode="OR REPLACE")


def merge_reports(reports: list[dict[str, Any]]) -> list[Transfer]:
    """Per-document transfer reports merged into deals by :func:`comity.transfers.merge_transfers`;
    while that is not available, every report stands for its own deal."""
    fields = Transfer.__dataclass_fields__
    transfers = []
    for report in reports:
        values = {k: v for k, v in report.items() if k in fields}
        values["span"] = tuple(values.get("span") or (0, 0))
        values["sources"] = json.loads(report["sources"]) if report.get("sources") else []
        if isinstance(values.get("doc_date"), Date):
            values["doc_date"] = values["doc_date"].isoformat()
        transfers.append(Transfer(**values))
    try:
        from .transfers import merge_transfers
    except ImportError:
        return transfers
    return list(merge_transfers(transfers))


def _deal_id(record: dict[str, Any]) -> str:
    """The register's id of a deal: the transfer module's (same supplier, recipient and
    system give the same id) when it has one."""
    try:
        from .transfers import transfer_id
    except ImportError:
        return _stable_id(record.get("supplier"), record.get("recipient"), record.get("system"))
    return transfer_id(record)


class _Transaction:
    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.con = con

    def __enter__(self) -> None:
        self.con.execute("BEGIN TRANSACTION")

    def __exit__(self, kind: Any, value: Any, traceback: Any) -> None:
        if kind is None:
            self.con.execute("COMMIT")
        else:
            self.con.execute("ROLLBACK")


def _document_row(item: _Item) -> dict[str, Any]:
    document = item.document
    status = {"fail": FAILED, "copy": DUPLICATE, "code": CODED}[item.action]
    row: dict[str, Any] = {"id": item.doc_id, "status": status, "error": item.error,
                           "text_hash": item.text_hash, "source": item.source,
                           "path": item.path, "story_id": None, "similarity": item.similarity,
                           "sources": [], "n_events": None}
    if document is not None:
        row.update(date=_as_date(document.date), sources=list(document.sources), url=document.url,
                   title=document.title, path=document.path)
    if item.action == "copy":
        row.update(story_id=item.story_id, n_events=0)
    elif item.action == "code":
        row["story_id"] = item.doc_id
    return row


def _failure(item: _Item, results: dict[str, CodedRows]) -> str:
    if item.error:
        return item.error
    rows = results.get(item.doc_id)
    return rows.error if rows is not None and rows.error else "failed"


def _default_coder() -> DocumentCoder:
    from .pipeline import default_coder

    return default_coder()


class _Triage:
    """Decides, before any coding, what becomes of each input: skipped (stored already),
    a copy of a stored or earlier story, a failure, or a document to code."""

    def __init__(self, store: Store, near_duplicates: bool, retry_failed: bool, report: IngestReport):
        self.store = store
        self.con = store.con
        self.near_duplicates = near_duplicates
        self.retry_failed = retry_failed
        self.report = report
        self.seen: dict[str, str | None] = {}                # id -> text hash, this run
        self.run_buckets: dict[tuple[int, int], list[str]] = {}
        self.run_prints: dict[str, Fingerprint] = {}

    def chunks(self, items: Iterable[Document | Rejected], size: int) -> Iterator[list[_Item]]:
        """Batches of triaged inputs; a batch may be empty when all of it was stored already
        (it still marks progress)."""
        batch: list[Document | Rejected] = []
        for item in items:
            batch.append(item)
            if len(batch) >= size:
                yield self._triage(batch)
                batch = []
        if batch:
            yield self._triage(batch)

    def committed(self, chunk: list[_Item]) -> None:
        """Stories of a committed batch are found through the database from now on: drop them
        from the in-memory index, which only has to cover batches still in flight."""
        for item in chunk:
            print_ = self.run_prints.pop(item.doc_id, None)
            if print_ is None:
                continue
            for band, bucket in enumerate(print_.buckets):
                holders = self.run_buckets.get((band, bucket))
                if holders and item.doc_id in holders:
                    holders.remove(item.doc_id)
                    if not holders:
                        del self.run_buckets[(band, bucket)]

    def _triage(self, batch: list[Document | Rejected]) -> list[_Item]:
        self.report.read += len(batch)
        ids = [item.id for item in batch]
        stored = {row[0]: (row[1], row[2]) for row in self._lookup(
            "SELECT d.id, d.text_hash, d.status FROM documents d JOIN _ids USING (id)", ids)}
        out: list[_Item] = []
        pending_prints: list[tuple[_Item, Fingerprint]] = []
        for item in batch:
            if isinstance(item, Rejected):
                # A file that once read well and now fails must not erase what was stored.
                keep = item.id in stored and stored[item.id][1] != FAILED
                out.append(_Item("fail", doc_id=item.id, error=item.error, path=item.path,
                                 write_row=not keep and item.id not in self.seen))
                self.seen.setdefault(item.id, None)
                continue
            digest = text_hash(item.text)
            if item.id in self.seen:
                if self.seen[item.id] != digest:
                    out.append(_Item("fail", doc_id=item.id, path=item.path, write_row=False,
                                     error=f"id {item.id!r} is used by another document earlier in "
                                           "this ingest; give the documents distinct ids"))
                else:
                    self.report.skipped += 1
                continue
            self.seen[item.id] = digest
            previous = stored.get(item.id)
            if previous is not None and previous[0] == digest and not (
                    self.retry_failed and previous[1] == FAILED):
                self.report.skipped += 1
                continue
            entry = _Item("code", document=item, doc_id=item.id, path=item.path, text_hash=digest,
                          source=item.sources[0] if item.sources else None,
                          replaces=previous is not None)
            if self.near_duplicates:
                entry.fingerprint = fingerprint(item.text)
                pending_prints.append((entry, entry.fingerprint))
            out.append(entry)
        if pending_prints:
            self._find_copies(pending_prints)
        return out

    def _find_copies(self, pending: list[tuple[_Item, Fingerprint]]) -> None:
        """Mark documents that copy a stored story or one met earlier in this run."""
        rows = [{"doc_id": item.doc_id, "band": band, "bucket": bucket}
                for item, print_ in pending for band, bucket in enumerate(print_.buckets)]
        table = pa.Table.from_pylist(rows, schema=pa.schema([("doc_id", _S), ("band", _I), ("bucket", _I)]))
        self.con.register("_incoming_buckets", table)
        try:
            pairs = self.con.execute(
                "SELECT DISTINCT i.doc_id, b.doc_id FROM _incoming_buckets i "
                "JOIN lsh_buckets b ON b.band = i.band AND b.bucket = i.bucket "
                "WHERE b.doc_id <> i.doc_id").fetchall()
        finally:
            self.con.unregister("_incoming_buckets")
        stored_candidates: dict[str, set[str]] = {}
        for new, old in pairs:
            stored_candidates.setdefault(new, set()).add(old)
        wanted = sorted({old for olds in stored_candidates.values() for old in olds})
        stored_prints = {row[0]: Fingerprint(row[1], tuple(row[2]), ()) for row in self._lookup(
            "SELECT f.doc_id, f.n_shingles, f.minhash FROM fingerprints f "
            "JOIN _ids ON f.doc_id = _ids.id", wanted)} if wanted else {}
        for item, print_ in pending:
            candidates = {c: stored_prints[c] for c in stored_candidates.get(item.doc_id, ())
                          if c in stored_prints}
            for band, bucket in enumerate(print_.buckets):
                for other in self.run_buckets.get((band, bucket), ()):
                    if other != item.doc_id:
                        candidates[other] = self.run_prints[other]
            best, best_score = None, 0.0
            for other, other_print in sorted(candidates.items()):
                score = print_.similarity(other_print)
                if score > best_score:
                    best, best_score = other, score
            if best is not None and best_score >= COPY_CONTAINMENT:
                item.action, item.story_id, item.similarity = "copy", best, round(best_score, 3)
                item.fingerprint = None
                continue
            # Only stories enter the index: a copy of a copy is a copy of the story.
            self.run_prints[item.doc_id] = print_
            for band, bucket in enumerate(print_.buckets):
                self.run_buckets.setdefault((band, bucket), []).append(item.doc_id)

    def _lookup(self, sql: str, ids: list[str]) -> list[tuple]:
        self.con.register("_ids", pa.table({"id": pa.array(ids, type=pa.string())}))
        try:
            return self.con.execute(sql).fetchall()
        finally:
            self.con.unregister("_ids")


# -- helpers for the command line -------------------------------------------------------------

def count_inputs(paths: Iterable[str]) -> int | None:
    """How many documents the inputs hold, counted cheaply for a progress bar; None when it
    cannot be known without reading them (standard input)."""
    total = 0
    for name in paths:
        if name == "-":
            return None
        path = Path(name)
        files = ([p for p in sorted(path.rglob("*")) if p.is_file() and p.suffix.lower() in READABLE_SUFFIXES]
                 if path.is_dir() else [path])
        for file in files:
            if file.suffix.lower() in JSONL_SUFFIXES:
                try:
                    with open(file, "rb") as handle:
                        total += sum(1 for line in handle if line.strip())
                except OSError:
                    total += 1
            else:
                total += 1
    return total


# -- export -----------------------------------------------------------------------------------

def arrow_reader(con: duckdb.DuckDBPyConnection, sql: str,
                 params: Sequence[Any] = ()) -> pa.RecordBatchReader:
    """A query's rows as a stream of Arrow record batches, without a copy in memory."""
    relation = con.sql(sql, params=list(params) or None)
    method = getattr(relation, "to_arrow_reader", None) or relation.fetch_arrow_reader  # DuckDB < 1.4
    return method()


EXPORTABLE = ("events", "documents", "transfers", "transfer_reports", "claims", "actors")
EXPORT_FORMATS = ("parquet", "csv", "gdelt", "plover", "jsonl")


def export(store: Store, out: str | Path, format: str = "parquet", table: str = "events",
           origin: str | None = None) -> int:
    """Write a table of the store to ``out`` ('-' is stdout) and return the rows written.
    Parquet (pyarrow, streamed in record batches) and csv take any table; gdelt, plover and
    jsonl are event formats (:mod:`comity.formats`), with GDELT's counts of sources and
    articles and, for imported GDELT events, their own GLOBALEVENTID and tone."""
    import sys

    from .formats import GDELT_COLUMNS, WRITERS, gdelt_row

    if table not in EXPORTABLE:
        raise StoreError(f"no table {table!r} to export: use one of {', '.join(EXPORTABLE)}")
    if format not in EXPORT_FORMATS:
        raise StoreError(f"unknown export format {format!r}: use one of {', '.join(EXPORT_FORMATS)}")
    if table != "events" and format not in {"parquet", "csv"}:
        raise StoreError(f"{format} is an event format; export {table} as parquet or csv")
    where, params = ("WHERE origin = ?", [origin]) if origin and table == "events" else ("", [])
    if format == "parquet" or (format == "csv" and table != "events"):
        if format == "parquet" and str(out) == "-":
            raise StoreError("parquet cannot go to stdout; give a file name")
        reader = arrow_reader(store.con.cursor(), f"SELECT * FROM {table} {where}", params)
        if format == "parquet":
            import pyarrow.parquet as pq

            count = 0
            with pq.ParquetWriter(str(out), reader.schema) as writer:
                for batch in reader:
                    writer.write_batch(batch)
                    count += batch.num_rows
            return count
    stream = sys.stdout if str(out) == "-" else open(out, "w", encoding="utf-8", newline="")
    try:
        if format == "csv" and table != "events":
            import csv

            writer = csv.writer(stream)
            writer.writerow(reader.schema.names)
            count = 0
            for batch in reader:
                for row in batch.to_pylist():
                    writer.writerow([" ".join(map(str, v)) if isinstance(v, list) else
                                     ("" if v is None else v) for v in row.values()])
                    count += 1
            return count
        events = store.events("origin = ?", [origin]) if origin else store.events()
        if format != "gdelt":
            return WRITERS[format](events, stream)
        tone = GDELT_COLUMNS.index("AvgTone")
        count = 0
        for event in events:
            counts = {k: event.get(k) or 1 for k in ("num_mentions", "num_sources", "num_articles")}
            imported = event["origin"] == "gdelt"
            row = gdelt_row({**event, "id": None} if imported else event, counts)
            if imported:   # keep GDELT's own id and tone
                row[0] = event["id"].split(":", 1)[1]
                row[tone] = "" if event.get("avg_tone") is None else str(event["avg_tone"])
            stream.write("\t".join(row) + "\n")
            count += 1
        return count
    finally:
        if stream is not sys.stdout:
            stream.close()
