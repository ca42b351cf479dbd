"""The published import template: its columns, what they accept, and the columns we refuse."""

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from inkoopkracht.monitoring.models import EmploymentType, Origin


@dataclass(frozen=True)
class Column:
    name: str
    help: str
    example: str
    extra: bool = False  # not in the template list: optional additions


COLUMNS = [
    Column("referentie", _("Verplicht. Uw eigen code voor de plaatsing, uniek binnen uw organisatie. Nooit een naam, BSN of geboortedatum."), "HW-0042"),
    Column("functie", _("De functie, bijvoorbeeld ‘Medewerker schoonmaak’."), "Medewerker schoonmaak"),
    Column("werkgever_kvk", _("KvK-nummer (of OIN) van de werkgever. Leeg: de leverancier van de proeftuin."), ""),
    Column("soort_dienstverband", _("direct, detachering, uitzend, groepsdetachering of bbl. Leeg bij een nieuwe plaatsing: direct."), "direct"),
    Column("vast_contract", _("ja of nee."), "nee"),
    Column("uren_per_week", _("Betaalde uren per week, met komma of punt: 25,5."), "25,5"),
    Column("startdatum", _("Verplicht bij een nieuwe plaatsing. dd-mm-jjjj of jjjj-mm-dd."), "01-03-2026"),
    Column("einddatum", _("Leeg zolang de plaatsing loopt."), ""),
    Column("doelgroepregister_bevestigd_op", _("Datum waarop u heeft vastgesteld dat de persoon in het doelgroepregister staat. Leeg: telt apart als ‘nog te verifiëren’."), "15-03-2026"),
    Column("contracten", _("Kenmerken van de contracten van de proeftuin waarvoor de plaatsing werkt, gescheiden door |."), ""),
    Column("ontstaan_via", _("vacature, jobcarving, inclusief_herontwerp, stapelbaan, groepsdetachering of overig."), "vacature"),
    Column("uren_per_week_vanaf", _("Niet verplicht. Datum waarop gewijzigde uren ingaan; leeg: vandaag."), "", extra=True),
    Column("vast_contract_sinds", _("Niet verplicht. Datum waarop het contract vast werd; leeg: de startdatum (nieuw) of vandaag."), "", extra=True),
    Column("inlener_kvk", _("Niet verplicht. Bij detachering of uitzendwerk: KvK-nummer (of OIN) van de inlener."), "", extra=True),
]  # fmt: skip
COLUMN_NAMES = [column.name for column in COLUMNS]

# Column names that would hold directly identifying or health-revealing personal data.
_FORBIDDEN = re.compile(
    r"(^|_)(naam|voornaam|achternaam|roepnaam|tussenvoegsel|voorletters|name|bsn|"
    r"burgerservicenummer|sofi|sofinummer|geboortedatum|geb_datum|geboren|birth|dob|"
    r"adres|postcode|woonplaats|telefoon|email|e_mail|mail|iban|geslacht|indicatie|grondslag|"
    r"diagnose|beperking|wajong|uitkering)($|_)"
)

YES = {"ja", "j", "yes", "y", "1", "waar", "true", "vast", "x"}
NO = {"nee", "n", "no", "0", "onwaar", "false", "tijdelijk", ""}

EMPLOYMENT_ALIASES = {
    **{choice.value: choice.value for choice in EmploymentType},
    "in dienst": EmploymentType.DIRECT,
    "in_dienst": EmploymentType.DIRECT,
    "loondienst": EmploymentType.DIRECT,
    "gedetacheerd": EmploymentType.DETACHERING,
    "uitzendwerk": EmploymentType.UITZEND,
    "uitzendkracht": EmploymentType.UITZEND,
    "uitzenden": EmploymentType.UITZEND,
    "leerwerktraject": EmploymentType.BBL,
}
ORIGIN_ALIASES = {
    **{choice.value: choice.value for choice in Origin},
    "inclusief herontwerp": Origin.REDESIGN,
    "inclusief herontwerp van werk": Origin.REDESIGN,
    "ihw": Origin.REDESIGN,
    "anders": Origin.OTHER,
}


def forbidden_column(name: str) -> bool:
    """A column that looks like it holds a name, BSN, birth date or other personal data."""
    return bool(_FORBIDDEN.search(name))
