"""Mijn proeftuin: members see and manage their own registrations (and those they made for
colleagues); the proeftuin page shows who is coming and the participation of both sides."""

from datetime import timedelta

import pytest

from inkoopkracht.events import services
from inkoopkracht.events.models import Registration

from .factories import guest, make_event, member
from .helpers import detail_url

pytestmark = pytest.mark.django_db
Status = Registration.Status


def test_a_member_registers_a_colleague(
    client_for, buyer_member, partnership_a, committed, mailoutbox
):
    event = make_event()
    client = client_for(buyer_member)
    form = client.get(detail_url(event)).content.decode()
    assert "Mijzelf (inkoper@buyer-a.example)" in form
    assert "Een andere collega" in form
    missing = client.post(detail_url(event), {"partnership": partnership_a.pk, "person": "other"})
    assert "Vul de naam van uw collega in." in missing.content.decode()
    with committed():
        client.post(
            detail_url(event),
            {"partnership": partnership_a.pk, "person": "other", "colleague_name": "Cor Collega",
             "colleague_email": "Cor@Buyer-A.example"},
        )  # fmt: skip
    registration = Registration.objects.get(email="cor@buyer-a.example")
    assert registration.registered_by == buyer_member
    assert registration.organisation == partnership_a.buyer
    assert registration.side == Registration.Side.BUYER
    assert mailoutbox[-1].to == ["cor@buyer-a.example"]
    assert "heeft u aangemeld" in mailoutbox[-1].body


def test_a_member_cannot_register_for_a_proeftuin_not_theirs(
    client_for, buyer_member, partnership_b
):
    event = make_event()
    response = client_for(buyer_member).post(
        detail_url(event), {"partnership": partnership_b.pk, "person": "self"}
    )
    assert "Selecteer een geldige keuze" in response.content.decode()
    assert Registration.objects.count() == 0


def test_my_events_lists_and_manages(client_for, buyer_member, partnership_a, committed):
    full = make_event(title="Volle workshop", capacity=1)
    guest(full)
    waiting = member(full, buyer_member, partnership_a, accept_waiting_list=True)
    other = make_event(title="Open workshop")
    mine = member(other, buyer_member, partnership_a)
    client = client_for(buyer_member)
    page = client.get("/mijn-bijeenkomsten/").content.decode()
    assert "Volle workshop" in page
    assert "Op de wachtlijst" in page
    assert "(plaats 1)" in page
    assert "Open workshop" in page
    with committed():
        response = client.post(f"/mijn-bijeenkomsten/{mine.pk}/afmelden/")
    assert response.status_code == 302
    mine.refresh_from_db()
    assert mine.status == Status.CANCELLED
    services.cancel_registration(
        registration=full.registrations.exclude(pk=waiting.pk).get(), by=None
    )
    page = client.get("/mijn-bijeenkomsten/").content.decode()
    assert "Plaats aannemen" in page
    client.post(f"/mijn-bijeenkomsten/{waiting.pk}/aannemen/")
    waiting.refresh_from_db()
    assert waiting.status == Status.CONFIRMED


def test_nobody_manages_someone_elses_registration(
    client_for, outsider, buyer_member, partnership_a
):
    registration = member(make_event(), buyer_member, partnership_a)
    client = client_for(outsider)
    assert client.post(f"/mijn-bijeenkomsten/{registration.pk}/afmelden/").status_code == 404
    assert client.post(f"/mijn-bijeenkomsten/{registration.pk}/aannemen/").status_code == 404
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED


def test_my_events_needs_a_login(client):
    assert client.get("/mijn-bijeenkomsten/")["Location"].startswith("/account/inloggen/")


def test_the_proeftuin_page_shows_the_events_panel(
    client_for, buyer_member, supplier_member, partnership_a, django_assert_max_num_queries
):
    upcoming = make_event(title="Komende intervisie")
    member(upcoming, supplier_member, partnership_a, name="Sam Leverancier")
    past = make_event(title="Vorige workshop", starts_in=timedelta(hours=-3), hours=2)
    registration = member(past, buyer_member, partnership_a, at=past.starts_at - timedelta(days=1))
    services.record_attendance(
        registration=registration, attendance="aanwezig", by=None, at=past.starts_at
    )
    client = client_for(buyer_member)
    # The page composes panels of several apps (monitoring, guidance, events, ...).
    with django_assert_max_num_queries(50):
        page = client.get(f"/mijn/proeftuinen/{partnership_a.pk}/").content.decode()
    assert 'id="kop-bijeenkomsten"' in page
    assert "Komende intervisie" in page
    assert "Sam Leverancier, leverancier" in page
    assert "Bijgewoonde bijeenkomsten" in page


def test_the_portal_menu_has_my_events(client_for, buyer_member):
    html = client_for(buyer_member).get("/mijn/").content.decode()
    assert 'href="/mijn-bijeenkomsten/"' in html
