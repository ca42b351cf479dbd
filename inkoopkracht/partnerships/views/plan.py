"""The plan tab: the nine steps with their state and checklist; coaches tick and edit points
and move the proeftuin on to the next step."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from inkoopkracht.partnerships.access import get_partnership_for_user
from inkoopkracht.partnerships.forms.plan import AdvanceStepForm, ChecklistItemForm
from inkoopkracht.partnerships.models import Partnership, Step, plan_of
from inkoopkracht.partnerships.services import NotAllowed, PartnershipError
from inkoopkracht.partnerships.services import plan as services

from .common import editable_partnership, page_context, refusals_as_403, show_service_errors


def _plan_url(partnership, anchor: str = "") -> str:
    url = reverse("partnerships:plan", args=[partnership.pk])
    return f"{url}#{anchor}" if anchor else url


def _render_plan(request, partnership, *, advance_form=None, status=200):
    steps = plan_of(partnership)
    current = next(s for s in steps if s.step.number == partnership.current_step_id)
    context = page_context(
        request,
        partnership,
        "plan",
        plan=steps,
        current=current,
        is_last_step=current.step.number == steps[-1].step.number,
        advance_form=advance_form or AdvanceStepForm(),
    )
    return render(request, "partnerships/plan/plan.html", context, status=status)


@login_required
def plan(request, pk):
    partnership = get_partnership_for_user(request.user, pk, Partnership.objects.with_overview())
    return _render_plan(request, partnership)


@login_required
@require_POST
@refusals_as_403
def advance(request, pk):
    partnership = editable_partnership(request, pk, Partnership.objects.with_overview())
    form = AdvanceStepForm(request.POST)
    if form.is_valid():
        try:
            services.advance_step(
                partnership=partnership, by=request.user, reason=form.cleaned_data["reason"]
            )
        except NotAllowed:
            raise  # shown as a 403 by refusals_as_403
        except PartnershipError as error:
            form.add_error("reason", str(error))
        else:
            messages.success(
                request,
                _("De proeftuin staat nu in stap %(number)s: %(name)s.")
                % {
                    "number": partnership.current_step.number,
                    "name": partnership.current_step.name,
                },
            )
            return redirect(_plan_url(partnership))
    return _render_plan(request, partnership, advance_form=form, status=400)


@login_required
@require_POST
@refusals_as_403
def check_item(request, pk, item_pk):
    partnership = editable_partnership(request, pk)
    item = get_object_or_404(partnership.checklist_items.select_related("done_by"), pk=item_pk)
    services.check_item(item=item, done=request.POST.get("done") == "1", by=request.user)
    if request.htmx:
        context = {"point": item, "partnership": partnership, "can_edit": True}
        return render(request, "partnerships/plan/plan.html#checklist-item", context)
    return redirect(_plan_url(partnership, f"punt-{item.pk}"))


@login_required
@require_http_methods(["GET", "POST"])
@refusals_as_403
def add_item(request, pk, step):
    partnership = editable_partnership(request, pk)
    step = get_object_or_404(Step, number=step)
    form = ChecklistItemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            item = services.add_checklist_item(
                partnership=partnership, step=step, text=form.cleaned_data["text"], by=request.user
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(
                request, _("Het punt is toegevoegd aan stap %(step)s.") % {"step": step}
            )
            return redirect(_plan_url(partnership, f"punt-{item.pk}"))
    context = page_context(request, partnership, "plan", form=form, step=step, item=None)
    return render(request, "partnerships/plan/item_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
@refusals_as_403
def edit_item(request, pk, item_pk):
    partnership = editable_partnership(request, pk)
    item = get_object_or_404(partnership.checklist_items.select_related("step"), pk=item_pk)
    form = ChecklistItemForm(request.POST or None, initial={"text": item.text})
    if request.method == "POST" and "verwijderen" in request.POST:
        services.remove_checklist_item(item=item, by=request.user)
        messages.success(request, _("Het punt ‘%(text)s’ is verwijderd.") % {"text": item.text})
        return redirect(_plan_url(partnership, f"stap-{item.step_id}"))
    if request.method == "POST" and form.is_valid():
        try:
            services.change_checklist_item(
                item=item, text=form.cleaned_data["text"], by=request.user
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("Het punt is gewijzigd."))
            return redirect(_plan_url(partnership, f"punt-{item.pk}"))
    context = page_context(request, partnership, "plan", form=form, step=item.step, item=item)
    return render(request, "partnerships/plan/item_form.html", context)
