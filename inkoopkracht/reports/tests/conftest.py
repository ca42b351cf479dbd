"""A small known programme for the results tests (figures computed by hand in ``EXPECTED``).

Today is 5 December 2026: the third quarter of 2026 is the latest completed quarter, and it is
published (more than ``PUBLIC_RESULTS_AFTER_DAYS`` after it) although D did not get approved.

| proeftuin | cohort | step | status | Q1 2026 | Q2 2026 | Q3 2026 |
|---|---|---|---|---|---|---|
| A | 1 | 3 | actief | submitted only | approved: 6 banen, 8 p. | approved: 8 banen (avg 7), 10 p. (11 in Q), nulmeting 2, ambitie 10 |
| B | 1 | 3 | actief | – | approved v1 (4 banen), v2 (5 banen, 5 p.) | approved: 5 banen (avg 5), 6 p., nulmeting 1, ambitie 5 |
| C | 2 | 5 | actief | approved: 1 baan, 2 p. | – | approved: 2 banen (avg 2), 3 p., nulmeting 0, ambitie 4 |
| D | 2 | 5 | gepauzeerd | – | – | submitted only (100 banen): never counted |
| E | 3 | 9 | actief | – | – | approved: 6 banen (avg 6), 7 p., nulmeting 1, ambitie 6 |
| F | 1 | 1 | aangemeld | – | – | (not started, not due) |
"""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from inkoopkracht.monitoring.models import ReportingRound, RoundStatus
from inkoopkracht.monitoring.periods import Period
from inkoopkracht.partnerships.models import Partnership, Step
from inkoopkracht.partnerships.tests.factories import make_cohort, make_partnership

TODAY = datetime(2026, 12, 5, 11, 0, tzinfo=UTC)
Q1, Q2, Q3 = Period(2026, 1), Period(2026, 2), Period(2026, 3)


@pytest.fixture(autouse=True)
def _today(time_machine):
    time_machine.move_to(TODAY, tick=False)


def snapshot(period, *, banen, gemiddeld=None, persons, persons_in=None, baseline=0, ambition=5):
    """A frozen report as ``approve_round`` stores it: ``banen`` of 25.5 hours on the last day,
    ``gemiddeld`` on average over the quarter (exact sums in hundredths of an hour)."""
    gemiddeld = banen if gemiddeld is None else gemiddeld
    return {
        "period": str(period),
        "buckets": {
            "markt": {
                "hour_days": int(Decimal(gemiddeld) * 2550 * period.days),
                "hours_end": int(Decimal(banen) * 2550),
                "persons": persons if persons_in is None else persons_in,
                "persons_end": persons,
            }
        },
        "durability": None,
        "baseline": str(baseline),
        "ambition": None if ambition is None else str(ambition),
        "hours_per_job": "25.5",
        "computed_at": "2026-10-20T10:00:00+00:00",
    }


def make_round(partnership, period, status=RoundStatus.APPROVED, revision=1, **figures):
    return ReportingRound.objects.create(
        partnership=partnership,
        year=period.year,
        quarter=period.quarter,
        revision=revision,
        status=status,
        deadline=period.end,
        snapshot=snapshot(period, **figures) if figures else {},
    )


def proeftuin(name, *, cohort, step, status=Partnership.Status.ACTIVE, **fields):
    started = {"started_on": date(2025, 1, 1)} if status != Partnership.Status.APPLIED else {}
    return make_partnership(
        name=name,
        cohort=make_cohort(cohort),
        current_step=Step.objects.get(number=step),
        status=status,
        **started,
        **fields,
    )


@pytest.fixture
def programme(db):
    a = proeftuin("Proeftuin A", cohort=1, step=3, ambition_jobs=Decimal(10))
    b = proeftuin("Proeftuin B", cohort=1, step=3)
    c = proeftuin("Proeftuin C", cohort=2, step=5)
    d = proeftuin("Proeftuin D", cohort=2, step=5, status=Partnership.Status.PAUSED)
    e = proeftuin("Proeftuin E", cohort=3, step=9)
    f = proeftuin("Proeftuin F", cohort=1, step=1, status=Partnership.Status.APPLIED)
    make_round(a, Q1, status=RoundStatus.SUBMITTED, banen=50, persons=60)
    make_round(c, Q1, banen=1, persons=2)
    make_round(a, Q2, banen=6, persons=8, baseline=2, ambition=10)
    make_round(b, Q2, banen=4, persons=5, baseline=1)
    make_round(b, Q2, revision=2, banen=5, persons=5, baseline=1)
    make_round(b, Q2, revision=3, status=RoundStatus.OPEN)  # a correction being prepared
    make_round(a, Q3, banen=8, gemiddeld=7, persons=10, persons_in=11, baseline=2, ambition=10)
    make_round(b, Q3, banen=5, persons=6, baseline=1, ambition=5)
    make_round(c, Q3, banen=2, persons=3, baseline=0, ambition=4)
    make_round(d, Q3, status=RoundStatus.SUBMITTED, banen=100, persons=120)
    make_round(e, Q3, banen=6, persons=7, baseline=1, ambition=6)
    return {"A": a, "B": b, "C": c, "D": d, "E": e, "F": f}


# The browser tests use the knowledge app's Chromium page and single-request live server.
from inkoopkracht.knowledge.tests.conftest import browser_page, live_server  # noqa: E402, F401
