"""Mijn proeftuin: a member's own registrations, and the events panel on a proeftuin's page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from . import links, services
from .models import Registration
from .participation import Period, participation_for

Status = Registration.Status


def _mine(user):
    """Registrations this member may manage: their own and those they made for colleagues."""
    return Registration.objects.visible_to(user).filter(
        Q(user=user) | Q(email=user.email.lower()) | Q(registered_by=user)
    )


@login_required
@require_GET
def my_events(request):
    now = timezone.now()
    registrations = _mine(request.user).select_related("event", "partnership", "organisation")
    upcoming = registrations.filter(event__ends_at__gt=now, status__in=Registration.ACTIVE)
    past = registrations.filter(event__ends_at__lte=now, status=Status.CONFIRMED)
    context = {
        "upcoming": [_row(r) for r in upcoming.order_by("event__starts_at", "name")],
        "past": [_row(r) for r in past.order_by("-event__starts_at", "name")[:50]],
    }
    return render(request, "events/my_events.html", context)


def _row(registration: Registration) -> dict:
    materials_sent = (
        registration.attendance == Registration.Attendance.ATTENDED
        and registration.follow_up_sent_at is not None
    )
    return {
        "registration": registration,
        "starts_at": timezone.localtime(registration.event.starts_at),
        "position": registration.waiting_position(),
        "offer_open": registration.offer_is_open(),
        "expires_at": registration.offer_expires_at
        and timezone.localtime(registration.offer_expires_at),
        "materials_url": links.path(registration, links.MATERIALS) if materials_sent else "",
    }


@login_required
@require_POST
def cancel_mine(request, pk):
    registration = get_object_or_404(_mine(request.user).active(), pk=pk)
    try:
        services.cancel_registration(registration=registration, by=request.user)
    except services.EventError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("%(name)s is afgemeld voor %(event)s.")
            % {"name": registration.name, "event": registration.event.title},
        )
    return redirect("events:mine")


@login_required
@require_POST
def accept_mine(request, pk):
    registration = get_object_or_404(_mine(request.user), pk=pk, status=Status.OFFERED)
    try:
        services.accept_offer(registration=registration, by=request.user)
    except services.EventError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("%(name)s is aangemeld voor %(event)s.")
            % {"name": registration.name, "event": registration.event.title},
        )
    return redirect("events:mine")


def panel_context(request, partnership):
    """The events panel on a proeftuin's page: who is coming, and participation both sides."""
    upcoming = (
        Registration.objects.visible_to(request.user)
        .filter(partnership=partnership, status__in=Registration.ACTIVE)
        .filter(event__ends_at__gt=timezone.now())
        .select_related("event")
        .order_by("event__starts_at", "name")
    )
    period = Period.half_year(timezone.localdate())
    previous = period.previous()
    rows = [
        (
            item.label,
            participation_for([partnership], start=item.start, end=item.end)[partnership.pk],
        )
        for item in (period, previous)
    ]
    return {
        "upcoming": [
            {"registration": r, "starts_at": timezone.localtime(r.event.starts_at)}
            for r in upcoming[:10]
        ],
        "rows": rows,
        "participation": rows[0][1],
    }
