"""A quarter's reporting round: the figures to approve, its versions and the actions per side."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inkoopkracht.monitoring import services
from inkoopkracht.monitoring.access import can_decide, can_manage_placements, sees_small_numbers
from inkoopkracht.monitoring.figures import Figures, compute_figures, present, regime_for
from inkoopkracht.monitoring.forms import CommentForm, CorrectionForm
from inkoopkracht.monitoring.models import ReportingRound, RoundStatus
from inkoopkracht.monitoring.periods import Period, PeriodError
from inkoopkracht.partnerships.models import Partnership

from .common import partnership_for


def _quarter(code: str) -> Period:
    try:
        period = Period.parse(code)
    except PeriodError as error:
        raise Http404 from error
    if not period.is_quarter:
        raise Http404
    return period


def _versions(partnership, period: Period, suppress: bool) -> list[dict]:
    rounds = (
        ReportingRound.objects.filter(partnership=partnership)
        .for_period(period)
        .prefetch_related("events__by")
        .select_related("submitted_by", "decided_by")
        .order_by("-revision")
    )
    regime = regime_for(period)
    versions = []
    for reporting_round in rounds:
        shown = None
        if reporting_round.snapshot:
            figures = Figures.from_snapshot(reporting_round.snapshot, regime=regime)
            shown = present(figures, suppress=suppress)
        versions.append({"round": reporting_round, "shown": shown})
    return versions


def _round_context(request, partnership, quarter: Period) -> dict:
    suppress = not sees_small_numbers(request.user)
    versions = _versions(partnership, quarter, suppress)
    current = versions[0]["round"] if versions else None
    live = None
    if current is None or current.is_editable:
        queryset = Partnership.objects.filter(pk=partnership.pk)
        live = present(
            compute_figures(queryset, quarter, approved=False).rows[0], suppress=suppress
        )
    manage = can_manage_placements(request.user, partnership)
    decide = can_decide(request.user, partnership)
    submitted = current is not None and current.status == RoundStatus.SUBMITTED
    return {
        "partnership": partnership,
        "period": quarter,
        "suppress": suppress,
        "versions": versions,
        "current": current,
        "live": live,
        "can_manage": manage,
        "can_decide": decide,
        "can_submit": manage
        and quarter.end < timezone.localdate()
        and (current is None or current.is_editable),
        "can_judge": decide and submitted and current.submitted_by_id != request.user.pk,
        "can_correct": manage and current is not None and current.status == RoundStatus.APPROVED,
        "comment_form": CommentForm(),
        "correction_form": CorrectionForm(),
        "deadline": services.deadline_for(quarter),
    }


@login_required
def round_detail(request, pk, period):
    """Everything about one quarter's report, for both sides and the programme team."""
    partnership = partnership_for(request, pk)
    quarter = _quarter(period)
    return render(
        request, "monitoring/round_detail.html", _round_context(request, partnership, quarter)
    )


def _current(partnership, quarter):
    from inkoopkracht.monitoring.services.rounds import latest_round

    current = latest_round(partnership, quarter)
    if current is None:
        raise Http404
    return current


def _done(request, partnership, quarter, message):
    messages.success(request, message)
    return redirect("monitoring:round", pk=partnership.pk, period=str(quarter))


@login_required
@require_POST
def submit(request, pk, period):
    partnership = partnership_for(request, pk)
    quarter = _quarter(period)
    if not can_manage_placements(request.user, partnership):
        raise Http404
    try:
        reporting_round = services.open_round(
            partnership=partnership, period=quarter, by=request.user
        )
        services.submit_round(reporting_round=reporting_round, by=request.user)
    except services.MonitoringError as error:
        messages.error(request, str(error))
        return redirect("monitoring:round", pk=partnership.pk, period=str(quarter))
    return _done(
        request,
        partnership,
        quarter,
        _("De rapportage is ingediend. De opdrachtgever krijgt bericht."),
    )


@login_required
@require_POST
def approve(request, pk, period):
    partnership = partnership_for(request, pk)
    quarter = _quarter(period)
    if not can_decide(request.user, partnership):
        raise Http404
    try:
        services.approve_round(reporting_round=_current(partnership, quarter), by=request.user)
    except services.MonitoringError as error:
        messages.error(request, str(error))
        return redirect("monitoring:round", pk=partnership.pk, period=str(quarter))
    return _done(
        request, partnership, quarter, _("De rapportage is goedgekeurd; de cijfers zijn vastgezet.")
    )


@login_required
@require_POST
def send_back(request, pk, period):
    partnership = partnership_for(request, pk)
    quarter = _quarter(period)
    if not can_decide(request.user, partnership):
        raise Http404
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            services.return_round(
                reporting_round=_current(partnership, quarter),
                by=request.user,
                comment=form.cleaned_data["comment"],
            )
        except services.MonitoringError as error:
            form.add_error("comment", str(error))
        else:
            return _done(
                request,
                partnership,
                quarter,
                _("De rapportage is teruggestuurd naar de leverancier."),
            )
    return _form_again(request, partnership, quarter, comment_form=form)


@login_required
@require_POST
def correct(request, pk, period):
    partnership = partnership_for(request, pk)
    quarter = _quarter(period)
    if not can_manage_placements(request.user, partnership):
        raise Http404
    form = CorrectionForm(request.POST)
    if form.is_valid():
        try:
            services.start_correction(
                reporting_round=_current(partnership, quarter),
                by=request.user,
                reason=form.cleaned_data["reason"],
            )
        except services.MonitoringError as error:
            form.add_error("reason", str(error))
        else:
            return _done(
                request,
                partnership,
                quarter,
                _(
                    "Er is een nieuwe versie gemaakt. Pas de plaatsingen aan en dien de rapportage opnieuw in."
                ),
            )
    return _form_again(request, partnership, quarter, correction_form=form)


def _form_again(request, partnership, quarter, **forms):
    """The round page again with the invalid form and what the user typed (status 400)."""
    context = {**_round_context(request, partnership, quarter), **forms}
    return render(request, "monitoring/round_detail.html", context, status=400)
