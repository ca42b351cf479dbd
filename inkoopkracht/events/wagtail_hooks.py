"""Back office: events (with check-in list, follow-up and speaker suggestions), ervaringsdeskundigen,
and the participation overview of all proeftuinen."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button

from inkoopkracht.audit.wagtail import (
    AuditedCreateView,
    AuditedDeleteView,
    AuditedEditView,
    AuditedViewSetMixin,
)

from . import admin_views, services
from .forms import EventAdminForm
from .models import Event, Speaker


def _places(event: Event) -> str:
    text = f"{event.places_held} / {event.capacity}"
    if event.waiting_count:
        text += " " + str(_("(+%(count)s wachtlijst)") % {"count": event.waiting_count})
    return text


class ServiceErrorMixin:
    """A refusal of the service (``EventError``) becomes a form error instead of a crash."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except services.EventError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)


class EventCreateView(ServiceErrorMixin, AuditedCreateView):
    pass


class EventEditView(ServiceErrorMixin, AuditedEditView):
    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        buttons.extend(_event_buttons(self.object))
        return buttons


class EventDeleteView(AuditedDeleteView):
    """An event with registrations is cancelled, not deleted (participation history stays)."""

    def form_valid(self, form):
        if self.object.registrations.exists():
            messages.error(
                self.request,
                _(
                    "Deze bijeenkomst heeft aanmeldingen. Zet de status op Afgelast in plaats van "
                    "haar te verwijderen."
                ),
            )
            return redirect("bijeenkomsten:edit", self.object.pk)
        return super().form_valid(form)


def _event_buttons(event: Event) -> list[Button]:
    return [
        Button(
            _("Aanmeldingen en aanwezigheid"),
            url=reverse("bijeenkomsten:check_in", args=[event.pk]),
            icon_name="tasks",
            priority=30,
        ),
        Button(
            _("Ervaringsdeskundigen voorstellen"),
            url=reverse("bijeenkomsten:speakers", args=[event.pk]),
            icon_name="group",
            priority=40,
        ),
    ]


class EventIndexView(IndexView):
    def get_base_queryset(self):
        return Event.objects.for_listing()  # places held and waiting, in the same query

    def get_list_more_buttons(self, instance):
        return [*super().get_list_more_buttons(instance), *_event_buttons(instance)]


class EventViewSet(AuditedViewSetMixin, ModelViewSet):
    model = Event
    index_view_class = EventIndexView
    audit_action = "event"
    icon = "date"
    menu_label = _("Bijeenkomsten")
    add_view_class = EventCreateView
    edit_view_class = EventEditView
    delete_view_class = EventDeleteView
    list_display = [
        "title",
        "kind",
        "starts_at",
        "audience",
        Column("places", label=_("Plaatsen"), accessor=_places),
        "status",
    ]
    list_filter = ["status", "kind", "audience"]
    search_fields = ["title", "summary", "location"]
    search_backend_name = None
    inspect_view_enabled = True
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldRowPanel([FieldPanel("kind"), FieldPanel("status")]),
                    FieldPanel("title"),
                    FieldPanel("slug"),
                    FieldPanel("summary"),
                    FieldPanel("description"),
                ],
                heading=_("Bijeenkomst"),
            ),
            ObjectList(
                [
                    FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                    FieldPanel("location"),
                    FieldPanel("online_url"),
                ],
                heading=_("Tijd en plaats"),
            ),
            ObjectList(
                [
                    FieldRowPanel([FieldPanel("capacity"), FieldPanel("registration_deadline")]),
                    FieldRowPanel([FieldPanel("audience"), FieldPanel("cohort")]),
                ],
                heading=_("Aanmelden"),
            ),
            ObjectList(
                [
                    MultiFieldPanel(
                        [FieldRowPanel([FieldPanel("topic_step"), FieldPanel("topic_sector")])],
                        heading=_("Onderwerp (voor het voorstellen van ervaringsdeskundigen)"),
                    ),
                    FieldPanel("speakers"),
                ],
                heading=_("Onderwerp en sprekers"),
            ),
            ObjectList(
                [
                    FieldPanel("minutes"),
                    InlinePanel("materials", heading=_("Materiaal"), label=_("Bestand")),
                ],
                heading=_("Na afloop"),
            ),
        ],
        base_form_class=EventAdminForm,
    )

    def save_service(self, *, form, by):
        return services.save_event_form(form=form, by=by)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("aanwezigheid/<int:pk>/", admin_views.check_in, name="check_in"),
            path("aanwezigheid/<int:pk>/<int:registration_pk>/", admin_views.mark, name="mark"),
            path("aanmelden/<int:pk>/", admin_views.add_registration, name="add_registration"),
            path("afmelden/<int:pk>/<int:registration_pk>/", admin_views.cancel, name="cancel"),
            path("verslag/<int:pk>/", admin_views.follow_up, name="follow_up"),
            path("sprekers/<int:pk>/", admin_views.speakers, name="speakers"),
        ]


class SpeakerIndexView(IndexView):
    def get_base_queryset(self):
        return Speaker.objects.select_related("organisation", "partnership")


class SpeakerViewSet(AuditedViewSetMixin, ModelViewSet):
    model = Speaker
    audit_action = "speaker"
    icon = "user"
    menu_label = _("Ervaringsdeskundigen")
    list_display = ["name", "job_title", "organisation_label", "partnership"]
    search_fields = ["name", "job_title", "organisation__name", "organisation_name"]
    search_backend_name = None
    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("job_title")]),
        FieldRowPanel([FieldPanel("organisation"), FieldPanel("organisation_name")]),
        FieldPanel("partnership"),
        FieldPanel("bio"),
        FieldPanel("email"),
    ]

    index_view_class = SpeakerIndexView


class ParticipationMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("events.view_registration")


class ParticipationViewSet(ViewSet):
    """The team's overview: participation per proeftuin, flagged below the expectation."""

    icon = "table"
    menu_label = _("Deelname per proeftuin")
    menu_item_class = ParticipationMenuItem

    def get_urlpatterns(self):
        return [path("", admin_views.participation, name="index")]


class EventsGroup(ViewSetGroup):
    menu_label = _("Bijeenkomsten")
    menu_icon = "date"
    menu_order = 300
    items = (
        EventViewSet(admin_views.NAMESPACE),
        SpeakerViewSet("ervaringsdeskundigen"),
        ParticipationViewSet("deelname"),
    )


@hooks.register("register_admin_viewset")
def register_viewsets():
    return EventsGroup()
