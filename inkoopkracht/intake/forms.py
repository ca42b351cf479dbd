"""Public forms: apply as a proeftuin, ask for information, order printed copies of the guide."""

from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from inkoopkracht.organisations.forms import NormalisedIdentifierField
from inkoopkracht.organisations.models import (
    LabourMarketRegion,
    Organisation,
    Province,
    phone_validator,
)
from inkoopkracht.partnerships.models import Partnership

from .models import TEXT_MAX, Application, GuideOrder, InformationRequest, Side
from .spam import SpamProtectedForm

PREFIX = {Side.BUYER: "buyer", Side.SUPPLIER: "supplier"}
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _consent_help():
    return format_html(
        '{} <a href="{}">{}</a>.',
        _("Wij gebruiken uw gegevens alleen hiervoor en bewaren ze niet langer dan nodig."),
        reverse_lazy("intake:privacy"),
        _("Lees hoe wij met uw gegevens omgaan"),
    )


consent_help = lazy(_consent_help, str)


def consent_field(label) -> forms.BooleanField:
    return forms.BooleanField(
        label=label,
        help_text=consent_help(),
        error_messages={
            "required": _("Geef toestemming; zonder toestemming kunnen wij niets met uw gegevens.")
        },
    )


class IdentifierField(NormalisedIdentifierField):
    """A KvK number (8 digits) or, when allowed, an OIN (20 digits), as people type it."""

    def __init__(self, *, allow_oin: bool, **kwargs):
        self.allow_oin = allow_oin
        super().__init__(max_length=30, **kwargs)

    def validate(self, value):
        super().validate(value)
        if not value:
            return
        if value.isdigit() and (len(value) == 8 or (self.allow_oin and len(value) == 20)):
            return
        if self.allow_oin:
            message = _(
                "Vul een KvK-nummer (8 cijfers, bijvoorbeeld 12345678) of een OIN (20 cijfers) in."
            )
        else:
            message = _("Vul een KvK-nummer in: precies 8 cijfers, bijvoorbeeld 12345678.")
        raise forms.ValidationError(message, code="invalid_identifier")


def split_identifier(value: str) -> tuple[str | None, str | None]:
    """``(kvk_number, oin)`` from a validated identifier."""
    return (value, None) if len(value) == 8 else (None, value)


@dataclass
class FieldGroup:
    """A fieldset of the application form: legend, a short hint and its fields."""

    key: str
    legend: str
    hint: str
    fields: list


def _party_fields(side: Side) -> dict[str, forms.Field]:
    who = side.label.lower()
    buyer = side == Side.BUYER
    fields = {
        "name": forms.CharField(
            label=_("Naam van de organisatie (%(side)s)") % {"side": who}, max_length=200
        ),
        "identifier": IdentifierField(
            allow_oin=buyer,
            label=_("KvK-nummer of OIN (%(side)s)") % {"side": who}
            if buyer
            else _("KvK-nummer (%(side)s)") % {"side": who},
            help_text=_("8 cijfers (KvK) of 20 cijfers (OIN).") if buyer else _("8 cijfers."),
        ),
    }
    if buyer:
        fields["subsector"] = forms.ChoiceField(
            label=_("Soort overheidsorganisatie"),
            choices=[("", _("Kies…")), *Organisation.Subsector.choices],
        )
    fields.update(
        {
            "contact_name": forms.CharField(
                label=_("Naam contactpersoon (%(side)s)") % {"side": who}, max_length=150
            ),
            "contact_job_title": forms.CharField(
                label=_("Functie contactpersoon (%(side)s)") % {"side": who},
                max_length=150,
                required=False,
                help_text=_("Bijvoorbeeld inkoper, contractmanager of HR-adviseur."),
            ),
            "contact_email": forms.EmailField(
                label=_("E-mailadres contactpersoon (%(side)s)") % {"side": who}, max_length=254
            ),
            "contact_phone": forms.CharField(
                label=_("Telefoonnummer contactpersoon (%(side)s)") % {"side": who},
                max_length=20,
                required=False,
                validators=[phone_validator],
            ),
        }
    )
    return {f"{PREFIX[side]}_{name}": field for name, field in fields.items()}


class ApplicationForm(SpamProtectedForm):
    """The public application. Built for one kind: only the sides that apply are asked."""

    route = forms.ChoiceField(
        label=_("Gaat het om een bestaand contract of een nieuwe aanbesteding?"),
        choices=Partnership.Route.choices,
        widget=forms.RadioSelect,
    )
    work_sector = forms.ChoiceField(
        label=_("Om wat voor werk gaat het?"),
        choices=[("", _("Kies…")), *Partnership.WorkSector.choices],
    )
    work_description = forms.CharField(
        label=_("Beschrijf het werk en het contract"),
        help_text=_("Bijvoorbeeld: schoonmaak van het gemeentehuis en vier wijkcentra."),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    value_range = forms.ChoiceField(
        label=_("Wat is de waarde van het contract (ongeveer)?"),
        choices=Application.ValueRange.choices,
        widget=forms.RadioSelect,
        initial=Application.ValueRange.UNKNOWN,
    )
    contract_ends_on = forms.DateField(
        label=_("Einddatum van het contract"),
        required=False,
        widget=DATE,
        help_text=_("Als u die weet. Bij een nieuwe aanbesteding: de verwachte einddatum."),
    )
    province = forms.ChoiceField(
        label=_("In welke provincie wordt het werk gedaan?"),
        choices=[("", _("Kies…")), *Province.choices],
    )
    labour_market_region = forms.ModelChoiceField(
        label=_("Arbeidsmarktregio"),
        queryset=LabourMarketRegion.objects.order_by("name"),
        required=False,
        empty_label=_("Weet ik niet"),
    )
    ambition_jobs = forms.DecimalField(
        label=_("Hoeveel extra banen wilt u samen realiseren?"),
        help_text=_("Banen van 25,5 uur per week. Een schatting is goed."),
        required=False,
        min_value=0.5,
        max_value=10000,
        decimal_places=1,
    )
    ambition_date = forms.DateField(
        label=_("Wanneer wilt u dat bereiken?"), required=False, widget=DATE
    )
    ambition = forms.CharField(
        label=_("Wat wilt u bereiken?"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    motivation = forms.CharField(
        label=_("Waarom wilt u meedoen?"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    consent = consent_field(
        _("Ik geef toestemming om de gegevens in dit formulier te gebruiken voor deze aanmelding.")
    )

    def __init__(self, data=None, *, kind: str, **kwargs):
        super().__init__(data, **kwargs)
        self.kind = Application.Kind(kind)
        for side in self.sides:
            self.fields.update(_party_fields(side))
        self.order_fields([*self._party_names(), *self.declared_fields])

    @property
    def sides(self) -> list[Side]:
        return Application(kind=self.kind).sides

    def _party_names(self) -> list[str]:
        return [name for side in self.sides for name in _party_fields(side)]

    def groups(self) -> list[FieldGroup]:
        """The fieldsets, in order, with their bound fields."""
        groups = [
            FieldGroup(
                key=PREFIX[side],
                legend=_("Opdrachtgever (overheidsorganisatie)")
                if side == Side.BUYER
                else _("Leverancier (bedrijf)"),
                hint="",
                fields=[self[name] for name in _party_fields(side)],
            )
            for side in self.sides
        ]
        names = {
            "werk": ["route", "work_sector", "work_description", "value_range", "contract_ends_on",
                     "province", "labour_market_region"],
            "ambitie": ["ambition_jobs", "ambition_date", "ambition", "motivation"],
        }  # fmt: skip
        groups.append(
            FieldGroup("werk", _("Het werk en het contract"), "", [self[n] for n in names["werk"]])
        )
        groups.append(
            FieldGroup(
                "ambitie", _("Ambitie en motivatie"), "", [self[n] for n in names["ambitie"]]
            )
        )
        return groups

    def clean(self):
        cleaned = super().clean()
        today = timezone.localdate()
        if cleaned.get("ambition_jobs") is not None and not cleaned.get("ambition_date"):
            self.add_error("ambition_date", _("Vul in wanneer u de ambitie wilt halen."))
        for name in ("ambition_date", "contract_ends_on"):
            if cleaned.get(name) and cleaned[name] <= today:
                self.add_error(name, _("Kies een datum in de toekomst."))
        region, province = cleaned.get("labour_market_region"), cleaned.get("province")
        if region and province and region.province != province:
            self.add_error(
                "labour_market_region",
                _("Deze arbeidsmarktregio ligt niet in de gekozen provincie."),
            )
        if self.kind == Application.Kind.PAIR:
            buyer, supplier = cleaned.get("buyer_identifier"), cleaned.get("supplier_identifier")
            if buyer and buyer == supplier:
                self.add_error(
                    "supplier_identifier",
                    _(
                        "Opdrachtgever en leverancier zijn twee organisaties met elk een eigen nummer."
                    ),
                )
        return cleaned

    def submission(self) -> dict:
        """The keyword arguments for ``services.submit_application``."""
        data = self.cleaned_data
        parties = []
        for side in self.sides:
            prefix = PREFIX[side]
            kvk, oin = split_identifier(data[f"{prefix}_identifier"])
            parties.append(
                {
                    "side": side,
                    "organisation_name": data[f"{prefix}_name"],
                    "kvk_number": kvk,
                    "oin": oin,
                    "subsector": data.get(f"{prefix}_subsector", ""),
                    "contact_name": data[f"{prefix}_contact_name"],
                    "contact_job_title": data[f"{prefix}_contact_job_title"],
                    "contact_email": data[f"{prefix}_contact_email"].strip().lower(),
                    "contact_phone": data[f"{prefix}_contact_phone"],
                }
            )
        fields = {
            name: data[name]
            for name in self.declared_fields
            if name not in ("consent", "website", "started")
        }
        return {"kind": self.kind, "parties": parties, **fields}


class KindForm(forms.Form):
    """Step one of the application: together, or one side looking for a partner."""

    als = forms.ChoiceField(
        label=_("Hoe meldt u zich aan?"),
        choices=Application.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies hoe u zich aanmeldt.")},
    )


class InformationRequestForm(SpamProtectedForm, forms.ModelForm):
    consent = consent_field(_("Ik geef toestemming om mijn gegevens te gebruiken voor mijn vraag."))

    class Meta:
        model = InformationRequest
        fields = ["name", "organisation", "email", "phone", "topic", "question"]
        labels = {"phone": _("Telefoonnummer"), "question": _("Uw vraag")}
        help_texts = {"phone": _("Als u liever gebeld wordt.")}
        widgets = {"topic": forms.RadioSelect, "question": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.fields["topic"].choices = InformationRequest.Topic.choices

    def submission(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class GuideOrderForm(SpamProtectedForm, forms.ModelForm):
    consent = consent_field(
        _("Ik geef toestemming om mijn naam en adres te gebruiken om de handreiking te sturen.")
    )

    class Meta:
        model = GuideOrder
        fields = ["name", "organisation", "email", "copies", "street", "postal_code", "city"]
        labels = {"email": _("E-mailadres (voor de bevestiging)")}
        help_texts = {"postal_code": _("Bijvoorbeeld 2511 AB. Wij versturen alleen in Nederland.")}

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        for name in ("name", "email", "street", "postal_code", "city"):
            self.fields[name].required = True
        maximum = settings.INTAKE_GUIDE_MAX_COPIES
        self.fields["copies"] = forms.IntegerField(
            label=self.fields["copies"].label,
            min_value=1,
            max_value=maximum,
            help_text=_("Hoogstens %(max)s exemplaren per bestelling.") % {"max": maximum},
        )
        self.initial.setdefault("copies", 1)

    def submission(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}
