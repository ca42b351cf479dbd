"""Workshops and peer meetings: events, registrations, waiting list, attendance, participation."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "inkoopkracht.events"
    label = "events"
    verbose_name = _("Bijeenkomsten")
    role_permissions = {
        "team": ["events.*"],
        "coach": [
            "events.view_event",
            "events.view_speaker",
            "events.view_registration",
            "events.change_registration",  # check people in at an event
        ],
    }
    audit_actions = {
        "event.created": _("Bijeenkomst aangemaakt"),
        "event.changed": _("Bijeenkomst gewijzigd"),
        "event.deleted": _("Bijeenkomst verwijderd"),
        "event.cancelled": _("Bijeenkomst afgelast"),
        "event.follow_up_sent": _("Verslag en materiaal verstuurd"),
        "event.speaker_added": _("Ervaringsdeskundige toegevoegd"),
        "speaker.created": _("Ervaringsdeskundige aangemaakt"),
        "speaker.changed": _("Ervaringsdeskundige gewijzigd"),
        "speaker.deleted": _("Ervaringsdeskundige verwijderd"),
        "registration.created": _("Aangemeld voor bijeenkomst"),
        "registration.cancelled": _("Afgemeld voor bijeenkomst"),
        "registration.offered": _("Plaats aangeboden (wachtlijst)"),
        "registration.offer_accepted": _("Aangeboden plaats aangenomen"),
        "registration.offer_expired": _("Aanbod verlopen"),
        "registration.attendance_recorded": _("Aanwezigheid geregistreerd"),
        "registration.reminders_sent": _("Herinneringen verstuurd"),
        "registration.purged": _("Persoonsgegevens van aanmeldingen verwijderd"),
        "speaker.purged": _("Oude ervaringsdeskundigen verwijderd"),
    }

    def ready(self):
        from inkoopkracht.lib.navigation import MenuItem, register
        from inkoopkracht.partnerships.portal import Panel, register_panel

        from .portal import panel_context

        register("public", MenuItem(_("Bijeenkomsten"), "events:list", order=30))
        register(
            "portal",
            MenuItem(_("Mijn bijeenkomsten"), "events:mine", order=30, audience="members"),
        )
        register_panel(
            Panel(
                key="events", template="events/portal_panel.html", order=40, context=panel_context
            )
        )
