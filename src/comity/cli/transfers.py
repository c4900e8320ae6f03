"""``comity transfers``, ``comity sipri reconcile`` and ``comity gazetteer import-sipri``."""
from __future__ import annotations

import csv
import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Any, Iterable, Optional

import typer
from rich.console import Console
from rich.table import Table

from . import app
from .coding import EXIT_SOME_REJECTED, CodedInputs, checked_date, write_to

sipri_app = typer.Typer(help="SIPRI trade registers: reconcile the deals found in the news with one.",
                        no_args_is_help=True)
app.add_typer(sipri_app, name="sipri")


def _group(name: str, help_text: str) -> typer.Typer:
    """The command group ``name`` on the app, shared with other modules that add to it."""
    for group in app.registered_groups:
        if group.name == name and group.typer_instance is not None:
            return group.typer_instance
    group_app = typer.Typer(help=help_text, no_args_is_help=True)
    app.add_typer(group_app, name=name)
    return group_app


gazetteer_app = _group("gazetteer", "Extend the gazetteers comity reads.")


class TransferFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    sipri = "sipri"


#: The jsonl fields in their order, then the deal's id, designation and source documents.
CSV_FIELDS = ["doc_id", "supplier", "recipient", "system", "reported_as", "category", "quantity", "value",
              "currency", "value_usd", "stage", "year", "sentence", "span", "id", "designation",
              "sources"]


def _write_csv(records: Iterable[dict[str, Any]], out) -> int:
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    count = 0
    for record in records:
        row = dict(record)
        row["span"] = " ".join(str(v) for v in record.get("span") or [])
        row["sources"] = " ".join(sorted({str(s.get("doc_id")) for s in record.get("sources") or []}))
        writer.writerow(row)
        count += 1
    return count


def _write_jsonl(records: Iterable[dict[str, Any]], out) -> int:
    count = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


@app.command("transfers")
def transfers_command(
    paths: list[str] = typer.Argument(..., help="Files (.txt, .jsonl, .html), folders, or - for stdin."),
    format: TransferFormat = typer.Option(TransferFormat.jsonl, "--format", "-f",
                                          help="jsonl, csv, or sipri (the trade register's columns)."),
    date: Optional[str] = typer.Option(None, "--date", help="Publication date for documents that give none (YYYY-MM-DD)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here instead of stdout."),
    per_document: bool = typer.Option(False, "--per-document",
                                      help="One record per deal and document instead of one per deal."),
) -> None:
    """Arms transfers reported in the documents, SIPRI-style.

    One record per deal (supplier, recipient, system), with every sentence that mentions it."""
    from ..sipri import write_sipri
    from ..transfers import merge_transfers, transfer_record

    inputs = CodedInputs(paths, checked_date(date))
    found = (transfer for result in inputs for transfer in result.transfers)
    transfers = list(found) if per_document else merge_transfers(found)
    writer = {"jsonl": _write_jsonl, "csv": _write_csv, "sipri": write_sipri}[format.value]
    write_to(output, writer, [transfer_record(t) for t in transfers])
    if inputs.rejected:
        raise typer.Exit(EXIT_SOME_REJECTED)


def _stored_transfers(db: Path) -> list[dict[str, Any]]:
    import duckdb

    if not db.exists():
        raise typer.BadParameter(f"{db}: no such database", param_hint="--db")
    try:
        connection = duckdb.connect(str(db), read_only=True)
    except duckdb.Error as exc:
        raise typer.BadParameter(f"{db}: not a comity store ({exc})", param_hint="--db") from None
    try:
        cursor = connection.execute("SELECT * FROM transfers")
        columns = [d[0] for d in cursor.description]
        return [dict(zip(columns, row)) for row in cursor.fetchall()]
    except duckdb.Error as exc:
        raise typer.BadParameter(f"{db}: has no readable transfers table ({exc})", param_hint="--db") from None
    finally:
        connection.close()


def _jsonl_transfers(path: Path) -> list[dict[str, Any]]:
    records = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError as exc:
                print(f"comity: {path}:{number}: skipped, not JSON ({exc})", file=sys.stderr)
                continue
            if isinstance(record, dict):
                records.append(record)
    return records


@sipri_app.command("reconcile")
def reconcile_command(
    register: Path = typer.Argument(..., help="A SIPRI trade-register export (CSV)."),
    db: Optional[Path] = typer.Option(None, "--db", help="The comity store whose deals to check."),
    transfers: Optional[Path] = typer.Option(None, "--transfers",
                                             help="Or: deals from `comity transfers` (jsonl)."),
    format: str = typer.Option("text", "--format", "-f", help="text or json"),
) -> None:
    """Match the stored deals against a SIPRI trade register.

    Lists the deals the news reports that the register lacks, and the register's orders the
    news confirms."""
    from ..sipri import RegisterError, read_register, reconcile

    if (db is None) == (transfers is None):
        raise typer.BadParameter("give exactly one of --db or --transfers")
    try:
        orders = read_register(register)
    except RegisterError as exc:
        print(f"comity: {exc}", file=sys.stderr)
        raise typer.Exit(2)
    deals = _stored_transfers(db) if db is not None else _jsonl_transfers(transfers)
    result = reconcile(deals, orders)
    if format == "json":
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=1, default=str))
        return
    console = Console()
    console.print(f"{len(deals)} deal(s) in the news, {len(orders)} order(s) in the register")
    missing = Table("supplier", "recipient", "system", "stage", "year", "quantity", "document",
                    title=f"In the news, not in the register ({len(result.missing)})")
    for deal in result.missing:
        missing.add_row(str(deal.get("supplier")), str(deal.get("recipient")), str(deal.get("system")),
                        str(deal.get("stage")), str(deal.get("year") or ""), str(deal.get("quantity") or ""),
                        str(deal.get("doc_id") or ""))
    console.print(missing)
    confirmed = Table("row", "supplier", "recipient", "designation", "ordered", "delivered",
                      "news stage", "document", title=f"Register orders the news confirms ({len(result.confirmed)})")
    for match in result.confirmed:
        order = match.order
        confirmed.add_row(str(order.row), order.supplier_name, order.recipient_name, order.designation,
                          f"{order.number_ordered or ''} ({order.order_year or '?'})",
                          ", ".join(str(y) for y in order.delivery_years),
                          str(match.deal.get("stage")), str(match.deal.get("doc_id") or ""))
    console.print(confirmed)


@gazetteer_app.command("import-sipri")
def import_sipri_command(
    register: Path = typer.Argument(..., help="A SIPRI trade-register export (CSV) you downloaded."),
    into: Optional[Path] = typer.Option(None, "--into",
                                        help="Your data folder (default: $COMITY_DATA)."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Only count what would be added."),
) -> None:
    """Extend your weapon gazetteer from a SIPRI trade register.

    Adds the register's systems that the gazetteer lacks, with category and producer, to
    transfers/weapons.user.tsv in your data folder."""
    from ..sipri import RegisterError, read_register, systems_from_register, write_weapon_rows
    from ..transfers import USER_WEAPONS_FILE

    folder = into or (Path(os.environ["COMITY_DATA"]) if os.environ.get("COMITY_DATA") else None)
    if folder is None:
        raise typer.BadParameter("give --into DIR or set COMITY_DATA to your data folder "
                                 "(comity reads your additions from there)")
    try:
        orders = read_register(register)
    except RegisterError as exc:
        print(f"comity: {exc}", file=sys.stderr)
        raise typer.Exit(2)
    systems = systems_from_register(orders)
    target = folder / USER_WEAPONS_FILE
    if dry_run:
        print(f"{len(systems)} new system(s) from {len(orders)} order(s); would write {target}")
        return
    written = write_weapon_rows(systems, target)
    print(f"added {written} system(s) from {len(orders)} order(s) to {target}")
    if into is not None and os.environ.get("COMITY_DATA") != str(folder):
        print(f"comity reads them when COMITY_DATA={folder}", file=sys.stderr)
