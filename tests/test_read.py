"""Readers and wire conventions."""
from __future__ import annotations

import io
import json
from pathlib import Path

from comity.gazetteer import gazetteer
from comity.read import Rejected, read_inputs, read_path, read_stream
from comity.records import Document
from comity.wire import read_wire_conventions


def test_txt_header_gives_date_and_source(tmp_path: Path) -> None:
    path = tmp_path / "story_1.txt"
    path.write_text(" date 2019-06-03 By Example Desk\n\nIndia and Japan held talks.\n", encoding="utf-8")
    [doc] = list(read_path(path))
    assert isinstance(doc, Document)
    assert (doc.id, doc.date, doc.sources) == ("story_1", "2019-06-03", ["Example Desk"])
    # the header is blanked, not cut, so offsets still index the file
    assert len(doc.text) == len(path.read_text(encoding="utf-8"))
    assert "date 2019" not in doc.text


def test_txt_without_header_takes_default_date(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("Kenya hosted the summit.", encoding="utf-8")
    [doc] = list(read_path(path, default_date="2020-01-02"))
    assert doc.date == "2020-01-02"


def test_jsonl_good_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "a", "text": "Chile and Peru met.", "date": "2020-05-05", "url": "http://x", "source": "Wire"}),
        "{not json",
        json.dumps({"id": "c", "text": ""}),
        json.dumps({"id": "d", "text": "Spain criticised Morocco.", "date": "bad-date"}),
    ]), encoding="utf-8")
    results = list(read_path(path))
    assert isinstance(results[0], Document) and results[0].url == "http://x" and results[0].sources == ["Wire"]
    assert [type(r) for r in results[1:]] == [Rejected, Rejected, Rejected]
    assert "line 2" in results[1].error


def test_folder_is_read_recursively_and_missing_paths_rejected(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "one.txt").write_text("Text one.", encoding="utf-8")
    (tmp_path / "sub" / "two.txt").write_text("Text two.", encoding="utf-8")
    (tmp_path / "ignored.bin").write_bytes(b"\x00\x01")
    ids = [d.id for d in read_inputs([str(tmp_path)])]
    assert ids == ["one", "two"]
    [missing] = list(read_inputs([str(tmp_path / "nope.txt")]))
    assert isinstance(missing, Rejected)


def test_html_main_text(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    body = "<p>" + "Brazil and Argentina signed a trade agreement in Buenos Aires on Monday. " * 6 + "</p>"
    path.write_text(f"<html><head><title>Deal</title></head><body><nav>menu</nav><article>{body}</article></body></html>",
                    encoding="utf-8")
    [doc] = list(read_path(path, default_date="2021-01-01"))
    assert isinstance(doc, Document)
    assert "Brazil and Argentina" in doc.text and "menu" not in doc.text


def test_stdin_text_and_jsonl() -> None:
    [doc] = list(read_stream(io.StringIO("Peru recalled its ambassador.")))
    assert doc.id == "stdin"
    docs = list(read_stream(io.StringIO('{"id": "x", "text": "Ghana met Togo."}\n')))
    assert docs[0].id == "x"


def test_dateline_masked_and_agencies_recorded() -> None:
    text = "MOSCOW, Dec 13 (Reuters) - Russia criticised Norway, Interfax reported, citing TASS."
    doc = Document(id="d", text=text, date="2019-12-13")
    wire = read_wire_conventions(doc, gazetteer())
    assert wire.dateline_place == "Moscow" and wire.dateline_date == "2019-12-13"
    assert wire.text.startswith(" " * len("MOSCOW, Dec 13 (Reuters) -"))
    assert len(wire.text) == len(text)
    assert doc.sources[:2] == ["Reuters", "Interfax"] and "TASS" in doc.sources


def test_sentence_start_is_not_a_dateline() -> None:
    doc = Document(id="d", text="NATO - the alliance - met in Brussels.", date="2019-12-13")
    wire = read_wire_conventions(doc, gazetteer())
    assert wire.masked == [] and wire.dateline_place is None
    doc = Document(id="e", text="LYON: Interpol said it will send a team.", date="2019-12-13")
    assert read_wire_conventions(doc, gazetteer()).dateline_place == "Lyon"


def test_an_organisations_seat_is_a_dateline() -> None:
    doc = Document(id="d", text="UNITED NATIONS - Thirteen members objected.", date="2020-08-22")
    wire = read_wire_conventions(doc, gazetteer())
    assert wire.dateline_place == "United Nations" and wire.text.lstrip().startswith("Thirteen")


def test_a_dateline_of_two_places() -> None:
    doc = Document(id="d", text="LONDON/TEHRAN - Britain said Iran was behind the attacks.", date="2019-06-14")
    wire = read_wire_conventions(doc, gazetteer())
    assert wire.dateline_place == "London" and wire.text.lstrip().startswith("Britain")


def test_a_document_too_long_to_parse_is_rejected_and_the_others_coded() -> None:
    from comity.pipeline import Coder, CodedDocument

    coder = Coder()
    limit = coder.nlp.max_length
    documents = [Document(id="ok", text="Chile recalled its ambassador from Peru.", date="2020-01-01"),
                 Document(id="huge", text="Peru protested. " * (limit // 16 + 10), date="2020-01-01"),
                 Document(id="ok2", text="Peru summoned the Chilean envoy.", date="2020-01-01")]
    results = list(coder.code(documents))
    assert [type(r).__name__ for r in results] == ["CodedDocument", "Rejected", "CodedDocument"]
    assert "parse" in results[1].error
    assert isinstance(results[2], CodedDocument)
