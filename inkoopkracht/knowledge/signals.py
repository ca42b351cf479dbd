"""Hand Wagtail's publishing and workflow events to our services.

Wagtail's back office publishes pages and lessons (by hand, after approval, or on schedule) and
runs the moderation workflow; these handlers keep the lesson's moderation state, the audit log
and the guide's PDF in step. The handlers are thin: every change is a service.
"""

from wagtail.log_actions import get_active_log_context
from wagtail.signals import (
    page_published,
    page_unpublished,
    published,
    unpublished,
    workflow_rejected,
    workflow_submitted,
)

from . import services
from .models import Lesson


def _actor():
    """Who did it: the back office runs every request in a log context with its user.

    Outside a request (scheduled publishing, commands) there is no user: the system did it.
    """
    return get_active_log_context().user


def on_page_published(sender, instance, **kwargs):
    if instance.live:  # not when only scheduled: the real publication sends it again
        services.page_published(page=instance, by=_actor())


def on_page_unpublished(sender, instance, **kwargs):
    services.page_unpublished(page=instance, by=_actor())


def on_lesson_published(sender, instance, **kwargs):
    if instance.live:
        services.lesson_published(lesson=instance, by=_actor())


def on_lesson_unpublished(sender, instance, **kwargs):
    services.lesson_unpublished(lesson=instance, by=_actor())


def on_workflow_rejected(sender, instance, user=None, **kwargs):
    lesson = instance.content_object
    if isinstance(lesson, Lesson):
        task_state = instance.current_task_state
        reason = task_state.comment if task_state is not None else ""
        services.lesson_rejected(lesson=lesson, by=user, reason=reason)


def on_workflow_submitted(sender, instance, user=None, **kwargs):
    lesson = instance.content_object
    if isinstance(lesson, Lesson):
        services.lesson_resubmitted(lesson=lesson, by=user)


def connect() -> None:
    page_published.connect(on_page_published, dispatch_uid="knowledge.page_published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="knowledge.page_unpublished")
    published.connect(on_lesson_published, sender=Lesson, dispatch_uid="knowledge.lesson_published")
    unpublished.connect(
        on_lesson_unpublished, sender=Lesson, dispatch_uid="knowledge.lesson_unpublished"
    )
    workflow_rejected.connect(on_workflow_rejected, dispatch_uid="knowledge.workflow_rejected")
    workflow_submitted.connect(on_workflow_submitted, dispatch_uid="knowledge.workflow_submitted")
