"""Demo placements (2019 to today) and reporting rounds in every state, for the demo proeftuinen.

Deterministic (one seeded random generator per proeftuin) and idempotent (a proeftuin that has
placements or rounds is left alone). Each proeftuin follows its glide path at its own pace
(``demo_data/placement_profiles.csv``): people are hired when the banen fall behind the
target, some leave, hours change, temporary contracts become permanent, a few placements are
not yet verified, stacked jobs serve two contracts, and an SW-bedrijf or social enterprise
employs part of the people. Everything goes through the services, like a real supplier.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from inkoopkracht.lib.constants import constant
from inkoopkracht.lib.demo import DemoContext, read_demo_csv
from inkoopkracht.organisations.demo import by_key
from inkoopkracht.organisations.models import Contact, Organisation
from inkoopkracht.partnerships.models import Partnership

from . import services
from .glidepath import glide_path, planned_on
from .models import EmploymentType, Origin, Placement, ReportingRound
from .periods import Period, quarters_between

HOURS = [Decimal(h) for h in ("12", "16", "18", "20", "20", "24", "24", "25.5", "28", "32")]
RETURN_COMMENT = "De uren van twee plaatsingen in de laatste maand ontbreken. Wilt u die aanvullen?"
CORRECTION_REASON = (
    "Een plaatsing bleek al in juni beëindigd; de einddatum is achteraf doorgegeven."
)


@dataclass
class Sim:
    """A placement being simulated (plain values; stored through the services at the end)."""

    start: date
    hours: list  # [(from, hours)]
    employer: Organisation
    kind: str
    origin: str
    title: str
    contracts: list
    hirer: Organisation | None = None
    end: date | None = None
    permanent_since: date | None = None
    confirmed_on: date | None = None
    extra: dict = field(default_factory=dict)

    def active_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)

    def hours_on(self, day: date) -> Decimal:
        return [h for d, h in self.hours if d <= day][-1]


def _day_in(rng, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, max(0, (last - first).days)))


def _banen(sims, day: date) -> Decimal:
    hours = sum((s.hours_on(day) for s in sims if s.active_on(day)), Decimal(0))
    return hours / constant("hours_per_job_per_week", on=day)


class Simulation:
    def __init__(self, ctx: DemoContext, partnership: Partnership, profile: dict, titles: list):
        self.ctx, self.partnership, self.profile, self.titles = ctx, partnership, profile, titles
        self.rng = ctx.rng(f"monitoring-{profile['code']}")
        self.contracts = list(partnership.contracts.order_by("pk"))
        parties = {
            p.role: p.organisation for p in partnership.parties.select_related("organisation")
        }
        self.group_employer = parties.get("sw_bedrijf")
        self.social_enterprise = parties.get("sociale_onderneming")
        self.start = partnership.baseline_date or partnership.started_on
        self.end = min(partnership.ended_on or ctx.today, ctx.today)
        self.sims: list[Sim] = []

    def _new(self, start: date, hours: Decimal) -> Sim:
        roll = self.rng.random()
        p = self.partnership
        kind, employer, hirer, origin = EmploymentType.DIRECT, p.supplier, None, None
        if self.group_employer and roll < 0.25:
            kind, employer, hirer, origin = (
                EmploymentType.GROEPSDETACHERING,
                self.group_employer,
                p.supplier,
                Origin.GROUP_SECONDMENT,
            )
        elif self.social_enterprise and roll < 0.4:
            employer = self.social_enterprise
        elif roll > 0.92:
            kind, hirer = EmploymentType.DETACHERING, p.buyer
        elif roll > 0.86:
            kind = EmploymentType.BBL
        contracts = [self.rng.choice(self.contracts)] if self.contracts else []
        if len(self.contracts) > 1 and self.rng.random() < 0.3:
            contracts, origin = list(self.contracts), origin or Origin.STACKED
        origin = origin or self.rng.choice(
            [Origin.VACANCY] * 5 + [Origin.JOB_CARVING] * 3 + [Origin.REDESIGN] * 2
        )
        sim = Sim(
            start,
            [(start, hours)],
            employer,
            kind,
            origin,
            self.rng.choice(self.titles),
            contracts,
            hirer,
        )
        if kind == EmploymentType.DIRECT and self.rng.random() < 0.25:
            sim.permanent_since = start
        return sim

    def _target(self, points, day: date) -> Decimal:
        planned = planned_on(points, day)
        baseline = Decimal(self.partnership.baseline_jobs)
        if planned is None:
            return baseline
        return baseline + (planned - baseline) * Decimal(self.profile["pace"])

    def run(self) -> list[Sim]:
        baseline = Decimal(self.partnership.baseline_jobs)
        while _banen(self.sims, self.start) < baseline - Decimal("0.3"):
            started = self.start - timedelta(days=self.rng.randint(200, 1200))
            self.sims.append(self._new(started, self.rng.choice(HOURS)))
        points = glide_path(self.partnership)
        for quarter in quarters_between(Period.quarter_of(self.start), Period.quarter_of(self.end)):
            first, last = max(quarter.start, self.start), min(quarter.end, self.end)
            self._quarter(first, last)
            while _banen(self.sims, last) < self._target(points, last) - Decimal("0.2"):
                self.sims.append(self._new(_day_in(self.rng, first, last), self.rng.choice(HOURS)))
        if self.partnership.status == Partnership.Status.STOPPED:
            for sim in self.sims:
                if sim.end is None:
                    sim.end = min(
                        self.end + timedelta(days=self.rng.randint(0, 60)), self.ctx.today
                    )
                    sim.hours = [(d, h) for d, h in sim.hours if d <= sim.end]
                    if sim.permanent_since and sim.permanent_since > sim.end:
                        sim.permanent_since = None
        self._confirm()
        return self.sims

    def _quarter(self, first: date, last: date) -> None:
        for sim in [s for s in self.sims if s.active_on(first)]:
            roll = self.rng.random()
            if roll < 0.035:
                sim.end = _day_in(self.rng, first, last)
            elif roll < 0.1 and first > sim.hours[-1][0]:
                change = self.rng.choice(
                    [Decimal(-8), Decimal(-4), Decimal(4), Decimal(6), Decimal(8)]
                )
                hours = min(Decimal(36), max(Decimal(8), sim.hours[-1][1] + change))
                sim.hours.append((_day_in(self.rng, first, last), hours))
            elif sim.permanent_since is None and (first - sim.start).days > 180 and roll < 0.16:
                sim.permanent_since = _day_in(self.rng, first, last)
            if sim.end and sim.permanent_since and sim.permanent_since > sim.end:
                sim.permanent_since = None
            sim.hours = [(d, h) for d, h in sim.hours if sim.end is None or d <= sim.end]

    def _confirm(self) -> None:
        """Most placements are verified within weeks; recent ones and a few older ones not yet."""
        latest = self.ctx.today - timedelta(days=14)
        for index, sim in enumerate(self.sims):
            confirmed = sim.start + timedelta(days=self.rng.randint(5, 40))
            if confirmed <= latest and not (index % 17 == 5 and sim.end is None):
                sim.confirmed_on = confirmed


def _references(sims: list[Sim], code: str) -> list[str]:
    return [f"{code}-{number:03d}" for number in range(1, len(sims) + 1)]


def _store(partnership: Partnership, sims: list[Sim], code: str) -> None:
    for reference, sim in zip(_references(sims, code), sims, strict=True):
        services.create_placement(
            partnership=partnership,
            by=None,
            reference=reference,
            job_title=sim.title,
            employer=sim.employer,
            hirer=sim.hirer,
            employment_type=sim.kind,
            origin=sim.origin,
            starts_on=sim.start,
            ends_on=sim.end,
            permanent_since=sim.permanent_since,
            register_confirmed_on=sim.confirmed_on,
            contracts=sim.contracts,
            hours_per_week=sim.hours[0][1],
            hour_changes=[(d, h) for d, h in sim.hours[1:] if d > sim.start],
        )


def _member(organisation: Organisation):
    contact = (
        Contact.objects.filter(organisation=organisation, user__isnull=False)
        .select_related("user")
        .first()
    )
    return contact.user if contact else None


def _at(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(10, 30)))


def _approved(partnership, quarter: Period, supplier_user, buyer_user, returned: bool = False):
    reporting_round = services.open_round(
        partnership=partnership, period=quarter, by=None, at=_at(quarter.end + timedelta(days=3))
    )
    services.submit_round(
        reporting_round=reporting_round,
        by=supplier_user,
        notify=False,
        at=_at(quarter.end + timedelta(days=14)),
    )
    if returned:
        services.return_round(
            reporting_round=reporting_round,
            by=buyer_user,
            comment=RETURN_COMMENT,
            notify=False,
            at=_at(quarter.end + timedelta(days=18)),
        )
        services.submit_round(
            reporting_round=reporting_round,
            by=supplier_user,
            notify=False,
            at=_at(quarter.end + timedelta(days=22)),
        )
    services.approve_round(
        reporting_round=reporting_round,
        by=buyer_user,
        notify=False,
        at=_at(quarter.end + timedelta(days=27)),
    )
    return reporting_round


def _last_round(partnership, quarter: Period, state: str, supplier_user, buyer_user) -> None:
    if state == "geen":
        return
    if state in ("goedgekeurd", "correctie"):
        approved = _approved(partnership, quarter, supplier_user, buyer_user)
        if state == "correctie":
            services.start_correction(
                reporting_round=approved,
                by=supplier_user,
                reason=CORRECTION_REASON,
                at=_at(quarter.end + timedelta(days=40)),
            )
        return
    reporting_round = services.open_round(
        partnership=partnership, period=quarter, by=None, at=_at(quarter.end + timedelta(days=3))
    )
    if state in ("ingediend", "teruggestuurd"):
        services.submit_round(
            reporting_round=reporting_round,
            by=supplier_user,
            notify=False,
            at=_at(quarter.end + timedelta(days=20)),
        )
    if state == "teruggestuurd":
        services.return_round(
            reporting_round=reporting_round,
            by=buyer_user,
            comment=RETURN_COMMENT,
            notify=False,
            at=_at(quarter.end + timedelta(days=26)),
        )


def _rounds(ctx: DemoContext, partnership: Partnership, state: str) -> None:
    if (
        not partnership.started_on
        or ReportingRound.objects.filter(partnership=partnership).exists()
    ):
        return
    last = Period.last_completed_quarter(ctx.today)
    end = min(Period.quarter_of(partnership.ended_on), last) if partnership.ended_on else last
    quarters = quarters_between(Period.quarter_of(partnership.started_on), end)
    supplier_user, buyer_user = _member(partnership.supplier), _member(partnership.buyer)
    for index, quarter in enumerate(quarters):
        if quarter == last:
            _last_round(partnership, quarter, state, supplier_user, buyer_user)
        else:
            _approved(
                partnership, quarter, supplier_user, buyer_user, returned=index == len(quarters) - 3
            )


def load(ctx: DemoContext) -> None:
    titles: dict[str, list] = {}
    for row in read_demo_csv(__file__, "job_titles.csv"):
        titles.setdefault(row["work_sector"], []).append(row["title"])
    for profile in read_demo_csv(__file__, "placement_profiles.csv"):
        partnership = (
            Partnership.objects.filter(
                buyer=by_key(profile["buyer"]), supplier=by_key(profile["supplier"])
            )
            .select_related("buyer", "supplier")
            .first()
        )
        if partnership is None or not (partnership.baseline_date or partnership.started_on):
            continue
        if partnership.started_on and partnership.started_on > ctx.today:
            continue
        if not Placement.objects.filter(partnership=partnership).exists():
            sims = Simulation(ctx, partnership, profile, titles[partnership.work_sector]).run()
            _store(partnership, sims, profile["code"])
        _rounds(ctx, partnership, profile["last_round"])
    ctx.write(
        f"Monitoring: {Placement.objects.count()} plaatsingen, {ReportingRound.objects.count()} kwartaalrapportages."
    )
