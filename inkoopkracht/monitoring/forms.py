"""Forms of Mijn proeftuin's monitoring pages (rendered with the accessible field template)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from inkoopkracht.organisations.models import Organisation
from inkoopkracht.partnerships.models import Cohort, Partnership, Step

from .access import parties
from .glidepath import Rag
from .models import Placement
from .periods import Period, PeriodError
from .validators import validate_hours_per_week


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class PlacementForm(forms.ModelForm):
    """Add or change a placement; employer, hirer and contracts are limited to the proeftuin."""

    hours_per_week = forms.DecimalField(
        label=_("Uren per week"),
        max_digits=4,
        decimal_places=2,
        help_text=_("Betaalde uren per week. Een baan is 25,5 uur per week."),
        localize=True,
    )

    class Meta:
        model = Placement
        fields = [
            "reference",
            "job_title",
            "employer",
            "employment_type",
            "hirer",
            "starts_on",
            "ends_on",
            "permanent_since",
            "register_confirmed_on",
            "origin",
            "contracts",
        ]
        widgets = {
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "permanent_since": DateInput(),
            "register_confirmed_on": DateInput(),
            "contracts": forms.CheckboxSelectMultiple(),
        }

    def __init__(self, *args, partnership: Partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.partnership = partnership
        organisations = Organisation.objects.filter(pk__in=[o.pk for o in parties(partnership)])
        self.fields["employer"].queryset = organisations
        self.fields["employer"].initial = partnership.supplier_id
        self.fields["hirer"].queryset = organisations
        self.fields["hirer"].required = False
        self.fields["contracts"].queryset = partnership.contracts.all()
        self.fields["hours_per_week"].validators.append(validate_hours_per_week)
        self.instance.partnership = partnership
        if self.instance.pk:
            del self.fields["hours_per_week"]  # hours change with a date: see HoursForm
        self.fields["hirer"].help_text = _(
            "Alleen bij detachering en uitzendwerk. Leeg: de leverancier, of de opdrachtgever "
            "als de leverancier zelf detacheert."
        )


class HoursForm(forms.Form):
    hours_per_week = forms.DecimalField(
        label=_("Nieuwe uren per week"),
        max_digits=4,
        decimal_places=2,
        localize=True,
    )
    starting = forms.DateField(label=_("Gaan in op"), widget=DateInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["hours_per_week"].validators.append(validate_hours_per_week)


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Bestand met plaatsingen"),
        help_text=_("CSV (met ; of , als scheidingsteken) of Excel (.xlsx) volgens het sjabloon."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,text/csv"}),
    )


class CommentForm(forms.Form):
    comment = forms.CharField(
        label=_("Wat moet er anders?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text=_("De leverancier ziet deze toelichting bij de teruggestuurde rapportage."),
    )


class CorrectionForm(forms.Form):
    reason = forms.CharField(
        label=_("Reden van de correctie"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text=_(
            "Beide partijen zien de reden bij de nieuwe versie; de goedgekeurde versie blijft zichtbaar."
        ),
    )


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Naam van het token"),
        max_length=100,
        help_text=_("Bijvoorbeeld de naam van het HR- of salarissysteem dat het token gebruikt."),
    )


def period_choices(first: Period, last: Period) -> list[tuple[str, str]]:
    """Quarters (newest first) and the years they fall in, for a period selector."""
    from .periods import quarters_between

    quarters = list(reversed(quarters_between(first, last))) if first <= last else [last]
    years = sorted({q.year for q in quarters}, reverse=True)
    return [(str(q), q.label) for q in quarters] + [
        (str(y), _("Heel %(year)s") % {"year": y}) for y in years
    ]


class PeriodForm(forms.Form):
    periode = forms.ChoiceField(label=_("Periode"))

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["periode"].choices = choices

    def period(self, default: Period) -> Period:
        if self.is_valid():
            try:
                return Period.parse(self.cleaned_data["periode"])
            except PeriodError:
                return default
        return default


class OverviewFilterForm(forms.Form):
    """Filters of the programme overview (all optional)."""

    periode = forms.ChoiceField(label=_("Kwartaal"), required=False)
    cohort = forms.ModelChoiceField(
        label=_("Cohort"),
        queryset=Cohort.objects.all(),
        required=False,
        empty_label=_("Alle cohorten"),
    )
    sector = forms.ChoiceField(label=_("Sector van het werk"), required=False)
    stap = forms.ModelChoiceField(
        label=_("Stap"), queryset=Step.objects.all(), required=False, empty_label=_("Alle stappen")
    )
    status = forms.ChoiceField(label=_("Glijpad"), required=False)

    def __init__(self, *args, quarters, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["periode"].choices = quarters
        self.fields["sector"].choices = [("", _("Alle sectoren")), *Partnership.WorkSector.choices]
        self.fields["status"].choices = [("", _("Alle statussen")), *Rag.choices]
