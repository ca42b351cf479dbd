"""The plan of a proeftuin: the nine steps with their state, dates and a checklist per step.

One source of truth: a step's state follows from ``Partnership.current_step`` (earlier steps
are afgerond, the current one is bezig, later ones niet gestart) and its dates from the
``StepChange`` history that every step move writes. Only the checklist is stored here.
"""

from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .core import Partnership, Step, StepChange


class StepState(models.TextChoices):
    NOT_STARTED = "niet_gestart", _("Niet gestart")
    IN_PROGRESS = "bezig", _("Bezig")
    DONE = "afgerond", _("Afgerond")


class ChecklistItem(models.Model):
    """One point on the checklist of a step of one proeftuin (defaults: data/step_checklist.csv)."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="checklist_items"
    )
    step = models.ForeignKey(
        Step, verbose_name=_("stap"), on_delete=models.PROTECT, related_name="+"
    )
    text = models.CharField(_("punt"), max_length=300)
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    default_code = models.SlugField(
        _("standaardpunt"),
        max_length=60,
        blank=True,
        help_text=_(
            "De code van het standaardpunt waar dit punt uit voortkomt (leeg: zelf toegevoegd)."
        ),
    )
    done_on = models.DateField(_("afgevinkt op"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("punt van de checklist")
        verbose_name_plural = _("checklist")
        ordering = ["step", "position", "pk"]
        indexes = [models.Index(fields=["partnership", "step"])]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "default_code"],
                condition=~models.Q(default_code=""),
                name="checklist_default_once_per_partnership",
            )
        ]

    def __str__(self):
        return self.text

    @property
    def is_done(self) -> bool:
        return self.done_on is not None


@dataclass
class PlanStep:
    """One step of a proeftuin's plan as shown to users (derived, never stored)."""

    step: Step
    state: str = StepState.NOT_STARTED
    started_on: date | None = None
    completed_on: date | None = None
    completed_by: object = None
    skipped: bool = False
    reason: str = ""
    items: list = field(default_factory=list)

    @property
    def state_label(self) -> str:
        return StepState(self.state).label

    @property
    def done_count(self) -> int:
        return sum(1 for item in self.items if item.is_done)

    @property
    def open_count(self) -> int:
        return len(self.items) - self.done_count


def _replay(history, numbers: list[int]) -> dict[int, PlanStep]:
    """Walk the step changes in order; forward moves complete steps, going back reopens them."""
    states = {number: {"started_on": None, "completed_on": None, "by": None, "skipped": False,
                       "reason": ""} for number in numbers}  # fmt: skip
    previous = None
    for change in history:
        target = change.step_id
        if previous is not None and target < previous:
            for number in range(target + 1, previous + 1):
                states[number].update(started_on=None, completed_on=None, by=None, skipped=False)
            states[target].update(completed_on=None, by=None, started_on=change.on)
        else:
            first = previous if previous is not None else min(numbers)
            for number in range(first, target):
                state = states[number]
                if state["started_on"] is None:
                    state.update(started_on=change.on, skipped=True, reason=change.reason)
                state.update(completed_on=change.on, by=change.by)
            states[target].update(started_on=change.on, completed_on=None, by=None)
        previous = target
    return states


def build_plan(partnership: Partnership, *, steps, history, items) -> list[PlanStep]:
    """The plan from the current step, the step history (in the order the moves were made)
    and the checklist."""
    numbers = [step.number for step in steps]
    replayed = _replay(history, numbers) if numbers else {}
    current = partnership.current_step_id
    finished = partnership.status == Partnership.Status.COMPLETED
    by_step: dict[int, list] = {}
    for item in items:
        by_step.setdefault(item.step_id, []).append(item)
    plan = []
    for step in steps:
        state = replayed.get(step.number, {})
        if step.number < current or (step.number == current and finished):
            status = StepState.DONE
        elif step.number == current:
            status = StepState.IN_PROGRESS
        else:
            status = StepState.NOT_STARTED
        plan_step = PlanStep(step=step, state=status, items=by_step.get(step.number, []))
        if status != StepState.NOT_STARTED:
            plan_step.started_on = state.get("started_on")
            plan_step.skipped = state.get("skipped", False)
            plan_step.reason = state.get("reason", "")
        if status == StepState.DONE:
            plan_step.completed_on = state.get("completed_on") or (
                partnership.ended_on if finished else None
            )
            plan_step.completed_by = state.get("by")
        plan.append(plan_step)
    return plan


def plan_of(partnership: Partnership) -> list[PlanStep]:
    """The plan of one proeftuin in three queries."""
    history = (
        StepChange.objects.filter(partnership=partnership)
        .select_related("by")
        .order_by("created_at", "pk")
    )
    items = partnership.checklist_items.select_related("done_by").order_by("step", "position", "pk")
    return build_plan(partnership, steps=list(Step.objects.all()), history=history, items=items)
