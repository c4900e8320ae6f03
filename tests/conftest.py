"""Fixtures shared by the test modules. Keep this small: a fixture used by one module belongs
in that module."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def coder():
    """The coder, with its spaCy model loaded once per test session (the same instance
    ``comity.code_text`` and ``comity ingest`` use in this process)."""
    from comity.pipeline import default_coder

    return default_coder()
