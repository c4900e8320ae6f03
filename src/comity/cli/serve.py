"""``comity serve``: the HTTP API."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from . import app


@app.command("serve")
def serve_command(
    db: Optional[Path] = typer.Option(None, "--db", help="DuckDB store for the /dyad and /claim endpoints."),
    host: str = typer.Option("127.0.0.1", "--host"),
    port: int = typer.Option(8000, "--port"),
) -> None:
    """Serve coding, actor lookup and store queries as a JSON API (OpenAPI at /docs)."""
    import uvicorn

    from ..serve import create_app

    uvicorn.run(create_app(db), host=host, port=port)
