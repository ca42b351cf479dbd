from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "inkoopkracht.reports"
    label = "reports"
    verbose_name = _("Rapportages")

    def ready(self):
        from inkoopkracht.lib.navigation import MenuItem, register

        register("public", MenuItem(_("Resultaten"), "reports:results", order=40))
        register("footer", MenuItem(_("Open data"), "reports:open_data", order=40))
