"""Importers: GDELT 2.0 event files into the store, PETRARCH dictionaries into user actor data.
Test files are built here from the published formats; the reference files in ../shared are
read at test time when present, never copied."""
from __future__ import annotations

import csv
import zipfile
from pathlib import Path

import pytest

from comity.analyse import dyad_series
from comity.formats import GDELT_COLUMNS
from comity.importers import (USER_ACTOR_COLUMNS, import_gdelt, import_petrarch_dictionary,
                              parse_petrarch_actors, petrarch_date, petrarch_phrase)
from comity.ontology import ontology
from comity.store import Store

SHARED = Path(__file__).resolve().parents[2] / "shared" / "reference"


def gdelt_line(**values: str) -> str:
    row = dict.fromkeys(GDELT_COLUMNS, "")
    row.update(values)
    return "\t".join(row[c] for c in GDELT_COLUMNS)


ROWS = [
    gdelt_line(GLOBALEVENTID="410000001", SQLDATE="20150312", Actor1Code="RUSGOV", Actor1Name="RUSSIA",
               Actor1CountryCode="RUS", Actor1Type1Code="GOV", Actor2Code="IND", Actor2Name="INDIA",
               Actor2CountryCode="IND", IsRootEvent="1", EventCode="057", EventBaseCode="057",
               EventRootCode="05", QuadClass="1", GoldsteinScale="8.0", NumMentions="10", NumSources="3",
               NumArticles="9", AvgTone="2.75", ActionGeo_FullName="Moscow, Moskva, Russia",
               DATEADDED="20150312161500", SOURCEURL="https://example.org/a"),
    gdelt_line(GLOBALEVENTID="410000002", SQLDATE="20150401", Actor1Code="IND", Actor1CountryCode="IND",
               Actor2Code="RUS", Actor2CountryCode="RUS", EventCode="112", EventBaseCode="112",
               EventRootCode="11", QuadClass="3", GoldsteinScale="-2.0", NumMentions="2", NumSources="1",
               NumArticles="2", DATEADDED="20150401120000"),
    gdelt_line(GLOBALEVENTID="410000003", SQLDATE="20160101", Actor1Code="IGOUNO", Actor1KnownGroupCode="UNO",
               Actor2Code="IND", Actor2CountryCode="IND", EventCode="0231", EventBaseCode="023",
               EventRootCode="02", QuadClass="1", GoldsteinScale="3.4", DATEADDED="20160101000000"),
]


def write_gdelt(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.skipif(not (SHARED / "gdelt").is_dir(), reason="no ../shared reference")
def test_our_columns_are_gdelts():
    with open(SHARED / "gdelt" / "gdelt2_events_schema.tsv", encoding="utf-8") as handle:
        schema = [r["column"] for r in csv.DictReader(handle, delimiter="\t") if r["table"] == "export"]
    assert schema == GDELT_COLUMNS


def test_import_gdelt_events(tmp_path):
    source = write_gdelt(tmp_path / "20150312.export.CSV", [*ROWS, "410000004\t20150101\ttoo short"])
    with Store.open(tmp_path / "g.duckdb") as store:
        (result,) = import_gdelt(store, [source])
        assert (result.rows, result.added, result.rejected, result.error) == (3, 3, 1, None)
        assert "line 4" in result.problems[0]
        first = next(store.events("id = ?", ["gdelt:410000001"]))
        assert (first["origin"], first["date"], first["source"], first["source_country"]) == \
            ("gdelt", "2015-03-12", "RUSGOV", "RUS")
        assert (first["cameo"], first["root"], first["quad_class"], first["goldstein"]) == ("057", "05", 1, 8.0)
        assert (first["num_mentions"], first["num_sources"], first["num_articles"], first["avg_tone"]) == (10, 3, 9, 2.75)
        assert (first["doc_date"], first["url"], first["source_sectors"]) == ("2015-03-12", "https://example.org/a", ["GOV"])
        assert first["plover"] == ontology()["057"].plover      # mapped by comity's ontology
        un = next(store.events("id = ?", ["gdelt:410000003"]))
        assert un["source_country"] == "IGOUNO"
        # beside comity's own events, in the same analysis
        levels = {p.period: p for p in dyad_series(store, "RUS", "IND", "year").periods}
        assert levels["2015"].events == 2 and levels["2015"].cooperation == pytest.approx(6.0)
        assert store.scalar("SELECT rows FROM imports") == 3


def test_import_gdelt_twice_and_zipped(tmp_path):
    source = write_gdelt(tmp_path / "e.export.CSV", ROWS)
    archive = tmp_path / "e.export.CSV.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.write(source, "e.export.CSV")
    with Store.open(tmp_path / "g.duckdb") as store:
        results = list(import_gdelt(store, [source, archive]))
        assert [(r.rows, r.added) for r in results] == [(3, 3), (3, 0)]
        assert store.scalar("SELECT count(*) FROM events") == 3


def test_import_gdelt_rejects_other_files_and_goes_on(tmp_path):
    v1 = write_gdelt(tmp_path / "v1.CSV", ["\t".join(["x"] * 57)])
    missing = tmp_path / "missing.CSV"
    good = write_gdelt(tmp_path / "good.CSV", ROWS[:1])
    with Store.open(tmp_path / "g.duckdb") as store:
        results = list(import_gdelt(store, [v1, missing, good]))
        assert "57 tab-separated columns, expected 61" in results[0].error
        assert results[1].error and "missing.CSV" in results[1].error
        assert results[2].added == 1
        assert store.scalar("SELECT count(*) FROM events") == 1


def test_cli_import_gdelt(tmp_path):
    from typer.testing import CliRunner

    from comity.cli import app

    source = write_gdelt(tmp_path / "e.CSV", ROWS)
    db = tmp_path / "cli.duckdb"
    result = CliRunner().invoke(app, ["import", "gdelt", str(source), "--db", str(db)])
    assert result.exit_code == 0 and "3 new events" in result.output
    dyad = CliRunner().invoke(app, ["dyad", "IND", "RUS", "--db", str(db), "--origin", "gdelt", "--format", "csv"])
    assert dyad.stdout.splitlines()[1].startswith("2015,2,1,0,1,0,6.0,3.0,6.0")


# -- PETRARCH -------------------------------------------------------------------------------------

ACTORS = """# a PETRARCH actor dictionary in the format of dictionaries.rst
<!-- comment line -->
ATLANTIS_  [ATL]
+ATLANTEAN_
+POSEIDONIA_ # the capital

MARIA_DELA_CRUZ_  ; CountryInfo.txt
+PRESIDENT_DELA_CRUZ_
\t[ATLELI 850101-120630]
\t[ATLGOV 120630-<]
\t[ATLGOV >120630]

J._R._EWING_  [ATLBUS]
\t[ATLGOVMIL 20010101-20051231]
\t[ATLGOV 2004017-20061201]

NOBODY_IMPORTANT_
\t[---]

ATLANTEAN_NAVY_ [ATLMIL]
"""

AGENTS = """!MINIST! = MINISTER, MINISTERS
FOREIGN_!MINIST!_OF_SEAS [~GOVFRM] # made up
AIR_FORCE {} [~MIL]
HUMAN_RIGHTS_BODY  [NGO~]
CHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE} [~BUS]
"""


def read_tsv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8") as handle:
        return list(csv.DictReader((l for l in handle if not l.startswith("#")), delimiter="\t"))


def test_petrarch_dates_and_phrases():
    assert petrarch_date("120630") == "2012-06-30"
    assert petrarch_date("850101") == "1985-01-01"       # YY above 30 is 19YY, as in TABARI
    assert petrarch_date("300101") == "2030-01-01"
    assert petrarch_date("19280101") == "1928-01-01"
    for bad in ("2004017", "20100931", "abc"):
        with pytest.raises(ValueError):
            petrarch_date(bad)
    assert petrarch_phrase("MARIA_DELA_CRUZ_") == "Maria Dela Cruz"
    assert petrarch_phrase("J._R._EWING_") == "J. R. Ewing"
    assert petrarch_phrase("ISLAMIC_REPUBLIC_OF_ATLANTIS") == "Islamic Republic of Atlantis"
    assert petrarch_phrase("O'NEILL-SMITH") == "O'Neill-Smith"


def test_import_petrarch_actor_dictionary(tmp_path):
    source = tmp_path / "Atlantis.actors.txt"
    source.write_text(ACTORS, encoding="utf-8")
    folder = tmp_path / "userdata"
    result = import_petrarch_dictionary(source, folder)
    assert result.error is None and result.output == str(folder / "actors" / "user_actors.tsv")
    rows = read_tsv(folder / "actors" / "user_actors.tsv")
    assert list(rows[0]) == USER_ACTOR_COLUMNS
    table = [(r["phrase"], r["code"], r["start"], r["end"], r["kind"]) for r in rows]
    assert table == [
        ("Atlantis", "ATL", "", "", "country"),
        ("Maria Dela Cruz", "ATLELI", "1985-01-01", "2012-06-30", "person"),
        ("Maria Dela Cruz", "ATLGOV", "2012-06-30", "", "person"),
        ("J. R. Ewing", "ATLBUS", "", "", "person"),
        ("J. R. Ewing", "ATLGOVMIL", "2001-01-01", "2005-12-31", "person"),
        ("Atlantean Navy", "ATLMIL", "", "", "organisation"),
    ]
    assert rows[0]["aliases"] == "Atlantean|Poseidonia"
    assert rows[1]["aliases"] == "President Dela Cruz" and rows[1]["source"] == "Atlantis.actors.txt"
    problems = " ".join(result.problems)
    assert "120630-<" in problems and "2004017" in problems and "Nobody Important" in problems
    # Importing again replaces the file's rows: nothing changes.
    before = (folder / "actors" / "user_actors.tsv").read_text()
    again = import_petrarch_dictionary(source, folder)
    assert again.added == 0 and (folder / "actors" / "user_actors.tsv").read_text() == before


def test_import_petrarch_agent_dictionary(tmp_path):
    source = tmp_path / "agents.txt"
    source.write_text(AGENTS, encoding="utf-8")
    result = import_petrarch_dictionary(source, tmp_path / "u")
    assert result.error is None and result.output.endswith("user_roles.tsv")
    rows = [(r["phrase"], r["sectors"]) for r in read_tsv(Path(result.output))]
    assert rows == [("foreign minister of seas", "GOV FRM"), ("foreign ministers of seas", "GOV FRM"),
                    ("air force", "MIL"), ("human rights body", "NGO"),
                    ("chamber of commerce", "BUS"), ("chambers of commerce", "BUS")]


def test_import_petrarch_errors(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("# nothing here\n", encoding="utf-8")
    assert "no dictionary entries" in import_petrarch_dictionary(empty, tmp_path / "u").error
    assert "missing" in import_petrarch_dictionary(tmp_path / "missing.txt", tmp_path / "u").error
    assert not (tmp_path / "u" / "actors" / "user_actors.tsv").exists()


def test_default_user_folder_is_comity_data(tmp_path, monkeypatch):
    from comity.importers import user_data_dir

    monkeypatch.setenv("COMITY_DATA", str(tmp_path / "mine"))
    assert user_data_dir() == tmp_path / "mine"
    monkeypatch.delenv("COMITY_DATA")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert user_data_dir() == tmp_path / "xdg" / "comity"


@pytest.mark.skipif(not (SHARED / "petrarch").is_dir(), reason="no ../shared reference")
def test_phoenix_country_dictionary_parses():
    path = SHARED / "petrarch" / "Phoenix.Countries.actors.txt"
    entries, problems = parse_petrarch_actors(path.read_text(encoding="utf-8", errors="replace").splitlines())
    assert len(entries) > 15000
    assert len(problems) < len(entries) / 100
    modi = next(e for e in entries if e.phrase == "Narendra Modi")
    assert ("INDGOV", "2014-05-26", None) in modi.codes
    india = next(e for e in entries if e.phrase == "India")
    assert india.codes == [("IND", None, None)] and "New Delhi" in india.aliases
