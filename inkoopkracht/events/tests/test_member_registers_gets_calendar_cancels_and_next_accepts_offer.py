"""Done when: a member registers, gets the mail with the calendar file, cancels, and the first
person on the waiting list gets the offer and accepts it."""

import pytest

from inkoopkracht.audit.models import AuditRecord
from inkoopkracht.events import services
from inkoopkracht.events.models import Registration

from .factories import guest, make_event
from .helpers import detail_url, guest_form, link_in

pytestmark = pytest.mark.django_db
Status = Registration.Status


def _assert_confirmation_with_calendar(mail, email):
    assert mail.to == [email]
    assert "Bevestiging: Workshop jobcarving" in mail.subject
    filename, content, mimetype = mail.attachments[0]
    assert filename == "bijeenkomst.ics"
    assert mimetype.startswith("text/calendar")
    assert "BEGIN:VEVENT" in content
    assert "SUMMARY:Workshop jobcarving" in content
    assert "DTSTART;TZID=Europe/Amsterdam:" in content


def _member_registers(client, event, partnership, committed) -> Registration:
    with committed():
        response = client.post(detail_url(event), {"partnership": partnership.pk, "person": "self"})
    assert response.status_code == 302
    registration = Registration.objects.get(kind=Registration.Kind.MEMBER)
    assert registration.status == Status.CONFIRMED
    assert registration.partnership == partnership
    assert registration.side == Registration.Side.BUYER
    return registration


def _cancel_through_the_link(client, mail, registration, committed) -> None:
    cancel_path = link_in(mail, "/bijeenkomsten/afmelden/")
    page = client.get(cancel_path)
    assert page.status_code == 200
    assert "Ja, meld mij af" in page.content.decode()
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED  # opening the link changes nothing
    with committed():
        response = client.post(cancel_path)
    assert "U bent afgemeld" in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == Status.CANCELLED


def test_the_whole_flow(client, client_for, buyer_member, partnership_a, mailoutbox, committed):
    event = make_event(capacity=1, title="Workshop jobcarving")
    registration = _member_registers(client_for(buyer_member), event, partnership_a, committed)
    confirmation = mailoutbox[-1]
    _assert_confirmation_with_calendar(confirmation, buyer_member.email)

    client.logout()
    with committed():
        client.post(detail_url(event), guest_form(1, waiting_list="on"))
    waiting = Registration.objects.get(email="jan1@voorbeeld.example")
    assert waiting.status == Status.WAITING

    _cancel_through_the_link(client, confirmation, registration, committed)
    waiting.refresh_from_db()
    assert waiting.status == Status.OFFERED
    offer_mail = mailoutbox[-1]
    assert offer_mail.to == ["jan1@voorbeeld.example"]
    assert "Er is een plaats voor u" in offer_mail.subject
    with committed():
        response = client.post(
            link_in(offer_mail, "/bijeenkomsten/aanbod/"), {"antwoord": "aannemen"}
        )
    assert "U bent aangemeld" in response.content.decode()
    waiting.refresh_from_db()
    assert waiting.status == Status.CONFIRMED
    _assert_confirmation_with_calendar(mailoutbox[-1], "jan1@voorbeeld.example")
    actions = set(AuditRecord.objects.values_list("action", flat=True))
    assert {
        "registration.created",
        "registration.cancelled",
        "registration.offered",
        "registration.offer_accepted",
    } <= actions


def test_declining_the_offer_passes_it_on(client, committed, mailoutbox):
    event = make_event(capacity=1)
    first = guest(event, 1)
    second, third = guest(event, 2), guest(event, 3)
    with committed():
        services.cancel_registration(registration=first, by=None)
    offer_path = link_in(mailoutbox[-1], "/bijeenkomsten/aanbod/")
    with committed():
        client.post(offer_path, {"antwoord": "afslaan"})
    second.refresh_from_db()
    third.refresh_from_db()
    assert second.status == Status.CANCELLED
    assert third.status == Status.OFFERED
