"""Forms of the coaching log: a session, and an action with its owner."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from inkoopkracht.organisations.models import Contact
from inkoopkracht.partnerships.models import ActionItem, CoachingSession, Commitment, Side
from inkoopkracht.partnerships.services.coaching import Owner

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ContactChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        title = f", {obj.job_title}" if obj.job_title else ""
        return f"{obj.name}{title} ({obj.organisation.name})"


class CommitmentChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.get_side_display()}: {obj.text}"


class SessionForm(forms.Form):
    held_on = forms.DateField(
        label=_("Datum"),
        widget=DATE,
        error_messages={"required": _("Vul de datum van de sessie in.")},
    )
    kind = forms.ChoiceField(
        label=_("Soort sessie"),
        choices=CoachingSession.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies het soort sessie: kick-off, vervolgsessie of evaluatie.")
        },
    )
    attendees = ContactChoiceField(
        label=_("Aanwezigen van de partijen"),
        queryset=Contact.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    coaches = forms.ModelMultipleChoiceField(
        label=_("Aanwezig van het programmateam"),
        queryset=get_user_model().objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    other_attendees = forms.CharField(
        label=_("Andere aanwezigen"),
        max_length=300,
        required=False,
        help_text=_("Bijvoorbeeld een jobcoach of iemand van het werkgeversservicepunt."),
    )
    agreements = forms.CharField(
        label=_("Afspraken"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Wat partijen hebben afgesproken. Deelnemers van de proeftuin zien dit."),
    )
    notes = forms.CharField(
        label=_("Notities van de begeleider"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Alleen zichtbaar voor het programmateam, nooit voor de deelnemers."),
    )

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attendees"].queryset = (
            Contact.objects.filter(organisation__in=partnership.organisation_ids)
            .select_related("organisation")
            .order_by("organisation__name", "name")
        )
        self.fields["coaches"].queryset = (
            get_user_model().objects.coaches().order_by("first_name", "last_name")
        )

    @staticmethod
    def initial_for(session: CoachingSession) -> dict:
        return {
            "held_on": session.held_on,
            "kind": session.kind,
            "attendees": list(session.attendees.all()),
            "coaches": list(session.coaches.all()),
            "other_attendees": session.other_attendees,
            "agreements": session.agreements,
            "notes": session.notes,
        }


def owner_choices(partnership) -> list[tuple[str, str]]:
    """The parties that can own an action: buyer, supplier, further parties, programme team."""
    choices = [
        (Side.BUYER.value, f"{partnership.buyer.name} ({Side.BUYER.label.lower()})"),
        (Side.SUPPLIER.value, f"{partnership.supplier.name} ({Side.SUPPLIER.label.lower()})"),
    ]
    for party in partnership.parties.select_related("organisation"):
        choices.append(
            (f"party:{party.pk}", f"{party.organisation.name} ({party.get_role_display()})")
        )
    choices.append((Side.PROGRAMME.value, str(_("Programmateam (begeleider)"))))
    return choices


def owner_value(action: ActionItem) -> str:
    if action.owner_side == Side.PARTY and action.owner_party_id:
        return f"party:{action.owner_party_id}"
    return action.owner_side


class ActionForm(forms.Form):
    description = forms.CharField(
        label=_("Actie"),
        max_length=300,
        error_messages={"required": _("Beschrijf de actie.")},
    )
    owner = forms.ChoiceField(
        label=_("Eigenaar"),
        help_text=_("Welke partij de actie uitvoert. Alleen die partij kan haar afvinken."),
        error_messages={
            "required": _("Kies wie deze actie uitvoert: een partij of het programmateam."),
            "invalid_choice": _("Kies een partij die in deze proeftuin meedoet."),
        },
    )
    due_on = forms.DateField(
        label=_("Uiterlijk op"),
        widget=DATE,
        error_messages={"required": _("Vul in wanneer de actie klaar moet zijn.")},
    )
    session = forms.ModelChoiceField(
        label=_("Afgesproken in sessie"), queryset=CoachingSession.objects.none(), required=False
    )
    commitment = CommitmentChoiceField(
        label=_("Hoort bij toezegging"), queryset=Commitment.objects.none(), required=False
    )
    status = forms.ChoiceField(label=_("Status"), choices=ActionItem.Status.choices)

    def __init__(self, *args, partnership, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.partnership = partnership
        self.fields["owner"].choices = [("", _("Kies een eigenaar"))] + owner_choices(partnership)
        self.fields["session"].queryset = CoachingSession.objects.filter(
            partnership=partnership
        ).for_members()
        self.fields["commitment"].queryset = Commitment.objects.filter(
            letter__partnership=partnership
        )
        if not editing:
            del self.fields["status"]

    def clean_owner(self) -> Owner:
        value = self.cleaned_data["owner"]
        if value.startswith("party:"):
            party = self.partnership.parties.filter(pk=value.split(":", 1)[1]).first()
            return Owner(side=Side.PARTY, party=party)
        return Owner(side=value)

    @staticmethod
    def initial_for(action: ActionItem) -> dict:
        return {
            "description": action.description,
            "owner": owner_value(action),
            "due_on": action.due_on,
            "session": action.session_id,
            "commitment": action.commitment_id,
            "status": action.status,
        }
