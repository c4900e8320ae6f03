"""peoples.tsv: ethnic, tribal and religious communities, each the adjective of one state."""

from pathlib import Path

import pytest

from comity.data import read_tsv

PEOPLES = list(read_tsv("actors/peoples.tsv"))
WORDS = Path("/usr/share/dict/words")


def _names(row: dict[str, str], *columns: str) -> list[str]:
    return [v.strip() for column in columns for v in (row.get(column) or "").split("|") if v.strip()]


def _forms(row: dict[str, str]) -> list[str]:
    return _names(row, "name", "aliases")


def test_header_and_rows():
    assert PEOPLES
    assert all(list(row) == ["name", "aliases", "country", "note"] for row in PEOPLES)
    for row in PEOPLES:
        assert row["name"] and row["country"] and row["note"], row
        assert all(form == form.strip() and form for form in row["aliases"].split("|") if row["aliases"]), row


def test_countries_exist():
    codes = {row["code"] for row in read_tsv("actors/countries.tsv")}
    assert [row["name"] for row in PEOPLES if row["country"] not in codes] == []


def test_no_duplicates_within_file():
    seen: dict[str, str] = {}
    dups = []
    for row in PEOPLES:
        for form in _forms(row):
            key = form.lower()
            if key in seen:
                dups.append((form, seen[key], row["name"]))
            seen[key] = row["name"]
    assert dups == []


@pytest.mark.parametrize("table, columns", [
    ("countries", ("name", "aliases", "adjectives")),
    ("organisations", ("name", "aliases")),
    ("institutions", ("name", "aliases")),
    ("armed_groups", ("name", "aliases")),
    ("ngos", ("name", "aliases")),
])
def test_no_clash_with_other_actor_tables(table, columns):
    taken = {name.lower() for row in read_tsv(f"actors/{table}.tsv") for name in _names(row, *columns)}
    assert [form for row in PEOPLES for form in _forms(row) if form.lower() in taken] == []


@pytest.mark.skipif(not WORDS.exists(), reason="no /usr/share/dict/words")
def test_no_form_is_an_ordinary_word():
    lowercase = {line.strip() for line in WORDS.read_text(encoding="utf-8", errors="replace").splitlines()
                 if line.strip() and line.strip().islower()}
    assert [form for row in PEOPLES for form in _forms(row) if form.lower() in lowercase] == []
