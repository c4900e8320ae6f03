"""parties.tsv: the gazetteer of political parties is well formed and names no actor twice."""
from __future__ import annotations

import unicodedata
from collections import Counter

import pytest

from comity.data import read_tsv

PARTIES = list(read_tsv("actors/parties.tsv"))


def _names(row: dict[str, str], *columns: str) -> list[str]:
    return [name.strip() for column in columns for name in (row.get(column) or "").split("|")
            if name.strip()]


def _key(name: str) -> str:
    """A name as the gazetteer matches it: accents are stripped there, so "Fianna Fáil" and
    "Fianna Fail" are one name."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def test_columns() -> None:
    assert len(PARTIES) > 400
    for row in PARTIES:
        assert list(row) == ["name", "aliases", "country", "sectors", "code"], row


def test_countries_exist() -> None:
    codes = {row["code"] for row in read_tsv("actors/countries.tsv")}
    unknown = sorted({row["country"] for row in PARTIES} - codes)
    assert not unknown


@pytest.mark.parametrize("row", PARTIES, ids=[row["name"] for row in PARTIES])
def test_sector_and_code(row: dict[str, str]) -> None:
    assert row["name"]
    assert row["sectors"] == "PTY"
    assert row["code"] == row["country"] + "PTY"


def test_no_name_twice_for_one_state() -> None:
    # a bare name borne by parties of several states ("Democratic Party": the US, South Korea)
    # may be listed for each; the resolver takes the one of the state the story names most
    counts = Counter((_key(name), row["country"]) for row in PARTIES for name in _names(row, "name", "aliases"))
    assert [name for name, count in counts.items() if count > 1] == []


def test_no_name_of_another_actor() -> None:
    taken: dict[str, str] = {}
    for table in ("institutions", "armed_groups", "ngos", "organisations"):
        for row in read_tsv(f"actors/{table}.tsv"):
            for name in _names(row, "name", "aliases"):
                taken[_key(name)] = f"{table}: {row['name']}"
    for row in read_tsv("actors/countries.tsv"):
        for name in _names(row, "name", "aliases", "adjectives", "cities"):
            taken[_key(name)] = f"countries: {row['name']}"
    clashes = [(name, taken[_key(name)]) for row in PARTIES
               for name in _names(row, "name", "aliases") if _key(name) in taken]
    assert clashes == []


# -- party_government.tsv ---------------------------------------------------------------------

GOVERNMENT = list(read_tsv("actors/party_government.tsv"))
BODIES = {(row["name"], row["country"]): row for table in ("parties", "armed_groups", "institutions")
          for row in read_tsv(f"actors/{table}.tsv")}


def test_government_rows_name_known_parties() -> None:
    unknown = sorted({(r["party"], r["country"]) for r in GOVERNMENT} - set(BODIES))
    assert not unknown
    assert all(BODIES[(r["party"], r["country"])]["sectors"] == "PTY" for r in GOVERNMENT)


def test_government_periods_are_well_formed() -> None:
    by_party: dict[tuple[str, str], list[dict[str, str]]] = {}
    for row in GOVERNMENT:
        assert row["role"] in {"leads", "partner", "opposition"}, row
        if row["role"] == "opposition":
            assert not row["start"] and not row["end"], row
            continue
        assert len(row["start"]) == 10 and (not row["end"] or row["start"] < row["end"]), row
        by_party.setdefault((row["party"], row["country"]), []).append(row)
    for periods in by_party.values():
        periods.sort(key=lambda r: r["start"])
        for before, after in zip(periods, periods[1:]):
            assert before["end"] and before["end"] <= after["start"], (before, after)


def test_party_out_of_government_is_opposition() -> None:
    from comity.actors import resolve_phrase

    assert resolve_phrase("Likud", "2022-06-20")["code"] == "ISROPP"     # the Bennett-Lapid years
    assert resolve_phrase("Likud", "2024-06-20")["code"] == "ISRPTY"
    assert resolve_phrase("the Indian National Congress", "2012-06-01")["code"] == "INDPTY"
    assert resolve_phrase("the Indian National Congress", "2020-06-01")["code"] == "INDOPP"
    assert resolve_phrase("Alternative for Germany", "2024-09-01")["code"] == "DEUOPP"
