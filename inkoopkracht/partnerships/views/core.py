"""Mijn proeftuin: the proeftuinen of the logged-in member, read-only, with panels of other apps."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from ..access import get_partnership_for_user, member_sides
from ..models import Partnership
from ..portal import render_panels


@login_required
def portal(request):
    """The proeftuinen this user may see (staff: all, paginated)."""
    partnerships = Partnership.objects.visible_to(request.user).with_overview()
    page = Paginator(partnerships.order_by("cohort__number", "name"), 25).get_page(
        request.GET.get("pagina")
    )
    return render(request, "partnerships/portal.html", {"page": page})


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
    context = {
        "partnership": partnership,
        "sides": member_sides(request.user, partnership),
        "steps": _steps_with_state(partnership),
        "panels": render_panels(request, partnership),
    }
    return render(request, "partnerships/partnership_detail.html", context)


def _steps_with_state(partnership):
    from ..models import Step

    return [
        {
            "step": step,
            "done": step.number < partnership.current_step_id,
            "current": step.number == partnership.current_step_id,
        }
        for step in Step.objects.all()
    ]
