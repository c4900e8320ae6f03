"""SIPRI trade registers: reading, writing, reconciling with the news, importing into the
weapon gazetteer, and the commands over them. Nothing here needs the spaCy model except the
`comity transfers --format sipri` command test."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from comity.sipri import (REGISTER_COLUMNS, RegisterError, read_register, reconcile, sipri_category,
                          sipri_row, state_code, systems_from_register, write_sipri,
                          write_weapon_rows)
from comity.transfers import WeaponGazetteer, WeaponSystem, read_weapon_rows

SHARED = Path(__file__).resolve().parents[2] / "shared"
REGISTER = SHARED / "reference" / "sipri" / "trade-register-2025-03-13.csv"
SEED_GOLD = SHARED / "seed" / "gold.jsonl"
needs_register = pytest.mark.skipif(not REGISTER.exists(), reason="shared SIPRI register not available")

HEADER = ",".join(REGISTER_COLUMNS)
SMALL_REGISTER = "\n".join([
    HEADER,
    "Norway,Germany,2017,,4,,Kestrel-77,submarine,0,,,New,$5.5 b deal,,,",
    "Norway,Germany,2023,?,2,,Kestrel-77,submarine,0,,,New,,,,",
    "Chile,United States,2019,,3,,Zephyr-9X,light helicopter,3,,2020; 2021,New,,,,",
    "Chile,United Kingdom,2019,,10,,aircraft engine,aircraft engine,10,,2020,New,,,,",
    "Utopia rebels*,unknown supplier(s),2001,?,10,?,Zephyr-9X,light helicopter,10,,2001,Second hand,,,,",
    "Peru,Soviet Union,1975,,12,,Zephyr-9X,light helicopter,12,,1976,New,,,,",
]) + "\n"


@pytest.fixture()
def small_register(tmp_path: Path) -> Path:
    path = tmp_path / "register.csv"
    path.write_text(SMALL_REGISTER, encoding="utf-8")
    return path


# -- reading --------------------------------------------------------------------------------

def test_read_small_register(small_register: Path) -> None:
    orders = read_register(small_register)
    assert len(orders) == 6
    first = orders[0]
    assert (first.recipient, first.supplier, first.order_year, first.number_ordered) == ("NOR", "DEU", 2017, 4)
    assert first.category == "ship"
    assert orders[1].order_year == 2023          # "?" marks uncertainty, not a missing year
    assert orders[2].delivery_years == [2020, 2021]
    assert orders[4].recipient is None and orders[4].supplier is None
    assert orders[5].supplier == "SUN"


def test_web_export_headings(tmp_path: Path) -> None:
    path = tmp_path / "web.csv"
    path.write_text(
        "Transfers of major weapons: Deals with deliveries or orders made for 2018 to 2018\n"
        "Information generated: 13 March 2025\n\n"
        "Recipient,Supplier,Year of order,,Number ordered,,Weapon designation,Weapon description,"
        "Number delivered,,Year(s) of delivery,status,Comments,SIPRI TIV per unit,SIPRI TIV for total order,"
        "SIPRI TIV of delivered weapons\n"
        "India,Russia,2018,,10,,S-400 Triumf,SAM system,6,,2021; 2022; 2023,New,,65,650,390\n",
        encoding="utf-8")
    [order] = read_register(path)
    assert (order.recipient, order.supplier, order.designation, order.order_year) == ("IND", "RUS", "S-400 Triumf", 2018)
    assert order.delivery_years == [2021, 2022, 2023] and order.category == "air-defence"


def test_not_a_register(tmp_path: Path) -> None:
    path = tmp_path / "notes.csv"
    path.write_text("name,value\na,1\n", encoding="utf-8")
    with pytest.raises(RegisterError, match="recipient"):
        read_register(path)
    with pytest.raises(RegisterError):
        read_register(tmp_path / "missing.csv")
    partial = tmp_path / "partial.csv"
    partial.write_text("recipient,supplier,order_year\nIndia,Russia,2018\n", encoding="utf-8")
    with pytest.raises(RegisterError, match="weapon_designation"):
        read_register(partial)


@pytest.mark.parametrize("description,category", [
    ("fighter aircraft", "aircraft"), ("SAM system", "air-defence"), ("SAM", "missile"),
    ("naval SAM system", "naval-weapon"), ("portable SAM", "missile"), ("APC", "armoured-vehicle"),
    ("tank destroyer", "armoured-vehicle"), ("self-propelled gun", "artillery"),
    ("anti-aircraft gun", "air-defence"), ("naval gun", "naval-weapon"), ("frigate", "ship"),
    ("anti-submarine rocket launcher", "anti-submarine"), ("anti-submarine torpedo", "missile"),
    ("anti-submarine helicopter", "aircraft"), ("air search radar", "sensor"),
    ("maritime patrol aircraft radar", "sensor"), ("aircraft engine", "engine"),
    ("recce satellite", "satellite"), ("tanker/transport aircraft", "aircraft"),
    ("frigate/landing ship", "ship"), ("infantry fighting vehicle turret", "other"),
    ("(armed) trainer aircraft", "aircraft"), ("air refuel system", "other"),
])
def test_categories(description: str, category: str) -> None:
    assert sipri_category(description) == category


def test_state_names() -> None:
    assert state_code("Russia") == "RUS" and state_code("United States") == "USA"
    assert state_code("Soviet Union") == "SUN" and state_code("East Germany (GDR)") == "DDR"
    assert state_code("Hezbollah (Lebanon)*") is None and state_code("unknown supplier(s)") is None


@needs_register
def test_read_shared_register() -> None:
    orders = read_register(REGISTER)
    assert len(orders) > 29000
    known = sum(1 for o in orders if o.supplier and o.recipient)
    assert known / len(orders) > 0.97
    s400 = [o for o in orders if o.designation == "S-400 Triumf" and o.recipient == "IND"]
    assert s400 and s400[0].supplier == "RUS" and s400[0].order_year == 2018


# -- reconciling ----------------------------------------------------------------------------

def _deal(**kw) -> dict:
    base = dict(id="x", doc_id="d", supplier="RUS", recipient="IND", system="S-400 Triumf",
                designation="S-400 Triumf", category="air-defence", quantity=None, value=None,
                currency=None, value_usd=None, stage="contract", year=None, sentence="", span=[0, 0],
                sources=[{"doc_id": "d", "doc_date": "2018-12-14"}])
    return {**base, **kw}


def test_reconcile_small(small_register: Path) -> None:
    orders = read_register(small_register)
    weapons = WeaponGazetteer([WeaponSystem("Kestrel 77", ("Kestrel-77", "KS-77"), category="ship",
                                            producers=("DEU",))])
    deals = [
        _deal(supplier="DEU", recipient="NOR", system="KS-77", designation="Kestrel 77", year=2017),
        _deal(supplier="DEU", recipient="NOR", system="KS-77", designation="Kestrel 77", year=2023),
        _deal(supplier="DEU", recipient="NOR", system="KS-77", designation="Kestrel 77", year=2010),
        _deal(supplier="USA", recipient="CHL", system="Zephyr-9X helicopters", designation=None,
              stage="delivery", year=2021),
    ]
    result = reconcile(deals, orders, weapons)
    rows = sorted(m.order.row for m in result.confirmed)
    assert rows == [2, 3, 4]
    assert [d["year"] for d in result.missing] == [2010]


@needs_register
@pytest.mark.skipif(not SEED_GOLD.exists(), reason="shared seed not available")
def test_reconcile_seed_deals_with_the_register() -> None:
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8").splitlines()[0])
    deals = [_deal(**{**t, "designation": None, "sources": [{"doc_id": gold["id"], "doc_date": gold["date"]}]})
             for t in gold["transfers"]]
    deals.append(_deal(supplier="RUS", recipient="IND", system="Su-57", designation="Su-57", year=2018))
    result = reconcile(deals, read_register(REGISTER))
    confirmed = {m.deal["system"]: m.order for m in result.confirmed}
    assert confirmed["S-400 Triumf"].order_year == 2018
    assert "Talwar" in confirmed["Project 11356"].designation and confirmed["Project 11356"].order_year == 2018
    assert [d["system"] for d in result.missing] == ["Su-57"]


# -- writing --------------------------------------------------------------------------------

def test_sipri_row() -> None:
    deal = _deal(quantity=5, value=5.43e9, currency="USD", value_usd=5.43e9, stage="delivery", year=2021,
                 sources=[{"doc_id": "a", "stage": "contract", "year": 2018},
                          {"doc_id": "b", "stage": "delivery", "year": 2021}])
    row = sipri_row(deal)
    assert row["recipient"] == "India" and row["supplier"] == "Russia"
    assert row["order_year"] == 2018 and row["delivery_years"] == 2021
    assert row["number_ordered"] == 5 and row["number_delivered"] == 5
    assert "a, b" in row["comments"] and "stage delivery" in row["comments"]
    assert "reported as" not in row["comments"]
    assert "reported as AS9 Huntsman" in sipri_row({**deal, "system": "K9 Thunder", "designation": "K9 Thunder",
                                                   "reported_as": "AS9 Huntsman"})["comments"]
    out = io.StringIO()
    assert write_sipri([deal], out) == 1
    [parsed] = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(parsed) == REGISTER_COLUMNS


# -- importing ------------------------------------------------------------------------------

def test_import_systems(small_register: Path, tmp_path: Path) -> None:
    weapons = WeaponGazetteer()
    systems = systems_from_register(read_register(small_register), weapons)
    names = {s.designation: s for s in systems}
    assert set(names) == {"Kestrel-77", "Zephyr-9X"}        # "aircraft engine" is not a system
    assert names["Zephyr-9X"].producers == ("USA",)          # latest new-built order
    assert names["Zephyr-9X"].category == "aircraft" and names["Kestrel-77"].category == "ship"
    target = tmp_path / "transfers" / "weapons.user.tsv"
    assert write_weapon_rows(systems, target) == 2
    assert write_weapon_rows(systems, target) == 0           # nothing twice
    reread = list(read_weapon_rows(target, curated=False))
    assert {s.designation for s in reread} == {"Kestrel-77", "Zephyr-9X"}
    known = WeaponGazetteer(reread)
    assert systems_from_register(read_register(small_register), known) == []


# -- commands -------------------------------------------------------------------------------

@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def _app():
    from comity.cli import app

    return app


def test_cli_import_sipri(runner: CliRunner, small_register: Path, tmp_path: Path) -> None:
    folder = tmp_path / "mydata"
    result = runner.invoke(_app(), ["gazetteer", "import-sipri", str(small_register), "--into", str(folder)])
    assert result.exit_code == 0, result.output
    assert "added 2" in result.output
    assert (folder / "transfers" / "weapons.user.tsv").exists()
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    result = runner.invoke(_app(), ["gazetteer", "import-sipri", str(bad), "--into", str(folder)])
    assert result.exit_code == 2


def test_cli_reconcile_from_jsonl_and_db(runner: CliRunner, small_register: Path, tmp_path: Path) -> None:
    import duckdb

    deals = [_deal(supplier="USA", recipient="CHL", system="Zephyr-9X", designation="Zephyr-9X",
                   stage="delivery", year=2020),
             _deal(supplier="USA", recipient="CHL", system="Zephyr-7", designation="Zephyr-7")]
    jsonl = tmp_path / "t.jsonl"
    jsonl.write_text("\n".join(json.dumps(d) for d in deals) + "\nnot json\n", encoding="utf-8")
    result = runner.invoke(_app(), ["sipri", "reconcile", str(small_register), "--transfers", str(jsonl),
                                    "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert [m["register"]["weapon_designation"] for m in report["confirmed"]] == ["Zephyr-9X"]
    assert [d["system"] for d in report["missing"]] == ["Zephyr-7"]

    db = tmp_path / "store.duckdb"
    connection = duckdb.connect(str(db))
    connection.execute("CREATE TABLE transfers (id VARCHAR, doc_id VARCHAR, supplier VARCHAR, recipient VARCHAR,"
                       " system VARCHAR, category VARCHAR, quantity INTEGER, value DOUBLE, currency VARCHAR,"
                       " value_usd DOUBLE, stage VARCHAR, year INTEGER, sentence VARCHAR, span VARCHAR)")
    for d in deals:
        connection.execute("INSERT INTO transfers VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                           [d["id"], d["doc_id"], d["supplier"], d["recipient"], d["system"], d["category"],
                            d["quantity"], d["value"], d["currency"], d["value_usd"], d["stage"], d["year"],
                            d["sentence"], json.dumps(d["span"])])
    connection.close()
    result = runner.invoke(_app(), ["sipri", "reconcile", str(small_register), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "not in the register (1)" in result.stdout and "confirms (1)" in result.stdout

    result = runner.invoke(_app(), ["sipri", "reconcile", str(small_register), "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code != 0


def test_cli_transfers_sipri_format(runner: CliRunner, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("date 2022-08-26 By desk\n\nPoland ordered 180 K2 tanks from South Korea on Friday.\n",
                       encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    result = runner.invoke(_app(), ["transfers", str(article), str(empty), "--format", "sipri"])
    assert result.exit_code == 3                           # one document rejected, the other coded
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["supplier"], r["recipient"], r["number_ordered"], r["order_year"]) for r in rows] == [
        ("South Korea", "Poland", "180", "2022")]
    result = runner.invoke(_app(), ["transfers", str(article), "--format", "jsonl"])
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["stage"] == "contract" and record["quantity"] == 180
