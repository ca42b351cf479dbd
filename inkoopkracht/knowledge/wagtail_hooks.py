"""Back office: the lessons register as a Wagtail snippet with drafts, revisions and the workflow.

Lessons use Wagtail's snippet views (not the audit app's generic ones) because those carry
drafts, revisions, locking, scheduled publishing and the moderation workflow; saves and deletes
are wrapped so that they leave an audit record, like every other back-office change.
"""

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from inkoopkracht import audit

from . import services
from .models import Lesson


class LessonCreateView(snippet_views.CreateView):
    def save_instance(self):
        return services.save_lesson_in_back_office(
            save=super().save_instance,
            lesson=self.form.instance,
            by=self.request.user,
            creating=True,
        )


class LessonEditView(snippet_views.EditView):
    def save_instance(self):
        return services.save_lesson_in_back_office(
            save=super().save_instance, lesson=self.object, by=self.request.user, creating=False
        )


class LessonDeleteView(snippet_views.DeleteView):
    def delete_action(self):
        with transaction.atomic():
            audit.record(actor=self.request.user, action="lesson.deleted", target=self.object)
            super().delete_action()


class LessonViewSet(SnippetViewSet):
    model = Lesson
    icon = "group"
    menu_label = _("Lessen")
    menu_order = 210
    add_to_admin_menu = True
    add_view_class = LessonCreateView
    edit_view_class = LessonEditView
    delete_view_class = LessonDeleteView
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = ["title", "kind", "step", "partnership", "status", "submitted_at"]
    list_filter = ["status", "kind", "step", "sector", "route"]
    list_export = ["title", "kind", "step", "sector", "route", "partnership", "status", "text"]
    ordering = ["-submitted_at"]
    panels = [
        FieldPanel("kind"),
        FieldPanel("title"),
        FieldPanel("text"),
        FieldRowPanel([FieldPanel("step"), FieldPanel("sector"), FieldPanel("route")]),
        MultiFieldPanel(
            [
                FieldPanel("partnership"),
                FieldPanel("bottleneck"),
                FieldPanel("name_partnership"),
                FieldPanel("submitted_by", read_only=True),
                FieldPanel("submitted_at", read_only=True),
            ],
            heading=_("Herkomst (alleen het programmateam ziet de proeftuin altijd)"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("status", read_only=True),
                FieldPanel("rejection_reason", read_only=True),
                FieldPanel("moderated_by", read_only=True),
                FieldPanel("moderated_at", read_only=True),
            ],
            heading=_("Moderatie"),
        ),
    ]

    def get_queryset(self, request):
        return Lesson.objects.select_related(
            "step", "partnership__buyer", "partnership__supplier", "submitted_by"
        )


register_snippet(LessonViewSet)
