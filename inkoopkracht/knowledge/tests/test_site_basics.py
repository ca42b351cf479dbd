"""Site basics: news, statements in the footer, security.txt, sitemap.xml, NL/EN interface."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.utils import timezone

from inkoopkracht.knowledge.models import NewsIndexPage, NewsPage, StandardPage

from .factories import home_page, publish, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def statements(db):
    for slug, title in (
        ("toegankelijkheid", "Toegankelijkheidsverklaring"),
        ("privacy", "Privacyverklaring"),
        ("contact", "Contact"),
    ):
        publish(home_page(), StandardPage(title=title, slug=slug, intro=f"Over {slug}."))


@pytest.fixture
def news(db):
    index = publish(home_page(), NewsIndexPage(title="Nieuws", slug="nieuws"))
    for days, title in ((30, "Ouder bericht"), (2, "Nieuwste bericht")):
        publish(
            index,
            NewsPage(
                title=title,
                slug=f"bericht-{days}",
                date=date.today() - timedelta(days=days),
                intro=f"Intro van {title}.",
            ),
        )
    return index


def test_footer_links_to_the_statements(client, statements):
    html = client.get("/").content.decode()
    for path in ("/toegankelijkheid/", "/privacy/", "/contact/"):
        assert f'href="{path}"' in html
        assert client.get(path).status_code == 200
    assert "Toegankelijkheidsverklaring" in client.get("/toegankelijkheid/").content.decode()


def test_news_is_listed_newest_first(client, news):
    html = client.get("/nieuws/").content.decode()
    assert html.index("Nieuwste bericht") < html.index("Ouder bericht")
    assert client.get("/nieuws/bericht-2/").status_code == 200


def test_public_menu_has_guide_lessons_and_news(client, guide, news):
    html = client.get("/").content.decode()
    nav = html[
        html.index('class="site-nav"') : html.index("</nav>", html.index('class="site-nav"'))
    ]
    for label, path in (
        ("Handreiking", "/handreiking/"),
        ("Lessen", "/lessen/"),
        ("Nieuws", "/nieuws/"),
    ):
        assert f'<a href="{path}">{label}</a>' in nav


def test_security_txt_follows_rfc_9116(client, settings):
    settings.SECURITY_CONTACT = "mailto:meld@voorbeeld.example"
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    fields = dict(line.split(": ", 1) for line in response.content.decode().splitlines())
    assert fields["Contact"] == "mailto:meld@voorbeeld.example"
    expires = datetime.strptime(fields["Expires"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    assert timezone.now() < expires < timezone.now() + timedelta(days=365)
    assert fields["Canonical"].endswith("/.well-known/security.txt")


def test_sitemap_lists_public_pages_and_published_lessons(
    client, guide, published_lesson, partnership_a, supplier_member
):
    waiting = submit(partnership_a, supplier_member, title="Nog in beoordeling")
    response = client.get("/sitemap.xml")
    xml = response.content.decode()
    assert response.status_code == 200
    assert "http://testserver/handreiking/stap-1/" in xml
    assert f"http://testserver/lessen/{published_lesson.pk}/" in xml
    assert f"/lessen/{waiting.pk}/" not in xml


def test_interface_switches_to_english(client, guide):
    client.post("/i18n/setlang/", {"language": "en", "next": "/handreiking/"})
    html = client.get("/handreiking/").content.decode()
    assert '<html lang="en">' in html
    assert "Download the whole guide" in html
    assert '<div lang="nl">' in html  # the content stays Dutch and says so
    assert ">Lessons</a>" in html
