"""Guidance indicators per proeftuin, for the team's health overview and the coach's worklist.

Plain reads, in one query for any number of proeftuinen, so that a list page can sort and
filter on them in the database:

    annotate_guidance(Partnership.objects.visible_to(user), today=today)
        .order_by("-overdue_actions")

adds ``overdue_actions`` (open actions past their due date), ``last_coaching_on`` (date of
the last coaching session on or before today) and ``step_since`` (since when the proeftuin is
in its current step). ``guidance_indicators`` turns them into days for display.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, IntegerField, Max, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from .models import ActionItem, CoachingSession, Partnership, StepChange


def annotate_guidance(queryset: QuerySet, *, today: date) -> QuerySet:
    """Annotate proeftuinen with ``overdue_actions``, ``last_coaching_on`` and ``step_since``."""
    overdue = (
        ActionItem.objects.overdue(today)
        .filter(partnership=OuterRef("pk"))
        .order_by()
        .values("partnership")
        .annotate(count=Count("pk"))
        .values("count")
    )
    last_session = (
        CoachingSession.objects.filter(partnership=OuterRef("pk"), held_on__lte=today)
        .order_by()
        .values("partnership")
        .annotate(last=Max("held_on"))
        .values("last")
    )
    step_since = (
        StepChange.objects.filter(partnership=OuterRef("pk"), step=OuterRef("current_step"))
        .order_by("-created_at", "-pk")
        .values("on")[:1]
    )
    return queryset.annotate(
        overdue_actions=Coalesce(Subquery(overdue, output_field=IntegerField()), Value(0)),
        last_coaching_on=Subquery(last_session),
        step_since=Subquery(step_since),
    )


@dataclass(frozen=True)
class GuidanceIndicators:
    partnership_id: int
    overdue_actions: int
    last_coaching_on: date | None
    days_since_coaching: int | None
    step_since: date | None
    days_in_step: int | None


def _days(since: date | None, today: date) -> int | None:
    return (today - since).days if since else None


def guidance_indicators(partnerships, *, today: date) -> dict[int, GuidanceIndicators]:
    """The indicators of the given proeftuinen (a queryset or an iterable of pks), by pk."""
    if isinstance(partnerships, QuerySet):
        queryset = partnerships
    else:
        queryset = Partnership.objects.filter(pk__in=list(partnerships))
    rows = annotate_guidance(queryset.order_by(), today=today).values(
        "pk", "overdue_actions", "last_coaching_on", "step_since"
    )
    return {
        row["pk"]: GuidanceIndicators(
            partnership_id=row["pk"],
            overdue_actions=row["overdue_actions"],
            last_coaching_on=row["last_coaching_on"],
            days_since_coaching=_days(row["last_coaching_on"], today),
            step_since=row["step_since"],
            days_in_step=_days(row["step_since"], today),
        )
        for row in rows
    }


def overdue_actions_per_partnership(partnerships, *, today: date) -> dict[int, int]:
    """Open actions past their due date, per proeftuin pk."""
    return {
        pk: i.overdue_actions for pk, i in guidance_indicators(partnerships, today=today).items()
    }


def days_since_last_coaching(partnerships, *, today: date) -> dict[int, int | None]:
    """Days since the last coaching session (None: never coached), per proeftuin pk."""
    indicators = guidance_indicators(partnerships, today=today)
    return {pk: i.days_since_coaching for pk, i in indicators.items()}


def days_in_current_step(partnerships, *, today: date) -> dict[int, int | None]:
    """Days since the proeftuin entered its current step, per proeftuin pk."""
    return {pk: i.days_in_step for pk, i in guidance_indicators(partnerships, today=today).items()}
