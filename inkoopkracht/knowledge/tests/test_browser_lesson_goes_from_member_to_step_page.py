"""In a real browser: a supplier member shares a lesson, the team (with two-factor) publishes it
in the back office, and the lesson shows on the guide page of its step.

axe-core checks every page these steps visit, the back office included.
"""

import re

import pytest

from inkoopkracht.accounts.tests.helpers import current_code, totp_device
from inkoopkracht.knowledge.models import Lesson

from .browser import check_accessibility, log_in
from .factories import make_guide

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "een-lang-wachtwoord-42"  # the personas' password (partnerships/tests/factories.py)
TITLE = "Pictogrammen op de schoonmaakkar"


def share_lesson(page, partnership) -> None:
    page.goto(f"/mijn/proeftuinen/{partnership.pk}/")
    check_accessibility(page, "mijn-proeftuin")
    page.get_by_role("link", name="Deel een les").click()
    check_accessibility(page, "les-delen")
    page.get_by_role("button", name="Les indienen").click()  # empty: errors first
    assert page.get_by_role("alert").is_visible()
    check_accessibility(page, "les-delen-fouten")
    page.get_by_label("Goede praktijk").check()
    page.get_by_label("Titel van de les").fill(TITLE)
    page.get_by_label("De les", exact=True).fill(
        "De jobcoach maakte kaarten met pictogrammen voor op de kar. Nu gebruikt het hele team ze."
    )
    page.get_by_label("Stap", exact=True).select_option("2")
    page.get_by_label("De proeftuin mag genoemd worden").check()
    page.get_by_role("button", name="Les indienen").click()
    page.wait_for_url("**/mijn/lessen/")
    assert page.get_by_role("cell", name=re.compile(TITLE)).is_visible()
    check_accessibility(page, "mijn-lessen")


def publish_as_team(page, team, lesson) -> None:
    log_in(page, team.email, PASSWORD)
    page.wait_for_url("**/account/tweestapsverificatie/**")
    check_accessibility(page, "tweestapsverificatie")
    page.get_by_label("Code").fill(current_code(totp_device(team)))
    page.get_by_role("button", name="Controleren").click()
    page.wait_for_url("**/beheer/")
    check_accessibility(page, "beheer-dashboard")
    page.goto(f"/beheer/snippets/knowledge/lesson/edit/{lesson.pk}/")
    assert page.get_by_text(str(lesson.partnership)).first.is_visible()  # the team sees the source
    check_accessibility(page, "beheer-les")
    page.locator("footer").get_by_role("button", name="Meer acties").click()
    page.get_by_role("button", name="Goedkeuren en publiceren").click()
    page.wait_for_url(re.compile(r"/beheer/snippets/knowledge/lesson/$"))
    check_accessibility(page, "beheer-lessen")
    page.context.clear_cookies()  # from here on: a visitor


def test_lesson_goes_from_supplier_member_through_moderation_to_the_step_page(
    browser_page, supplier_member, programme_admin, partnership_a
):
    make_guide(numbers=(1, 2, 3))
    totp_device(programme_admin)
    page = browser_page

    log_in(page, supplier_member.email, PASSWORD)
    page.wait_for_url("**/mijn/**")
    share_lesson(page, partnership_a)
    page.get_by_role("button", name="Uitloggen").click()

    lesson = Lesson.objects.get(title=TITLE)
    assert lesson.status == Lesson.Status.IN_REVIEW
    publish_as_team(page, programme_admin, lesson)

    lesson.refresh_from_db()
    assert lesson.live
    assert lesson.status == Lesson.Status.PUBLISHED
    assert lesson.moderated_by == programme_admin

    page.goto("/handreiking/stap-2/")
    card = page.locator(".lesson-card", has_text=TITLE)
    assert card.is_visible()
    assert str(partnership_a) in card.inner_text()
    check_accessibility(page, "handreiking-stap-met-les")
    card.get_by_role("link", name=TITLE).click()
    page.wait_for_url(f"**/lessen/{lesson.pk}/")
    check_accessibility(page, "les")
