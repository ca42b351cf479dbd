"""The health overview shows ``PAGE_SIZE`` rows a page: filters, sort and the counts per status
apply to all rows before paging, the page links are plain links that keep the filters and the
sort (a ``nav`` with a label, the current page marked), and the exports hold all rows of the
filtered view, not just the page."""

import csv
import io
import re
from datetime import timedelta
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone

from inkoopkracht.partnerships.models import Partnership
from inkoopkracht.partnerships.tests.factories import make_action, make_partnership
from inkoopkracht.reports import health_views

pytestmark = pytest.mark.django_db

URL = reverse("reports:health")
QUERY = {"begeleider": "alle", "aandacht": "1", "sorteer": "-proeftuin"}


@pytest.fixture
def programme(db, monkeypatch):
    """Five proeftuinen that need attention (one overdue action each), one closed; two a page."""
    monkeypatch.setattr(health_views, "PAGE_SIZE", 2)
    today = timezone.localdate()
    for name in "ABCDE":
        partnership = make_partnership(
            name=f"Proeftuin {name}", status=Partnership.Status.ACTIVE, started_on=today,
            ambition_jobs=None, ambition_date=None,
        )  # fmt: skip
        make_action(partnership=partnership, due_on=today - timedelta(days=1))
    make_partnership(name="Proeftuin Z", status=Partnership.Status.COMPLETED)


def names(response) -> list[str]:
    return [str(row.partnership) for row in response.context["rows"]]


def page_links(html: str) -> dict[str, dict]:
    nav = re.search(r'<nav class="pagination" aria-label="Paginering">(.*?)</nav>', html, re.S)
    assert nav, "no labelled pagination nav"
    links = re.findall(r'<a href="([^"]*)">([^<]*)</a>', nav.group(1))
    return {text: parse_qs(urlsplit(unescape(href)).query) for href, text in links}


def test_pages_follow_the_sort_and_filters_of_all_rows(client_for, programme_admin, programme):
    client = client_for(programme_admin)
    pages = [names(client.get(URL, {**QUERY, "pagina": n})) for n in (1, 2, 3)]
    assert pages == [
        ["Proeftuin E", "Proeftuin D"], ["Proeftuin C", "Proeftuin B"], ["Proeftuin A"]
    ]  # fmt: skip
    assert names(client.get(URL, {**QUERY, "pagina": "x"})) == pages[0]
    assert names(client.get(URL, {**QUERY, "pagina": "99"})) == pages[2]


def test_counts_and_caption_are_over_all_filtered_rows(client_for, programme_admin, programme):
    response = client_for(programme_admin).get(URL, {**QUERY, "pagina": 2})
    counts = dict(response.context["counts"])
    assert counts["oranje"] == 5
    assert counts["afgesloten"] == 0  # filtered out: only what needs attention
    assert "5 proeftuinen, hier 3 tot en met 4" in response.content.decode()


def test_page_links_keep_the_filters_and_sort(client_for, programme_admin, programme):
    html = client_for(programme_admin).get(URL, {**QUERY, "pagina": 2}).content.decode()
    links = page_links(html)
    kept = {key: [value] for key, value in QUERY.items()}
    assert links["Vorige"] == {**kept, "pagina": ["1"]}
    assert links["Volgende"] == {**kept, "pagina": ["3"]}
    assert '<span aria-current="page">Pagina 2 van 3</span>' in html
    # Sorting or filtering again starts at the first page.
    assert "pagina" not in html.split('<nav class="pagination"')[0].split("<thead>")[1]
    assert 'name="pagina"' not in html


def test_one_page_has_no_pagination(client_for, programme_admin, programme, monkeypatch):
    monkeypatch.setattr(health_views, "PAGE_SIZE", 50)
    html = client_for(programme_admin).get(URL, QUERY).content.decode()
    assert 'class="pagination"' not in html


def test_the_export_holds_all_rows_of_the_filtered_view(client_for, programme_admin, programme):
    client = client_for(programme_admin)
    response = client.get(reverse("reports:health_export", args=["csv"]), {**QUERY, "pagina": 2})
    lines = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert [line[0] for line in lines[1:]] == [f"Proeftuin {name}" for name in "EDCBA"]
    html = client.get(URL, {**QUERY, "pagina": 2}).content.decode()
    href = re.search(r'href="([^"]*export\.csv[^"]*)"', html).group(1)
    assert "pagina" not in parse_qs(urlsplit(unescape(href)).query)
