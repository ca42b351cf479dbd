"""The letter of intent (intentieverklaring) of a proeftuin and the commitments of both sides.

The shared ambition is not stored here: it lives on ``Partnership.ambition_jobs`` and
``ambition_date`` (the one source of truth). The letter's service writes it there; the
letter, its PDF and every other screen read it from the proeftuin.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from inkoopkracht.organisations.models import Contact
from inkoopkracht.partnerships.files import private_storage

from .core import Partnership, Side


def signed_letter_path(instance, filename: str) -> str:
    """A path the user does not choose: the proeftuin's number and a random name."""
    import uuid
    from pathlib import PurePath

    suffix = PurePath(filename).suffix.lower()
    return f"intentieverklaringen/{instance.partnership_id}/{uuid.uuid4().hex}{suffix}"


class LetterOfIntentQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The letters of the proeftuinen this user may see."""
        return self.filter(partnership__in=Partnership.objects.visible_to(user))


class LetterOfIntent(models.Model):
    """The intentieverklaring: commitments of both sides, contacts, roles and a review date."""

    class Status(models.TextChoices):
        DRAFT = "concept", _("Concept")
        SIGNED = "ondertekend", _("Ondertekend")

    partnership = models.OneToOneField(
        Partnership, on_delete=models.CASCADE, related_name="letter_of_intent"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    buyer_signatory = models.ForeignKey(
        Contact,
        verbose_name=_("ondertekenaar opdrachtgever"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    supplier_signatory = models.ForeignKey(
        Contact,
        verbose_name=_("ondertekenaar leverancier"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    buyer_contact = models.ForeignKey(
        Contact,
        verbose_name=_("contactpersoon opdrachtgever"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    supplier_contact = models.ForeignKey(
        Contact,
        verbose_name=_("contactpersoon leverancier"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    roles = models.TextField(
        _("rollen en taakverdeling"),
        blank=True,
        help_text=_("Wie doet wat: bijvoorbeeld de rol van het SW-bedrijf of de jobcoach."),
    )
    review_on = models.DateField(_("evaluatiedatum"))
    signed_on = models.DateField(_("ondertekend op"), null=True, blank=True)
    signed_file = models.FileField(
        _("ondertekende versie"),
        storage=private_storage,
        upload_to=signed_letter_path,
        max_length=200,
        blank=True,
    )
    signed_file_type = models.CharField(max_length=50, blank=True)
    signed_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = LetterOfIntentQuerySet.as_manager()

    class Meta:
        verbose_name = _("intentieverklaring")
        verbose_name_plural = _("intentieverklaringen")

    def __str__(self):
        return str(_("Intentieverklaring %(partnership)s") % {"partnership": self.partnership})

    @property
    def is_signed(self) -> bool:
        return self.status == self.Status.SIGNED


class CommitmentQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(letter__partnership__in=Partnership.objects.visible_to(user))


class Commitment(models.Model):
    """What one side commits to in the letter of intent; followed up with a status."""

    class Status(models.TextChoices):
        AGREED = "afgesproken", _("Afgesproken")
        IN_PROGRESS = "loopt", _("Loopt")
        FULFILLED = "nagekomen", _("Nagekomen")
        NOT_FULFILLED = "niet_nagekomen", _("Niet nagekomen")

    SIDES = [(Side.BUYER.value, Side.BUYER.label), (Side.SUPPLIER.value, Side.SUPPLIER.label)]

    letter = models.ForeignKey(LetterOfIntent, on_delete=models.CASCADE, related_name="commitments")
    side = models.CharField(_("kant"), max_length=20, choices=SIDES)
    code = models.SlugField(
        _("standaardtoezegging"),
        max_length=60,
        blank=True,
        help_text=_("De code uit data/loi_commitments.csv; leeg voor een eigen toezegging."),
    )
    text = models.CharField(_("toezegging"), max_length=300)
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    status = models.CharField(
        _("stand van zaken"), max_length=20, choices=Status.choices, default=Status.AGREED
    )
    status_note = models.TextField(_("toelichting"), blank=True)
    status_changed_on = models.DateField(_("bijgewerkt op"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CommitmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("toezegging")
        verbose_name_plural = _("toezeggingen")
        ordering = ["letter", "side", "position", "pk"]

    def __str__(self):
        return self.text
