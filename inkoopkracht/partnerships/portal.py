"""Extension point of "Mijn proeftuin": other apps add panels to a proeftuin's page.

An app registers a panel in its ``AppConfig.ready()``::

    from inkoopkracht.partnerships.portal import Panel, register_panel
    register_panel(Panel(key="monitoring", template="monitoring/portal_panel.html",
                         order=20, context=monitoring_panel_context))

``context(request, partnership)`` returns the template context, or ``None`` to leave the panel
out for this user. Partnerships never imports the apps that build on it (DESIGN.md 5).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import render_to_string


@dataclass(frozen=True)
class Panel:
    key: str
    template: str
    order: int
    context: Callable  # (request, partnership) -> dict | None


_PANELS: dict[str, Panel] = {}


def register_panel(panel: Panel) -> None:
    _PANELS[panel.key] = panel


def render_panels(request, partnership) -> list[str]:
    """The HTML of every panel that has something to show this user, in order."""
    html = []
    for panel in sorted(_PANELS.values(), key=lambda p: p.order):
        context = panel.context(request, partnership)
        if context is not None:
            context = {"partnership": partnership, **context}
            html.append(render_to_string(panel.template, context, request=request))
    return html
