"""Events (workshops, peer meetings), their speakers and materials, and registrations.

Times are aware datetimes, shown in Europe/Amsterdam. A registration holds a place while it is
confirmed or while a place is offered to it from the waiting list; the number of places held
never exceeds the capacity (``services.py`` locks the event row while it decides).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel

from inkoopkracht.lib.storage import private_storage
from inkoopkracht.organisations.models import Organisation
from inkoopkracht.partnerships.models import Cohort, Partnership, Step

# Slugs that are paths of their own under /bijeenkomsten/.
RESERVED_SLUGS = {"afgelopen", "agenda", "afmelden", "aanbod", "materiaal"}
MATERIAL_EXTENSIONS = ["pdf", "docx", "pptx", "xlsx", "odt", "odp", "ods", "txt"]


class Speaker(models.Model):
    """An ervaringsdeskundige who shares experience at events; often a member of a proeftuin."""

    name = models.CharField(_("naam"), max_length=150)
    job_title = models.CharField(_("functie"), max_length=150, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisatie"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="speakers",
    )
    organisation_name = models.CharField(
        _("organisatie (buiten Inkoopkracht)"),
        max_length=200,
        blank=True,
        help_text=_("Alleen invullen als de organisatie niet in Inkoopkracht staat."),
    )
    partnership = models.ForeignKey(
        Partnership,
        verbose_name=_("proeftuin"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="speakers",
        help_text=_("De proeftuin waarin de spreker zelf meedoet, als dat zo is."),
    )
    bio = models.TextField(_("korte introductie"), blank=True)
    email = models.EmailField(
        _("e-mailadres"), blank=True, help_text=_("Alleen zichtbaar voor het programmateam.")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("ervaringsdeskundige")
        verbose_name_plural = _("ervaringsdeskundigen")
        ordering = ["name"]

    def __str__(self):
        organisation = self.organisation_label
        return f"{self.name} ({organisation})" if organisation else self.name

    @property
    def organisation_label(self) -> str:
        return self.organisation.name if self.organisation_id else self.organisation_name

    def clean(self):
        errors = {}
        if self.organisation_id and self.organisation_name:
            errors["organisation_name"] = _(
                "Kies een organisatie óf vul een naam in, niet allebei."
            )
        if self.partnership_id:
            if not self.organisation_id:
                errors["organisation"] = _(
                    "Kies de organisatie waarmee de spreker in de proeftuin meedoet."
                )
            elif self.organisation_id not in self.partnership.organisation_ids:
                errors["partnership"] = _(
                    "%(organisation)s doet niet mee in deze proeftuin. Kies de proeftuin van de "
                    "organisatie van de spreker."
                ) % {"organisation": self.organisation.name}
        if errors:
            raise ValidationError(errors)


class EventQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Programme staff see every event (also drafts, to preview them). Everyone else sees
        published and cancelled events for everyone and for members; cohort events only
        members of a proeftuin of that cohort."""
        if user.is_authenticated and user.is_active and user.is_programme_staff:
            return self.all()
        shown = self.listed()
        open_to_all = Q(audience__in=[Event.Audience.PUBLIC, Event.Audience.MEMBERS])
        if not user.is_authenticated or not user.is_active:
            return shown.filter(open_to_all)
        cohorts = Partnership.objects.visible_to(user).values("cohort")
        return shown.filter(open_to_all | Q(audience=Event.Audience.COHORT, cohort__in=cohorts))

    def listed(self):
        """What the lists and the API show: published and cancelled events, no drafts."""
        return self.filter(status__in=[Event.Status.PUBLISHED, Event.Status.CANCELLED])

    def upcoming(self, now=None):
        return self.filter(ends_at__gt=now or timezone.now()).order_by("starts_at", "pk")

    def past(self, now=None):
        return self.filter(ends_at__lte=now or timezone.now()).order_by("-starts_at", "-pk")

    def with_counts(self):
        """Places held, people waiting and attendees, in the same query."""
        held = Q(registrations__status__in=Registration.HOLDING_PLACE)
        return self.annotate(
            places_held=Count("registrations", filter=held),
            waiting_count=Count(
                "registrations", filter=Q(registrations__status=Registration.Status.WAITING)
            ),
            attended_count=Count(
                "registrations",
                filter=Q(registrations__attendance=Registration.Attendance.ATTENDED),
            ),
        )

    def for_listing(self):
        return self.with_counts().select_related("cohort", "topic_step")


class Event(ClusterableModel):
    """A workshop or peer meeting of the programme, with a capacity and a waiting list."""

    class Kind(models.TextChoices):
        WORKSHOP = "workshop", _("Workshop")
        PEER_MEETING = "ervaringsdeskundigen", _("Bijeenkomst met ervaringsdeskundigen")
        INTERVISION = "intervisie", _("Intervisie")
        WEBINAR = "webinar", _("Webinar")
        KICK_OFF = "kick_off", _("Kick-off")

    class Audience(models.TextChoices):
        PUBLIC = "openbaar", _("Iedereen (ook gasten)")
        MEMBERS = "deelnemers", _("Alleen deelnemers van proeftuinen")
        COHORT = "cohort", _("Alleen deelnemers van één cohort")

    class Status(models.TextChoices):
        DRAFT = "concept", _("Concept")
        PUBLISHED = "gepubliceerd", _("Gepubliceerd")
        CANCELLED = "afgelast", _("Afgelast")

    kind = models.CharField(_("soort"), max_length=30, choices=Kind.choices)
    title = models.CharField(_("titel"), max_length=200)
    slug = models.SlugField(
        _("adres (slug)"),
        max_length=80,
        unique=True,
        blank=True,
        help_text=_("Leeg laten: dan wordt het gemaakt uit de titel en de datum."),
        error_messages={"unique": _("Er is al een bijeenkomst met dit adres.")},
    )
    summary = models.CharField(
        _("korte omschrijving"), max_length=300, help_text=_("Eén of twee zinnen voor de lijst.")
    )
    description = models.TextField(_("programma en toelichting"), blank=True)
    starts_at = models.DateTimeField(_("begint om"))
    ends_at = models.DateTimeField(_("eindigt om"))
    location = models.CharField(
        _("locatie"), max_length=300, blank=True, help_text=_("Naam en adres van de locatie.")
    )
    online_url = models.URLField(
        _("online link"), blank=True, help_text=_("Link voor deelname op afstand.")
    )
    capacity = models.PositiveIntegerField(_("aantal plaatsen"), validators=[MinValueValidator(1)])
    registration_deadline = models.DateTimeField(
        _("aanmelden kan tot"),
        null=True,
        blank=True,
        help_text=_("Leeg laten: aanmelden kan tot het begin."),
    )
    audience = models.CharField(
        _("voor wie"), max_length=20, choices=Audience.choices, default=Audience.PUBLIC
    )
    cohort = models.ForeignKey(
        Cohort,
        verbose_name=_("cohort"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
        help_text=_("Alleen bij ‘Alleen deelnemers van één cohort’."),
    )
    speakers = ParentalManyToManyField(
        Speaker, verbose_name=_("ervaringsdeskundigen"), blank=True, related_name="events"
    )
    topic_step = models.ForeignKey(
        Step,
        verbose_name=_("onderwerp: stap"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
        help_text=_("De stap van het stappenplan waar de bijeenkomst over gaat."),
    )
    topic_sector = models.CharField(
        _("onderwerp: sector"), max_length=20, choices=Partnership.WorkSector.choices, blank=True
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    minutes = models.TextField(
        _("verslag"), blank=True, help_text=_("Na afloop; gaat alleen naar wie aanwezig was.")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("bijeenkomst")
        verbose_name_plural = _("bijeenkomsten")
        ordering = ["-starts_at"]
        indexes = [models.Index(fields=["status", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="event_ends_after_start"
            ),
            models.CheckConstraint(condition=Q(capacity__gte=1), name="event_has_places"),
        ]

    def __str__(self):
        start = timezone.localtime(self.starts_at) if self.starts_at else None
        return f"{self.title} ({start:%d-%m-%Y})" if start else self.title

    def clean(self):
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("Het einde ligt niet na het begin.")
        if self.registration_deadline and self.starts_at:
            if self.registration_deadline > self.starts_at:
                errors["registration_deadline"] = _(
                    "De aanmeldtermijn sluit uiterlijk bij het begin van de bijeenkomst."
                )
        if not self.location and not self.online_url:
            errors["location"] = _("Vul een locatie of een online link in.")
        if self.kind == self.Kind.WEBINAR and not self.online_url:
            errors["online_url"] = _("Een webinar heeft een online link nodig.")
        if self.audience == self.Audience.COHORT and not self.cohort_id:
            errors["cohort"] = _("Kies het cohort voor wie de bijeenkomst is.")
        if self.audience != self.Audience.COHORT and self.cohort_id:
            errors["cohort"] = _("Een cohort kiest u alleen als de bijeenkomst voor één cohort is.")
        if self.slug in RESERVED_SLUGS:
            errors["slug"] = _("Dit adres is al in gebruik door de website. Kies een ander.")
        if errors:
            raise ValidationError(errors)

    @property
    def registration_closes_at(self):
        return self.registration_deadline or self.starts_at

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    def has_started(self, now=None) -> bool:
        return (now or timezone.now()) >= self.starts_at

    def has_ended(self, now=None) -> bool:
        return (now or timezone.now()) >= self.ends_at

    def registration_open(self, now=None) -> bool:
        return self.is_published and (now or timezone.now()) < self.registration_closes_at

    def places_left(self) -> int:
        """Free places (needs ``with_counts()``, else one query)."""
        held = getattr(self, "places_held", None)
        if held is None:
            held = self.registrations.filter(status__in=Registration.HOLDING_PLACE).count()
        return max(0, self.capacity - held)

    @property
    def check_in_open_on(self):
        """Attendance can be recorded from the (local) day of the event on."""
        return timezone.localdate(self.starts_at)


def material_path(instance, filename: str) -> str:
    return f"bijeenkomsten/materiaal/{instance.event_id or 'nieuw'}/{filename}"


class EventMaterial(models.Model):
    """A file handed out after an event (slides, handout); only attendees can download it."""

    event = ParentalKey(Event, on_delete=models.CASCADE, related_name="materials")
    title = models.CharField(_("titel"), max_length=200)
    file = models.FileField(
        _("bestand"),
        upload_to=material_path,
        storage=private_storage,
        validators=[FileExtensionValidator(MATERIAL_EXTENSIONS)],
        help_text=_("PDF, Word, PowerPoint, Excel, OpenDocument of tekst."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("materiaal")
        verbose_name_plural = _("materiaal")
        ordering = ["pk"]

    def __str__(self):
        return self.title


class RegistrationQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Staff see all; a member sees the registrations of their proeftuinen and their own."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_programme_staff:
            return self.all()
        partnerships = Partnership.objects.visible_to(user).values("pk")
        return self.filter(Q(partnership__in=partnerships) | Q(user=user))

    def active(self):
        return self.filter(status__in=Registration.ACTIVE)

    def holding_place(self):
        return self.filter(status__in=Registration.HOLDING_PLACE)

    def waiting_in_order(self):
        return self.filter(status=Registration.Status.WAITING).order_by("waitlisted_at", "pk")

    def guests(self):
        return self.filter(kind=Registration.Kind.GUEST)


class Registration(models.Model):
    """One person registered for one event: a member for their proeftuin, or a guest."""

    class Kind(models.TextChoices):
        MEMBER = "deelnemer", _("Deelnemer van een proeftuin")
        GUEST = "gast", _("Gast")

    class Status(models.TextChoices):
        CONFIRMED = "aangemeld", pgettext_lazy("aanmelding", "Aangemeld")
        WAITING = "wachtlijst", _("Op de wachtlijst")
        OFFERED = "aanbod", _("Plaats aangeboden")
        CANCELLED = "afgemeld", _("Afgemeld")
        EXPIRED = "verlopen", _("Aanbod verlopen")

    class Attendance(models.TextChoices):
        UNKNOWN = "onbekend", _("Nog niet geregistreerd")
        ATTENDED = "aanwezig", _("Aanwezig")
        NO_SHOW = "afwezig", _("Niet verschenen")

    class Side(models.TextChoices):
        BUYER = "opdrachtgever", _("Opdrachtgever")
        SUPPLIER = "leverancier", _("Leverancier")
        PARTY = "andere_partij", _("Andere partij")

    event = models.ForeignKey(
        Event, verbose_name=_("bijeenkomst"), on_delete=models.CASCADE, related_name="registrations"
    )
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    attendance = models.CharField(
        _("aanwezigheid"), max_length=20, choices=Attendance.choices, default=Attendance.UNKNOWN
    )
    name = models.CharField(_("naam"), max_length=150, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisatie"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="event_registrations",
    )
    organisation_name = models.CharField(_("organisatie (gast)"), max_length=200, blank=True)
    partnership = models.ForeignKey(
        Partnership,
        verbose_name=_("proeftuin"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="event_registrations",
    )
    side = models.CharField(_("kant"), max_length=20, choices=Side.choices, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_registrations",
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("aangemeld door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(
        pgettext_lazy("aanmelding", "aangemeld op"), auto_now_add=True
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    waitlisted_at = models.DateTimeField(null=True, blank=True)
    offered_at = models.DateTimeField(null=True, blank=True)
    offer_expires_at = models.DateTimeField(_("aanbod geldig tot"), null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    follow_up_sent_at = models.DateTimeField(null=True, blank=True)
    anonymised_at = models.DateTimeField(null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    ACTIVE = (Status.CONFIRMED, Status.WAITING, Status.OFFERED)
    HOLDING_PLACE = (Status.CONFIRMED, Status.OFFERED)

    class Meta:
        verbose_name = _("aanmelding")
        verbose_name_plural = _("aanmeldingen")
        ordering = ["event", "name"]
        indexes = [
            models.Index(fields=["event", "status"]),
            models.Index(fields=["status", "offer_expires_at"]),
            models.Index(fields=["partnership", "attendance"]),
        ]
        constraints = [
            # One active registration per person per event, also under concurrent requests.
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=Q(status__in=["aangemeld", "wachtlijst", "aanbod"]) & ~Q(email=""),
                name="registration_once_per_event",
                violation_error_message=_("Dit e-mailadres is al aangemeld voor deze bijeenkomst."),
            ),
            models.CheckConstraint(
                condition=Q(kind="gast") | Q(partnership__isnull=False),
                name="member_registration_has_partnership",
            ),
        ]

    def __str__(self):
        # No name: this text is kept in the audit log, longer than a guest's data.
        return _("Aanmelding %(number)s voor %(event)s") % {
            "number": self.pk,
            "event": self.event.title,
        }

    @property
    def organisation_label(self) -> str:
        return self.organisation.name if self.organisation_id else self.organisation_name

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE

    @property
    def holds_place(self) -> bool:
        return self.status in self.HOLDING_PLACE

    def waiting_position(self) -> int | None:
        """1 for the first on the waiting list; ``None`` when not waiting."""
        if self.status != self.Status.WAITING:
            return None
        earlier = Q(waitlisted_at__lt=self.waitlisted_at) | Q(
            waitlisted_at=self.waitlisted_at, pk__lte=self.pk
        )
        return Registration.objects.waiting_in_order().filter(earlier, event=self.event_id).count()

    def offer_is_open(self, now=None) -> bool:
        return (
            self.status == self.Status.OFFERED
            and self.offer_expires_at is not None
            and (now or timezone.now()) < self.offer_expires_at
        )


def side_of(partnership: Partnership, organisation_id: int) -> str:
    """The side an organisation takes in a proeftuin: buyer, supplier or further party."""
    if organisation_id == partnership.buyer_id:
        return Registration.Side.BUYER
    if organisation_id == partnership.supplier_id:
        return Registration.Side.SUPPLIER
    if organisation_id in partnership.organisation_ids:
        return Registration.Side.PARTY
    return ""
