"""Dyad series, cooperation index and claim check, against values computed by hand from a small
store of events written below; then an end-to-end check on coded text."""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest
from typer.testing import CliRunner

from comity.analyse import (AnalysisError, check_stated_claims, claim_check, dyad_series,
                            parse_period, period_of, periods_between, plot_dyad,
                            rank_against_earlier, transfer_register)
from comity.cli import app
from comity.store import Store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles"


def event(eid, source, target, cameo, quad, goldstein, date, doc_date=None, modality="asserted",
          origin="comity"):
    return {"id": eid, "origin": origin, "doc_id": f"d-{eid}", "date": date,
            "doc_date": doc_date or date, "source": source, "target": target,
            "source_country": source, "target_country": target, "cameo": cameo,
            "root": cameo[:2], "quad_class": quad, "goldstein": goldstein, "modality": modality,
            "sentence": f"sentence of {eid}", "sentence_index": 0, "span": [0, 1]}


# The hand-made store. Cooperation index = Σ|g| of quad 1-2 events − Σ|g| of quad 3-4 events.
EVENTS = [
    # 2015: 4 events; Goldstein 8.0 + 1.9 − 2.0 − 0.4 = 7.5 (mean 1.875);
    #       cooperation 8.0 + 1.9 + 0.4 − 2.0 = 8.3 (the pessimistic comment 012 is verbal
    #       cooperation by quad class, so it counts +0.4 although its weight is −0.4)
    event("a", "RUS", "IND", "057", 1, 8.0, "2015-03-02"),
    event("b", "IND", "RUS", "042", 1, 1.9, "2015-05-10"),
    event("c", "RUS", "IND", "112", 3, -2.0, "2015-07-01"),
    event("d", "RUS", "IND", "012", 1, -0.4, "2015-12-30"),
    # 2016: comity 062 (+7.4, quad 2) and 043 (+2.8); GDELT 190 (−10.0, quad 4)
    #       all origins: 3 events, Goldstein 0.2, cooperation 0.2; comity only: 10.2 and 10.2
    event("e", "RUS", "IND", "062", 2, 7.4, "2016-10-15"),
    event("f", "IND", "RUS", "043", 1, 2.8, "2016-10-16"),
    event("gdelt:1", "RUS", "IND", "190", 4, -10.0, "2016-06-01", origin="gdelt"),
    # 2017: nothing (an empty year between)
    # 2018: h, i (+8.0 each, October), j (intent to meet, +4.0, said 2018-06-01 about 2019),
    #       k (threaten, −7.0, November), n (+3.4, dated only "2018");
    #       5 events, Goldstein 16.4 (mean 3.28), cooperation 8 + 8 + 4 − 7 + 3.4 = 16.4
    event("h", "RUS", "IND", "057", 1, 8.0, "2018-10-05"),
    event("i", "IND", "RUS", "057", 1, 8.0, "2018-10-05"),
    event("j", "IND", "RUS", "036", 1, 4.0, "2019-03-01", doc_date="2018-06-01", modality="intent"),
    event("k", "RUS", "IND", "138", 3, -7.0, "2018-11-20"),
    event("n", "RUS", "IND", "051", 1, 3.4, "2018", doc_date="2018-12-14"),
    # never counted: negated, another dyad, no target, a country with itself
    event("l", "RUS", "IND", "057", 1, 8.0, "2018-02-01", modality="negated asserted"),
    event("m", "RUS", "PAK", "057", 1, 8.0, "2018-02-01"),
    event("o", "RUS", None, "010", 1, 0.0, "2018-02-01"),
    event("p", "IND", "IND", "057", 1, 8.0, "2018-02-01"),
]

TRANSFERS = [
    {"doc_id": "t1", "doc_date": "2018-10-05", "supplier": "RUS", "recipient": "IND", "system": "S-400",
     "category": "air-defence", "stage": "contract", "quantity": 5, "sentence": "s", "span": [0, 1]},
    {"doc_id": "t2", "doc_date": "2019-09-03", "supplier": "USA", "recipient": "IND", "system": "Apache",
     "category": "aircraft", "stage": "delivery", "sentence": "s", "span": [0, 1]},
    # a second report of the 2018 contract, and a 2019 article on what was agreed in 2018
    {"doc_id": "t3", "doc_date": "2018-10-11", "supplier": "RUS", "recipient": "IND", "system": "S-400",
     "category": "air-defence", "stage": "contract", "quantity": 5, "sentence": "s", "span": [0, 1]},
    {"doc_id": "t4", "doc_date": "2019-03-08", "supplier": "RUS", "recipient": "IND", "system": "S-400",
     "category": "air-defence", "stage": "agreed", "year": 2018, "sentence": "s", "span": [0, 1]},
]


@pytest.fixture()
def store(tmp_path):
    with Store.open(tmp_path / "hand.duckdb") as store:
        store.add_events(EVENTS)
        store.add_transfers(TRANSFERS)
        yield store


def by_period(series):
    return {p.period: p for p in series.periods}


def test_dyad_by_year_matches_hand_computed_values(store):
    series = by_period(dyad_series(store, "RUS", "IND", "year"))
    # 2017 is listed with zeros; no 2019: the intent said in 2018 about 2019 counts in 2018, and
    # the 2019 Apache deal is not of this dyad.
    assert list(series) == ["2015", "2016", "2017", "2018"]
    y15, y16, y17, y18 = (series[y] for y in ("2015", "2016", "2017", "2018"))
    assert (y15.events, y15.verbal_cooperation, y15.verbal_conflict) == (4, 3, 1)
    assert y15.goldstein_sum == pytest.approx(7.5)
    assert y15.goldstein_mean == pytest.approx(1.875)
    assert y15.cooperation == pytest.approx(8.3)
    assert (y16.events, y16.verbal_cooperation, y16.material_cooperation, y16.material_conflict) == (3, 1, 1, 1)
    assert y16.goldstein_sum == pytest.approx(0.2) and y16.cooperation == pytest.approx(0.2)
    assert (y17.events, y17.goldstein_mean, y17.cooperation) == (0, None, 0.0)
    assert (y18.events, y18.verbal_cooperation, y18.verbal_conflict) == (5, 4, 1)
    assert y18.goldstein_sum == pytest.approx(16.4)
    assert y18.goldstein_mean == pytest.approx(3.28)
    assert y18.cooperation == pytest.approx(16.4)
    # transfers reported of 2018: the contract (two reports) and what a 2019 article says was
    # agreed in 2018; the Apache deal is not of this dyad
    assert [(t["system"], t["stage"], t["reports"]) for t in y18.transfers] == [
        ("S-400", "contract", 2), ("S-400", "agreed", 1)]


def test_origin_and_direction(store):
    comity = by_period(dyad_series(store, "RUS", "IND", "year", origin="comity"))
    assert comity["2016"].events == 2 and comity["2016"].cooperation == pytest.approx(10.2)
    gdelt = by_period(dyad_series(store, "RUS", "IND", "year", origin="gdelt"))
    assert gdelt["2016"].events == 1 and gdelt["2016"].cooperation == pytest.approx(-10.0)
    directed = by_period(dyad_series(store, "RUS", "IND", "year", directed=True))
    # RUS→IND in 2018: h (+8), k (−7), n (+3.4)
    assert directed["2018"].events == 3
    assert directed["2018"].cooperation == pytest.approx(4.4)
    reverse = by_period(dyad_series(store, "IND", "RUS", "year", directed=True))
    assert reverse["2018"].events == 2 and reverse["2018"].cooperation == pytest.approx(12.0)


def test_months_and_quarters(store):
    months = dyad_series(store, "RUS", "IND", "month")
    levels = by_period(months)
    assert levels["2018-10"].events == 2 and levels["2018-10"].cooperation == pytest.approx(16.0)
    assert levels["2018-06"].events == 1                # the intent, when it was said
    assert levels["2018-11"].cooperation == pytest.approx(-7.0)
    assert levels["2017-05"].events == 0                # empty months are listed
    # by month, the 2019 article's report of a 2018 agreement has no month to go to
    assert [(t["stage"], t["reports"]) for t in levels["2018-10"].transfers] == [("contract", 2)]
    assert all(not p.transfers for p in months.periods if p.period != "2018-10")
    assert months.undated == 1                          # "2018" cannot be placed in a month
    quarters = by_period(dyad_series(store, "RUS", "IND", "quarter"))
    assert quarters["2018-Q4"].events == 3 and quarters["2018-Q4"].cooperation == pytest.approx(9.0)
    assert quarters["2015-Q1"].cooperation == pytest.approx(8.0)


def test_claim_check_2018_is_unprecedented(store):
    check = claim_check(store, "RUS", "IND", "2018")
    # earlier years: 2015 8.3, 2016 0.2, 2017 0.0; 2018: 16.4
    assert [e["period"] for e in check.earlier] == ["2015", "2016", "2017"]
    assert check.value == pytest.approx(16.4)
    assert check.unprecedented is True
    assert (check.rank, check.of) == (1, 4)
    assert check.percentile == pytest.approx(100.0)
    assert check.earlier_mean == pytest.approx(8.5 / 3)
    assert check.earlier_sd == pytest.approx(4.735328, abs=1e-5)   # sqrt(44.846667 / 2)
    assert check.z_score == pytest.approx(2.864990, abs=1e-5)      # (16.4 − 2.833333) / 4.735328
    assert check.previous_peak == {"period": "2015", "value": pytest.approx(8.3)}
    assert check.answer.startswith("Yes")
    assert {e["id"] for e in check.events} == {"h", "i", "j", "k", "n"}
    assert check.events[0]["goldstein"] == 8.0                    # weightiest first
    assert {e["id"] for e in check.peak_events} == {"a", "b", "c", "d"}


def test_claim_check_not_unprecedented(store):
    check = claim_check(store, "RUS", "IND", "2016")
    # 2016 (0.2) against 2015 (8.3)
    assert check.unprecedented is False
    assert (check.rank, check.of, check.percentile) == (2, 2, 0.0)
    assert check.z_score is None                  # one earlier year has no spread
    assert check.answer.startswith("No")
    empty = claim_check(store, "RUS", "IND", "2017")
    assert (empty.value, empty.rank, empty.of) == (0.0, 3, 3)
    comity_only = claim_check(store, "RUS", "IND", "2016", origin="comity")
    assert comity_only.unprecedented is True and comity_only.value == pytest.approx(10.2)


def test_claim_check_other_measures_and_windows(store):
    events = claim_check(store, "RUS", "IND", "2018", measure="events")
    assert events.value == 5 and events.unprecedented is True
    mean = claim_check(store, "RUS", "IND", "2018", measure="goldstein_mean")
    # 2017 has no events and so no mean: compared with 2015 (1.875) and 2016 (0.0667)
    assert [e["period"] for e in mean.earlier] == ["2015", "2016"]
    assert mean.value == pytest.approx(3.28)
    since = claim_check(store, "RUS", "IND", "2018", since=2015)
    assert [e["period"] for e in since.earlier] == ["2016", "2017"]
    first = claim_check(store, "RUS", "IND", "2015")
    assert first.unprecedented is None and first.answer.startswith("Cannot say")
    quarter = claim_check(store, "RUS", "IND", "2018q4")
    assert quarter.period == "2018-Q4" and quarter.by == "quarter"


def test_claim_history_starts_with_the_first_events(store):
    store.add_transfers([{"doc_id": "t5", "doc_date": "2018-01-10", "supplier": "RUS", "recipient": "IND",
                          "system": "T-90", "stage": "delivery", "year": 2010, "category": None,
                          "sentence": "s", "span": [0, 1]}])
    assert dyad_series(store, "RUS", "IND").periods[0].period == "2010"   # the series shows it
    check = claim_check(store, "RUS", "IND", "2018")
    assert [e["period"] for e in check.earlier] == ["2015", "2016", "2017"]   # the check does not


def test_bad_questions_get_clear_errors(store):
    with pytest.raises(AnalysisError, match="not a period"):
        claim_check(store, "RUS", "IND", "18")
    with pytest.raises(AnalysisError, match="measure"):
        claim_check(store, "RUS", "IND", "2018", measure="vibes")
    with pytest.raises(AnalysisError, match="two different"):
        dyad_series(store, "RUS", "rus")


def test_check_stated_claims(store):
    store.add_claims([
        {"doc_id": "c1", "date": "2018-12-14", "dyad": ["RUS", "IND"], "level": "unprecedented",
         "direction": "high", "topic": "cooperation", "speaker": "RUSMILGOV", "sentence": "s1",
         "sentence_index": 0, "span": [0, 13]},
        {"doc_id": "c2", "date": "2016-11-01", "dyad": ["IND", "RUS"], "level": "highest ever",
         "direction": "high", "topic": "relation", "sentence": "s2", "sentence_index": 0, "span": [0, 5]},
        {"doc_id": "c3", "date": "2017-05-01", "dyad": ["RUS", "IND"], "level": "lowest point since 2015",
         "direction": "low", "topic": "tie", "since": 2015, "sentence": "s3", "sentence_index": 0,
         "span": [0, 5]},
        {"doc_id": "c4", "date": "2018-01-01", "dyad": None, "level": "all time high",
         "direction": "high", "topic": "tie", "sentence": "s4", "sentence_index": 0, "span": [0, 5]},
    ])
    verdicts = {r["doc_id"]: r["verdict"] for r in check_stated_claims(store)}
    # c1: 16.4 > 8.3; c2: 0.2 < 8.3; c3: 2017 (0.0) < 2016 (0.2), the only year after 2015
    assert verdicts == {"c1": "supported", "c2": "contradicted", "c3": "supported", "c4": "no dyad"}
    assert [r["doc_id"] for r in check_stated_claims(store, "IND", "RUS")] == ["c2", "c3", "c1"]


def test_transfer_register(store):
    register = transfer_register(store)
    assert [(t["supplier"], t["recipient"], t["system"], t["first_reported"]) for t in register] == [
        ("RUS", "IND", "S-400", "2018-10-05"), ("USA", "IND", "Apache", "2019-09-03")]
    assert transfer_register(store, supplier="usa")[0]["system"] == "Apache"


def test_periods():
    assert parse_period("2018") == ("year", "2018")
    assert parse_period("2018-Q3") == ("quarter", "2018-Q3")
    assert parse_period("2018-07") == ("month", "2018-07")
    assert period_of("2018-07-31", "quarter") == "2018-Q3"
    assert period_of("2018", "month") is None
    assert periods_between("2017-Q3", "2018-Q2", "quarter") == ["2017-Q3", "2017-Q4", "2018-Q1", "2018-Q2"]
    assert rank_against_earlier(5, [5, 7, 1]) == {"rank": 2, "of": 4, "percentile": pytest.approx(100 / 3),
                                                  "z_score": pytest.approx((5 - 13 / 3) / 3.0550505), "earlier_mean": pytest.approx(13 / 3),
                                                  "earlier_sd": pytest.approx(3.0550505)}


def test_plot_writes_png_and_svg(store, tmp_path):
    series = dyad_series(store, "RUS", "IND", "year")
    png = plot_dyad(series, tmp_path / "chart.png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = plot_dyad(dyad_series(store, "RUS", "IND", "month"), tmp_path / "chart.svg")
    assert "<svg" in svg.read_text()[:500]
    with pytest.raises(AnalysisError):
        plot_dyad(series, tmp_path / "chart.jpg")


def test_cli_dyad_and_claim(store, tmp_path):
    db = store.path
    store.close()
    runner = CliRunner()
    result = runner.invoke(app, ["dyad", "RUS", "IND", "--db", db, "--by", "year", "--format", "json"])
    assert result.exit_code == 0, result.output
    periods = {p["period"]: p for p in json.loads(result.stdout)["periods"]}
    assert periods["2018"]["cooperation"] == pytest.approx(16.4)
    csv_out = runner.invoke(app, ["dyad", "RUS", "IND", "--db", db, "--format", "csv"])
    assert csv_out.stdout.splitlines()[0].startswith("period,events,")
    assert any(line == '2018,5,4,0,1,0,16.4,3.28,16.4,S-400 RUS→IND contract ×2; S-400 RUS→IND agreed' for line in csv_out.stdout.splitlines())
    table = runner.invoke(app, ["dyad", "RUS", "IND", "--db", db, "--plot", str(tmp_path / "c.png")])
    assert table.exit_code == 0 and "RUS – IND by year" in table.stdout
    assert (tmp_path / "c.png").exists()
    claim = runner.invoke(app, ["claim", "RUS", "IND", "--period", "2018", "--db", db, "--format", "json"])
    answer = json.loads(claim.stdout)
    assert answer["unprecedented"] is True and answer["rank"] == 1
    assert answer["z_score"] == pytest.approx(2.86499, abs=1e-4)
    text = runner.invoke(app, ["claim", "RUS", "IND", "--period", "2018", "--db", db])
    assert text.stdout.startswith("Yes: RUS–IND cooperation in 2018 (16.40)")
    missing = runner.invoke(app, ["dyad", "RUS", "IND", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 1 and "no database" in missing.output


# -- end to end: coded text --------------------------------------------------------------------

def independent_levels(store: Store, a: str, b: str) -> dict[str, dict[str, float]]:
    """The dyad's levels by year recomputed in Python from the stored events, as the docs
    define them, to hold the SQL implementation to account."""
    levels: dict[str, dict[str, float]] = defaultdict(lambda: {"events": 0, "cooperation": 0.0, "goldstein": 0.0})
    for e in store.events():
        if {e["source_country"], e["target_country"]} != {a, b} or (e["modality"] or "").startswith("negated"):
            continue
        day = e["date"] if e["modality"] in (None, "asserted") or not e["doc_date"] else e["doc_date"]
        day = day or e["doc_date"]
        if not day:
            continue
        level = levels[day[:4]]
        level["events"] += 1
        level["goldstein"] += e["goldstein"]
        sign = 1 if e["quad_class"] in (1, 2) else -1 if e["quad_class"] in (3, 4) else 0
        level["cooperation"] += sign * abs(e["goldstein"])
    return levels


def check_consistency(store: Store, a: str, b: str) -> None:
    series = dyad_series(store, a, b, "year")
    expected = independent_levels(store, a, b)
    assert expected, "the corpus should give events of this dyad"
    for level in series.periods:
        want = expected.get(level.period, {"events": 0, "cooperation": 0.0, "goldstein": 0.0})
        assert level.events == want["events"]
        assert level.cooperation == pytest.approx(want["cooperation"])
        assert level.goldstein_sum == pytest.approx(want["goldstein"])
        assert level.events == (level.verbal_cooperation + level.material_cooperation
                                + level.verbal_conflict + level.material_conflict)
    last = series.periods[-1].period
    check = claim_check(store, a, b, last)
    assert check.value == pytest.approx(series.periods[-1].cooperation)
    earlier = [p.cooperation for p in series.periods[:-1]]
    assert check.rank == 1 + sum(v > check.value for v in earlier)
    assert check.unprecedented == (check.value > max(earlier) if earlier else None)


TEXTS = {
    "e1": "date 2016-10-15 By Reuters\n\nIndia and Russia signed an agreement on air defence systems in Goa on Saturday.",
    "e2": "date 2017-06-01 By Reuters\n\nRussia and India held talks in St Petersburg on Thursday.",
    "e3": "date 2018-10-05 By TASS\n\nRussia and India signed a contract for five air defence systems in New Delhi on Friday. "
          "Russia praised India for its independent foreign policy.",
    "e4": "date 2019-02-20 By PTI\n\nIndia accused Pakistan of sponsoring terrorism.",
}


def test_end_to_end_on_texts(tmp_path, coder):
    corpus = tmp_path / "texts"
    corpus.mkdir()
    for name, text in TEXTS.items():
        (corpus / f"{name}.txt").write_text(text, encoding="utf-8")
    with Store.open(tmp_path / "e2e.duckdb") as store:
        from comity.read import read_inputs

        store.ingest(read_inputs([str(corpus)]), coder=coder)
        check_consistency(store, "RUS", "IND")


@pytest.mark.skipif(not EXAMPLES.is_dir(), reason="no example corpus")
def test_end_to_end_on_the_example_corpus(tmp_path, coder):
    """The main job's numbers agree with the stored events (counts are not pinned: the coder's
    accuracy changes as it is tuned)."""
    from comity.read import read_inputs

    with Store.open(tmp_path / "examples.duckdb") as store:
        report = store.ingest(read_inputs([str(EXAMPLES)]), coder=coder)
        assert report.failed == 0
        check_consistency(store, "RUS", "IND")
        check = claim_check(store, "RUS", "IND", "2018")
        assert check.value is not None and check.earlier   # 2015-2017 precede it
