from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "inkoopkracht.knowledge"
    label = "knowledge"
    verbose_name = _("Kennis en website")
    role_permissions = {"team": ["wagtailcore.*", "wagtailimages.*", "wagtaildocs.*"]}
