"""The PDF of the whole guide: built in the background, each build a row, the newest ready one served."""

from datetime import timedelta

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# A build that has not finished after this long is considered lost (worker stopped).
STALE_AFTER = timedelta(minutes=15)


class GuidePdfQuerySet(models.QuerySet):
    def latest_ready(self):
        """The newest finished PDF, or None (one query)."""
        return self.filter(status=GuidePdf.Status.READY).order_by("-finished_at", "-pk").first()

    def waiting(self):
        """Builds that are queued and not yet started (a new request can join them)."""
        recent = timezone.now() - STALE_AFTER
        return self.filter(status=GuidePdf.Status.QUEUED, requested_at__gte=recent)

    def in_progress(self):
        recent = timezone.now() - STALE_AFTER
        return self.filter(
            status__in=[GuidePdf.Status.QUEUED, GuidePdf.Status.BUILDING],
            requested_at__gte=recent,
        )


class GuidePdf(models.Model):
    """One build of the guide as PDF (cover, contents, every step, page numbers)."""

    class Status(models.TextChoices):
        QUEUED = "in_wachtrij", _("In de wachtrij")
        BUILDING = "bezig", _("Wordt gemaakt")
        READY = "klaar", _("Klaar")
        FAILED = "mislukt", _("Mislukt")
        REPLACED = "vervangen", _("Vervangen door een nieuwere")

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.QUEUED
    )
    reason = models.CharField(_("aanleiding"), max_length=200, blank=True)
    requested_at = models.DateTimeField(_("aangevraagd op"), default=timezone.now)
    started_at = models.DateTimeField(_("begonnen op"), null=True, blank=True)
    finished_at = models.DateTimeField(_("klaar op"), null=True, blank=True)
    file = models.FileField(_("bestand"), upload_to="handreiking/", blank=True)
    size = models.PositiveIntegerField(_("grootte (bytes)"), default=0)
    error = models.TextField(_("foutmelding"), blank=True)

    objects = GuidePdfQuerySet.as_manager()

    class Meta:
        verbose_name = _("PDF van de handreiking")
        verbose_name_plural = _("PDF's van de handreiking")
        ordering = ["-requested_at", "-pk"]

    def __str__(self):
        when = self.finished_at or self.requested_at
        return f"{_('Handreiking')} {timezone.localtime(when):%Y-%m-%d %H:%M}"

    @property
    def filename(self) -> str:
        return "handreiking-partnership-en-inkoopkracht.pdf"
