"""The data files load, agree with the ontology and cover what the coder promises."""
import re
from importlib import resources
from pathlib import Path

from comity.data import read_yaml
from comity.gazetteer import gazetteer
from comity.lexicon import load_lexicon
from comity.ontology import ontology


def test_ontology_has_every_root_and_plover_types() -> None:
    onto = ontology()
    roots = {t.root for t in onto}
    assert roots == {f"{i:02d}" for i in range(1, 21)}
    for event_type in onto:
        assert 1 <= event_type.quad_class <= 4
        if event_type.root not in {"01", "02"}:  # PLOVER drops statements and appeals
            assert event_type.plover, event_type.code


def test_lexicon_covers_all_roots_and_many_codes() -> None:
    lexicon = load_lexicon()
    codes = lexicon.codes()
    table_codes = {c if len(c) > 2 else c + "0" for table in lexicon.modality.tables.values() for c in table.values()}
    assert {c[:2] for c in codes | table_codes} == {f"{i:02d}" for i in range(1, 21)}
    assert len(codes | table_codes) >= 120


def test_pattern_ids_are_unique_per_rule() -> None:
    lexicon = load_lexicon()
    by_id = {}
    for pattern in lexicon.patterns:
        by_id.setdefault(pattern.id, set()).add(pattern.code)
    assert all(len(codes) == 1 for codes in by_id.values())


def test_gazetteer_loads_every_table() -> None:
    gaz = gazetteer()
    assert gaz.country_names["IND"] == "India"
    assert "IGONAT" in gaz.organisation_names
    assert any(e.kind == "city" and e.country == "RUS" for e in gaz.proper["Moscow"])
    assert any(e.kind == "seat" for e in gaz.proper["Kremlin"])
    assert "Reuters" in gaz.agencies
    assert gaz.roles["defence minister"][0].sectors == ("GOV", "MIL")


DATA = Path(str(resources.files("comity") / "data"))


def _is_word(value) -> bool:
    """A word or phrase as the language data lists it: lower case, no spaces around it."""
    return isinstance(value, str) and bool(value) and value == value.strip() and value == value.lower()


def test_word_lists_are_lowercase_words() -> None:
    files = sorted(path.relative_to(DATA).as_posix() for path in DATA.glob("*/words.yaml"))
    assert {"actors/words.yaml", "events/words.yaml", "transfers/words.yaml"} <= set(files)
    for relative in files:
        table = read_yaml(relative)
        assert isinstance(table, dict) and table, relative
        for key, words in table.items():
            where = f"{relative} {key}"
            assert re.fullmatch(r"[a-z][a-z0-9_]*", key), where
            # a list of words, or a mapping of each word to its number (numbers written out) or
            # to a list of words (the description words of a kind of weapon)
            assert isinstance(words, (list, dict)) and words, where
            assert all(_is_word(word) for word in words), where
            assert len(set(words)) == len(words), f"{where}: a word twice"
            if isinstance(words, dict):
                assert all(type(value) is int or (isinstance(value, list) and value and all(
                    _is_word(word) for word in value)) for value in words.values()), where


def test_conventions_name_known_cameo_codes() -> None:
    onto = ontology()
    roots = {t.root for t in onto}
    table = read_yaml("events/conventions.yaml")
    assert isinstance(table, dict) and table
    for key, entries in table.items():
        where = f"conventions.yaml {key}"
        assert re.fullmatch(r"[a-z][a-z0-9_]*", key), where
        assert isinstance(entries, (list, dict)) and entries, where
        if isinstance(entries, dict):  # a nouns.yaml domain and the code it refines to
            assert all(_is_word(domain) for domain in entries), where
            codes = list(entries.values())
        else:
            codes = entries
        assert len(set(codes)) == len(codes), f"{where}: a code twice"
        for code in codes:
            # quoted: unquoted, YAML reads "03" as a number
            assert isinstance(code, str) and code.isdigit(), f"{where}: {code!r}"
            assert (code in roots if len(code) == 2 else code in onto), f"{where}: unknown CAMEO code {code}"
        if key.endswith("_roots"):
            assert all(len(code) == 2 for code in codes), f"{where}: roots are two digits"
