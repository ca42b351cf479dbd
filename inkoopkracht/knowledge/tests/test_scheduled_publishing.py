"""Scheduled publishing: the periodic job publishes what is due, and the PDF follows."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from inkoopkracht.knowledge.models import GuidePdf, GuideStepPage, Lesson
from inkoopkracht.knowledge.tasks import publish_scheduled
from inkoopkracht.lib.periodic import discover

from .factories import make_step_page, submit

pytestmark = pytest.mark.django_db


def test_publish_scheduled_is_a_periodic_job():
    assert "knowledge.publish_scheduled" in discover()


def test_a_scheduled_step_goes_live_when_due(client, guide, django_capture_on_commit_callbacks):
    page = make_step_page(guide, 4, live=False)
    page.go_live_at = timezone.now() + timedelta(hours=1)
    page.save_revision().publish()  # approved for publication, not yet live
    publish_scheduled.call()
    assert client.get("/handreiking/stap-4/").status_code == 404
    with time_machine.travel(timezone.now() + timedelta(hours=2)):
        with django_capture_on_commit_callbacks(execute=True):
            publish_scheduled.call()
        assert client.get("/handreiking/stap-4/").status_code == 200
    assert GuidePdf.objects.filter(reason__contains=page.title).exists()


def test_running_the_job_twice_is_harmless(guide):
    publish_scheduled.call()
    publish_scheduled.call()
    assert GuideStepPage.objects.live().count() == 3


def test_a_lesson_can_be_scheduled_too(partnership_a, supplier_member, programme_admin):
    lesson = submit(partnership_a, supplier_member)
    lesson.go_live_at = timezone.now() - timedelta(minutes=1)
    revision = lesson.save_revision(user=programme_admin, approved_go_live_at=lesson.go_live_at)
    assert revision.approved_go_live_at is not None
    publish_scheduled.call()
    lesson.refresh_from_db()
    assert lesson.live is True
    assert lesson.status == Lesson.Status.PUBLISHED
