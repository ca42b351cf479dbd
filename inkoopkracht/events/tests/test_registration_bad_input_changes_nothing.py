"""Registering after the deadline, twice, as a guest for a members-only event, for a full event
without the waiting list, or with bad fields: a clear Dutch message, nothing changes, and what
was typed stays in the form."""

from datetime import timedelta

import pytest
from django.utils import timezone

from inkoopkracht.events import services
from inkoopkracht.events.models import Event, Registration

from .factories import guest, make_event, member
from .helpers import detail_url, guest_form

pytestmark = pytest.mark.django_db


def _post_guest(client, event, form_offered=True, **overrides):
    before = Registration.objects.count()
    response = client.post(detail_url(event), guest_form(7, **overrides))
    assert Registration.objects.count() == before
    assert response.status_code == 200
    html = response.content.decode()
    if form_offered:
        assert 'value="Jan Gast 7"' in html  # what was typed stays
    return html


def test_after_the_deadline(client):
    event = make_event(
        starts_in=timedelta(days=3),
        registration_deadline=timezone.now() - timedelta(hours=1),
    )
    html = _post_guest(client, event, form_offered=False)
    assert "De aanmeldtermijn voor deze bijeenkomst is verstreken." in html


def test_twice_with_the_same_address(client):
    event = make_event()
    guest(event, email="jan7@voorbeeld.example")
    html = _post_guest(client, event)
    assert "jan7@voorbeeld.example is al aangemeld voor deze bijeenkomst." in html


def test_twice_while_on_the_waiting_list(client):
    event = make_event(capacity=1)
    guest(event)
    guest(event, email="jan7@voorbeeld.example")
    html = _post_guest(client, event, waiting_list="on")
    assert "staat al op de wachtlijst" in html


def test_as_a_guest_for_a_members_only_event(client):
    event = make_event(audience=Event.Audience.MEMBERS)
    page = client.get(detail_url(event)).content.decode()
    assert "gasten kunnen zich niet aanmelden" in page
    assert 'name="email"' not in page  # no guest form offered
    html = _post_guest(client, event, form_offered=False)
    assert "Deze bijeenkomst is alleen voor deelnemers van proeftuinen" in html


def test_full_without_accepting_the_waiting_list(client):
    event = make_event(capacity=1)
    guest(event)
    html = _post_guest(client, event)
    assert "De bijeenkomst is vol." in html
    assert "Zet mij op de wachtlijst" in html


def test_bad_fields_get_a_message_at_the_field(client):
    event = make_event()
    html = _post_guest(client, event, email="geen-adres", organisation_name="")
    assert "Voer een geldig e-mailadres in." in html
    assert "Dit is een verplicht veld." in html
    assert 'href="#id_email"' in html  # the error summary links to the field


def test_a_draft_or_unknown_event_is_not_found(client):
    draft = make_event(status=Event.Status.DRAFT)
    assert client.get(detail_url(draft)).status_code == 404
    assert client.post(detail_url(draft), guest_form()).status_code == 404
    assert client.get("/bijeenkomsten/bestaat-niet/").status_code == 404
    assert Registration.objects.count() == 0


def test_a_cancelled_event_refuses(client):
    event = make_event(status=Event.Status.CANCELLED)
    assert "Aanmelden kan niet meer" in client.get(detail_url(event)).content.decode()
    response = client.post(detail_url(event), guest_form(7))
    assert "Deze bijeenkomst is afgelast." in response.content.decode()
    assert Registration.objects.count() == 0


def test_a_member_twice(client_for, buyer_member, partnership_a):
    event = make_event()
    member(event, buyer_member, partnership_a)
    client = client_for(buyer_member)
    response = client.post(detail_url(event), {"partnership": partnership_a.pk, "person": "self"})
    assert "is al aangemeld voor deze bijeenkomst" in response.content.decode()
    assert Registration.objects.count() == 1


def test_a_member_for_a_cohort_event_of_another_cohort(buyer_member, partnership_a):
    from inkoopkracht.partnerships.tests.factories import make_cohort

    other = make_cohort(number=2)
    event = make_event(audience=Event.Audience.COHORT, cohort=other)
    with pytest.raises(services.EventError, match="alleen voor proeftuinen uit Cohort 2"):
        member(event, buyer_member, partnership_a)
    assert Registration.objects.count() == 0
