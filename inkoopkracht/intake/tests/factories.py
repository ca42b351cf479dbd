"""Factories for intake tests: form data as a visitor types it, and applications made by services."""

import itertools
import time
from datetime import date

import time_machine

from inkoopkracht.intake import services
from inkoopkracht.intake.models import Application, Side
from inkoopkracht.intake.spam import issue_token

_numbers = itertools.count(1)


def started_token(seconds_ago: int = 120) -> str:
    """The signed start time of a form shown ``seconds_ago`` (a person, not a bot)."""
    with time_machine.travel(time.time() - seconds_ago, tick=False):
        return issue_token()


def party(side: Side, **overrides) -> dict:
    """One party as the service takes it."""
    n = next(_numbers)
    buyer = side == Side.BUYER
    data = {
        "side": side,
        "organisation_name": f"Gemeente Proef {n}" if buyer else f"Bedrijf Proef {n}",
        "kvk_number": None if buyer else f"{70000000 + n}",
        "oin": f"{n:020d}" if buyer else None,
        "subsector": "gemeente" if buyer else "",
        "contact_name": f"Contact {n}",
        "contact_job_title": "Inkoper" if buyer else "HR-adviseur",
        "contact_email": f"contact{n}@{'gemeente' if buyer else 'bedrijf'}.example",
        "contact_phone": "",
    }
    data.update(overrides)
    return data


def make_application(
    *,
    kind: str = Application.Kind.PAIR,
    parties: list[dict] | None = None,
    client_address: str | None = None,
    **fields,
) -> Application:
    """A submitted application (through the service, as the public form does)."""
    sides = Application(kind=kind).sides
    defaults = {
        "route": "bestaand_contract",
        "work_sector": "schoonmaak",
        "work_description": "Schoonmaak van het gemeentehuis",
        "value_range": "1m_5m",
        "province": "utrecht",
        "ambition": "Vijf extra banen",
        "motivation": "Wij willen samen meer mensen aan het werk helpen.",
    }
    defaults.update(fields)
    return services.submit_application(
        kind=kind,
        parties=parties if parties is not None else [party(side) for side in sides],
        client_address=client_address or f"10.0.{next(_numbers) % 250}.{next(_numbers) % 250}",
        **defaults,
    )


def application_form_data(kind: str = "samen", **overrides) -> dict:
    """What a visitor types in the public application form (both sides for a pair)."""
    n = next(_numbers)
    data = {
        "route": "bestaand_contract",
        "work_sector": "schoonmaak",
        "work_description": "Schoonmaak van het stadhuis en twee wijkcentra.",
        "value_range": "1m_5m",
        "contract_ends_on": f"{date.today().year + 3}-12-31",
        "province": "utrecht",
        "labour_market_region": "",
        "ambition_jobs": "4",
        "ambition_date": f"{date.today().year + 2}-12-31",
        "ambition": "Vier extra banen in de schoonmaak.",
        "motivation": "Wij willen laten zien dat het kan.",
        "consent": "on",
        "website": "",
        "started": started_token(),
    }
    if kind in ("samen", "opdrachtgever"):
        data.update(
            {
                "buyer_name": f"Gemeente Formulier {n}",
                "buyer_identifier": "0000 0001 8000 0099 9000",
                "buyer_subsector": "gemeente",
                "buyer_contact_name": "Anna de Vries",
                "buyer_contact_job_title": "Inkoopadviseur",
                "buyer_contact_email": f"anna{n}@gemeente.example",
                "buyer_contact_phone": "030 123 45 67",
            }
        )
    if kind in ("samen", "leverancier"):
        data.update(
            {
                "supplier_name": f"Schoonmaak Formulier {n}",
                "supplier_identifier": "8765 4321",
                "supplier_contact_name": "Bram Jansen",
                "supplier_contact_job_title": "Regiomanager",
                "supplier_contact_email": f"bram{n}@schoonmaak.example",
                "supplier_contact_phone": "",
            }
        )
    data.update(overrides)
    return data
