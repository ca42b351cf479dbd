"""The guide panel in Mijn proeftuin: the current step's guide page, its lessons, share a lesson."""

from inkoopkracht.partnerships.access import member_sides

from .models import GuideStepPage, Lesson

PANEL_LESSONS = 3


def panel(request, partnership) -> dict:
    """Context of ``knowledge/portal_panel.html`` for this proeftuin's current step."""
    step = partnership.current_step
    guide_page = GuideStepPage.objects.live().public().filter(step=step).first()
    lessons = list(Lesson.objects.published().filter(step=step).with_display()[: PANEL_LESSONS + 1])
    own = (
        Lesson.objects.filter(partnership=partnership, submitted_by=request.user)
        .order_by("-submitted_at")
        .only("pk", "title", "status", "submitted_at")[:5]
    )
    return {
        "step": step,
        "guide_page": guide_page,
        "lessons": lessons[:PANEL_LESSONS],
        "more_lessons": len(lessons) > PANEL_LESSONS,
        "own_lessons": list(own),
        "may_share": bool(member_sides(request.user, partnership)),
    }
