from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnershipsConfig(AppConfig):
    name = "inkoopkracht.partnerships"
    label = "partnerships"
    verbose_name = _("Proeftuinen")
    role_permissions = {
        "team": ["partnerships.*"],
        "coach": [
            "partnerships.view_partnership",
            "partnerships.change_partnership",
            "partnerships.view_contract",
            "partnerships.view_cohort",
        ],
    }
    audit_actions = {
        "partnership.created": _("Proeftuin aangemaakt"),
        "partnership.changed": _("Proeftuin gewijzigd"),
        "partnership.deleted": _("Proeftuin verwijderd"),
        "partnership.status_changed": _("Status gewijzigd"),
        "partnership.step_changed": _("Stap gewijzigd"),
        "partnership.coach_assigned": _("Begeleider toegewezen"),
        "contract.created": _("Contract aangemaakt"),
        "contract.changed": _("Contract gewijzigd"),
        "contract.deleted": _("Contract verwijderd"),
        "cohort.created": _("Cohort aangemaakt"),
        "cohort.changed": _("Cohort gewijzigd"),
    }

    def ready(self):
        from inkoopkracht.lib.navigation import MenuItem, register

        register("portal", MenuItem(_("Mijn proeftuinen"), "partnerships:portal", order=10))
