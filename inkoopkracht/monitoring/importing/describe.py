"""Dutch one-line descriptions of what an import row changes, for the preview."""

from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inkoopkracht.monitoring import hours as hours_history
from inkoopkracht.monitoring.models import EmploymentType, Origin

LABELS = {
    "job_title": gettext_lazy("functie"),
    "employment_type": gettext_lazy("soort dienstverband"),
    "starts_on": gettext_lazy("startdatum"),
    "ends_on": gettext_lazy("einddatum"),
    "register_confirmed_on": gettext_lazy("doelgroepregister bevestigd op"),
    "origin": gettext_lazy("ontstaan via"),
    "permanent_since": gettext_lazy("vast contract sinds"),
    "hirer_id": gettext_lazy("inlener"),
}


def _show(value) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, Decimal):
        return format(value.normalize(), "f").replace(".", ",")
    for choices in (EmploymentType, Origin):
        if value in choices.values:
            return str(choices(value).label)
    return str(value)


def describe_new(fields: dict, history: list) -> list[str]:
    details = [
        _("%(hours)s uur per week vanaf %(start)s")
        % {"hours": _show(history[0].hours), "start": _show(fields["starts_on"])}
    ]
    if fields.get("ends_on"):
        details.append(_("einddatum %(date)s") % {"date": _show(fields["ends_on"])})
    if fields.get("register_confirmed_on") is None:
        details.append(_("nog te verifiëren"))
    return details


def describe_changes(
    before: dict, changed: dict, old_history, new_history, new_contracts
) -> list[str]:
    details = []
    for name, value in changed.items():
        if name == "hirer_id":
            details.append(_("inlener gewijzigd"))
            continue
        if name not in LABELS:
            continue
        details.append(
            _("%(field)s: %(old)s → %(new)s")
            % {"field": LABELS[name], "old": _show(before.get(name)), "new": _show(value)}
        )
    if new_history is not None:
        details.append(
            _("uren: %(old)s → %(new)s vanaf %(start)s")
            % {
                "old": _show(hours_history.current(old_history)),
                "new": _show(new_history[-1].hours),
                "start": _show(new_history[-1].starts_on),
            }
        )
    if new_contracts is not None:
        details.append(_("contracten gewijzigd"))
    return details
