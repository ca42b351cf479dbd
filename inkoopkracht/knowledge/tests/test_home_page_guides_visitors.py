"""The home page explains the programme and leads to the guide, lessons, events and applying."""

import pytest

pytestmark = pytest.mark.django_db


def test_home_page_leads_to_the_main_destinations(client, guide):
    html = client.get("/").content.decode()
    for path in ("/handreiking/", "/lessen/", "/bijeenkomsten/", "/aanmelden/"):
        assert f'href="{path}"' in html
    assert "Het stappenplan in negen stappen" in html
    assert 'href="/handreiking/stap-2/"' in html


def test_home_page_in_few_queries(client, guide, django_assert_max_num_queries):
    client.get("/")
    with django_assert_max_num_queries(12):
        client.get("/")
