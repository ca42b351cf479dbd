"""API: the published lessons, open to everyone, filterable by step, kind and sector."""

import pytest

from inkoopkracht.partnerships.models import Step

from .factories import make_published_lesson, submit

pytestmark = pytest.mark.django_db


def test_api_lists_published_lessons_without_the_source_when_not_allowed(
    client, partnership_a, supplier_member, programme_admin
):
    make_published_lesson(
        partnership_a,
        supplier_member,
        programme_admin,
        title="Openbaar",
        step=Step.objects.get(number=2),
    )
    submit(partnership_a, supplier_member, title="Nog niet")
    data = client.get("/api/v1/lessen/").json()
    assert [item["title"] for item in data["items"]] == ["Openbaar"]
    item = data["items"][0]
    assert item["step"] == 2
    assert item["source"] == "Een proeftuin in de sector Schoonmaak"
    assert "submitted_by" not in item
    assert "partnership" not in item


def test_api_filters(client, partnership_a, supplier_member, programme_admin):
    make_published_lesson(partnership_a, supplier_member, programme_admin, title="Tip", kind="tip")
    make_published_lesson(
        partnership_a, supplier_member, programme_admin, title="Knelpunt", kind="knelpunt"
    )
    data = client.get("/api/v1/lessen/", {"kind": "tip"}).json()
    assert [item["title"] for item in data["items"]] == ["Tip"]
    assert client.get("/api/v1/lessen/", {"kind": "roddel"}).status_code == 422


def test_api_list_needs_few_queries(
    client, partnership_a, supplier_member, programme_admin, django_assert_max_num_queries
):
    for number in range(4):
        make_published_lesson(
            partnership_a, supplier_member, programme_admin, title=f"Les {number}"
        )
    with django_assert_max_num_queries(3):
        client.get("/api/v1/lessen/")
