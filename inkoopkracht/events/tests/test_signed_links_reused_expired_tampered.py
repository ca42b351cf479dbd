"""Cancellation and offer links: opening changes nothing; a reused, expired, tampered or
misused link gets a clear Dutch message and changes nothing."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from inkoopkracht.events import links, services
from inkoopkracht.events.models import Registration

from .factories import guest, make_event

pytestmark = pytest.mark.django_db
Status = Registration.Status


def _cancel_path(registration):
    return links.path(registration, links.CANCEL)


def test_a_reused_cancellation_link_changes_nothing(client):
    registration = guest(make_event())
    path = _cancel_path(registration)
    assert client.post(path).status_code == 200
    registration.refresh_from_db()
    cancelled_at = registration.cancelled_at
    again = client.post(path)
    assert again.status_code == 400
    assert "U bent al afgemeld voor deze bijeenkomst. Er is niets veranderd." in again.text
    assert "U bent al afgemeld" in client.get(path).text
    registration.refresh_from_db()
    assert registration.status == Status.CANCELLED
    assert registration.cancelled_at == cancelled_at


def test_a_tampered_link_is_refused(client):
    registration = guest(make_event())
    path = _cancel_path(registration)
    token = path.rstrip("/").rsplit("/", 1)[1]
    forged = token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb")
    for url in (path.replace(token, forged), "/bijeenkomsten/afmelden/onzin/"):
        response = client.post(url)
        assert response.status_code == 400
        assert "Deze link is ongeldig." in response.text
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED


def test_an_expired_link_is_refused(client, settings):
    settings.EVENTS_LINK_MAX_AGE_DAYS = 2
    registration = guest(make_event(starts_in=timedelta(days=30)))
    path = _cancel_path(registration)
    with time_machine.travel(timezone.now() + timedelta(days=3), tick=False):
        response = client.post(path)
    assert response.status_code == 400
    assert "Deze link is verlopen." in response.text
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED


def test_a_cancellation_link_does_not_accept_an_offer(client):
    event = make_event(capacity=1)
    first, second = guest(event), guest(event)
    services.cancel_registration(registration=first, by=None)
    second.refresh_from_db()
    assert second.status == Status.OFFERED
    wrong = links.path(second, links.CANCEL).replace("/afmelden/", "/aanbod/")
    response = client.post(wrong, {"antwoord": "aannemen"})
    assert response.status_code == 400
    assert "Deze link is ongeldig." in response.text
    second.refresh_from_db()
    assert second.status == Status.OFFERED


def test_a_reused_offer_link_changes_nothing(client):
    event = make_event(capacity=1)
    first, second = guest(event), guest(event)
    services.cancel_registration(registration=first, by=None)
    path = links.path(Registration.objects.get(pk=second.pk), links.OFFER)
    assert client.post(path, {"antwoord": "aannemen"}).status_code == 200
    again = client.post(path, {"antwoord": "afslaan"})
    assert again.status_code == 400
    assert "U hebt deze plaats al aangenomen" in again.text
    assert "U hebt deze plaats al aangenomen" in client.get(path).text
    second.refresh_from_db()
    assert second.status == Status.CONFIRMED


def test_an_expired_offer_cannot_be_accepted(client, settings):
    settings.EVENTS_OFFER_HOURS = 2
    event = make_event(capacity=1)
    first, second, third = guest(event), guest(event), guest(event)
    services.cancel_registration(registration=first, by=None)
    path = links.path(Registration.objects.get(pk=second.pk), links.OFFER)
    with time_machine.travel(timezone.now() + timedelta(hours=3), tick=False):
        assert "Dit aanbod is verlopen" in client.get(path).text
        response = client.post(path, {"antwoord": "aannemen"})
    assert response.status_code == 400
    assert "Het aanbod is verlopen." in response.text
    second.refresh_from_db()
    third.refresh_from_db()
    assert second.status == Status.EXPIRED
    assert third.status == Status.OFFERED  # the place went to the next


def test_an_offer_without_an_answer_is_refused(client):
    event = make_event(capacity=1)
    first, second = guest(event), guest(event)
    services.cancel_registration(registration=first, by=None)
    path = links.path(Registration.objects.get(pk=second.pk), links.OFFER)
    response = client.post(path, {})
    assert response.status_code == 400
    assert "Kies of u de plaats aanneemt of afslaat." in response.text
    second.refresh_from_db()
    assert second.status == Status.OFFERED


def test_cancelling_after_the_start_is_refused(client):
    registration = guest(make_event(starts_in=timedelta(days=1)))
    path = _cancel_path(registration)
    with time_machine.travel(timezone.now() + timedelta(days=1, hours=1), tick=False):
        assert "afmelden kan niet meer" in client.get(path).text
        response = client.post(path)
    assert response.status_code == 400
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED


def test_a_link_to_a_purged_guest_no_longer_works(client):
    registration = guest(make_event())
    path = _cancel_path(registration)
    Registration.objects.filter(pk=registration.pk).update(anonymised_at=timezone.now())
    response = client.get(path)
    assert response.status_code == 400
    assert "Deze aanmelding bestaat niet meer." in response.text
