"""How long the intake keeps personal data: read from ``data/retention_intake.csv``.

The CSV is the checked-in data inventory (DESIGN.md 4); ``services.purge_personal_data``
enforces it and the public privacy notice shows it. A period is changed in the data, not here.
"""

from dataclasses import dataclass
from datetime import timedelta
from functools import cache

from django.utils.translation import gettext_lazy as _

from inkoopkracht.lib.constants import read_csv

FILENAME = "retention_intake.csv"

# What the public privacy notice calls each record and its personal fields (translatable).
LABELS = {
    "application_rejected": (
        _("Afgewezen aanmelding"),
        _("organisaties, contactpersonen (naam, functie, e-mailadres, telefoon) en uw toelichting"),
        _("na het besluit, daarna verwijderd"),
    ),
    "application_on_hold": (
        _("Aanmelding die on hold staat"),
        _("organisaties, contactpersonen (naam, functie, e-mailadres, telefoon) en uw toelichting"),
        _("na de laatste wijziging, daarna verwijderd"),
    ),
    "application_accepted_contacts": (
        _("Geaccepteerde aanmelding"),
        _("naam, functie, e-mailadres en telefoon van de contactpersonen"),
        _(
            "na het besluit, daarna gewist (u staat dan als contactpersoon van de proeftuin geregistreerd)"
        ),
    ),
    "information_request": (
        _("Informatieverzoek"),
        _("naam, organisatie, e-mailadres, telefoon en uw vraag"),
        _("na ons antwoord, daarna verwijderd"),
    ),
    "guide_order_address": (
        _("Bestelling gedrukte handreiking"),
        _("naam, e-mailadres en postadres"),
        _("na verzending, daarna gewist"),
    ),
    "submission_attempt": (
        _("Spambeveiliging"),
        _("een versleuteld kenmerk van uw IP-adres"),
        _("daarna verwijderd"),
    ),
}


@dataclass(frozen=True)
class Rule:
    key: str
    days: int
    record: str
    fields: str
    counted_from: str

    @property
    def period(self) -> timedelta:
        return timedelta(days=self.days)


@cache
def rules() -> dict[str, Rule]:
    return {
        row["key"]: Rule(
            key=row["key"],
            days=int(row["retention_days"]),
            record=row["record"],
            fields=row["fields"],
            counted_from=row["counted_from"],
        )
        for row in read_csv(FILENAME)
    }


def period(key: str) -> timedelta:
    """How long the data of rule ``key`` is kept (e.g. ``guide_order_address``: 90 days)."""
    return rules()[key].period


def public_table() -> list[dict]:
    """The rows of the privacy notice: record, personal fields, days and what happens."""
    return [
        {"record": record, "fields": fields, "days": rules()[key].days, "after": after}
        for key, (record, fields, after) in LABELS.items()
    ]
