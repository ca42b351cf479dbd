"""The check-in list per event in the back office: searchable (HTMX and without JavaScript),
printable, attended / no-show from the day of the event; for the team and coaches only."""

from datetime import timedelta

import pytest
import time_machine

from inkoopkracht.events.models import Registration

from .factories import guest, make_event, member

pytestmark = pytest.mark.django_db
Attendance = Registration.Attendance


@pytest.fixture
def today_event(buyer_member, supplier_member, partnership_a):
    event = make_event(starts_in=timedelta(minutes=30), capacity=20)
    member(event, buyer_member, partnership_a, name="Bea Inkoper")
    member(event, supplier_member, partnership_a, name="Sam Leverancier")
    for n in range(5):
        guest(event, n, organisation_name=f"Gastbedrijf {n}")
    return event


def _url(event):
    return f"/beheer/bijeenkomsten/aanwezigheid/{event.pk}/"


def test_team_sees_the_list_and_searches_without_javascript(
    client_for, programme_admin, today_event, django_assert_max_num_queries
):
    client = client_for(programme_admin)
    with django_assert_max_num_queries(40):
        page = client.get(_url(today_event))
    html = page.content.decode()
    assert page.status_code == 200
    assert "Bea Inkoper" in html
    assert "Gast 3" in html
    assert "Afdrukken" in html
    assert 'hx-get="' in html
    found = client.get(_url(today_event), {"q": "leveran"}).content.decode()
    assert "Sam Leverancier" in found
    assert "Bea Inkoper" not in found


def test_htmx_search_returns_only_the_rows(client_for, programme_admin, today_event):
    client = client_for(programme_admin)
    response = client.get(_url(today_event), {"q": "Gastbedrijf 2"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert html.lstrip().startswith('<tbody id="checkin-rows">')
    assert "Gast 2" in html
    assert "Gast 3" not in html
    assert "1 persoon gevonden." in html
    nobody = client.get(_url(today_event), {"q": "xyz"}, HTTP_HX_REQUEST="true")
    assert "Niemand gevonden voor ‘xyz’." in nobody.content.decode()


def test_marking_attended_and_no_show(client_for, coach, today_event):
    client = client_for(coach)
    bea = today_event.registrations.get(name="Bea Inkoper")
    sam = today_event.registrations.get(name="Sam Leverancier")
    url = f"{_url(today_event)}{bea.pk}/"
    row = client.post(url, {"aanwezigheid": "aanwezig"}, HTTP_HX_REQUEST="true")
    assert row.content.decode().lstrip().startswith(f'<tr id="aanmelding-{bea.pk}"')
    assert "Aanwezig" in row.content.decode()
    response = client.post(f"{_url(today_event)}{sam.pk}/", {"aanwezigheid": "afwezig", "q": "Sam"})
    assert response.status_code == 302
    assert response["Location"].endswith("?q=Sam")
    bea.refresh_from_db()
    sam.refresh_from_db()
    assert (bea.attendance, sam.attendance) == (Attendance.ATTENDED, Attendance.NO_SHOW)
    client.post(url, {"aanwezigheid": "onbekend"})
    bea.refresh_from_db()
    assert bea.attendance == Attendance.UNKNOWN


def test_bad_attendance_value_and_too_early(client_for, programme_admin):
    event = make_event(starts_in=timedelta(days=5))
    registration = guest(event)
    client = client_for(programme_admin)
    page = client.get(_url(event)).content.decode()
    assert "Aanwezigheid registreert u vanaf de dag van de bijeenkomst" in page
    early = client.post(
        f"{_url(event)}{registration.pk}/", {"aanwezigheid": "aanwezig"}, HTTP_HX_REQUEST="true"
    )
    assert "Aanwezigheid registreert u vanaf de dag van de bijeenkomst." in early.content.decode()
    with time_machine.travel(event.starts_at, tick=False):
        bad = client.post(f"{_url(event)}{registration.pk}/", {"aanwezigheid": "misschien"})
    assert bad.status_code == 302
    registration.refresh_from_db()
    assert registration.attendance == Attendance.UNKNOWN


def test_waiting_list_people_cannot_be_checked_in(client_for, programme_admin):
    event = make_event(capacity=1, starts_in=timedelta(minutes=10))
    guest(event)
    waiting = guest(event)
    response = client_for(programme_admin).post(
        f"{_url(event)}{waiting.pk}/", {"aanwezigheid": "aanwezig"}, HTTP_HX_REQUEST="true"
    )
    assert "Alleen wie aangemeld is" in response.content.decode()
    waiting.refresh_from_db()
    assert waiting.attendance == Attendance.UNKNOWN


def test_members_never_reach_the_list(client_for, buyer_member, today_event):
    client = client_for(buyer_member)
    assert client.get(_url(today_event))["Location"].startswith("/account/inloggen/")
    registration = today_event.registrations.first()
    client.post(f"{_url(today_event)}{registration.pk}/", {"aanwezigheid": "aanwezig"})
    registration.refresh_from_db()
    assert registration.attendance == Attendance.UNKNOWN


def test_the_printed_list_has_a_box_per_person(client_for, programme_admin, today_event):
    html = client_for(programme_admin).get(_url(today_event)).content.decode()
    assert html.count('class="checkin-box__square"') == 7
    assert "events/admin.css" in html  # holds the print styles


def test_team_adds_someone_at_the_door_and_cancels_someone(
    client_for, programme_admin, partnership_a, committed
):
    event = make_event(starts_in=timedelta(hours=2), capacity=2)
    first = guest(event)
    client = client_for(programme_admin)
    with committed():
        response = client.post(
            f"/beheer/bijeenkomsten/aanmelden/{event.pk}/",
            {"name": "Piet Deur", "email": "piet@example.org", "partnership": partnership_a.pk,
             "side": "leverancier"},
        )  # fmt: skip
    assert response.status_code == 302
    added = event.registrations.get(email="piet@example.org")
    assert added.partnership == partnership_a
    assert added.organisation == partnership_a.supplier
    missing = client.post(
        f"/beheer/bijeenkomsten/aanmelden/{event.pk}/", {"name": "X", "email": "x@example.org"}
    )
    assert "Vul de organisatie van de gast in" in missing.content.decode()
    full = client.post(
        f"/beheer/bijeenkomsten/aanmelden/{event.pk}/",
        {"name": "Nog Een", "email": "een@example.org", "organisation_name": "BV"},
    )
    assert "De bijeenkomst is vol." in full.content.decode()
    client.post(f"/beheer/bijeenkomsten/afmelden/{event.pk}/{first.pk}/")
    first.refresh_from_db()
    assert first.status == Registration.Status.CANCELLED
    assert event.registrations.count() == 2


def test_coaches_check_in_but_do_not_add_people(client_for, coach, today_event):
    client = client_for(coach)
    assert client.get(f"/beheer/bijeenkomsten/aanmelden/{today_event.pk}/").status_code == 302
    assert client.get(_url(today_event)).status_code == 200
