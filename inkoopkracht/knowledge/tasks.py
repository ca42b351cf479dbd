"""Background tasks of the knowledge app (django-tasks; run by the db_worker)."""

from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django_tasks import task

from inkoopkracht.lib.mail import send_templated_mail
from inkoopkracht.lib.periodic import periodic

from . import services
from .models import Lesson


@task()
def build_guide_pdf(*, pdf_id: int) -> None:
    """Render the whole guide to PDF (a few seconds); the previous PDF is served meanwhile."""
    services.build_guide_pdf(pdf_id=pdf_id)


@task()
def send_lesson_outcome(*, lesson_id: int, outcome: str) -> None:
    """Tell the submitter that their lesson was published, or why it was rejected."""
    lesson = Lesson.objects.select_related("submitted_by", "step").get(pk=lesson_id)
    if lesson.submitted_by is None or not lesson.submitted_by.email:
        return
    send_templated_mail(
        f"knowledge/email/lesson_{outcome}",
        to=[lesson.submitted_by.email],
        context={
            "lesson": lesson,
            "public_url": settings.SITE_URL + lesson.get_absolute_url(),
            "my_lessons_url": settings.SITE_URL + reverse("knowledge:my_lessons"),
        },
    )


@periodic("knowledge.publish_scheduled")
@task()
def publish_scheduled() -> None:
    """Publish pages and lessons whose scheduled time has come; unpublish expired ones.

    Wagtail's ``publish_scheduled`` command does the work; it only touches what is due, so
    running it late or twice is harmless. Publishing fires the usual signals (PDF, audit).
    """
    call_command("publish_scheduled", verbosity=0)
