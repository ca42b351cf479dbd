"""Wagtail pages of the public site: home, the guide (handreiking) and its steps, news, statements.

The home page is the root of the site's page tree. The guide is one index page with one page per
step of the nine-step plan, each built from the blocks in ``blocks.py``. Pages get revisions, the
moderation workflow and scheduled publishing from Wagtail.
"""

from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from inkoopkracht.partnerships.models import Step

from .blocks import step_blocks, text_blocks

__all__ = [
    "GuideIndexPage",
    "GuideStepPage",
    "HomePage",
    "NewsIndexPage",
    "NewsPage",
    "StandardPage",
]


class SiteAddressMixin:
    """Sitemap entries at the address the visitor used (not the Wagtail Site's host name)."""

    def get_sitemap_urls(self, request=None):
        entries = super().get_sitemap_urls(request)
        if request is not None:
            for entry in entries:
                entry["location"] = request.build_absolute_uri(self.get_url(request))
        return entries


class HomePage(SiteAddressMixin, Page):
    """The public home page: what the programme is, for whom, and where to go next."""

    intro = models.TextField(_("introductie"), blank=True)
    body = StreamField(text_blocks(), blank=True, verbose_name=_("inhoud"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "knowledge.GuideIndexPage",
        "knowledge.NewsIndexPage",
        "knowledge.StandardPage",
    ]

    class Meta:
        verbose_name = _("homepage")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["guide"] = GuideIndexPage.objects.live().public().first()
        context["steps"] = GuideStepPage.objects.live().public().select_related("step")
        context["news"] = NewsPage.objects.live().public().order_by("-date", "-pk")[:3]
        return context


class GuideIndexPage(SiteAddressMixin, Page):
    """The guide's introduction: what the guide is, the nine steps, search and the PDF."""

    intro = models.TextField(_("introductie"), help_text=_("Eén of twee zinnen boven de pagina."))
    body = StreamField(text_blocks(), blank=True, verbose_name=_("inhoud"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    max_count = 1
    parent_page_types = ["knowledge.HomePage"]
    subpage_types = ["knowledge.GuideStepPage"]

    class Meta:
        verbose_name = _("handreiking")

    def steps(self):
        """The published step pages, in the order of the plan."""
        return (
            GuideStepPage.objects.child_of(self)
            .live()
            .public()
            .select_related("step")
            .order_by("step__number")
        )

    def get_context(self, request, *args, **kwargs):
        from .pdf import GuidePdf

        context = super().get_context(request, *args, **kwargs)
        context["steps"] = self.steps()
        context["guide_pdf"] = GuidePdf.objects.latest_ready()
        return context


class GuideStepPage(SiteAddressMixin, Page):
    """One step of the nine-step partnership plan, built from structured blocks."""

    step = models.OneToOneField(
        Step,
        verbose_name=_("stap"),
        on_delete=models.PROTECT,
        related_name="guide_page",
        help_text=_("Elke stap van het stappenplan heeft één pagina."),
    )
    intro = models.TextField(
        _("samenvatting"),
        max_length=600,
        help_text=_(
            "Twee of drie zinnen: wat deze stap oplevert. Staat ook in Mijn proeftuin en in de PDF."
        ),
    )
    body = StreamField(step_blocks(), verbose_name=_("inhoud"))

    content_panels = Page.content_panels + [
        FieldPanel("step"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("step"),
    ]
    parent_page_types = ["knowledge.GuideIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("stap van de handreiking")
        verbose_name_plural = _("stappen van de handreiking")

    def published_lessons(self):
        """The published lessons of this step, newest first (one query, cached on the page)."""
        if not hasattr(self, "_published_lessons"):
            from .lessons import Lesson

            self._published_lessons = list(
                Lesson.objects.published().filter(step_id=self.step_id).with_display()
            )
        return self._published_lessons

    @property
    def has_lessons_block(self) -> bool:
        return any(block.block_type == "related_lessons" for block in self.body)

    def steps_around(self):
        """The published step pages of this guide in order, and this page's neighbours."""
        steps = list(
            GuideStepPage.objects.sibling_of(self)
            .live()
            .public()
            .select_related("step")
            .order_by("step__number")
        )
        numbers = [page.step_id for page in steps]
        if self.step_id not in numbers:
            return steps, None, None
        position = numbers.index(self.step_id)
        previous = steps[position - 1] if position > 0 else None
        following = steps[position + 1] if position + 1 < len(steps) else None
        return steps, previous, following

    def get_context(self, request, *args, **kwargs):
        from .pdf import GuidePdf

        context = super().get_context(request, *args, **kwargs)
        context["steps"], context["previous_step"], context["next_step"] = self.steps_around()
        context["lessons"] = self.published_lessons()
        context["guide_pdf"] = GuidePdf.objects.latest_ready()
        return context


class StandardPage(SiteAddressMixin, Page):
    """A plain page: the accessibility and privacy statements, contact, about."""

    intro = models.TextField(_("introductie"), blank=True)
    body = StreamField(text_blocks(), blank=True, verbose_name=_("inhoud"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["knowledge.HomePage", "knowledge.StandardPage"]

    class Meta:
        verbose_name = _("gewone pagina")
        verbose_name_plural = _("gewone pagina's")


class NewsIndexPage(SiteAddressMixin, Page):
    """The news overview: the newest items first, 10 per page."""

    intro = models.TextField(_("introductie"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    max_count = 1
    parent_page_types = ["knowledge.HomePage"]
    subpage_types = ["knowledge.NewsPage"]

    class Meta:
        verbose_name = _("nieuwsoverzicht")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        items = NewsPage.objects.child_of(self).live().public().order_by("-date", "-pk")
        context["items"] = Paginator(items, 10).get_page(request.GET.get("pagina"))
        return context


class NewsPage(SiteAddressMixin, Page):
    """A news item: date, a short introduction and the text."""

    date = models.DateField(_("datum"), default=timezone.localdate)
    intro = models.TextField(_("introductie"), max_length=400)
    body = StreamField(text_blocks(), blank=True, verbose_name=_("inhoud"))

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["knowledge.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("nieuwsbericht")
        verbose_name_plural = _("nieuwsberichten")
