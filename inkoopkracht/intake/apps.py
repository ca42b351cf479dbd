"""Intake: public applications for new proeftuinen, the pipeline, information and guide requests."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntakeConfig(AppConfig):
    name = "inkoopkracht.intake"
    label = "intake"
    verbose_name = _("Aanmeldingen")
    role_permissions = {
        # Applications and requests come in through the public forms: nobody adds them here.
        "team": [
            f"intake.{action}_{model}"
            for model in ("application", "informationrequest", "guideorder")
            for action in ("view", "change", "delete")
        ],
        # Coaches follow the pipeline; requests (with postal addresses) are for the team only.
        "coach": ["intake.view_application"],
    }
    audit_actions = {
        "application.submitted": _("Aanmelding ontvangen"),
        "application.blocked": _("Aanmelding tegengehouden (spam)"),
        "application.changed": _("Aanmelding gewijzigd"),
        "application.deleted": _("Aanmelding verwijderd"),
        "application.status_changed": _("Status van de aanmelding gewijzigd"),
        "application.owner_assigned": _("Behandelaar toegewezen"),
        "application.note_added": _("Notitie toegevoegd"),
        "application.accepted": _("Aanmelding geaccepteerd (proeftuin gestart)"),
        "application.rejected": _("Aanmelding afgewezen"),
        "information_request.submitted": _("Informatieverzoek ontvangen"),
        "information_request.answered": _("Informatieverzoek beantwoord"),
        "information_request.changed": _("Informatieverzoek gewijzigd"),
        "information_request.deleted": _("Informatieverzoek verwijderd"),
        "request.blocked": _("Aanvraag tegengehouden (spam)"),
        "guide_order.submitted": _("Bestelling handreiking ontvangen"),
        "guide_order.sent": _("Handreiking verstuurd"),
        "guide_order.changed": _("Bestelling handreiking gewijzigd"),
        "guide_order.deleted": _("Bestelling handreiking verwijderd"),
        "guide_order.exported": _("Adresetiketten geëxporteerd"),
        "intake.personal_data_purged": _("Persoonsgegevens opgeschoond (bewaartermijn)"),
    }

    def ready(self):
        from inkoopkracht.lib.navigation import MenuItem, register

        register("public", MenuItem(_("Aanmelden"), "intake:apply", order=60))
        register("footer", MenuItem(_("Informatie aanvragen"), "intake:information_request"))
        register("footer", MenuItem(_("Handreiking bestellen"), "intake:guide_order"))
