"""Actor resolution: gazetteer facts and the constructions news uses."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from comity.actors import resolve_phrase
from comity.gazetteer import gazetteer

CASES = [case for path in sorted((Path(__file__).parent / "cases").glob("actors*.yaml"))
         for case in yaml.safe_load(path.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("case", CASES, ids=[f"{c['phrase']}@{c.get('date')}" for c in CASES])
def test_phrase_resolves(case: dict) -> None:
    result = resolve_phrase(case["phrase"], str(case["date"]) if case.get("date") else None)
    assert result is not None, case
    assert result["code"] == case["code"]
    if "name" in case:
        assert result["name"] == case["name"]


def test_unknown_phrase() -> None:
    assert resolve_phrase("the weather", "2020-01-01") is None


def test_office_holder_terms_are_consistent() -> None:
    gaz = gazetteer()
    for name, terms in gaz.terms.items():
        for term in terms:
            assert term.end is None or term.start <= term.end, (name, term)


def test_every_g20_state_has_core_offices_in_2020() -> None:
    gaz = gazetteer()
    g20 = "ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS SAU ZAF TUR GBR USA".split()
    for country in g20:
        holders = [gaz.holder_of(country, office, "2020-06-01")
                   for office in ("head_of_state", "foreign_minister", "defence_minister")]
        assert all(holders), (country, holders)


def test_user_actors_from_the_data_folder(tmp_path, monkeypatch) -> None:
    """Actors a user imported (e.g. from a PETRARCH dictionary) are read from COMITY_DATA."""
    from comity.gazetteer import Gazetteer

    (tmp_path / "actors").mkdir()
    (tmp_path / "actors" / "user_actors.tsv").write_text(
        "phrase\taliases\tcode\tstart\tend\tkind\tsource\n"
        "Amina Quarshie\t\tGHAGOVMIL\t2012-01-01\t2016-12-31\tperson\tmy.actors\n"
        "Volta Shipping Board\tVSB\tGHABUS\t\t\torganisation\tmy.actors\n", encoding="utf-8")
    (tmp_path / "actors" / "user_roles.tsv").write_text(
        "phrase\tsectors\toffice\tkind\tsource\nharbour master\tGOV\t\tperson\tmy.agents\n", encoding="utf-8")
    monkeypatch.setenv("COMITY_DATA", str(tmp_path))
    gaz = Gazetteer.load()
    assert gaz.person_actor("Amina Quarshie", "2014-05-01").code == "GHAGOVMIL"
    assert gaz.person_actor("Amina Quarshie", "2020-05-01").code == "GHAELI"
    assert any(e.kind == "body" and e.country == "GHA" for e in gaz.proper["VSB"])
    assert gaz.roles["harbour master"][0].sectors == ("GOV",)


def test_a_region_is_no_state_though_its_name_holds_one() -> None:
    assert resolve_phrase("Latin America") is None
    assert resolve_phrase("America")["code"] == "USA"


def test_shared_surname_without_a_date_is_the_higher_office() -> None:
    from comity.gazetteer import gazetteer

    assert gazetteer().person_for_date(["George W. Bush", "Mike Bush"], None) == "George W. Bush"


@pytest.mark.parametrize("phrase", ["Mahamat Kabir", "Idris al-Kabir", "Fernando Sadiq"])
def test_two_known_surnames_name_a_stranger(phrase: str) -> None:
    """Each word is some office holder's surname, but together they name neither of them."""
    assert resolve_phrase(phrase, "2023-06-01") is None


def test_a_burmese_name_has_no_family_name_to_shorten_to() -> None:
    """Burmese names are written whole: the last syllable of one names no one."""
    assert resolve_phrase("Soe Htut", "2021-06-01")["code"] == "MMRGOV"
    assert resolve_phrase("Htut", "2021-06-01") is None


def test_phrase_index_matches_what_the_tokenizer_makes_of_a_phrase(coder) -> None:
    from comity.actors import PhraseIndex

    index = PhraseIndex(coder.nlp, "text")
    index.add("plain", ["Shavkat Mirziyoyev"])
    index.add("punctuated", ["Ahmed al-Sharaa"])   # split at the hyphen by the tokenizer
    index.add("special", ["Cannot"])               # a tokenizer special case, two tokens
    doc = coder.nlp.make_doc("Ahmed al-Sharaa met Shavkat Mirziyoyev. Cannot.")
    found = {(key, doc[start:end].text) for key, start, end in index.matches(doc)}
    assert found == {("plain", "Shavkat Mirziyoyev"), ("punctuated", "Ahmed al-Sharaa"),
                     ("special", "Cannot")}
    assert list(index.matches(coder.nlp.make_doc("met Shavkat"))) == []   # cut off by the end


def test_a_phrase_written_so_comes_before_another_phrase_in_capitals(coder) -> None:
    from comity.actors import PhraseIndex

    index = PhraseIndex(coder.nlp, "text")
    index.add("surname", ["Pla", "PLA"])
    index.add("army", ["PLA"])
    doc = coder.nlp.make_doc("The PLA staged drills.")
    assert [key for key, _, _ in index.matches(doc)] == ["army", "surname"]


def test_every_gazetteer_phrase_split_at_spaces_is_what_the_tokenizer_makes_of_it(coder) -> None:
    # The index splits plain phrases itself; a spelling added to the data that the tokenizer
    # would split otherwise (a letter it treats as punctuation) must fail here, not go unmatched.
    from comity.actors import PhraseIndex

    index = PhraseIndex(coder.nlp, "text")
    phrases = [form for phrase in gazetteer().proper for form in (phrase, phrase.upper())]
    differ = [phrase for phrase, tokens in zip(phrases, coder.nlp.tokenizer.pipe(phrases, batch_size=1000))
              if index._words(phrase) != tuple(token.text for token in tokens)]
    assert differ == []


def test_an_alias_gives_no_short_name_the_name_itself_lacks() -> None:
    from comity.gazetteer import _spells_same

    # spellings of one name ("Erdoğan", "Erdogan"; "al-Sisi", "Sisi") are short names ...
    assert _spells_same("Erdoğan", "Erdogan") and _spells_same("al-Sisi", "Sisi")
    assert _spells_same("Zelenskyy", "Zelensky")
    # ... a word an alias adds is not ("Chairman Mao" is no "Chairman")
    assert not _spells_same("Chairman", "Mao") and not _spells_same("Valencia", "Vargas")
    gaz = gazetteer()
    assert not any(e.kind == "person" for e in gaz.proper.get("Chairman", []))


def test_firms_named_as_modifiers_are_among_the_story_s_actors() -> None:
    from comity.pipeline import code_one

    coded = code_one("Poland will buy 32 more F-35 jets, and the Lockheed Martin aircraft will arrive "
                     "from 2026, the defence ministry said on Monday.", "2024-06-03")
    assert ("Lockheed Martin", "USABUS") in {(a["text"], a["code"]) for a in coded.actors}, coded.actors


def test_a_surname_after_a_given_name_and_a_spaced_particle_is_someone_elses(coder) -> None:
    """"Haque" in "Inam ul Haque" is not the known Hamidul Haque: the given name before the
    particle says it is another man's name."""
    from comity.pipeline import code_one

    coded = code_one("Pakistan's envoy, Inam ul Haque, said the talks went well.", "2019-04-08")
    assert not any(a["code"].startswith("BGD") for a in coded.actors)


def test_a_western_given_name_written_first_is_no_family_name() -> None:
    """Taiwanese and Hong Kong officials known by a Western given name ("Karen Kuo", "Carrie
    Lam") are shortened to the family name after it, not to the given name."""
    from comity.gazetteer import Gazetteer

    assert Gazetteer._short_name("Karen Kuo", "TWN") == "Kuo"
    assert Gazetteer._short_name("Carrie Lam", "HKG") == "Lam"
    assert Gazetteer._short_name("Tsai Ing-wen", "TWN") == "Tsai"
    assert Gazetteer._short_name("Wang Yi", "CHN") == "Wang"
    assert Gazetteer._short_name("Park Jin", "KOR") == "Park"


def test_shortly_before_heading_a_firm_its_future_head_is_business() -> None:
    """Meng Wanzhou chaired Huawei from 2022; in 2019 she was its finance chief, not an elite."""
    assert resolve_phrase("Meng Wanzhou", "2019-01-01")["code"] == "CHNBUS"


def test_of_two_holders_of_equal_office_a_shared_surname_is_the_longer_serving() -> None:
    from comity.gazetteer import gazetteer

    # both heads of government in June 2020; Viktor since 2010, Ludovic since November 2019
    assert gazetteer().person_for_date(["Ludovic Orban", "Viktor Orban"], "2020-06-01") == "Viktor Orban"
