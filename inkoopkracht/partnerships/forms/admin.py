"""Back-office form for proeftuinen: the rules that span fields (contracts, step moves)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from inkoopkracht.partnerships.services import PartnershipError, check_step_move


class PartnershipAdminForm(WagtailAdminModelForm):
    change_reason = forms.CharField(
        label=_("Toelichting bij een status- of stapwijziging"),
        required=False,
        max_length=300,
        help_text=_("Verplicht als u een stap overslaat of teruggaat, of als de proeftuin stopt."),
    )

    def clean(self):
        cleaned = super().clean()
        buyer, supplier = cleaned.get("buyer"), cleaned.get("supplier")
        if buyer and supplier and buyer == supplier:
            self.add_error("supplier", _("Opdrachtgever en leverancier zijn twee organisaties."))
        if buyer and supplier:
            probe = self.instance
            probe.buyer, probe.supplier = buyer, supplier
            for message in probe.contract_errors(cleaned.get("contracts") or []):
                self.add_error("contracts", message)
        self._check_step(cleaned)
        self._check_status(cleaned)
        return cleaned

    def _check_status(self, cleaned):
        status = cleaned.get("status")
        if status == self.instance.Status.STOPPED and "status" in self.changed_data:
            if not cleaned.get("change_reason", "").strip():
                self.add_error("change_reason", _("Geef een reden waarom de proeftuin stopt."))

    def _check_step(self, cleaned):
        step = cleaned.get("current_step")
        if not self.instance.pk or step is None:
            return
        saved_step = (
            type(self.instance)
            .objects.values_list("current_step", flat=True)
            .get(pk=self.instance.pk)
        )
        if step.number == saved_step:
            return
        self.instance.current_step_id = saved_step
        try:
            check_step_move(self.instance, step, cleaned.get("change_reason", ""))
        except PartnershipError as error:
            self.add_error("current_step", str(error))
