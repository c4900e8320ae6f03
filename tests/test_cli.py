"""The command line: every command of the coding group, exit statuses."""
import json
from pathlib import Path

from typer.testing import CliRunner

from comity.cli import app

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "000_a12f7572cc1d2d3e.txt"
runner = CliRunner()


def test_code_seed_jsonl() -> None:
    result = runner.invoke(app, ["code", str(SEED)])
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.stdout.splitlines()]
    codes = {(e["source_country"], e["target_country"], e["cameo"]) for e in events}
    assert {("RUS", "IND", "0312"), ("RUS", "IND", "040"), ("RUS", "IND", "057"), ("RUS", "IND", "042")} <= codes
    assert all(e["doc_id"] == "000_a12f7572cc1d2d3e" for e in events)


def test_code_reports_rejected_documents_and_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Chile recalled its ambassador from Peru on Monday.", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("   ", encoding="utf-8")
    result = runner.invoke(app, ["code", str(good), str(empty), "--date", "2020-02-04"])
    assert result.exit_code == 3
    assert "rejected empty" in result.stderr


def test_code_usage_error() -> None:
    result = runner.invoke(app, ["code", "x.txt", "--date", "yesterday"])
    assert result.exit_code == 2


def test_code_formats(tmp_path: Path) -> None:
    for fmt in ("csv", "gdelt", "plover"):
        out = tmp_path / f"out.{fmt}"
        result = runner.invoke(app, ["code", str(SEED), "--format", fmt, "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert out.read_text(encoding="utf-8").strip()


def test_actor_command_depends_on_date() -> None:
    before = runner.invoke(app, ["actor", "Rajnath Singh", "--date", "2016-06-01", "--format", "json"])
    after = runner.invoke(app, ["actor", "Rajnath Singh", "--date", "2020-06-01", "--format", "json"])
    assert json.loads(before.stdout)["code"] == "INDGOV"
    assert json.loads(after.stdout)["code"] == "INDGOVMIL"
    unknown = runner.invoke(app, ["actor", "the weather"])
    assert unknown.exit_code == 1


def test_explain_shows_rules_tried() -> None:
    result = runner.invoke(app, ["explain", "Peru will not sign the treaty with Chile.", "--date", "2020-01-01",
                                 "--format", "json"])
    assert result.exit_code == 0, result.output
    [trace] = json.loads(result.stdout)
    sign = [a for a in trace["attempts"] if a["pattern"] == "sign-agreement"]
    assert sign and sign[0]["outcome"] == "coded" and sign[0]["code"].startswith("12")
    text = runner.invoke(app, ["explain", "Peru will not sign the treaty with Chile."])
    assert "rules tried" in text.stdout


def test_explain_says_what_fixed_each_date() -> None:
    result = runner.invoke(app, ["explain", "Chile recalled its ambassador from Peru on Monday.",
                                 "--date", "2023-03-29"])
    assert result.exit_code == 0, result.output
    assert "date 2023-03-27 from the sentence" in " ".join(result.stdout.split())
