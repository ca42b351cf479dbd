from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuotaConfig(AppConfig):
    name = "inkoopkracht.quota"
    label = "quota"
    verbose_name = _("Quotum en social return")
