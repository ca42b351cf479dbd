"""The public lessons library: published lessons only, filterable, paginated, in few queries."""

import pytest

from inkoopkracht.partnerships.models import Step

from .factories import make_published_lesson, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def lessons(partnership_a, supplier_member, programme_admin):
    make_published_lesson(
        partnership_a,
        supplier_member,
        programme_admin,
        title="Knelpunt bij stap 4",
        kind="knelpunt",
        step=Step.objects.get(number=4),
    )
    make_published_lesson(
        partnership_a,
        supplier_member,
        programme_admin,
        title="Tip bij stap 6",
        kind="tip",
        step=Step.objects.get(number=6),
        sector="catering",
    )
    submit(partnership_a, supplier_member, title="Nog niet beoordeeld")


def test_library_shows_published_lessons_only(client, lessons):
    html = client.get("/lessen/").content.decode()
    assert "Knelpunt bij stap 4" in html
    assert "Tip bij stap 6" in html
    assert "Nog niet beoordeeld" not in html
    assert "2 lessen" in html


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ({"step": "4"}, "Knelpunt bij stap 4", "Tip bij stap 6"),
        ({"kind": "tip"}, "Tip bij stap 6", "Knelpunt bij stap 4"),
        ({"sector": "catering"}, "Tip bij stap 6", "Knelpunt bij stap 4"),
        ({"q": "Knelpunt"}, "Knelpunt bij stap 4", "Tip bij stap 6"),
    ],
)
def test_filters_narrow_the_list(client, lessons, query, shown, hidden):
    html = client.get("/lessen/", query).content.decode()
    assert shown in html
    assert hidden not in html


def test_an_invalid_filter_is_reported_and_ignored(client, lessons):
    html = client.get("/lessen/", {"step": "99", "kind": "roddel"}).content.decode()
    assert "Selecteer een geldige keuze." in html
    assert "Knelpunt bij stap 4" in html
    assert "Tip bij stap 6" in html


def test_proeftuin_is_named_only_with_permission(
    client, partnership_a, supplier_member, programme_admin
):
    make_published_lesson(
        partnership_a, supplier_member, programme_admin, title="Anoniem", name_partnership=False
    )
    html = client.get("/lessen/").content.decode()
    assert str(partnership_a) not in html
    assert "Een proeftuin in de sector Schoonmaak" in html
    make_published_lesson(
        partnership_a, supplier_member, programme_admin, title="Met naam", name_partnership=True
    )
    assert str(partnership_a) in client.get("/lessen/").content.decode()


def test_library_needs_few_queries(
    client, lessons, partnership_a, supplier_member, programme_admin, django_assert_max_num_queries
):
    for number in range(5):
        make_published_lesson(
            partnership_a, supplier_member, programme_admin, title=f"Extra les {number}"
        )
    with django_assert_max_num_queries(8):
        client.get("/lessen/")


def test_lesson_detail_links_to_its_step(
    client, guide, partnership_a, supplier_member, programme_admin
):
    lesson = make_published_lesson(
        partnership_a, supplier_member, programme_admin, step=Step.objects.get(number=2)
    )
    html = client.get(f"/lessen/{lesson.pk}/").content.decode()
    assert "/handreiking/stap-2/" in html
