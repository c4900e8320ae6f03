"""The HTTP API: the library's coding, actor lookup and store queries over JSON.

A thin FastAPI layer; every endpoint calls the same library function as the CLI command of the
same name. Start it with ``comity serve [--db DB] [--port 8000]``; the OpenAPI description is
at ``/docs``.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Query
from pydantic import BaseModel, Field

from . import __version__
from .actors import resolve_phrase
from .read import valid_date


class CodeRequest(BaseModel):
    text: str = Field(..., min_length=1, description="Article or sentence text.")
    date: str | None = Field(None, description="Publication date, YYYY-MM-DD.")
    id: str = Field("text", description="Document id carried by every event.")


class CodeResponse(BaseModel):
    id: str
    sources: list[str]
    events: list[dict[str, Any]]
    transfers: list[dict[str, Any]]
    claims: list[dict[str, Any]]


def _checked_date(value: str | None) -> str | None:
    try:
        return valid_date(value)
    except ValueError:
        raise HTTPException(status_code=422, detail=f"{value!r} is not a date (YYYY-MM-DD)") from None


def create_app(db: Path | None = None) -> FastAPI:
    """The API; ``db`` is the DuckDB store the analysis endpoints read."""
    app = FastAPI(title="comity", version=__version__,
                  description="Political event data from news: CAMEO/PLOVER events, actors and arms transfers.")

    @app.get("/health")
    def health() -> dict[str, str]:
        return {"status": "ok", "version": __version__}

    @app.post("/code", response_model=CodeResponse)
    def code(request: CodeRequest) -> CodeResponse:
        """Code one document: events, arms transfers and claims, with provenance."""
        from .pipeline import code_one

        try:
            result = code_one(request.text, _checked_date(request.date), request.id)
        except ValueError as exc:
            raise HTTPException(status_code=422, detail=str(exc)) from None
        document = result.document
        return CodeResponse(id=document.id, sources=document.sources,
                            events=[e.to_dict() for e in result.events],
                            transfers=[t.to_dict() for t in result.transfers], claims=result.claims)

    @app.get("/actor")
    def actor(phrase: str = Query(..., min_length=1), date: str | None = None) -> dict[str, Any]:
        """How a name or phrase resolves to a CAMEO actor on a date."""
        found = resolve_phrase(phrase, _checked_date(date))
        if found is None:
            raise HTTPException(status_code=404, detail=f"{phrase!r} names no actor")
        return found

    @app.get("/dyad/{source}/{target}")
    def dyad(source: str, target: str, by: str = Query("year", pattern="^(year|quarter|month)$"),
             directed: bool = False) -> dict[str, Any]:
        """Per period: events by quad class, Goldstein sum and mean, cooperation index, transfers."""
        from .analyse import AnalysisError, dyad_series
        from .store import Store

        with Store.open(_store(db), read_only=True) as store:
            try:
                return dyad_series(store, source.upper(), target.upper(), by=by, directed=directed).to_dict()
            except AnalysisError as exc:
                raise HTTPException(status_code=422, detail=str(exc)) from None

    @app.get("/claim/{source}/{target}")
    def claim(source: str, target: str, period: str) -> dict[str, Any]:
        """Whether a period's cooperation level is unprecedented for the dyad."""
        from .analyse import AnalysisError, claim_check
        from .store import Store

        with Store.open(_store(db), read_only=True) as store:
            try:
                return claim_check(store, source.upper(), target.upper(), period).to_dict()
            except AnalysisError as exc:
                raise HTTPException(status_code=422, detail=str(exc)) from None

    return app


def _store(db: Path | None) -> Path:
    if db is None or not Path(db).exists():
        raise HTTPException(status_code=503, detail="no store: start the server with --db DB")
    return Path(db)
