"""Organisations (buyers, suppliers, other parties), their contacts and labour-market regions."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from .validators import normalise_identifier, validate_kvk, validate_oin


class Province(models.TextChoices):
    GRONINGEN = "groningen", "Groningen"
    FRIESLAND = "friesland", "Fryslân"
    DRENTHE = "drenthe", "Drenthe"
    OVERIJSSEL = "overijssel", "Overijssel"
    FLEVOLAND = "flevoland", "Flevoland"
    GELDERLAND = "gelderland", "Gelderland"
    UTRECHT = "utrecht", "Utrecht"
    NOORD_HOLLAND = "noord_holland", "Noord-Holland"
    ZUID_HOLLAND = "zuid_holland", "Zuid-Holland"
    ZEELAND = "zeeland", "Zeeland"
    NOORD_BRABANT = "noord_brabant", "Noord-Brabant"
    LIMBURG = "limburg", "Limburg"


class LabourMarketRegion(models.Model):
    """One of the 35 arbeidsmarktregio's (loaded from data/arbeidsmarktregios.csv)."""

    code = models.SlugField(primary_key=True, max_length=40)
    name = models.CharField(_("naam"), max_length=80)
    province = models.CharField(_("provincie"), max_length=20, choices=Province.choices)

    class Meta:
        verbose_name = _("arbeidsmarktregio")
        verbose_name_plural = _("arbeidsmarktregio's")
        ordering = ["name"]

    def __str__(self):
        return self.name


def region_errors(region: LabourMarketRegion | None, province: str) -> dict:
    """``{"labour_market_region": message}`` when the region lies outside the province."""
    if region is not None and province and region.province != province:
        return {
            "labour_market_region": _("Deze arbeidsmarktregio ligt niet in de gekozen provincie.")
        }
    return {}


class OrganisationQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Programme staff see all organisations; members only their own."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_programme_staff:
            return self.all()
        return self.filter(contacts__user=user).distinct()

    def of_member(self, user):
        """The organisations a user is a member of (through a contact linked to the account)."""
        return self.filter(contacts__user=user).distinct()

    def buyers(self):
        return self.filter(kind=Organisation.Kind.BUYER)

    def suppliers(self):
        return self.filter(kind=Organisation.Kind.SUPPLIER)


class Organisation(ClusterableModel):
    """A government buyer, a supplier, or another party (SW-bedrijf, WSP, social enterprise)."""

    class Kind(models.TextChoices):
        BUYER = "opdrachtgever", _("Overheidsopdrachtgever")
        SUPPLIER = "leverancier", _("Leverancier")
        SW_COMPANY = "sw_bedrijf", _("SW-bedrijf")
        EMPLOYER_SERVICE_POINT = "werkgeversservicepunt", _("Werkgeversservicepunt")
        SOCIAL_ENTERPRISE = "sociale_onderneming", _("Sociale onderneming")
        OTHER = "overig", _("Andere partij")

    class Sector(models.TextChoices):
        OVERHEID = "overheid", _("Overheid")
        MARKT = "markt", _("Markt")

    class Subsector(models.TextChoices):
        RIJK = "rijk", _("Rijk")
        GEMEENTE = "gemeente", _("Gemeente")
        PROVINCIE = "provincie", _("Provincie")
        WATERSCHAP = "waterschap", _("Waterschap")
        ONDERWIJS = "onderwijs", _("Onderwijs")
        POLITIE = "politie", _("Politie")
        DEFENSIE = "defensie", _("Defensie")
        ZORG = "zorg", _("Zorg")
        OVERIG = "overig", _("Overig")

    name = models.CharField(_("naam"), max_length=200)
    kind = models.CharField(_("soort"), max_length=30, choices=Kind.choices)
    sector = models.CharField(_("sector"), max_length=10, choices=Sector.choices)
    subsector = models.CharField(
        _("subsector"), max_length=20, choices=Subsector.choices, blank=True
    )
    kvk_number = models.CharField(
        _("KvK-nummer"),
        max_length=8,
        unique=True,
        null=True,
        blank=True,
        validators=[validate_kvk],
        error_messages={"unique": _("Er is al een organisatie met dit KvK-nummer.")},
    )
    oin = models.CharField(
        _("OIN"),
        max_length=20,
        unique=True,
        null=True,
        blank=True,
        validators=[validate_oin],
        help_text=_("Organisatie-identificatienummer (20 cijfers), voor overheidsorganisaties."),
        error_messages={"unique": _("Er is al een organisatie met dit OIN.")},
    )
    province = models.CharField(_("provincie"), max_length=20, choices=Province.choices, blank=True)
    labour_market_region = models.ForeignKey(
        LabourMarketRegion,
        verbose_name=_("arbeidsmarktregio"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organisations",
    )
    website = models.URLField(_("website"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ["name"]
        indexes = [models.Index(fields=["kind", "name"])]

    def __str__(self):
        return self.name

    def clean(self):
        self.kvk_number = normalise_identifier(self.kvk_number)
        self.oin = normalise_identifier(self.oin)
        errors = {}
        if not self.kvk_number and not self.oin:
            errors["kvk_number"] = _("Vul een KvK-nummer of een OIN in.")
        if self.kind == self.Kind.BUYER and self.sector != self.Sector.OVERHEID:
            errors["sector"] = _(
                "Een opdrachtgever in een proeftuin is een overheidsorganisatie: kies sector Overheid."
            )
        if self.sector == self.Sector.OVERHEID and not self.subsector:
            errors["subsector"] = _("Kies de subsector van deze overheidsorganisatie.")
        errors.update(region_errors(self.labour_market_region, self.province))
        if errors:
            raise ValidationError(errors)

    @property
    def is_buyer(self) -> bool:
        return self.kind == self.Kind.BUYER

    @property
    def identifier(self) -> str:
        """The identifier shown next to the name: KvK, else OIN."""
        if self.kvk_number:
            return f"KvK {self.kvk_number}"
        return f"OIN {self.oin}" if self.oin else ""


phone_validator = RegexValidator(
    r"^\+?[0-9 ()\-]{8,20}$",
    _("Vul een telefoonnummer in met cijfers, bijvoorbeeld 070 123 45 67 of +31 70 123 45 67."),
)


class ContactQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Programme staff see all contacts; members the contacts of their own organisations."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_programme_staff:
            return self.all()
        return self.filter(organisation__contacts__user=user).distinct()


class Contact(models.Model):
    """A contact person of an organisation; linked to a user account once invited to log in."""

    organisation = ParentalKey(
        Organisation,
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="contacts",
    )
    name = models.CharField(_("naam"), max_length=150)
    job_title = models.CharField(
        _("rol of functie"),
        max_length=150,
        blank=True,
        help_text=_("Bijvoorbeeld inkoper, contractmanager of HR-adviseur."),
    )
    email = models.EmailField(_("e-mailadres"))
    phone = models.CharField(_("telefoon"), max_length=20, blank=True, validators=[phone_validator])
    is_primary = models.BooleanField(_("eerste aanspreekpunt"), default=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contacts",
        help_text=_("Het account waarmee deze persoon inlogt in Mijn proeftuin."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ContactQuerySet.as_manager()

    class Meta:
        verbose_name = _("contactpersoon")
        verbose_name_plural = _("contactpersonen")
        ordering = ["organisation__name", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "email"],
                name="contact_unique_email_per_organisation",
                violation_error_message=_(
                    "Deze organisatie heeft al een contactpersoon met dit e-mailadres."
                ),
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.organisation})"

    def clean(self):
        if self.email:
            self.email = self.email.strip().lower()

    @property
    def has_account(self) -> bool:
        return self.user_id is not None
