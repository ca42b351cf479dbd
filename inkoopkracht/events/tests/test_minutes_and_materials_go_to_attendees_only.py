"""After the event, minutes and materials go to the attendees only (once each); the materials
page and its downloads open only for someone who was present."""

from datetime import timedelta

import pytest
import time_machine
from django.core.files.base import ContentFile

from inkoopkracht.events import links, services
from inkoopkracht.events.models import Registration

from .factories import guest, make_event
from .helpers import link_in

pytestmark = pytest.mark.django_db
Attendance = Registration.Attendance


@pytest.fixture
def held_event(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    event = make_event(
        starts_in=timedelta(hours=1), hours=2, minutes="We spraken af om door te gaan."
    )
    present, absent, unknown = guest(event, 1), guest(event, 2), guest(event, 3)
    at = event.starts_at
    services.record_attendance(registration=present, attendance=Attendance.ATTENDED, by=None, at=at)
    services.record_attendance(registration=absent, attendance=Attendance.NO_SHOW, by=None, at=at)
    services.add_material(
        event=event, title="Handout", file=ContentFile(b"handout", name="handout.txt"), by=None
    )
    return event, present, absent, unknown


def test_only_attendees_get_the_follow_up(
    held_event, client_for, programme_admin, mailoutbox, committed, client
):
    event, present, absent, unknown = held_event
    admin = client_for(programme_admin)
    url = f"/beheer/bijeenkomsten/verslag/{event.pk}/"
    admin.post(url)  # before the end: refused
    assert not mailoutbox
    with time_machine.travel(event.ends_at + timedelta(hours=1), tick=False), committed():
        client_for(programme_admin).post(url)  # a fresh session, hours later
    assert [m.to for m in mailoutbox] == [[present.email]]
    mail = mailoutbox[0]
    assert "Verslag en materiaal" in mail.subject
    assert "We spraken af om door te gaan." in mail.body
    admin.logout()
    page = client.get(link_in(mail, "/bijeenkomsten/materiaal/"))
    assert page.status_code == 200
    assert "Handout" in page.content.decode()
    download = client.get(
        link_in(mail, "/bijeenkomsten/materiaal/") + f"{event.materials.get().pk}/"
    )
    # Reading it to the end closes the file (an explicit close() would also close the test's
    # database connection once it is older than CONN_MAX_AGE).
    assert b"".join(download.streaming_content) == b"handout"

    with time_machine.travel(event.ends_at + timedelta(hours=2), tick=False):
        again = client_for(programme_admin).post(url, follow=True)
    assert "die het verslag en het materiaal nog niet hebben gekregen" in again.content.decode()
    assert len(mailoutbox) == 1


def test_someone_absent_cannot_open_the_materials(held_event, client):
    event, present, absent, unknown = held_event
    for registration in (absent, unknown):
        path = links.path(registration, links.MATERIALS)
        response = client.get(path)
        assert response.status_code == 400
        assert "alleen voor wie aanwezig was" in response.content.decode()
        material = event.materials.get()
        assert client.get(f"{path}{material.pk}/").status_code == 400


def test_nothing_to_send_without_minutes_or_materials(programme_admin):
    event = make_event(starts_in=timedelta(hours=1))
    with pytest.raises(services.EventError, match="Voeg eerst een verslag of materiaal toe"):
        services.send_follow_up(
            event=event, by=programme_admin, at=event.ends_at + timedelta(hours=1)
        )


def test_materials_of_another_event_are_not_served(held_event, client):
    event, present, absent, unknown = held_event
    other = make_event()
    services.add_material(
        event=other, title="Geheim", file=ContentFile(b"x", name="geheim.txt"), by=None
    )
    path = links.path(present, links.MATERIALS)
    assert client.get(f"{path}{other.materials.get().pk}/").status_code == 404
