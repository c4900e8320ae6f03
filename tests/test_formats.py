"""Output formats."""
import csv
import io
import json

from comity import code_text
from comity.formats import EVENT_FIELDS, GDELT_COLUMNS, WRITERS, gdelt_row, plover_record


def _events():
    return [e.to_dict() for e in code_text(
        "Japan's prime minister visited Australia on Tuesday.", date="2023-03-09")]


def test_jsonl_fields_and_stable_ids() -> None:
    events = _events()
    assert events, "the sentence should code a visit"
    out = io.StringIO()
    WRITERS["jsonl"](events, out)
    record = json.loads(out.getvalue().splitlines()[0])
    assert set(EVENT_FIELDS) <= set(record)
    assert record["cameo"] == "042" and record["date"] == "2023-03-07"
    assert record["id"] == _events()[0]["id"]


def test_csv_has_header_and_rows() -> None:
    out = io.StringIO()
    WRITERS["csv"](_events(), out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert rows[0]["source_country"] == "JPN" and rows[0]["target_country"] == "AUS"


def test_gdelt_has_61_columns() -> None:
    row = gdelt_row(_events()[0])
    assert len(row) == len(GDELT_COLUMNS) == 61
    by_name = dict(zip(GDELT_COLUMNS, row))
    assert by_name["SQLDATE"] == "20230307" and by_name["EventRootCode"] == "04"
    assert by_name["Actor1CountryCode"] == "JPN" and by_name["Actor1Type1Code"] == "GOV"
    assert by_name["QuadClass"] == "1"


def test_plover_record() -> None:
    record = plover_record(_events()[0])
    assert record["event"] == "CONSULT" and record["source"][0]["country"] == "JPN"
