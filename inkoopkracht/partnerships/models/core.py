"""Proeftuinen (partnerships), their contracts, parties, cohorts, steps, ambition and milestones."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel

from inkoopkracht.lib.constants import constant
from inkoopkracht.organisations.models import Organisation


class Side(models.TextChoices):
    """The side someone or something takes in a proeftuin (``access.member_sides``, action owners)."""

    BUYER = "buyer", _("Opdrachtgever")
    SUPPLIER = "supplier", _("Leverancier")
    PARTY = "party", _("Andere partij")
    PROGRAMME = "programme", _("Programmateam")


class Step(models.Model):
    """One step of the nine-step partnership plan (loaded from data/partnership_steps.csv)."""

    number = models.PositiveSmallIntegerField(_("stap"), primary_key=True)
    code = models.SlugField(unique=True)
    name_nl = models.CharField(_("naam"), max_length=100)
    name_en = models.CharField(_("naam (Engels)"), max_length=100)
    description_nl = models.TextField(_("wat er gebeurt"))
    description_en = models.TextField(_("wat er gebeurt (Engels)"))

    class Meta:
        verbose_name = _("stap")
        verbose_name_plural = _("stappen")
        ordering = ["number"]

    def __str__(self):
        return f"{self.number}. {self.name}"

    @property
    def name(self) -> str:
        return self.name_en if (get_language() or "nl").startswith("en") else self.name_nl

    @property
    def description(self) -> str:
        lang = get_language() or "nl"
        return self.description_en if lang.startswith("en") else self.description_nl


class Cohort(models.Model):
    """A group of proeftuinen that start together."""

    number = models.PositiveSmallIntegerField(_("nummer"), unique=True)
    name = models.CharField(_("naam"), max_length=100)
    starts_on = models.DateField(_("startdatum"))
    description = models.TextField(_("omschrijving"), blank=True)

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorten")
        ordering = ["number"]

    def __str__(self):
        return self.name


def _default_social_return_percentage():
    return constant("sroi_default_percentage")


cpv_validator = RegexValidator(
    r"^\d{8}-\d$",
    _("Een CPV-code heeft de vorm 12345678-9 (acht cijfers, streepje, controlecijfer)."),
)


class ContractQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Staff see all contracts; members the contracts of the proeftuinen they can see."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_programme_staff:
            return self.all()
        return self.filter(partnerships__in=Partnership.objects.visible_to(user)).distinct()


class Contract(models.Model):
    """A contract between a government buyer and a supplier, in which a proeftuin works."""

    buyer = models.ForeignKey(
        Organisation,
        verbose_name=_("opdrachtgever"),
        on_delete=models.PROTECT,
        related_name="contracts_as_buyer",
        limit_choices_to={"kind": Organisation.Kind.BUYER},
    )
    supplier = models.ForeignKey(
        Organisation,
        verbose_name=_("leverancier"),
        on_delete=models.PROTECT,
        related_name="contracts_as_supplier",
        limit_choices_to={"kind": Organisation.Kind.SUPPLIER},
    )
    title = models.CharField(_("titel"), max_length=200)
    reference = models.CharField(
        _("kenmerk"), max_length=60, help_text=_("Het contractnummer van de opdrachtgever.")
    )
    cpv_code = models.CharField(
        _("CPV-code"), max_length=10, blank=True, validators=[cpv_validator]
    )
    value_eur = models.DecimalField(
        _("waarde (euro)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
    )
    starts_on = models.DateField(_("ingangsdatum"))
    ends_on = models.DateField(_("einddatum"), null=True, blank=True)
    social_return_percentage = models.DecimalField(
        _("social return (%)"),
        max_digits=5,
        decimal_places=2,
        default=_default_social_return_percentage,
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))],
        help_text=_("Het percentage van de opdrachtwaarde voor social return (vaak 5%)."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ContractQuerySet.as_manager()

    class Meta:
        verbose_name = _("contract")
        verbose_name_plural = _("contracten")
        ordering = ["buyer__name", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["buyer", "reference"],
                name="contract_unique_reference_per_buyer",
                violation_error_message=_(
                    "Deze opdrachtgever heeft al een contract met dit kenmerk."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.reference})"

    def clean(self):
        errors = {}
        if self.buyer_id and self.buyer.kind != Organisation.Kind.BUYER:
            errors["buyer"] = _("De opdrachtgever van een contract is een overheidsopdrachtgever.")
        if self.supplier_id and self.supplier.kind != Organisation.Kind.SUPPLIER:
            errors["supplier"] = _("Kies een organisatie van het soort Leverancier.")
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("De einddatum ligt vóór de ingangsdatum.")
        if errors:
            raise ValidationError(errors)


class PartnershipQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Programme staff see all proeftuinen; members only those of their organisations."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_programme_staff:
            return self.all()
        organisations = Organisation.objects.of_member(user).values("pk")
        return self.filter(
            Q(buyer__in=organisations)
            | Q(supplier__in=organisations)
            | Q(parties__organisation__in=organisations)
        ).distinct()

    def editable_by(self, user):
        """The team edits every proeftuin; a coach edits the proeftuinen they coach."""
        if not user.is_authenticated or not user.is_active or not user.is_programme_staff:
            return self.none()
        if user.is_team:
            return self.all()
        return self.filter(coaches=user)

    def with_overview(self):
        """What list pages show, in a fixed number of queries."""
        return self.select_related("buyer", "supplier", "cohort", "current_step").prefetch_related(
            "coaches"
        )


class Partnership(ClusterableModel):
    """A proeftuin: one government buyer and one supplier working together on banenafspraak jobs."""

    class Route(models.TextChoices):
        EXISTING_CONTRACT = "bestaand_contract", _("Bestaand contract")
        NEW_TENDER = "nieuwe_aanbesteding", _("Nieuwe aanbesteding")

    class WorkSector(models.TextChoices):
        SCHOONMAAK = "schoonmaak", _("Schoonmaak")
        CATERING = "catering", _("Catering")
        BEVEILIGING = "beveiliging", _("Beveiliging")
        GROEN = "groen", _("Groen")
        FACILITAIR = "facilitair", _("Facilitair")
        ICT = "ict", _("ICT")
        OVERIG = "overig", _("Overig")

    class Status(models.TextChoices):
        APPLIED = "aangemeld", _("Aangemeld")
        ACTIVE = "actief", _("Actief")
        PAUSED = "gepauzeerd", _("Gepauzeerd")
        COMPLETED = "afgerond", _("Afgerond")
        STOPPED = "gestopt", _("Gestopt")

    name = models.CharField(
        _("naam"),
        max_length=200,
        blank=True,
        help_text=_("Leeg laten: dan wordt het ‘opdrachtgever en leverancier’."),
    )
    buyer = models.ForeignKey(
        Organisation,
        verbose_name=_("opdrachtgever"),
        on_delete=models.PROTECT,
        related_name="partnerships_as_buyer",
        limit_choices_to={"kind": Organisation.Kind.BUYER},
    )
    supplier = models.ForeignKey(
        Organisation,
        verbose_name=_("leverancier"),
        on_delete=models.PROTECT,
        related_name="partnerships_as_supplier",
        limit_choices_to={"kind": Organisation.Kind.SUPPLIER},
    )
    cohort = models.ForeignKey(
        Cohort, verbose_name=_("cohort"), on_delete=models.PROTECT, related_name="partnerships"
    )
    route = models.CharField(_("route"), max_length=30, choices=Route.choices)
    work_sector = models.CharField(
        _("sector van het werk"), max_length=20, choices=WorkSector.choices
    )
    current_step = models.ForeignKey(
        Step,
        verbose_name=_("huidige stap"),
        on_delete=models.PROTECT,
        default=1,
        related_name="partnerships",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.APPLIED, db_index=True
    )
    applied_on = models.DateField(_("aangemeld op"), null=True, blank=True)
    started_on = models.DateField(_("gestart op"), null=True, blank=True)
    ended_on = models.DateField(
        _("beëindigd op"), null=True, blank=True, help_text=_("Bij afgerond of gestopt.")
    )
    coaches = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("begeleiders"),
        blank=True,
        related_name="coached_partnerships",
    )
    contracts = ParentalManyToManyField(
        Contract, verbose_name=_("contracten"), blank=True, related_name="partnerships"
    )
    ambition_jobs = models.DecimalField(
        _("ambitie (banen)"),
        max_digits=7,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_(
            "Het aantal extra banen (van 25,5 uur per week) dat de proeftuin wil realiseren."
        ),
    )
    ambition_date = models.DateField(_("ambitie te halen op"), null=True, blank=True)
    baseline_jobs = models.DecimalField(
        _("nulmeting (banen)"),
        max_digits=7,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_("Banen voor de doelgroep in dit werk bij de start, in banen van 25,5 uur."),
    )
    baseline_date = models.DateField(_("datum nulmeting"), null=True, blank=True)
    summary = models.TextField(_("korte omschrijving"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PartnershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("proeftuin")
        verbose_name_plural = _("proeftuinen")
        ordering = ["cohort__number", "name"]
        indexes = [models.Index(fields=["cohort", "status"])]

    def __str__(self):
        return self.name or self.default_name()

    def default_name(self) -> str:
        if self.buyer_id and self.supplier_id:
            return f"{self.buyer.name} en {self.supplier.name}"
        return str(_("Nieuwe proeftuin"))

    def clean(self):
        errors = {}
        if self.buyer_id and self.buyer.kind != Organisation.Kind.BUYER:
            errors["buyer"] = _(
                "De opdrachtgever moet een overheidsopdrachtgever zijn (soort Overheidsopdrachtgever)."
            )
        if self.supplier_id and self.supplier.kind != Organisation.Kind.SUPPLIER:
            errors["supplier"] = _(
                "Kies als leverancier een organisatie van het soort Leverancier."
            )
        if self.started_on and self.ended_on and self.ended_on < self.started_on:
            errors["ended_on"] = _("De einddatum ligt vóór de startdatum.")
        if self.ambition_jobs is not None and not self.ambition_date:
            errors["ambition_date"] = _("Vul in wanneer de ambitie gehaald moet zijn.")
        if self.ambition_date and self.baseline_date and self.ambition_date <= self.baseline_date:
            errors["ambition_date"] = _("De ambitiedatum ligt niet na de nulmeting.")
        if errors:
            raise ValidationError(errors)
        if not self.name:
            self.name = self.default_name()

    def contract_errors(self, contracts) -> list[str]:
        """Messages for contracts that are not between this proeftuin's buyer and supplier."""
        messages = []
        for contract in contracts:
            if contract.buyer_id != self.buyer_id:
                messages.append(
                    _("Contract ‘%(contract)s’ is van een andere opdrachtgever.")
                    % {"contract": contract}
                )
            elif contract.supplier_id != self.supplier_id:
                messages.append(
                    _("Contract ‘%(contract)s’ is met een andere leverancier.")
                    % {"contract": contract}
                )
        return messages

    @property
    def organisation_ids(self) -> set[int]:
        """Every organisation taking part: buyer, supplier and further parties."""
        ids = {self.buyer_id, self.supplier_id}
        ids.update(party.organisation_id for party in self.parties.all())
        return ids


class PartnershipParty(models.Model):
    """A further party in a proeftuin (SW-bedrijf, werkgeversservicepunt, social enterprise)."""

    class Role(models.TextChoices):
        SW_COMPANY = "sw_bedrijf", _("SW-bedrijf")
        EMPLOYER_SERVICE_POINT = "werkgeversservicepunt", _("Werkgeversservicepunt")
        SOCIAL_ENTERPRISE = "sociale_onderneming", _("Sociale onderneming")
        SUBCONTRACTOR = "onderaannemer", _("Onderaannemer")
        MUNICIPALITY = "gemeente", _("Gemeente (werk en inkomen)")
        JOB_COACHING = "jobcoaching", _("Jobcoachorganisatie")
        OTHER = "overig", _("Overig")

    partnership = ParentalKey(Partnership, on_delete=models.CASCADE, related_name="parties")
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        related_name="partnership_roles",
    )
    role = models.CharField(_("rol"), max_length=30, choices=Role.choices)
    note = models.CharField(_("toelichting"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("andere partij")
        verbose_name_plural = _("andere partijen")
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "organisation"],
                name="party_once_per_partnership",
                violation_error_message=_("Deze organisatie is al partij in deze proeftuin."),
            )
        ]

    def __str__(self):
        return f"{self.organisation} ({self.get_role_display()})"


class Milestone(models.Model):
    """An intermediate point of the ambition: this many banen by this date."""

    partnership = ParentalKey(Partnership, on_delete=models.CASCADE, related_name="milestones")
    due_on = models.DateField(_("datum"))
    jobs = models.DecimalField(
        _("banen"), max_digits=7, decimal_places=1, validators=[MinValueValidator(Decimal("0"))]
    )
    note = models.CharField(_("toelichting"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("mijlpaal")
        verbose_name_plural = _("mijlpalen")
        ordering = ["due_on"]

    def __str__(self):
        return f"{self.jobs} banen op {self.due_on:%d-%m-%Y}"


class StatusChange(models.Model):
    """History of a proeftuin's status: which status from which date, set by whom."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="status_changes"
    )
    status = models.CharField(_("status"), max_length=20, choices=Partnership.Status.choices)
    on = models.DateField(_("datum"))
    reason = models.CharField(_("reden"), max_length=300, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("statuswijziging")
        verbose_name_plural = _("statuswijzigingen")
        ordering = ["-on", "-created_at"]

    def __str__(self):
        return f"{self.get_status_display()} ({self.on:%d-%m-%Y})"


class StepChange(models.Model):
    """History of a proeftuin's current step: which step from which date, set by whom."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="step_changes"
    )
    step = models.ForeignKey(Step, on_delete=models.PROTECT, related_name="+")
    on = models.DateField(_("datum"))
    reason = models.CharField(_("toelichting"), max_length=300, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("stapwijziging")
        verbose_name_plural = _("stapwijzigingen")
        ordering = ["-on", "-created_at"]

    def __str__(self):
        return f"{self.step} ({self.on:%d-%m-%Y})"
