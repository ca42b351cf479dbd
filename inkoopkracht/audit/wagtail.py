"""Back-office (Wagtail admin) views that save through services and show our audit history.

A model viewset mixes in ``AuditedViewSetMixin`` and names its audit namespace; saves then go
through ``save_service`` (by default ``audit.save_model_form``) and the object's "Geschiedenis"
lists its audit records instead of Wagtail's own log.
"""

from functools import cached_property

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import CreateView, DeleteView, EditView
from wagtail.admin.views.generic.history import HistoryView

from .models import AuditRecord
from .services import record, save_model_form


class ServiceSaveMixin:
    save_service = None  # callable(*, form, by) -> instance

    def save_instance(self):
        return self.save_service(form=self.form, by=self.request.user)


class AuditedCreateView(ServiceSaveMixin, CreateView):
    pass


class AuditedEditView(ServiceSaveMixin, EditView):
    pass


class AuditedDeleteView(DeleteView):
    audit_action = None

    def delete_action(self):
        with transaction.atomic():
            record(
                actor=self.request.user,
                action=f"{self.audit_action}.deleted",
                target=self.object,
            )
            self.object.delete()


class AuditHistoryView(HistoryView):
    """The audit records of one object, newest first."""

    any_permission_required = ["add", "change", "delete", "view"]
    filterset_class = None

    @cached_property
    def columns(self):
        return [
            Column("action_label", label=_("Actie"), accessor="action_label"),
            Column("actor_repr", label=_("Door"), width="25%"),
            Column("result_label", label=_("Resultaat"), accessor="get_result_display"),
            Column("details", label=_("Gewijzigde velden"), accessor="details"),
            DateColumn("created_at", label=_("Tijdstip"), width="15%"),
        ]

    def get_base_queryset(self):
        return AuditRecord.objects.for_object(self.object)

    def get_filterset_kwargs(self):
        return {}


class AuditedViewSetMixin:
    """Mix into a ``ModelViewSet``; set ``audit_action`` (e.g. ``"organisation"``)."""

    audit_action: str = ""
    # The listing's queryset (with its select_related/prefetch_related), or None for the default.
    index_queryset = None
    add_view_class = AuditedCreateView
    edit_view_class = AuditedEditView
    delete_view_class = AuditedDeleteView
    history_view_class = AuditHistoryView
    copy_view_enabled = False

    def save_service(self, *, form, by):
        return save_model_form(form=form, by=by, action=self.audit_action)

    def get_index_view_kwargs(self, **kwargs):
        if self.index_queryset is not None:
            kwargs.setdefault("queryset", self.index_queryset)
        return super().get_index_view_kwargs(**kwargs)

    def get_add_view_kwargs(self, **kwargs):
        return super().get_add_view_kwargs(save_service=self.save_service, **kwargs)

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(save_service=self.save_service, **kwargs)

    def get_delete_view_kwargs(self, **kwargs):
        return super().get_delete_view_kwargs(audit_action=self.audit_action, **kwargs)
