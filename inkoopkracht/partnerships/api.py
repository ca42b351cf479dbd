"""API: the proeftuinen the caller may see (session login)."""

from datetime import date

from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.pagination import paginate
from ninja.security import django_auth

from .models import Partnership

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
