"""Registering, cancelling, the waiting list and its offers, attendance and the follow-up."""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from inkoopkracht import audit
from inkoopkracht.events.models import Event, Registration, side_of
from inkoopkracht.organisations.models import Organisation
from inkoopkracht.partnerships.models import Partnership

from .base import (
    EventError,
    Status,
    _actor,
    _is_staff,
    _locked_event,
    _locked_registration,
    _mail,
    _user,
)

# --- Registering -------------------------------------------------------------------------


def register_guest(
    *,
    event: Event,
    name: str,
    email: str,
    organisation_name: str = "",
    by=None,
    accept_waiting_list: bool = False,
    at=None,
) -> Registration:
    """Register a guest (name, organisation, email) for a public event."""
    registration = Registration(
        kind=Registration.Kind.GUEST,
        name=name.strip(),
        email=email.strip().lower(),
        organisation_name=organisation_name.strip(),
    )
    return _register(
        event=event,
        registration=registration,
        by=by,
        accept_waiting_list=accept_waiting_list,
        at=at,
    )


def register_member(
    *,
    event: Event,
    partnership: Partnership,
    organisation,
    name: str,
    email: str,
    by,
    user=None,
    accept_waiting_list: bool = False,
    at=None,
) -> Registration:
    """Register a member of a proeftuin (``by`` themselves or a colleague) for an event.

    ``organisation`` is the registrant's organisation; it must take part in the proeftuin. A
    member registers people of their own organisations; the programme team anyone.
    """
    side = side_of(partnership, organisation.pk)
    if not side:
        raise EventError(
            _("%(organisation)s doet niet mee in deze proeftuin.")
            % {"organisation": organisation.name}
        )
    # ``by=None`` is the system (the demo loader, a command); a person is checked.
    if (
        by is not None
        and not _is_staff(by)
        and not _member_may_register(by, partnership, organisation)
    ):
        raise EventError(_("U kunt alleen mensen van uw eigen organisatie aanmelden."))
    registration = Registration(
        kind=Registration.Kind.MEMBER,
        name=name.strip(),
        email=email.strip().lower(),
        organisation=organisation,
        partnership=partnership,
        side=side,
        user=user,
    )
    return _register(
        event=event,
        registration=registration,
        by=by,
        accept_waiting_list=accept_waiting_list,
        at=at,
    )


def _member_may_register(by, partnership: Partnership, organisation) -> bool:
    if not _user(by):
        return False
    visible = Partnership.objects.visible_to(by).filter(pk=partnership.pk).exists()
    return visible and Organisation.objects.of_member(by).filter(pk=organisation.pk).exists()


def _register(*, event, registration, by, accept_waiting_list, at) -> Registration:
    now = at or timezone.now()
    if not registration.name or not registration.email:
        raise EventError(_("Vul een naam en een e-mailadres in."))
    expire_offers(event=event, at=now)  # commits, even if this registration is refused
    with transaction.atomic():
        return _register_locked(event, registration, by, accept_waiting_list, now)


def _register_locked(event, registration, by, accept_waiting_list, now) -> Registration:
    event = _locked_event(event.pk)
    _check_open(event, by, now)
    _check_audience(event, registration)
    _check_not_registered(event, registration.email)
    held = event.registrations.holding_place().count()
    someone_waiting = event.registrations.filter(status=Status.WAITING).exists()
    if held < event.capacity and not someone_waiting:
        registration.status, registration.confirmed_at = Status.CONFIRMED, now
    elif accept_waiting_list:
        registration.status, registration.waitlisted_at = Status.WAITING, now
    else:
        raise EventError(
            _(
                "De bijeenkomst is vol. Kies ‘Zet mij op de wachtlijst’ als u een plaats wilt "
                "krijgen zodra er een vrijkomt."
            )
        )
    registration.event = event
    registration.registered_by = _user(by)
    try:
        with transaction.atomic():
            registration.save()
    except IntegrityError:
        raise EventError(_("Dit e-mailadres is al aangemeld voor deze bijeenkomst.")) from None
    audit.record(
        actor=_actor(by, "gast via de website"),
        action="registration.created",
        target=registration,
        data={"event": event.pk, "status": registration.status, "kind": registration.kind},
    )
    _mail(registration, "confirmed" if registration.status == Status.CONFIRMED else "waiting")
    return registration


def _check_open(event: Event, by, now) -> None:
    if event.is_cancelled:
        raise EventError(_("Deze bijeenkomst is afgelast."))
    if not event.is_published:
        raise EventError(_("Voor deze bijeenkomst kunt u zich (nog) niet aanmelden."))
    if _is_staff(by):
        # The team can still add someone at the door, until the end of the event.
        if event.has_ended(now):
            raise EventError(_("Deze bijeenkomst is al voorbij."))
        return
    if now >= event.registration_closes_at:
        raise EventError(_("De aanmeldtermijn voor deze bijeenkomst is verstreken."))


def _check_audience(event: Event, registration: Registration) -> None:
    if registration.kind == Registration.Kind.GUEST and event.audience != Event.Audience.PUBLIC:
        raise EventError(
            _(
                "Deze bijeenkomst is alleen voor deelnemers van proeftuinen; gasten kunnen zich "
                "niet aanmelden. Doet u mee in een proeftuin? Log dan in en meld u aan."
            )
        )
    if event.audience == Event.Audience.COHORT:
        if registration.partnership.cohort_id != event.cohort_id:
            raise EventError(
                _("Deze bijeenkomst is alleen voor proeftuinen uit %(cohort)s.")
                % {"cohort": event.cohort}
            )


def _check_not_registered(event: Event, email: str) -> None:
    existing = event.registrations.active().filter(email=email).first()
    if existing is None:
        return
    if existing.status == Status.WAITING:
        raise EventError(
            _("%(email)s staat al op de wachtlijst voor deze bijeenkomst.") % {"email": email}
        )
    raise EventError(_("%(email)s is al aangemeld voor deze bijeenkomst.") % {"email": email})


# --- Cancelling and the waiting list -----------------------------------------------------


@transaction.atomic
def cancel_registration(*, registration: Registration, by=None, at=None) -> Registration:
    """Cancel a registration (or decline an offer, or leave the waiting list); a freed place
    is offered to the next person on the waiting list."""
    now = at or timezone.now()
    event = _locked_event(registration.event_id)
    registration = _locked_registration(registration)
    if registration.status == Status.CANCELLED:
        raise EventError(_("U bent al afgemeld voor deze bijeenkomst. Er is niets veranderd."))
    if registration.status == Status.EXPIRED:
        raise EventError(
            _("Het aanbod voor een plaats is al verlopen; u staat niet meer op de wachtlijst.")
        )
    if event.has_started(now):
        raise EventError(_("De bijeenkomst is al begonnen; afmelden kan niet meer."))
    before, held = registration.status, registration.holds_place
    registration.status, registration.cancelled_at = Status.CANCELLED, now
    registration.save(update_fields=["status", "cancelled_at"])
    audit.record(
        actor=_actor(by, "link in e-mail"),
        action="registration.cancelled",
        target=registration,
        data={"from": before},
    )
    _mail(registration, "cancelled")
    if held:
        _offer_free_places(event, now)
    return registration


def accept_offer(*, registration: Registration, by=None, at=None) -> Registration:
    """Take the place offered from the waiting list, while the offer is open."""
    now = at or timezone.now()
    expire_offers(event=registration.event, at=now)  # commits, even if the answer is refused
    with transaction.atomic():
        event = _locked_event(registration.event_id)
        registration = _locked_registration(registration)
        _check_offer_open(registration, event)
        registration.status, registration.confirmed_at = Status.CONFIRMED, now
        registration.save(update_fields=["status", "confirmed_at"])
        audit.record(
            actor=_actor(by, "link in e-mail"),
            action="registration.offer_accepted",
            target=registration,
        )
        _mail(registration, "confirmed")
    return registration


def decline_offer(*, registration: Registration, by=None, at=None) -> Registration:
    """Turn down the place offered; it goes to the next person on the waiting list."""
    now = at or timezone.now()
    expire_offers(event=registration.event, at=now)
    with transaction.atomic():
        event = _locked_event(registration.event_id)
        registration = _locked_registration(registration)
        _check_offer_open(registration, event)
        return cancel_registration(registration=registration, by=by, at=now)


def _check_offer_open(registration: Registration, event: Event) -> None:
    if registration.status == Status.CONFIRMED:
        raise EventError(_("U hebt deze plaats al aangenomen: u bent aangemeld."))
    if registration.status == Status.EXPIRED:
        raise EventError(
            _("Het aanbod is verlopen. De plaats is aangeboden aan de volgende op de wachtlijst.")
        )
    if registration.status != Status.OFFERED or event.is_cancelled:
        raise EventError(_("Dit aanbod geldt niet meer."))


@transaction.atomic
def expire_offers(*, event: Event, at=None) -> int:
    """Expire the offers of one event that are past their time; offer the places again."""
    return _expire_offers(_locked_event(event.pk), at or timezone.now())


def _expire_offers(event: Event, now) -> int:
    """(Event row locked.) Offers past their time expire; the places go to the next."""
    due = list(event.registrations.filter(status=Status.OFFERED, offer_expires_at__lte=now))
    for registration in due:
        registration.status = Status.EXPIRED
        registration.save(update_fields=["status"])
        audit.record(actor=None, action="registration.offer_expired", target=registration)
        _mail(registration, "offer_expired")
    if due:
        _offer_free_places(event, now)
    return len(due)


def _offer_free_places(event: Event, now) -> list[Registration]:
    """(Event row locked.) Offer every free place to the next person on the waiting list."""
    if not event.is_published or event.has_started(now):
        return []
    free = event.capacity - event.registrations.holding_place().count()
    if free <= 0:
        return []
    expires = min(now + timedelta(hours=settings.EVENTS_OFFER_HOURS), event.starts_at)
    offered = list(event.registrations.waiting_in_order()[:free])
    for registration in offered:
        registration.status = Status.OFFERED
        registration.offered_at, registration.offer_expires_at = now, expires
        registration.save(update_fields=["status", "offered_at", "offer_expires_at"])
        audit.record(
            actor=None,
            action="registration.offered",
            target=registration,
            data={"expires": expires.isoformat()},
        )
        _mail(registration, "offered")
    return offered


def offer_free_places(*, event: Event, at=None) -> list[Registration]:
    """Offer free places (after the capacity went up); used by the back office."""
    with transaction.atomic():
        return _offer_free_places(_locked_event(event.pk), at or timezone.now())


# --- Attendance and follow-up ------------------------------------------------------------


@transaction.atomic
def record_attendance(*, registration: Registration, attendance: str, by, at=None) -> Registration:
    """Check someone in (aanwezig), mark a no-show (niet verschenen), or undo (onbekend)."""
    if attendance not in Registration.Attendance.values:
        raise EventError(_("Kies aanwezig of niet verschenen."))
    now = at or timezone.now()
    registration = _locked_registration(registration)
    if registration.status != Status.CONFIRMED:
        raise EventError(_("Alleen wie aangemeld is, kan als aanwezig worden geregistreerd."))
    if timezone.localdate(now) < registration.event.check_in_open_on:
        raise EventError(_("Aanwezigheid registreert u vanaf de dag van de bijeenkomst."))
    before = registration.attendance
    if before == attendance:
        return registration
    registration.attendance = attendance
    registration.save(update_fields=["attendance"])
    audit.record(
        actor=by,
        action="registration.attendance_recorded",
        target=registration,
        data={"from": before, "to": attendance},
    )
    return registration


@transaction.atomic
def send_follow_up(*, event: Event, by, at=None) -> int:
    """Send the minutes and materials to the attendees who have not had them yet."""
    now = at or timezone.now()
    event = _locked_event(event.pk)
    if not event.has_ended(now):
        raise EventError(_("Het verslag en het materiaal verstuurt u na afloop."))
    if not event.minutes.strip() and not event.materials.exists():
        raise EventError(_("Voeg eerst een verslag of materiaal toe aan de bijeenkomst."))
    recipients = list(
        event.registrations.filter(
            status=Status.CONFIRMED,
            attendance=Registration.Attendance.ATTENDED,
            follow_up_sent_at__isnull=True,
            anonymised_at__isnull=True,
        )
    )
    if not recipients:
        raise EventError(
            _("Er zijn geen aanwezigen die het verslag en het materiaal nog niet hebben gekregen.")
        )
    Registration.objects.filter(pk__in=[r.pk for r in recipients]).update(follow_up_sent_at=now)
    for registration in recipients:
        _mail(registration, "follow_up")
    audit.record(
        actor=by, action="event.follow_up_sent", target=event, data={"count": len(recipients)}
    )
    return len(recipients)
