"""Audit records (BIO 8.15.01: action, object, result, origin, actor, timestamp)."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditRecordQuerySet(models.QuerySet):
    def for_object(self, obj):
        """Records about one object, newest first."""
        return self.filter(
            target_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
            target_id=str(obj.pk),
        ).order_by("-created_at", "-pk")

    def reads(self):
        return self.filter(kind=AuditRecord.Kind.READ)


class AuditRecord(models.Model):
    """One write or one read of sensitive data, recorded by a service (append-only)."""

    class Kind(models.TextChoices):
        WRITE = "write", _("Wijziging")
        READ = "read", _("Inzage")

    class Result(models.TextChoices):
        SUCCESS = "success", _("Gelukt")
        DENIED = "denied", _("Geweigerd")
        FAILED = "failed", _("Mislukt")

    created_at = models.DateTimeField(_("tijdstip"), auto_now_add=True, db_index=True)
    kind = models.CharField(_("soort"), max_length=10, choices=Kind.choices, default=Kind.WRITE)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_repr = models.CharField(_("door (bij het vastleggen)"), max_length=254, blank=True)
    action = models.CharField(_("actie"), max_length=100, db_index=True)
    target_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    target_id = models.CharField(max_length=64, blank=True)
    target_repr = models.CharField(_("object"), max_length=255, blank=True)
    result = models.CharField(
        _("resultaat"), max_length=10, choices=Result.choices, default=Result.SUCCESS
    )
    origin = models.CharField(_("herkomst"), max_length=64, blank=True)
    purpose = models.CharField(_("doel"), max_length=100, blank=True)
    data = models.JSONField(_("gegevens"), default=dict, blank=True)

    objects = AuditRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("auditregel")
        verbose_name_plural = _("auditlog")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["target_type", "target_id", "-created_at"])]

    def __str__(self):
        return (
            f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_repr} {self.action} {self.target_repr}"
        )

    @property
    def action_label(self) -> str:
        from .labels import label_for

        return label_for(self.action)

    @property
    def details(self) -> str:
        """The changed fields or the change itself, for the history list."""
        if "fields" in self.data:
            return ", ".join(self.data["fields"])
        return ", ".join(f"{k}: {v}" for k, v in self.data.items())
