"""On PostgreSQL, search uses the Dutch text-search configuration: word forms find each other."""

import pytest
from django.conf import settings
from django.db import connection

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="stemming needs PostgreSQL"),
]


def test_backend_is_configured_for_dutch():
    assert settings.WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] == "dutch"


def test_plural_finds_the_singular(client, guide):
    # The examples mention "een aangepaste werkplek"; the plural has the same stem.
    html = client.get("/zoeken/", {"q": "werkplekken"}).content.decode()
    assert "/handreiking/stap-1/" in html
