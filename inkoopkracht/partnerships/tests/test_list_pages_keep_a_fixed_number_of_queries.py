"""The guidance pages do not add a query per row (plan, actions, sessions, worklist)."""

from datetime import date

import pytest
from django.urls import reverse

from inkoopkracht.partnerships.tests.factories import (
    make_action,
    make_contact,
    make_letter,
    make_partnership,
    make_session,
)

pytestmark = pytest.mark.django_db


def fill(partnership, rows):
    contact = make_contact(organisation=partnership.buyer)
    for n in range(rows):
        session = make_session(
            partnership=partnership, held_on=date(2026, 1, 1 + n), attendees=[contact]
        )
        make_action(partnership=partnership, side="buyer", session=session)


@pytest.mark.parametrize("name", ["plan", "actions", "sessions", "letter", "detail"])
def test_proeftuin_pages(client_for, coach, partnership_a, name, django_assert_max_num_queries):
    make_letter(partnership=partnership_a)
    fill(partnership_a, 3)
    client = client_for(coach)
    url = reverse(f"partnerships:{name}", args=[partnership_a.pk])
    client.get(url)
    # Pages compose panels of several apps; the second check is the one that matters.
    with django_assert_max_num_queries(45) as few:
        client.get(url)
    fill(partnership_a, 10)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(url).status_code == 200


def test_worklist(client_for, programme_admin, django_assert_max_num_queries):
    for _ in range(3):
        fill(make_partnership(), 2)
    client = client_for(programme_admin)
    client.get(reverse("partnerships:worklist"))
    with django_assert_max_num_queries(30) as few:
        client.get(reverse("partnerships:worklist"))
    for _ in range(8):
        fill(make_partnership(), 2)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(reverse("partnerships:worklist")).status_code == 200
