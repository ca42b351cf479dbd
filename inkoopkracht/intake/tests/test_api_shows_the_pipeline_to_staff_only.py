"""API: programme staff read the pipeline (without contact details); members see nothing."""

import pytest

from inkoopkracht.intake.models import Application

from .factories import make_application

pytestmark = pytest.mark.django_db


def test_staff_list_applications_without_contact_details(
    client_for, coach, django_assert_max_num_queries
):
    first = make_application()
    for _n in range(4):
        make_application()
    make_application(kind=Application.Kind.BUYER)
    client = client_for(coach)
    with django_assert_max_num_queries(12):
        response = client.get("/api/v1/aanmeldingen/")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 6
    item = body["items"][0]
    assert item["reference"] == first.reference
    assert item["parties"][0]["side"] == "opdrachtgever"
    assert "contact_email" not in item["parties"][0]
    assert "@" not in response.content.decode()
    assert client.get("/api/v1/aanmeldingen/", {"status": "nieuw"}).json()["count"] == 6
    assert client.get("/api/v1/aanmeldingen/", {"status": "afgewezen"}).json()["count"] == 0
    counts = client.get("/api/v1/aanmeldingen/aantallen/").json()["counts"]
    assert counts["nieuw"] == 6
    assert counts["afgewezen"] == 0


def test_members_and_anonymous_callers_see_nothing(client, client_for, buyer_member):
    application = make_application()
    assert client.get("/api/v1/aanmeldingen/").status_code == 401
    member = client_for(buyer_member)
    assert member.get("/api/v1/aanmeldingen/").json()["count"] == 0
    assert member.get(f"/api/v1/aanmeldingen/{application.pk}/").status_code == 404
