"""Back-office views (Wagtail admin): the application dossier, accept and reject, fulfilment.

Every view looks its object up through ``visible_to(user)`` (404 otherwise), checks the model
permission of the role for changes, and calls one service.
"""

from functools import cached_property

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import FormView, TemplateView, View
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from inkoopkracht import audit
from inkoopkracht.audit.wagtail import AuditedEditView
from inkoopkracht.organisations.models import Organisation

from . import exports, retention, services
from .admin_forms import AcceptForm, NoteForm, OwnerForm, RejectForm, StatusForm, staff_users
from .matching import organisation_matches, partner_suggestions
from .models import Application, GuideOrder, InformationRequest

INSPECT = "intake_applications:inspect"


def _inspect_url(application) -> str:
    return reverse(INSPECT, args=[application.pk])


def _require(user, permission: str) -> None:
    if not user.has_perm(permission):
        raise PermissionDenied


def _errors_to_form(form, error: Exception) -> None:
    """A refused service call: its Dutch message(s) at the top of the form."""
    messages_ = error.messages if isinstance(error, ValidationError) else [str(error)]
    for message in messages_:
        form.add_error(None, message)


class ScopedIndexView(IndexView):
    """A back-office list of what ``visible_to(user)`` allows, in a fixed number of queries."""

    def get_base_queryset(self):
        queryset = self.model.objects.visible_to(self.request.user)
        return queryset.with_overview() if hasattr(queryset, "with_overview") else queryset


class ScopedEditView(AuditedEditView):
    def get_object(self, queryset=None):
        return super().get_object(self.model.objects.visible_to(self.request.user))


class ApplicationFilterSet(WagtailFilterSet):
    """The owner filter offers the programme team and coaches only, not every account."""

    owner = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Behandelaar"), queryset=lambda request: staff_users()
    )


class PublicFormOnlyView(View):
    """Applications and requests come in through the public forms, also when the team helps."""

    public_url = "/"
    template_name = None  # the viewset asks; nothing is rendered

    def dispatch(self, request, *args, **kwargs):
        messages.info(
            request,
            _("Dit komt binnen via het publieke formulier; vul dat in namens de aanvrager."),
        )
        return redirect(self.public_url)


class ApplyPublicly(PublicFormOnlyView):
    public_url = reverse_lazy("intake:apply")


class AskPublicly(PublicFormOnlyView):
    public_url = reverse_lazy("intake:information_request")


class OrderPublicly(PublicFormOnlyView):
    public_url = reverse_lazy("intake:guide_order")


class ApplicationIndexView(ScopedIndexView):
    """The pipeline list, with the number of applications in every status above it."""

    base_filterset_class = ApplicationFilterSet

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        counts = Application.objects.visible_to(self.request.user).status_counts()
        current = self.request.GET.get("status", "")
        context["status_counts"] = [
            {
                "label": label,
                "count": counts[value],
                "url": f"{self.index_url}?status={value}",
                "current": value == current,
            }
            for value, label in Application.Status.choices
        ]
        context["total_count"] = sum(counts.values())
        return context


class ApplicationInspectView(InspectView):
    """The dossier of one application: what was sent, the pipeline, partner suggestions."""

    page_title = gettext_lazy("Aanmelding")

    ACTIONS = {"status": StatusForm, "owner": OwnerForm, "note": NoteForm}

    def get_object(self, queryset=None):
        queryset = (
            Application.objects.visible_to(self.request.user)
            .with_overview()
            .prefetch_related("notes__by")
        )
        return get_object_or_404(queryset, pk=self.pk)

    def get_fields_context(self):
        return []  # the template shows the dossier itself

    @cached_property
    def can_change(self) -> bool:
        return self.request.user.has_perm("intake.change_application")

    def action_forms(self, bound=None) -> dict:
        forms = {
            name: form_class(prefix=name, application=self.object)
            for name, form_class in self.ACTIONS.items()
        }
        if bound is not None:
            forms[bound.prefix] = bound
        return forms

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        application = self.object
        open_ = not application.is_decided
        context.update(
            application=application,
            parties=application.sorted_parties,
            notes=application.notes.all(),
            can_change=self.can_change and open_,
            forms=kwargs.get("forms") or self.action_forms(),
            suggestions=partner_suggestions(application) if open_ else [],
            accept_url=reverse("intake_applications:accept", args=[application.pk]),
            reject_url=reverse("intake_applications:reject", args=[application.pk]),
        )
        return context

    def post(self, request, *args, **kwargs):
        if not self.can_change:
            raise PermissionDenied
        action = request.POST.get("action", "")
        if action not in self.ACTIONS:
            return HttpResponseBadRequest()
        form = self.ACTIONS[action](request.POST, prefix=action, application=self.object)
        if form.is_valid():
            try:
                form.save(by=request.user)
            except services.IntakeError as error:
                _errors_to_form(form, error)
            else:
                messages.success(request, _("Opgeslagen."))
                return redirect(_inspect_url(self.object))
        return self.render_to_response(self.get_context_data(forms=self.action_forms(form)))


class DecisionView(WagtailAdminTemplateMixin, FormView):
    """Base of accept and reject: a decided application cannot be decided again."""

    template_name = "intake/admin/decision.html"
    header_icon = "form"

    def dispatch(self, request, pk):
        _require(request.user, "intake.change_application")
        queryset = Application.objects.visible_to(request.user).with_overview()
        self.application = get_object_or_404(queryset, pk=pk)
        if self.application.is_decided:
            messages.error(request, _("Over deze aanmelding is al besloten."))
            return redirect(_inspect_url(self.application))
        return super().dispatch(request, pk)

    def get_page_subtitle(self):
        return str(self.application)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("intake_applications:index"), "label": _("Aanmeldingen")},
            {"url": _inspect_url(self.application), "label": self.application.reference},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "application": self.application}

    def form_valid(self, form):
        try:
            form.save(by=self.request.user)
        except (services.IntakeError, ValidationError) as error:
            _errors_to_form(form, error)
            return self.form_invalid(form)
        messages.success(self.request, self.success_message())
        return redirect(_inspect_url(self.application))

    def form_invalid(self, form):
        messages.error(
            self.request, _("Er is nog niets veranderd. Controleer de velden hieronder.")
        )
        return super().form_invalid(form)

    def get_context_data(self, **kwargs):
        return super().get_context_data(application=self.application, **kwargs)


class AcceptView(DecisionView):
    page_title = gettext_lazy("Accepteren en proeftuin starten")
    form_class = AcceptForm

    def get_initial(self):
        return {
            "partner": self.request.GET.get("partner"),
            "partner_organisation": self.request.GET.get("organisatie"),
        }

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = context["form"]
        partner = self._chosen(form, "partner", Application.objects.undecided())
        organisation = self._chosen(form, "partner_organisation", Organisation.objects.all())
        applications = [self.application] + ([partner] if partner else [])
        context.update(
            partner=partner,
            partner_organisation=organisation,
            needs_partner=self.application.is_one_sided and not (partner or organisation),
            matches=organisation_matches(applications),
            decision="accept",
        )
        return context

    @staticmethod
    def _chosen(form, name, queryset):
        value = form[name].value()
        return queryset.filter(pk=value).first() if str(value or "").isdigit() else None

    def success_message(self) -> str:
        self.application.refresh_from_db()
        return _(
            "Proeftuin ‘%(partnership)s’ is gestart. De contactpersonen zonder account krijgen "
            "een uitnodiging per e-mail."
        ) % {"partnership": self.application.partnership}


class RejectView(DecisionView):
    page_title = gettext_lazy("Afwijzen")
    form_class = RejectForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(decision="reject", **kwargs)

    def success_message(self) -> str:
        return _("De aanmelding is afgewezen; het bericht gaat naar de aanmelders.")


class InformationRequestInspectView(InspectView):
    """One question; the team answers by email and marks it answered here."""

    def get_object(self, queryset=None):
        return get_object_or_404(
            InformationRequest.objects.visible_to(self.request.user), pk=self.pk
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_change"] = self.request.user.has_perm("intake.change_informationrequest")
        context["request_object"] = self.object
        return context

    def post(self, request, *args, **kwargs):
        _require(request.user, "intake.change_informationrequest")
        try:
            services.mark_answered(request=self.object, by=request.user)
        except services.IntakeError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Gemarkeerd als beantwoord."))
        return redirect(request.path)


class GuideFulfilmentView(WagtailAdminTemplateMixin, TemplateView):
    """The fulfilment list: orders to send (tick and mark sent) and orders sent recently."""

    template_name = "intake/admin/guide_fulfilment.html"
    page_title = gettext_lazy("Handreiking versturen")
    header_icon = "mail"
    SENT_SHOWN = 50

    def dispatch(self, request, *args, **kwargs):
        _require(request.user, "intake.change_guideorder")
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def orders(self):
        return GuideOrder.objects.visible_to(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        keep = retention.period("guide_order_address")
        sent = self.orders().filter(status=GuideOrder.Status.SENT).order_by("-sent_on", "-pk")
        context.update(
            to_send=self.orders().filter(status=GuideOrder.Status.TO_SEND).order_by("submitted_at"),
            sent=[(order, order.sent_on + keep) for order in sent[: self.SENT_SHOWN]],
            sent_count=sent.count(),
            purge_days=keep.days,
            export_url=reverse("intake_guide_orders:labels"),
            all_url=reverse("intake_guide_orders:index"),
        )
        return context

    def post(self, request, *args, **kwargs):
        chosen = self.orders().filter(pk__in=request.POST.getlist("bestelling"))
        try:
            count = services.mark_guide_orders_sent(orders=chosen, by=request.user)
        except services.IntakeError as error:
            messages.error(request, str(error))
        else:
            message = ngettext(
                "%(count)s bestelling gemarkeerd als verstuurd.",
                "%(count)s bestellingen gemarkeerd als verstuurd.",
                count,
            )
            messages.success(request, message % {"count": count})
        return redirect(request.path)


def guide_labels_csv(request):
    """Address labels of the orders still to send, as CSV (formula-safe), logged as a read."""
    _require(request.user, "intake.change_guideorder")
    orders = list(
        GuideOrder.objects.visible_to(request.user)
        .filter(status=GuideOrder.Status.TO_SEND)
        .order_by("postal_code", "pk")
    )
    audit.record_read(
        actor=request.user,
        action="guide_order.exported",
        purpose="adresetiketten",
        data={"orders": [order.pk for order in orders]},
    )
    today = timezone.localdate()
    response = HttpResponse(exports.address_labels(orders), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="adresetiketten-handreiking-{today:%Y-%m-%d}.csv"'
    )
    return response
