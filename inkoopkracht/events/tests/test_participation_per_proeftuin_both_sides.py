"""Participation per proeftuin per period, both sides; the team's overview flags proeftuinen
below the expectation, and checking people in updates it."""

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from inkoopkracht.events import services
from inkoopkracht.events.models import Event, Registration
from inkoopkracht.events.participation import Period, expected_events, participation_for
from inkoopkracht.partnerships import services as partnership_services
from inkoopkracht.partnerships.models import Partnership
from inkoopkracht.partnerships.tests.factories import make_partnership

from .factories import make_event, member

pytestmark = pytest.mark.django_db
Attendance = Registration.Attendance
PERIOD = Period.half_year(date(2026, 3, 1))


def _event_on(day: date, **fields) -> Event:
    start = timezone.make_aware(datetime(day.year, day.month, day.day, 10))
    return make_event(starts_at=start, ends_at=start + timedelta(hours=2), **fields)


def _attend(event, user, partnership, attendance=Attendance.ATTENDED):
    registration = member(event, user, partnership, at=event.starts_at - timedelta(days=7))
    return services.record_attendance(
        registration=registration, attendance=attendance, by=None, at=event.starts_at
    )


@pytest.fixture
def active(partnership_a, partnership_b):
    for partnership in (partnership_a, partnership_b):
        partnership_services.change_status(
            partnership=partnership, status=Partnership.Status.ACTIVE, by=None
        )
    return partnership_a, partnership_b


def test_counts_events_per_side_within_the_period(
    active, buyer_member, supplier_member, outsider, django_assert_max_num_queries
):
    a, b = active
    first, second = _event_on(date(2026, 2, 10)), _event_on(date(2026, 5, 20))
    outside = _event_on(date(2026, 7, 2))
    _attend(first, buyer_member, a)
    _attend(first, supplier_member, a)
    _attend(second, supplier_member, a)
    _attend(outside, buyer_member, a)
    _attend(second, outsider, b, attendance=Attendance.NO_SHOW)
    with django_assert_max_num_queries(3):
        figures = participation_for(
            Partnership.objects.filter(pk__in=[a.pk, b.pk]), start=PERIOD.start, end=PERIOD.end
        )
    assert (figures[a.pk].events, figures[a.pk].buyer_events, figures[a.pk].supplier_events) == (
        2,
        1,
        2,
    )
    assert figures[a.pk].attendees == 3
    assert figures[a.pk].expected == Decimal("2.0")
    assert not figures[a.pk].below_expectation
    assert figures[b.pk].events == 0
    assert figures[b.pk].below_expectation  # a no-show does not count


def test_one_sided_participation_is_visible(active, buyer_member):
    a, b = active
    _attend(_event_on(date(2026, 2, 10)), buyer_member, a)
    figures = participation_for([a], start=PERIOD.start, end=PERIOD.end)[a.pk]
    assert figures.one_sided
    assert figures.below_expectation


def test_cancelled_events_do_not_count(active, buyer_member):
    a, b = active
    event = _event_on(date(2026, 2, 10))
    _attend(event, buyer_member, a)
    Event.objects.filter(pk=event.pk).update(status=Event.Status.CANCELLED)
    assert participation_for([a.pk], start=PERIOD.start, end=PERIOD.end)[a.pk].events == 0


def test_expectation_is_pro_rata_and_comes_from_data():
    assert expected_events(date(2026, 1, 1), date(2026, 6, 30)) == Decimal("2.0")
    assert expected_events(date(2026, 1, 1), date(2026, 12, 31)) == Decimal("4.0")
    assert expected_events(date(2026, 1, 1), date(2026, 3, 31)) == Decimal("1.0")


def test_periods():
    assert Period.parse("2026-2") == Period(date(2026, 7, 1), date(2026, 12, 31))
    assert Period.parse("2026-3") is None
    assert Period.parse("nonsense") is None
    assert PERIOD.previous() == Period(date(2025, 7, 1), date(2025, 12, 31))
    assert PERIOD.key == "2026-1"


def test_the_team_overview_flags_and_attendance_updates_it(
    active, client_for, programme_admin, buyer_member, supplier_member
):
    a, b = active
    today = timezone.localdate()
    events = [_event_on(today - timedelta(days=n)) for n in (0, 0)]
    period = Period.half_year(today)
    client = client_for(programme_admin)
    url = "/beheer/deelname/"
    page = client.get(url, {"periode": period.key}).content.decode()
    assert "2 van de 2 proeftuinen zitten onder de verwachte deelname." in page
    for event in events:
        _attend(event, buyer_member, a)
        _attend(event, supplier_member, a)
    page = client.get(url, {"periode": period.key}).content.decode()
    assert "1 van de 2 proeftuinen zit onder de verwachte deelname." in page
    only_below = client.get(url, {"periode": period.key, "alleen_onder": "1"}).content.decode()
    assert "Proeftuin B" in only_below
    assert "Proeftuin A" not in only_below


def test_the_overview_lists_many_proeftuinen_in_few_queries(
    active, client_for, programme_admin, django_assert_max_num_queries
):
    for n in range(8):
        partnership = make_partnership(name=f"Extra {n}")
        partnership_services.change_status(
            partnership=partnership, status=Partnership.Status.ACTIVE, by=None
        )
    client = client_for(programme_admin)
    with django_assert_max_num_queries(30):
        response = client.get("/beheer/deelname/")
    assert response.content.decode().count("Onder verwachting") == 10


def test_coaches_see_it_members_do_not(client_for, coach, buyer_member):
    assert client_for(coach).get("/beheer/deelname/").status_code == 200
    response = client_for(buyer_member).get("/beheer/deelname/")
    assert response.status_code == 302


def test_a_proeftuin_that_started_during_the_period_is_expected_pro_rata(partnership_a):
    partnership_services.change_status(
        partnership=partnership_a, status=Partnership.Status.ACTIVE, by=None, on=date(2026, 5, 1)
    )
    figures = participation_for([partnership_a], start=PERIOD.start, end=PERIOD.end)
    assert figures[partnership_a.pk].expected == Decimal("0.7")  # May and June: 2 of 6 months
