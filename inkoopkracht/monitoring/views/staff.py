"""For the programme team: every proeftuin against its glide path, and the reporting status per
quarter. Query counts do not grow with the number of proeftuinen (set-based engine)."""

from collections import Counter

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from inkoopkracht.monitoring import precomputed
from inkoopkracht.monitoring.figures import compute_figures, present, sum_figures
from inkoopkracht.monitoring.forms import OverviewFilterForm
from inkoopkracht.monitoring.glidepath import Rag, glide_path_statuses
from inkoopkracht.monitoring.models import ReportingRound
from inkoopkracht.monitoring.periods import Period
from inkoopkracht.monitoring.services import deadline_for
from inkoopkracht.partnerships.models import Partnership

PAGE_SIZE = 50


def _staff_only(request):
    if not request.user.is_programme_staff:
        raise Http404


def _recent_quarters(today, count=12) -> list[Period]:
    quarters, current = [], Period.last_completed_quarter(today)
    for _index in range(count):
        quarters.append(current)
        current = current.previous()
    return quarters


def _filtered(form) -> tuple:
    partnerships = (
        precomputed.overview_partnerships()
        .select_related("buyer", "supplier", "cohort", "current_step")
        .order_by("cohort__number", "name")
    )
    data = form.cleaned_data if form.is_valid() else {}
    if data.get("cohort"):
        partnerships = partnerships.filter(cohort=data["cohort"])
    if data.get("sector"):
        partnerships = partnerships.filter(work_sector=data["sector"])
    if data.get("stap"):
        partnerships = partnerships.filter(current_step=data["stap"])
    return partnerships, data


def _latest_rounds(partnerships, periods) -> dict:
    rounds = ReportingRound.objects.filter(
        partnership__in=partnerships.order_by().values("pk"),
        year__in={p.year for p in periods},
    ).latest_revisions()
    return {(r.partnership_id, r.period): r for r in rounds}


def reports_due(partnership, quarter: Period) -> bool:
    """A report is due for quarters the proeftuin was running in (from its start date)."""
    started, ended = partnership.started_on, partnership.ended_on
    return bool(started) and started <= quarter.end and (ended is None or quarter.start <= ended)


def _live_rows(partnerships, period, data) -> list[dict]:
    """One row per proeftuin from the live engine (periods that are not a quarter)."""
    figure_set = compute_figures(partnerships, period, durability=False)
    statuses = glide_path_statuses(partnerships, period, figure_set)
    figures = figure_set.by_partnership()
    rows = []
    for pk in partnerships.values_list("pk", flat=True):
        status = statuses[pk]
        if data.get("status") and status.status != data["status"]:
            continue
        rows.append({"pk": pk, "figures": figures[pk], "status": status, "rag": status.status})
    return rows


class _Listing:
    """The proeftuinen of a queryset as overview rows, read only for the slice a page shows
    (the count is known already)."""

    def __init__(self, partnerships, count: int):
        self.partnerships, self.count_known = partnerships, count

    def __len__(self):
        return self.count_known

    def __getitem__(self, index):
        return [{"pk": pk} for pk in self.partnerships.values_list("pk", flat=True)[index]]


def _precomputed(partnerships, period, data):
    """Rows, total and status counts from the precomputed rows, made fresh by the engine first
    where anything changed (``precomputed.py``): no Python work per proeftuin."""
    precomputed.ensure_fresh(partnerships, period)
    groups = precomputed.summary(partnerships, period)
    counts = Counter({status: group["count"] for status, group in groups.items()})
    wanted = data.get("status")
    listed = partnerships
    if wanted:
        listed = partnerships.filter(pk__in=precomputed.with_status(period, wanted))
    rows = _Listing(listed, sum(counts[key] for key in groups if key == wanted or not wanted))
    if not rows:
        return rows, None, counts
    first = listed.values_list("pk", flat=True)[0]
    return rows, precomputed.total(partnerships, period, first, wanted, groups), counts


def _live(partnerships, period, data):
    rows = _live_rows(partnerships, period, data)
    total = sum_figures([row["figures"] for row in rows]) if rows else None
    return rows, total, Counter(row["rag"] for row in rows)


def _fill_page(page, partnerships, period) -> None:
    """The proeftuinen, figures, statuses and reports of the rows on this page only."""
    ids = [row["pk"] for row in page.object_list]
    on_page = partnerships.filter(pk__in=ids).in_bulk(ids)
    rounds = _latest_rounds(partnerships.filter(pk__in=ids), [period])
    if ids and "figures" not in page.object_list[0]:
        figure_set = precomputed.figure_set(ids, period)
        statuses = glide_path_statuses(partnerships.filter(pk__in=ids), period, figure_set)
        figures = figure_set.by_partnership()
        for row in page.object_list:
            row["figures"], row["status"] = figures[row["pk"]], statuses[row["pk"]]
    for row in page.object_list:
        row["partnership"] = on_page[row["pk"]]
        row["round"] = rounds.get((row["pk"], period))
        row["due"] = reports_due(row["partnership"], period)
        row["shown"] = present(row["figures"], suppress=False)


@login_required
def overview(request):
    """Every proeftuin with its figures and glide-path status for a quarter, with totals."""
    _staff_only(request)
    today = timezone.localdate()
    quarters = _recent_quarters(today)
    form = OverviewFilterForm(request.GET or None, quarters=[(str(q), q.label) for q in quarters])
    partnerships, data = _filtered(form)
    chosen = data.get("periode")
    period = Period.parse(chosen) if chosen else precomputed.overview_quarter(today)
    build = _precomputed if period.is_quarter else _live
    rows, total, counts = build(partnerships, period, data)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("pagina"))
    _fill_page(page, partnerships, period)
    context = {
        "form": form,
        "period": period,
        "page": page,
        "total": present(total, suppress=False) if total else None,
        "count": len(rows),
        "rag_counts": [(rag, counts[rag.value]) for rag in Rag],
        "query": request.GET.copy(),
    }
    context["query"].pop("pagina", None)
    return render(request, "monitoring/staff_overview.html", context)


@login_required
def rounds_overview(request):
    """The reporting status of every active proeftuin for the last four quarters."""
    _staff_only(request)
    today = timezone.localdate()
    quarters = list(reversed(_recent_quarters(today, 4)))
    partnerships = (
        Partnership.objects.filter(
            status__in=[Partnership.Status.ACTIVE, Partnership.Status.PAUSED]
        )
        .select_related("buyer", "supplier", "cohort")
        .order_by("cohort__number", "name")
    )
    page = Paginator(partnerships, PAGE_SIZE).get_page(request.GET.get("pagina"))
    on_page = Partnership.objects.filter(pk__in=[p.pk for p in page.object_list])
    rounds = _latest_rounds(on_page, quarters)
    rows = []
    for partnership in page.object_list:
        cells = []
        for quarter in quarters:
            reporting_round = rounds.get((partnership.pk, quarter))
            late = reporting_round is None or reporting_round.is_editable
            due = reports_due(partnership, quarter)
            cells.append({
                "period": quarter,
                "round": reporting_round,
                "due": due or reporting_round is not None,
                "overdue": due and late and deadline_for(quarter) < today,
            })  # fmt: skip
        rows.append({"partnership": partnership, "cells": cells})
    context = {"quarters": quarters, "rows": rows, "page": page}
    return render(request, "monitoring/staff_rounds.html", context)
