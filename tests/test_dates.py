"""Relative and absolute date expressions resolved against a publication date."""
import pytest

from comity.dates import is_after, resolve_date, shift_days

PUBLISHED = "2018-12-14"  # a Friday


@pytest.mark.parametrize("text,expected", [
    ("on Thursday", "2018-12-13"),
    ("Friday", "2018-12-14"),
    ("last Friday", "2018-12-07"),
    ("yesterday", "2018-12-13"),
    ("today", "2018-12-14"),
    ("in October this year", "2018-10"),
    ("October", "2018-10"),
    ("last month", "2018-11"),
    ("last week", "2018-12"),
    ("last year", "2017"),
    ("December 13", "2018-12-13"),
    ("Dec. 13", "2018-12-13"),
    ("13 December 2016", "2016-12-13"),
    ("July 2024", "2024-07"),
    ("in 2016", "2016"),
    ("three days ago", "2018-12-11"),
    ("Monday of last week", "2018-12-03"),
    ("on Thursday last week", "2018-12-06"),
    ("2017-05-01", "2017-05-01"),
])
def test_resolve(text: str, expected: str) -> None:
    assert resolve_date(text, PUBLISHED) == expected


def test_future_points_forward() -> None:
    assert resolve_date("Monday", PUBLISHED, future=True) == "2018-12-17"
    assert resolve_date("next month", PUBLISHED) == "2019-01"


def test_plan_for_the_weekday_of_publication_is_that_day() -> None:
    assert resolve_date("on Friday", PUBLISHED, future=True) == "2018-12-14"
    assert resolve_date("next Friday", PUBLISHED, future=True) == "2018-12-21"


def test_week_named_by_its_month_only_when_it_lies_in_one() -> None:
    assert resolve_date("last week", "2025-01-01") == "2024-12"
    assert resolve_date("this week", "2025-01-01") is None


def test_month_later_in_year_is_last_year_when_past() -> None:
    assert resolve_date("in October", "2019-03-01") == "2018-10"


def test_unresolvable() -> None:
    assert resolve_date("soon", PUBLISHED) is None
    assert resolve_date("on Thursday", None) is None


def test_is_after() -> None:
    assert is_after("2018-12-20", PUBLISHED)
    assert not is_after("2018-12", PUBLISHED)
    assert is_after("2019", PUBLISHED)


def test_shift_days_moves_full_dates_only() -> None:
    assert shift_days("2022-10-04", -1) == "2022-10-03"
    assert shift_days("2024-03-01", -1) == "2024-02-29"
    assert shift_days("2022-10", -1) is None
    assert shift_days(None, 2) is None


def test_a_shift_of_months_or_years_keeps_only_the_month_or_the_year() -> None:
    assert shift_days("2016-04-11", -1) == "2016-04-10"
    assert shift_days("2016-04-11", -60) == "2016-02"
    assert shift_days("2016-04-11", -6 * 365) == "2010"
