"""The proeftuin page and the monitoring page: the same figures for buyer and supplier, small
numbers suppressed outside the programme team, a glide-path chart with its table."""

import re
from datetime import date

import pytest
from django.urls import reverse

from inkoopkracht.monitoring.figures import present
from inkoopkracht.partnerships.models import Partnership

from .factories import make_placement

pytestmark = pytest.mark.django_db


def _panel(html: str) -> str:
    match = re.search(r'<section class="panel monitoring-panel".*?</section>', html, re.S)
    return match.group(0)


@pytest.fixture
def five_jobs(partnership_a):
    Partnership.objects.filter(pk=partnership_a.pk).update(status=Partnership.Status.ACTIVE)
    return [make_placement(partnership=partnership_a, starts_on=date(2025, 6, 1)) for _ in range(5)]


def test_buyer_and_supplier_see_the_same_panel(
    client_for, buyer_member, supplier_member, partnership_a, five_jobs
):
    url = reverse("partnerships:detail", args=[partnership_a.pk])
    buyer = _panel(client_for(buyer_member).get(url).content.decode())
    client_for(supplier_member)  # log in as the supplier on the same client
    supplier = _panel(client_for(supplier_member).get(url).content.decode())
    strip_links = re.compile(r"<ul class=\"link-list\">.*?</ul>|grafiek-\d+", re.S)
    assert strip_links.sub("", buyer) == strip_links.sub("", supplier)
    assert "5,00" in buyer


def test_the_panel_has_an_accessible_glide_path_chart(
    client_for, buyer_member, partnership_a, five_jobs
):
    page = (
        client_for(buyer_member)
        .get(reverse("partnerships:detail", args=[partnership_a.pk]))
        .content.decode()
    )
    assert 'role="img"' in page
    assert "Glijpad en gerealiseerde banen" in page
    assert "<summary>Toon de cijfers als tabel</summary>" in page


def test_small_numbers_are_hidden_from_members_but_not_from_the_team(
    client_for, buyer_member, programme_admin, partnership_a
):
    Partnership.objects.filter(pk=partnership_a.pk).update(status=Partnership.Status.ACTIVE)
    for _index in range(3):
        make_placement(partnership=partnership_a, starts_on=date(2025, 6, 1))
    url = reverse("monitoring:dashboard", args=[partnership_a.pk])
    member_page = client_for(buyer_member).get(url).content.decode()
    assert "&lt; 5" in member_page
    assert "3,00" not in member_page
    assert "zodat niemand herkenbaar is" in member_page
    team_page = client_for(programme_admin).get(url).content.decode()
    assert "3,00" in team_page


def test_one_hidden_sector_hides_its_partner_too(partnership_a):
    from inkoopkracht.monitoring.figures import Regime, compute_figures
    from inkoopkracht.monitoring.models import EmploymentType
    from inkoopkracht.monitoring.periods import Period

    for _index in range(6):
        make_placement(partnership=partnership_a, starts_on=date(2026, 1, 1))
    make_placement(
        partnership=partnership_a,
        starts_on=date(2026, 1, 1),
        employment_type=EmploymentType.DETACHERING,
    )
    row = compute_figures(
        Partnership.objects.filter(pk=partnership_a.pk), Period(2026, 3), Regime.SPLIT
    ).rows[0]
    shown = present(row, suppress=True)
    assert str(shown["banen_einde"]) == "7.00"
    parts = {p["key"]: str(p["banen_einde"]) for p in shown["attribution"]}
    assert parts == {"overheid": "< 5", "markt": "< 5"}  # markt alone would give overheid away


def test_the_monitoring_page_shows_a_chosen_period_and_both_regimes(
    client_for, supplier_member, partnership_a, five_jobs
):
    url = reverse("monitoring:dashboard", args=[partnership_a.pk])
    page = client_for(supplier_member).get(url, {"periode": "2025"}).content.decode()
    assert "Cijfers 2025" in page
    assert "Gescheiden sectoren (overheid en markt)" in page
    assert "Eén afspraak voor overheid en markt samen" in page
    assert "geldt nu" in page


def test_an_unknown_period_falls_back_to_the_last_quarter(
    client_for, supplier_member, partnership_a, five_jobs
):
    page = (
        client_for(supplier_member)
        .get(reverse("monitoring:dashboard", args=[partnership_a.pk]), {"periode": "onzin"})
        .content.decode()
    )
    assert "Cijfers 3e kwartaal 2026" in page


@pytest.mark.parametrize("persona", ["outsider", "anonymous"])
def test_others_do_not_see_the_monitoring(request, client_for, partnership_a, persona):
    user = None if persona == "anonymous" else request.getfixturevalue(persona)
    response = client_for(user).get(reverse("monitoring:dashboard", args=[partnership_a.pk]))
    assert response.status_code == (302 if user is None else 404)
