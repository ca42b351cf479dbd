"""API: the application pipeline for the programme team and coaches (session login).

Contact details are left out (data minimisation); they are in the back office.
"""

from datetime import date, datetime

from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.pagination import paginate
from ninja.security import django_auth

from .models import Application

router = Router(tags=["aanmeldingen"], auth=django_auth)


class PartyOut(Schema):
    side: str
    organisation_name: str
    kvk_number: str | None
    oin: str | None


class ApplicationOut(Schema):
    id: int
    reference: str
    kind: str
    status: str
    submitted_at: datetime
    status_changed_at: datetime
    days_in_status: int
    route: str
    work_sector: str
    province: str
    ambition_jobs: float | None
    ambition_date: date | None
    parties: list[PartyOut]
    partnership_id: int | None

    @staticmethod
    def resolve_parties(obj):
        return obj.sorted_parties


class StatusCountsOut(Schema):
    counts: dict[str, int]


@router.get("/", response=list[ApplicationOut], summary="Aanmeldingen (programmateam)")
@paginate
def list_applications(request, status: str | None = None):
    applications = Application.objects.visible_to(request.user).with_overview().order_by("pk")
    return applications.filter(status=status) if status else applications


@router.get("/aantallen/", response=StatusCountsOut, summary="Aantal aanmeldingen per status")
def status_counts(request):
    return {"counts": Application.objects.visible_to(request.user).status_counts()}


@router.get("/{application_id}/", response=ApplicationOut, summary="Eén aanmelding")
def get_application(request, application_id: int):
    queryset = Application.objects.visible_to(request.user).with_overview()
    return get_object_or_404(queryset, pk=application_id)
