"""Reports: public results and open data, the team's health overview (reads the other apps)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "inkoopkracht.reports"
    label = "reports"
    verbose_name = _("Rapportages")
    audit_actions = {
        "health.exported": _("Gezondheidsoverzicht geëxporteerd"),
    }

    def ready(self):
        from inkoopkracht.lib.navigation import MenuItem, register

        from . import health_admin  # noqa: F401  (the back-office menu item)

        register(
            "portal",
            MenuItem(_("Gezondheid"), "reports:health", order=13, audience="staff"),
        )
        register("public", MenuItem(_("Resultaten"), "reports:results", order=40))
        register("footer", MenuItem(_("Open data"), "reports:open_data", order=40))
