"""Public pages (search, lessons, the guide's PDF, security.txt) and sharing lessons in Mijn proeftuin.

The guide, news and statements are Wagtail pages; their menu entries use named routes that hand
the request to Wagtail's page serving (``wagtail_page``).
"""

from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.views import serve as wagtail_serve

from inkoopkracht.partnerships.access import get_partnership_for_user

from . import services
from .forms import LessonFilterForm, LessonForm, SearchForm
from .models import GuidePdf, GuideStepPage, Lesson
from .search import search_site

LESSONS_PER_PAGE = 20
SECURITY_TXT_VALID_DAYS = 180


def wagtail_page(request, path):
    """A fixed address for a Wagtail page (menus need a URL name): serve the page at ``path``."""
    return wagtail_serve(request, path)


@require_GET
def search(request):
    form = SearchForm(request.GET or None)
    results = search_site(form.cleaned_data["q"]) if form.is_valid() else None
    return render(request, "knowledge/search.html", {"form": form, "results": results})


@require_GET
def lesson_list(request):
    form = LessonFilterForm(request.GET or None)
    lessons = form.filter(Lesson.objects.published().with_display())
    page = Paginator(lessons, LESSONS_PER_PAGE).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    context = {"form": form, "page": page, "query": query.urlencode()}
    return render(request, "knowledge/lesson_list.html", context)


@require_GET
def lesson_detail(request, pk):
    lesson = get_object_or_404(Lesson.objects.published().with_display(), pk=pk)
    guide_page = GuideStepPage.objects.live().public().filter(step=lesson.step).first()
    return render(
        request, "knowledge/lesson_detail.html", {"lesson": lesson, "guide_page": guide_page}
    )


@login_required
def lesson_create(request, pk):
    """Share a lesson of one of my proeftuinen (404 for a proeftuin I do not take part in)."""
    partnership = get_partnership_for_user(request.user, pk)
    form = LessonForm(request.POST or None, partnership=partnership)
    if request.method == "POST" and form.is_valid():
        try:
            services.submit_lesson(partnership=partnership, by=request.user, **form.lesson_fields())
        except services.KnowledgeError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _(
                    "Dank u wel. Het programmateam bekijkt uw les; u krijgt bericht zodra zij is gepubliceerd."
                ),
            )
            return redirect("knowledge:my_lessons")
    context = {"form": form, "partnership": partnership}
    return render(request, "knowledge/lesson_form.html", context)


@login_required
def lesson_revise(request, pk):
    lesson = get_object_or_404(
        Lesson.objects.filter(submitted_by=request.user).select_related("partnership"), pk=pk
    )
    form = LessonForm(request.POST or None, instance=lesson)
    if request.method == "POST" and form.is_valid():
        try:
            services.revise_lesson(lesson=lesson, by=request.user, **form.lesson_fields())
        except services.KnowledgeError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Uw aangepaste les is opnieuw ingediend."))
            return redirect("knowledge:my_lessons")
    context = {"form": form, "partnership": lesson.partnership, "lesson": lesson}
    return render(request, "knowledge/lesson_form.html", context)


@login_required
def my_lessons(request):
    lessons = (
        Lesson.objects.filter(submitted_by=request.user)
        .select_related("step", "partnership__buyer", "partnership__supplier")
        .order_by("-submitted_at", "-pk")
    )
    page = Paginator(lessons, LESSONS_PER_PAGE).get_page(request.GET.get("pagina"))
    return render(request, "knowledge/my_lessons.html", {"page": page})


@require_GET
def guide_pdf(request):
    """The newest PDF of the guide; while the first one is being made, a page that says so."""
    pdf = GuidePdf.objects.latest_ready()
    if pdf is None:
        services.request_guide_pdf(by=request.user, reason=_("Eerste download"))
        pdf = GuidePdf.objects.latest_ready()  # ready at once when tasks run immediately
    if pdf is None or not pdf.file.storage.exists(pdf.file.name):
        response = render(request, "knowledge/guide_pdf_pending.html", status=503)
        response["Retry-After"] = "60"
        return response
    return FileResponse(pdf.file.open("rb"), as_attachment=True, filename=pdf.filename)


@require_GET
@cache_control(max_age=86400, public=True)
def security_txt(request):
    """RFC 9116: where to report a vulnerability, valid for half a year from today."""
    expires = (timezone.now() + timedelta(days=SECURITY_TXT_VALID_DAYS)).replace(
        hour=0, minute=0, second=0, microsecond=0
    )
    lines = [
        f"Contact: {settings.SECURITY_CONTACT}",
        f"Expires: {expires.strftime('%Y-%m-%dT%H:%M:%SZ')}",
        "Preferred-Languages: nl, en",
        f"Canonical: {settings.SITE_URL}/.well-known/security.txt",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
