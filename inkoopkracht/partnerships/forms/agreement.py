"""Forms of the letter of intent: the letter itself, its signature, following up a commitment."""

from decimal import Decimal

from django import forms
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from inkoopkracht.lib.constants import constant
from inkoopkracht.organisations.models import Contact
from inkoopkracht.partnerships.models import Commitment, LetterOfIntent, Side
from inkoopkracht.partnerships.reference import standard_commitments_of
from inkoopkracht.partnerships.services.agreement import MISSING_COMMITMENT

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class LetterForm(forms.Form):
    """Filled in at the kick-off. The ambition is saved on the proeftuin itself."""

    ambition_jobs = forms.DecimalField(
        label=_("Ambitie: aantal extra banen"),
        max_digits=7,
        decimal_places=1,
        min_value=Decimal("0.1"),
        error_messages={
            "required": _(
                "Vul de gedeelde ambitie in: hoeveel extra banen de proeftuin wil realiseren."
            ),
            "min_value": _("De ambitie is meer dan nul banen."),
        },
    )
    ambition_date = forms.DateField(
        label=_("Ambitie te halen op"),
        widget=DATE,
        error_messages={"required": _("Vul in wanneer de ambitie gehaald moet zijn.")},
    )
    buyer_standard = forms.MultipleChoiceField(
        label=_("Toezeggingen van de opdrachtgever"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    buyer_other = forms.CharField(
        label=_("Andere toezeggingen van de opdrachtgever"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Eén toezegging per regel."),
    )
    supplier_standard = forms.MultipleChoiceField(
        label=_("Toezeggingen van de leverancier"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    supplier_other = forms.CharField(
        label=_("Andere toezeggingen van de leverancier"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Eén toezegging per regel."),
    )
    buyer_signatory = forms.ModelChoiceField(
        label=_("Ondertekenaar namens de opdrachtgever"), queryset=Contact.objects.none()
    )
    buyer_contact = forms.ModelChoiceField(
        label=_("Contactpersoon van de opdrachtgever"), queryset=Contact.objects.none()
    )
    supplier_signatory = forms.ModelChoiceField(
        label=_("Ondertekenaar namens de leverancier"), queryset=Contact.objects.none()
    )
    supplier_contact = forms.ModelChoiceField(
        label=_("Contactpersoon van de leverancier"), queryset=Contact.objects.none()
    )
    roles = forms.CharField(
        label=_("Rollen en taakverdeling"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Wie doet wat: bijvoorbeeld de rol van het SW-bedrijf of de jobcoach."),
    )
    review_on = forms.DateField(
        label=_("Evaluatiedatum"),
        widget=DATE,
        error_messages={"required": _("Vul een evaluatiedatum in.")},
        help_text=_("Wanneer partijen samen met de begeleider terugkijken en bijsturen."),
    )

    # Errors of the service, by its argument name, shown at these fields.
    service_fields = {
        "buyer_commitments": "buyer_standard",
        "supplier_commitments": "supplier_standard",
    }

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.partnership = partnership
        hours = constant("hours_per_job_per_week")
        self.fields["ambition_jobs"].help_text = _(
            "In banen van %(hours)s uur per week, bovenop de nulmeting."
        ) % {"hours": number_format(hours)}
        for side, organisation in (
            (Side.BUYER, partnership.buyer),
            (Side.SUPPLIER, partnership.supplier),
        ):
            self.fields[f"{side}_standard"].choices = [
                (row.code, row.text) for row in standard_commitments_of(side)
            ]
            contacts = Contact.objects.filter(organisation=organisation).order_by("name")
            for role in ("signatory", "contact"):
                field = self.fields[f"{side}_{role}"]
                field.queryset = contacts
                field.error_messages["required"] = _(
                    "Kies een contactpersoon van %(organisation)s."
                ) % {"organisation": organisation}
                if not contacts:
                    field.help_text = _(
                        "%(organisation)s heeft nog geen contactpersonen: voeg ze toe in het beheer."
                    ) % {"organisation": organisation}

    @staticmethod
    def initial_for(partnership, letter: LetterOfIntent | None) -> dict:
        initial = {
            "ambition_jobs": partnership.ambition_jobs,
            "ambition_date": partnership.ambition_date,
        }
        if letter is None:
            return initial
        commitments = list(letter.commitments.all())
        for side in (Side.BUYER, Side.SUPPLIER):
            own = [c for c in commitments if c.side == side]
            initial[f"{side}_standard"] = [c.code for c in own if c.code]
            initial[f"{side}_other"] = "\n".join(c.text for c in own if not c.code)
        for name in ("buyer_signatory", "buyer_contact", "supplier_signatory", "supplier_contact"):
            initial[name] = getattr(letter, f"{name}_id")
        initial.update(roles=letter.roles, review_on=letter.review_on)
        return initial

    def commitments_of(self, side: str) -> list[tuple[str, str]]:
        texts = {row.code: row.text for row in standard_commitments_of(side)}
        chosen = [(code, texts[code]) for code in self.cleaned_data.get(f"{side}_standard", [])]
        other = self.cleaned_data.get(f"{side}_other", "")
        return chosen + [("", line.strip()) for line in other.splitlines() if line.strip()]

    def clean(self):
        cleaned = super().clean()
        for side in (Side.BUYER, Side.SUPPLIER):
            if f"{side}_standard" in cleaned and not self.commitments_of(side):
                self.add_error(f"{side}_standard", MISSING_COMMITMENT[side])
        return cleaned

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "ambition_jobs": data["ambition_jobs"],
            "ambition_date": data["ambition_date"],
            "review_on": data["review_on"],
            "buyer_signatory": data["buyer_signatory"],
            "supplier_signatory": data["supplier_signatory"],
            "buyer_contact": data["buyer_contact"],
            "supplier_contact": data["supplier_contact"],
            "buyer_commitments": self.commitments_of(Side.BUYER),
            "supplier_commitments": self.commitments_of(Side.SUPPLIER),
            "roles": data["roles"],
        }


class SignatureForm(forms.Form):
    signed_on = forms.DateField(
        label=_("Ondertekend op"),
        widget=DATE,
        error_messages={
            "required": _("Vul de datum in waarop de intentieverklaring is ondertekend.")
        },
    )
    signed_file = forms.FileField(
        label=_("Ondertekende intentieverklaring"),
        help_text=_("Een PDF, PNG of JPEG van de versie met beide handtekeningen."),
        error_messages={"required": _("Upload de ondertekende intentieverklaring.")},
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg"}),
    )


class CommitmentForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Stand van zaken"), choices=Commitment.Status.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
