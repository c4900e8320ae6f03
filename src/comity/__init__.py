"""comity: political event data from news text.

>>> from comity import code_text
>>> events = code_text("India and Russia signed a defence deal on Friday.", date="2018-10-06")
"""
from __future__ import annotations

from .pipeline import CodedDocument, Coder, code_documents, code_text, explain
from .records import Actor, Document, Event, Transfer

__all__ = ["code_text", "code_documents", "explain", "Coder", "CodedDocument", "Actor",
           "Document", "Event", "Transfer"]
__version__ = "0.1.0"
