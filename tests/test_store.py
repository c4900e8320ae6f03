"""The store: schema and migrations, fingerprints of wire copies, bulk rows and exports."""
from __future__ import annotations

import csv
import json

import duckdb
import pyarrow.parquet as pq
import pytest

from comity.formats import GDELT_COLUMNS
from comity.store import (COPY_CONTAINMENT, MIGRATIONS, SCHEMA_VERSION, Store, StoreError, export,
                          fingerprint, migrate, schema_version)

EVENT = {"id": "e1", "doc_id": "d1", "date": "2018-10-05", "doc_date": "2018-10-05", "source": "RUSGOV",
         "target": "IND", "source_country": "RUS", "target_country": "IND", "source_text": "Putin",
         "target_text": "India", "cameo": "057", "root": "05", "quad_class": 1, "goldstein": 8.0,
         "plover": "AGREE", "sentence_index": 2, "sentence": "Russia and India signed a deal.",
         "span": [10, 16], "rule": "verb:sign", "trigger": "signed", "modality": "asserted",
         "source_name": "Vladimir Putin", "target_name": None, "source_sectors": ["GOV"],
         "target_sectors": [], "location": "New Delhi", "location_country": "IND"}


def test_a_new_store_has_the_current_schema(tmp_path):
    with Store.open(tmp_path / "new.duckdb") as store:
        assert schema_version(store.con) == SCHEMA_VERSION == MIGRATIONS[-1].version
        tables = {r[0] for r in store.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert {"documents", "events", "transfers", "transfer_reports", "claims", "actors",
            "fingerprints", "lsh_buckets", "imports", "schema_version"} <= tables


def test_an_older_database_is_migrated_and_keeps_its_rows(tmp_path):
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    migrate(con, MIGRATIONS[:3])          # as written by a comity without wire-copy detection
    con.execute("INSERT INTO documents (id, status, text_hash) VALUES ('d1', 'coded', 'h'), "
                "('d2', 'failed', NULL)")
    con.execute("INSERT INTO events (id, origin, doc_id, cameo) VALUES ('e1', 'comity', 'd1', '057')")
    con.close()
    with Store.open(path) as store:
        assert schema_version(store.con) == SCHEMA_VERSION
        docs = store.rows("SELECT id, story_id FROM documents ORDER BY id")
        assert docs == [{"id": "d1", "story_id": "d1"}, {"id": "d2", "story_id": None}]
        assert store.scalar("SELECT cameo FROM events") == "057"
        # rows coded before dates had a recorded basis say nothing rather than a guess
        assert store.scalar("SELECT date_basis FROM events") is None
        assert "reported_as" in {c["column_name"] for c in store.rows(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'transfers'")}
    with Store.open(path) as again:                 # opening again applies nothing
        assert again.scalar("SELECT count(*) FROM schema_version") == SCHEMA_VERSION


def test_a_read_only_open_of_an_older_database_migrates_it_first(tmp_path):
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    migrate(con, MIGRATIONS[:1])
    con.close()
    with Store.open(path, read_only=True) as store:
        assert schema_version(store.con) == SCHEMA_VERSION


def test_a_newer_database_is_refused(tmp_path):
    path = tmp_path / "future.duckdb"
    Store.open(path).close()
    con = duckdb.connect(str(path))
    con.execute("INSERT INTO schema_version (version, description) VALUES (999, 'from the future')")
    con.close()
    with pytest.raises(StoreError, match="newer than this comity"):
        Store.open(path)
    with pytest.raises(StoreError, match="newer"):
        Store.open(path, read_only=True)


def test_reading_a_missing_database_is_an_error(tmp_path):
    with pytest.raises(StoreError, match="no database"):
        Store.open(tmp_path / "missing.duckdb", read_only=True)


def test_events_round_trip_and_are_not_duplicated(tmp_path):
    with Store.open(tmp_path / "e.duckdb") as store:
        assert store.add_events([EVENT]) == 1
        store.add_events([EVENT, {**EVENT, "id": "e2", "cameo": "042"}])
        assert store.scalar("SELECT count(*) FROM events") == 2
        back = next(store.events("id = ?", ["e1"]))
        for key, value in EVENT.items():
            assert back[key] == value, key
        assert (back["origin"], back["num_articles"], back["num_sources"]) == ("comity", 1, 1)
        actors = store.rows("SELECT code, events FROM actors ORDER BY code")
        assert actors == [{"code": "IND", "events": 2}, {"code": "RUSGOV", "events": 2}]


def test_events_without_an_id_get_the_stable_one(tmp_path):
    from comity.records import event_id

    record = {k: v for k, v in EVENT.items() if k != "id"}
    with Store.open(tmp_path / "id.duckdb") as store:
        store.add_events([record, record])
        assert store.scalar("SELECT id FROM events") == event_id(record)


def test_transfer_reports_are_merged_into_one_deal(tmp_path):
    report = {"supplier": "RUS", "recipient": "IND", "system": "S-400", "category": "air-defence",
              "stage": "talks", "sentence": "x", "span": [0, 5]}
    with Store.open(tmp_path / "t.duckdb") as store:
        store.add_transfers([{**report, "doc_id": "a", "doc_date": "2016-10-15"},
                             {**report, "doc_id": "b", "doc_date": "2018-10-05", "stage": "contract",
                              "quantity": 5, "span": [3, 9]}])
        assert store.scalar("SELECT count(*) FROM transfer_reports") == 2
        deals = store.rows("SELECT system, stage, quantity, reports, first_reported FROM transfers")
    assert len(deals) == 1
    assert deals[0]["reports"] == 2 and deals[0]["quantity"] == 5
    assert str(deals[0]["first_reported"]) == "2016-10-15"
    assert deals[0]["stage"] == "contract"          # the most advanced stage reported


# -- fingerprints ---------------------------------------------------------------------------------

STORY = ("The defence ministers of the two countries met in the capital on Tuesday and agreed to "
         "expand joint production of helicopters and rifles, according to a statement issued after "
         "the talks, which also covered naval exercises, training of officers and the supply of spare "
         "parts for aircraft bought in earlier decades.")


def test_fingerprints_find_copies_and_only_copies():
    original = fingerprint("MOSCOW, Dec 24 (Reuters) - " + STORY)
    reprint = fingerprint("Moscow: " + STORY.upper() + " Follow us on Twitter.")
    trimmed = fingerprint(STORY[: int(len(STORY) * 0.85)])
    rewritten = fingerprint("Officials from both states held talks on Tuesday about helicopters, "
                            "rifles and naval drills, and said more meetings would follow soon, with "
                            "a statement promising closer ties in training and spare parts supply.")
    assert original.similarity(reprint) >= COPY_CONTAINMENT
    assert original.similarity(trimmed) >= COPY_CONTAINMENT      # containment, not just overlap
    assert original.similarity(rewritten) < 0.3
    assert len(original.minhash) == 64 and len(original.buckets) == 16
    assert fingerprint(STORY) == fingerprint(STORY)              # stable across calls


def test_short_texts_count_as_copies_only_when_identical():
    one = fingerprint("Russia and India signed a deal on Monday.")
    other = fingerprint("Russia and India signed a deal on Tuesday.")
    assert one.similarity(other) == 0.0
    assert one.similarity(fingerprint("Russia and India signed a deal on Monday!")) == 1.0


# -- exports ----------------------------------------------------------------------------------------

@pytest.fixture()
def filled(tmp_path):
    with Store.open(tmp_path / "x.duckdb") as store:
        store.add_events([EVENT, {**EVENT, "id": "e2", "cameo": "042", "goldstein": 1.9}])
        store.add_events([{**EVENT, "id": "gdelt:987654321", "doc_id": None, "avg_tone": -2.5,
                           "num_articles": 4, "num_sources": 3, "num_mentions": 7}], origin="gdelt")
        yield store


def test_export_parquet(filled, tmp_path):
    out = tmp_path / "events.parquet"
    assert export(filled, out, "parquet") == 3
    table = pq.read_table(out)
    assert table.num_rows == 3 and "num_articles" in table.column_names
    assert sorted(table.column("id").to_pylist()) == ["e1", "e2", "gdelt:987654321"]
    assert export(filled, tmp_path / "docs.parquet", "parquet", table="documents") == 0
    assert export(filled, tmp_path / "comity.parquet", "parquet", origin="comity") == 2


def test_export_text_formats(filled, tmp_path):
    assert export(filled, tmp_path / "e.csv", "csv") == 3
    rows = list(csv.DictReader(open(tmp_path / "e.csv", encoding="utf-8")))
    assert {r["cameo"] for r in rows} == {"057", "042"} and rows[0]["span"] == "10 16"
    assert export(filled, tmp_path / "e.tsv", "gdelt") == 3
    lines = (tmp_path / "e.tsv").read_text().splitlines()
    cells = [line.split("\t") for line in lines]
    assert all(len(c) == len(GDELT_COLUMNS) for c in cells)
    imported = next(c for c in cells if c[0] == "987654321")       # GDELT's own id kept
    column = {name: i for i, name in enumerate(GDELT_COLUMNS)}
    assert (imported[column["NumSources"]], imported[column["NumArticles"]]) == ("3", "4")
    assert imported[column["AvgTone"]] == "-2.5"
    assert export(filled, tmp_path / "e.plover", "plover") == 3
    record = json.loads((tmp_path / "e.plover").read_text().splitlines()[0])
    assert record["event"] == "AGREE"


def test_export_refuses_what_it_cannot_write(filled, tmp_path):
    with pytest.raises(StoreError, match="stdout"):
        export(filled, "-", "parquet")
    with pytest.raises(StoreError, match="event format"):
        export(filled, tmp_path / "x", "gdelt", table="documents")
    with pytest.raises(StoreError, match="no table"):
        export(filled, tmp_path / "x", "csv", table="secrets")


def test_cli_export(filled, tmp_path):
    from typer.testing import CliRunner

    from comity.cli import app

    db = filled.path
    filled.close()
    runner = CliRunner()
    result = runner.invoke(app, ["export", "-", "--db", db, "--format", "jsonl"])
    assert result.exit_code == 0
    assert len([l for l in result.stdout.splitlines() if l.startswith("{")]) == 3
    parquet = tmp_path / "out.parquet"
    assert runner.invoke(app, ["export", str(parquet), "--db", db]).exit_code == 0
    assert pq.read_table(parquet).num_rows == 3
    bad = runner.invoke(app, ["export", "-", "--db", db, "--format", "parquet"])
    assert bad.exit_code == 1 and "stdout" in bad.output
