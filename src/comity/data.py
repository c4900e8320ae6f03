"""Access to comity's data files (ontology, gazetteers, patterns).

Every table an analyst may edit lives under ``comity/data`` as TSV or YAML. A user can point
``COMITY_DATA`` at a folder laid out the same way to override any file in it.
"""
from __future__ import annotations

import csv
import os
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterator

import yaml

LIST_SEPARATOR = "|"


def data_path(relative: str) -> Path:
    """The path of a data file, preferring the user's override folder when it has one."""
    override = os.environ.get("COMITY_DATA")
    if override:
        candidate = Path(override) / relative
        if candidate.exists():
            return candidate
    return Path(str(resources.files("comity") / "data" / relative))


def read_tsv(relative: str) -> Iterator[dict[str, str]]:
    """Rows of a tab-separated data file; lines starting with '#' are comments."""
    with open(data_path(relative), encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if line.strip() and not line.startswith("#"))
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
            yield {key: (value or "").strip() for key, value in row.items() if key}


@cache
def read_yaml(relative: str) -> Any:
    with open(data_path(relative), encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def split_list(value: str | None) -> list[str]:
    """A '|'-separated cell as a list, without empty items."""
    return [item.strip() for item in (value or "").split(LIST_SEPARATOR) if item.strip()]
