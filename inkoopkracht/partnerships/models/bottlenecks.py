"""The bottlenecks register (knelpunten): what blocks proeftuinen, to solve or raise with BZK.

The register is for the programme team. A lesson shared about a bottleneck links to it from
the lessons side (``knowledge`` depends on ``partnerships``, never the reverse): see
docs/guidance.md, "Room for lessons".
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .core import Partnership, Step


class BottleneckQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The programme team (team and coaches) sees the register; members do not."""
        if not user.is_authenticated or not user.is_active or not user.is_programme_staff:
            return self.none()
        return self.all()

    def editable_by(self, user):
        """The team edits every bottleneck; a coach those they reported or that affect a
        proeftuin they coach."""
        if not user.is_authenticated or not user.is_active or not user.is_programme_staff:
            return self.none()
        if user.is_team:
            return self.all()
        coached = Partnership.objects.editable_by(user).values("pk")
        return self.filter(Q(reported_by=user) | Q(partnerships__in=coached)).distinct()


class Bottleneck(models.Model):
    """A bottleneck met by one or more proeftuinen: rules, funding, counting, recruitment..."""

    class Category(models.TextChoices):
        REGULATION = "regelgeving", _("Regelgeving")
        FUNDING = "financiering", _("Financiering")
        COUNTING = "telling", _("Telling")
        RECRUITMENT = "werving", _("Werving")
        SUPPORT = "begeleiding", _("Begeleiding")
        CONTRACT = "contract", _("Contract")
        OTHER = "overig", _("Overig")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        SIGNALLED = "gesignaleerd", _("Gemeld bij het ministerie")
        RESOLVED = "opgelost", _("Opgelost")
        CLOSED = "afgesloten", _("Afgesloten zonder oplossing")

    ACTIVE = (Status.OPEN, Status.SIGNALLED)

    title = models.CharField(_("knelpunt"), max_length=200)
    category = models.CharField(_("categorie"), max_length=20, choices=Category.choices)
    description = models.TextField(_("omschrijving"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    partnerships = models.ManyToManyField(
        Partnership, verbose_name=_("proeftuinen"), blank=True, related_name="bottlenecks"
    )
    step = models.ForeignKey(
        Step,
        verbose_name=_("stap"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("In welke stap van het stappenplan het knelpunt speelt (niet verplicht)."),
    )
    resolution = models.TextField(
        _("afhandeling"),
        blank=True,
        help_text=_("Wat er met het knelpunt is gedaan, of wat het ministerie heeft geantwoord."),
    )
    reported_on = models.DateField(_("gemeld op"))
    signalled_on = models.DateField(_("gemeld bij het ministerie op"), null=True, blank=True)
    resolved_on = models.DateField(_("afgehandeld op"), null=True, blank=True)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gemeld door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = BottleneckQuerySet.as_manager()

    class Meta:
        verbose_name = _("knelpunt")
        verbose_name_plural = _("knelpunten")
        ordering = ["-reported_on", "-pk"]
        indexes = [models.Index(fields=["category", "status"])]

    def __str__(self):
        return self.title

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE
