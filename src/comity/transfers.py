"""Arms transfers (placeholder while the extractor is written)."""
from __future__ import annotations


class TransferExtractor:
    def __init__(self, nlp):
        self.nlp = nlp

    def extract(self, document, parsed, resolver, mentions):
        return []
