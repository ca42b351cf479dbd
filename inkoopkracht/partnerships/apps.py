from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

GUIDANCE_MODELS = [
    "checklistitem",
    "letterofintent",
    "commitment",
    "coachingsession",
    "actionitem",
    "bottleneck",
]


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
            # Guidance: which proeftuinen a coach may change is decided per object
            # (Partnership.objects.editable_by), not by these model permissions.
            *(
                f"partnerships.{verb}_{model}"
                for model in GUIDANCE_MODELS
                for verb in ("view", "add", "change")
            ),
        ],  # fmt: skip
    }
    audit_actions = {
        "partnership.created": _("Proeftuin aangemaakt"),
        "partnership.changed": _("Proeftuin gewijzigd"),
        "partnership.deleted": _("Proeftuin verwijderd"),
        "partnership.records_purged": _("Notities en ondertekende versie gewist (bewaartermijn)"),
        "partnership.status_changed": _("Status gewijzigd"),
        "partnership.step_changed": _("Stap gewijzigd"),
        "partnership.coach_assigned": _("Begeleider toegewezen"),
        "contract.created": _("Contract aangemaakt"),
        "contract.changed": _("Contract gewijzigd"),
        "contract.deleted": _("Contract verwijderd"),
        "cohort.created": _("Cohort aangemaakt"),
        "cohort.changed": _("Cohort gewijzigd"),
        "checklist.item_added": _("Punt toegevoegd aan de checklist"),
        "checklist.item_changed": _("Punt van de checklist gewijzigd"),
        "checklist.item_removed": _("Punt van de checklist verwijderd"),
        "checklist.item_checked": _("Punt van de checklist afgevinkt"),
        "checklist.item_unchecked": _("Punt van de checklist weer open"),
        "letter.created": _("Intentieverklaring opgesteld"),
        "letter.changed": _("Intentieverklaring gewijzigd"),
        "letter.signed": _("Ondertekening intentieverklaring vastgelegd"),
        "letter.signed_copy_replaced": _("Ondertekende intentieverklaring vervangen"),
        "letter.signed_copy_read": _("Ondertekende intentieverklaring ingezien"),
        "commitment.updated": _("Toezegging bijgewerkt"),
        "session.recorded": _("Begeleidingssessie vastgelegd"),
        "session.changed": _("Begeleidingssessie gewijzigd"),
        "action.created": _("Actie toegevoegd"),
        "action.changed": _("Actie gewijzigd"),
        "action.completed": _("Actie afgevinkt"),
        "action.reopened": _("Actie weer open"),
        "action.reminded": _("Herinnering verstuurd voor verlopen actie"),
        "bottleneck.reported": _("Knelpunt gemeld"),
        "bottleneck.changed": _("Knelpunt gewijzigd"),
        "bottleneck.status_changed": _("Status van knelpunt gewijzigd"),
    }

    def ready(self):
        from inkoopkracht.lib.navigation import MenuItem, register

        register("portal", MenuItem(_("Mijn proeftuinen"), "partnerships:portal", order=10))
        register(
            "portal",
            MenuItem(_("Begeleiding"), "partnerships:worklist", order=11, audience="staff"),
        )
        register(
            "portal",
            MenuItem(_("Knelpunten"), "partnerships:bottlenecks", order=12, audience="staff"),
        )
