"""Placements and their hours: created, changed and deleted by the supplier side."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from inkoopkracht import audit
from inkoopkracht.lib.retention import retention_period
from inkoopkracht.monitoring import hours as hours_history
from inkoopkracht.monitoring.access import default_hirer, parties
from inkoopkracht.monitoring.models import LENDING_TYPES, Placement, PlacementHours

from .errors import MonitoringError


def check_parties(partnership, employer, hirer) -> None:
    """Employer and hirer must take part in the proeftuin (buyer, supplier or other party)."""
    allowed = {organisation.pk for organisation in parties(partnership)}
    errors = {}
    if employer.pk not in allowed:
        errors["employer"] = _("%(organisation)s is geen partij in deze proeftuin.") % {
            "organisation": employer
        }
    if hirer is not None and hirer.pk not in allowed:
        errors["hirer"] = _("%(organisation)s is geen partij in deze proeftuin.") % {
            "organisation": hirer
        }
    if errors:
        raise ValidationError(errors)


def check_contracts(partnership, contracts) -> None:
    allowed = set(partnership.contracts.values_list("pk", flat=True))
    foreign = [str(contract) for contract in contracts if contract.pk not in allowed]
    if foreign:
        raise ValidationError(
            {
                "contracts": _("Niet van deze proeftuin: %(contracts)s.")
                % {"contracts": ", ".join(foreign)}
            }
        )


def _resolve_hirer(partnership, employer, employment_type, hirer):
    if employment_type in LENDING_TYPES:
        return hirer or default_hirer(partnership, employer)
    return None


def read_history(placement: Placement) -> list[hours_history.HoursPeriod]:
    return [
        hours_history.HoursPeriod(row.starts_on, row.ends_on, row.hours_per_week)
        for row in placement.hours.order_by("starts_on")
    ]


def write_history(placement: Placement, history: list[hours_history.HoursPeriod]) -> bool:
    """Store a new hours history (only when it differs); True when something changed."""
    if read_history(placement) == history:
        return False
    placement.hours.all().delete()
    rows = [
        PlacementHours(
            placement=placement, starts_on=p.starts_on, ends_on=p.ends_on, hours_per_week=p.hours
        )
        for p in history
    ]
    for row in rows:
        row.full_clean(exclude=["placement"])
    PlacementHours.objects.bulk_create(rows)
    return True


@transaction.atomic
def create_placement(
    *,
    partnership,
    by,
    hours_per_week: Decimal,
    employer=None,
    hirer=None,
    contracts=(),
    hour_changes: list[tuple[date, Decimal]] = (),
    **fields,
) -> Placement:
    """Add a placement to a proeftuin; the employer defaults to the supplier.

    ``hours_per_week`` holds from the start date; ``hour_changes`` (date, hours) are later
    changes, for entering a placement with its history at once."""
    employer = employer or partnership.supplier
    employment_type = fields.get(
        "employment_type", Placement._meta.get_field("employment_type").default
    )
    hirer = _resolve_hirer(partnership, employer, employment_type, hirer)
    placement = Placement(partnership=partnership, employer=employer, hirer=hirer, **fields)
    placement.full_clean()
    check_parties(partnership, employer, hirer)
    check_contracts(partnership, contracts)
    placement.save()
    placement.contracts.set(contracts)
    history = [hours_history.HoursPeriod(placement.starts_on, None, Decimal(hours_per_week))]
    for starting, hours in sorted(hour_changes):
        if starting <= placement.starts_on or (placement.ends_on and starting > placement.ends_on):
            raise MonitoringError(
                _("Een wijziging van de uren valt buiten de looptijd van de plaatsing.")
            )
        history = hours_history.from_date(history, hours=Decimal(hours), starting=starting)
    write_history(placement, history)
    audit.record(actor=by, action="placement.created", target=placement)
    return placement


@transaction.atomic
def update_placement(*, placement: Placement, by, contracts=None, **fields) -> Placement:
    """Change a placement's details (not its hours: see ``change_hours``)."""
    before = {name: getattr(placement, name) for name in fields}
    for name, value in fields.items():
        setattr(placement, name, value)
    placement.hirer = _resolve_hirer(
        placement.partnership, placement.employer, placement.employment_type, placement.hirer
    )
    placement.full_clean()
    check_parties(placement.partnership, placement.employer, placement.hirer)
    changed = sorted(name for name, value in before.items() if getattr(placement, name) != value)
    placement.save()
    if contracts is not None:
        check_contracts(placement.partnership, contracts)
        if set(placement.contracts.values_list("pk", flat=True)) != {c.pk for c in contracts}:
            placement.contracts.set(contracts)
            changed.append("contracts")
    if "starts_on" in changed:
        write_history(
            placement, hours_history.aligned(read_history(placement), placement.starts_on)
        )
    audit.record(actor=by, action="placement.changed", target=placement, data={"fields": changed})
    return placement


@transaction.atomic
def change_hours(*, placement: Placement, hours_per_week: Decimal, starting: date, by) -> Placement:
    """New hours per week from a date on; later changes are replaced."""
    if starting < placement.starts_on:
        raise MonitoringError(_("De nieuwe uren gaan niet in vóór de startdatum van de plaatsing."))
    if placement.ends_on and starting > placement.ends_on:
        raise MonitoringError(_("De nieuwe uren gaan niet in na de einddatum van de plaatsing."))
    history = hours_history.from_date(
        read_history(placement), hours=Decimal(hours_per_week), starting=starting
    )
    if not write_history(placement, history):
        raise MonitoringError(_("Deze uren gelden al vanaf die datum."))
    audit.record(
        actor=by,
        action="placement.hours_changed",
        target=placement,
        data={"hours_per_week": hours_per_week, "from": starting},
    )
    return placement


@transaction.atomic
def delete_placement(*, placement: Placement, by) -> None:
    """Remove a placement entered by mistake (an ended job gets an end date instead)."""
    audit.record(
        actor=by,
        action="placement.deleted",
        target=placement,
        data={"partnership": placement.partnership_id},
    )
    placement.delete()


@transaction.atomic
def purge_ended_placements(*, today: date | None = None) -> int:
    """Delete placements that ended longer ago than their retention (data inventory).

    Approved reporting rounds keep their frozen figures, so the official history stays; only
    the pseudonymous rows behind them go.
    """
    today = today or timezone.localdate()
    cutoff = today - retention_period("monitoring.Placement")
    due = Placement.objects.filter(ends_on__lt=cutoff)
    count = 0
    for placement in due.only("pk", "reference", "partnership_id", "employer_id"):
        audit.record(
            actor=None,
            action="placement.purged",
            target=placement,
            data={"partnership": placement.partnership_id},
        )
        placement.delete()
        count += 1
    return count
