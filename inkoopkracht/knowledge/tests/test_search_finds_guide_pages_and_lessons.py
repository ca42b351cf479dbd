"""Search over the guide's pages and the published lessons; odd input gives a safe result."""

import pytest

from .factories import make_step_page, submit

pytestmark = pytest.mark.django_db


def test_search_finds_a_step_by_the_text_of_its_blocks(client, guide):
    html = client.get("/zoeken/", {"q": "Praktijkvoorbeeld"}).content.decode()
    assert "/handreiking/stap-1/" in html
    assert "resultaten voor ‘Praktijkvoorbeeld’" in html


def test_search_finds_published_lessons_only(
    client, guide, published_lesson, partnership_a, supplier_member
):
    submit(partnership_a, supplier_member, title="Wachtende les over pictogrammen")
    html = client.get("/zoeken/", {"q": "pictogrammen"}).content.decode()
    assert "Pictogrammen op de kar" in html
    assert "Wachtende les" not in html


def test_search_leaves_out_draft_pages(client, guide):
    make_step_page(guide, 6, live=False, intro="Een geheime conceptpagina over zebrapaden.")
    html = client.get("/zoeken/", {"q": "zebrapaden"}).content.decode()
    assert "/handreiking/stap-6/" not in html
    assert "0 resultaten" in html


@pytest.mark.parametrize(
    "query",
    ['"', "'; DROP TABLE lessen; --", "a & b | !c", "(jobcoach", "jobcoach:*", "%_\\", "😀 stap"],
)
def test_odd_characters_give_a_safe_result(client, guide, query):
    response = client.get("/zoeken/", {"q": query})
    assert response.status_code == 200


def test_html_in_the_query_is_shown_escaped(client, guide):
    html = client.get("/zoeken/", {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize(
    ("query", "message"), [("   ", "Vul een zoekterm in."), ("?!", "Zoek op een woord")]
)
def test_empty_search_gets_a_dutch_message(client, guide, query, message):
    html = client.get("/zoeken/", {"q": query}).content.decode()
    assert message in html


def test_an_overlong_query_is_refused_with_a_message(client, guide):
    html = client.get("/zoeken/", {"q": "jobcoach " * 40}).content.decode()
    assert "niet meer dan 200 tekens" in html


def test_search_needs_few_queries(client, guide, published_lesson, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        client.get("/zoeken/", {"q": "jobcoach"})
