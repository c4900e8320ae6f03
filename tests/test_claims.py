"""Claims about relationship levels stated in articles: what is a claim, who made it, about
which dyad; and that ingest stores them for ``comity claim --check-stated``."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from comity.analyse import claim_check
from comity.cli import app
from comity.read import read_inputs
from comity.records import Document
from comity.store import Store

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_a12f7572cc1d2d3e.txt"


def claims_of(coder, text: str, date: str = "2020-05-01") -> list[dict]:
    (result,) = coder.code([Document(id="t", text=text, date=date)])
    return result.claims


CLAIMS = [
    ("Relations between Japan and China are at their lowest point since 1972, Japan's foreign "
     "minister said on Monday.", "low", "relation", {"JPN", "CHN"}, "JPN", 1972),
    ('"Our relations with Brazil have never been better," the French president said.',
     "high", "relation", {"FRA", "BRA"}, "FRA", None),
    ("Ties between Ankara and Washington have hit an all-time low, Turkey's foreign minister said.",
     "low", "tie", {"TUR", "USA"}, "TUR", None),
    ("India and Russia enjoy unprecedented trust, the Indian prime minister told reporters.",
     "high", "trust", {"IND", "RUS"}, "IND", None),
    ("Cooperation between Egypt and Saudi Arabia is at its strongest in decades, Egypt's president said.",
     "high", "cooperation", {"EGY", "SAU"}, "EGY", None),
]


@pytest.mark.parametrize("text, direction, topic, dyad, speaker_country, since", CLAIMS)
def test_level_claims(coder, text, direction, topic, dyad, speaker_country, since):
    (claim,) = claims_of(coder, text)
    assert claim["direction"] == direction
    assert claim["topic"] == topic
    assert set(claim["dyad"]) == dyad
    assert claim["dyad"][0] == speaker_country        # the speaker's side first
    assert claim["speaker_country"] == speaker_country
    assert claim["since"] == since
    assert claim["date"] == "2020-05-01" and claim["doc_id"] == "t"
    start, end = claim["span"]
    assert " ".join(text[start:end].lower().replace("-", " ").split()).endswith(claim["level"])


NOT_CLAIMS = [
    "The floods were unprecedented, officials said.",
    "Bilateral trade between India and Russia reached a record high of $65 billion.",
    "Relations between Germany and Poland are not at an all-time low, the Polish foreign minister said.",
    "The summit produced an unprecedented attack on the partnership, critics said.",
    "Kenya and Uganda held talks at the highest level on Friday.",
]


@pytest.mark.parametrize("text", NOT_CLAIMS)
def test_not_level_claims(coder, text):
    assert claims_of(coder, text) == []


def test_one_named_country_pairs_with_the_speaker(coder):
    (claim,) = claims_of(coder, "Lavrov said Russia's relations with India were at an all-time high.")
    assert set(claim["dyad"]) == {"RUS", "IND"}


@pytest.mark.skipif(not SEED.exists(), reason="no ../shared seed")
def test_the_seed_claim(coder):
    (result,) = coder.code(read_inputs([str(SEED)]))
    unprecedented = [c for c in result.claims if c["level"] == "unprecedented"]
    assert unprecedented
    for claim in unprecedented:
        assert set(claim["dyad"]) == {"RUS", "IND"}
        assert claim["speaker_country"] == "RUS"
        assert claim["direction"] == "high"
        assert claim["date"] == "2018-12-14"


def test_ingest_stores_claims_for_the_check(tmp_path, coder):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("date 2016-10-15 By Reuters\n\nIndia and Russia signed an agreement on "
                                  "defence cooperation in Goa on Saturday.", encoding="utf-8")
    (corpus / "b.txt").write_text("date 2018-12-14 By TASS\n\nThe level of cooperation between India and "
                                  "Russia is unprecedented, Russia's defence minister said on Thursday.",
                                  encoding="utf-8")
    with Store.open(tmp_path / "claims.duckdb") as store:
        report = store.ingest(read_inputs([str(corpus)]), coder=coder)
        assert report.claims == 1
        row = store.rows("SELECT * FROM claims")[0]
        assert (row["doc_id"], row["date"], row["direction"]) == ("b", "2018-12-14", "high")
        assert {row["dyad_a"], row["dyad_b"]} == {"RUS", "IND"}
        check = claim_check(store, row["dyad_a"], row["dyad_b"], "2018")

    result = CliRunner().invoke(app, ["claim", "--check-stated", "--db", str(tmp_path / "claims.duckdb"),
                                      "--format", "json"])
    assert result.exit_code == 0, result.output
    (checked,) = json.loads(result.stdout)
    assert checked["period"] == "2018"
    # The stated claim is held to the same check as `comity claim RUS IND --period 2018`.
    assert checked["verdict"] == ("supported" if check.unprecedented else "contradicted")
    assert checked["value"] == pytest.approx(check.value)
