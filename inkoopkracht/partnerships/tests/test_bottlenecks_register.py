"""The bottlenecks register: the programme team records what blocks proeftuinen; coaches link
their own proeftuinen only; members never see it; an overview per category for the ministry."""

import pytest
from django.urls import reverse

from inkoopkracht.partnerships.models import Bottleneck
from inkoopkracht.partnerships.services import NotAllowed, bottlenecks
from inkoopkracht.partnerships.tests.factories import make_bottleneck, make_partnership

pytestmark = pytest.mark.django_db


def report_data(*partnerships, **overrides):
    data = {
        "title": "Loonkostensubsidie verschilt per gemeente",
        "category": "financiering",
        "description": "Elke gemeente rekent anders.",
        "partnerships": [p.pk for p in partnerships],
        "step": "4",
    }
    data.update(overrides)
    return data


def test_coach_reports_a_bottleneck_for_their_proeftuin(client_for, coach, partnership_a):
    response = client_for(coach).post(
        reverse("partnerships:report_bottleneck"), report_data(partnership_a)
    )
    assert response.status_code == 302
    bottleneck = Bottleneck.objects.get()
    assert list(bottleneck.partnerships.all()) == [partnership_a]
    assert bottleneck.reported_by == coach
    assert bottleneck.status == Bottleneck.Status.OPEN


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"title": ""}, "Geef het knelpunt een korte titel."),
        ({"category": ""}, "Kies een categorie."),
        ({"description": ""}, "Beschrijf het knelpunt"),
    ],
)
def test_an_incomplete_bottleneck_is_refused(client_for, coach, partnership_a, overrides, message):
    response = client_for(coach).post(
        reverse("partnerships:report_bottleneck"), report_data(partnership_a, **overrides)
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Bottleneck.objects.exists()


def test_a_coach_cannot_link_another_coachs_proeftuin(
    client_for, coach, partnership_a, partnership_b
):
    response = client_for(coach).post(
        reverse("partnerships:report_bottleneck"), report_data(partnership_a, partnership_b)
    )
    assert response.status_code == 200  # not one of the choices for this coach
    assert not Bottleneck.objects.exists()
    with pytest.raises(Exception, match="alleen proeftuinen koppelen die u begeleidt"):
        bottlenecks.report_bottleneck(
            by=coach,
            title="x",
            category="telling",
            description="y",
            partnerships=[partnership_b],
        )


def test_a_coach_keeps_colleagues_links_when_changing(
    coach, other_coach, partnership_a, partnership_b
):
    bottleneck = make_bottleneck(partnerships=[partnership_a, partnership_b])
    bottlenecks.change_bottleneck(
        bottleneck=bottleneck,
        by=coach,
        title=bottleneck.title,
        category=bottleneck.category,
        description=bottleneck.description,
        status=Bottleneck.Status.SIGNALLED,
        partnerships=[],  # unticks everything the coach can see
    )
    bottleneck.refresh_from_db()
    assert set(bottleneck.partnerships.all()) == {partnership_b}
    assert bottleneck.signalled_on is not None
    with pytest.raises(NotAllowed):
        bottlenecks.change_bottleneck(
            bottleneck=make_bottleneck(partnerships=[partnership_b]),
            by=coach,
            title="x",
            category="telling",
            description="y",
            status="open",
        )


def test_status_dates_follow_the_status(programme_admin):
    bottleneck = make_bottleneck()
    common = {"title": "t", "category": "telling", "description": "d", "by": programme_admin}
    bottlenecks.change_bottleneck(
        bottleneck=bottleneck, status="opgelost", resolution="Ja", **common
    )
    bottleneck.refresh_from_db()
    assert bottleneck.resolved_on is not None
    assert bottleneck.resolution == "Ja"
    bottlenecks.change_bottleneck(bottleneck=bottleneck, status="open", **common)
    bottleneck.refresh_from_db()
    assert bottleneck.resolved_on is None
    assert bottleneck.signalled_on is None


@pytest.mark.parametrize(
    ("persona", "expected"),
    [("buyer_member", 404), ("outsider", 404), ("coach", 200), ("programme_admin", 200)],
)
def test_only_the_programme_team_sees_the_register(
    request, client_for, persona, expected, partnership_a
):
    bottleneck = make_bottleneck(partnerships=[partnership_a])
    client = client_for(request.getfixturevalue(persona))
    for url in (
        reverse("partnerships:bottlenecks"),
        reverse("partnerships:bottleneck", args=[bottleneck.pk]),
        reverse("partnerships:bottleneck_overview"),
        reverse("partnerships:report_bottleneck"),
    ):
        assert client.get(url).status_code == expected, url
    detail = client.get(reverse("partnerships:detail", args=[partnership_a.pk])).content.decode()
    assert (bottleneck.title in detail) is (expected == 200)


def test_another_coach_cannot_edit_a_bottleneck_of_proeftuinen_they_do_not_coach(
    client_for, other_coach, partnership_a
):
    bottleneck = make_bottleneck(partnerships=[partnership_a])
    client = client_for(other_coach)
    url = reverse("partnerships:edit_bottleneck", args=[bottleneck.pk])
    response = client.post(url, report_data(partnership_a, status="opgelost", title="Anders"))
    assert response.status_code == 403
    bottleneck.refresh_from_db()
    assert bottleneck.status == Bottleneck.Status.OPEN


def test_the_register_filters_by_category_and_status(client_for, programme_admin, partnership_a):
    make_bottleneck(title="Telling bij detachering", category="telling")
    make_bottleneck(title="Geen kandidaten", category="werving")
    client = client_for(programme_admin)
    page = client.get(reverse("partnerships:bottlenecks"), {"category": "werving"}).content.decode()
    assert "Geen kandidaten" in page
    assert "Telling bij detachering" not in page
    page = client.get(reverse("partnerships:bottlenecks"), {"status": "opgelost"}).content.decode()
    assert "Geen kandidaten" not in page


def test_the_overview_counts_per_category_and_proeftuinen_once(client_for, programme_admin):
    first, second = make_partnership(), make_partnership()
    make_bottleneck(category="telling", partnerships=[first, second])
    make_bottleneck(category="telling", partnerships=[first])
    solved = make_bottleneck(category="werving", partnerships=[second])
    bottlenecks.change_bottleneck(
        bottleneck=solved, by=None, title="t", category="werving", description="d",
        status="opgelost", partnerships=[second],
    )  # fmt: skip
    response = client_for(programme_admin).get(reverse("partnerships:bottleneck_overview"))
    rows = {row["category"]: row for row in response.context["rows"]}
    assert rows["telling"]["open"] == 2
    assert rows["telling"]["partnerships"] == 2
    assert rows["werving"]["closed"] == 1
    assert rows["werving"]["partnerships"] == 0
    assert rows["regelgeving"]["total"] == 0
    assert response.context["totals"]["partnerships"] == 2


def test_the_register_list_does_not_grow_queries_with_rows(
    client_for, programme_admin, django_assert_max_num_queries
):
    partnerships = [make_partnership() for _ in range(3)]
    for _ in range(12):
        make_bottleneck(partnerships=partnerships)
    client = client_for(programme_admin)
    with django_assert_max_num_queries(14):
        assert client.get(reverse("partnerships:bottlenecks")).status_code == 200


def test_the_back_office_links_to_the_coaching_pages(client_for, coach):
    menu = client_for(coach).get("/beheer/").content.decode()
    assert reverse("partnerships:worklist") in menu
    assert reverse("partnerships:bottlenecks") in menu
