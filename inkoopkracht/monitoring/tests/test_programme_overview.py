"""The programme team's overview: every proeftuin against its glide path, filters, totals, and
a number of queries that does not grow with the number of proeftuinen."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from inkoopkracht.partnerships.models import Partnership
from inkoopkracht.partnerships.tests.factories import make_cohort, make_partnership

from .factories import make_placement

pytestmark = pytest.mark.django_db


def _active(partnership):
    Partnership.objects.filter(pk=partnership.pk).update(
        status=Partnership.Status.ACTIVE,
        baseline_date=date(2025, 1, 1),
        started_on=date(2025, 1, 1),
    )


def _queries(client, url, django_assert_max_num_queries) -> int:
    with django_assert_max_num_queries(200) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("persona", ["buyer_member", "supplier_member", "outsider"])
def test_the_overview_is_for_the_programme_team_only(request, client_for, persona):
    client = client_for(request.getfixturevalue(persona))
    assert client.get(reverse("monitoring:overview")).status_code == 404
    assert client.get(reverse("monitoring:rounds_overview")).status_code == 404


def test_the_overview_shows_status_figures_and_totals(
    client_for, programme_admin, partnership_a, partnership_b
):
    for partnership in (partnership_a, partnership_b):
        _active(partnership)
    for _index in range(3):
        make_placement(partnership=partnership_a, starts_on=date(2025, 6, 1))
    page = (
        client_for(programme_admin)
        .get(reverse("monitoring:overview"), {"periode": "2026-Q3"})
        .content.decode()
    )
    assert "Proeftuin A" in page
    assert "Proeftuin B" in page
    assert "3,00" in page  # small numbers are shown to the team
    assert "Totaal (alle gefilterde proeftuinen)" in page
    assert "tag--rag-" in page


def test_a_proeftuin_that_is_not_active_says_so_next_to_its_glide_path(
    client_for, programme_admin, partnership_a, partnership_b
):
    _active(partnership_a)
    _active(partnership_b)
    Partnership.objects.filter(pk=partnership_b.pk).update(
        status=Partnership.Status.STOPPED, ended_on=date(2026, 9, 30)
    )
    page = (
        client_for(programme_admin)
        .get(reverse("monitoring:overview"), {"periode": "2026-Q3"})
        .content.decode()
    )
    assert page.count('<span class="meta">Gestopt</span>') == 1


def test_filters_by_cohort_sector_step_and_status(
    client_for, programme_admin, partnership_a, partnership_b
):
    partnership_b.cohort = make_cohort(2)
    partnership_b.work_sector = Partnership.WorkSector.CATERING
    partnership_b.save()
    for partnership in (partnership_a, partnership_b):
        _active(partnership)
    client = client_for(programme_admin)
    url = reverse("monitoring:overview")
    by_cohort = client.get(url, {"cohort": partnership_b.cohort_id}).content.decode()
    assert "Proeftuin B" in by_cohort
    assert "Proeftuin A" not in by_cohort
    by_sector = client.get(url, {"sector": "schoonmaak"}).content.decode()
    assert "Proeftuin A" in by_sector
    assert "Proeftuin B" not in by_sector
    by_step = client.get(url, {"stap": 5}).content.decode()
    assert "Geen proeftuinen bij deze filters." in by_step
    red = client.get(url, {"status": "rood", "periode": "2026-Q3"}).content.decode()
    assert "Proeftuin A" in red  # nothing realised against a plan of several banen


def test_the_query_count_does_not_grow_with_the_number_of_proeftuinen(
    client_for, programme_admin, django_assert_max_num_queries
):
    client = client_for(programme_admin)
    url = reverse("monitoring:overview")
    for _index in range(2):
        partnership = make_partnership(baseline_jobs=Decimal(1))
        _active(partnership)
        make_placement(partnership=partnership, starts_on=date(2025, 3, 1))
    few = _queries(client, url, django_assert_max_num_queries)  # recomputes 2 proeftuinen
    few_fresh = _queries(client, url, django_assert_max_num_queries)  # all precomputed
    for _index in range(8):
        partnership = make_partnership(baseline_jobs=Decimal(1))
        _active(partnership)
        make_placement(partnership=partnership, starts_on=date(2025, 3, 1))
    assert _queries(client, url, django_assert_max_num_queries) == few  # recomputes 8
    assert _queries(client, url, django_assert_max_num_queries) == few_fresh < few


def test_the_reporting_status_per_quarter_shows_overdue_reports(
    client_for, programme_admin, partnership_a, django_assert_max_num_queries
):
    _active(partnership_a)
    page = client_for(programme_admin).get(reverse("monitoring:rounds_overview")).content.decode()
    assert "3e kwartaal 2026" in page
    assert "Nog niet gestart" in page
    assert "te laat" in page  # the deadline of the third quarter (30 October) has passed
    Partnership.objects.filter(pk=partnership_a.pk).update(started_on=date(2026, 8, 1))
    later = client_for(programme_admin).get(reverse("monitoring:rounds_overview")).content.decode()
    assert later.count("niet van toepassing") == 3  # no reports are due before the start
