"""The lessons register: what proeftuinen learn, moderated by the programme team, then public.

A lesson is a Wagtail snippet with drafts, revisions, locking and the moderation workflow, so
the team approves, edits or rejects it in the same workflow as the guide's pages. The proeftuin
it came from is always kept (the team can trace it); the public sees the proeftuin's name only
when the members allowed it.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from inkoopkracht.knowledge.validators import validate_no_bsn
from inkoopkracht.partnerships.models import Bottleneck, Partnership, Step

TITLE_MAX_LENGTH = 150
TEXT_MAX_LENGTH = 3000


class LessonQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def published(self):
        """What the public sees: published lessons only."""
        return self.filter(live=True)

    def visible_to(self, user):
        """Staff see every lesson; a member also the lessons they submitted; others published."""
        if user.is_authenticated and user.is_active:
            if user.is_programme_staff:
                return self.all()
            return self.filter(Q(live=True) | Q(submitted_by=user))
        return self.published()

    def with_display(self):
        """What lists show, in one query: step and proeftuin with its parties' names."""
        return self.select_related("step", "partnership__buyer", "partnership__supplier").order_by(
            "-first_published_at", "-pk"
        )


class Lesson(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    models.Model,
):
    """A lesson from a proeftuin: a bottleneck, a good practice or a tip, tied to a guide step."""

    class Kind(models.TextChoices):
        BOTTLENECK = "knelpunt", _("Knelpunt")
        GOOD_PRACTICE = "goede_praktijk", _("Goede praktijk")
        TIP = "tip", _("Tip")

    class Status(models.TextChoices):
        IN_REVIEW = "in_beoordeling", _("In beoordeling")
        PUBLISHED = "gepubliceerd", _("Gepubliceerd")
        REJECTED = "afgewezen", _("Afgewezen")
        WITHDRAWN = "ingetrokken", _("Niet meer gepubliceerd")

    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("titel"), max_length=TITLE_MAX_LENGTH)
    text = models.TextField(
        _("de les"),
        max_length=TEXT_MAX_LENGTH,
        validators=[validate_no_bsn],
        help_text=_(
            "Wat gebeurde er, wat werkte (niet) en wat zou u een andere proeftuin aanraden? "
            "Noem geen namen of andere gegevens van medewerkers."
        ),
    )
    step = models.ForeignKey(
        Step, verbose_name=_("stap"), on_delete=models.PROTECT, related_name="lessons"
    )
    sector = models.CharField(
        _("sector van het werk"), max_length=20, choices=Partnership.WorkSector.choices
    )
    route = models.CharField(_("route"), max_length=30, choices=Partnership.Route.choices)
    partnership = models.ForeignKey(
        Partnership,
        verbose_name=_("proeftuin"),
        on_delete=models.PROTECT,
        related_name="lessons",
        help_text=_("Waar de les vandaan komt; het programmateam ziet dit altijd."),
    )
    bottleneck = models.ForeignKey(
        Bottleneck,
        verbose_name=_("knelpunt in het register"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="lessons",
        help_text=_(
            "Het knelpunt uit het knelpuntenregister waar deze les over gaat (alleen voor het "
            "programmateam zichtbaar)."
        ),
    )
    name_partnership = models.BooleanField(
        _("de proeftuin mag genoemd worden"),
        default=False,
        help_text=_("Alleen dan staat de naam van de proeftuin bij de gepubliceerde les."),
    )
    status = models.CharField(
        _("moderatie"),
        max_length=20,
        choices=Status.choices,
        default=Status.IN_REVIEW,
        db_index=True,
    )
    rejection_reason = models.TextField(_("reden van afwijzing"), blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ingediend door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="submitted_lessons",
    )
    submitted_at = models.DateTimeField(_("ingediend op"), default=timezone.now)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("beoordeeld door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="moderated_lessons",
    )
    moderated_at = models.DateTimeField(_("beoordeeld op"), null=True, blank=True)

    objects = LessonQuerySet.as_manager()

    search_fields = [
        index.SearchField("title", boost=2),
        index.SearchField("text"),
        index.AutocompleteField("title"),
        index.FilterField("live"),
        index.FilterField("step"),
        index.FilterField("kind"),
        index.FilterField("sector"),
    ]

    class Meta:
        verbose_name = _("les")
        verbose_name_plural = _("lessen")
        ordering = ["-submitted_at", "-pk"]
        indexes = [models.Index(fields=["live", "step"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("knowledge:lesson", args=[self.pk])

    @property
    def public_source(self) -> str:
        """Who the public may see as the source: the proeftuin, or only its kind of work."""
        if self.name_partnership:
            return str(self.partnership)
        return _("Een proeftuin in de sector %(sector)s") % {"sector": self.get_sector_display()}

    def get_preview_template(self, request, mode_name):
        return "knowledge/lesson_preview.html"

    def get_preview_context(self, request, mode_name):
        return {"lesson": self, "request": request}
