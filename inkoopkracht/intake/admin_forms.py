"""Back-office forms of the pipeline: status, owner, notes, accept (= start) and reject.

Each action form validates input and calls one service; a refused change comes back as a
form error, so what the team typed stays on the page.
"""

from django import forms
from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from inkoopkracht.organisations.models import Organisation
from inkoopkracht.partnerships.models import Cohort, Partnership

from . import services
from .models import TEXT_MAX, Application

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
PIPELINE_STATUSES = [
    (value, label)
    for value, label in Application.Status.choices
    if value not in Application.DECIDED_STATUSES
]


def with_defaults(kwargs: dict, defaults: dict) -> dict:
    """The form's keyword arguments with ``defaults`` under any initial values given."""
    given = {key: value for key, value in kwargs.get("initial", {}).items() if value is not None}
    return {**kwargs, "initial": {**defaults, **given}}


def staff_users():
    return get_user_model().objects.coaches().order_by("first_name", "last_name")


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Nieuwe status"), choices=PIPELINE_STATUSES)
    intake_on = forms.DateField(
        label=_("Datum intakegesprek"),
        required=False,
        widget=DATE,
        help_text=_("Verplicht bij ‘Intakegesprek gepland’."),
    )
    note = forms.CharField(
        label=_("Notitie"),
        required=False,
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Verplicht bij ‘On hold’: waarom?"),
    )

    def __init__(self, *args, application: Application, **kwargs):
        kwargs.setdefault(
            "initial", {"status": application.status, "intake_on": application.intake_on}
        )
        super().__init__(*args, **kwargs)
        self.application = application

    def save(self, *, by):
        data = self.cleaned_data
        return services.change_status(
            application=self.application,
            status=data["status"],
            intake_on=data["intake_on"],
            note=data["note"],
            by=by,
        )


class OwnerForm(forms.Form):
    owner = forms.ModelChoiceField(
        label=_("Behandelaar"), queryset=staff_users(), required=False, empty_label=_("Niemand")
    )

    def __init__(self, *args, application: Application, **kwargs):
        super().__init__(*args, **with_defaults(kwargs, {"owner": application.owner_id}))
        self.fields["owner"].queryset = staff_users()
        self.application = application

    def save(self, *, by):
        return services.assign_owner(
            application=self.application, owner=self.cleaned_data["owner"], by=by
        )


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Notitie"), max_length=TEXT_MAX, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, application: Application, **kwargs):
        super().__init__(*args, **kwargs)
        self.application = application

    def save(self, *, by):
        return services.add_note(
            application=self.application, text=self.cleaned_data["text"], by=by
        )


def default_message(application: Application, decision: str) -> str:
    """The standard Dutch text of a decision email; the team edits it before sending."""
    with override("nl"):
        template = f"intake/email/decision_{decision}_message.txt"
        return render_to_string(template, {"application": application}).strip()


class AcceptForm(forms.Form):
    """Accept = start: cohort, coach, start date, optional contract, and the message."""

    cohort = forms.ModelChoiceField(label=_("Cohort"), queryset=Cohort.objects.order_by("-number"))
    coach = forms.ModelChoiceField(label=_("Begeleider"), queryset=staff_users())
    start_on = forms.DateField(label=_("Startdatum"), widget=DATE)
    partner = forms.ModelChoiceField(
        queryset=Application.objects.undecided(), required=False, widget=forms.HiddenInput
    )
    partner_organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.all(), required=False, widget=forms.HiddenInput
    )
    record_contract = forms.BooleanField(
        label=_("Leg het contract vast"),
        required=False,
        help_text=_("Bij een bestaand contract. Bij een nieuwe aanbesteding kan dat later."),
    )
    contract_title = forms.CharField(
        label=_("Titel van het contract"), required=False, max_length=200
    )
    contract_reference = forms.CharField(
        label=_("Kenmerk (contractnummer)"), required=False, max_length=60
    )
    contract_starts_on = forms.DateField(label=_("Ingangsdatum"), required=False, widget=DATE)
    contract_ends_on = forms.DateField(label=_("Einddatum"), required=False, widget=DATE)
    contract_value = forms.DecimalField(
        label=_("Waarde (euro)"), required=False, min_value=0, max_digits=14, decimal_places=2
    )
    message = forms.CharField(
        label=_("Bericht aan de aanmelders"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_(
            "Pas de tekst gerust aan. De gegevens van de proeftuin komen er vanzelf onder."
        ),
    )

    CONTRACT_FIELDS = ("contract_title", "contract_reference", "contract_starts_on")

    def __init__(self, *args, application: Application, user, **kwargs):
        latest = Cohort.objects.order_by("-number").first()
        defaults = {
            "cohort": latest,
            "coach": user if user.is_programme_staff else None,
            "start_on": timezone.localdate(),
            "record_contract": application.route == Partnership.Route.EXISTING_CONTRACT,
            "contract_title": application.get_work_sector_display(),
            "contract_ends_on": application.contract_ends_on,
            "message": default_message(application, Application.Status.ACCEPTED),
        }
        super().__init__(*args, **with_defaults(kwargs, defaults))
        self.fields["coach"].queryset = staff_users()
        self.fields["partner"].queryset = Application.objects.undecided()
        self.application = application

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("record_contract"):
            for name in self.CONTRACT_FIELDS:
                if not cleaned.get(name):
                    self.add_error(name, _("Vul dit in om het contract vast te leggen."))
        return cleaned

    def contract(self) -> dict | None:
        data = self.cleaned_data
        if not data["record_contract"]:
            return None
        return {
            "title": data["contract_title"],
            "reference": data["contract_reference"],
            "starts_on": data["contract_starts_on"],
            "ends_on": data["contract_ends_on"],
            "value_eur": data["contract_value"],
        }

    def save(self, *, by):
        data = self.cleaned_data
        return services.accept_application(
            application=self.application,
            by=by,
            cohort=data["cohort"],
            coach=data["coach"],
            on=data["start_on"],
            partner=data["partner"],
            partner_organisation=data["partner_organisation"],
            contract=self.contract(),
            message=data["message"],
        )


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reden (intern)"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Voor het programmateam; de aanmelders zien dit niet."),
    )
    message = forms.CharField(
        label=_("Bericht aan de aanmelders"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_("Pas de tekst aan en licht het besluit toe."),
    )

    def __init__(self, *args, application: Application, **kwargs):
        defaults = {"message": default_message(application, Application.Status.REJECTED)}
        super().__init__(*args, **with_defaults(kwargs, defaults))
        self.application = application

    def clean_message(self):
        message = self.cleaned_data["message"]
        with override("nl"):
            placeholder = str(_("Licht hier het besluit toe."))
        if placeholder in message:
            raise forms.ValidationError(_("Vervang de tekst tussen [ ] door uw toelichting."))
        return message

    def save(self, *, by):
        return services.reject_application(
            application=self.application,
            by=by,
            reason=self.cleaned_data["reason"],
            message=self.cleaned_data["message"],
        )
