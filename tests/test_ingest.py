"""Ingest: idempotent, resumable after Ctrl-C and kill -9, wire copies stored once, failures
recorded. Most tests use a stand-in coder (no spaCy) so the store's guarantees are tested fast
and exactly; the slow tests at the end run the real coder through the command line."""
from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from comity.cli import app
from comity.ontology import ontology
from comity.pipeline import CodedDocument
from comity.read import Rejected
from comity.records import Actor, Document, Event, Transfer
from comity.store import Store

TESTS = Path(__file__).resolve().parent
EXAMPLES = TESTS.parent / "examples" / "articles"

_LINE = re.compile(r"^(EVENT|TRANSFER|CLAIM) (\w{3}) (\w{3}) (\S+)$", re.MULTILINE)


class FakeCoder:
    """Codes marker lines instead of prose: ``EVENT RUS IND 057``, ``TRANSFER RUS IND S-400``,
    ``CLAIM RUS IND unprecedented``; a document containing ``FAIL`` fails. It can kill its own
    process (like kill -9) or raise KeyboardInterrupt (like Ctrl-C) on a given document."""

    def __init__(self, kill_at: str | None = None, interrupt_at: str | None = None):
        self.kill_at = kill_at
        self.interrupt_at = interrupt_at
        self.coded: list[str] = []

    def code(self, items):
        for document in items:
            if document.id == self.kill_at:
                os.kill(os.getpid(), signal.SIGKILL)
            if document.id == self.interrupt_at:
                raise KeyboardInterrupt
            self.coded.append(document.id)
            if "FAIL" in document.text:
                yield Rejected(document.id, "coding failed: ValueError: marked to fail", document.path)
                continue
            yield self._code(document)

    @staticmethod
    def _code(document: Document) -> CodedDocument:
        coded = CodedDocument(document=document)
        for index, match in enumerate(_LINE.finditer(document.text)):
            kind, a, b, what = match.groups()
            span = (match.start(), match.end())
            if kind == "EVENT":
                etype = ontology()[what]
                coded.events.append(Event(
                    doc_id=document.id, date=document.date, source=Actor.build(a), target=Actor.build(b),
                    cameo=what, root=etype.root, quad_class=etype.quad_class, goldstein=etype.goldstein,
                    plover=etype.plover, sentence_index=index, sentence=match.group(0), span=span,
                    rule="fake", doc_date=document.date))
            elif kind == "TRANSFER":
                coded.transfers.append(Transfer(doc_id=document.id, supplier=a, recipient=b, system=what,
                                                category=None, stage="contract", sentence=match.group(0),
                                                span=span, sentence_index=index, doc_date=document.date))
            else:
                coded.claims.append({"doc_id": document.id, "date": document.date, "dyad": [a, b],
                                     "level": what, "direction": "high", "topic": "cooperation",
                                     "speaker": a, "speaker_country": a, "sentence": match.group(0),
                                     "sentence_index": index, "span": list(span)})
        return coded


def story(seed: int, words: int = 120) -> str:
    """A text of made-up words, unlike any other seed's (so never a near copy)."""
    rng = random.Random(seed)
    return " ".join(f"w{rng.randrange(100000)}" for _ in range(words)) + "."


def make_corpus(n: int) -> list[Document]:
    """n distinct documents, 2015-2024, each with events; every 7th reports a transfer and every
    11th states a claim."""
    documents = []
    for i in range(n):
        lines = [story(i), "EVENT RUS IND 057", "EVENT IND RUS 042"]
        if i % 3 == 0:
            lines.append("EVENT RUS IND 112")
        if i % 7 == 0:
            lines.append(f"TRANSFER RUS IND {'S-400' if i % 2 else 'Su-30MKI'}")
        if i % 11 == 0:
            lines.append("CLAIM RUS IND unprecedented")
        date = f"{2015 + i % 10}-0{1 + i % 9}-1{i % 10}"
        documents.append(Document(id=f"doc-{i:03d}", text="\n".join(lines), date=date,
                                  sources=[f"outlet-{i % 4}"]))
    return documents


def snapshot(store: Store) -> dict[str, list[tuple]]:
    """Every stored row (bar ingest timestamps), in a canonical order."""
    tables = {"documents": "* EXCLUDE (ingested_at)", "events": "*", "transfer_reports": "*",
              "transfers": "*", "claims": "*", "fingerprints": "*", "lsh_buckets": "*"}
    return {table: store.con.execute(f"SELECT {columns} FROM {table} ORDER BY ALL").fetchall()
            for table, columns in tables.items()}


def ingest(path: Path, documents, **kwargs):
    with Store.open(path) as store:
        report = store.ingest(documents, **{"coder": FakeCoder(), "batch_size": 5, **kwargs})
        return report, snapshot(store)


@pytest.fixture(scope="module")
def clean_run(tmp_path_factory):
    """The reference: the 40-document corpus ingested once, uninterrupted."""
    path = tmp_path_factory.mktemp("clean") / "clean.duckdb"
    report, rows = ingest(path, make_corpus(40))
    assert report.coded == 40 and report.failed == 0
    return rows


# -- idempotence ------------------------------------------------------------------------------

def test_ingest_twice_leaves_the_same_rows(tmp_path, clean_run):
    path = tmp_path / "twice.duckdb"
    first, rows = ingest(path, make_corpus(40))
    second_coder = FakeCoder()
    second, again = ingest(path, make_corpus(40), coder=second_coder)
    assert rows == clean_run
    assert again == rows
    assert (second.skipped, second.coded, second.copies) == (40, 0, 0)
    assert second_coder.coded == []        # nothing is coded again
    assert len(rows["events"]) == 40 * 2 + 14  # two events each, a third in every third document
    assert len(rows["claims"]) == 4


def test_every_document_row_agrees_with_its_events(tmp_path):
    path = tmp_path / "agree.duckdb"
    ingest(path, make_corpus(12))
    with Store.open(path) as store:
        rows = store.rows("""SELECT d.id, d.status, d.story_id, d.n_events, count(e.id) AS stored
                             FROM documents d LEFT JOIN events e ON e.doc_id = d.id
                             GROUP BY ALL ORDER BY d.id""")
    assert len(rows) == 12
    for row in rows:
        assert row["status"] == "coded" and row["story_id"] == row["id"]
        assert row["n_events"] == row["stored"] == (3 if int(row["id"][-3:]) % 3 == 0 else 2)


# -- interrupted and resumed ------------------------------------------------------------------

def test_ingest_killed_with_sigkill_and_resumed_loses_and_duplicates_nothing(tmp_path, clean_run):
    path = tmp_path / "killed.duckdb"
    script = f"""
import sys
sys.path.insert(0, {str(TESTS)!r})
from test_ingest import FakeCoder, make_corpus
from comity.store import Store
store = Store.open({str(path)!r})
store.ingest(make_corpus(40), coder=FakeCoder(kill_at="doc-023"), batch_size=5)
print("not killed")
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == -signal.SIGKILL, done.stderr
    assert "not killed" not in done.stdout
    with Store.open(path) as store:
        stored = store.scalar("SELECT count(*) FROM documents")
        events = store.scalar("SELECT count(DISTINCT doc_id) FROM events")
    assert stored == 20                    # four whole batches of five, nothing of the fifth
    assert events == 20
    resumed, rows = ingest(path, make_corpus(40))
    assert (resumed.skipped, resumed.coded) == (20, 20)
    assert rows == clean_run


def test_ingest_interrupted_by_ctrl_c_and_resumed(tmp_path, clean_run):
    path = tmp_path / "interrupted.duckdb"
    with Store.open(path) as store:
        with pytest.raises(KeyboardInterrupt):
            store.ingest(make_corpus(40), coder=FakeCoder(interrupt_at="doc-017"), batch_size=5)
        assert store.scalar("SELECT count(*) FROM documents") == 15
    resumed, rows = ingest(path, make_corpus(40))
    assert (resumed.skipped, resumed.coded) == (15, 25)
    assert rows == clean_run


def test_workers_store_the_same_rows(tmp_path, clean_run):
    report, rows = ingest(tmp_path / "workers.duckdb", make_corpus(40), coder=None,
                          coder_factory=FakeCoder, workers=2)
    assert report.coded == 40
    assert rows == clean_run


# -- wire copies ------------------------------------------------------------------------------

WIRE_STORY = ("Russia and India signed an agreement on Friday to build frigates at an Indian "
              "shipyard, officials said, in a deal that expands military cooperation between the "
              "two countries. The defence ministers met in the capital and agreed to meet again "
              "next year to review progress on the joint projects, including helicopters and "
              "rifles, according to a statement issued after the talks. Analysts said the "
              "accord showed the depth of the partnership despite pressure from Washington.")


def wire_copies() -> list[Document]:
    marker = "\nEVENT RUS IND 057\nEVENT IND RUS 057"
    return [
        Document("reuters-1", f"NEW DELHI, Oct 5 (Reuters) - {WIRE_STORY}{marker}", "2018-10-05",
                 sources=["Reuters"]),
        Document("times-1", f"NEW DELHI: {WIRE_STORY} Follow us on Twitter.{marker}", "2018-10-05",
                 sources=["Times of India"]),
        Document("herald-1", f"{WIRE_STORY.replace('Analysts said', 'Experts said')}{marker}",
                 "2018-10-06", sources=["Deccan Herald"]),
        Document("other-1", story(99) + "\nEVENT RUS PAK 042", "2018-10-06", sources=["Reuters"]),
    ]


def test_wire_copies_are_stored_once_with_counts_of_sources_and_articles(tmp_path):
    path = tmp_path / "copies.duckdb"
    report, rows = ingest(path, wire_copies())
    assert (report.coded, report.copies) == (2, 2)
    with Store.open(path) as store:
        docs = {r["id"]: r for r in store.rows("SELECT * FROM documents")}
        events = store.rows("SELECT doc_id, num_articles, num_sources FROM events ORDER BY doc_id")
    assert docs["times-1"]["status"] == docs["herald-1"]["status"] == "duplicate"
    assert docs["times-1"]["story_id"] == docs["herald-1"]["story_id"] == "reuters-1"
    assert docs["times-1"]["similarity"] >= 0.8
    assert [(e["doc_id"], e["num_articles"], e["num_sources"]) for e in events] == [
        ("other-1", 1, 1), ("reuters-1", 3, 3), ("reuters-1", 3, 3)]
    again, same = ingest(path, wire_copies())
    assert again.skipped == 4 and same == rows


@pytest.mark.parametrize("batch_size, workers", [(1, 1), (2, 1), (1, 2)])
def test_copies_are_found_across_batches_and_workers(tmp_path, batch_size, workers):
    _, reference = ingest(tmp_path / "reference.duckdb", wire_copies())
    kwargs = {"coder": None, "coder_factory": FakeCoder} if workers > 1 else {}
    report, rows = ingest(tmp_path / "split.duckdb", wire_copies(), batch_size=batch_size,
                          workers=workers, **kwargs)
    assert report.copies == 2
    assert rows == reference


def test_copies_arriving_later_update_the_story_counts(tmp_path):
    path = tmp_path / "later.duckdb"
    copies = wire_copies()
    ingest(path, copies[:1])
    report, _ = ingest(path, copies[1:3])
    assert report.copies == 2 and report.coded == 0
    with Store.open(path) as store:
        counts = store.rows("SELECT DISTINCT num_articles, num_sources FROM events")
    assert counts == [{"num_articles": 3, "num_sources": 3}]


def test_same_outlet_twice_counts_one_source(tmp_path):
    copies = wire_copies()[:2]
    copies[1].sources = ["Reuters"]
    path = tmp_path / "one-source.duckdb"
    ingest(path, copies)
    with Store.open(path) as store:
        assert store.rows("SELECT DISTINCT num_articles, num_sources FROM events") == [
            {"num_articles": 2, "num_sources": 1}]


def test_keep_copies_codes_every_copy(tmp_path):
    report, rows = ingest(tmp_path / "keep.duckdb", wire_copies(), near_duplicates=False)
    assert (report.coded, report.copies) == (4, 0)


# -- failures and changes ---------------------------------------------------------------------

def test_a_failed_document_is_recorded_and_the_rest_stored(tmp_path):
    documents = make_corpus(6)
    documents[2].text += "\nFAIL"
    items = [*documents[:4], Rejected("bad.jsonl:3", "line 3: missing or empty 'text'", "bad.jsonl"),
             *documents[4:]]
    path = tmp_path / "failed.duckdb"
    report, rows = ingest(path, items)
    assert (report.coded, report.failed) == (5, 2)
    with Store.open(path) as store:
        failed = store.rows("SELECT id, error FROM documents WHERE status = 'failed' ORDER BY id")
        assert store.scalar("SELECT count(*) FROM events WHERE doc_id = 'doc-002'") == 0
    assert [f["id"] for f in failed] == ["bad.jsonl:3", "doc-002"]
    assert "marked to fail" in failed[1]["error"] and "missing" in failed[0]["error"]
    # Failures are not retried unless asked, and are not duplicated.
    again, same = ingest(path, items)
    assert again.coded == 0 and same == rows
    retried, _ = ingest(path, items, retry_failed=True)
    assert retried.failed == 2        # it fails again, still one row
    with Store.open(path) as store:
        assert store.scalar("SELECT count(*) FROM documents") == 7


def test_a_changed_document_replaces_its_rows(tmp_path):
    path = tmp_path / "changed.duckdb"
    documents = make_corpus(3)
    ingest(path, documents)
    documents[1].text = story(1000) + "\nEVENT RUS IND 112"
    report, _ = ingest(path, documents)
    assert (report.updated, report.skipped) == (1, 2)
    with Store.open(path) as store:
        cameos = [r[0] for r in store.con.execute(
            "SELECT cameo FROM events WHERE doc_id = 'doc-001'").fetchall()]
    assert cameos == ["112"]


def test_two_documents_with_one_id_in_one_ingest(tmp_path):
    documents = make_corpus(2)
    clash = Document(id="doc-000", text=story(500) + "\nEVENT RUS IND 057", date="2020-01-01")
    report, rows = ingest(tmp_path / "clash.duckdb", [*documents, clash])
    assert report.coded == 2 and report.failed == 1
    assert "distinct ids" in report.errors[0][1]
    assert len(rows["documents"]) == 2


def test_progress_is_reported_per_batch(tmp_path):
    seen = []
    with Store.open(tmp_path / "p.duckdb") as store:
        store.ingest(make_corpus(12), coder=FakeCoder(), batch_size=5, on_progress=lambda r: seen.append(r.done))
    assert seen == [5, 10, 12]


# -- through the command line, with the real coder --------------------------------------------

ARTICLES = {
    "a1": "date 2017-06-01 By Reuters\n\nRussia and India signed an agreement on military cooperation in Moscow on Thursday, officials said.",
    "a2": "date 2018-10-05 By TASS\n\nIndia and Russia signed a contract for air defence systems in New Delhi on Friday.",
    "a3": "date 2019-02-14 By PTI\n\nIndia condemned the attack and accused Pakistan of harbouring militants.",
}


def write_articles(folder: Path, articles: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def test_cli_ingest_is_quiet_in_a_pipe_and_idempotent(tmp_path, coder):
    corpus = write_articles(tmp_path / "corpus", ARTICLES)
    (corpus / "broken.jsonl").write_text('{"id": "x1", "text": "India and Russia signed a deal."}\nnot json\n')
    db = tmp_path / "cli.duckdb"
    runner = CliRunner()
    first = runner.invoke(app, ["ingest", str(corpus), "--db", str(db)])
    assert first.exit_code == 3, first.output          # one line rejected, the rest stored
    assert "broken.jsonl:2: line 2" in first.output
    assert "━" not in first.output and "docs/s" in first.output   # a summary, no progress bar
    second = runner.invoke(app, ["ingest", str(corpus), "--db", str(db)])
    assert "4 already stored" in second.output
    with Store.open(db) as store:
        counts = store.counts()
    assert counts["documents"] == 5 and counts["documents_failed"] == 1


@pytest.mark.slow
def test_cli_ingest_killed_and_resumed_with_the_real_coder(tmp_path):
    """kill -9 a real `comity ingest` part-way, rerun it, and compare with a clean run."""
    articles = {f"n{i:03d}": f"date 20{15 + i % 10}-03-0{1 + i % 9} By Wire{i % 3}\n\n"
                f"{story(i, 40)} India and Russia signed an agreement on defence cooperation on Monday. "
                f"Russia criticised the United States over sanctions."
                for i in range(800)}
    corpus = write_articles(tmp_path / "corpus", articles)
    comity = [str(Path(sys.executable).parent / "comity")]
    clean_db, killed_db = tmp_path / "clean.duckdb", tmp_path / "killed.duckdb"
    command = ["ingest", str(corpus), "--batch-size", "16", "-q", "--db"]
    process = subprocess.Popen([*comity, *command, str(killed_db)])
    time.sleep(5)                      # past loading the model, well before the end
    process.send_signal(signal.SIGKILL)
    assert process.wait() == -signal.SIGKILL
    with Store.open(killed_db) as interrupted:
        stored = interrupted.scalar("SELECT count(*) FROM documents")
    assert stored < 800 and stored % 16 == 0     # whole batches only
    subprocess.run([*comity, *command, str(killed_db)], check=True, timeout=600)
    subprocess.run([*comity, *command, str(clean_db)], check=True, timeout=600)
    with Store.open(clean_db) as clean, Store.open(killed_db) as resumed:
        assert clean.counts()["documents"] == 800
        assert snapshot(resumed) == snapshot(clean)
