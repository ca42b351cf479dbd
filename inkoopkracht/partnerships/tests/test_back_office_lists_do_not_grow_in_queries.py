"""Back-office lists run a fixed number of queries, however many rows they show."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from inkoopkracht.partnerships.tests.factories import make_partnership

URLS = [
    "/beheer/proeftuinen/",
    "/beheer/contracten/",
    "/beheer/organisaties/",
    "/beheer/contactpersonen/",
]


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


@pytest.mark.parametrize("url", URLS)
def test_list_query_count_is_independent_of_rows(client_for, programme_admin, url):
    client = client_for(programme_admin)
    make_partnership()
    _queries(client, url)  # warm caches (content types, permissions)
    few = _queries(client, url)
    for _ in range(5):
        make_partnership()
    assert _queries(client, url) <= few
