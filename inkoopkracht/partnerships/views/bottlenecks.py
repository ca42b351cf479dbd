"""The bottlenecks register for the programme team, and its overview per category for
signals to the ministry. Members never see it (404)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from inkoopkracht.partnerships.forms.bottlenecks import BottleneckFilterForm, BottleneckForm
from inkoopkracht.partnerships.models import Bottleneck, Partnership
from inkoopkracht.partnerships.services import bottlenecks as services

from .common import refusals_as_403, show_service_errors


def _require_staff(user) -> None:
    if not user.is_programme_staff:
        raise Http404


@login_required
def register(request):
    _require_staff(request.user)
    filters = BottleneckFilterForm(request.GET or None)
    queryset = filters.filter(Bottleneck.objects.visible_to(request.user))
    queryset = queryset.select_related("step", "reported_by").prefetch_related("partnerships")
    page = Paginator(queryset.order_by("-reported_on", "-pk"), 25).get_page(
        request.GET.get("pagina")
    )
    query = request.GET.copy()
    query.pop("pagina", None)
    context = {"page": page, "filters": filters, "query": query.urlencode()}
    return render(request, "partnerships/bottlenecks/register.html", context)


@login_required
def detail(request, pk):
    _require_staff(request.user)
    bottleneck = get_object_or_404(
        Bottleneck.objects.visible_to(request.user)
        .select_related("step", "reported_by")
        .prefetch_related("lessons__partnership"),  # lessons: the knowledge app links them
        pk=pk,
    )
    context = {
        "bottleneck": bottleneck,
        "partnerships": bottleneck.partnerships.with_overview().order_by("name"),
        "can_edit": Bottleneck.objects.editable_by(request.user).filter(pk=pk).exists(),
    }
    return render(request, "partnerships/bottlenecks/detail.html", context)


def _initial_partnerships(request):
    pk = request.GET.get("proeftuin")
    if pk and pk.isdigit():
        return list(Partnership.objects.editable_by(request.user).filter(pk=pk))
    return []


@login_required
@require_http_methods(["GET", "POST"])
@refusals_as_403
def report(request):
    _require_staff(request.user)
    initial = {"partnerships": _initial_partnerships(request)}
    form = BottleneckForm(request.POST or None, initial=initial, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            bottleneck = services.report_bottleneck(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("Het knelpunt is vastgelegd."))
            return redirect("partnerships:bottleneck", pk=bottleneck.pk)
    return render(request, "partnerships/bottlenecks/form.html", {"form": form, "bottleneck": None})


@login_required
@require_http_methods(["GET", "POST"])
@refusals_as_403
def edit(request, pk):
    _require_staff(request.user)
    bottleneck = get_object_or_404(Bottleneck.objects.visible_to(request.user), pk=pk)
    form = BottleneckForm(
        request.POST or None,
        initial=BottleneckForm.initial_for(bottleneck),
        user=request.user,
        bottleneck=bottleneck,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.change_bottleneck(bottleneck=bottleneck, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("Het knelpunt is bijgewerkt."))
            return redirect("partnerships:bottleneck", pk=bottleneck.pk)
    context = {"form": form, "bottleneck": bottleneck}
    return render(request, "partnerships/bottlenecks/form.html", context)


def category_overview(queryset) -> list[dict]:
    """Per category: bottlenecks by status and the proeftuinen hit by the active ones."""
    active = Q(status__in=Bottleneck.ACTIVE)
    counts = {
        row["category"]: row
        for row in queryset.order_by()
        .values("category")
        .annotate(
            total=Count("pk", distinct=True),
            open=Count("pk", filter=Q(status=Bottleneck.Status.OPEN), distinct=True),
            signalled=Count("pk", filter=Q(status=Bottleneck.Status.SIGNALLED), distinct=True),
            closed=Count(
                "pk",
                filter=Q(status__in=[Bottleneck.Status.RESOLVED, Bottleneck.Status.CLOSED]),
                distinct=True,
            ),
            partnerships=Count("partnerships", filter=active, distinct=True),
        )
    }
    empty = {"total": 0, "open": 0, "signalled": 0, "closed": 0, "partnerships": 0}
    return [
        {"category": value, "label": label, **{k: counts.get(value, empty)[k] for k in empty}}
        for value, label in Bottleneck.Category.choices
    ]


@login_required
def overview(request):
    """For signals to the ministry: counts per category and the active bottlenecks that hit the
    most proeftuinen."""
    _require_staff(request.user)
    queryset = Bottleneck.objects.visible_to(request.user)
    active = (
        queryset.filter(status__in=Bottleneck.ACTIVE)
        .annotate(hit=Count("partnerships", distinct=True))
        .order_by("category", "-hit", "-reported_on")
    )
    rows = category_overview(queryset)
    totals = {
        key: sum(row[key] for row in rows) for key in ("total", "open", "signalled", "closed")
    }
    totals["partnerships"] = (
        Partnership.objects.filter(bottlenecks__status__in=Bottleneck.ACTIVE).distinct().count()
    )
    context = {"rows": rows, "totals": totals, "active": active}
    return render(request, "partnerships/bottlenecks/overview.html", context)
