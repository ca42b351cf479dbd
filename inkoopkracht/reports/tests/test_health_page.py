"""The health overview page: for the team and coaches only, sortable and filterable with plain
links and forms, unknown values ignored with a message, a fixed number of queries."""

import re
from datetime import timedelta
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone

from inkoopkracht.partnerships.models import Partnership
from inkoopkracht.partnerships.services import assign_coach
from inkoopkracht.partnerships.tests.factories import make_action, make_partnership

pytestmark = pytest.mark.django_db

URL = reverse("reports:health")


def names(response) -> list[str]:
    return [str(row.partnership) for row in response.context["rows"]]


@pytest.fixture
def programme(partnership_a, partnership_b, coach):
    """A in trouble (three overdue actions), B fine; both active; C closed."""
    today = timezone.localdate()
    for partnership in (partnership_a, partnership_b):
        partnership.status = Partnership.Status.ACTIVE
        partnership.started_on = today - timedelta(days=10)
        partnership.ambition_jobs = partnership.ambition_date = None  # no glide path yet
        partnership.save()
    for days in (1, 2, 3):
        make_action(partnership=partnership_a, due_on=today - timedelta(days=days))
    make_partnership(name="Proeftuin C", status=Partnership.Status.COMPLETED)
    return partnership_a, partnership_b


def test_anonymous_visitors_are_sent_to_login(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_members_get_404(client_for, buyer_member):
    assert client_for(buyer_member).get(URL).status_code == 404
    assert client_for(buyer_member).get(URL + "export.csv").status_code == 404


def test_team_sees_all_worst_first(client_for, programme_admin, programme):
    response = client_for(programme_admin).get(URL)
    assert response.status_code == 200
    assert names(response) == ["Proeftuin A", "Proeftuin B", "Proeftuin C"]
    html = response.content.decode()
    assert "3 acties over tijd" in html
    assert 'aria-sort="ascending"' in html
    assert "<caption>" in html
    assert reverse("partnerships:detail", args=[programme[0].pk]) in html


def test_coaches_see_their_own_by_default_and_all_on_request(client_for, coach, programme):
    client = client_for(coach)
    assert names(client.get(URL)) == ["Proeftuin A"]
    assert len(names(client.get(URL, {"begeleider": "alle"}))) == 3


def test_filter_by_coach(client_for, programme_admin, other_coach, programme):
    assign_coach(partnership=programme[1], coach=other_coach, by=None)
    response = client_for(programme_admin).get(URL, {"begeleider": other_coach.pk})
    assert names(response) == ["Proeftuin B"]


def test_filters(client_for, programme_admin, programme):
    client = client_for(programme_admin)
    assert names(client.get(URL, {"aandacht": "1"})) == ["Proeftuin A"]
    assert names(client.get(URL, {"status": "afgesloten"})) == ["Proeftuin C"]
    assert names(client.get(URL, {"stap": "2"})) == []
    assert len(names(client.get(URL, {"sector": "schoonmaak", "cohort": "1"}))) == 3


def test_sorting_by_each_column_and_back(client_for, programme_admin, programme):
    client = client_for(programme_admin)
    for key in ("proeftuin", "status", "glijpad", "acties", "coaching", "deelname", "stap",
                "dagen", "cohort", "begeleider"):  # fmt: skip
        assert client.get(URL, {"sorteer": key}).status_code == 200
    assert names(client.get(URL, {"sorteer": "-proeftuin"})) == [
        "Proeftuin C", "Proeftuin B", "Proeftuin A"
    ]  # fmt: skip
    response = client.get(URL, {"sorteer": "-acties"})
    assert names(response)[0] == "Proeftuin A"
    assert 'aria-sort="descending"' in response.content.decode()


def test_unknown_values_are_ignored_with_a_message(client_for, programme_admin, programme):
    response = client_for(programme_admin).get(
        URL, {"sorteer": "wachtwoord", "status": "paars", "cohort": "x", "stap": "12",
              "sector": "<script>", "begeleider": "999999", "aandacht": "ja"}
    )  # fmt: skip
    assert response.status_code == 200
    assert len(names(response)) == 3
    html = response.content.decode()
    assert "Onbekende waarde voor sortering genegeerd" in html
    assert "Onbekende waarde voor status genegeerd" in html
    assert "<script>" not in html


def test_in_the_staff_navigation(client_for, coach, programme):
    response = client_for(coach).get(reverse("partnerships:worklist"))
    assert URL in response.content.decode()


def _add(count: int, start: int = 0) -> None:
    for n in range(start, start + count):
        partnership = make_partnership(name=f"Extra {n}", status=Partnership.Status.ACTIVE)
        make_action(partnership=partnership, due_on=timezone.localdate() - timedelta(days=2))


def test_query_count_does_not_grow(client_for, programme_admin, programme,
                                   django_assert_max_num_queries):  # fmt: skip
    """With fresh overview rows; the first visit after changes also recomputes the stale rows,
    in a number of queries that does not grow either."""
    client = client_for(programme_admin)
    client.get(URL)
    with django_assert_max_num_queries(40) as few:
        client.get(URL)
    _add(1)
    with django_assert_max_num_queries(60) as stale:
        client.get(URL)  # one stale row
    _add(8, start=1)
    with django_assert_max_num_queries(len(stale.captured_queries)):
        client.get(URL)  # eight stale rows
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(names(client.get(URL))) == 12


def test_in_the_back_office_menu(client_for, programme_admin):
    response = client_for(programme_admin).get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert URL in response.content.decode()


def test_exports_keep_the_filters_and_sort(client_for, programme_admin, programme):
    response = client_for(programme_admin).get(URL, {"aandacht": "1", "sorteer": "-acties"})
    href = re.search(r'href="([^"]*export\.csv[^"]*)"', response.content.decode()).group(1)
    query = parse_qs(urlsplit(unescape(href)).query)
    assert query == {"begeleider": ["alle"], "aandacht": ["1"], "sorteer": ["-acties"]}
