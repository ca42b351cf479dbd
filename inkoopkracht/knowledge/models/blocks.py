"""StreamField blocks of the guide: a step is built from these, and the PDF renders the same ones.

Every block has its own template under ``knowledge/blocks/``; the web page and the PDF include
the same templates, so the PDF has the same content as the pages.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


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


class ExplanationBlock(blocks.StructBlock):
    """What the step is and why it matters."""

    heading = blocks.CharBlock(label=_("Kop"), default=_("Wat houdt deze stap in?"))
    text = blocks.RichTextBlock(label=_("Tekst"), features=TEXT_FEATURES)

    class Meta:
        icon = "doc-full"
        template = "knowledge/blocks/explanation.html"
        label = _("Uitleg")


class ChecklistBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Kop"), default=_("Checklist"))
    items = blocks.ListBlock(blocks.CharBlock(label=_("Punt"), max_length=300), label=_("Punten"))

    class Meta:
        icon = "tasks"
        template = "knowledge/blocks/checklist.html"
        label = _("Checklist")


class AdviceListBlock(blocks.StructBlock):
    """A list of short pieces of advice: tips or pitfalls (the template follows the kind)."""

    advice_kind = "tips"

    heading = blocks.CharBlock(label=_("Kop"))
    items = blocks.ListBlock(blocks.TextBlock(label=_("Punt"), max_length=600), label=_("Punten"))

    class Meta:
        icon = "list-ul"
        template = "knowledge/blocks/advice.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["advice_kind"] = self.advice_kind
        return context


class TipsBlock(AdviceListBlock):
    heading = blocks.CharBlock(label=_("Kop"), default=_("Tips"))

    class Meta:
        icon = "help"
        label = _("Tips")


class PitfallsBlock(AdviceListBlock):
    advice_kind = "pitfalls"
    heading = blocks.CharBlock(label=_("Kop"), default=_("Valkuilen"))

    class Meta:
        icon = "warning"
        label = _("Valkuilen")


class ExampleBlock(blocks.StructBlock):
    """A worked example from practice (fictional or anonymised)."""

    title = blocks.CharBlock(label=_("Titel"))
    setting = blocks.CharBlock(
        label=_("Wie"),
        required=False,
        help_text=_("Bijvoorbeeld: een provincie en een cateraar, contract van vier jaar."),
    )
    text = blocks.RichTextBlock(label=_("Tekst"), features=TEXT_FEATURES)

    class Meta:
        icon = "openquote"
        template = "knowledge/blocks/example.html"
        label = _("Voorbeeld uit de praktijk")


class RelatedLessonsBlock(blocks.StructBlock):
    """The published lessons of this page's step, newest first."""

    heading = blocks.CharBlock(label=_("Kop"), default=_("Lessen uit de proeftuinen"))
    intro = blocks.TextBlock(label=_("Inleiding"), required=False)
    limit = blocks.IntegerBlock(label=_("Hoeveel lessen"), default=5, min_value=1, max_value=20)

    class Meta:
        icon = "group"
        template = "knowledge/blocks/related_lessons.html"
        label = _("Gerelateerde lessen")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        page = (parent_context or {}).get("page")
        step_lessons = getattr(page, "published_lessons", None)
        lessons = list(step_lessons()) if callable(step_lessons) else []
        context["lessons"] = lessons[: value["limit"]]
        context["more_lessons"] = len(lessons) > value["limit"]
        return context


class DownloadsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Kop"), default=_("Downloads"))
    documents = blocks.ListBlock(DocumentChooserBlock(label=_("Document")), label=_("Documenten"))

    class Meta:
        icon = "download"
        template = "knowledge/blocks/downloads.html"
        label = _("Downloads")


def step_blocks():
    """The blocks a guide step is built from."""
    return [
        ("explanation", ExplanationBlock()),
        ("checklist", ChecklistBlock()),
        ("tips", TipsBlock()),
        ("pitfalls", PitfallsBlock()),
        ("example", ExampleBlock()),
        ("related_lessons", RelatedLessonsBlock()),
        ("downloads", DownloadsBlock()),
        ("paragraph", blocks.RichTextBlock(label=_("Tekst"), features=["h3", *TEXT_FEATURES])),
    ]


def text_blocks():
    """Headings and text, for plain pages (news, statements, the guide's introduction)."""
    return [
        ("heading", blocks.CharBlock(label=_("Tussenkop"), form_classname="title")),
        (
            "paragraph",
            blocks.RichTextBlock(label=_("Tekst"), features=["h3", *TEXT_FEATURES]),
        ),
        ("callouts", blocks.ListBlock(CalloutBlock(), label=_("Uitgelichte blokken"))),
    ]
