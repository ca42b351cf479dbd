"""Every change in the knowledge app: lessons, their moderation, page events and the guide's PDF.

Moderation itself happens in Wagtail's workflow (the back office); the signal handlers in
``signals.py`` hand its outcome to the ``lesson_*`` functions here, which keep the lesson's
moderation state, write the audit record and notify the submitter after commit.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import WorkflowState

from inkoopkracht import audit
from inkoopkracht.audit.models import AuditRecord
from inkoopkracht.partnerships.access import member_sides
from inkoopkracht.partnerships.models import Partnership

from .models import GuideIndexPage, GuidePdf, GuideStepPage, Lesson

LESSON_FIELDS = ("kind", "title", "text", "step", "sector", "route", "name_partnership")
KEEP_PDF_BUILDS = 3


class KnowledgeError(Exception):
    """A change that cannot be made; the message is for the user (Dutch)."""


def _user(by):
    return by if getattr(by, "is_authenticated", False) else None


# --- Lessons -------------------------------------------------------------------------------


def _check_may_share(by, partnership: Partnership) -> None:
    visible = Partnership.objects.visible_to(by).filter(pk=partnership.pk).exists()
    if not visible or not member_sides(by, partnership):
        raise KnowledgeError(_("U kunt alleen lessen delen voor een proeftuin waar u aan meedoet."))


@transaction.atomic
def submit_lesson(*, partnership: Partnership, by, **fields) -> Lesson:
    """A member shares a lesson of their proeftuin; it waits for the team's moderation."""
    _check_may_share(by, partnership)
    unknown = set(fields) - set(LESSON_FIELDS)
    if unknown:
        raise TypeError(f"Unknown lesson fields: {sorted(unknown)}")
    lesson = Lesson(partnership=partnership, submitted_by=_user(by), live=False, **fields)
    lesson.full_clean()
    lesson.save()
    _start_moderation(lesson, by)
    audit.record(
        actor=by, action="lesson.submitted", target=lesson, data={"proeftuin": partnership.pk}
    )
    return lesson


def _start_moderation(lesson: Lesson, by) -> None:
    """Save a revision and put it in the moderation workflow (or resume a rejected one).

    The workflow is started without a requesting user so that Wagtail's own mails (which link
    to the back office) go to the team only; the submitter gets our mails instead.
    """
    lesson.save_revision(user=_user(by))
    state = lesson.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user=None)
        return
    workflow = lesson.get_workflow()
    if workflow is not None:
        workflow.start(lesson, user=None)


@transaction.atomic
def revise_lesson(*, lesson: Lesson, by, **fields) -> Lesson:
    """The submitter corrects a rejected lesson; it goes back into moderation."""
    lesson = Lesson.objects.select_for_update().get(pk=lesson.pk)
    if lesson.submitted_by_id != getattr(by, "pk", None):
        raise KnowledgeError(_("Alleen wie de les indiende, kan haar aanpassen."))
    if lesson.status != Lesson.Status.REJECTED:
        raise KnowledgeError(_("Alleen een afgewezen les kunt u aanpassen en opnieuw indienen."))
    for name, value in fields.items():
        if name not in LESSON_FIELDS:
            raise TypeError(f"Unknown lesson field: {name}")
        setattr(lesson, name, value)
    lesson.status = Lesson.Status.IN_REVIEW
    lesson.rejection_reason = ""
    lesson.full_clean()
    lesson.save()
    _start_moderation(lesson, by)
    audit.record(actor=by, action="lesson.revised", target=lesson)
    return lesson


@transaction.atomic
def lesson_published(*, lesson: Lesson, by) -> Lesson:
    """The team approved (or published) the lesson: it is public now."""
    Lesson.objects.filter(pk=lesson.pk).update(
        status=Lesson.Status.PUBLISHED,
        rejection_reason="",
        moderated_by=_user(by),
        moderated_at=timezone.now(),
    )
    lesson.refresh_from_db()
    audit.record(actor=by, action="lesson.published", target=lesson)
    _notify_submitter(lesson, "published")
    request_guide_pdf(by=by, reason=_("Les gepubliceerd: %(title)s") % {"title": lesson.title})
    return lesson


@transaction.atomic
def lesson_rejected(*, lesson: Lesson, by, reason: str) -> Lesson:
    """The team rejected the lesson with a reason; the submitter may correct it."""
    Lesson.objects.filter(pk=lesson.pk).update(
        status=Lesson.Status.REJECTED,
        rejection_reason=reason,
        moderated_by=_user(by),
        moderated_at=timezone.now(),
    )
    lesson.refresh_from_db()
    audit.record(actor=by, action="lesson.rejected", target=lesson, data={"reden": reason})
    _notify_submitter(lesson, "rejected")
    return lesson


@transaction.atomic
def lesson_unpublished(*, lesson: Lesson, by) -> Lesson:
    Lesson.objects.filter(pk=lesson.pk).update(status=Lesson.Status.WITHDRAWN)
    lesson.refresh_from_db()
    audit.record(actor=by, action="lesson.unpublished", target=lesson)
    request_guide_pdf(
        by=by, reason=_("Les niet meer gepubliceerd: %(title)s") % {"title": lesson.title}
    )
    return lesson


@transaction.atomic
def lesson_resubmitted(*, lesson: Lesson, by) -> Lesson:
    """The team put a rejected lesson back into moderation from the back office."""
    if lesson.status == Lesson.Status.REJECTED and not lesson.live:
        Lesson.objects.filter(pk=lesson.pk).update(status=Lesson.Status.IN_REVIEW)
        lesson.refresh_from_db()
        audit.record(actor=by, action="lesson.revised", target=lesson)
    return lesson


def save_lesson_in_back_office(*, save, lesson: Lesson, by, creating: bool) -> Lesson:
    """Wrap the back office's own save (a draft revision) in a transaction with an audit record."""
    with transaction.atomic():
        instance = save()
        if creating and not instance.submitted_by_id:
            Lesson.objects.filter(pk=instance.pk).update(submitted_by=_user(by))
        action = "lesson.submitted" if creating else "lesson.changed"
        audit.record(actor=by, action=action, target=instance)
    return instance


@transaction.atomic
def link_bottleneck(*, lesson: Lesson, bottleneck, by) -> Lesson:
    """The team ties a lesson to a bottleneck of the register (or unties it with ``None``).

    The link is the team's annotation, not part of the lesson's text: it is written on the
    lesson and on its latest revision, so a later edit in the back office keeps it.
    """
    if not getattr(by, "is_programme_staff", False):
        raise KnowledgeError(_("Alleen het programmateam koppelt lessen aan knelpunten."))
    lesson.bottleneck = bottleneck
    lesson.save(update_fields=["bottleneck"])
    revision = lesson.latest_revision
    if revision is not None:
        revision.content["bottleneck"] = bottleneck.pk if bottleneck else None
        revision.save(update_fields=["content"])
    audit.record(
        actor=by,
        action="lesson.bottleneck_linked",
        target=lesson,
        data={"bottleneck": bottleneck.pk if bottleneck else None},
    )
    return lesson


def _notify_submitter(lesson: Lesson, outcome: str) -> None:
    from .tasks import send_lesson_outcome

    if lesson.submitted_by_id:
        transaction.on_commit(
            lambda: send_lesson_outcome.enqueue(lesson_id=lesson.pk, outcome=outcome)
        )


# --- Pages ---------------------------------------------------------------------------------


def _is_guide_page(page) -> bool:
    return isinstance(page.specific, GuideIndexPage | GuideStepPage)


@transaction.atomic
def page_published(*, page, by) -> None:
    """A page went live (by hand, after approval, or on schedule); the guide's PDF follows."""
    audit.record(actor=by, action="page.published", target=page.specific)
    if _is_guide_page(page):
        request_guide_pdf(by=by, reason=_("Pagina gepubliceerd: %(title)s") % {"title": page.title})


@transaction.atomic
def page_unpublished(*, page, by) -> None:
    audit.record(actor=by, action="page.unpublished", target=page.specific)
    if _is_guide_page(page):
        request_guide_pdf(
            by=by, reason=_("Pagina niet meer gepubliceerd: %(title)s") % {"title": page.title}
        )


# --- The guide as PDF ----------------------------------------------------------------------

_pdf_deferred: ContextVar[bool] = ContextVar("guide_pdf_deferred", default=False)


@contextmanager
def guide_pdf_deferred():
    """Publish many pages at once (demo, imports) without a PDF build per page."""
    token = _pdf_deferred.set(True)
    try:
        yield
    finally:
        _pdf_deferred.reset(token)


@transaction.atomic
def request_guide_pdf(*, by, reason: str) -> GuidePdf | None:
    """Queue a new build of the guide's PDF, unless one is already waiting to start.

    A waiting build renders whatever is live when it starts, so it covers this request too.
    The previous PDF stays available until the new one is ready.
    """
    if _pdf_deferred.get():
        return None
    waiting = GuidePdf.objects.waiting().first()
    if waiting is not None:
        return waiting
    pdf = GuidePdf.objects.create(reason=reason[:200])
    audit.record(actor=by, action="guide_pdf.requested", target=pdf, data={"aanleiding": reason})

    from .tasks import build_guide_pdf as build_task

    transaction.on_commit(lambda: build_task.enqueue(pdf_id=pdf.pk))
    return pdf


def build_guide_pdf(*, pdf_id: int) -> GuidePdf:
    """Render the whole guide to PDF and make it the one that is served."""
    from .guide_pdf import render_guide_pdf

    with transaction.atomic():
        pdf = GuidePdf.objects.select_for_update().get(pk=pdf_id)
        if pdf.status != GuidePdf.Status.QUEUED:
            return pdf
        pdf.status, pdf.started_at = GuidePdf.Status.BUILDING, timezone.now()
        pdf.save(update_fields=["status", "started_at"])
    try:
        content = render_guide_pdf()
    except Exception as error:
        _pdf_failed(pdf, error)
        raise
    with transaction.atomic():
        pdf.file.save(f"handreiking-{pdf.pk}.pdf", ContentFile(content), save=False)
        pdf.status, pdf.finished_at, pdf.size = GuidePdf.Status.READY, timezone.now(), len(content)
        pdf.save(update_fields=["file", "status", "finished_at", "size"])
        audit.record(actor=None, action="guide_pdf.built", target=pdf, data={"bytes": pdf.size})
        transaction.on_commit(_remove_old_pdfs)
    return pdf


def _pdf_failed(pdf: GuidePdf, error: Exception) -> None:
    with transaction.atomic():
        pdf.status, pdf.finished_at, pdf.error = GuidePdf.Status.FAILED, timezone.now(), str(error)
        pdf.save(update_fields=["status", "finished_at", "error"])
        audit.record(
            actor=None,
            action="guide_pdf.built",
            target=pdf,
            result=AuditRecord.Result.FAILED,
            data={"fout": str(error)[:500]},
        )


def _remove_old_pdfs() -> None:
    """Keep the files of the newest few builds; older files are deleted, their rows stay."""
    ready = GuidePdf.objects.filter(status=GuidePdf.Status.READY).order_by("-finished_at", "-pk")
    for old in ready[KEEP_PDF_BUILDS:]:
        if old.file:
            old.file.delete(save=False)
        GuidePdf.objects.filter(pk=old.pk).update(status=GuidePdf.Status.REPLACED, file="")
