"""Public pages: upcoming and past events, one event with its registration form, iCal."""

from datetime import timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from inkoopkracht.partnerships.models import Partnership

from . import services
from .forms import GuestRegistrationForm, MemberRegistrationForm
from .ical import calendar_for
from .models import Event, Registration

PAGE_SIZE = 20
FEED_DAYS_BACK = 180


def _listing(request, events, template: str):
    kind = request.GET.get("soort", "")
    query = ""
    if kind in Event.Kind.values:
        events = events.filter(kind=kind)
        query = urlencode({"soort": kind})  # kept in the page links
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("pagina"))
    context = {"page": page, "kinds": Event.Kind.choices, "kind": kind, "query": query}
    return render(request, template, context)


@require_GET
def event_list(request):
    """Upcoming events this visitor may see, soonest first."""
    events = Event.objects.visible_to(request.user).listed().upcoming().for_listing()
    return _listing(request, events, "events/event_list.html")


@require_GET
def past_events(request):
    events = Event.objects.visible_to(request.user).listed().past().for_listing()
    return _listing(request, events, "events/past_events.html")


def _get_event(user, slug) -> Event:
    """The event if this user may see it; 404 otherwise."""
    queryset = (
        Event.objects.visible_to(user)
        .for_listing()
        .prefetch_related("speakers__organisation", "speakers__partnership")
    )
    return get_object_or_404(queryset, slug=slug)


def _registration_form(request, event: Event):
    """A member's form for members of a proeftuin, a guest form for everyone else (the service
    refuses guests where the event is for members only); none for programme staff."""
    user, data = request.user, request.POST if request.method == "POST" else None
    if user.is_authenticated and user.is_programme_staff:
        return None
    if user.is_authenticated and Partnership.objects.visible_to(user).exists():
        return MemberRegistrationForm(data, user=user, event=event)
    initial = {"name": user.get_full_name(), "email": user.email} if user.is_authenticated else {}
    return GuestRegistrationForm(data, initial=initial)


def _register(request, event: Event, form) -> Registration:
    data = form.cleaned_data
    if isinstance(form, MemberRegistrationForm):
        return services.register_member(
            event=event,
            partnership=data["partnership"],
            by=request.user,
            accept_waiting_list=data["waiting_list"],
            **data["registrant"],
        )
    return services.register_guest(
        event=event,
        name=data["name"],
        email=data["email"],
        organisation_name=data["organisation_name"],
        by=request.user,
        accept_waiting_list=data["waiting_list"],
    )


def _registered_message(registration: Registration) -> str:
    if registration.status == Registration.Status.WAITING:
        return _(
            "De bijeenkomst is vol: %(name)s staat op de wachtlijst (plaats %(position)s). "
            "Komt er een plaats vrij, dan volgt een e-mail."
        ) % {"name": registration.name, "position": registration.waiting_position()}
    return _(
        "%(name)s is aangemeld. De bevestiging met de agenda-afspraak gaat naar %(email)s."
    ) % {"name": registration.name, "email": registration.email}


@require_http_methods(["GET", "POST"])
def event_detail(request, slug):
    """One event; members and guests register here."""
    event = _get_event(request.user, slug)
    form = _registration_form(request, event)
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            registration = _register(request, event, form)
        except services.EventError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _registered_message(registration))
            return redirect("events:detail", slug=event.slug)
    now = timezone.now()
    context = {
        "event": event,
        "form": form,
        "starts_at": timezone.localtime(event.starts_at),
        "ends_at": timezone.localtime(event.ends_at),
        "closes_at": timezone.localtime(event.registration_closes_at),
        "open": event.registration_open(now),
        "ended": event.has_ended(now),
        "full": event.places_left() == 0,
        "guests_welcome": event.audience == Event.Audience.PUBLIC,
        "is_member_form": isinstance(form, MemberRegistrationForm),
        "speakers": list(event.speakers.all()),
        "retention_days": settings.EVENTS_GUEST_RETENTION_DAYS,
    }
    return render(request, "events/event_detail.html", context)


def _ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
def event_ics(request, slug):
    """One event as a calendar file."""
    event = _get_event(request.user, slug)
    return _ics_response(calendar_for([event]), f"{event.slug}.ics")


@require_GET
def feed(request):
    """The public iCal feed: public events from half a year ago on (subscribe in a calendar)."""
    since = timezone.now() - timedelta(days=FEED_DAYS_BACK)
    events = Event.objects.filter(
        status__in=[Event.Status.PUBLISHED, Event.Status.CANCELLED],
        audience=Event.Audience.PUBLIC,
        ends_at__gte=since,
    ).order_by("starts_at")
    response = _ics_response(
        calendar_for(events, name=_("Bijeenkomsten Partnership en inkoopkracht")), "agenda.ics"
    )
    response["Content-Disposition"] = 'inline; filename="agenda.ics"'
    return response
