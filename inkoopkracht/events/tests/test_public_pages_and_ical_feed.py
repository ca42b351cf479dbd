"""/bijeenkomsten/: upcoming and past events, per visitor; one event; the public iCal feed."""

from datetime import timedelta

import pytest

from inkoopkracht.events.models import Event
from inkoopkracht.partnerships.tests.factories import make_cohort

from .factories import guest, make_event
from .helpers import detail_url

pytestmark = pytest.mark.django_db


def test_upcoming_and_past_are_listed_apart(client, django_assert_max_num_queries):
    soon = make_event(title="Binnenkort", starts_in=timedelta(days=2))
    for n in range(6):
        guest(make_event(title=f"Later {n}", starts_in=timedelta(days=10 + n)))
    past = make_event(title="Geweest", starts_in=timedelta(days=-30))
    with django_assert_max_num_queries(8):
        upcoming = client.get("/bijeenkomsten/").content.decode()
    assert "Binnenkort" in upcoming
    assert "Geweest" not in upcoming
    assert upcoming.index("Binnenkort") < upcoming.index("Later 0")
    assert "Nog 9 plaatsen vrij" in upcoming
    with django_assert_max_num_queries(8):
        earlier = client.get("/bijeenkomsten/afgelopen/").content.decode()
    assert "Geweest" in earlier
    assert "Binnenkort" not in earlier
    assert client.get(detail_url(soon)).status_code == 200
    assert client.get(detail_url(past)).status_code == 200


def test_filter_by_kind(client):
    make_event(title="Een webinar", kind=Event.Kind.WEBINAR, online_url="https://x.example/w")
    make_event(title="Een workshop")
    html = client.get("/bijeenkomsten/", {"soort": "webinar"}).content.decode()
    assert "Een webinar" in html
    assert "Een workshop" not in html


def test_who_sees_what(client, client_for, buyer_member, outsider, programme_admin):
    make_event(title="Voor iedereen")
    make_event(title="Voor deelnemers", audience=Event.Audience.MEMBERS)
    make_event(title="Voor cohort 1", audience=Event.Audience.COHORT, cohort=make_cohort(1))
    make_event(title="Voor cohort 9", audience=Event.Audience.COHORT, cohort=make_cohort(9))
    make_event(title="Nog een concept", status=Event.Status.DRAFT)
    anonymous = client.get("/bijeenkomsten/").content.decode()
    assert "Voor iedereen" in anonymous
    assert "Voor deelnemers" in anonymous
    assert "Voor cohort 1" not in anonymous
    assert "Nog een concept" not in anonymous
    member_page = client_for(buyer_member).get("/bijeenkomsten/").content.decode()
    assert "Voor cohort 1" in member_page
    assert "Voor cohort 9" not in member_page
    staff_page = client_for(programme_admin).get("/bijeenkomsten/").content.decode()
    assert "Voor cohort 9" in staff_page
    assert "Nog een concept" not in staff_page


def test_the_online_link_is_only_for_registered_people(client):
    event = make_event(online_url="https://vergader.example/geheim")
    assert "vergader.example/geheim" not in client.get(detail_url(event)).content.decode()
    assert "vergader.example/geheim" not in client.get("/bijeenkomsten/agenda.ics").content.decode()


def test_the_public_feed_has_public_events_only(client):
    make_event(title="Openbare workshop")
    make_event(title="Besloten intervisie", audience=Event.Audience.MEMBERS)
    make_event(title="Afgelast evenement", status=Event.Status.CANCELLED)
    response = client.get("/bijeenkomsten/agenda.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.content.decode()
    assert body.startswith("BEGIN:VCALENDAR")
    assert "SUMMARY:Openbare workshop" in body
    assert "Besloten intervisie" not in body
    assert "STATUS:CANCELLED" in body
    assert "BEGIN:VTIMEZONE" in body
    assert "TZID:Europe/Amsterdam" in body


def test_one_event_as_a_calendar_file(client):
    event = make_event(title="Los bestand")
    response = client.get(f"/bijeenkomsten/{event.slug}/agenda.ics")
    assert 'attachment; filename="' in response["Content-Disposition"]
    assert "SUMMARY:Los bestand" in response.content.decode()


def test_the_public_menu_links_to_the_events_page(client):
    html = client.get("/").content.decode()
    assert 'href="/bijeenkomsten/"' in html


def test_speakers_are_shown_with_their_proeftuin(client, partnership_a):
    from inkoopkracht.events import services

    speaker = services.create_speaker(
        by=None, name="Karin Ervaring", organisation=partnership_a.supplier,
        partnership=partnership_a, email="karin@example.org",
    )  # fmt: skip
    event = make_event(speakers=[speaker])
    html = client.get(detail_url(event)).content.decode()
    assert "Karin Ervaring" in html
    assert "Doet mee in de proeftuin Proeftuin A" in html
    assert "karin@example.org" not in html  # for the team only


def test_the_team_previews_a_draft(client_for, programme_admin, client):
    draft = make_event(title="Nog niet klaar", status=Event.Status.DRAFT)
    assert client.get(detail_url(draft)).status_code == 404
    page = client_for(programme_admin).get(detail_url(draft)).content.decode()
    assert "Concept: alleen het programmateam ziet deze bijeenkomst." in page
    assert "Naar de aanmeldingen in het beheer" in page
