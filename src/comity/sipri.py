"""SIPRI trade registers: reading them, writing transfers in their columns, reconciling the
deals found in the news with a register, and extending the weapon gazetteer from one.

A register is the CSV export of the SIPRI Arms Transfers Database ("trade register"), one order
a row. Both the snake_case header of the bulk export (``recipient, supplier, order_year, ...``)
and the headings of the web export ("Recipient", "Year of order", "Weapon designation", ...,
after a few lines of preamble) are read. States are matched by name through the actor
gazetteer's country table, weapon systems through the weapon gazetteer's names.
"""
from __future__ import annotations

import csv
import io
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import IO, Any, Iterable

from .data import read_tsv, split_list
from .transfers import (WEAPON_COLUMNS, WeaponGazetteer, WeaponSystem, name_key,
                        read_weapon_rows, weapon_gazetteer)

#: The columns of a SIPRI trade register, in order.
REGISTER_COLUMNS = ["recipient", "supplier", "order_year", "order_year_uncertain", "number_ordered",
                    "number_ordered_uncertain", "weapon_designation", "weapon_description",
                    "number_delivered", "number_delivered_uncertain", "delivery_years", "status",
                    "comments", "tiv_per_unit", "tiv_total_order", "tiv_delivered"]
REQUIRED_COLUMNS = ("recipient", "supplier", "weapon_designation")
#: Headings of SIPRI's web export, normalised, and the column each stands for.
HEADING_ALIASES = {
    "year_of_order": "order_year", "ordered": "number_ordered", "no_ordered": "number_ordered",
    "number_ordered": "number_ordered", "weapon_designation": "weapon_designation",
    "designation": "weapon_designation", "weapon_description": "weapon_description",
    "description": "weapon_description", "no_delivered": "number_delivered",
    "delivered": "number_delivered", "year_s_of_delivery": "delivery_years",
    "years_of_delivery": "delivery_years", "year_of_delivery": "delivery_years",
    "sipri_tiv_per_unit": "tiv_per_unit", "sipri_tiv_for_total_order": "tiv_total_order",
    "sipri_tiv_of_delivered_weapons": "tiv_delivered", "comment": "comments", "remarks": "comments",
}
#: Names of register rows that are not one weapon system but a kind of part.
GENERIC_DESIGNATION = re.compile(r"^[a-z][a-z /()\-]*$")
#: A news deal and a register order match when the deal's year lies this close to the order
#: (or within the delivery years).
YEAR_SLACK = 1
#: Talks or an agreement reported in a year match an order placed up to this many years later.
TALKS_HORIZON = 5


class RegisterError(ValueError):
    """A file that is not a readable SIPRI trade register."""


# -- states ---------------------------------------------------------------------------------

@cache
def _state_tables() -> tuple[dict[str, str], dict[str, str]]:
    by_name: dict[str, str] = {}
    names: dict[str, str] = {}
    for row in read_tsv("actors/countries.tsv"):
        names[row["code"]] = row["name"]
        for name in [row["name"], *split_list(row.get("aliases"))]:
            by_name.setdefault(name.lower(), row["code"])
            if name.lower().startswith("the "):
                by_name.setdefault(name[4:].lower(), row["code"])
    for row in read_tsv("transfers/sipri_names.tsv"):
        by_name[row["name"].lower()] = row["code"]
    return by_name, names


def state_code(name: str | None) -> str | None:
    """The ISO 3166 alpha-3 code of a state as a register names it; None for rebel groups,
    organisations and "unknown" suppliers."""
    if not name:
        return None
    text = name.strip()
    if text.endswith("*") or text.lower().startswith("unknown"):
        return None
    by_name, _ = _state_tables()
    if len(text) == 3 and text.isupper():
        return text
    found = by_name.get(text.lower())
    if found is None:
        bare = re.sub(r"\s*\(.*?\)\s*$", "", text).strip()
        found = by_name.get(bare.lower())
    return found


def state_name(code: str | None) -> str:
    """The name a register gives a state code (the actor gazetteer's name)."""
    if not code:
        return ""
    _, names = _state_tables()
    return names.get(code, code)


# -- categories -------------------------------------------------------------------------------

@cache
def _description_rules() -> list[tuple[str, str]]:
    rules = [(_normal_description(row["phrase"]), row["category"])
             for row in read_tsv("transfers/sipri_descriptions.tsv")]
    return sorted(rules, key=lambda r: len(r[0]), reverse=True)


def _normal_description(text: str) -> str:
    text = re.sub(r"[()]", " ", text.lower())
    text = re.sub(r"[\-/]", " ", text)
    return " ".join(text.split())


def sipri_category(description: str | None) -> str:
    """The SIPRI category of a register's weapon description ("SAM system" -> air-defence)."""
    text = _normal_description(description or "")
    if not text:
        return "other"
    rules = _description_rules()
    for phrase, category in rules:
        if text == phrase or text.endswith(" " + phrase):
            return category
    for phrase, category in rules:
        if f" {phrase} " in f" {text} ":
            return category
    return "other"


# -- reading a register -----------------------------------------------------------------------

@dataclass
class RegisterDeal:
    """One order of a SIPRI trade register."""

    row: int
    recipient_name: str
    supplier_name: str
    recipient: str | None
    supplier: str | None
    designation: str
    description: str = ""
    order_year: int | None = None
    number_ordered: int | None = None
    number_delivered: int | None = None
    delivery_years: list[int] = field(default_factory=list)
    status: str = ""
    comments: str = ""
    category: str = "other"

    def years(self) -> tuple[int | None, int | None]:
        """The first and last year the order was active (ordered .. last delivery)."""
        known = [y for y in [self.order_year, *self.delivery_years] if y is not None]
        return (min(known), max(known)) if known else (None, None)

    def to_dict(self) -> dict[str, Any]:
        return {"row": self.row, "recipient": self.recipient_name, "supplier": self.supplier_name,
                "recipient_code": self.recipient, "supplier_code": self.supplier,
                "order_year": self.order_year, "number_ordered": self.number_ordered,
                "weapon_designation": self.designation, "weapon_description": self.description,
                "number_delivered": self.number_delivered, "delivery_years": self.delivery_years,
                "status": self.status, "comments": self.comments, "category": self.category}


def _heading(text: str) -> str:
    key = re.sub(r"[^0-9a-z]+", "_", text.strip().lower()).strip("_")
    return HEADING_ALIASES.get(key, key)


def _int(value: str | None) -> int | None:
    text = (value or "").strip().rstrip("?").replace(",", "")
    if not text:
        return None
    try:
        return int(float(text))
    except ValueError:
        return None


def _years(value: str | None) -> list[int]:
    return [int(y) for y in re.findall(r"\b(1[89]\d\d|20\d\d)\b", value or "")]


def read_register(source: str | Path | IO[str]) -> list[RegisterDeal]:
    """The orders of a register file. Raises RegisterError when it is not one; rows that
    cannot be read are skipped (a register is data, not a document: one bad row is noise)."""
    if isinstance(source, (str, Path)):
        path = Path(source)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            text = path.read_text(encoding="latin-1")
        except OSError as exc:
            raise RegisterError(f"{source}: {exc.strerror or exc}") from None
        origin = str(path)
    else:
        text = source.read()
        origin = getattr(source, "name", "register")
    lines = text.splitlines()
    header_at = None
    for number, line in enumerate(lines[:40]):
        cells = [_heading(c) for c in next(csv.reader([line]), [])]
        if "recipient" in cells and "supplier" in cells:
            header_at = number
            break
    if header_at is None:
        raise RegisterError(f"{origin}: no header with 'recipient' and 'supplier' columns in the "
                            "first 40 lines; is this a SIPRI trade register export?")
    reader = csv.reader(io.StringIO("\n".join(lines[header_at:])))
    headings = [_heading(c) for c in next(reader)]
    missing = [c for c in REQUIRED_COLUMNS if c not in headings]
    if missing:
        raise RegisterError(f"{origin}: missing column(s): {', '.join(missing)}")
    deals = []
    for number, cells in enumerate(reader, header_at + 2):
        if not any(c.strip() for c in cells):
            continue
        row = {h: (cells[i].strip() if i < len(cells) else "") for i, h in enumerate(headings)}
        designation = row.get("weapon_designation", "")
        if not designation or not row.get("recipient") or not row.get("supplier"):
            continue
        description = row.get("weapon_description", "")
        deals.append(RegisterDeal(
            row=number, recipient_name=row["recipient"], supplier_name=row["supplier"],
            recipient=state_code(row["recipient"]), supplier=state_code(row["supplier"]),
            designation=designation, description=description,
            order_year=_int(row.get("order_year")), number_ordered=_int(row.get("number_ordered")),
            number_delivered=_int(row.get("number_delivered")),
            delivery_years=_years(row.get("delivery_years")), status=row.get("status", ""),
            comments=row.get("comments", ""), category=sipri_category(description)))
    return deals


# -- writing transfers as a register ----------------------------------------------------------

def _stage_years(record: dict[str, Any]) -> dict[str, int]:
    found: dict[str, int] = {}
    for source in record.get("sources") or []:
        stage, year = source.get("stage"), source.get("year")
        if stage and year and stage not in found:
            found[stage] = int(year)
    if record.get("stage") and record.get("year"):
        found.setdefault(record["stage"], int(record["year"]))
    return found


def sipri_row(record: dict[str, Any], weapons: WeaponGazetteer | None = None) -> dict[str, Any]:
    """One transfer as a row of the SIPRI trade register's columns. Fields the news does not
    give (TIV, uncertainty marks) stay empty; what comity knows beyond the columns goes into
    the comments."""
    weapons = weapons or weapon_gazetteer()
    name = record.get("designation") or record.get("system") or ""
    system = weapons.lookup(name) if name else None
    years = _stage_years(record)
    stage = record.get("stage")
    order_year = years.get("contract") or years.get("licensed-production") or years.get("agreed")
    delivered = stage == "delivery"
    comments = [f"comity: stage {stage}"]
    reported = record.get("reported_as")
    if reported and name_key(name) not in name_key(reported):
        comments.append(f"reported as {reported}")   # the register's habit: "Belharra version"
    if record.get("value") is not None:
        comments.append(f"value {record.get('currency') or ''} {record['value']:,.0f}".replace("  ", " "))
    if record.get("value_usd") is not None and record.get("currency") != "USD":
        comments.append(f"${record['value_usd']:,.0f}")
    docs = sorted({str(s.get("doc_id")) for s in record.get("sources") or [] if s.get("doc_id")}
                  or {str(record.get("doc_id"))})
    comments.append("sources: " + ", ".join(docs))
    return {
        "recipient": state_name(record.get("recipient")),
        "supplier": state_name(record.get("supplier")),
        "order_year": order_year or "",
        "order_year_uncertain": "" if order_year else "?",
        "number_ordered": record.get("quantity") if record.get("quantity") is not None else "",
        "number_ordered_uncertain": "",
        "weapon_designation": system.designation if system else name,
        "weapon_description": (system.description if system and system.description else record.get("category") or ""),
        "number_delivered": record.get("quantity") if delivered and record.get("quantity") is not None else "",
        "number_delivered_uncertain": "",
        "delivery_years": years.get("delivery", "") if delivered else "",
        "status": "",
        "comments": "; ".join(comments),
        "tiv_per_unit": "", "tiv_total_order": "", "tiv_delivered": "",
    }


def write_sipri(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=REGISTER_COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    weapons = weapon_gazetteer()
    for record in records:
        writer.writerow(sipri_row(record, weapons))
        count += 1
    return count


# -- reconciling ------------------------------------------------------------------------------

@dataclass
class Match:
    deal: dict[str, Any]
    order: RegisterDeal

    def to_dict(self) -> dict[str, Any]:
        return {"deal": _deal_summary(self.deal), "register": self.order.to_dict()}


@dataclass
class Reconciliation:
    """What a register says about the deals found in the news."""

    confirmed: list[Match] = field(default_factory=list)    # register orders the news confirms
    missing: list[dict[str, Any]] = field(default_factory=list)   # news deals not in the register

    def to_dict(self) -> dict[str, Any]:
        return {"confirmed": [m.to_dict() for m in self.confirmed],
                "missing": [_deal_summary(d) for d in self.missing]}


def _deal_summary(deal: dict[str, Any]) -> dict[str, Any]:
    keys = ("id", "doc_id", "supplier", "recipient", "system", "designation", "category",
            "quantity", "value", "currency", "value_usd", "stage", "year", "sentence")
    return {k: deal.get(k) for k in keys if k in deal}


def _system_keys(name: str, weapons: WeaponGazetteer) -> set[str]:
    """Every key a system goes by: its own and, when the gazetteer knows it, all its names."""
    keys = {name_key(name)}
    for system, _ in weapons.candidates(name_key(name)):
        keys.update(name_key(n) for n in system.names())
    return {k for k in keys if k}


def _names_match(deal: dict[str, Any], order: RegisterDeal, weapons: WeaponGazetteer,
                 cache_keys: dict[str, set[str]]) -> bool:
    names = [n for n in (deal.get("designation"), deal.get("system")) if n]
    deal_keys: set[str] = set()
    for name in names:
        if name not in cache_keys:
            cache_keys[name] = _system_keys(name, weapons)
        deal_keys |= cache_keys[name]
    if order.designation not in cache_keys:
        cache_keys[order.designation] = _system_keys(order.designation, weapons)
    order_keys = cache_keys[order.designation]
    if deal_keys & order_keys:
        return True
    # Variants the gazetteer does not list: "S-400" and "S-400 Triumf", "Leopard 2" and
    # "Leopard 2A6" (one name continues the other with a letter), but not "Zephyr-7" and
    # "Zephyr-9X".
    return any(_variant(a, b) or _variant(b, a) for a in deal_keys for b in order_keys)


def _variant(short: str, long: str) -> bool:
    """Whether ``long`` is ``short`` with a variant's letters after it."""
    return len(short) >= 3 and len(long) > len(short) and long.startswith(short) and long[len(short)].isalpha()


def _year_fits(deal: dict[str, Any], order: RegisterDeal) -> bool:
    """Whether an order's years agree with a deal's stage and year. Talks and agreements lead
    to an order from their year on; a contract is the order of its year; a delivery falls in
    the order's delivery years; licensed production and a cancellation in its active years.
    A deal without a year fits the orders its reports could know of (not after their
    publication, or for talks, not long before it)."""
    year = deal.get("year")
    stage = deal.get("stage")
    first, last = order.years()
    if first is None:
        return True
    early_stage = stage in {"talks", "agreed"}
    if year is None:
        published = _deal_date_year(deal)
        if published is None:
            return True
        return published - YEAR_SLACK <= first if early_stage else first <= published
    year = int(year)
    if early_stage:
        return year - YEAR_SLACK <= (order.order_year or first) <= year + TALKS_HORIZON
    if stage == "contract" and order.order_year is not None:
        return abs(order.order_year - year) <= YEAR_SLACK
    if stage == "delivery" and order.delivery_years:
        return min(order.delivery_years) - YEAR_SLACK <= year <= max(order.delivery_years) + YEAR_SLACK
    return first - YEAR_SLACK <= year <= (last or first) + YEAR_SLACK


def _deal_date_year(deal: dict[str, Any]) -> int | None:
    dates = [s.get("doc_date") for s in deal.get("sources") or []
             if isinstance(s, dict) and s.get("doc_date")]
    dates += [deal[k] for k in ("doc_date", "first_reported") if deal.get(k)]
    years = [int(str(d)[:4]) for d in dates if str(d)[:4].isdigit()]
    return max(years) if years else None


def _closeness(deal: dict[str, Any], order: RegisterDeal) -> tuple:
    year = deal.get("year") or _deal_date_year(deal)
    first, _ = order.years()
    if year is None or first is None:
        return (1, 0)
    # Prefer the latest order not after the deal's year, then the nearest.
    return (0 if first <= int(year) else 1, abs(int(year) - first))


def reconcile(deals: Iterable[dict[str, Any]], register: list[RegisterDeal],
              weapons: WeaponGazetteer | None = None) -> Reconciliation:
    """Match deals found in the news (transfer records as dicts, e.g. rows of the store's
    ``transfers`` table) against a register's orders: same supplier and recipient, the same
    system by any of its names, and a year the order was active in."""
    weapons = weapons or weapon_gazetteer()
    by_pair: dict[tuple[str | None, str | None], list[RegisterDeal]] = defaultdict(list)
    for order in register:
        if order.supplier and order.recipient:
            by_pair[(order.supplier, order.recipient)].append(order)
    result = Reconciliation()
    confirmed_rows: dict[int, Match] = {}
    keys: dict[str, set[str]] = {}
    for deal in deals:
        deal = dict(deal)
        if isinstance(deal.get("sources"), str):
            import json

            try:
                deal["sources"] = json.loads(deal["sources"])
            except ValueError:
                deal["sources"] = []
        candidates = [o for o in by_pair.get((deal.get("supplier"), deal.get("recipient")), [])
                      if _names_match(deal, o, weapons, keys) and _year_fits(deal, o)]
        if not candidates:
            result.missing.append(deal)
            continue
        best = min(candidates, key=lambda o: _closeness(deal, o))
        confirmed_rows.setdefault(best.row, Match(deal, best))
    result.confirmed = sorted(confirmed_rows.values(), key=lambda m: m.order.row)
    return result


# -- extending the weapon gazetteer -----------------------------------------------------------

def systems_from_register(register: list[RegisterDeal], weapons: WeaponGazetteer | None = None
                          ) -> list[WeaponSystem]:
    """Weapon systems a register names that the gazetteer does not know yet: one per
    designation, with the category of its description and as producer the supplier of its
    latest new-built order."""
    weapons = weapons or weapon_gazetteer()
    grouped: dict[str, list[RegisterDeal]] = defaultdict(list)
    display: dict[str, str] = {}
    for order in register:
        designation = order.designation.strip()
        key = name_key(designation)
        if len(key) < 2 or GENERIC_DESIGNATION.match(designation) or weapons.candidates(key):
            continue
        grouped[key].append(order)
        display.setdefault(key, designation)
    systems = []
    for key, orders in grouped.items():
        descriptions = Counter(o.description for o in orders if o.description)
        description = descriptions.most_common(1)[0][0] if descriptions else ""
        new = [o for o in orders if o.supplier and not o.status.lower().startswith("second")]
        pool = new or [o for o in orders if o.supplier]
        producer = max(pool, key=lambda o: o.order_year or 0).supplier if pool else None
        systems.append(WeaponSystem(
            designation=display[key], category=sipri_category(description),
            producers=(producer,) if producer else (), description=description or None,
            curated=False))
    return sorted(systems, key=lambda s: s.designation.lower())


def write_weapon_rows(systems: Iterable[WeaponSystem], path: Path) -> int:
    """Append systems to a weapons TSV (created with its header when new), skipping names the
    file already has. Returns how many were written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    known: set[str] = set()
    if path.exists():
        for system in read_weapon_rows(path, curated=False):
            known.update(name_key(n) for n in system.names())
    new = path.exists() is False or path.stat().st_size == 0
    written = 0
    with open(path, "a", encoding="utf-8", newline="") as handle:
        if new:
            handle.write("\t".join(WEAPON_COLUMNS) + "\n")
        for system in systems:
            key = name_key(system.designation)
            if key in known:
                continue
            known.add(key)
            cells = [system.designation, "|".join(system.aliases), system.nato_name or "",
                     system.category or "", "|".join(system.producers), system.maker or "",
                     system.description or ""]
            handle.write("\t".join(_clean_cell(c) for c in cells) + "\n")
            written += 1
    return written


def _clean_cell(value: str) -> str:
    return re.sub(r"[\t\r\n]+", " ", value).strip()
