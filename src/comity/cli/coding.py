"""``comity code``, ``comity actor`` and ``comity explain``."""
from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from . import app
from ..formats import WRITERS
from ..read import Rejected, read_inputs, valid_date

#: Exit status when some documents were rejected (the rest were still coded).
EXIT_SOME_REJECTED = 3


class EventFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    gdelt = "gdelt"
    plover = "plover"


def checked_date(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    try:
        return valid_date(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


def report_rejected(rejected: Rejected) -> None:
    print(f"comity: rejected {rejected.id}: {rejected.error}", file=sys.stderr)


class CodedInputs:
    """The coded documents of command-line inputs; each rejected one is reported on stderr
    and counted, and the others go on."""

    def __init__(self, paths: list[str], default_date: Optional[str]):
        self.paths, self.default_date = paths, default_date
        self.rejected = 0

    def __iter__(self):
        from ..pipeline import default_coder

        for result in default_coder().code(read_inputs(self.paths, self.default_date)):
            if isinstance(result, Rejected):
                self.rejected += 1
                report_rejected(result)
                continue
            yield result


def write_to(output: Optional[Path], writer, records) -> None:
    """Write records with a format writer to a file, or to stdout when none is given."""
    stream = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        writer(records, stream)
    finally:
        if output:
            stream.close()


@app.command("code")
def code_command(
    paths: list[str] = typer.Argument(..., help="Files (.txt, .jsonl, .html), folders, or - for stdin."),
    format: EventFormat = typer.Option(EventFormat.jsonl, "--format", "-f", help="Output format."),
    date: Optional[str] = typer.Option(None, "--date", help="Publication date for documents that give none (YYYY-MM-DD)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here instead of stdout."),
) -> None:
    """Code every political event in the documents, with provenance."""
    inputs = CodedInputs(paths, checked_date(date))

    def events():
        for result in inputs:
            url = result.document.url
            for event in result.events:
                record = event.to_dict()
                if url:
                    record["url"] = url
                yield record

    write_to(output, WRITERS[format.value], events())
    if inputs.rejected:
        raise typer.Exit(EXIT_SOME_REJECTED)


@app.command("actor")
def actor_command(
    phrase: str = typer.Argument(..., help='A name or phrase, e.g. "Rajnath Singh" or "the Kremlin".'),
    date: Optional[str] = typer.Option(None, "--date", help="Resolve as of this date (YYYY-MM-DD)."),
    format: str = typer.Option("text", "--format", "-f", help="text or json"),
) -> None:
    """Show how a name or phrase resolves to a CAMEO actor on a date."""
    from ..actors import resolve_phrase

    result = resolve_phrase(phrase, checked_date(date))
    if result is None:
        if format == "json":
            print(json.dumps({"code": None, "country": None, "sectors": [], "name": None, "term": None}))
        else:
            print(f"{phrase}: no actor")
        raise typer.Exit(1)
    if format == "json":
        print(json.dumps(result, ensure_ascii=False))
        return
    term = result.get("term")
    span = f" ({term['office']} {term['start']}–{term['end'] or 'now'})" if term else ""
    print(f"{result['code']}  country={result['country'] or '-'} sectors={','.join(result['sectors']) or '-'}"
          f" name={result['name'] or '-'}{span}")


@app.command("explain")
def explain_command(
    sentence: str = typer.Argument(..., help="A sentence or short text."),
    date: Optional[str] = typer.Option(None, "--date", help="Publication date (YYYY-MM-DD)."),
    format: str = typer.Option("text", "--format", "-f", help="text or json"),
) -> None:
    """Show the parse, the actors found and every rule tried, with why it did or did not code."""
    from ..pipeline import explain

    traces = explain(sentence, checked_date(date))
    if format == "json":
        print(json.dumps([{
            "index": t.index, "text": t.text, "tokens": t.tokens, "actors": t.actors,
            "attempts": [{"trigger": a.trigger, "pattern": a.pattern, "code": a.code,
                          "outcome": a.outcome, "reason": a.reason} for a in t.attempts],
            "events": [e.to_dict() for e in t.events]} for t in traces], ensure_ascii=False, indent=1))
        return
    console = Console()
    for trace in traces:
        console.rule(f"sentence {trace.index}")
        console.print(trace.text)
        parse = Table("i", "token", "lemma", "pos", "dep", "head", "ent", title="parse")
        for tok in trace.tokens:
            parse.add_row(str(tok["i"]), tok["text"], tok["lemma"], tok["pos"], tok["dep"],
                          str(tok["head"]), tok["ent"])
        console.print(parse)
        actors = Table("phrase head", "code", "country", "sectors", "name", title="actors")
        for actor in trace.actors:
            actors.add_row(actor["token"], actor["code"], actor["country"] or actor.get("igo") or "-",
                           ",".join(actor["sectors"]), actor["name"] or "")
        console.print(actors)
        rules = Table("trigger", "rule", "code", "outcome", "why", title="rules tried")
        for attempt in trace.attempts:
            rules.add_row(attempt.trigger, attempt.pattern, attempt.code, attempt.outcome, attempt.reason)
        console.print(rules)
        for event in trace.events:
            console.print(f"[bold]{event.source.code} -> {event.target.code if event.target else '-'}"
                          f"  {event.cameo}[/bold] ({event.rule}, {event.modality}, "
                          f"date {event.date} from the {event.date_basis})")
