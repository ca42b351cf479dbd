"""Back-office pages of an event: check-in list, adding someone, follow-up, speaker suggestions,
and the participation overview of all proeftuinen.

They live under /beheer/ (Wagtail's admin, two-factor staff only) and check the role's
permissions (events.view_registration, events.change_registration, events.add_registration,
events.change_event). HTMX makes the search and the check-in buttons work in place; without
JavaScript the same forms submit and the page reloads.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.admin.auth import permission_required

from inkoopkracht.partnerships.models import Cohort, Partnership

from . import services
from .forms import TeamRegistrationForm
from .matching import partnerships_without_speaker, suggest_speakers
from .models import Event, Registration, Speaker
from .participation import Period, expected_events, participation_for

Status = Registration.Status
NAMESPACE = "bijeenkomsten"


def _event(pk) -> Event:
    return get_object_or_404(Event.objects.for_listing(), pk=pk)


def _crumbs(event: Event | None, label: str) -> list[dict]:
    items = [
        {"url": reverse("wagtailadmin_home"), "label": _("Home")},
        {"url": reverse(f"{NAMESPACE}:index"), "label": _("Bijeenkomsten")},
    ]
    if event is not None:
        items.append({"url": reverse(f"{NAMESPACE}:edit", args=[event.pk]), "label": event.title})
    return [*items, {"url": "", "label": label}]


def _check_in_url(event: Event, query: str = "") -> str:
    url = reverse(f"{NAMESPACE}:check_in", args=[event.pk])
    return f"{url}?{urlencode({'q': query})}" if query else url


@permission_required("events.view_registration")
def check_in(request, pk):
    """The check-in list of one event: search, mark present or no-show, print."""
    event = _event(pk)
    query = request.GET.get("q", "").strip()
    confirmed = (
        event.registrations.filter(status=Status.CONFIRMED)
        .select_related("partnership", "organisation")
        .order_by("name", "pk")
    )
    rows = confirmed
    if query:
        rows = rows.filter(
            Q(name__icontains=query)
            | Q(email__icontains=query)
            | Q(organisation__name__icontains=query)
            | Q(organisation_name__icontains=query)
        )
    context = {
        "event": event,
        "rows": rows,
        "query": query,
        "can_check_in": request.user.has_perm("events.change_registration")
        and timezone.localdate() >= event.check_in_open_on,
        "check_in_opens": event.check_in_open_on,
        "can_manage": request.user.has_perm("events.add_registration"),
        "can_cancel": _can_cancel(request.user, event),
        "can_follow_up": request.user.has_perm("events.change_event") and event.has_ended(),
        "waiting": event.registrations.filter(status__in=[Status.WAITING, Status.OFFERED])
        .order_by("status", "waitlisted_at", "pk")
        .select_related("partnership"),
        "counts": _counts(confirmed),
        "starts_at": timezone.localtime(event.starts_at),
        "header_title": _("Aanmeldingen en aanwezigheid"),
        "breadcrumbs_items": _crumbs(event, _("Aanmeldingen en aanwezigheid")),
    }
    if request.htmx:
        return render(request, "events/admin/check_in.html#rows", context)
    return render(request, "events/admin/check_in.html", context)


def _can_cancel(user, event: Event) -> bool:
    return user.has_perm("events.add_registration") and not event.has_started()


def _counts(confirmed) -> dict:
    values = list(confirmed.values_list("attendance", flat=True))
    return {
        "confirmed": len(values),
        "attended": values.count(Registration.Attendance.ATTENDED),
        "no_show": values.count(Registration.Attendance.NO_SHOW),
    }


@require_POST
@permission_required("events.change_registration")
def mark(request, pk, registration_pk):
    """Mark one person present, no-show or unknown; HTMX swaps the row."""
    event = _event(pk)
    registration = get_object_or_404(
        event.registrations.select_related("partnership", "organisation"), pk=registration_pk
    )
    error = ""
    try:
        registration = services.record_attendance(
            registration=registration,
            attendance=request.POST.get("aanwezigheid", ""),
            by=request.user,
        )
    except services.EventError as problem:
        error = str(problem)
    if request.htmx:
        context = {
            "event": event,
            "row": registration,
            "error": error,
            "query": request.POST.get("q", ""),
            "can_check_in": True,
            "can_cancel": _can_cancel(request.user, event),
        }
        return render(request, "events/admin/check_in.html#row", context)
    if error:
        messages.error(request, error)
    return redirect(_check_in_url(event, request.POST.get("q", "")))


@require_http_methods(["GET", "POST"])
@permission_required("events.add_registration")
def add_registration(request, pk):
    """The team registers someone: by phone, by mail, or at the door."""
    event = _event(pk)
    form = TeamRegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            registration = _register_by_team(request, event, form.cleaned_data)
        except services.EventError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("%(name)s is toegevoegd (%(status)s).")
                % {"name": registration.name, "status": registration.get_status_display()},
            )
            return redirect(_check_in_url(event))
    context = {
        "event": event,
        "form": form,
        "header_title": _("Iemand aanmelden"),
        "breadcrumbs_items": _crumbs(event, _("Iemand aanmelden")),
    }
    return render(request, "events/admin/add_registration.html", context)


def _register_by_team(request, event, data) -> Registration:
    if data.get("partnership"):
        return services.register_member(
            event=event,
            partnership=data["partnership"],
            organisation=data["organisation"],
            name=data["name"],
            email=data["email"],
            by=request.user,
            accept_waiting_list=data["waiting_list"],
        )
    return services.register_guest(
        event=event,
        name=data["name"],
        email=data["email"],
        organisation_name=data["organisation_name"],
        by=request.user,
        accept_waiting_list=data["waiting_list"],
    )


@require_POST
@permission_required("events.add_registration")
def cancel(request, pk, registration_pk):
    """The team cancels a registration on someone's behalf (the next on the list gets an offer)."""
    event = _event(pk)
    registration = get_object_or_404(event.registrations, pk=registration_pk)
    try:
        services.cancel_registration(registration=registration, by=request.user)
    except services.EventError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("%(name)s is afgemeld.") % {"name": registration.name})
    return redirect(_check_in_url(event))


@require_POST
@permission_required("events.change_event")
def follow_up(request, pk):
    """Send minutes and materials to the attendees (only those who have not had them)."""
    event = _event(pk)
    try:
        count = services.send_follow_up(event=event, by=request.user)
    except services.EventError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("Verslag en materiaal gaan naar %(count)s aanwezigen.") % {"count": count}
        )
    return redirect(_check_in_url(event))


@require_http_methods(["GET", "POST"])
@permission_required("events.view_event")
def speakers(request, pk):
    """Suggested ervaringsdeskundigen for the event's topic (step and sector)."""
    event = _event(pk)
    if request.method == "POST":
        if not request.user.has_perm("events.change_event"):
            messages.error(request, _("U mag deze bijeenkomst niet wijzigen."))
            return redirect("bijeenkomsten:speakers", pk=event.pk)
        speaker = get_object_or_404(Speaker, pk=request.POST.get("spreker"))
        try:
            services.add_speaker(event=event, speaker=speaker, by=request.user)
        except services.EventError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("%(name)s is toegevoegd.") % {"name": speaker.name})
        return redirect("bijeenkomsten:speakers", pk=event.pk)
    context = {
        "event": event,
        "current": list(event.speakers.select_related("organisation", "partnership")),
        "suggestions": suggest_speakers(event),
        "partnerships": partnerships_without_speaker(event),
        "can_change": request.user.has_perm("events.change_event"),
        "header_title": _("Ervaringsdeskundigen voorstellen"),
        "breadcrumbs_items": _crumbs(event, _("Ervaringsdeskundigen voorstellen")),
    }
    return render(request, "events/admin/speakers.html", context)


def _periods(today) -> list[Period]:
    periods = [Period.half_year(today)]
    for _index in range(5):
        periods.append(periods[-1].previous())
    return periods


@permission_required("events.view_registration")
def participation(request):
    """Participation of every active proeftuin in a half year, both sides; flags the ones below
    the expected number of events."""
    periods = _periods(timezone.localdate())
    period = Period.parse(request.GET.get("periode", "")) or periods[0]
    partnerships = Partnership.objects.filter(status=Partnership.Status.ACTIVE)
    cohort = request.GET.get("cohort", "")
    if cohort.isdigit():
        partnerships = partnerships.filter(cohort__number=int(cohort))
    figures = participation_for(partnerships, start=period.start, end=period.end)
    rows = [
        {"partnership": partnership, "figures": figures[partnership.pk]}
        for partnership in partnerships.with_overview()
    ]
    below = [row for row in rows if row["figures"].below_expectation]
    if request.GET.get("alleen_onder"):
        rows = below
    rows.sort(key=lambda row: (not row["figures"].below_expectation, str(row["partnership"])))
    context = {
        "page": Paginator(rows, 50).get_page(request.GET.get("pagina")),
        "period": period,
        "periods": periods,
        "cohorts": Cohort.objects.all(),
        "cohort": cohort,
        "only_below": bool(request.GET.get("alleen_onder")),
        "below_count": len(below),
        "total": len(figures),
        "expected": expected_events(period.start, period.end),
        "header_title": _("Deelname per proeftuin"),
        "breadcrumbs_items": [
            {"url": reverse("wagtailadmin_home"), "label": _("Home")},
            {"url": "", "label": _("Deelname per proeftuin")},
        ],
    }
    return render(request, "events/admin/participation.html", context)
