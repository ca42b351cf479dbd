"""Mijn proeftuin: the proeftuinen of the logged-in member and a proeftuin's overview, with
panels of other apps and a summary of the plan, letter of intent, actions and coaching."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone

from inkoopkracht.partnerships.access import get_partnership_for_user, member_sides
from inkoopkracht.partnerships.indicators import guidance_indicators
from inkoopkracht.partnerships.models import (
    ActionItem,
    Bottleneck,
    LetterOfIntent,
    Partnership,
    StepState,
    plan_of,
)
from inkoopkracht.partnerships.portal import render_panels

from .common import page_context


@login_required
def portal(request):
    """The proeftuinen this user may see (staff: all, paginated)."""
    partnerships = Partnership.objects.visible_to(request.user).with_overview()
    page = Paginator(partnerships.order_by("cohort__number", "name"), 25).get_page(
        request.GET.get("pagina")
    )
    return render(request, "partnerships/portal.html", {"page": page})


def _guidance_summary(request, partnership) -> dict:
    today = timezone.localdate()
    indicators = guidance_indicators([partnership.pk], today=today)[partnership.pk]
    summary = {
        "letter": LetterOfIntent.objects.filter(partnership=partnership).first(),
        "open_actions": ActionItem.objects.filter(partnership=partnership).open().count(),
        "indicators": indicators,
    }
    if request.user.is_programme_staff:
        summary["bottlenecks"] = list(
            Bottleneck.objects.visible_to(request.user)
            .filter(partnerships=partnership, status__in=Bottleneck.ACTIVE)
            .order_by("-reported_on")
        )
    return summary


@login_required
def partnership_detail(request, pk):
    partnership = get_partnership_for_user(
        request.user,
        pk,
        Partnership.objects.with_overview().prefetch_related(
            "parties__organisation__contacts",
            "buyer__contacts",
            "supplier__contacts",
            "contracts",
            "milestones",
        ),
    )
    steps = plan_of(partnership)
    context = page_context(
        request,
        partnership,
        "overview",
        sides=member_sides(request.user, partnership),
        steps=steps,
        current=next(s for s in steps if s.step.number == partnership.current_step_id),
        done_state=StepState.DONE,
        panels=render_panels(request, partnership),
        guidance=_guidance_summary(request, partnership),
    )
    return render(request, "partnerships/partnership_detail.html", context)
