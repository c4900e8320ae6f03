"""The pipeline loads its model and data once and keeps nothing of a document once coded."""
from __future__ import annotations

import gc

from spacy.tokens import Doc

from comity.pipeline import code_text, default_coder
from comity.records import Document


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
