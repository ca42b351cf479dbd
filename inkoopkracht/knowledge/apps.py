from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "inkoopkracht.knowledge"
    label = "knowledge"
    verbose_name = _("Kennis en website")
    role_permissions = {
        "team": ["wagtailcore.*", "wagtailimages.*", "wagtaildocs.*", "knowledge.*"],
        "coach": ["knowledge.view_lesson"],
    }
    audit_actions = {
        "lesson.submitted": _("Les ingediend"),
        "lesson.revised": _("Les aangepast en opnieuw ingediend"),
        "lesson.changed": _("Les bewerkt"),
        "lesson.bottleneck_linked": _("Les gekoppeld aan een knelpunt"),
        "lesson.published": _("Les gepubliceerd"),
        "lesson.rejected": _("Les afgewezen"),
        "lesson.unpublished": _("Les niet meer gepubliceerd"),
        "lesson.deleted": _("Les verwijderd"),
        "guide.page_published": _("Pagina gepubliceerd"),
        "guide.page_unpublished": _("Pagina niet meer gepubliceerd"),
        "guide_pdf.requested": _("PDF van de handreiking aangevraagd"),
        "guide_pdf.built": _("PDF van de handreiking gemaakt"),
    }

    def ready(self):
        from inkoopkracht.lib.navigation import MenuItem, register
        from inkoopkracht.partnerships.portal import Panel, register_panel

        from . import portal, signals

        register("public", MenuItem(_("Handreiking"), "knowledge:guide", order=20))
        register("public", MenuItem(_("Lessen"), "knowledge:lessons", order=30))
        register("public", MenuItem(_("Nieuws"), "knowledge:news", order=60))
        register("portal", MenuItem(_("Mijn lessen"), "knowledge:my_lessons", order=40))
        register("footer", MenuItem(_("Toegankelijkheid"), "knowledge:accessibility", order=10))
        register("footer", MenuItem(_("Privacy"), "knowledge:privacy", order=20))
        register("footer", MenuItem(_("Contact"), "knowledge:contact", order=30))
        register_panel(
            Panel(
                key="guide", template="knowledge/portal_panel.html", order=15, context=portal.panel
            )
        )
        signals.connect()
