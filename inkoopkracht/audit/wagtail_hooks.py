"""The audit log in the back office: read-only, for the programme team."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from .models import AuditRecord


class AuditRecordViewSet(ModelViewSet):
    model = AuditRecord
    icon = "history"
    menu_label = _("Auditlog")
    menu_order = 900
    add_to_admin_menu = True
    list_display = ["created_at", "actor_repr", "action_label", "target_repr", "result", "origin"]
    list_filter = ["kind", "result", "action"]
    search_fields = ["actor_repr", "action", "target_repr", "purpose"]
    search_backend_name = None
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = []  # never edited

    def get_index_view_kwargs(self, **kwargs):
        queryset = AuditRecord.objects.select_related("target_type")
        return super().get_index_view_kwargs(queryset=queryset, **kwargs)


@hooks.register("register_admin_viewset")
def register_viewset():
    return AuditRecordViewSet("auditlog")
