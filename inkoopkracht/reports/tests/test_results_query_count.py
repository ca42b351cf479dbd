"""The results page and the open data read in a fixed number of queries (set-based)."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from .conftest import Q2, Q3, make_round, proeftuin

pytestmark = pytest.mark.django_db

URLS = ["reports:results", "reports:open_data_csv", "reports:open_data_json", "reports:open_data"]


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse(url)).status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", URLS)
def test_queries_do_not_grow_with_proeftuinen(
    client, programme, url, django_assert_max_num_queries
):
    before = _count(client, url)
    for number in range(8):
        extra = proeftuin(f"Extra {number}", cohort=4 + number % 2, step=2 + number % 7)
        make_round(extra, Q2, banen=Decimal(3), persons=4)
        make_round(extra, Q3, banen=Decimal(5), persons=6)
    with django_assert_max_num_queries(7):
        client.get(reverse(url))
    assert _count(client, url) == before
