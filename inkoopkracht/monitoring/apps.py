from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "inkoopkracht.monitoring"
    label = "monitoring"
    verbose_name = _("Monitoring")
    # The team reads reporting rounds and imports in the back office; nobody there reads or
    # edits individual placements (they are the supplier's, DESIGN.md 4).
    role_permissions = {
        "team": ["monitoring.view_reportinground", "monitoring.view_importjob"],
        "coach": ["monitoring.view_reportinground"],
    }
    audit_actions = {
        "placement.created": _("Plaatsing toegevoegd"),
        "placement.changed": _("Plaatsing gewijzigd"),
        "placement.hours_changed": _("Uren van een plaatsing gewijzigd"),
        "placement.deleted": _("Plaatsing verwijderd"),
        "placement.purged": _("Plaatsing verwijderd (bewaartermijn verstreken)"),
        "placement.list_viewed": _("Lijst van plaatsingen ingezien"),
        "placement.viewed": _("Plaatsing ingezien"),
        "import.uploaded": _("Importbestand geüpload"),
        "import.checked": _("Importbestand gecontroleerd"),
        "import.applied": _("Importbestand verwerkt"),
        "import.report_viewed": _("Controleverslag van een import ingezien"),
        "import.purged": _("Importbestanden opgeschoond"),
        "round.opened": _("Kwartaalrapportage geopend"),
        "round.submitted": _("Kwartaalrapportage ingediend"),
        "round.approved": _("Kwartaalrapportage goedgekeurd"),
        "round.returned": _("Kwartaalrapportage teruggestuurd"),
        "round.correction_started": _("Correctie van een kwartaalrapportage gestart"),
        "round.reminder_sent": _("Herinnering voor de kwartaalrapportage verstuurd"),
        "token.created": _("API-token gemaakt"),
        "token.revoked": _("API-token ingetrokken"),
    }

    def ready(self):
        from inkoopkracht.lib.navigation import MenuItem, register
        from inkoopkracht.partnerships.portal import Panel, register_panel

        from .views.dashboard import panel_context

        register_panel(
            Panel(
                key="monitoring",
                template="monitoring/portal_panel.html",
                order=20,
                context=panel_context,
            )
        )
        register(
            "portal", MenuItem(_("Monitoring"), "monitoring:overview", order=30, audience="staff")
        )
