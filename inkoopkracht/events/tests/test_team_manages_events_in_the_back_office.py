"""The team creates and edits events in the back office: rules at the field, no fewer places
than taken, more places go to the waiting list, cancelling informs everyone, and an event with
registrations is cancelled rather than deleted. Coaches look, members stay out."""

from datetime import timedelta

import pytest
from django.utils import timezone

from inkoopkracht.audit.models import AuditRecord
from inkoopkracht.events.models import Event, Registration

from .factories import guest, make_event

pytestmark = pytest.mark.django_db
Status = Registration.Status


def _form(event=None, **overrides):
    start = timezone.localtime(timezone.now() + timedelta(days=20)).replace(
        hour=10, minute=0, second=0, microsecond=0
    )
    data = {
        "kind": "workshop",
        "status": "gepubliceerd",
        "title": "Nieuwe workshop",
        "slug": "",
        "summary": "Kort",
        "description": "",
        "starts_at": start.strftime("%Y-%m-%d %H:%M"),
        "ends_at": (start + timedelta(hours=2)).strftime("%Y-%m-%d %H:%M"),
        "location": "Utrecht",
        "online_url": "",
        "capacity": "10",
        "registration_deadline": "",
        "audience": "openbaar",
        "cohort": "",
        "topic_step": "",
        "topic_sector": "",
        "minutes": "",
        "materials-TOTAL_FORMS": "0",
        "materials-INITIAL_FORMS": "0",
        "materials-MIN_NUM_FORMS": "0",
        "materials-MAX_NUM_FORMS": "1000",
    }
    if event is not None:
        local = timezone.localtime
        data.update(
            title=event.title,
            slug=event.slug,
            summary=event.summary,
            starts_at=local(event.starts_at).strftime("%Y-%m-%d %H:%M"),
            ends_at=local(event.ends_at).strftime("%Y-%m-%d %H:%M"),
            capacity=str(event.capacity),
            status=event.status,
        )
    data.update(overrides)
    return data


def test_the_team_creates_an_event(client_for, programme_admin):
    response = client_for(programme_admin).post("/beheer/bijeenkomsten/new/", _form())
    assert response.status_code == 302
    event = Event.objects.get()
    assert event.slug.startswith("nieuwe-workshop-")
    assert timezone.localtime(event.starts_at).hour == 10  # Europe/Amsterdam
    assert AuditRecord.objects.filter(action="event.created").exists()


def test_bad_input_stays_in_the_form(client_for, programme_admin):
    client = client_for(programme_admin)
    response = client.post(
        "/beheer/bijeenkomsten/new/",
        _form(location="", audience="cohort", capacity="0", title="Bewaar mij"),
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Vul een locatie of een online link in." in html
    assert "Kies het cohort voor wie de bijeenkomst is." in html
    assert "Bewaar mij" in html
    assert not Event.objects.exists()


def test_places_cannot_drop_below_the_places_taken(client_for, programme_admin):
    event = make_event(capacity=3)
    for n in range(3):
        guest(event, n)
    response = client_for(programme_admin).post(
        f"/beheer/bijeenkomsten/edit/{event.pk}/", _form(event, capacity="2")
    )
    assert "Er zijn al 3 plaatsen bezet; minder plaatsen kan niet." in response.content.decode()
    event.refresh_from_db()
    assert event.capacity == 3


def test_more_places_go_to_the_waiting_list(client_for, programme_admin, committed, mailoutbox):
    event = make_event(capacity=1)
    guest(event, 1)
    waiting = [guest(event, n) for n in (2, 3, 4)]
    with committed():
        response = client_for(programme_admin).post(
            f"/beheer/bijeenkomsten/edit/{event.pk}/", _form(event, capacity="3")
        )
    assert response.status_code == 302
    statuses = [Registration.objects.get(pk=r.pk).status for r in waiting]
    assert statuses == [Status.OFFERED, Status.OFFERED, Status.WAITING]
    assert sum("Er is een plaats voor u" in m.subject for m in mailoutbox) == 2


def test_cancelling_the_event_informs_everyone(client_for, programme_admin, committed, mailoutbox):
    event = make_event(capacity=1)
    guest(event, 1)
    guest(event, 2)
    with committed():
        client_for(programme_admin).post(
            f"/beheer/bijeenkomsten/edit/{event.pk}/", _form(event, status="afgelast")
        )
    assert sorted(m.to[0] for m in mailoutbox if m.subject.startswith("Afgelast")) == [
        "gast1@example.org",
        "gast2@example.org",
    ]
    assert AuditRecord.objects.filter(action="event.cancelled", target_id=str(event.pk)).exists()


def test_an_event_with_registrations_is_not_deleted(client_for, programme_admin):
    event = make_event()
    guest(event)
    client = client_for(programme_admin)
    response = client.post(f"/beheer/bijeenkomsten/delete/{event.pk}/")
    assert response.status_code == 302
    assert Event.objects.filter(pk=event.pk).exists()
    empty = make_event()
    client.post(f"/beheer/bijeenkomsten/delete/{empty.pk}/")
    assert not Event.objects.filter(pk=empty.pk).exists()


def test_listing_shows_places_in_few_queries(
    client_for, programme_admin, django_assert_max_num_queries
):
    for n in range(5):
        event = make_event(capacity=2)
        for m in range(3):
            guest(event, f"{n}-{m}")
    client = client_for(programme_admin)
    with django_assert_max_num_queries(45):
        html = client.get("/beheer/bijeenkomsten/").content.decode()
    assert html.count("2 / 2 (+1 wachtlijst)") == 5
    assert "Aanmeldingen en aanwezigheid" in html


def test_coaches_look_and_members_stay_out(client_for, coach, buyer_member):
    event = make_event()
    coach_client = client_for(coach)
    assert coach_client.get("/beheer/bijeenkomsten/").status_code == 200
    assert coach_client.get(f"/beheer/bijeenkomsten/edit/{event.pk}/").status_code == 302
    assert coach_client.post("/beheer/bijeenkomsten/new/", _form()).status_code == 302
    assert Event.objects.count() == 1
    member_client = client_for(buyer_member)
    assert member_client.get("/beheer/bijeenkomsten/").status_code == 302
