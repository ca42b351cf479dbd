"""The coaching log of a proeftuin: sessions with the coach and the actions agreed in them.

A session's ``notes`` are for the programme team only: members see the date, the kind, who
attended and the agreements, never the notes (``CoachingSessionQuerySet.for_members``).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from inkoopkracht.organisations.models import Contact

from .agreement import Commitment
from .core import Partnership, PartnershipParty, Side


class CoachingSessionQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Sessions of the proeftuinen this user may see (members: without the notes)."""
        queryset = self.filter(partnership__in=Partnership.objects.visible_to(user))
        if not user.is_authenticated or not user.is_programme_staff:
            queryset = queryset.for_members()
        return queryset

    def for_members(self):
        """Every field but the notes: the notes never leave the database for a member."""
        return self.defer("notes")


class CoachingSession(models.Model):
    """A session of the coach with a proeftuin: kick-off, follow-up or evaluation."""

    class Kind(models.TextChoices):
        KICKOFF = "kick_off", _("Kick-off")
        FOLLOW_UP = "vervolgsessie", _("Vervolgsessie")
        EVALUATION = "evaluatie", _("Evaluatie")

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="coaching_sessions"
    )
    held_on = models.DateField(_("datum"))
    kind = models.CharField(_("soort sessie"), max_length=20, choices=Kind.choices)
    attendees = models.ManyToManyField(
        Contact, verbose_name=_("aanwezigen van de partijen"), blank=True, related_name="+"
    )
    coaches = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("aanwezig van het programmateam"),
        blank=True,
        related_name="+",
    )
    other_attendees = models.CharField(
        _("andere aanwezigen"),
        max_length=300,
        blank=True,
        help_text=_("Bijvoorbeeld een jobcoach of iemand van het werkgeversservicepunt."),
    )
    agreements = models.TextField(
        _("afspraken"),
        blank=True,
        help_text=_("Wat partijen hebben afgesproken. Deelnemers van de proeftuin zien dit."),
    )
    notes = models.TextField(
        _("notities van de begeleider"),
        blank=True,
        help_text=_("Alleen zichtbaar voor het programmateam, nooit voor de deelnemers."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CoachingSessionQuerySet.as_manager()

    class Meta:
        verbose_name = _("begeleidingssessie")
        verbose_name_plural = _("begeleidingssessies")
        ordering = ["-held_on", "-pk"]
        indexes = [models.Index(fields=["partnership", "-held_on"])]

    def __str__(self):
        return f"{self.get_kind_display()} {self.held_on:%d-%m-%Y}"


class ActionItemQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(partnership__in=Partnership.objects.visible_to(user))

    def open(self):
        return self.filter(status=ActionItem.Status.OPEN)

    def overdue(self, today):
        """Open actions whose due date has passed."""
        return self.open().filter(due_on__lt=today)

    def with_context(self):
        return self.select_related(
            "partnership__buyer",
            "partnership__supplier",
            "owner_party__organisation",
            "session",
            "commitment",
            "completed_by",
        )


class ActionItem(models.Model):
    """An action with an owner (a party of the proeftuin, or the programme team) and a due date."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        DONE = "afgerond", _("Afgerond")
        CANCELLED = "vervallen", _("Vervallen")

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="actions")
    description = models.CharField(_("actie"), max_length=300)
    owner_side = models.CharField(_("eigenaar"), max_length=20, choices=Side.choices)
    owner_party = models.ForeignKey(
        PartnershipParty,
        verbose_name=_("andere partij"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="actions",
    )
    due_on = models.DateField(_("uiterlijk op"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    session = models.ForeignKey(
        CoachingSession,
        verbose_name=_("afgesproken in sessie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="actions",
    )
    commitment = models.ForeignKey(
        Commitment,
        verbose_name=_("hoort bij toezegging"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="actions",
    )
    completed_on = models.DateField(_("afgerond op"), null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reminded_at = models.DateTimeField(_("herinnering verstuurd"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ActionItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("actie")
        verbose_name_plural = _("acties")
        ordering = ["status", "due_on", "pk"]
        indexes = [
            models.Index(fields=["partnership", "status", "due_on"]),
            models.Index(fields=["status", "due_on"]),
        ]

    def __str__(self):
        return self.description

    @property
    def owner_label(self) -> str:
        """The owner by name: the buyer's or supplier's name, the party, or the programme team."""
        if self.owner_side == Side.BUYER:
            return self.partnership.buyer.name
        if self.owner_side == Side.SUPPLIER:
            return self.partnership.supplier.name
        if self.owner_side == Side.PARTY:
            return self.owner_party.organisation.name if self.owner_party else str(Side.PARTY.label)
        return str(Side.PROGRAMME.label)

    def is_overdue(self, today) -> bool:
        return self.status == self.Status.OPEN and self.due_on < today
