"""Models of proeftuinen, split by topic; everything is importable from here.

core         proeftuin, contracts, parties, cohorts, steps, milestones, status and step history
plan         the checklist per step and the derived plan (state and dates per step)
agreement    the letter of intent (intentieverklaring) and the commitments of both sides
coaching     coaching sessions (with notes for the programme team only) and actions
bottlenecks  the bottlenecks register (knelpunten)
"""

from .agreement import Commitment, LetterOfIntent, signed_letter_path
from .bottlenecks import Bottleneck
from .coaching import ActionItem, CoachingSession
from .core import (  # _default_social_return_percentage: referenced by migration 0001
    Cohort,
    Contract,
    ContractQuerySet,
    Milestone,
    Partnership,
    PartnershipParty,
    PartnershipQuerySet,
    Side,
    StatusChange,
    Step,
    StepChange,
    _default_social_return_percentage,
    cpv_validator,
)
from .plan import ChecklistItem, PlanStep, StepState, build_plan, plan_of

__all__ = [
    "ActionItem",
    "Bottleneck",
    "ChecklistItem",
    "CoachingSession",
    "Cohort",
    "Commitment",
    "Contract",
    "ContractQuerySet",
    "LetterOfIntent",
    "Milestone",
    "Partnership",
    "PartnershipParty",
    "PartnershipQuerySet",
    "PlanStep",
    "Side",
    "StatusChange",
    "Step",
    "StepChange",
    "StepState",
    "_default_social_return_percentage",
    "build_plan",
    "cpv_validator",
    "plan_of",
    "signed_letter_path",
]
