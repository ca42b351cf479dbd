"""Pages behind the signed links in mails: cancel, answer an offer, open the materials.

Opening a link shows the registration and asks for a confirmation; only the POST changes
anything. An invalid, tampered or expired link, and a link that was already used, get a clear
Dutch message and change nothing.
"""

import os

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from . import links, services
from .models import Registration

Status = Registration.Status


def _problem(request, message: str):
    return render(request, "events/link_problem.html", {"message": message}, status=400)


def _context(registration: Registration, **extra) -> dict:
    event = registration.event
    return {
        "registration": registration,
        "event": event,
        "starts_at": timezone.localtime(event.starts_at),
        "started": event.has_started(),
        **extra,
    }


@require_http_methods(["GET", "POST"])
def cancel(request, token):
    """Cancel a registration (or leave the waiting list) through the link in a mail."""
    try:
        registration = links.read_token(token, links.CANCEL)
    except links.LinkError as error:
        return _problem(request, str(error))
    error, done = "", False
    if request.method == "POST":
        try:
            registration = services.cancel_registration(registration=registration, by=request.user)
            done = True
        except services.EventError as problem:
            error = str(problem)
    context = _context(registration, error=error, done=done)
    return render(request, "events/link_cancel.html", context, status=400 if error else 200)


@require_http_methods(["GET", "POST"])
def offer(request, token):
    """Accept or decline a place offered from the waiting list."""
    try:
        registration = links.read_token(token, links.OFFER)
    except links.LinkError as error:
        return _problem(request, str(error))
    error, done = "", ""
    if request.method == "POST":
        answer = request.POST.get("antwoord")
        try:
            if answer == "aannemen":
                registration = services.accept_offer(registration=registration, by=request.user)
            elif answer == "afslaan":
                registration = services.decline_offer(registration=registration, by=request.user)
            else:
                raise services.EventError("")
            done = answer
        except services.EventError as problem:
            error = str(problem) or _choose_message()
    context = _context(
        registration,
        error=error,
        done=done,
        offer_open=registration.offer_is_open(),
        expires_at=registration.offer_expires_at
        and timezone.localtime(registration.offer_expires_at),
    )
    return render(request, "events/link_offer.html", context, status=400 if error else 200)


def _choose_message() -> str:
    return _("Kies of u de plaats aanneemt of afslaat.")


def _attendee(token) -> Registration:
    registration = links.read_token(token, links.MATERIALS)
    attended = (
        registration.status == Status.CONFIRMED
        and registration.attendance == Registration.Attendance.ATTENDED
    )
    if not attended:
        raise links.LinkError(_("Het verslag en het materiaal zijn alleen voor wie aanwezig was."))
    return registration


@require_GET
def materials(request, token):
    """Minutes and materials of an event, for someone who attended it."""
    try:
        registration = _attendee(token)
    except links.LinkError as error:
        return _problem(request, str(error))
    context = _context(
        registration, materials=list(registration.event.materials.all()), token=token
    )
    return render(request, "events/materials.html", context)


@require_GET
def material_download(request, token, pk):
    try:
        registration = _attendee(token)
    except links.LinkError as error:
        return _problem(request, str(error))
    material = get_object_or_404(registration.event.materials, pk=pk)
    try:
        handle = material.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(handle, as_attachment=True, filename=os.path.basename(material.file.name))
