"""The pipeline loads its model and data once, keeps nothing of a document once coded, and
records where each date came from."""
from __future__ import annotations

import gc

from spacy.tokens import Doc

from comity.pipeline import code_one, code_text, default_coder
from comity.records import DATE_BASES, Document


def test_the_coder_is_built_once_per_process() -> None:
    assert default_coder() is default_coder()


def test_coding_keeps_no_parsed_document_alive() -> None:
    coder = default_coder()
    texts = ["Russia expelled 23 British diplomats on Saturday. She also suspended contacts.",
             "India and France signed an agreement for 36 Rafale jets."]
    list(coder.code(Document(id=str(i), text=t, date="2018-03-17") for i, t in enumerate(texts)))
    code_text(texts[0], date="2018-03-17")
    gc.collect()
    assert not [o for o in gc.get_objects() if isinstance(o, Doc)]


def test_each_event_says_what_fixed_its_date() -> None:
    text = ("Japan protested to China on Wednesday over the detention of a Japanese businessman. "
            "Its foreign minister had summoned the Chinese ambassador on Monday. "
            "Tokyo also lodged a complaint with Beijing.")
    events = code_text(text, date="2023-03-29")
    bases = {(e.trigger, e.date, e.date_basis) for e in events}
    assert ("protested", "2023-03-29", "sentence") in bases
    assert ("summoned", "2023-03-27", "sentence") in bases
    # nothing in the last sentence dates the complaint: the story's lead does
    assert any(e.trigger == "lodged" and e.date == "2023-03-29" and e.date_basis == "story"
               for e in events)
    assert {e.to_dict()["date_basis"] for e in events} <= set(DATE_BASES)


def test_explain_shows_what_the_pipeline_codes() -> None:
    """Every phrase of a sentence is resolved before the next is read, so the trace and the
    pipeline see the same story."""
    from comity.pipeline import code_text, explain

    text = ("Yoshimasa Hayashi held talks with Foreign Minister Qin Gang in Beijing on Sunday. "
            "He said he had asked that Japanese consular officials be allowed to meet him. "
            "Chinese foreign ministry spokeswoman Mao Ning said the man was suspected of espionage. "
            "He also voiced serious concern about Chinese military activity near Japan.")
    traced = sorted((e.cameo, e.source.code, e.target.code if e.target else None)
                    for sentence in explain(text, date="2023-04-03") for e in sentence.events)
    coded = sorted((e.cameo, e.source.code, e.target.code if e.target else None)
                   for e in code_text(text, date="2023-04-03"))
    assert traced == coded and coded


def test_a_paragraph_break_ends_a_sentence() -> None:
    from comity.parse import load_nlp
    text = ("   \n\nTOKYO, May 2 - Japan said it had handed two patrol boats to Manila last week\n\n"
            "Chinese Foreign Ministry spokesman Wang Wenbin told a briefing in Beijing that the transfer was a threat.")
    sentences = [s.text.strip() for s in load_nlp()(text).sents if s.text.strip()]
    assert len(sentences) == 2
    assert sentences[1].startswith("Chinese Foreign Ministry spokesman")


def test_the_document_lists_the_actors_it_names() -> None:
    coded = code_one("Indian Foreign Minister S. Jaishankar arrived in Moscow on Monday. "
                     "The Kremlin welcomed him.", date="2023-12-25")
    codes = {a["code"] for a in coded.actors}
    assert {"INDGOV", "RUSGOV"} <= codes
    assert all(a["text"] and isinstance(a["sentence_index"], int) for a in coded.actors)


def test_plain_statements_are_found_but_not_reported() -> None:
    from comity.pipeline import explain
    text = ("The United States and Mexico held talks in Washington on Wednesday. Mexican Foreign Minister "
            "Marcelo Ebrard told reporters that Mexico had not accepted a U.S. proposal.")
    assert not [e for e in code_text(text, date="2019-06-06") if e.cameo == "010"]
    reasons = [a.reason for trace in explain(text, date="2019-06-06") for a in trace.attempts]
    assert any("010 is not reported" in r for r in reasons)
