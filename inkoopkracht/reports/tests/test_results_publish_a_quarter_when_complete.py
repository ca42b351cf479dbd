"""A quarter becomes public when every proeftuin that had to report is approved, or at the latest
``PUBLIC_RESULTS_AFTER_DAYS`` after it: before that, neither the page nor the open data shows
it, so that no single approval can be read from the difference between two days."""

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from inkoopkracht.monitoring.models import ReportingRound, RoundStatus
from inkoopkracht.reports import opendata
from inkoopkracht.reports.results import programme_results

from .conftest import Q2, Q3, make_round

pytestmark = pytest.mark.django_db

BEFORE_PUBLICATION = datetime(2026, 11, 20, 11, 0, tzinfo=UTC)  # Q3 ended 56 days ago


def test_an_incomplete_quarter_waits_for_its_publication_date(programme, time_machine):
    time_machine.move_to(BEFORE_PUBLICATION, tick=False)
    results, message = programme_results()
    assert message is None
    assert results.period == Q2  # D's report over Q3 is not approved yet
    assert results.available_periods[-1] == Q2
    assert (results.next_quarter, str(results.next_publication)) == (Q3, "2026-11-29")
    assert all(record.periode != str(Q3) for record in opendata.records(results))


def test_asking_for_the_waiting_quarter_shows_the_last_published_one(
    client, programme, time_machine
):
    time_machine.move_to(BEFORE_PUBLICATION, tick=False)
    response = client.get(reverse("reports:results"), {"periode": "2026-Q3"})
    assert "geen cijfers gepubliceerd" in response.context["message"]
    assert response.context["results"].period == Q2
    html = response.content.decode()
    assert "verschijnen zodra alle rapportages" in html
    assert "29 november 2026" in html


def test_a_complete_quarter_is_published_at_once(programme, time_machine):
    time_machine.move_to(BEFORE_PUBLICATION, tick=False)
    make_round(programme["D"], Q3, revision=2, banen=3, persons=4, baseline=0, ambition=3)
    results, _message = programme_results()
    assert results.period == Q3
    assert (results.total.reported, results.total.due) == (5, 5)
    assert results.next_quarter is None or results.next_quarter > Q3


def test_nothing_published_shows_no_banen_at_all(programme, time_machine):
    time_machine.move_to(BEFORE_PUBLICATION, tick=False)
    ReportingRound.objects.exclude(year=Q3.year, quarter=Q3.quarter).update(
        status=RoundStatus.SUBMITTED
    )
    results, _message = programme_results()
    assert not results.has_figures
    assert results.total is None
    assert results.banen_by_cohort == []
    assert not [r for r in opendata.records(results) if r.periode]
