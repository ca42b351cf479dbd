"""The coaching tab (sessions; notes for the programme team only), the actions tab, and the
coach's worklist."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import F
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from inkoopkracht.partnerships.access import ActionRules, get_partnership_for_user
from inkoopkracht.partnerships.forms.coaching import ActionForm, SessionForm
from inkoopkracht.partnerships.indicators import annotate_guidance
from inkoopkracht.partnerships.models import ActionItem, CoachingSession, Partnership
from inkoopkracht.partnerships.services import NotAllowed, PartnershipError
from inkoopkracht.partnerships.services import coaching as services

from .common import editable_partnership, page_context, refusals_as_403, show_service_errors


@login_required
def sessions(request, pk):
    partnership = get_partnership_for_user(request.user, pk, Partnership.objects.with_overview())
    queryset = (
        CoachingSession.objects.visible_to(request.user)
        .filter(partnership=partnership)
        .prefetch_related("attendees__organisation", "coaches", "actions")
    )
    context = page_context(
        request,
        partnership,
        "sessions",
        sessions=queryset,
        show_notes=request.user.is_programme_staff,
        today=timezone.localdate(),
    )
    return render(request, "partnerships/coaching/sessions.html", context)


def _saved(form, save):
    """What the service ``save`` returns for the form's data, or None when it refuses (its
    Dutch messages are then shown at the fields)."""
    try:
        return save(**form.cleaned_data)
    except ValidationError as error:
        show_service_errors(form, error)
        return None


def _session_form_view(request, partnership, session=None):
    initial = SessionForm.initial_for(session) if session else {"coaches": [request.user]}
    form = SessionForm(request.POST or None, initial=initial, partnership=partnership)
    if request.method == "POST" and form.is_valid():
        if session is None:
            save = partial(services.record_session, partnership=partnership, by=request.user)
        else:
            save = partial(services.change_session, session=session, by=request.user)
        saved = _saved(form, save)
        if saved is not None:
            messages.success(request, _("De sessie is opgeslagen."))
            url = reverse("partnerships:sessions", args=[partnership.pk])
            return redirect(f"{url}#sessie-{saved.pk}")
    context = page_context(request, partnership, "sessions", form=form, session=session)
    return render(request, "partnerships/coaching/session_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
@refusals_as_403
def add_session(request, pk):
    partnership = editable_partnership(request, pk, Partnership.objects.with_overview())
    return _session_form_view(request, partnership)


@login_required
@require_http_methods(["GET", "POST"])
@refusals_as_403
def edit_session(request, pk, session_pk):
    partnership = editable_partnership(request, pk, Partnership.objects.with_overview())
    session = get_object_or_404(partnership.coaching_sessions, pk=session_pk)
    return _session_form_view(request, partnership, session)


def action_rows(request, partnership, actions) -> list[dict]:
    """Each action with what this user may do with it (computed once per page)."""
    rules = ActionRules(request.user, partnership)
    today = timezone.localdate()
    return [
        {"action": a, "can_complete": rules.can_complete(a), "overdue": a.is_overdue(today)}
        for a in actions
    ]


@login_required
def actions(request, pk):
    partnership = get_partnership_for_user(request.user, pk, Partnership.objects.with_overview())
    show_all = request.GET.get("toon") == "alle"
    queryset = ActionItem.objects.filter(partnership=partnership).with_context()
    if not show_all:
        queryset = queryset.filter(status=ActionItem.Status.OPEN)
    context = page_context(
        request,
        partnership,
        "actions",
        rows=action_rows(request, partnership, queryset.order_by("status", "due_on", "pk")),
        show_all=show_all,
    )
    return render(request, "partnerships/coaching/actions.html", context)


@login_required
@require_POST
@refusals_as_403
def complete_action(request, pk, action_pk):
    partnership = get_partnership_for_user(request.user, pk, Partnership.objects.with_overview())
    action = get_object_or_404(
        ActionItem.objects.filter(partnership=partnership).with_context(), pk=action_pk
    )
    done = request.POST.get("done") == "1"
    try:
        services.complete_action(action=action, by=request.user, done=done)
    except NotAllowed:
        raise  # shown as a 403 by refusals_as_403
    except PartnershipError as error:
        messages.error(request, str(error))
    if request.htmx:
        row = action_rows(request, partnership, [action])[0]
        context = {"row": row, "partnership": partnership, "can_edit": row["can_complete"]}
        return render(request, "partnerships/coaching/actions.html#action-row", context)
    url = reverse("partnerships:actions", args=[partnership.pk])
    return redirect(f"{url}#actie-{action.pk}")


def _action_form_view(request, partnership, action=None):
    if action is not None:
        initial = ActionForm.initial_for(action)
    else:
        initial = {
            "session": request.GET.get("sessie"),
            "commitment": request.GET.get("toezegging"),
        }
    form = ActionForm(
        request.POST or None, initial=initial, partnership=partnership, editing=action is not None
    )
    if request.method == "POST" and form.is_valid():
        if action is None:
            save = partial(services.create_action, partnership=partnership, by=request.user)
        else:
            save = partial(services.change_action, action=action, by=request.user)
        saved = _saved(form, save)
        if saved is not None:
            messages.success(request, _("De actie is opgeslagen."))
            url = reverse("partnerships:actions", args=[partnership.pk])
            return redirect(f"{url}?toon=alle#actie-{saved.pk}")
    context = page_context(request, partnership, "actions", form=form, action=action)
    return render(request, "partnerships/coaching/action_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
@refusals_as_403
def add_action(request, pk):
    partnership = editable_partnership(request, pk, Partnership.objects.with_overview())
    return _action_form_view(request, partnership)


@login_required
@require_http_methods(["GET", "POST"])
@refusals_as_403
def edit_action(request, pk, action_pk):
    partnership = editable_partnership(request, pk, Partnership.objects.with_overview())
    action = get_object_or_404(partnership.actions.with_context(), pk=action_pk)
    return _action_form_view(request, partnership, action)


@login_required
def worklist(request):
    """The coach's proeftuinen (the team: all) with what needs attention, most urgent first."""
    user = request.user
    if not user.is_programme_staff:
        raise Http404
    today = timezone.localdate()
    show_all = request.GET.get("toon") == "alle" or (user.is_team and "toon" not in request.GET)
    partnerships = Partnership.objects.exclude(
        status__in=[Partnership.Status.COMPLETED, Partnership.Status.STOPPED]
    )
    if not show_all:
        partnerships = partnerships.filter(coaches=user)
    partnerships = annotate_guidance(partnerships.with_overview(), today=today).select_related(
        "letter_of_intent"
    )
    ordered = partnerships.order_by(
        "-overdue_actions", F("last_coaching_on").asc(nulls_first=True), "name"
    )
    page = Paginator(ordered, 50).get_page(request.GET.get("pagina"))
    overdue = (
        ActionItem.objects.overdue(today)
        .filter(partnership__in=partnerships.values("pk"))
        .with_context()
        .order_by("due_on", "pk")[:50]
    )
    for partnership in page.object_list:
        partnership.days_since_coaching = (
            (today - partnership.last_coaching_on).days if partnership.last_coaching_on else None
        )
        partnership.days_in_step = (
            (today - partnership.step_since).days if partnership.step_since else None
        )
    context = {"page": page, "overdue": overdue, "show_all": show_all, "today": today}
    return render(request, "partnerships/coaching/worklist.html", context)
