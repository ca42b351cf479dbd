"""Back office of the intake: the application pipeline, information requests, guide orders."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
)
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from inkoopkracht.audit.wagtail import AuditedViewSetMixin

from . import admin_views, services
from .models import Application, GuideOrder, InformationRequest


class ApplicationAdminForm(WagtailAdminModelForm):
    """Corrections by the team; the organisations must still fit how the applicant applied."""

    def clean(self):
        cleaned = super().clean()
        parties = self.formsets.get("parties")
        if parties is None:
            return cleaned
        sides = sorted(
            form.cleaned_data.get("side")
            for form in parties.forms
            if form.is_valid() and form.cleaned_data and not form.cleaned_data.get("DELETE")
        )
        if sides != sorted(self.instance.sides):
            raise ValidationError(
                _("Deze aanmelding (%(kind)s) heeft precies deze organisaties nodig: %(sides)s.")
                % {
                    "kind": self.instance.get_kind_display().lower(),
                    "sides": ", ".join(str(side.label).lower() for side in self.instance.sides),
                }
            )
        return cleaned


class ApplicationEditView(admin_views.ScopedEditView):
    def get_object(self, queryset=None):
        application = super().get_object(queryset)
        if application.is_decided:
            raise PermissionDenied
        return application


class ApplicationViewSet(AuditedViewSetMixin, ModelViewSet):
    model = Application
    audit_action = "application"
    url_namespace = "intake_applications"
    icon = "form"
    menu_label = _("Aanmeldingen")
    index_view_class = admin_views.ApplicationIndexView
    index_template_name = "intake/admin/application_index.html"
    inspect_view_enabled = True
    inspect_view_class = admin_views.ApplicationInspectView
    inspect_template_name = "intake/admin/application_inspect.html"
    edit_view_class = ApplicationEditView
    add_view_class = admin_views.ApplyPublicly
    list_display = [
        "__str__",
        "kind",
        "status",
        Column("days_in_status", label=_("Dagen in status"), accessor="days_in_status"),
        "owner",
        DateColumn("submitted_at", label=_("Ontvangen"), accessor="submitted_at"),
    ]
    list_filter = ["status", "kind", "owner", "work_sector", "province"]
    search_fields = ["parties__organisation_name", "parties__kvk_number", "parties__oin"]
    search_backend_name = None
    edit_handler = ObjectList(
        [
            InlinePanel(
                "parties",
                heading=_("Organisaties en contactpersonen"),
                min_num=1,
                max_num=2,
                panels=[  # what the applicant typed; the register links are set on acceptance
                    FieldRowPanel([FieldPanel("side"), FieldPanel("organisation_name")]),
                    FieldRowPanel(
                        [FieldPanel("kvk_number"), FieldPanel("oin"), FieldPanel("subsector")]
                    ),
                    FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_job_title")]),
                    FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
                ],
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("route"), FieldPanel("work_sector")]),
                    FieldPanel("work_description"),
                    FieldRowPanel([FieldPanel("value_range"), FieldPanel("contract_ends_on")]),
                    FieldRowPanel([FieldPanel("province"), FieldPanel("labour_market_region")]),
                ],
                heading=_("Het werk en het contract"),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("ambition_jobs"), FieldPanel("ambition_date")]),
                    FieldPanel("ambition"),
                    FieldPanel("motivation"),
                ],
                heading=_("Ambitie en motivatie"),
            ),
        ],
        base_form_class=ApplicationAdminForm,
    )

    def save_service(self, *, form, by):
        return services.save_application_form(form=form, by=by)

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("accepteren/<int:pk>/", admin_views.AcceptView.as_view(), name="accept"),
            path("afwijzen/<int:pk>/", admin_views.RejectView.as_view(), name="reject"),
        ]


class InformationRequestViewSet(AuditedViewSetMixin, ModelViewSet):
    model = InformationRequest
    audit_action = "information_request"
    index_view_class = admin_views.ScopedIndexView
    edit_view_class = admin_views.ScopedEditView
    add_view_class = admin_views.AskPublicly
    url_namespace = "intake_information"
    icon = "help"
    menu_label = _("Informatieverzoeken")
    inspect_view_enabled = True
    inspect_view_class = admin_views.InformationRequestInspectView
    inspect_template_name = "intake/admin/information_request_inspect.html"
    list_display = ["__str__", "name", "organisation", "status", "submitted_at"]
    list_filter = ["status", "topic"]
    search_fields = ["name", "organisation", "email", "question"]
    search_backend_name = None
    form_fields = ["name", "organisation", "email", "phone", "topic", "question"]


class GuideOrderViewSet(AuditedViewSetMixin, ModelViewSet):
    model = GuideOrder
    audit_action = "guide_order"
    index_view_class = admin_views.ScopedIndexView
    edit_view_class = admin_views.ScopedEditView
    url_namespace = "intake_guide_orders"
    add_view_class = admin_views.OrderPublicly
    icon = "mail"
    menu_label = _("Handreiking versturen")
    list_display = ["organisation", "name", "copies", "status", "submitted_at", "sent_on"]
    list_filter = ["status"]
    search_fields = ["organisation", "name", "city", "postal_code"]
    search_backend_name = None
    form_fields = ["name", "organisation", "email", "copies", "street", "postal_code", "city"]

    @cached_property
    def menu_url(self):
        return reverse(self.get_url_name("fulfilment"))

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("versturen/", admin_views.GuideFulfilmentView.as_view(), name="fulfilment"),
            path("adresetiketten.csv", admin_views.guide_labels_csv, name="labels"),
        ]


class IntakeGroup(ModelViewSetGroup):
    menu_label = _("Aanmeldingen")
    menu_icon = "form"
    menu_order = 150
    items = (
        ApplicationViewSet("aanmeldingen"),
        InformationRequestViewSet("informatieverzoeken"),
        GuideOrderViewSet("handreiking-bestellingen"),
    )


@hooks.register("register_admin_viewset")
def register_viewsets():
    return IntakeGroup()


@hooks.register("insert_global_admin_css")
def admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("intake/admin.css"))
