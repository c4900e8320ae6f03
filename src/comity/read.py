"""Readers: turn files, folders and streams into Documents.

Formats: ``.txt`` (the id is the file name; an optional first line ``date YYYY-MM-DD [By SOURCE]``),
``.jsonl`` (one document a line: ``id``, ``text`` and optional ``date``, ``title``, ``url``,
``source``), ``.html`` (main text by trafilatura), folders (recursively) and ``-`` for stdin.
A document that cannot be read becomes a :class:`Rejected` with the reason; reading goes on.
"""
from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path
from typing import IO, Iterable, Iterator

from .records import Document

TEXT_SUFFIXES = {".txt", ".text"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm"}
READABLE_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES

_HEADER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b(?:\s+by\s+(.+?))?\s*$", re.IGNORECASE)


@dataclass(slots=True)
class Rejected:
    """A document that could not be read or coded, with the reason."""

    id: str
    error: str
    path: str | None = None


def valid_date(value: str | None) -> str | None:
    """An ISO date string checked for validity; None when empty. Raises ValueError when bad."""
    if value is None or str(value).strip() == "":
        return None
    text = str(value).strip()[:10]
    if re.fullmatch(r"\d{8}", text):
        text = f"{text[:4]}-{text[4:6]}-{text[6:]}"
    return Date.fromisoformat(text).isoformat()


def parse_text(doc_id: str, raw: str, default_date: str | None = None,
               path: str | None = None) -> Document:
    """A Document from plain text, taking the optional ``date ... By SOURCE`` header line."""
    if not raw.strip():
        raise ValueError("empty document")
    first, _, rest = raw.partition("\n")
    header = _HEADER.match(first)
    date, sources = default_date, []
    text = raw
    if header:
        date = valid_date(header.group(1))
        if header.group(2):
            sources.append(header.group(2).strip())
        # Blank the header instead of cutting it so character offsets still index the file.
        text = " " * len(first) + "\n" + rest
    return Document(id=doc_id, text=text, date=date, sources=sources, path=path)


def read_txt(path: Path, default_date: str | None = None) -> Document:
    return parse_text(path.stem, path.read_text(encoding="utf-8"), default_date, str(path))


def documents_from_jsonl(lines: Iterable[str], origin: str,
                         default_date: str | None = None) -> Iterator[Document | Rejected]:
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        fallback_id = f"{origin}:{number}"
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise ValueError("a line must be a JSON object")
            text = record.get("text")
            if not isinstance(text, str) or not text.strip():
                raise ValueError("missing or empty 'text'")
            doc_id = str(record.get("id") or fallback_id)
            doc = Document(id=doc_id, text=text,
                           date=valid_date(record.get("date")) or default_date,
                           title=record.get("title"), url=record.get("url"), path=origin)
            if record.get("source"):
                doc.sources.append(str(record["source"]))
            yield doc
        except (ValueError, TypeError) as exc:
            yield Rejected(id=fallback_id, error=f"line {number}: {exc}", path=origin)


def read_html(path: Path, default_date: str | None = None) -> Document:
    import trafilatura

    html = path.read_text(encoding="utf-8", errors="replace")
    text = trafilatura.extract(html, include_comments=False, include_tables=False)
    if not text:
        raise ValueError("no main text found in HTML")
    meta = trafilatura.extract_metadata(html)
    date = default_date
    if meta is not None and meta.date:
        try:
            date = valid_date(meta.date)
        except ValueError:
            pass
    doc = Document(id=path.stem, text=text, date=date,
                   title=meta.title if meta is not None else None,
                   url=meta.url if meta is not None else None, path=str(path))
    if meta is not None and meta.sitename:
        doc.sources.append(meta.sitename)
    return doc


def _files_under(root: Path) -> Iterator[Path]:
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix.lower() in READABLE_SUFFIXES:
            yield path


def read_path(path: Path, default_date: str | None = None) -> Iterator[Document | Rejected]:
    """The documents of one file or folder."""
    if path.is_dir():
        for child in _files_under(path):
            yield from read_path(child, default_date)
        return
    suffix = path.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            with open(path, encoding="utf-8") as handle:
                yield from documents_from_jsonl(handle, str(path), default_date)
        elif suffix in HTML_SUFFIXES:
            yield read_html(path, default_date)
        else:
            yield read_txt(path, default_date)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        yield Rejected(id=path.stem, error=f"{path}: {exc}", path=str(path))


def read_stream(stream: IO[str], default_date: str | None = None) -> Iterator[Document | Rejected]:
    """Documents from a stream: JSON lines when it starts with '{', else one text document."""
    raw = stream.read()
    if raw.lstrip().startswith("{"):
        yield from documents_from_jsonl(raw.splitlines(), "stdin", default_date)
        return
    try:
        yield parse_text("stdin", raw, default_date)
    except ValueError as exc:
        yield Rejected(id="stdin", error=str(exc))


def read_inputs(paths: Iterable[str], default_date: str | None = None) -> Iterator[Document | Rejected]:
    """Documents from command-line arguments: files, folders, or '-' for stdin."""
    for name in paths:
        if name == "-":
            yield from read_stream(sys.stdin, default_date)
            continue
        path = Path(name)
        if not path.exists():
            yield Rejected(id=path.stem or name, error=f"{name}: no such file or folder", path=name)
            continue
        yield from read_path(path, default_date)
