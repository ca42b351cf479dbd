"""API: the proeftuinen the caller may see (session login), with their plan, letter of intent,
actions and coaching sessions. Coaching notes only reach the programme team."""

from datetime import date

from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema
from ninja.pagination import paginate
from ninja.security import django_auth

from .models import ActionItem, CoachingSession, LetterOfIntent, Partnership, plan_of

router = Router(tags=["proeftuinen"], auth=django_auth)


class PartnershipOut(Schema):
    id: int
    name: str
    buyer: str
    supplier: str
    cohort: int
    route: str
    work_sector: str
    current_step: int
    status: str
    started_on: date | None
    ambition_jobs: float | None
    ambition_date: date | None
    baseline_jobs: float

    @staticmethod
    def resolve_buyer(obj):
        return obj.buyer.name

    @staticmethod
    def resolve_supplier(obj):
        return obj.supplier.name

    @staticmethod
    def resolve_cohort(obj):
        return obj.cohort.number

    @staticmethod
    def resolve_current_step(obj):
        return obj.current_step_id


@router.get("/", response=list[PartnershipOut], summary="Proeftuinen die u mag zien")
@paginate
def list_partnerships(request):
    return Partnership.objects.visible_to(request.user).with_overview().order_by("pk")


@router.get("/{partnership_id}/", response=PartnershipOut, summary="Eén proeftuin")
def get_partnership(request, partnership_id: int):
    queryset = Partnership.objects.visible_to(request.user).with_overview()
    return get_object_or_404(queryset, pk=partnership_id)


# --- Guidance: the plan, the letter of intent, actions and sessions of one proeftuin. ---


class ChecklistItemOut(Schema):
    text: str
    done_on: date | None


class PlanStepOut(Schema):
    number: int
    name: str
    state: str
    started_on: date | None
    completed_on: date | None
    skipped: bool
    checklist: list[ChecklistItemOut]


@router.get(
    "/{partnership_id}/plan/", response=list[PlanStepOut], summary="Het plan: stappen en checklist"
)
def get_plan(request, partnership_id: int):
    partnership = get_object_or_404(Partnership.objects.visible_to(request.user), pk=partnership_id)
    return [
        {
            "number": item.step.number,
            "name": item.step.name,
            "state": item.state,
            "started_on": item.started_on,
            "completed_on": item.completed_on,
            "skipped": item.skipped,
            "checklist": item.items,
        }
        for item in plan_of(partnership)
    ]


class CommitmentOut(Schema):
    id: int
    side: str
    text: str
    status: str
    status_note: str


class LetterOut(Schema):
    status: str
    ambition_jobs: float | None
    ambition_date: date | None
    review_on: date
    signed_on: date | None
    commitments: list[CommitmentOut]

    @staticmethod
    def resolve_ambition_jobs(obj):
        jobs = obj.partnership.ambition_jobs
        return float(jobs) if jobs is not None else None

    @staticmethod
    def resolve_ambition_date(obj):
        return obj.partnership.ambition_date

    @staticmethod
    def resolve_commitments(obj):
        return list(obj.commitments.all())


@router.get(
    "/{partnership_id}/intentieverklaring/",
    response=LetterOut,
    summary="De intentieverklaring met de toezeggingen van beide kanten",
)
def get_letter(request, partnership_id: int):
    queryset = LetterOfIntent.objects.visible_to(request.user).select_related("partnership")
    return get_object_or_404(queryset, partnership_id=partnership_id)


class ActionOut(Schema):
    id: int
    description: str
    owner_side: str
    owner: str
    due_on: date
    status: str
    completed_on: date | None

    @staticmethod
    def resolve_owner(obj):
        return obj.owner_label


@router.get("/{partnership_id}/acties/", response=list[ActionOut], summary="Acties")
@paginate
def list_actions(request, partnership_id: int):
    partnership = get_object_or_404(Partnership.objects.visible_to(request.user), pk=partnership_id)
    return (
        ActionItem.objects.filter(partnership=partnership).with_context().order_by("due_on", "pk")
    )


class SessionOut(Schema):
    id: int
    held_on: date
    kind: str
    agreements: str
    notes: str | None = Field(
        None, description="Alleen voor het programmateam; voor deelnemers altijd leeg (null)."
    )

    @staticmethod
    def resolve_notes(obj, context):
        user = context["request"].user
        return obj.notes if user.is_programme_staff else None


@router.get(
    "/{partnership_id}/sessies/",
    response=list[SessionOut],
    summary="Begeleidingssessies (notities alleen voor het programmateam)",
)
@paginate
def list_sessions(request, partnership_id: int):
    partnership = get_object_or_404(Partnership.objects.visible_to(request.user), pk=partnership_id)
    return CoachingSession.objects.visible_to(request.user).filter(partnership=partnership)
