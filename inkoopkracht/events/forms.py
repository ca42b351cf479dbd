"""Forms: registering as a guest or as a member (for oneself or a colleague), and the back
office's event form and "add someone" form."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm

from inkoopkracht.organisations.models import Contact, Organisation
from inkoopkracht.partnerships.models import Partnership

from .models import Event, Registration


def _waiting_list_field():
    hours = settings.EVENTS_OFFER_HOURS
    return forms.BooleanField(
        label=_("Zet mij op de wachtlijst als de bijeenkomst vol is"),
        required=False,
        help_text=ngettext_lazy(
            "Komt er een plaats vrij, dan krijgt u een e-mail en hebt u %(hours)d uur om die "
            "aan te nemen.",
            "Komt er een plaats vrij, dan krijgt u een e-mail en hebt u %(hours)d uur om die "
            "aan te nemen.",
            "hours",
        )
        % {"hours": hours},
    )


class GuestRegistrationForm(forms.Form):
    """A guest registers with name, organisation and email (public events only)."""

    name = forms.CharField(
        label=_("Naam"), max_length=150, widget=forms.TextInput({"autocomplete": "name"})
    )
    organisation_name = forms.CharField(
        label=_("Organisatie"),
        max_length=200,
        widget=forms.TextInput({"autocomplete": "organization"}),
    )
    email = forms.EmailField(
        label=_("E-mailadres"),
        help_text=_("Hierheen sturen we de bevestiging en de link om u af te melden."),
        widget=forms.EmailInput({"autocomplete": "email"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["waiting_list"] = _waiting_list_field()


class MemberRegistrationForm(forms.Form):
    """A member registers themselves or a colleague, for one of their proeftuinen."""

    SELF, OTHER = "self", "other"

    partnership = forms.ModelChoiceField(
        label=_("Voor welke proeftuin"), queryset=Partnership.objects.none(), empty_label=None
    )
    person = forms.ChoiceField(label=_("Wie meldt u aan?"), widget=forms.RadioSelect)
    colleague_name = forms.CharField(
        label=_("Naam van uw collega"),
        max_length=150,
        required=False,
        help_text=_("Alleen bij ‘Een andere collega’."),
    )
    colleague_email = forms.EmailField(
        label=_("E-mailadres van uw collega"),
        required=False,
        help_text=_("Alleen bij ‘Een andere collega’."),
    )

    def __init__(self, *args, user, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        partnerships = Partnership.objects.visible_to(user).select_related("buyer", "supplier")
        if event.audience == Event.Audience.COHORT:
            partnerships = partnerships.filter(cohort=event.cohort_id)
        self.fields["partnership"].queryset = partnerships.order_by("name")
        self.own_organisations = set(
            Organisation.objects.of_member(user).values_list("pk", flat=True)
        )
        self.contacts = {
            f"contact-{contact.pk}": contact
            for contact in Contact.objects.filter(organisation__in=self.own_organisations)
            .exclude(user=user)
            .exclude(email__iexact=user.email)
            .select_related("organisation")
        }
        self.fields["person"].choices = [
            (self.SELF, _("Mijzelf (%(email)s)") % {"email": user.email}),
            *((key, f"{c.name} ({c.organisation.name})") for key, c in self.contacts.items()),
            (self.OTHER, _("Een andere collega")),
        ]
        self.fields["person"].initial = self.SELF
        self.fields["waiting_list"] = _waiting_list_field()

    def clean(self):
        cleaned = super().clean()
        partnership, person = cleaned.get("partnership"), cleaned.get("person")
        if partnership is None or person is None:
            return cleaned
        if person in self.contacts:
            contact = self.contacts[person]
            if contact.organisation_id not in partnership.organisation_ids:
                self.add_error(
                    "person",
                    _("%(name)s werkt bij een organisatie die niet in deze proeftuin meedoet.")
                    % {"name": contact.name},
                )
                return cleaned
            cleaned["registrant"] = {
                "name": contact.name,
                "email": contact.email,
                "organisation": contact.organisation,
                "user": contact.user,
            }
            return cleaned
        organisation = self._own_organisation_in(partnership)
        if person == self.OTHER:
            cleaned["registrant"] = self._colleague(cleaned, organisation)
        else:
            name = self.user.get_full_name() or self.user.email
            cleaned["registrant"] = {
                "name": name,
                "email": self.user.email,
                "organisation": organisation,
                "user": self.user,
            }
        return cleaned

    def _own_organisation_in(self, partnership: Partnership):
        for pk in (partnership.buyer_id, partnership.supplier_id, *partnership.organisation_ids):
            if pk in self.own_organisations:
                return Organisation.objects.get(pk=pk)
        return None

    def _colleague(self, cleaned, organisation):
        for field, message in (
            ("colleague_name", _("Vul de naam van uw collega in.")),
            ("colleague_email", _("Vul het e-mailadres van uw collega in.")),
        ):
            if not cleaned.get(field) and field not in self.errors:
                self.add_error(field, message)
        return {
            "name": cleaned.get("colleague_name", ""),
            "email": cleaned.get("colleague_email", ""),
            "organisation": organisation,
            "user": None,
        }


class EventAdminForm(WagtailAdminModelForm):
    """The back office's event form: no fewer places than are already taken."""

    def clean_capacity(self):
        capacity = self.cleaned_data["capacity"]
        if self.instance.pk:
            held = self.instance.registrations.holding_place().count()
            if capacity is not None and capacity < held:
                raise forms.ValidationError(
                    _("Er zijn al %(held)s plaatsen bezet; minder plaatsen kan niet.")
                    % {"held": held}
                )
        return capacity


class TeamRegistrationForm(forms.Form):
    """The team adds someone (by phone, or at the door): a member of a proeftuin or a guest."""

    name = forms.CharField(label=_("Naam"), max_length=150)
    email = forms.EmailField(label=_("E-mailadres"))
    partnership = forms.ModelChoiceField(
        label=_("Proeftuin"),
        queryset=Partnership.objects.select_related("buyer", "supplier").order_by("name"),
        required=False,
        help_text=_("Leeg laten voor een gast."),
    )
    side = forms.ChoiceField(
        label=_("Kant"),
        choices=[("", "–"), *list(Registration.Side.choices)[:2]],
        required=False,
        help_text=_("Bij een proeftuin: komt deze persoon van de opdrachtgever of de leverancier?"),
    )
    organisation_name = forms.CharField(
        label=_("Organisatie (gast)"), max_length=200, required=False
    )
    waiting_list = forms.BooleanField(label=_("Op de wachtlijst als het vol is"), required=False)

    def clean(self):
        cleaned = super().clean()
        partnership, side = cleaned.get("partnership"), cleaned.get("side")
        if partnership and not side:
            self.add_error("side", _("Kies de kant waar deze persoon vandaan komt."))
        if not partnership and not cleaned.get("organisation_name"):
            self.add_error(
                "organisation_name", _("Vul de organisatie van de gast in, of kies een proeftuin.")
            )
        if partnership and side:
            cleaned["organisation"] = (
                partnership.buyer if side == Registration.Side.BUYER else partnership.supplier
            )
        return cleaned
