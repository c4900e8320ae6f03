"""The data files load, agree with the ontology and cover what the coder promises."""
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
