"""Back office: the programme overview and reporting status (pages under /mijn/monitoring/),
and a read-only list of reporting rounds. Placements are never shown here (DESIGN.md 4)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.viewsets.model import ModelViewSet

from inkoopkracht.audit.wagtail import AuditedViewSetMixin

from .models import ReportingRound


class ReportingRoundViewSet(AuditedViewSetMixin, ModelViewSet):
    """Read-only for the team and coaches (they hold only the view permission)."""

    model = ReportingRound
    audit_action = "round"
    icon = "tasks"
    menu_label = _("Kwartaalrapportages")
    list_display = [
        "partnership",
        "year",
        "quarter",
        "revision",
        "status",
        "deadline",
        "submitted_at",
        "decided_at",
    ]
    list_filter = ["status", "year", "quarter"]
    search_fields = ["partnership__name"]
    search_backend_name = None
    inspect_view_enabled = True
    inspect_view_fields = [
        "partnership", "year", "quarter", "revision", "status", "deadline", "correction_reason",
        "submitted_at", "submitted_by", "decided_at", "decided_by", "return_comment",
    ]  # fmt: skip
    form_fields = []  # rounds change only through Mijn proeftuin (supplier and buyer)

    def get_queryset(self, request):
        return ReportingRound.objects.select_related("partnership", "submitted_by", "decided_by")


reporting_rounds = ReportingRoundViewSet("kwartaalrapportages")


@hooks.register("register_admin_viewset")
def register_viewset():
    return reporting_rounds


@hooks.register("register_admin_menu_item")
def register_monitoring_menu():
    items = [
        MenuItem(
            _("Programmaoverzicht"), reverse("monitoring:overview"), icon_name="view", order=10
        ),
        MenuItem(
            _("Stand van de rapportages"),
            reverse("monitoring:rounds_overview"),
            icon_name="date",
            order=20,
        ),
        MenuItem(
            _("Alle kwartaalrapportages"),
            reverse(reporting_rounds.get_url_name("index")),
            icon_name="tasks",
            order=30,
        ),
    ]
    return SubmenuMenuItem(_("Monitoring"), Menu(items=items), icon_name="table", order=150)
