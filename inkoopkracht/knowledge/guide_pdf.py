"""The guide as one document: cover, table of contents, every step with its blocks and lessons.

The PDF renders the same block templates as the web pages, so both have the same content.
WeasyPrint lays it out (``lib.pdf``): page numbers and the contents' page references come from
CSS (``counter(page)``, ``target-counter``).
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from inkoopkracht.lib.pdf import render_to_pdf

from .models import GuideIndexPage

TEMPLATE = "knowledge/pdf/guide.html"


def guide_context() -> dict:
    """What the PDF shows: the live guide and its live, public steps in the plan's order."""
    guide = GuideIndexPage.objects.live().public().first()
    steps = list(guide.steps()) if guide is not None else []
    for step in steps:
        step.published_lessons()  # one query per step, cached for the blocks
    return {
        "guide": guide,
        "steps": steps,
        "generated_on": timezone.localdate(),
        "site_url": settings.SITE_URL,
    }


def render_guide_html() -> str:
    """The HTML that becomes the PDF (also used by tests to compare with the pages)."""
    return render_to_string(TEMPLATE, guide_context())


def render_guide_pdf() -> bytes:
    # Links in the text are relative to the site; resolve them against its address.
    return render_to_pdf(TEMPLATE, guide_context(), base_url=settings.SITE_URL + "/")
