"""The ``comity`` command line: a thin layer over the library, one module per command group."""
from __future__ import annotations

import typer

app = typer.Typer(
    name="comity",
    help="Political event data from news: CAMEO/PLOVER events, actors, dates and arms transfers.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Command modules register themselves on `app` when imported.
from . import coding  # noqa: E402,F401

for _optional in ("evaluate", "store", "transfers", "serve"):
    try:
        __import__(f"{__name__}.{_optional}")
    except ModuleNotFoundError as _exc:  # a command group not installed in this build
        if _exc.name != f"{__name__}.{_optional}":
            raise


def main() -> None:
    app()
