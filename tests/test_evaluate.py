"""`comity eval`: the suites load, and on gold files the event score agrees with the reference
scorer shared/tools/score.py."""
from __future__ import annotations

import importlib.util
import json
import random
from pathlib import Path

import pytest
from typer.testing import CliRunner

from comity.cli import app
from comity.evaluate import Case, SUITES, evaluate, score_gold, summarise

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def reference_scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED / "tools" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_agrees_with_reference_scorer_on_random_predictions() -> None:
    score = reference_scorer()
    rng = random.Random(7)
    countries = ["RUS", "IND", "CHN", "USA", None]
    roots = ["04", "05", "11", "19"]
    gold, cases, predictions = [], [], {}
    for n in range(40):
        must = [{"source": rng.choice(countries[:4]), "target": rng.choice(countries[:4]),
                 "root": rng.choice(roots), "cameo": "040"} for _ in range(rng.randint(0, 3))]
        may = [{"source": rng.choice(countries[:4]), "target": rng.choice(countries[:4]),
                "root": rng.choice(roots), "cameo": "040"} for _ in range(rng.randint(0, 2))]
        doc_id = f"d{n}"
        gold.append({"id": doc_id, "must": must, "may": may})
        cases.append(Case(id=doc_id, text="", date=None, expected=must, allowed=may))
        predictions[doc_id] = [{"doc_id": doc_id, "source_country": rng.choice(countries),
                                "target_country": rng.choice(countries), "root": rng.choice(roots),
                                "cameo": "040", "source": "X", "target": "Y", "date": None}
                               for _ in range(rng.randint(0, 4))]
    reference = score.score_events(gold, [p for ps in predictions.values() for p in ps])
    ours = summarise(score_gold(cases, predictions))["events (country, country, root)"]
    assert (ours["precision"], ours["recall"], ours["f1"]) == (
        reference["precision"], reference["recall"], reference["f1"])


def test_seed_eval_matches_reference_scorer(tmp_path: Path) -> None:
    runner = CliRunner()
    coded = runner.invoke(app, ["code", str(SHARED / "seed" / "000_a12f7572cc1d2d3e.txt")])
    predictions = tmp_path / "seed.jsonl"
    predictions.write_text(coded.stdout, encoding="utf-8")
    score = reference_scorer()
    gold = score.load_jsonl(SHARED / "seed" / "gold.jsonl")
    reference = score.score_events(gold, score.load_jsonl(predictions))
    result = runner.invoke(app, ["eval", str(SHARED / "seed" / "gold.jsonl"), "--format", "json"])
    assert result.exit_code == 0, result.output
    ours = json.loads(result.stdout)["levels"]["events (country, country, root)"]
    assert (ours["precision"], ours["recall"]) == (reference["precision"], reference["recall"])
    assert reference["recall"] == 1.0 and reference["precision"] == 1.0


@pytest.mark.parametrize("suite,name", [
    ("petr", "petr2_gsr_validation.jsonl"), ("plover", "plover_gsr_cameo.json"),
    ("conflibert-class", "conflibert_cameo_class_test.tsv"), ("conflibert-ner", "conflibert_cameo_ner_test.txt"),
])
def test_public_suites_load(suite: str, name: str) -> None:
    cases = SUITES[suite](SHARED / "benchmarks" / name)
    assert len(cases) > 50 and sum(1 for c in cases if c.text) >= len(cases) - 1


def test_plover_suite_leaves_out_the_document_record_and_renames_types() -> None:
    cases = SUITES["plover"](SHARED / "benchmarks" / "plover_gsr_cameo.json")
    labels = {c.label for c in cases}
    assert len(cases) == 322
    assert not labels & {"DOCUMENT", "DEMAND", "DISAPPROVE", "INVESTIGATE", "FIGHT"}


def test_eval_shows_misses_for_a_small_gold_file(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "a", "date": "2021-03-02", "text": "Chile criticised Peru on Monday.",
                                "must": [{"source": "CHL", "target": "PER", "root": "11", "cameo": "111"},
                                         {"source": "PER", "target": "CHL", "root": "12", "cameo": "120"}],
                                "may": []}) + "\n", encoding="utf-8")
    suite, levels, cases = evaluate(gold)
    assert suite == "gold" and cases == 1
    assert levels["events (country, country, root)"].recall == 0.5
    result = CliRunner().invoke(app, ["eval", str(gold), "--show", "misses"])
    assert "PER  CHL  12" in result.stdout


def test_cases_that_share_an_id_are_scored_apart(tmp_path) -> None:
    records = [{"id": "X-1", "event": "ASSAULT", "text": "Russian troops shelled Kharkiv on Monday.",
                "date": "2022-05-02", "source": [{"code": "RUS"}], "target": [{"code": "UKR"}]},
               {"id": "X-1", "event": "PROTEST", "text": "Thousands of students marched in Jakarta.",
                "date": "2022-05-02", "source": [{"code": "IDN"}], "target": []}]
    levels, cases = _plover_suite(tmp_path, records)
    assert cases == 2
    assert levels["PLOVER type"].summary()["accuracy"] == 1.0


def _plover_suite(tmp_path: Path, records: list[dict]) -> tuple[dict, int]:
    path = tmp_path / "plover_suite.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    _, levels, cases = evaluate(path, "plover")
    return levels, cases


def test_plover_types_follow_the_manuals_cue_category_table(tmp_path) -> None:
    # a destroyed building is COERCE by the cue category (17), ASSAULT in the code-level table;
    # an appeal (02) has no PLOVER category, so the first PLOVER event is the one scored
    records = [{"id": "C-1", "event": "COERCE", "text": "Israeli army bulldozers demolished Palestinian homes in Gaza.",
                "date": "2014-08-02", "source": [{"code": "ISR"}], "target": [{"code": "PSE"}]},
               {"id": "C-2", "event": "PROTEST", "text": "France called on Iran to stay calm as thousands of Iranians marched in Tehran.",
                "date": "2019-11-20", "source": [{"code": "IRN"}], "target": []}]
    levels, _ = _plover_suite(tmp_path, records)
    assert levels["PLOVER type"].summary()["accuracy"] == 1.0
    assert levels["PLOVER type (code-level table)"].summary()["accuracy"] == 0.0


def test_ontology_reads_the_cue_category_table() -> None:
    from comity.ontology import ontology

    onto = ontology()
    assert onto.plover_category("1712") == "COERCE" and onto["1712"].plover == "ASSAULT"
    assert onto.plover_category("0813") == "CONCEDE" and onto.plover_category("0861") == "RETREAT"
    assert onto.plover_category("020") is None and onto.plover_category("192") == "ASSAULT"


def test_actor_checks_score_the_code_and_its_state(tmp_path: Path) -> None:
    checks = tmp_path / "actor_checks.tsv"
    checks.write_text("# a comment line\nphrase\tdate\tcode\tnote\n"
                      "Rajnath Singh\t2020-09-04\tINDGOVMIL\tdefence minister\n"
                      "the Kremlin\t2022-02-24\tRUSGOV\tseat\n"
                      "Rajnath Singh\t2020-09-04\tINDGOV\ta wrong expectation\n", encoding="utf-8")
    suite, levels, cases = evaluate(checks)
    assert suite == "actors" and cases == 3
    assert levels["actor code"].right == 2 and levels["actor country"].right == 3
    assert levels["actor code"].wrong == [("actor:3", "Rajnath Singh", "2020-09-04", "INDGOV", "INDGOVMIL")]
    result = CliRunner().invoke(app, ["eval", str(checks), "--suite", "actors", "--show", "misses"])
    assert result.exit_code == 0 and "INDGOVMIL" in result.stdout


def test_actor_checks_without_a_code_are_refused(tmp_path: Path) -> None:
    checks = tmp_path / "checks.tsv"
    checks.write_text("phrase\tdate\tcode\nthe Kremlin\t2022-02-24\t\n", encoding="utf-8")
    with pytest.raises(ValueError, match="checks.tsv: check 1 lacks code"):
        SUITES["actors"](checks)


def test_named_actors_are_scored_from_the_whole_document() -> None:
    case = Case(id="d1", text="", date="2023-05-01", expected=[], allowed=[],
                extra={"actors": [{"text": "Dmitry Peskov", "code": "RUSGOV"},
                                  {"text": "Olaf Scholz", "code": "DEUGOV"}]})
    events = {"d1": [{"source_country": "RUS", "target_country": "DEU", "root": "11", "cameo": "111",
                      "source": "RUSGOV", "target": "DEUGOV", "source_text": "Peskov", "target_text": "Berlin"}]}
    mentioned = {"d1": [{"text": "Olaf Scholz", "code": "DEUGOV", "name": "Olaf Scholz", "sentence_index": 2}]}
    levels = summarise(score_gold([case], events, mentioned))
    assert levels["actor codes"]["accuracy"] == 0.5       # Scholz is in no event
    assert levels["named actors"]["accuracy"] == 1.0
    assert "named actors" not in score_gold([case], events)
