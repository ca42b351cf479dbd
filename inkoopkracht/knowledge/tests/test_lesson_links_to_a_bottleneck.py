"""The team ties a shared lesson to a bottleneck; the bottleneck's page shows it."""

from datetime import date

import pytest

from inkoopkracht.knowledge import services
from inkoopkracht.knowledge.models import Lesson
from inkoopkracht.partnerships.models import Bottleneck, Step

pytestmark = pytest.mark.django_db


@pytest.fixture
def lesson(partnership_a, supplier_member):
    return services.submit_lesson(
        partnership=partnership_a,
        by=supplier_member,
        kind=Lesson.Kind.BOTTLENECK,
        title="Loonkostensubsidie verschilt per gemeente",
        text="Elke gemeente heeft eigen regels; dat maakt plannen lastig.",
        step=Step.objects.get(number=4),
        sector=partnership_a.work_sector,
        route=partnership_a.route,
    )


@pytest.fixture
def bottleneck(programme_admin):
    return Bottleneck.objects.create(
        title="Regels loonkostensubsidie verschillen",
        category=Bottleneck.Category.FUNDING,
        description="Per gemeente anders.",
        reported_on=date(2026, 5, 1),
        reported_by=programme_admin,
    )


def test_team_links_a_lesson_and_the_bottleneck_page_shows_it(
    client_for, programme_admin, lesson, bottleneck
):
    services.link_bottleneck(lesson=lesson, bottleneck=bottleneck, by=programme_admin)
    page = client_for(programme_admin).get(f"/mijn/knelpunten/{bottleneck.pk}/")
    assert "Gedeelde lessen over dit knelpunt" in page.content.decode()
    assert "Loonkostensubsidie verschilt per gemeente" in page.content.decode()
    assert lesson.latest_revision.content["bottleneck"] == bottleneck.pk


def test_members_cannot_link(supplier_member, lesson, bottleneck):
    with pytest.raises(services.KnowledgeError):
        services.link_bottleneck(lesson=lesson, bottleneck=bottleneck, by=supplier_member)
    lesson.refresh_from_db()
    assert lesson.bottleneck is None
