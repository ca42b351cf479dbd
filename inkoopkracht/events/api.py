"""API: the events the caller may see (anonymous callers: the public and members-only ones)."""

from datetime import datetime

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from ninja import Router, Schema
from ninja.pagination import paginate

from .models import Event

router = Router(tags=["bijeenkomsten"])


class EventOut(Schema):
    id: int
    slug: str
    title: str
    kind: str
    summary: str
    starts_at: datetime
    ends_at: datetime
    location: str
    online: bool
    audience: str
    status: str
    capacity: int
    places_left: int
    url: str

    @staticmethod
    def resolve_online(obj):
        return bool(obj.online_url)

    @staticmethod
    def resolve_places_left(obj):
        return obj.places_left()

    @staticmethod
    def resolve_url(obj):
        return settings.SITE_URL + reverse("events:detail", args=[obj.slug])


@router.get("/", response=list[EventOut], summary="Bijeenkomsten die u mag zien")
@paginate
def list_events(request, afgelopen: bool = False):
    """Upcoming events (soonest first), or with ``afgelopen=true`` past ones (latest first)."""
    events = Event.objects.visible_to(request.user).listed().for_listing()
    now = timezone.now()
    return events.past(now) if afgelopen else events.upcoming(now)


@router.get("/{slug}/", response=EventOut, summary="Eén bijeenkomst")
def get_event(request, slug: str):
    queryset = Event.objects.visible_to(request.user).listed().for_listing()
    return get_object_or_404(queryset, slug=slug)
