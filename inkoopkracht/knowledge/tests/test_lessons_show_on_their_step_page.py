"""Published lessons appear on the guide page of their step."""

import pytest

from inkoopkracht.partnerships.models import Step

from .factories import make_published_lesson, submit

pytestmark = pytest.mark.django_db


def test_published_lesson_shows_on_its_step_page(client, guide, published_lesson):
    html = client.get(f"/handreiking/stap-{published_lesson.step_id}/").content.decode()
    assert "Pictogrammen op de kar" in html
    assert f"/lessen/{published_lesson.pk}/" in html


def test_lesson_does_not_show_on_other_steps_or_before_approval(
    client, guide, partnership_a, supplier_member, programme_admin
):
    make_published_lesson(
        partnership_a,
        supplier_member,
        programme_admin,
        title="Les bij stap 2",
        step=Step.objects.get(number=2),
    )
    submit(
        partnership_a,
        supplier_member,
        title="Wacht op beoordeling",
        step=Step.objects.get(number=2),
    )
    assert "Les bij stap 2" not in client.get("/handreiking/stap-3/").content.decode()
    step_two = client.get("/handreiking/stap-2/").content.decode()
    assert "Les bij stap 2" in step_two
    assert "Wacht op beoordeling" not in step_two


def test_block_limits_the_number_and_links_to_the_rest(
    client, guide, partnership_a, supplier_member, programme_admin
):
    for number in range(6):
        make_published_lesson(
            partnership_a,
            supplier_member,
            programme_admin,
            title=f"Les nummer {number}",
            step=Step.objects.get(number=1),
        )
    html = client.get("/handreiking/stap-1/").content.decode()
    assert html.count('class="lesson-card ') == 5
    assert "/lessen/?step=1" in html
