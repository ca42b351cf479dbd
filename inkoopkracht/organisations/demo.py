"""Demo organisations and contacts: fictional buyers, suppliers and other parties.

Every name, number and address is invented (demo_data/organisations.csv). KvK numbers start
with 9 and OINs with 0000000180000, so they cannot be mistaken for real ones in a screenshot.
"""

from functools import cache

from inkoopkracht.lib.demo import DEMO_PASSWORD, DemoContext, DemoLogin, read_demo_csv

from . import services
from .models import Contact, Organisation

FIRST_NAMES = ["Femke", "Ruben", "Lotte", "Bas", "Yasmin", "Thijs", "Ilse", "Mehmet", "Anouk",
               "Pieter", "Sara", "Daan", "Esra", "Wouter", "Noor", "Kees", "Fleur", "Joost"]  # fmt: skip
LAST_NAMES = ["Dekker", "Jansen", "Smit", "de Boer", "Bulut", "Hendriks", "Mulder", "Yilmaz",
              "Vos", "Kramer", "Peters", "van Dam", "Ozturk", "Bos", "Willems", "Prins"]  # fmt: skip
ROLES = {
    Organisation.Kind.BUYER: ["Inkoopadviseur", "Contractmanager facilitair"],
    Organisation.Kind.SUPPLIER: ["Regiomanager", "HR-adviseur inclusie"],
}

# Demo members who log in to Mijn proeftuin: organisation key, name, job title, shown as.
MEMBERS = [
    ("zandhoven", "Femke Dekker", "Inkoopadviseur", "Opdrachtgever (lid)"),
    ("helderwerk", "Ruben Jansen", "Regiomanager", "Leverancier (lid)"),
    ("goedetafel", "Lotte Smit", "HR-adviseur inclusie", "Leverancier (andere proeftuin)"),
]


@cache
def _rows() -> dict[str, dict]:
    rows = {}
    for row in read_demo_csv(__file__, "organisations.csv"):
        row["kvk_number"] = row["kvk_number"] or None
        row["oin"] = (
            f"0000000180000{int(row.pop('oin_number')):04d}000" if row["oin_number"] else None
        )
        rows[row["key"]] = row
    return rows


def by_key(key: str) -> Organisation:
    """A demo organisation by its key, looked up through its KvK number or OIN."""
    row = _rows()[key]
    if row["kvk_number"]:
        return Organisation.objects.get(kvk_number=row["kvk_number"])
    return Organisation.objects.get(oin=row["oin"])


def _email(name: str, domain: str) -> str:
    return name.lower().replace(" ", ".") + f"@{domain}"


def _contacts(rng, kind: str, domain: str) -> list[dict]:
    roles = ROLES.get(kind, ["Coördinator", "Adviseur"])
    contacts = []
    for index, job_title in enumerate(roles):
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        phone = f"0{rng.randint(10, 79)} {rng.randint(100, 999)} {rng.randint(10, 99)} {rng.randint(10, 99)}"
        contacts.append(
            {"name": name, "job_title": job_title, "email": _email(name, domain), "phone": phone,
             "is_primary": index == 0}
        )  # fmt: skip
    return contacts


def load(ctx: DemoContext) -> None:
    rng = ctx.rng("organisations")
    for row in _rows().values():
        contacts = _contacts(rng, row["kind"], row["domain"])
        if Organisation.objects.filter(name=row["name"]).exists():
            continue
        services.create_organisation(
            by=None,
            name=row["name"],
            kind=row["kind"],
            sector=row["sector"],
            subsector=row["subsector"],
            kvk_number=row["kvk_number"],
            oin=row["oin"],
            province=row["province"],
            labour_market_region_id=row["region"],
            website=f"https://www.{row['domain']}",
            contacts=contacts,
        )
    _load_members(ctx)


def _load_members(ctx: DemoContext) -> None:
    from inkoopkracht.accounts.services import change_password

    for key, name, job_title, label in MEMBERS:
        organisation = by_key(key)
        email = _email(name, _rows()[key]["domain"])
        contact = Contact.objects.filter(organisation=organisation, email=email).first()
        if contact is None:
            contact = services.add_contact(
                organisation=organisation, by=None, name=name, job_title=job_title, email=email
            )
        if contact.user_id is None:
            contact = services.grant_portal_access(contact=contact, by=None, send_invitation=False)
            change_password(user=contact.user, password=DEMO_PASSWORD)
        ctx.logins.append(DemoLogin(role=label, email=email, note=organisation.name))
