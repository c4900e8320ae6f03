"""Access to comity's data files (ontology, gazetteers, patterns).

Every table an analyst may edit lives under ``comity/data`` as TSV or YAML. A user can point
``COMITY_DATA`` at a folder laid out the same way to override any file in it.
"""
from __future__ import annotations

import csv
import os
import re
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


def read_tsv(relative: str, missing_ok: bool = False) -> Iterator[dict[str, str]]:
    """Rows of a tab-separated data file; lines starting with '#' are comments. With
    ``missing_ok`` an absent file has no rows (for tables a user may add, like user_actors.tsv)."""
    path = data_path(relative)
    if missing_ok and not path.exists():
        return
    with open(path, encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if line.strip() and not line.startswith("#"))
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
            yield {key: (value or "").strip() for key, value in row.items() if key}


class _DataLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml's parser when built
    """YAML without YAML 1.1's word booleans: in a list of prepositions "on" and "off" are
    words, not True and False. Only true/false stay booleans."""


_DataLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_DataLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def load_yaml_text(text: str) -> Any:
    return yaml.load(text, Loader=_DataLoader)


@cache
def read_yaml(relative: str) -> Any:
    with open(data_path(relative), encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_DataLoader)


def split_list(value: str | None) -> list[str]:
    """A '|'-separated cell as a list, without empty items."""
    return [item.strip() for item in (value or "").split(LIST_SEPARATOR) if item.strip()]
