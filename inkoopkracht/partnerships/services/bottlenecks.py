"""The bottlenecks register: report a bottleneck, change it, follow its status.

The team changes every bottleneck. A coach changes the bottlenecks they reported or that
affect a proeftuin they coach, and links or unlinks only the proeftuinen they coach: links to
other coaches' proeftuinen stay as they are.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from inkoopkracht import audit
from inkoopkracht.partnerships.models import Bottleneck, Partnership, Step

from .core import NotAllowed, _today, _user


def _editable_partnerships(by):
    return Partnership.objects.editable_by(by) if by is not None else Partnership.objects.all()


def _errors(*, title, category, description, status=Bottleneck.Status.OPEN) -> dict:
    errors = {}
    if not (title or "").strip():
        errors["title"] = _("Geef het knelpunt een korte titel.")
    if category not in Bottleneck.Category.values:
        errors["category"] = _("Kies een categorie.")
    if not (description or "").strip():
        errors["description"] = _("Beschrijf het knelpunt: wat loopt vast, en waarom?")
    if status not in Bottleneck.Status.values:
        errors["status"] = _("Kies een geldige status.")
    return errors


def _linked(chosen, current: set[int], by) -> set[int]:
    """The proeftuinen after the change: the user's own choice, others' links unchanged."""
    allowed = set(_editable_partnerships(by).values_list("pk", flat=True))
    chosen = {p.pk for p in chosen}
    if chosen - allowed - current:
        raise ValidationError(
            {"partnerships": _("U kunt alleen proeftuinen koppelen die u begeleidt.")}
        )
    return (current - allowed) | (chosen & allowed)


@transaction.atomic
def report_bottleneck(
    *,
    by,
    title: str,
    category: str,
    description: str,
    partnerships=(),
    step: Step | None = None,
    reported_on: date | None = None,
) -> Bottleneck:
    """Register a bottleneck and the proeftuinen it affects."""
    if by is not None and not by.is_programme_staff:
        raise NotAllowed(_("Alleen het programmateam houdt het knelpuntenregister bij."))
    errors = _errors(title=title, category=category, description=description)
    try:
        linked = _linked(partnerships, set(), by)
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    bottleneck = Bottleneck(
        title=title.strip(),
        category=category,
        description=description.strip(),
        step=step,
        reported_on=reported_on or _today(),
        reported_by=_user(by),
    )
    bottleneck.full_clean()
    bottleneck.save()
    bottleneck.partnerships.set(linked)
    audit.record(
        actor=by,
        action="bottleneck.reported",
        target=bottleneck,
        data={"category": category, "partnerships": sorted(linked)},
    )
    return bottleneck


def _apply_status(bottleneck: Bottleneck, status: str, on: date) -> None:
    if status == Bottleneck.Status.SIGNALLED and not bottleneck.signalled_on:
        bottleneck.signalled_on = on
    if status in (Bottleneck.Status.RESOLVED, Bottleneck.Status.CLOSED):
        bottleneck.resolved_on = bottleneck.resolved_on or on
    else:
        bottleneck.resolved_on = None
    if status == Bottleneck.Status.OPEN:
        bottleneck.signalled_on = None
    bottleneck.status = status


@transaction.atomic
def change_bottleneck(
    *,
    bottleneck: Bottleneck,
    by,
    title: str,
    category: str,
    description: str,
    status: str,
    partnerships=(),
    step: Step | None = None,
    resolution: str = "",
) -> Bottleneck:
    """Change a bottleneck: its text, category, status (with dates) and the proeftuinen."""
    if by is not None and not Bottleneck.objects.editable_by(by).filter(pk=bottleneck.pk).exists():
        raise NotAllowed(
            _("U kunt alleen knelpunten wijzigen die u meldde of die uw proeftuinen raken.")
        )
    errors = _errors(title=title, category=category, description=description, status=status)
    current = set(bottleneck.partnerships.values_list("pk", flat=True))
    try:
        linked = _linked(partnerships, current, by)
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    before = bottleneck.status
    _apply_status(bottleneck, status, _today())
    bottleneck.title, bottleneck.category = title.strip(), category
    bottleneck.description, bottleneck.step = description.strip(), step
    bottleneck.resolution = resolution.strip()
    bottleneck.full_clean()
    bottleneck.save()
    bottleneck.partnerships.set(linked)
    audit.record(
        actor=by,
        action="bottleneck.status_changed" if before != status else "bottleneck.changed",
        target=bottleneck,
        data={"from": before, "to": status, "partnerships": sorted(linked)},
    )
    return bottleneck
