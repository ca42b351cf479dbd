"""Intake: applications for new proeftuinen, and information and printed-guide requests.

Personal fields and how long they are kept: ``inkoopkracht/data/retention_intake.csv`` (the
purge in ``services.purge_personal_data`` enforces it) and docs/intake.md.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from inkoopkracht.organisations.models import (
    Contact,
    LabourMarketRegion,
    Organisation,
    Province,
    phone_validator,
    region_errors,
)
from inkoopkracht.organisations.validators import validate_kvk, validate_oin
from inkoopkracht.partnerships.models import Partnership

TEXT_MAX = 2000  # the longest free text we accept in a public form


class Side(models.TextChoices):
    BUYER = "opdrachtgever", _("Opdrachtgever")
    SUPPLIER = "leverancier", _("Leverancier")

    @property
    def other(self) -> "Side":
        return Side.SUPPLIER if self == Side.BUYER else Side.BUYER

    @property
    def organisation_kind(self) -> str:
        return Organisation.Kind.BUYER if self == Side.BUYER else Organisation.Kind.SUPPLIER


class ApplicationQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Programme staff (team and coaches) see every application; nobody else sees any."""
        if not user.is_authenticated or not user.is_active or not user.is_programme_staff:
            return self.none()
        return self.all()

    def undecided(self):
        return self.filter(status__in=Application.OPEN_STATUSES)

    def with_overview(self):
        """What list pages show, in a fixed number of queries."""
        return self.select_related("owner", "labour_market_region", "partnership").prefetch_related(
            "parties"
        )

    def status_counts(self) -> dict[str, int]:
        """``{status: number}`` for every status, zero included."""
        counts = dict(self.order_by().values_list("status").annotate(n=Count("pk")))
        return {status: counts.get(status, 0) for status in Application.Status.values}

    def recent_duplicate(self, fingerprint: str, since):
        """An earlier application with the same organisations and contacts, sent after ``since``."""
        return (
            self.filter(fingerprint=fingerprint, submitted_at__gte=since)
            .order_by("-submitted_at")
            .first()
        )


class Application(ClusterableModel):
    """An application to become a proeftuin: a buyer and a supplier together, or one side alone."""

    class Kind(models.TextChoices):
        PAIR = "samen", _("Samen: opdrachtgever en leverancier")
        BUYER = "opdrachtgever", _("Opdrachtgever die een leverancier zoekt")
        SUPPLIER = "leverancier", _("Leverancier die een opdrachtgever zoekt")

    class Status(models.TextChoices):
        NEW = "nieuw", _("Nieuw")
        IN_CONTACT = "in_contact", _("In contact")
        INTAKE_PLANNED = "intake_gepland", _("Intakegesprek gepland")
        ACCEPTED = "geaccepteerd", _("Geaccepteerd")
        REJECTED = "afgewezen", _("Afgewezen")
        ON_HOLD = "on_hold", _("On hold")

    class ValueRange(models.TextChoices):
        UNKNOWN = "onbekend", _("Weet ik (nog) niet")
        UP_TO_250K = "tot_250k", _("Tot € 250.000")
        UP_TO_1M = "250k_1m", _("€ 250.000 tot € 1 miljoen")
        UP_TO_5M = "1m_5m", _("€ 1 miljoen tot € 5 miljoen")
        ABOVE_5M = "boven_5m", _("Meer dan € 5 miljoen")

    OPEN_STATUSES = (Status.NEW, Status.IN_CONTACT, Status.INTAKE_PLANNED, Status.ON_HOLD)
    DECIDED_STATUSES = (Status.ACCEPTED, Status.REJECTED)

    kind = models.CharField(_("aangemeld als"), max_length=20, choices=Kind.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEW, db_index=True
    )
    route = models.CharField(_("route"), max_length=30, choices=Partnership.Route.choices)
    work_sector = models.CharField(
        _("sector van het werk"), max_length=20, choices=Partnership.WorkSector.choices
    )
    work_description = models.TextField(_("het werk en het contract"), max_length=TEXT_MAX)
    value_range = models.CharField(
        _("waarde van het contract"),
        max_length=20,
        choices=ValueRange.choices,
        default=ValueRange.UNKNOWN,
    )
    contract_ends_on = models.DateField(_("einddatum van het contract"), null=True, blank=True)
    province = models.CharField(_("provincie"), max_length=20, choices=Province.choices)
    labour_market_region = models.ForeignKey(
        LabourMarketRegion,
        verbose_name=_("arbeidsmarktregio"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    ambition_jobs = models.DecimalField(
        _("ambitie (banen)"),
        max_digits=6,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.5")), MaxValueValidator(Decimal("10000"))],
    )
    ambition_date = models.DateField(_("ambitie te halen op"), null=True, blank=True)
    ambition = models.TextField(_("ambitie"), max_length=TEXT_MAX)
    motivation = models.TextField(_("motivatie"), max_length=TEXT_MAX)
    consent_at = models.DateTimeField(_("toestemming gegeven op"))
    submitted_at = models.DateTimeField(_("ontvangen op"), default=timezone.now, db_index=True)
    status_changed_at = models.DateTimeField(_("status sinds"), default=timezone.now)
    intake_on = models.DateField(_("datum intakegesprek"), null=True, blank=True)
    decided_on = models.DateField(_("besloten op"), null=True, blank=True)
    decision_reason = models.TextField(_("reden van het besluit"), blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("behandelaar"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_applications",
    )
    partnership = models.ForeignKey(
        Partnership,
        verbose_name=_("proeftuin"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="applications",
    )
    joined_with = models.ForeignKey(
        "self",
        verbose_name=_("samengevoegd met"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    fingerprint = models.CharField(max_length=64, db_index=True, editable=False)
    contacts_purged_at = models.DateTimeField(
        _("contactgegevens gewist op"), null=True, blank=True, editable=False
    )

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("aanmelding")
        verbose_name_plural = _("aanmeldingen")
        ordering = ["-submitted_at"]
        indexes = [models.Index(fields=["status", "submitted_at"])]

    def __str__(self):
        names = " en ".join(party.organisation_name for party in self.sorted_parties)
        return f"{self.reference} · {names}" if names else self.reference

    def clean(self):
        errors = {}
        if self.ambition_jobs is not None and not self.ambition_date:
            errors["ambition_date"] = _("Vul in wanneer u de ambitie wilt halen.")
        errors.update(region_errors(self.labour_market_region, self.province))
        if errors:
            raise ValidationError(errors)

    @property
    def reference(self) -> str:
        """The number the applicant sees in the confirmation: AM-00012."""
        return f"AM-{self.pk:05d}" if self.pk else "AM-nieuw"

    @property
    def sorted_parties(self) -> list["ApplicationParty"]:
        """Buyer first, then supplier (uses the prefetched parties)."""
        return sorted(self.parties.all(), key=lambda party: party.side != Side.BUYER)

    @property
    def sides(self) -> list[Side]:
        """The sides this application speaks for."""
        if self.kind == self.Kind.PAIR:
            return [Side.BUYER, Side.SUPPLIER]
        return [Side(self.kind)]

    @property
    def is_one_sided(self) -> bool:
        return self.kind != self.Kind.PAIR

    @property
    def is_decided(self) -> bool:
        return self.status in self.DECIDED_STATUSES

    @property
    def days_in_status(self) -> int:
        """Whole days since the application entered its current status."""
        return (timezone.localdate() - timezone.localdate(self.status_changed_at)).days

    @property
    def contact_emails(self) -> list[str]:
        return [party.contact_email for party in self.sorted_parties if party.contact_email]


class ApplicationParty(models.Model):
    """One organisation in an application, with the contact person who applied for it."""

    application = ParentalKey(Application, on_delete=models.CASCADE, related_name="parties")
    side = models.CharField(_("rol"), max_length=20, choices=Side.choices)
    organisation_name = models.CharField(_("naam van de organisatie"), max_length=200)
    kvk_number = models.CharField(
        _("KvK-nummer"), max_length=8, null=True, blank=True, validators=[validate_kvk]
    )
    oin = models.CharField(
        _("OIN"), max_length=20, null=True, blank=True, validators=[validate_oin]
    )
    subsector = models.CharField(
        _("soort overheidsorganisatie"),
        max_length=20,
        choices=Organisation.Subsector.choices,
        blank=True,
    )
    contact_name = models.CharField(_("naam contactpersoon"), max_length=150, blank=True)
    contact_job_title = models.CharField(_("functie"), max_length=150, blank=True)
    contact_email = models.EmailField(_("e-mailadres"), blank=True)
    contact_phone = models.CharField(
        _("telefoon"), max_length=20, blank=True, validators=[phone_validator]
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisatie in het register"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact = models.ForeignKey(
        Contact,
        verbose_name=_("contactpersoon in het register"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("organisatie in de aanmelding")
        verbose_name_plural = _("organisaties in de aanmelding")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "side"], name="application_party_once_per_side"
            )
        ]

    def __str__(self):
        return f"{self.organisation_name} ({self.get_side_display()})"

    def clean(self):
        if not self.kvk_number and not self.oin:
            raise ValidationError({"kvk_number": _("Vul een KvK-nummer of een OIN in.")})
        if self.side == Side.BUYER and not self.subsector:
            raise ValidationError({"subsector": _("Kies de soort overheidsorganisatie.")})

    @property
    def identifier(self) -> str:
        if self.kvk_number:
            return f"KvK {self.kvk_number}"
        return f"OIN {self.oin}" if self.oin else ""


class ApplicationNote(models.Model):
    """A note of the programme team on an application (a call, an agreement, a doubt)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="notes")
    text = models.TextField(_("notitie"), max_length=TEXT_MAX)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("notitie")
        verbose_name_plural = _("notities")
        ordering = ["-created_at"]

    def __str__(self):
        return self.text[:60]


class StaffOnlyQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Requests carry addresses: only the programme team sees them (not coaches)."""
        if not user.is_authenticated or not user.is_active or not user.is_team:
            return self.none()
        return self.all()


class InformationRequest(models.Model):
    """A question from the public about the programme, joining, or the guide."""

    class Topic(models.TextChoices):
        PROGRAMME = "programma", _("Het programma en de proeftuinen")
        JOINING = "meedoen", _("Meedoen als proeftuin")
        GUIDE = "handreiking", _("De handreiking")
        OTHER = "overig", _("Iets anders")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        ANSWERED = "beantwoord", _("Beantwoord")

    name = models.CharField(_("naam"), max_length=150)
    organisation = models.CharField(_("organisatie"), max_length=200, blank=True)
    email = models.EmailField(_("e-mailadres"))
    phone = models.CharField(_("telefoon"), max_length=20, blank=True, validators=[phone_validator])
    topic = models.CharField(_("onderwerp"), max_length=20, choices=Topic.choices)
    question = models.TextField(_("vraag"), max_length=TEXT_MAX)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    submitted_at = models.DateTimeField(_("ontvangen op"), default=timezone.now)
    answered_at = models.DateTimeField(_("beantwoord op"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("beantwoord door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = StaffOnlyQuerySet.as_manager()

    class Meta:
        verbose_name = _("informatieverzoek")
        verbose_name_plural = _("informatieverzoeken")
        ordering = ["-submitted_at"]

    def __str__(self):
        return f"{self.get_topic_display()} ({timezone.localdate(self.submitted_at):%d-%m-%Y})"


postal_code_validator = RegexValidator(
    r"^[1-9][0-9]{3} ?[A-Za-z]{2}$", _("Vul een postcode in zoals 1234 AB.")
)


class GuideOrder(models.Model):
    """An order for printed copies of the guide (handreiking), sent by post."""

    class Status(models.TextChoices):
        TO_SEND = "te_versturen", _("Te versturen")
        SENT = "verstuurd", _("Verstuurd")

    name = models.CharField(_("naam"), max_length=150, blank=True)
    organisation = models.CharField(_("organisatie"), max_length=200)
    email = models.EmailField(_("e-mailadres"), blank=True)
    copies = models.PositiveSmallIntegerField(_("aantal exemplaren"))
    street = models.CharField(_("straat en huisnummer"), max_length=200, blank=True)
    postal_code = models.CharField(
        _("postcode"), max_length=7, blank=True, validators=[postal_code_validator]
    )
    city = models.CharField(_("plaats"), max_length=100, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.TO_SEND, db_index=True
    )
    submitted_at = models.DateTimeField(_("ontvangen op"), default=timezone.now)
    sent_on = models.DateField(_("verstuurd op"), null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verstuurd door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    address_purged_at = models.DateTimeField(
        _("adres gewist op"), null=True, blank=True, editable=False
    )

    objects = StaffOnlyQuerySet.as_manager()

    class Meta:
        verbose_name = _("bestelling handreiking")
        verbose_name_plural = _("bestellingen handreiking")
        ordering = ["-submitted_at"]

    def __str__(self):
        return f"{self.organisation}: {self.copies} ×"

    def clean(self):
        if self.postal_code:
            compact = self.postal_code.replace(" ", "").upper()
            self.postal_code = f"{compact[:4]} {compact[4:]}"


class SubmissionAttempt(models.Model):
    """One public submission from a client address, kept only for the rate limit.

    The address is stored as a keyed hash (HMAC with the secret key), never in the clear, and
    rows are deleted once they fall out of the rate-limit window.
    """

    class Scope(models.TextChoices):
        APPLICATION = "aanmelding", _("Aanmelding")
        REQUEST = "aanvraag", _("Aanvraag")

    scope = models.CharField(max_length=20, choices=Scope.choices)
    client_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["scope", "client_hash", "created_at"])]

    def __str__(self):
        return f"{self.scope} {self.created_at:%Y-%m-%d %H:%M}"
