"""Wagtail pages of the public site. The home page is the root of the site's page tree."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page


class CalloutBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titel"))
    text = blocks.RichTextBlock(label=_("Tekst"), features=["bold", "italic", "link", "ul"])
    link_url = blocks.CharBlock(
        label=_("Link"), required=False, help_text=_("Een adres op deze site (/...) of https://...")
    )
    link_text = blocks.CharBlock(label=_("Linktekst"), required=False)

    class Meta:
        icon = "pick"
        template = "knowledge/blocks/callout.html"
        label = _("Uitgelicht blok")


class HomePage(Page):
    """The public home page: what the programme is, for whom, and where to go next."""

    intro = models.TextField(_("introductie"), blank=True)
    body = StreamField(
        [
            ("heading", blocks.CharBlock(label=_("Tussenkop"), form_classname="title")),
            (
                "paragraph",
                blocks.RichTextBlock(
                    label=_("Tekst"), features=["h3", "bold", "italic", "link", "ol", "ul"]
                ),
            ),
            ("callouts", blocks.ListBlock(CalloutBlock(), label=_("Uitgelichte blokken"))),
        ],
        blank=True,
        verbose_name=_("inhoud"),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("homepage")
