"""Forms of the plan: a checklist point, and moving on to the next step."""

from django import forms
from django.utils.translation import gettext_lazy as _


class ChecklistItemForm(forms.Form):
    text = forms.CharField(
        label=_("Punt van de checklist"),
        max_length=300,
        error_messages={"required": _("Vul in wat er gedaan moet worden.")},
    )


class AdvanceStepForm(forms.Form):
    reason = forms.CharField(
        label=_("Toelichting"),
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Verplicht als er in deze stap nog punten open staan."),
    )
