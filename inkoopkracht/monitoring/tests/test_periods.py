"""Periods: quarter and year codes, their days, and calendar months."""

from datetime import date

import pytest

from inkoopkracht.monitoring.periods import Period, PeriodError, add_months, quarters_between


@pytest.mark.parametrize("code", ["2026-Q3", "2026-q3", "2026-K3", "2026 Q3", "2026Q3"])
def test_a_quarter_is_read_in_several_spellings(code):
    assert Period.parse(code) == Period(2026, 3)


def test_a_quarter_and_a_year_know_their_days():
    q3 = Period.parse("2026-Q3")
    assert (q3.start, q3.end, q3.days) == (date(2026, 7, 1), date(2026, 9, 30), 92)
    assert str(q3) == "2026-Q3"
    assert Period.parse("2024").days == 366
    assert Period.parse("2026-Q1").days == 90


@pytest.mark.parametrize("code", ["2026-Q5", "Q3", "26-Q3", "morgen", ""])
def test_an_unknown_period_gives_a_dutch_message(code):
    with pytest.raises(PeriodError, match="Onbekende periode|kwartaal"):
        Period.parse(code)


def test_quarters_follow_each_other_across_years():
    quarters = quarters_between(Period.parse("2025-Q3"), Period.parse("2026-Q2"))
    assert [str(q) for q in quarters] == ["2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2"]
    assert Period.last_completed_quarter(date(2026, 11, 26)) == Period(2026, 3)
    assert Period.last_completed_quarter(date(2026, 1, 5)) == Period(2025, 4)


def test_months_are_calendar_months_that_end_at_the_end_of_a_short_month():
    assert add_months(date(2024, 8, 31), 6) == date(2025, 2, 28)
    assert add_months(date(2024, 1, 15), 12) == date(2025, 1, 15)
    assert add_months(date(2023, 8, 31), 6) == date(2024, 2, 29)
