"""One workflow moderates pages and lessons; the programme team may edit and publish the site."""

import pytest
from django.urls import reverse
from wagtail.models import Page, PagePermissionTester

from inkoopkracht.knowledge.models import Lesson, ModerationTask

pytestmark = pytest.mark.django_db


def test_pages_and_lessons_share_the_moderation_workflow(guide):
    step_page = guide.get_children().first().specific
    workflow = step_page.get_workflow()
    assert workflow.name == "Redactie en moderatie"
    assert Lesson.get_default_workflow() == workflow
    task = workflow.tasks.get().specific
    assert isinstance(task, ModerationTask)
    assert [group.name for group in task.groups.all()] == ["Programmateam"]


def test_team_may_edit_and_publish_pages(guide, programme_admin):
    tester = PagePermissionTester(programme_admin, Page.objects.get(pk=guide.pk))
    assert tester.can_edit()
    assert tester.can_publish()
    assert tester.can_add_subpage()


def test_coach_may_not_edit_pages(guide, coach):
    tester = PagePermissionTester(coach, Page.objects.get(pk=guide.pk))
    assert not tester.can_edit()


def test_team_opens_the_page_editor(guide, programme_admin, client_for):
    response = client_for(programme_admin).get(reverse("wagtailadmin_pages:edit", args=[guide.pk]))
    assert response.status_code == 200


def test_submitting_a_page_for_moderation_waits_for_the_team(guide, programme_admin):
    page = guide.get_children().first().specific
    page.intro = "Nieuwe samenvatting ter beoordeling."
    revision = page.save_revision(user=programme_admin)
    page.get_workflow().start(page, programme_admin)
    page.refresh_from_db()
    assert page.intro != "Nieuwe samenvatting ter beoordeling."  # live version unchanged
    assert page.current_workflow_task_state.revision == revision
