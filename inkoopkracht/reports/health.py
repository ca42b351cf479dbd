"""The team's health overview: per proeftuin a red/amber/green status with the reasons in words.

One row per proeftuin, built from what the other apps already compute, in a fixed number of
queries whatever the number of proeftuinen:

- the glide path of the last completed quarter (``monitoring.glidepath``): amber when it is
  behind, red when it is far behind. Its figures are read from the precomputed overview rows
  (``monitoring.precomputed``), which equal the counting engine: no engine pass over every
  proeftuin on each request, only over the rows that are missing or stale;
- overdue actions (``partnerships.indicators``): amber from ``HEALTH_OVERDUE_ACTIONS_AMBER``,
  red from ``HEALTH_OVERDUE_ACTIONS_RED``;
- days since the last coaching contact (since the start when there was none yet): amber from
  ``HEALTH_COACHING_AMBER_DAYS``, red from ``HEALTH_COACHING_RED_DAYS``;
- participation in events over the last ``HEALTH_PARTICIPATION_MONTHS`` months
  (``events.participation``): amber when it attended none, fewer than expected, or only one
  side of the partnership took part (not judged while less than one event is expected);
- days in the current step: amber and red from the limits per step in
  ``reports/data/health_step_days.csv`` (steps without limits are not judged on duration).

The status is the worst of these. Proeftuinen that are closed (afgerond, gestopt) are
"afgesloten" and never red; applied ones (aangemeld) have not started and are not judged;
paused ones are at least amber (a pause asks for a decision) and never red. See
docs/guidance.md, "Health overview".
"""

import csv
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path

from django.conf import settings
from django.db import models
from django.utils.formats import localize
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from inkoopkracht.events.participation import Participation, participation_for
from inkoopkracht.monitoring import precomputed
from inkoopkracht.monitoring.glidepath import GlidePathStatus, Rag, glide_path_statuses
from inkoopkracht.monitoring.periods import add_months
from inkoopkracht.partnerships.indicators import annotate_guidance
from inkoopkracht.partnerships.models import Partnership

STEP_DAYS_FILE = Path(__file__).resolve().parent / "data" / "health_step_days.csv"


class Health(models.TextChoices):
    """The overall status of a proeftuin in the health overview, worst first."""

    RED = "rood", gettext_lazy("Vraagt aandacht")
    AMBER = "oranje", gettext_lazy("Let op")
    GREEN = "groen", gettext_lazy("Goed op weg")
    APPLIED = "aangemeld", gettext_lazy("Nog niet gestart")
    CLOSED = "afgesloten", gettext_lazy("Afgesloten")


RANK = {status: index for index, status in enumerate(Health)}
NEEDS_ATTENTION = {Health.RED, Health.AMBER}
CLOSED_STATUSES = {Partnership.Status.COMPLETED, Partnership.Status.STOPPED}


@dataclass(frozen=True)
class Reason:
    """Why a proeftuin is amber or red (or why it is not judged), in words."""

    level: Health
    text: str
    topic: str  # glijpad | acties | coaching | deelname | stap | status


@dataclass(frozen=True)
class StepLimit:
    amber_days: int | None
    red_days: int | None


@cache
def step_limits() -> dict[int, StepLimit]:
    """How long a proeftuin may stay in each step before amber and red (data, not code)."""
    with STEP_DAYS_FILE.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return {
        int(row["step"]): StepLimit(
            amber_days=int(row["amber_days"]) if row["amber_days"] else None,
            red_days=int(row["red_days"]) if row["red_days"] else None,
        )
        for row in rows
    }


@dataclass
class HealthRow:
    """One proeftuin in the overview: its indicators, overall status and reasons."""

    partnership: Partnership
    glide: GlidePathStatus | None
    overdue_actions: int
    last_coaching_on: date | None
    days_since_coaching: int | None  # since the last contact, else since the start
    participation: Participation | None
    days_in_step: int | None
    status: Health = Health.GREEN
    reasons: list[Reason] = field(default_factory=list)

    @property
    def needs_attention(self) -> bool:
        return self.status in NEEDS_ATTENTION

    @property
    def reason_text(self) -> str:
        return "; ".join(reason.text for reason in self.reasons)

    @property
    def glide_percent(self) -> int | None:
        """Realised extra banen as a percentage of the planned extra banen."""
        if self.glide is None or self.glide.share is None:
            return None
        return int((self.glide.share * 100).quantize(Decimal("1")))

    @property
    def coaches(self) -> list:
        return list(self.partnership.coaches.all())


def _days(since: date | None, today: date) -> int | None:
    return (today - since).days if since else None


def _level(value: int | None, amber: int | None, red: int | None) -> Health | None:
    if value is None:
        return None
    if red is not None and value >= red:
        return Health.RED
    if amber is not None and value >= amber:
        return Health.AMBER
    return None


def _glide_reason(glide: GlidePathStatus | None) -> Reason | None:
    if glide is None or glide.status not in (Rag.RED, Rag.AMBER):
        return None
    level = Health.RED if glide.status == Rag.RED else Health.AMBER
    text = _("Loopt ver achter op glijpad") if level == Health.RED else _("Loopt achter op glijpad")
    if glide.share is not None:
        percent = (glide.share * 100).quantize(Decimal("1"))
        text += " " + _("(%(percent)s%% van de planning)") % {"percent": percent}
    return Reason(level, text, "glijpad")


def _actions_reason(count: int) -> Reason | None:
    level = _level(
        count, settings.HEALTH_OVERDUE_ACTIONS_AMBER, settings.HEALTH_OVERDUE_ACTIONS_RED
    )
    if level is None or count == 0:
        return None
    text = ngettext("%(count)d actie over tijd", "%(count)d acties over tijd", count) % {
        "count": count
    }
    return Reason(level, text, "acties")


def _coaching_reason(row: HealthRow) -> Reason | None:
    days = row.days_since_coaching
    level = _level(days, settings.HEALTH_COACHING_AMBER_DAYS, settings.HEALTH_COACHING_RED_DAYS)
    if level is None:
        return None
    if row.last_coaching_on:
        text = ngettext(
            "%(days)d dag geen coachingscontact", "%(days)d dagen geen coachingscontact", days
        ) % {"days": days}
    else:
        text = ngettext(
            "Nog geen coachingscontact, %(days)d dag na de start",
            "Nog geen coachingscontact, %(days)d dagen na de start",
            days,
        ) % {"days": days}
    return Reason(level, text, "coaching")


def _participation_reason(participation: Participation | None) -> Reason | None:
    if participation is None or participation.expected < 1:
        return None  # not even one event expected yet (a proeftuin that just started)
    if participation.events == 0:
        return Reason(Health.AMBER, _("Neemt niet deel aan bijeenkomsten"), "deelname")
    if participation.below_expectation:
        text = _("Neemt minder deel aan bijeenkomsten dan verwacht (%(events)s van %(expected)s)")
        values = {"events": participation.events, "expected": localize(participation.expected)}
        return Reason(Health.AMBER, text % values, "deelname")
    if participation.one_sided:
        if participation.buyer_events:
            text = _("Alleen de opdrachtgever neemt deel aan bijeenkomsten")
        else:
            text = _("Alleen de leverancier neemt deel aan bijeenkomsten")
        return Reason(Health.AMBER, text, "deelname")
    return None


def _step_reason(row: HealthRow) -> Reason | None:
    step = row.partnership.current_step_id
    limit = step_limits().get(step)
    if limit is None:
        return None
    level = _level(row.days_in_step, limit.amber_days, limit.red_days)
    if level is None:
        return None
    text = ngettext(
        "%(days)d dag in stap %(step)d", "%(days)d dagen in stap %(step)d", row.days_in_step
    ) % {"days": row.days_in_step, "step": step}
    return Reason(level, text, "stap")


def judge(row: HealthRow) -> HealthRow:
    """Set the overall status and the reasons of one row (see the module doc)."""
    status = row.partnership.status
    if status in CLOSED_STATUSES:
        label = row.partnership.get_status_display().lower()
        text = _("Afgesloten (%(status)s): wordt niet meer beoordeeld") % {"status": label}
        row.status, row.reasons = Health.CLOSED, [Reason(Health.CLOSED, text, "status")]
        return row
    if status == Partnership.Status.APPLIED:
        text = _("Aangemeld, nog niet gestart: wordt nog niet beoordeeld")
        row.status, row.reasons = Health.APPLIED, [Reason(Health.APPLIED, text, "status")]
        return row
    reasons = [
        reason
        for reason in (
            _glide_reason(row.glide),
            _actions_reason(row.overdue_actions),
            _coaching_reason(row),
            _participation_reason(row.participation),
            _step_reason(row),
        )
        if reason is not None
    ]
    if status == Partnership.Status.PAUSED:
        # A pause asks for a decision (resume or stop), but the proeftuin is not expected to
        # progress: amber at most, whatever else is late.
        reasons = [Reason(Health.AMBER, r.text, r.topic) for r in reasons if r.topic != "stap"]
        pause = _("Gepauzeerd: besluit over hervatten of stoppen nodig")
        reasons.insert(0, Reason(Health.AMBER, pause, "status"))
    reasons.sort(key=lambda reason: RANK[reason.level])
    row.reasons = reasons
    row.status = reasons[0].level if reasons else Health.GREEN
    return row


def glides_for(partnerships, ids: list[int], *, today: date) -> dict[int, GlidePathStatus]:
    """The glide-path status of the last completed quarter of each proeftuin of the queryset
    (``ids`` are its primary keys), from the precomputed overview rows: the engine only
    recomputes rows that are missing or stale, so the figures are the engine's."""
    if not ids:
        return {}
    period = precomputed.overview_quarter(today)
    scope = Partnership.objects.filter(pk__in=partnerships.order_by().values("pk"))
    precomputed.ensure_fresh(scope, period)
    return glide_path_statuses(scope, period, figure_set=precomputed.figure_set(ids, period))


def health_rows(partnerships, *, today: date) -> list[HealthRow]:
    """A judged row for every proeftuin of the queryset, in a fixed number of queries."""
    scope = partnerships
    partnerships = annotate_guidance(partnerships.with_overview(), today=today).order_by(
        "cohort__number", "name", "pk"
    )
    partnerships = list(partnerships)
    glides = glides_for(scope, [p.pk for p in partnerships], today=today)
    start = add_months(today, -settings.HEALTH_PARTICIPATION_MONTHS)
    participation = (
        participation_for([p.pk for p in partnerships], start=start, end=today)
        if partnerships
        else {}
    )
    rows = []
    for partnership in partnerships:
        since = partnership.last_coaching_on or partnership.started_on
        row = HealthRow(
            partnership=partnership,
            glide=glides.get(partnership.pk),
            overdue_actions=partnership.overdue_actions,
            last_coaching_on=partnership.last_coaching_on,
            days_since_coaching=_days(since, today),
            participation=participation.get(partnership.pk),
            days_in_step=_days(partnership.step_since, today),
        )
        rows.append(judge(row))
    return rows


# --- Sorting and filtering (the page and the exports share them) ----------------------------

BIG = 10**9


def _none_last(value) -> tuple:
    return (value is None, value if value is not None else 0)


SORT_KEYS = {
    "proeftuin": lambda row: str(row.partnership).lower(),
    "status": lambda row: (RANK[row.status], -len(row.reasons)),
    "glijpad": lambda row: _none_last(row.glide.share if row.glide else None),
    "acties": lambda row: row.overdue_actions,
    "coaching": lambda row: row.days_since_coaching if row.days_since_coaching is not None else -1,
    "deelname": lambda row: _none_last(row.participation.events if row.participation else None),
    "stap": lambda row: row.partnership.current_step_id,
    "dagen": lambda row: row.days_in_step if row.days_in_step is not None else -1,
    "cohort": lambda row: row.partnership.cohort.number,
    "begeleider": lambda row: ", ".join(sorted(str(c) for c in row.coaches)).lower() or "~",
}
DEFAULT_SORT = "status"


def sort_rows(rows: list[HealthRow], key: str, descending: bool = False) -> list[HealthRow]:
    """Sorted by a column of ``SORT_KEYS``; ties by status (worst first), then by name."""
    by_name = sorted(rows, key=SORT_KEYS["proeftuin"])
    if key != "status":
        by_name = sorted(by_name, key=SORT_KEYS["status"])
    return sorted(by_name, key=SORT_KEYS[key], reverse=descending)


@dataclass(frozen=True)
class Filters:
    """What to show; ``None`` means: do not filter on this."""

    status: Health | None = None
    cohort: int | None = None
    coach_id: int | None = None
    step: int | None = None
    sector: str | None = None
    attention_only: bool = False


def filter_rows(rows: list[HealthRow], filters: Filters) -> list[HealthRow]:
    def keep(row: HealthRow) -> bool:
        partnership = row.partnership
        return (
            (filters.status is None or row.status == filters.status)
            and (filters.cohort is None or partnership.cohort.number == filters.cohort)
            and (filters.step is None or partnership.current_step_id == filters.step)
            and (filters.sector is None or partnership.work_sector == filters.sector)
            and (filters.coach_id is None or filters.coach_id in {c.pk for c in row.coaches})
            and (not filters.attention_only or row.needs_attention)
        )

    return [row for row in rows if keep(row)]
