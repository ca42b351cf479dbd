"""Back office: proeftuinen, contracts and cohorts. Coaches see all and edit their own."""

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from inkoopkracht.audit.wagtail import AuditedEditView, AuditedViewSetMixin

from . import services
from .forms import PartnershipAdminForm
from .models import Cohort, Contract, Partnership


class PartnershipEditView(AuditedEditView):
    def get_object(self, queryset=None):
        partnership = super().get_object(queryset)
        if (
            not Partnership.objects.editable_by(self.request.user)
            .filter(pk=partnership.pk)
            .exists()
        ):
            raise PermissionDenied
        return partnership


class PartnershipViewSet(AuditedViewSetMixin, ModelViewSet):
    model = Partnership
    audit_action = "partnership"
    edit_view_class = PartnershipEditView
    icon = "site"
    menu_label = _("Proeftuinen")
    list_display = ["__str__", "cohort", "work_sector", "current_step", "status", "started_on"]
    list_filter = ["cohort", "status", "current_step", "work_sector", "route", "coaches"]
    search_fields = ["name", "buyer__name", "supplier__name"]
    search_backend_name = None
    inspect_view_enabled = True
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("name"),
                    FieldRowPanel([FieldPanel("buyer"), FieldPanel("supplier")]),
                    InlinePanel("parties", heading=_("Andere partijen"), label=_("Partij")),
                    FieldRowPanel([FieldPanel("cohort"), FieldPanel("route")]),
                    FieldPanel("work_sector"),
                    FieldPanel("contracts"),
                    FieldPanel("summary"),
                ],
                heading=_("Proeftuin"),
            ),
            ObjectList(
                [
                    FieldRowPanel([FieldPanel("status"), FieldPanel("current_step")]),
                    FieldPanel("change_reason"),
                    FieldRowPanel(
                        [FieldPanel("applied_on"), FieldPanel("started_on"), FieldPanel("ended_on")]
                    ),
                    FieldPanel("coaches"),
                ],
                heading=_("Status en begeleiding"),
            ),
            ObjectList(
                [
                    MultiFieldPanel(
                        [
                            FieldRowPanel(
                                [FieldPanel("baseline_jobs"), FieldPanel("baseline_date")]
                            ),
                            FieldRowPanel(
                                [FieldPanel("ambition_jobs"), FieldPanel("ambition_date")]
                            ),
                        ],
                        heading=_("Nulmeting en ambitie"),
                    ),
                    InlinePanel("milestones", heading=_("Mijlpalen"), label=_("Mijlpaal")),
                ],
                heading=_("Ambitie"),
            ),
        ],
        base_form_class=PartnershipAdminForm,
    )

    def save_service(self, *, form, by):
        return services.save_partnership_form(
            form=form, by=by, reason=form.cleaned_data.get("change_reason", "")
        )

    index_queryset = Partnership.objects.with_overview()


class ContractViewSet(AuditedViewSetMixin, ModelViewSet):
    model = Contract
    audit_action = "contract"
    icon = "doc-full"
    menu_label = _("Contracten")
    list_display = ["title", "reference", "buyer", "supplier", "value_eur", "starts_on", "ends_on"]
    list_filter = ["buyer", "supplier"]
    search_fields = ["title", "reference", "cpv_code", "buyer__name", "supplier__name"]
    search_backend_name = None
    inspect_view_enabled = True
    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("buyer"), FieldPanel("supplier")]),
        FieldRowPanel([FieldPanel("reference"), FieldPanel("cpv_code")]),
        FieldRowPanel([FieldPanel("value_eur"), FieldPanel("social_return_percentage")]),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
    ]

    index_queryset = Contract.objects.select_related("buyer", "supplier")


class CohortViewSet(AuditedViewSetMixin, ModelViewSet):
    model = Cohort
    audit_action = "cohort"
    icon = "date"
    menu_label = _("Cohorten")
    list_display = ["name", "number", "starts_on"]
    form_fields = ["number", "name", "starts_on", "description"]


class PartnershipsGroup(ModelViewSetGroup):
    menu_label = _("Proeftuinen")
    menu_icon = "site"
    menu_order = 100
    items = (
        PartnershipViewSet("proeftuinen"),
        ContractViewSet("contracten"),
        CohortViewSet("cohorten"),
    )


@hooks.register("register_admin_viewset")
def register_viewsets():
    return PartnershipsGroup()


@hooks.register("register_admin_menu_item")
def register_guidance_menu_item():
    """The coaching pages live on the site (Mijn proeftuin); the back office links to them."""
    return MenuItem(
        _("Begeleiding"), reverse("partnerships:worklist"), icon_name="group", order=110
    )


@hooks.register("register_admin_menu_item")
def register_bottlenecks_menu_item():
    return MenuItem(
        _("Knelpunten"), reverse("partnerships:bottlenecks"), icon_name="warning", order=111
    )
