"""``comity eval``: accuracy against a gold file or a public test suite."""
from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from . import app


class Suite(str, Enum):
    gold = "gold"
    petr = "petr"
    plover = "plover"
    conflibert_class = "conflibert-class"
    conflibert_ner = "conflibert-ner"
    actors = "actors"


class Show(str, Enum):
    misses = "misses"
    extras = "extras"


@app.command("eval")
def eval_command(
    gold: Path = typer.Argument(..., exists=True, dir_okay=False, help="Gold file or suite file."),
    suite: Optional[Suite] = typer.Option(None, "--suite", help="Suite format (guessed from the file name)."),
    show: Optional[Show] = typer.Option(None, "--show", help="List the cases behind the numbers."),
    format: str = typer.Option("text", "--format", "-f", help="text or json"),
) -> None:
    """Code a suite's texts and print precision, recall and F1 at each level."""
    from ..evaluate import evaluate, summarise

    name, levels, cases = evaluate(gold, suite.value if suite else None)
    if format == "json":
        out = {"suite": name, "cases": cases, "levels": summarise(levels)}
        if show:
            out[show.value] = {level: [list(map(str, row)) for row in _rows(score, show.value)]
                               for level, score in levels.items()}
        print(json.dumps(out, indent=1))
        return
    console = Console()
    table = Table("level", "precision", "recall", "F1", "accuracy", "n",
                  title=f"{gold.name}: suite {name}, {cases} cases")
    for level, score in levels.items():
        s = score.summary()
        if "accuracy" in s:
            table.add_row(level, "", "", "", f"{s['accuracy']:.3f}", str(s["total"]))
        else:
            table.add_row(level, f"{s['precision']:.3f}", f"{s['recall']:.3f}", f"{s['f1']:.3f}", "",
                          f"{s['expected']} exp / {s['predicted']} pred")
    console.print(table)
    if show:
        for level, score in levels.items():
            rows = _rows(score, show.value)
            if rows:
                console.rule(f"{show.value}: {level}")
                for row in rows:
                    console.print("  ".join(str(v) for v in row), markup=False)


def _rows(score, which: str) -> list[tuple]:
    if hasattr(score, "wrong"):
        return score.wrong
    return score.misses if which == "misses" else score.extras
