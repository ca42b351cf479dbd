"""Small numbers are hidden in public, and so is a second cell when one cell of a breakdown is
hidden and the total is shown (complementary suppression)."""

from decimal import Decimal

import pytest
from django.urls import reverse

from inkoopkracht.lib.suppression import Suppressed
from inkoopkracht.reports.results import complementary_mask, programme_results

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("persons", "total", "hidden", "total_hidden"),
    [
        ([10, 20, 30], 60, [False, False, False], False),  # nothing small
        ([3, 20, 30], 53, [True, True, False], False),  # one small: the smallest other too
        ([3, 0, 30, 8], 41, [True, False, False, True], False),  # a zero cell does not help
        ([3, 4, 30], 37, [True, True, False], False),  # two small ones: 7 together, enough
        ([1, 1, 30, 6], 38, [True, True, False, True], False),  # 1 + 1 < 5: one more
        ([2, 0], 2, [True, False], True),  # a small total hides everything with persons
        ([0, 0], 0, [False, False], False),  # zero is not identifying
        ([12], 12, [False], False),
    ],
)
def test_complementary_mask(persons, total, hidden, total_hidden):
    assert complementary_mask(persons, total) == (hidden, total_hidden)


def test_threshold_comes_from_settings(settings):
    settings.SMALL_NUMBER_THRESHOLD = 3
    assert complementary_mask([2, 20, 30], 52) == ([True, True, False], False)
    assert complementary_mask([3, 20, 30], 53) == ([False, False, False], False)


def test_a_hidden_cohort_cannot_be_recovered_from_the_total(programme):
    """Cohort 2 rests on 3 persons; cohort 3 (7 persons, the smallest other) is hidden too,
    cohort 1 (16 persons) and the total (26) are shown."""
    results, _message = programme_results()
    cohort_1, cohort_2, cohort_3 = (row.cells for row in results.banen_by_cohort)
    for cells in (cohort_2, cohort_3):
        for value in (cells.banen_einde, cells.personen_einde, cells.extra_banen, cells.progress):
            assert isinstance(value, Suppressed)
        assert isinstance(cells.banen_gemiddeld, Suppressed)
    assert cohort_1.banen_einde == Decimal("13.00")
    assert results.total.banen_einde == Decimal("21.00")
    # What is hidden rests on 3 + 7 = 10 persons: the total minus cohort 1 is not one cohort.
    # Counts of proeftuinen and the baseline and ambition are not about persons.
    assert cohort_2.reported == 1
    assert cohort_2.baseline == Decimal("0.00")


def test_page_shows_suppressed_cells_as_less_than_threshold(client, programme):
    html = client.get(reverse("reports:results")).content.decode()
    assert html.count("&lt; 5") >= 8  # two cohorts × four columns, and Q1 in the chart table
    assert "13,00" in html  # cohort 1


def test_a_small_total_is_hidden_in_the_series(programme):
    results, _message = programme_results(period_code="2026-Q1")
    assert results.total.reported == 1
    assert isinstance(results.total.banen_einde, Suppressed)
    assert isinstance(results.total.personen_einde, Suppressed)
    # Every cohort with persons is hidden with it.
    assert all(
        isinstance(row.cells.banen_einde, Suppressed) or row.cells.personen_einde == 0
        for row in results.banen_by_cohort
    )


@pytest.mark.parametrize("persona", ["programme_admin", "supplier_member", None])
def test_everyone_sees_the_same_public_numbers(client_for, programme, request, persona):
    """The public page is the same for the team, members and visitors: suppressed for all."""
    user = request.getfixturevalue(persona) if persona else None
    response = client_for(user).get(reverse("reports:results"))
    cohort_2 = response.context["results"].banen_by_cohort[1].cells
    assert isinstance(cohort_2.banen_einde, Suppressed)


def test_post_is_not_allowed_and_head_is(client, programme):
    assert client.post(reverse("reports:results")).status_code == 405
    assert client.head(reverse("reports:open_data_csv")).status_code == 200
