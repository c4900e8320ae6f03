"""``comity ingest``, ``comity import``, ``comity dyad``, ``comity claim``, ``comity export`` and
``comity demo``: the event store and its analysis (library: :mod:`comity.store`,
:mod:`comity.analyse`, :mod:`comity.importers`)."""
from __future__ import annotations

import csv
import json
import sys
from enum import Enum
from pathlib import Path
from typing import Any, NoReturn, Optional

import typer
from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn,
                           TimeElapsedColumn, TimeRemainingColumn)
from rich.table import Table
from rich.text import Text

from . import app
from .coding import EXIT_SOME_REJECTED, checked_date
from ..store import DEFAULT_BATCH_SIZE, DEFAULT_DB, Store, StoreError

DB_OPTION_HELP = "The DuckDB event store (created when missing)."

import_app = typer.Typer(help="Import other event data and actor dictionaries.", no_args_is_help=True)
app.add_typer(import_app, name="import")


class Period(str, Enum):
    year = "year"
    quarter = "quarter"
    month = "month"


class TableFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


class TextFormat(str, Enum):
    text = "text"
    json = "json"


class ExportFormat(str, Enum):
    parquet = "parquet"
    csv = "csv"
    gdelt = "gdelt"
    plover = "plover"
    jsonl = "jsonl"


def fail(message: str, code: int = 1) -> NoReturn:
    print(f"comity: {message}", file=sys.stderr)
    raise typer.Exit(code)


def open_store(db: Path, read_only: bool = False) -> Store:
    try:
        return Store.open(db, read_only=read_only)
    except StoreError as exc:
        fail(str(exc))


class RateColumn(ProgressColumn):
    """Documents per second."""

    def render(self, task: Any) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} docs/s" if speed else "– docs/s", style="progress.data.speed")


# -- ingest -----------------------------------------------------------------------------------

def run_ingest(store: Store, paths: list[str], date: Optional[str], workers: int, batch_size: int,
               near_duplicates: bool = True, retry_failed: bool = False, quiet: bool = False):
    """Ingest with a progress bar on a terminal, silently in a pipe; a summary on stderr."""
    from ..read import read_inputs
    from ..store import count_inputs

    items = read_inputs(paths, date)
    err = Console(stderr=True)
    show_bar = err.is_terminal and not quiet
    kwargs = dict(workers=workers, batch_size=batch_size, near_duplicates=near_duplicates,
                  retry_failed=retry_failed)
    try:
        if show_bar:
            total = count_inputs(paths)
            columns = [TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), RateColumn(),
                       TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn()]
            with Progress(*columns, console=err, transient=False) as progress:
                task = progress.add_task("ingest", total=total)
                report = store.ingest(items, on_progress=lambda r: progress.update(task, completed=r.done),
                                      **kwargs)
                progress.update(task, completed=report.done, total=report.done)
        else:
            report = store.ingest(items, **kwargs)
    except KeyboardInterrupt:
        print("comity: interrupted; every batch committed so far is kept. Run the same command "
              "again to continue.", file=sys.stderr)
        raise typer.Exit(130)
    for doc_id, error in report.errors[:20]:
        print(f"comity: failed {doc_id}: {error}", file=sys.stderr)
    if len(report.errors) > 20:
        print(f"comity: … and {len(report.errors) - 20} more failures (status 'failed' in documents)",
              file=sys.stderr)
    if not quiet:
        print(f"comity: {report.read} read: {report.coded} coded, {report.updated} updated, "
              f"{report.copies} wire copies, {report.skipped} already stored, {report.failed} failed; "
              f"{report.events} events, {report.transfers} transfer reports, {report.claims} claims "
              f"in {report.seconds:.1f}s ({report.rate:.1f} docs/s) -> {store.path}", file=sys.stderr)
    return report


@app.command("ingest")
def ingest_command(
    paths: list[str] = typer.Argument(..., help="Files (.txt, .jsonl, .html), folders, or - for stdin."),
    db: Path = typer.Option(Path(DEFAULT_DB), "--db", help=DB_OPTION_HELP),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Coding processes (each loads the model once)."),
    batch_size: int = typer.Option(DEFAULT_BATCH_SIZE, "--batch-size", min=1, help="Documents per transaction."),
    date: Optional[str] = typer.Option(None, "--date", help="Publication date for documents that give none (YYYY-MM-DD)."),
    keep_copies: bool = typer.Option(False, "--keep-copies", help="Code near-duplicate wire copies as separate stories."),
    retry_failed: bool = typer.Option(False, "--retry-failed", help="Code again documents stored as failed."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or summary."),
) -> None:
    """Code documents and store them: idempotent, resumable, wire copies stored once."""
    with open_store(db) as store:
        report = run_ingest(store, paths, checked_date(date), workers, batch_size,
                            near_duplicates=not keep_copies, retry_failed=retry_failed, quiet=quiet)
    if report.failed:
        raise typer.Exit(EXIT_SOME_REJECTED)


# -- import -----------------------------------------------------------------------------------

@import_app.command("gdelt")
def import_gdelt_command(
    files: list[Path] = typer.Argument(..., help="GDELT 2.0 event files (*.export.CSV, optionally .zip)."),
    db: Path = typer.Option(Path(DEFAULT_DB), "--db", help=DB_OPTION_HELP),
) -> None:
    """Load GDELT 2.0 events beside comity's own (origin 'gdelt')."""
    from ..importers import import_gdelt

    failed = 0
    with open_store(db) as store:
        for result in import_gdelt(store, files):
            if result.error:
                failed += 1
                print(f"comity: {result.error}", file=sys.stderr)
                continue
            print(f"{result.path}: {result.rows} rows, {result.added} new events, "
                  f"{result.rejected} malformed lines skipped", file=sys.stderr)
            for problem in result.problems:
                print(f"  {problem}", file=sys.stderr)
    if failed:
        raise typer.Exit(EXIT_SOME_REJECTED)


@import_app.command("petrarch-dictionary")
def import_petrarch_command(
    file: Path = typer.Argument(..., help="A PETRARCH/TABARI actor or agent dictionary."),
    to: Optional[Path] = typer.Option(None, "--to", help="User data folder (default: $COMITY_DATA, else ~/.local/share/comity)."),
) -> None:
    """Add a PETRARCH actor (or agent) dictionary to the user's actor data."""
    from ..importers import import_petrarch_dictionary, user_data_dir

    result = import_petrarch_dictionary(file, to)
    for problem in result.problems[:20]:
        print(f"comity: {file}: {problem}", file=sys.stderr)
    if len(result.problems) > 20:
        print(f"comity: … and {len(result.problems) - 20} more problems", file=sys.stderr)
    if result.error:
        fail(result.error)
    folder = to or user_data_dir()
    print(f"{result.path}: {result.rows} rows written to {result.output} "
          f"({result.rejected} entries skipped); comity reads them with COMITY_DATA={folder}",
          file=sys.stderr)


# -- dyad -------------------------------------------------------------------------------------

def _fmt(value: Any, digits: int = 2) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def _transfer_label(transfer: dict[str, Any]) -> str:
    """'S-400 Triumf RUS→IND contract ×2'."""
    arrow = f"{transfer.get('supplier') or '?'}→{transfer.get('recipient') or '?'}"
    reports = f" ×{transfer['reports']}" if (transfer.get("reports") or 1) > 1 else ""
    return f"{transfer.get('system')} {arrow} {transfer.get('stage') or ''}".rstrip() + reports


def print_dyad(series, format: TableFormat, out=None) -> None:
    out = out or sys.stdout
    rows = series.to_dict()["periods"]
    if format == TableFormat.json:
        print(json.dumps(series.to_dict(), ensure_ascii=False, indent=1), file=out)
        return
    if format == TableFormat.csv:
        writer = csv.writer(out)
        writer.writerow(["period", "events", "verbal_cooperation", "material_cooperation",
                         "verbal_conflict", "material_conflict", "goldstein_sum", "goldstein_mean",
                         "cooperation", "transfers"])
        for row in rows:
            writer.writerow([row["period"], row["events"], row["verbal_cooperation"],
                             row["material_cooperation"], row["verbal_conflict"],
                             row["material_conflict"], row["goldstein_sum"],
                             "" if row["goldstein_mean"] is None else row["goldstein_mean"],
                             row["cooperation"], "; ".join(_transfer_label(t) for t in row["transfers"])])
        return
    arrow = "→" if series.directed else "–"
    origin = f", origin {series.origin}" if series.origin else ""
    table = Table(title=f"{series.a} {arrow} {series.b} by {series.by}{origin}", title_justify="left")
    for name in ("period", "events", "v.coop", "m.coop", "v.confl", "m.confl", "Goldstein Σ",
                 "G. mean", "coop. index"):
        table.add_column(name, justify="left" if name == "period" else "right", no_wrap=True)
    table.add_column("transfers reported", overflow="fold", min_width=36)
    for row in rows:
        table.add_row(row["period"], str(row["events"]), str(row["verbal_cooperation"]),
                      str(row["material_cooperation"]), str(row["verbal_conflict"]),
                      str(row["material_conflict"]), _fmt(row["goldstein_sum"], 1),
                      _fmt(row["goldstein_mean"]), _fmt(row["cooperation"], 1),
                      "\n".join(_transfer_label(t) for t in row["transfers"]))
    console = Console(file=out, width=max(150, Console(file=out).width))
    console.print(table)
    console.print("v./m. coop, confl: verbal and material cooperation and conflict (quad classes 1-4); "
                  "coop. index: see docs/analysis.md", style="dim")
    if series.undated:
        console.print(f"({series.undated} events dated too coarsely for a {series.by} are not shown)")


@app.command("dyad")
def dyad_command(
    source: str = typer.Argument(..., help="First country (CAMEO/ISO3 code), e.g. RUS."),
    target: str = typer.Argument(..., help="Second country, e.g. IND."),
    db: Path = typer.Option(Path(DEFAULT_DB), "--db", help="The DuckDB event store."),
    by: Period = typer.Option(Period.year, "--by", help="Period."),
    format: TableFormat = typer.Option(TableFormat.table, "--format", "-f", help="Output format."),
    directed: bool = typer.Option(False, "--directed", help="Only SOURCE → TARGET events (default: both directions)."),
    origin: Optional[str] = typer.Option(None, "--origin", help="Only events of this origin (comity, gdelt)."),
    plot: Optional[Path] = typer.Option(None, "--plot", help="Also draw the chart to FILE.png or FILE.svg."),
) -> None:
    """Events of a dyad per period: quad classes, Goldstein sum and mean, cooperation index, transfers."""
    from ..analyse import AnalysisError, dyad_series

    with open_store(db, read_only=True) as store:
        try:
            series = dyad_series(store, source, target, by.value, directed, origin)
        except AnalysisError as exc:
            fail(str(exc))
    if not series.periods:
        print(f"comity: no {series.a}–{series.b} events in {db}", file=sys.stderr)
    print_dyad(series, format)
    if plot is not None:
        write_chart(series, plot)


def write_chart(series, plot: Path) -> None:
    """Draw a dyad series to a PNG or SVG file, or stop with the reason it cannot be drawn."""
    from ..analyse import AnalysisError, plot_dyad

    try:
        written = plot_dyad(series, plot)
    except AnalysisError as exc:
        fail(str(exc))
    print(f"comity: chart written to {written}", file=sys.stderr)


# -- claim ------------------------------------------------------------------------------------

def print_claim_check(check, format: TextFormat, out=None) -> None:
    out = out or sys.stdout
    if format == TextFormat.json:
        print(json.dumps(check.to_dict(), ensure_ascii=False, indent=1), file=out)
        return
    d = check.to_dict()
    measure = d["measure"].replace("_", " ")
    print(d["answer"], file=out)
    print(f"  {measure} in {d['period']}: {_fmt(d['value'])}; rank {_fmt(d['rank'])} of {d['of']}; "
          f"percentile {_fmt(d['percentile'], 1)}; z-score {_fmt(d['z_score'])} "
          f"(earlier mean {_fmt(d['earlier_mean'])}, sd {_fmt(d['earlier_sd'])})", file=out)
    if d["earlier"]:
        print("  earlier: " + ", ".join(f"{e['period']} {_fmt(e['value'], 1)}" for e in d["earlier"]), file=out)
    for title, events in ((f"events behind {d['period']}", d["events"]),
                          (f"events behind the previous peak ({(d['previous_peak'] or {}).get('period')})",
                           d["peak_events"])):
        if not events:
            continue
        print(f"  {title} (weightiest first):", file=out)
        for e in events:
            sentence = " ".join((e.get("sentence") or e.get("url") or "").split())[:110]
            print(f"    {e['date']} {e['source']}→{e['target']} {e['cameo']} g={_fmt(e['goldstein'], 1)} "
                  f"[{e['doc_id'] or e['origin']}] {sentence}", file=out)


def print_stated(results: list[dict[str, Any]], format: TextFormat, out=None) -> None:
    out = out or sys.stdout
    if format == TextFormat.json:
        print(json.dumps(results, ensure_ascii=False, indent=1), file=out)
        return
    if not results:
        print("No stated claims in the store.", file=out)
    for r in results:
        who = r.get("speaker_name") or r.get("speaker") or "the article"
        dyad = "–".join(c for c in r["dyad"] if c) or "?"
        print(f"{r['date']} {who} ({r['doc_id']}): {dyad} {r['topic']} '{r['level']}' → {r['verdict'].upper()}",
              file=out)
        print(f"  \u201c{' '.join((r.get('sentence') or '').split())[:160]}\u201d", file=out)
        print(f"  {r.get('answer')}", file=out)


@app.command("claim")
def claim_command(
    source: Optional[str] = typer.Argument(None, help="First country, e.g. RUS."),
    target: Optional[str] = typer.Argument(None, help="Second country, e.g. IND."),
    period: Optional[str] = typer.Option(None, "--period", "-p", help="YYYY, YYYY-Qn or YYYY-MM."),
    db: Path = typer.Option(Path(DEFAULT_DB), "--db", help="The DuckDB event store."),
    measure: str = typer.Option("cooperation", "--measure", help="cooperation, goldstein_sum, goldstein_mean, events, verbal_cooperation, material_cooperation."),
    directed: bool = typer.Option(False, "--directed", help="Only SOURCE → TARGET events."),
    origin: Optional[str] = typer.Option(None, "--origin", help="Only events of this origin (comity, gdelt)."),
    since: Optional[int] = typer.Option(None, "--since", help="Compare only with periods after this year."),
    check_stated: bool = typer.Option(False, "--check-stated", help="Check the level claims stated in the stored articles."),
    by: Period = typer.Option(Period.year, "--by", help="Period for --check-stated."),
    format: TextFormat = typer.Option(TextFormat.text, "--format", "-f", help="text or json"),
) -> None:
    """Is the dyad's cooperation in PERIOD unprecedented? Rank, percentile, z-score, previous peak."""
    from ..analyse import AnalysisError, check_stated_claims, claim_check

    if (source is None) != (target is None):
        fail("give both countries of the dyad, e.g. `comity claim RUS IND --period 2018`")
    with open_store(db, read_only=True) as store:
        try:
            if check_stated:
                print_stated(check_stated_claims(store, source, target, by.value, measure, origin), format)
                return
            if source is None or period is None:
                fail("give a dyad and --period (or --check-stated), e.g. `comity claim RUS IND --period 2018`")
            check = claim_check(store, source, target, period, measure, directed, origin, since)
        except AnalysisError as exc:
            fail(str(exc))
    print_claim_check(check, format)


# -- export -----------------------------------------------------------------------------------

@app.command("export")
def export_command(
    out: str = typer.Argument(..., help="Output file, or - for stdout (not for parquet)."),
    db: Path = typer.Option(Path(DEFAULT_DB), "--db", help="The DuckDB event store."),
    format: ExportFormat = typer.Option(ExportFormat.parquet, "--format", "-f", help="Output format."),
    table: str = typer.Option("events", "--table", help="For parquet and csv: events, documents, transfers, transfer_reports, claims or actors."),
    origin: Optional[str] = typer.Option(None, "--origin", help="Only events of this origin (comity, gdelt)."),
) -> None:
    """Export the store: events as parquet, csv, GDELT 2.0, PLOVER or jsonl; other tables as parquet or csv."""
    from ..store import export

    with open_store(db, read_only=True) as store:
        try:
            count = export(store, out, format.value, table, origin)
        except StoreError as exc:
            fail(str(exc))
    print(f"comity: {count} {table} rows written to {'stdout' if out == '-' else out}", file=sys.stderr)


# -- the main job -----------------------------------------------------------------------------

def example_articles() -> Path | None:
    """The bundled example corpus: ./examples/articles, else the one beside a source checkout."""
    for candidate in (Path("examples/articles"),
                      Path(__file__).resolve().parents[3] / "examples" / "articles"):
        if candidate.is_dir():
            return candidate
    return None


def _usd(value: Any) -> str:
    return "–" if value is None else f"{value / 1e6:,.0f} m"


def print_register(rows: list[dict[str, Any]], out=None) -> None:
    out = out or sys.stdout
    console = Console(file=out, width=max(150, Console(file=out).width))
    if not rows:
        console.print("Transfer register: no transfers in the store.")
        return
    table = Table(title="Transfer register (deals merged across reports)", title_justify="left")
    for name in ("first reported", "supplier→recipient", "system", "category", "stage", "quantity",
                 "value (USD)", "reports"):
        table.add_column(name, no_wrap=True, justify="right" if name in {"quantity", "value (USD)", "reports"} else "left")
    for r in rows:
        table.add_row(_fmt(r["first_reported"]), f"{r['supplier'] or '?'}→{r['recipient'] or '?'}",
                      _fmt(r["system"]), _fmt(r["category"]), _fmt(r["stage"]), _fmt(r["quantity"]),
                      _usd(r["value_usd"]), _fmt(r["reports"]))
    console.print(table)


@app.command("demo")
def demo_command(
    db: Path = typer.Option(Path(DEFAULT_DB), "--db", help=DB_OPTION_HELP),
    articles: Optional[Path] = typer.Option(None, "--articles", help="Corpus to ingest (default: the bundled examples/articles)."),
    source: str = typer.Option("RUS", "--source", help="First country of the dyad."),
    target: str = typer.Option("IND", "--target", help="Second country of the dyad."),
    period: str = typer.Option("2018", "--period", help="Period whose level the claim check ranks."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Coding processes."),
    plot: Optional[Path] = typer.Option(None, "--plot", help="Also draw the dyad chart to FILE.png or FILE.svg."),
) -> None:
    """The main job: ingest the example articles; print the India–Russia dyad, the 2018 claim check and the transfers.

    The claim checked is the seed's: India–Russia military-technical cooperation is at an
    "unprecedented" level (December 2018), i.e. `comity claim RUS IND --period 2018`.
    """
    from ..analyse import AnalysisError, check_stated_claims, claim_check, dyad_series, transfer_register

    corpus = articles or example_articles()
    if corpus is None or not corpus.exists():
        fail("no example articles found; give a corpus with --articles DIR")
    with open_store(db) as store:
        run_ingest(store, [str(corpus)], None, workers, DEFAULT_BATCH_SIZE)
        try:
            series = dyad_series(store, source, target, "year")
            check = claim_check(store, source, target, period)
            stated = check_stated_claims(store, source, target)
        except AnalysisError as exc:
            fail(str(exc))
        register = transfer_register(store)
    console = Console(width=max(150, Console().width))
    print_dyad(series, TableFormat.table)
    console.rule(f"Claim check: is {series.a}–{series.b} cooperation in {period} unprecedented?")
    print_claim_check(check, TextFormat.text)
    if stated:
        console.rule("Level claims stated in the articles, checked against the data")
        print_stated(stated, TextFormat.text)
    console.rule("Transfers")
    print_register(register)
    if plot is not None:
        write_chart(series, plot)
