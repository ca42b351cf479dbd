"""Back office: organisations and contacts (list, search, filter, create, edit, history)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets.button import HeaderButton

from inkoopkracht.audit.wagtail import AuditedEditView, AuditedViewSetMixin

from .admin_views import contact_access
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

    index_queryset = Organisation.objects.select_related("labour_market_region")


class ContactEditView(AuditedEditView):
    """The contact form, with a button to invite the contact to Mijn proeftuin (or revoke)."""

    @property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if self.request.user.has_perm("organisations.change_contact"):
            invited = self.object.user_id and self.object.user.has_usable_password()
            label = _("Toegang intrekken") if invited else _("Uitnodigen voor Mijn proeftuin")
            url = reverse("contactpersonen:access", args=[self.object.pk])
            buttons.append(HeaderButton(label, url=url, icon_name="mail"))
        return buttons


class ContactViewSet(AuditedViewSetMixin, ModelViewSet):
    model = Contact
    audit_action = "contact"
    edit_view_class = ContactEditView
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

    index_queryset = Contact.objects.select_related("organisation", "user")

    def get_urlpatterns(self):
        access = path(
            "toegang/<int:pk>/",
            contact_access,
            {"edit_url_name": self.get_url_name("edit")},
            name="access",
        )
        return [*super().get_urlpatterns(), access]


class OrganisationsGroup(ModelViewSetGroup):
    menu_label = _("Organisaties")
    menu_icon = "group"
    menu_order = 200
    items = (OrganisationViewSet("organisaties"), ContactViewSet("contactpersonen"))


@hooks.register("register_admin_viewset")
def register_viewsets():
    return OrganisationsGroup()
