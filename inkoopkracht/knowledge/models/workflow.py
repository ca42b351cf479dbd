"""The editorial workflow task: the programme team approves, or rejects with a reason.

One workflow ("Redactie en moderatie", created by a data migration) with this task moderates
both the guide's pages and the lessons. It is Wagtail's group approval with two changes: the
actions carry Dutch labels, and rejecting requires a reason (the submitter reads it).
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask


class RejectionForm(forms.Form):
    comment = forms.CharField(
        label=_("Reden"),
        max_length=1000,
        widget=forms.Textarea({"rows": 3}),
        help_text=_("De indiener leest deze reden. Leg uit wat er anders moet."),
        error_messages={"required": _("Geef een reden: de indiener leest die.")},
    )


class CommentForm(forms.Form):
    comment = forms.CharField(
        label=_("Opmerking"), required=False, max_length=1000, widget=forms.Textarea({"rows": 2})
    )


class ModerationTask(AbstractGroupApprovalTask):
    """Approval by a group (the programme team); rejecting needs a reason."""

    def get_actions(self, obj, user):
        if user.is_superuser or self._user_in_groups(user):
            return [
                # Wagtail adds "en publiceren" to the approvals of the last task.
                ("reject", _("Afwijzen met reden"), True),
                ("approve", _("Goedkeuren"), False),
                ("approve", _("Goedkeuren met opmerking"), True),
            ]
        return []

    def get_form_for_action(self, action):
        return RejectionForm if action == "reject" else CommentForm

    @classmethod
    def get_description(cls):
        return _(
            "Leden van de gekozen groepen keuren goed (en publiceren) of wijzen af met een reden."
        )

    class Meta:
        verbose_name = _("beoordeling door het programmateam")
        verbose_name_plural = _("beoordelingen door het programmateam")
