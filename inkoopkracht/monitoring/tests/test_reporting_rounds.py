"""Reporting rounds: the supplier submits, the buyer approves or returns; approved figures are
frozen; a correction is a new version with a reason and both stay visible."""

from datetime import date
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse

from inkoopkracht.monitoring import services
from inkoopkracht.monitoring.figures import compute_figures
from inkoopkracht.monitoring.models import ReportingRound, RoundStatus
from inkoopkracht.monitoring.periods import Period
from inkoopkracht.partnerships.models import Partnership

from .factories import make_placement

pytestmark = pytest.mark.django_db
Q3 = Period(2026, 3)


def round_url(name, partnership, period=Q3):
    return reverse(f"monitoring:{name}", args=[partnership.pk, str(period)])


@pytest.fixture
def placements(partnership_a):
    return [make_placement(partnership=partnership_a, starts_on=date(2026, 1, 1)) for _ in range(5)]


def test_supplier_submits_and_buyer_approves_and_both_are_told(
    client_for,
    supplier_member,
    buyer_member,
    partnership_a,
    placements,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(supplier_member).post(round_url("round_submit", partnership_a))
    assert response.status_code == 302
    reporting_round = ReportingRound.objects.get()
    assert reporting_round.status == RoundStatus.SUBMITTED
    assert reporting_round.snapshot["buckets"]["markt"]["hours_end"] == 5 * 2550
    assert [m.to for m in mail.outbox] == [[buyer_member.email]]
    assert "wacht op uw goedkeuring" in mail.outbox[0].subject
    mail.outbox.clear()
    client = client_for(buyer_member)
    page = client.get(round_url("round", partnership_a)).content.decode()
    assert "Goedkeuren" in page
    assert "Terugsturen" in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(round_url("round_approve", partnership_a))
    reporting_round.refresh_from_db()
    assert reporting_round.status == RoundStatus.APPROVED
    assert reporting_round.decided_by == buyer_member
    assert [m.to for m in mail.outbox] == [[supplier_member.email]]


def test_approved_figures_stay_frozen_when_placements_change_later(
    supplier_member, buyer_member, partnership_a, placements
):
    reporting_round = services.open_round(partnership=partnership_a, period=Q3, by=supplier_member)
    services.submit_round(reporting_round=reporting_round, by=supplier_member)
    services.approve_round(reporting_round=reporting_round, by=buyer_member)
    make_placement(partnership=partnership_a, starts_on=date(2026, 2, 1))
    queryset = Partnership.objects.filter(pk=partnership_a.pk)
    frozen = compute_figures(queryset, Q3).rows[0]
    live = compute_figures(queryset, Q3, approved=False).rows[0]
    assert (frozen.source, frozen.banen_einde, frozen.revision) == ("goedgekeurd", 5, 1)
    assert live.banen_einde == 6


def test_the_buyer_returns_with_a_comment_and_the_supplier_resubmits(
    client_for, supplier_member, buyer_member, partnership_a, placements
):
    reporting_round = services.open_round(partnership=partnership_a, period=Q3, by=supplier_member)
    services.submit_round(reporting_round=reporting_round, by=supplier_member)
    client = client_for(buyer_member)
    response = client.post(round_url("round_return", partnership_a), {"comment": "   "})
    assert response.status_code == 400
    assert "Dit is een verplicht veld." in response.content.decode()
    client.post(round_url("round_return", partnership_a), {"comment": "Twee einddata ontbreken."})
    reporting_round.refresh_from_db()
    assert reporting_round.status == RoundStatus.RETURNED
    page = client_for(supplier_member).get(round_url("round", partnership_a)).content.decode()
    assert "Twee einddata ontbreken." in page
    assert "indienen" in page
    services.submit_round(reporting_round=reporting_round, by=supplier_member)
    reporting_round.refresh_from_db()
    assert reporting_round.status == RoundStatus.SUBMITTED
    assert list(reporting_round.events.values_list("action", flat=True)) == [
        "geopend",
        "ingediend",
        "teruggestuurd",
        "ingediend",
    ]


def test_a_correction_is_a_new_version_and_the_approved_one_stays_visible(
    client_for, supplier_member, buyer_member, partnership_a, placements
):
    reporting_round = services.open_round(partnership=partnership_a, period=Q3, by=supplier_member)
    services.submit_round(reporting_round=reporting_round, by=supplier_member)
    services.approve_round(reporting_round=reporting_round, by=buyer_member)
    client = client_for(supplier_member)
    assert client.post(round_url("round_correct", partnership_a), {"reason": ""}).status_code == 400
    client.post(
        round_url("round_correct", partnership_a), {"reason": "Een einddatum kwam te laat binnen."}
    )
    versions = list(ReportingRound.objects.order_by("revision"))
    assert [(v.revision, v.status) for v in versions] == [
        (1, RoundStatus.APPROVED),
        (2, RoundStatus.OPEN),
    ]
    assert versions[1].correction_reason == "Een einddatum kwam te laat binnen."
    # Until the correction is approved, the approved version holds.
    frozen = compute_figures(Partnership.objects.filter(pk=partnership_a.pk), Q3).rows[0]
    assert frozen.revision == 1
    page = client_for(buyer_member).get(round_url("round", partnership_a)).content.decode()
    assert "Versie 1" in page
    assert "Versie 2" in page
    assert "Een einddatum kwam te laat binnen." in page


@pytest.mark.parametrize("persona", ["buyer_member", "outsider", "coach", "programme_admin"])
def test_only_the_supplier_submits(request, client_for, partnership_a, persona):
    client = client_for(request.getfixturevalue(persona))
    assert client.post(round_url("round_submit", partnership_a)).status_code == 404
    assert not ReportingRound.objects.exists()


@pytest.mark.parametrize("persona", ["supplier_member", "outsider", "coach", "programme_admin"])
def test_only_the_buyer_approves_or_returns(
    request, client_for, supplier_member, partnership_a, placements, persona
):
    reporting_round = services.open_round(partnership=partnership_a, period=Q3, by=supplier_member)
    services.submit_round(reporting_round=reporting_round, by=supplier_member)
    client = client_for(request.getfixturevalue(persona))
    assert client.post(round_url("round_approve", partnership_a)).status_code == 404
    assert (
        client.post(round_url("round_return", partnership_a), {"comment": "nee"}).status_code == 404
    )
    reporting_round.refresh_from_db()
    assert reporting_round.status == RoundStatus.SUBMITTED


def test_a_quarter_that_is_not_over_cannot_be_submitted(client_for, supplier_member, partnership_a):
    client = client_for(supplier_member)
    response = client.post(round_url("round_submit", partnership_a, Period(2026, 4)), follow=True)
    assert "Dit kwartaal is nog niet voorbij." in response.content.decode()
    assert not ReportingRound.objects.exists()


def test_the_submitter_cannot_approve_their_own_report(supplier_member, partnership_a, placements):
    from inkoopkracht.organisations import services as organisations

    contact = organisations.add_contact(
        organisation=partnership_a.buyer, by=None, name="Dubbel", email=supplier_member.email
    )
    contact.user = supplier_member
    contact.save()
    reporting_round = services.open_round(partnership=partnership_a, period=Q3, by=supplier_member)
    services.submit_round(reporting_round=reporting_round, by=supplier_member)
    with pytest.raises(services.MonitoringError, match="zelf indiende"):
        services.approve_round(reporting_round=reporting_round, by=supplier_member)


def test_the_round_page_shows_both_sides_the_same_suppressed_figures(
    client_for, supplier_member, buyer_member, programme_admin, partnership_a
):
    for _index in range(3):
        make_placement(partnership=partnership_a, starts_on=date(2026, 1, 1), hours=Decimal("20"))
    reporting_round = services.open_round(partnership=partnership_a, period=Q3, by=supplier_member)
    services.submit_round(reporting_round=reporting_round, by=supplier_member)
    supplier_page = (
        client_for(supplier_member).get(round_url("round", partnership_a)).content.decode()
    )
    buyer_page = client_for(buyer_member).get(round_url("round", partnership_a)).content.decode()
    for page in (supplier_page, buyer_page):
        assert "&lt; 5" in page
        assert "2,35" not in page  # 3 × 20 / 25.5
    staff_page = client_for(programme_admin).get(round_url("round", partnership_a)).content.decode()
    assert "2,35" in staff_page
