"""Demo programme: cohort 1 (15 proeftuinen, started 2019) and cohort 2 (starting now), with
their plans, letters of intent, coaching and bottlenecks (demo_guidance).

Fictional throughout (demo_data/partnerships.csv). Most proeftuinen work in facility services
and in existing contracts, as in the real programme; their steps, statuses and ambitions differ
so that every screen has something to show.
"""

from datetime import date
from decimal import Decimal

from inkoopkracht.accounts.models import User
from inkoopkracht.lib.demo import DemoContext, read_demo_csv
from inkoopkracht.organisations.demo import by_key

from . import demo_guidance, services
from .models import Cohort, Contract, Partnership, Step

Status = Partnership.Status

CPV = {
    "schoonmaak": ("90910000-9", "Schoonmaakdiensten"),
    "catering": ("55520000-1", "Cateringdiensten"),
    "beveiliging": ("79710000-4", "Beveiligingsdiensten"),
    "groen": ("77310000-6", "Groenvoorziening"),
    "facilitair": ("79993000-1", "Facilitaire dienstverlening"),
    "ict": ("72500000-0", "ICT-werkplekbeheer"),
    "overig": ("64110000-0", "Postkamer en receptie"),
}
COACHES = {
    "sanne": "sanne.bakker@inkoopkracht.example",
    "jeroen": "jeroen.visser@inkoopkracht.example",
}
COHORTS = [
    (1, "Cohort 1 (2019)", date(2019, 1, 15), date(2019, 2, 1),
     "De vijftien proeftuinen waaruit de handreiking is ontstaan."),
    (2, "Cohort 2 (2026)", date(2026, 10, 1), date(2026, 10, 1),
     "Nieuwe proeftuinen die met de handreiking aan de slag gaan."),
]  # fmt: skip
CLOSING_REASONS = {
    Status.PAUSED: "Verbouwing van de locatie",
    Status.STOPPED: "Contract voortijdig beëindigd",
    Status.COMPLETED: "Ambitie gehaald en aanpak geborgd",
}


def _contracts(buyer, supplier, work: str, count: int, start: date, rng) -> list[Contract]:
    code, title = CPV[work]
    suffixes = ["binnen", "buiten"] if count > 1 else ["hoofdlocaties"] * count
    contracts = []
    for index, suffix in enumerate(suffixes):
        reference = f"{buyer.name[:3].upper()}-{start.year}-{rng.randint(100, 999)}{index}"
        value = Decimal(rng.randrange(400_000, 6_000_000, 50_000))
        contract = Contract.objects.filter(buyer=buyer, title=f"{title} {suffix}").first()
        if contract is None:
            contract = services.create_contract(
                by=None,
                buyer=buyer,
                supplier=supplier,
                title=f"{title} {suffix}",
                reference=reference,
                cpv_code=code,
                value_eur=value,
                starts_on=date(start.year - 1, 1, 1),
                # Cohort 1's contracts were extended to keep the proeftuinen running.
                ends_on=date(2028, 12, 31) if start.year < 2026 else date(start.year + 4, 12, 31),
            )
        contracts.append(contract)
    return contracts


def _milestones(ambition: str, ambition_date: date | None, start: date) -> list[dict]:
    if not ambition:
        return []
    middle = date(start.year + (ambition_date.year - start.year) // 2, 12, 31)
    if not start < middle < ambition_date:
        return []
    jobs = (Decimal(ambition) / 2).quantize(Decimal("0.1"))
    return [{"due_on": middle, "jobs": jobs, "note": "Halverwege de ambitie"}]


def _advance(partnership: Partnership, status: str, step: int, start: date, until: date) -> None:
    """Walk the proeftuin through its history: active from its start, then step by step."""
    if status == Status.APPLIED:
        return
    services.change_status(partnership=partnership, status=Status.ACTIVE, by=None, on=start)
    span = max(1, (until - start).days // (step + 1))
    for number in range(2, step + 1):
        on = date.fromordinal(start.toordinal() + span * (number - 1))
        step_obj = Step.objects.get(number=number)
        services.change_step(partnership=partnership, step=step_obj, by=None, on=on)
    if status in CLOSING_REASONS:
        services.change_status(
            partnership=partnership,
            status=status,
            by=None,
            on=until,
            reason=CLOSING_REASONS[status],
        )


def _load_row(ctx: DemoContext, cohort: Cohort, row: dict, index: int, started: date, rng):
    buyer, supplier = by_key(row["buyer"]), by_key(row["supplier"])
    contracts = _contracts(buyer, supplier, row["work_sector"], int(row["contracts"]), started, rng)
    if Partnership.objects.filter(buyer=buyer, supplier=supplier, cohort=cohort).exists():
        return
    start = date(started.year, started.month, min(28, 1 + index * 2))
    ambition_date = date.fromisoformat(row["ambition_date"]) if row["ambition_date"] else None
    parties = [part.split(":") for part in row["parties"].split("|") if part]
    partnership = services.create_partnership(
        by=None,
        buyer=buyer,
        supplier=supplier,
        cohort=cohort,
        route=row["route"],
        work_sector=row["work_sector"],
        status=Status.APPLIED,
        on=started.replace(day=1),
        contracts=contracts,
        coaches=[User.objects.get(email=COACHES[row["coach"]])],
        summary=row["summary"],
        ambition_jobs=Decimal(row["ambition"]) if row["ambition"] else None,
        ambition_date=ambition_date,
        baseline_jobs=Decimal(row["baseline"]),
        baseline_date=start,
        parties=[{"organisation": by_key(key), "role": role} for key, role in parties],
        milestones=_milestones(row["ambition"], ambition_date, start),
    )
    until = date.fromisoformat(row["closed_on"]) if row["closed_on"] else ctx.today
    _advance(partnership, row["status"], int(row["step"]), start, until)


def load(ctx: DemoContext) -> None:
    rows = read_demo_csv(__file__, "partnerships.csv")
    for number, name, starts_on, started, description in COHORTS:
        cohort, _created = Cohort.objects.get_or_create(
            number=number,
            defaults={"name": name, "starts_on": starts_on, "description": description},
        )
        rng = ctx.rng(f"partnerships-{number}")
        cohort_rows = [row for row in rows if int(row["cohort"]) == number]
        for index, row in enumerate(cohort_rows):
            _load_row(ctx, cohort, row, index, started, rng)
    demo_guidance.load(ctx)
