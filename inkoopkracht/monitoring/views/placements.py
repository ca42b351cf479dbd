"""Placements of a proeftuin: the list (every read is logged), add, change, hours, delete."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from inkoopkracht import audit
from inkoopkracht.monitoring import services
from inkoopkracht.monitoring.access import can_manage_placements
from inkoopkracht.monitoring.forms import HoursForm, PlacementForm
from inkoopkracht.monitoring.models import Placement

from .common import PLACEMENTS_PURPOSE, apply_errors, managed_partnership, placements_partnership

FILTERS = {
    "lopend": Q(ends_on__isnull=True),
    "beeindigd": Q(ends_on__isnull=False),
    "te-verifieren": Q(register_confirmed_on__isnull=True),
}


@login_required
def placement_list(request, pk):
    """The placements this user may see in the proeftuin, 50 per page; the read is logged."""
    partnership = placements_partnership(request, pk)
    placements = (
        Placement.objects.visible_to(request.user)
        .filter(partnership=partnership)
        .select_related("employer")
        .prefetch_related("contracts")
        .with_current_hours()
        .order_by("reference")
    )
    shown = request.GET.get("toon", "")
    if shown in FILTERS:
        placements = placements.filter(FILTERS[shown])
    query = request.GET.get("zoek", "").strip()
    if query:
        placements = placements.filter(
            Q(reference__icontains=query) | Q(job_title__icontains=query)
        )
    page = Paginator(placements, 50).get_page(request.GET.get("pagina"))
    audit.record_read(
        actor=request.user,
        action="placement.list_viewed",
        target=partnership,
        purpose=PLACEMENTS_PURPOSE,
        data={
            "page": page.number,
            "filter": shown,
            "search": bool(query),
            "rows": len(page.object_list),
        },
    )
    context = {
        "partnership": partnership,
        "page": page,
        "shown": shown,
        "query": query,
        "filters": [
            ("", _("Alle")),
            ("lopend", _("Lopend")),
            ("beeindigd", _("Beëindigd")),
            ("te-verifieren", _("Nog te verifiëren")),
        ],
        "can_manage": can_manage_placements(request.user, partnership),
    }
    return render(request, "monitoring/placement_list.html", context)


def _form_values(form) -> tuple[dict, list]:
    values = dict(form.cleaned_data)
    values.pop("hours_per_week", None)
    contracts = values.pop("contracts", [])
    return values, list(contracts)


@login_required
@require_http_methods(["GET", "POST"])
def placement_create(request, pk):
    partnership = managed_partnership(request, pk)
    form = PlacementForm(request.POST or None, partnership=partnership)
    if request.method == "POST" and form.is_valid():
        values, contracts = _form_values(form)
        try:
            placement = services.create_placement(
                partnership=partnership,
                by=request.user,
                hours_per_week=form.cleaned_data["hours_per_week"],
                contracts=contracts,
                **values,
            )
        except (ValidationError, services.MonitoringError) as error:
            apply_errors(form, error)
        else:
            messages.success(
                request,
                _("Plaatsing %(reference)s is toegevoegd.") % {"reference": placement.reference},
            )
            return redirect("monitoring:placements", pk=partnership.pk)
    return render(
        request, "monitoring/placement_form.html", {"partnership": partnership, "form": form}
    )


def _placement(request, partnership, placement_pk) -> Placement:
    """One placement the user may see; showing it (GET) is a logged read."""
    queryset = Placement.objects.visible_to(request.user).filter(partnership=partnership)
    placement = get_object_or_404(queryset, pk=placement_pk)
    if request.method == "GET":
        audit.record_read(
            actor=request.user,
            action="placement.viewed",
            target=placement,
            purpose=PLACEMENTS_PURPOSE,
        )
    return placement


@login_required
@require_http_methods(["GET", "POST"])
def placement_edit(request, pk, placement_pk):
    partnership = managed_partnership(request, pk)
    placement = _placement(request, partnership, placement_pk)
    form = PlacementForm(request.POST or None, instance=placement, partnership=partnership)
    if request.method == "POST" and form.is_valid():
        values, contracts = _form_values(form)
        try:
            services.update_placement(
                placement=placement, by=request.user, contracts=contracts, **values
            )
        except (ValidationError, services.MonitoringError) as error:
            apply_errors(form, error)
        else:
            messages.success(
                request,
                _("Plaatsing %(reference)s is bijgewerkt.") % {"reference": placement.reference},
            )
            return redirect("monitoring:placements", pk=partnership.pk)
    context = {
        "partnership": partnership,
        "placement": placement,
        "form": form,
        "hours_form": HoursForm(),
        "history": placement.hours.order_by("starts_on"),
    }
    return render(request, "monitoring/placement_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def placement_hours(request, pk, placement_pk):
    """Change the hours per week from a date on."""
    partnership = managed_partnership(request, pk)
    placement = _placement(request, partnership, placement_pk)
    form = HoursForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.change_hours(
                placement=placement,
                hours_per_week=form.cleaned_data["hours_per_week"],
                starting=form.cleaned_data["starting"],
                by=request.user,
            )
        except (ValidationError, services.MonitoringError) as error:
            apply_errors(form, error)
        else:
            messages.success(
                request,
                _("De uren van %(reference)s zijn gewijzigd.") % {"reference": placement.reference},
            )
            return redirect(
                "monitoring:placement_edit", pk=partnership.pk, placement_pk=placement.pk
            )
    context = {
        "partnership": partnership,
        "placement": placement,
        "form": form,
        "history": placement.hours.order_by("starts_on"),
    }
    return render(request, "monitoring/placement_hours.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def placement_delete(request, pk, placement_pk):
    """Delete a placement entered by mistake, after confirmation."""
    partnership = managed_partnership(request, pk)
    placement = _placement(request, partnership, placement_pk)
    if request.method == "GET":
        context = {"partnership": partnership, "placement": placement}
        return render(request, "monitoring/placement_delete.html", context)
    reference = placement.reference
    services.delete_placement(placement=placement, by=request.user)
    messages.success(
        request, _("Plaatsing %(reference)s is verwijderd.") % {"reference": reference}
    )
    return redirect("monitoring:placements", pk=partnership.pk)
