"""Places below country level (data/actors/places.tsv): a city or region names its state, and
the filters keep words, people and shared names out."""
from __future__ import annotations

import pytest

from comity import code_text
from comity.actors import resolve_phrase
from comity.data import read_tsv
from comity.gazetteer import Entry, gazetteer

ROWS = list(read_tsv("actors/places.tsv"))


@pytest.mark.parametrize("place, state", [
    ("Mosul", "IRQ"), ("Kharkiv", "UKR"), ("Kharkov", "UKR"), ("Maiduguri", "NGA"),
    ("Fallujah", "IRQ"), ("Raqqa", "SYR"), ("Sirte", "LBY"), ("Goma", "COD"), ("Texas", "USA"),
])
def test_place_resolves_to_its_state(place: str, state: str) -> None:
    result = resolve_phrase(place, "2020-01-01")
    assert result is not None and result["code"] == state


@pytest.mark.parametrize("word", ["Mobile", "Reading", "Nice", "Split", "Van", "Aurora"])
def test_words_that_are_towns_name_no_one(word: str) -> None:
    assert resolve_phrase(word, "2020-01-01") is None
    assert word not in {row["name"] for row in ROWS}


def test_names_shared_by_several_states_are_left_out() -> None:
    names = {row["name"] for row in ROWS}
    # Hyderabad (India and Pakistan), Cambridge (four states), Barcelona (Spain, Venezuela)
    assert not {"Hyderabad", "Cambridge", "Barcelona"} & names
    assert all(entry.kind != "city" for entry in gazetteer().proper.get("Hyderabad", []))


def test_every_row_is_one_state_and_a_known_code() -> None:
    gaz = gazetteer()
    states: dict[str, set[str]] = {}
    for row in ROWS:
        assert row["kind"] in {"city", "region"}
        assert row["country"] in gaz.country_names, row
        assert len(row["name"]) >= 4 and not any(c.isdigit() for c in row["name"])
        states.setdefault(row["name"], set()).add(row["country"])
    assert all(len(codes) == 1 for codes in states.values())


def test_a_place_never_overrides_a_state_or_a_person() -> None:
    gaz = gazetteer()
    # Georgia (a US state) and Jordan keep their sense as states
    for phrase, kind in [("Georgia", "country"), ("Jordan", "country")]:
        entries = gaz.proper[phrase]
        assert entries and entries[0].kind == kind
        assert Entry("city", country="USA") not in entries
    for phrase, entries in gaz.proper.items():
        kinds = {entry.kind for entry in entries}
        if "city" in kinds:
            # (a capital may also be an organisation's seat: "Brussels" the place is in Belgium,
            # "Brussels" who acts is the European Union)
            allowed = {"igo"} if phrase in gaz.capitals else set()
            assert not kinds & ({"country", "person", "igo", "agency", "body"} - allowed), phrase


def test_a_city_gives_the_target_state() -> None:
    events = code_text("Russian forces shelled Kharkiv on Monday.", date="2022-05-02")
    assert events
    assert events[0].source.country == "RUS"
    assert events[0].target is not None and events[0].target.country == "UKR"


def test_a_major_city_takes_a_name_that_is_only_a_surname() -> None:
    # Lagos is both Nigeria's largest city and Ricardo Lagos's surname: the bare word is the
    # city, the full name the person
    assert resolve_phrase("Lagos", "2003-01-01")["country"] == "NGA"
    assert resolve_phrase("Ricardo Lagos", "2003-01-01")["code"] == "CHLGOV"


def test_regions_news_names_by_their_short_names() -> None:
    # ISO 3166-2 says "Xinjiang Uygur Zizhiqu"; news says Xinjiang
    assert resolve_phrase("Xinjiang", "2021-03-22")["country"] == "CHN"
    assert resolve_phrase("Tigray", "2021-03-22")["country"] == "ETH"



@pytest.mark.parametrize("region, state", [
    ("Ontario", "CAN"), ("Alberta", "CAN"), ("New South Wales", "AUS"), ("Bavaria", "DEU"),
    ("Lower Saxony", "DEU"), ("Lombardy", "ITA"), ("Catalonia", "ESP"), ("Wales", "GBR"),
    ("Guangdong", "CHN"), ("Zhejiang", "CHN"), ("Aceh", "IDN"), ("Tatarstan", "RUS"),
    ("Krasnodar Krai", "RUS"), ("North Kivu", "COD"), ("North Waziristan", "PAK"),
    ("Florida", "USA"), ("Niger State", "NGA"), ("Michoacan", "MEX"),
])
def test_regions_news_names_in_english(region: str, state: str) -> None:
    # ISO 3166-2 says "Bayern", "Catalunya", "Guangdong Sheng"; news says Bavaria, Catalonia,
    # Guangdong
    result = resolve_phrase(region, "2024-05-01")
    assert result is not None and result["country"] == state


def test_a_region_name_inside_a_longer_name_keeps_that_name() -> None:
    # Wales inside New South Wales, Niger inside Niger State, a region inside a party's name
    assert resolve_phrase("New South Wales", "2024-05-01")["country"] == "AUS"
    assert resolve_phrase("Niger", "2024-05-01")["code"] == "NER"
    assert resolve_phrase("Maryland County", "2024-05-01")["country"] == "LBR"
    assert resolve_phrase("Christian Social Union in Bavaria", "2024-05-01")["code"].startswith("DEU")


def test_saint_is_also_written_st() -> None:
    assert resolve_phrase("St Petersburg", "2017-06-02")["country"] == "RUS"
    assert resolve_phrase("St. Petersburg", "2017-06-02")["country"] == "RUS"
