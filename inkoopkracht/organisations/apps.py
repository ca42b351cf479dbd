from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "inkoopkracht.organisations"
    label = "organisations"
    verbose_name = _("Organisaties")
    role_permissions = {
        "team": ["organisations.*"],
        "coach": [
            "organisations.view_organisation",
            "organisations.view_contact",
            "organisations.add_contact",
            "organisations.change_contact",
        ],
    }
    audit_actions = {
        "organisation.created": _("Organisatie aangemaakt"),
        "organisation.changed": _("Organisatie gewijzigd"),
        "organisation.deleted": _("Organisatie verwijderd"),
        "contact.created": _("Contactpersoon aangemaakt"),
        "contact.changed": _("Contactpersoon gewijzigd"),
        "contact.deleted": _("Contactpersoon verwijderd"),
        "contact.access_granted": _("Toegang tot Mijn proeftuin gegeven"),
        "contact.access_revoked": _("Toegang tot Mijn proeftuin ingetrokken"),
        "contact.purged": _("Contactpersoon verwijderd (bewaartermijn verstreken)"),
    }
