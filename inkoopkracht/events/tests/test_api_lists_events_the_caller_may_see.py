"""API /api/v1/bijeenkomsten/: the events the caller may see."""

from datetime import timedelta

import pytest

from inkoopkracht.events.models import Event
from inkoopkracht.partnerships.tests.factories import make_cohort

from .factories import guest, make_event

pytestmark = pytest.mark.django_db


def test_anonymous_callers_see_public_and_members_events(client, django_assert_max_num_queries):
    public = make_event(title="Open", capacity=3)
    guest(public)
    make_event(title="Besloten", audience=Event.Audience.MEMBERS)
    make_event(title="Cohort", audience=Event.Audience.COHORT, cohort=make_cohort(5))
    make_event(title="Concept", status=Event.Status.DRAFT)
    make_event(title="Voorbij", starts_in=timedelta(days=-10))
    with django_assert_max_num_queries(4):
        items = client.get("/api/v1/bijeenkomsten/").json()["items"]
    assert {item["title"] for item in items} == {"Open", "Besloten"}
    first = next(item for item in items if item["title"] == "Open")
    assert first["places_left"] == 2
    assert first["url"].endswith(f"/bijeenkomsten/{public.slug}/")
    past = client.get("/api/v1/bijeenkomsten/", {"afgelopen": "true"}).json()["items"]
    assert [item["title"] for item in past] == ["Voorbij"]


def test_one_event_and_what_is_hidden(client):
    cohort_event = make_event(audience=Event.Audience.COHORT, cohort=make_cohort(5))
    assert client.get(f"/api/v1/bijeenkomsten/{cohort_event.slug}/").status_code == 404
    public = make_event()
    assert client.get(f"/api/v1/bijeenkomsten/{public.slug}/").json()["id"] == public.pk
