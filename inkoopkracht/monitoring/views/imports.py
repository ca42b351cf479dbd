"""Importing placements: upload, the check report and preview, confirmation, the template."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from inkoopkracht import audit
from inkoopkracht.monitoring import services
from inkoopkracht.monitoring.forms import UploadForm
from inkoopkracht.monitoring.importing.template import template_csv, template_xlsx
from inkoopkracht.monitoring.models import ImportJob, ImportStatus

from .common import PLACEMENTS_PURPOSE, managed_partnership


@login_required
@require_http_methods(["GET", "POST"])
def upload(request, pk):
    """Upload a file: small files are checked at once, large ones in the background."""
    partnership = managed_partnership(request, pk)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload_file = form.cleaned_data["file"]
        try:
            if upload_file.size > settings.IMPORT_MAX_BYTES:
                raise services.MonitoringError(
                    _("Het bestand is te groot; de grens is %(max)s MB.")
                    % {"max": settings.IMPORT_MAX_BYTES // 1024 // 1024}
                )
            job = services.receive_import(
                partnership=partnership,
                by=request.user,
                filename=upload_file.name,
                data=upload_file.read(),
            )
        except services.MonitoringError as error:
            form.add_error("file", str(error))
        else:
            return redirect("monitoring:import_job", pk=partnership.pk, job_pk=job.pk)
    jobs = (
        ImportJob.objects.visible_to(request.user).filter(partnership=partnership).defer("content")
    )
    recent = Paginator(jobs.select_related("created_by"), 10).get_page(1)
    context = {
        "partnership": partnership,
        "form": form,
        "recent": recent,
        "csv_url": reverse("monitoring:import_template", args=["csv"]),
        "xlsx_url": reverse("monitoring:import_template", args=["xlsx"]),
    }
    return render(request, "monitoring/import_upload.html", context)


def _job(request, partnership, job_pk) -> ImportJob:
    queryset = (
        ImportJob.objects.visible_to(request.user).filter(partnership=partnership).defer("content")
    )
    return get_object_or_404(queryset, pk=job_pk)


@login_required
def job_detail(request, pk, job_pk):
    """The check report and the preview of the changes; polled by HTMX while the job is busy."""
    partnership = managed_partnership(request, pk)
    job = _job(request, partnership, job_pk)
    if not job.is_busy and job.report.get("changes") and not request.htmx:
        audit.record_read(
            actor=request.user,
            action="import.report_viewed",
            target=job,
            purpose=PLACEMENTS_PURPOSE,
        )
    errors = Paginator(job.report.get("errors", []), 100).get_page(request.GET.get("pagina"))
    context = {"partnership": partnership, "job": job, "errors": errors}
    template = "monitoring/import_job.html"
    if request.htmx and request.htmx.target == "import-status":
        template += "#status"
    return render(request, template, context)


@login_required
@require_POST
def confirm(request, pk, job_pk):
    """Apply a checked file in one transaction (large files in the background)."""
    partnership = managed_partnership(request, pk)
    job = _job(request, partnership, job_pk)
    job = ImportJob.objects.select_related("partnership__supplier").get(pk=job.pk)
    try:
        job = services.apply_import(job=job, by=request.user)
    except services.MonitoringError as error:
        messages.error(request, str(error))
    else:
        if job.status == ImportStatus.APPLIED:
            messages.success(request, _("Het bestand is verwerkt."))
    return redirect("monitoring:import_job", pk=partnership.pk, job_pk=job.pk)


def template(request, fmt):
    """The empty import template, as CSV (Dutch Excel: semicolons) or as XLSX with instructions."""
    if fmt == "csv":
        response = HttpResponse(template_csv(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="plaatsingen-sjabloon.csv"'
        return response
    if fmt == "xlsx":
        response = HttpResponse(
            template_xlsx(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = 'attachment; filename="plaatsingen-sjabloon.xlsx"'
        return response
    raise Http404
