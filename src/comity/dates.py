"""Resolving the dates news writes ("on Thursday", "in October this year", "Dec. 13") against
the publication date. Results keep their precision: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``.
"""
from __future__ import annotations

import re
from datetime import date as Date
from datetime import timedelta

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
#: Parts of a day ("this evening", "the same night").
PARTS_OF_DAY = ("morning", "afternoon", "evening", "night")
#: how many days a shift must span to keep only the month or the year of the date it gives
DAYS_IN_MONTH, DAYS_IN_YEAR = 28, 365
_MONTH_FORMS = [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
                ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
                ("october", "oct"), ("november", "nov"), ("december", "dec")]
MONTHS = {name: i for i, names in enumerate(_MONTH_FORMS, start=1) for name in names}
MONTH_NAMES = [names[0] for names in _MONTH_FORMS]

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_PATTERNS = [
    ("iso", re.compile(r"\b(?P<year>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")),
    ("month_day_year", re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b")),
    ("day_month_year", re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<year>\d{4})\b")),
    ("month_day", re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b")),
    ("day_month", re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"\b")),
    ("month_year", re.compile(r"\b" + _MONTH + r",?\s+(?:of\s+)?(?P<year>\d{4})\b")),
    ("month", re.compile(r"\b" + _MONTH + r"\b")),
    ("year", re.compile(r"\b(?P<year>(?:19|20)\d{2})\b")),
]


def _iso(value: Date) -> str:
    return value.isoformat()


def resolve_date(text: str, reference: str | None, future: bool = False) -> str | None:
    """The date an expression names, relative to the publication date ``reference``.

    ``future`` says the expression belongs to a planned event, so bare weekdays and months
    point forward instead of back.
    """
    phrase = text.strip().lower()
    if not phrase:
        return None
    ref = Date.fromisoformat(reference[:10]) if reference else None
    for kind, pattern in _PATTERNS:
        match = pattern.search(phrase)
        if not match:
            continue
        groups = match.groupdict()
        if kind == "iso":
            try:
                return _iso(Date(int(groups["year"]), int(groups["m"]), int(groups["d"])))
            except ValueError:
                return None
        month = MONTHS.get(groups.get("month") or "")
        year = int(groups["year"]) if groups.get("year") else None
        day = int(groups["day"]) if groups.get("day") else None
        if kind in {"month_day", "day_month", "month"} and _is_weekday_phrase(phrase):
            break
        if year is None:
            if ref is None:
                return None
            year = ref.year
            if "next year" in phrase:
                year += 1
            elif "last year" in phrase:
                year -= 1
            elif "this year" not in phrase and month is not None:
                candidate = (month, day or 1)
                now = (ref.month, ref.day)
                if future and candidate < now:
                    year += 1
                elif not future and candidate > now and (month - ref.month) % 12 > 1:
                    year -= 1
        if month is None:
            return f"{year:04d}" if kind == "year" else None
        if day is None:
            return f"{year:04d}-{month:02d}"
        try:
            return _iso(Date(year, month, day))
        except ValueError:
            return None
    if ref is None:
        return None
    return _relative(phrase, ref, future)


def _is_weekday_phrase(phrase: str) -> bool:
    return any(day in phrase for day in WEEKDAYS)


def _relative(phrase: str, ref: Date, future: bool) -> str | None:
    if re.search(rf"\b(today|tonight|this ({'|'.join(PARTS_OF_DAY)}))\b", phrase):
        return _iso(ref)
    if "yesterday" in phrase or "last night" in phrase:
        return _iso(ref - timedelta(days=1))
    if "tomorrow" in phrase:
        return _iso(ref + timedelta(days=1))
    for index, name in enumerate(WEEKDAYS):
        if name in phrase:
            if "last week" in phrase or "previous week" in phrase:
                # "on Monday of last week": that day of the calendar week before
                return _iso(ref - timedelta(days=ref.weekday() + 7 - index))
            forward = future or "next" in phrase
            delta = (index - ref.weekday()) % 7
            if forward:
                # (a plan "for Wednesday" told on a Wednesday is for that day; a week ahead is
                # "next Wednesday")
                return _iso(ref + timedelta(days=delta or (7 if "next" in phrase else 0)))
            back = (ref.weekday() - index) % 7
            if "last" in phrase and back == 0:
                back = 7
            return _iso(ref - timedelta(days=back))
    for words, weeks in (("last week", -1), ("previous week", -1), ("this week", 0), ("next week", 1)):
        if words in phrase:
            # the calendar week meant, named by its month when it lies in one
            monday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=weeks)
            sunday = monday + timedelta(days=6)
            if (monday.year, monday.month) != (sunday.year, sunday.month):
                return None
            return f"{monday.year:04d}-{monday.month:02d}"
    if "last month" in phrase or "previous month" in phrase:
        first = ref.replace(day=1) - timedelta(days=1)
        return f"{first.year:04d}-{first.month:02d}"
    if "this month" in phrase:
        return f"{ref.year:04d}-{ref.month:02d}"
    if "next month" in phrase:
        nxt = (ref.replace(day=28) + timedelta(days=4)).replace(day=1)
        return f"{nxt.year:04d}-{nxt.month:02d}"
    if "last year" in phrase:
        return f"{ref.year - 1:04d}"
    if "this year" in phrase:
        return f"{ref.year:04d}"
    match = re.search(r"\b(\d+|a|one|two|three|four|five|six|seven|eight|nine|ten)\s+(day|week|month|year)s?\s+ago\b", phrase)
    if match:
        words = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                 "seven": 7, "eight": 8, "nine": 9, "ten": 10}
        count = int(match.group(1)) if match.group(1).isdigit() else words[match.group(1)]
        unit = match.group(2)
        if unit == "day":
            return _iso(ref - timedelta(days=count))
        if unit == "week":
            return _iso(ref - timedelta(weeks=count))
        if unit == "month":
            months = ref.year * 12 + ref.month - 1 - count
            return f"{months // 12:04d}-{months % 12 + 1:02d}"
        return f"{ref.year - count:04d}"
    return None


def is_after(resolved: str | None, reference: str | None) -> bool:
    """Whether a resolved date lies after the reference date at its own precision."""
    if not resolved or not reference:
        return False
    return resolved > reference[:len(resolved)]


def shift_days(day: str | None, days: int) -> str | None:
    """A full date moved by some days ("one day after" Tuesday is Monday's act); coarser
    dates are left as they are. A shift of months or years keeps only the month or the year
    ("six years after" April 2016 is 2010, not a day in it)."""
    if not day or len(day) != 10:
        return None
    shifted = _iso(Date.fromisoformat(day) + timedelta(days=days))
    if abs(days) >= DAYS_IN_YEAR:
        return shifted[:4]
    return shifted[:7] if abs(days) >= DAYS_IN_MONTH else shifted
