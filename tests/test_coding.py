"""Behaviour of the coder on sentences written for the purpose (tests/cases/coding.yaml)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from comity import code_text

#: Every case file except the actor checks: coding.yaml (constructions), lexicon.yaml (verb senses).
CASE_FILES = sorted(p for p in (Path(__file__).parent / "cases").glob("*.yaml") if not p.name.startswith("actors"))
CASES = [case for path in CASE_FILES for case in yaml.safe_load(path.read_text(encoding="utf-8")) or []]


def _actor_matches(wanted: str | None, code: str | None, country: str | None) -> bool:
    if wanted is None:
        return True
    if len(wanted) == 3 and not wanted.startswith("-"):
        return country == wanted
    return code == wanted


def matches(spec: dict, event: dict) -> bool:
    return (_actor_matches(spec.get("source"), event["source"], event["source_country"])
            and _actor_matches(spec.get("target"), event["target"], event["target_country"])
            and (spec.get("cameo") is None or event["cameo"] == str(spec["cameo"]))
            and (spec.get("root") is None or event["root"] == str(spec["root"]))
            and (spec.get("date") is None or event["date"] == str(spec["date"])))


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:60] for c in CASES])
def test_sentence(case: dict) -> None:
    events = [e.to_dict() for e in code_text(case["text"], date=str(case["date"]))]
    shown = [(e["source"], e["target"], e["cameo"], e["date"], e["rule"]) for e in events]
    if case.get("none"):
        assert events == [], shown
    for spec in case.get("expect") or []:
        assert any(matches(spec, e) for e in events), f"missing {spec}; coded {shown}"
    for spec in case.get("forbid") or []:
        assert not any(matches(spec, e) for e in events), f"forbidden {spec}; coded {shown}"


def test_state_name_written_with_and_is_one_actor() -> None:
    """"Sao Tome and Principe's president" is one state's president, not "Sao Tome" and
    "Principe's president" (two sources of one act)."""
    for text, code in (("Antigua and Barbuda's prime minister met Joe Biden in Washington.", "ATGGOV"),
                       ("Sao Tome and Principe's president met Joe Biden in Washington.", "STPGOV")):
        events = [e.to_dict() for e in code_text(text, date="2022-06-01")]
        sources = {e["source"] for e in events if e["root"] == "04"}
        assert sources == {code}, events
