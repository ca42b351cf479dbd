"""The monitoring of one proeftuin: the panel on its page in Mijn proeftuin and the full page."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from inkoopkracht.monitoring import dashboard
from inkoopkracht.monitoring.access import can_decide, can_manage_placements, can_see_placements
from inkoopkracht.monitoring.figures import present
from inkoopkracht.monitoring.forms import PeriodForm, period_choices
from inkoopkracht.monitoring.models import ReportingRound
from inkoopkracht.monitoring.periods import Period

from .common import partnership_for


def _rounds_by_quarter(partnership) -> dict:
    """The newest revision per quarter."""
    rounds = ReportingRound.objects.filter(partnership=partnership).latest_revisions()
    return {r.period: r for r in rounds}


def _roles(user, partnership) -> dict:
    return {
        "can_manage": can_manage_placements(user, partnership),
        "can_decide": can_decide(user, partnership),
        "can_see_placements": can_see_placements(user, partnership),
    }


def panel_context(request, partnership):
    """Context of the monitoring panel on the proeftuin's page (registered in apps.py)."""
    if not request.user.is_authenticated:
        return None
    view = dashboard.overview(partnership, request.user)
    rounds = _rounds_by_quarter(partnership)
    return {"view": view, "round": rounds.get(view.period), **_roles(request.user, partnership)}


@login_required
def monitoring_page(request, pk):
    """All figures of a chosen quarter or year, both attribution regimes, and the rounds."""
    partnership = partnership_for(request, pk)
    today = timezone.localdate()
    last = Period.last_completed_quarter(today)
    first = dashboard.first_quarter(partnership, today)
    form = PeriodForm(request.GET or None, choices=period_choices(first, last))
    period = form.period(last)
    view = dashboard.overview(partnership, request.user, period=period, today=today)
    rounds = _rounds_by_quarter(partnership)
    quarters = [
        {"period": q, "round": rounds.get(q), "shown": present(f, suppress=view.suppress)}
        for q, f in reversed(view.quarters)
    ]
    context = {
        "partnership": partnership,
        "view": view,
        "form": form,
        "quarters": quarters,
        "last": last,
        **_roles(request.user, partnership),
    }
    return render(request, "monitoring/monitoring_page.html", context)
