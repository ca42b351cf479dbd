"""Factories for tests (plain functions; every argument can be overridden)."""

import itertools
from datetime import date
from decimal import Decimal

from inkoopkracht.accounts import services as accounts
from inkoopkracht.accounts.roles import Role
from inkoopkracht.organisations import services as organisations
from inkoopkracht.organisations.models import Organisation
from inkoopkracht.partnerships import services
from inkoopkracht.partnerships.models import Cohort, Partnership

_numbers = itertools.count(1)


def make_user(*, role=Role.MEMBER, email=None, password="een-lang-wachtwoord-42"):
    email = email or f"user{next(_numbers)}@test.example"
    return accounts.create_user(email=email, role=role, password=password, first_name="Test")


def make_organisation(*, kind=Organisation.Kind.SUPPLIER, name=None, **fields):
    n = next(_numbers)
    defaults = {
        "name": name or f"Organisatie {n}",
        "kind": kind,
        "sector": Organisation.Sector.OVERHEID
        if kind == Organisation.Kind.BUYER
        else Organisation.Sector.MARKT,
        "subsector": Organisation.Subsector.GEMEENTE if kind == Organisation.Kind.BUYER else "",
        "kvk_number": f"{80000000 + n}",
    }
    defaults.update(fields)
    return organisations.create_organisation(by=None, **defaults)


def make_buyer(**fields):
    return make_organisation(kind=Organisation.Kind.BUYER, **fields)


def make_member(*, organisation, email=None, password="een-lang-wachtwoord-42"):
    """A user who is a contact of ``organisation`` with portal access."""
    email = email or f"member{next(_numbers)}@test.example"
    contact = organisations.add_contact(
        organisation=organisation, by=None, name="Test Lid", email=email
    )
    organisations.grant_portal_access(contact=contact, by=None, send_invitation=False)
    user = contact.user
    accounts.change_password(user=user, password=password)
    return user


def make_cohort(number=1):
    cohort, _created = Cohort.objects.get_or_create(
        number=number, defaults={"name": f"Cohort {number}", "starts_on": date(2025, 1, 1)}
    )
    return cohort


def make_contract(*, buyer, supplier, **fields):
    defaults = {
        "title": "Schoonmaak",
        "reference": f"C-{next(_numbers)}",
        "starts_on": date(2024, 1, 1),
        "ends_on": date(2028, 12, 31),
        "value_eur": Decimal("1000000"),
    }
    defaults.update(fields)
    return services.create_contract(by=None, buyer=buyer, supplier=supplier, **defaults)


def make_partnership(*, buyer=None, supplier=None, with_contract=True, **fields) -> Partnership:
    buyer = buyer or make_buyer()
    supplier = supplier or make_organisation()
    defaults = {
        "cohort": make_cohort(),
        "route": Partnership.Route.EXISTING_CONTRACT,
        "work_sector": Partnership.WorkSector.SCHOONMAAK,
        "ambition_jobs": Decimal("5"),
        "ambition_date": date(2028, 12, 31),
        "baseline_date": date(2025, 1, 1),
    }
    defaults.update(fields)
    contracts = [make_contract(buyer=buyer, supplier=supplier)] if with_contract else []
    return services.create_partnership(
        by=None, buyer=buyer, supplier=supplier, contracts=contracts, **defaults
    )


# --- Guidance: contacts, letters of intent, sessions, actions, bottlenecks ---


def make_contact(*, organisation, name=None, **fields):
    n = next(_numbers)
    return organisations.add_contact(
        organisation=organisation,
        by=None,
        name=name or f"Contact {n}",
        email=fields.pop("email", f"contact{n}@test.example"),
        **fields,
    )


def letter_arguments(partnership, **overrides) -> dict:
    """Valid arguments for ``services.agreement.save_letter`` (contacts are created)."""
    buyer_contact = make_contact(organisation=partnership.buyer, job_title="Inkoper")
    supplier_contact = make_contact(organisation=partnership.supplier, job_title="Directeur")
    arguments = {
        "ambition_jobs": Decimal("6"),
        "ambition_date": date(2028, 6, 30),
        "review_on": date(2027, 6, 30),
        "buyer_signatory": buyer_contact,
        "supplier_signatory": supplier_contact,
        "buyer_contact": buyer_contact,
        "supplier_contact": supplier_contact,
        "buyer_commitments": [("werkplekken", "Werkplekken en passende taken beschikbaar stellen")],
        "supplier_commitments": [("werven", "Kandidaten uit de doelgroep banenafspraak werven")],
        "roles": "",
    }
    arguments.update(overrides)
    return arguments


def make_letter(*, partnership, by=None, **overrides):
    from inkoopkracht.partnerships.services import agreement

    return agreement.save_letter(
        partnership=partnership, by=by, **letter_arguments(partnership, **overrides)
    )


def make_session(*, partnership, by=None, **fields):
    from inkoopkracht.partnerships.models import CoachingSession
    from inkoopkracht.partnerships.services import coaching

    defaults = {
        "held_on": date(2026, 1, 15),
        "kind": CoachingSession.Kind.KICKOFF,
        "agreements": "Ambitie vastgesteld.",
        "notes": "Vertrouwelijke notitie van de begeleider.",
    }
    defaults.update(fields)
    return coaching.record_session(partnership=partnership, by=by, **defaults)


def make_action(*, partnership, side="supplier", party=None, by=None, **fields):
    from inkoopkracht.partnerships.services import coaching
    from inkoopkracht.partnerships.services.coaching import Owner

    defaults = {"description": f"Actie {next(_numbers)}", "due_on": date(2026, 3, 1)}
    defaults.update(fields)
    return coaching.create_action(
        partnership=partnership, by=by, owner=Owner(side=side, party=party), **defaults
    )


def make_bottleneck(*, partnerships=(), by=None, **fields):
    from inkoopkracht.partnerships.models import Bottleneck
    from inkoopkracht.partnerships.services import bottlenecks

    defaults = {
        "title": f"Knelpunt {next(_numbers)}",
        "category": Bottleneck.Category.COUNTING,
        "description": "Detachering telt niet mee bij de inlener.",
    }
    defaults.update(fields)
    return bottlenecks.report_bottleneck(by=by, partnerships=partnerships, **defaults)
