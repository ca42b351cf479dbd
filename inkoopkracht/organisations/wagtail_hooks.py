"""Back office: organisations and contacts (list, search, filter, create, edit, history)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from inkoopkracht.audit.wagtail import AuditedViewSetMixin

from .forms import OrganisationAdminForm
from .models import Contact, Organisation


class OrganisationViewSet(AuditedViewSetMixin, ModelViewSet):
    model = Organisation
    audit_action = "organisation"
    icon = "group"
    menu_label = _("Organisaties")
    list_display = ["name", "kind", "sector", "subsector", "identifier", "labour_market_region"]
    list_filter = ["kind", "sector", "subsector", "province"]
    search_fields = ["name", "kvk_number", "oin"]
    search_backend_name = None
    inspect_view_enabled = True
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("name"),
                    FieldRowPanel(
                        [FieldPanel("kind"), FieldPanel("sector"), FieldPanel("subsector")]
                    ),
                ],
                heading=_("Organisatie"),
            ),
            MultiFieldPanel(
                [FieldRowPanel([FieldPanel("kvk_number"), FieldPanel("oin")])],
                heading=_("Identificatie"),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("province"), FieldPanel("labour_market_region")]),
                    FieldPanel("website"),
                ],
                heading=_("Regio"),
            ),
            InlinePanel("contacts", heading=_("Contactpersonen"), label=_("Contactpersoon")),
        ],
        base_form_class=OrganisationAdminForm,
    )

    def get_queryset(self, request):
        return Organisation.objects.select_related("labour_market_region")


class ContactViewSet(AuditedViewSetMixin, ModelViewSet):
    model = Contact
    audit_action = "contact"
    icon = "user"
    menu_label = _("Contactpersonen")
    list_display = ["name", "organisation", "job_title", "email", "phone", "has_account"]
    list_filter = ["organisation__kind", "is_primary"]
    search_fields = ["name", "email", "organisation__name"]
    search_backend_name = None
    inspect_view_enabled = True
    panels = [
        FieldPanel("organisation"),
        FieldRowPanel([FieldPanel("name"), FieldPanel("job_title")]),
        FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
        FieldPanel("is_primary"),
        FieldPanel("user", read_only=True),
    ]

    def get_queryset(self, request):
        return Contact.objects.select_related("organisation", "user")


class OrganisationsGroup(ModelViewSetGroup):
    menu_label = _("Organisaties")
    menu_icon = "group"
    menu_order = 200
    items = (OrganisationViewSet("organisaties"), ContactViewSet("contactpersonen"))


@hooks.register("register_admin_viewset")
def register_viewsets():
    return OrganisationsGroup()
