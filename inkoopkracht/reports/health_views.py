"""The health overview for the programme team and coaches (``/mijn/gezondheid/``) and its
CSV/XLSX export of all rows of the filtered, sorted view (every page, not just the one shown).
Sorting, filtering and the page are GET parameters, so the page works without JavaScript;
unknown values are ignored with a message. Sorting, filtering and the counts per status apply to
all rows; the page shows ``PAGE_SIZE`` of them."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inkoopkracht import audit
from inkoopkracht.partnerships.models import Cohort, Partnership, Step

from . import health_export
from .health import (
    DEFAULT_SORT,
    SORT_KEYS,
    Filters,
    Health,
    filter_rows,
    health_rows,
    sort_rows,
    step_limits,
)

ALL, MINE = "alle", "mijn"
PAGE_SIZE = 50  # as the programme overview

# Column headings in table order, with their sort key.
COLUMNS = [
    ("proeftuin", gettext_lazy("Proeftuin")),
    ("status", gettext_lazy("Status en redenen")),
    ("glijpad", gettext_lazy("Glijpad")),
    ("acties", gettext_lazy("Acties over tijd")),
    ("coaching", gettext_lazy("Dagen sinds coachingscontact")),
    ("deelname", gettext_lazy("Deelname aan bijeenkomsten")),
    ("stap", gettext_lazy("Stap")),
    ("dagen", gettext_lazy("Dagen in stap")),
    ("cohort", gettext_lazy("Cohort")),
    ("begeleider", gettext_lazy("Begeleiders")),
]


@dataclass
class Query:
    """The parsed GET parameters: filters, sort and what was ignored."""

    filters: Filters
    sort: str
    descending: bool
    coach: str  # alle | mijn | a user pk
    params: dict = field(default_factory=dict)  # the valid parameters, to build links
    ignored: list[str] = field(default_factory=list)


def _coach_choices():
    users = get_user_model().objects.filter(coached_partnerships__isnull=False).distinct()
    return sorted(users, key=lambda user: str(user).lower())


def parse_query(get, user, coaches) -> Query:
    """Read the filters and sort from ``request.GET``; unknown values are left out, with a
    Dutch message each."""
    params, ignored = {}, []

    def choose(name, value, allowed, label):
        if value in ("", None):
            return None
        if value in allowed:
            params[name] = value
            return value
        ignored.append(_("Onbekende waarde voor %(field)s genegeerd: ‘%(value)s’.")
                       % {"field": label, "value": value[:40]})  # fmt: skip
        return None

    status = choose("status", get.get("status"), {h.value for h in Health}, _("status"))
    cohorts = {str(number) for number in Cohort.objects.values_list("number", flat=True)}
    cohort = choose("cohort", get.get("cohort"), cohorts, _("cohort"))
    step = choose("stap", get.get("stap"), {str(n) for n in range(1, 10)}, _("stap"))
    sector = choose("sector", get.get("sector"), set(Partnership.WorkSector.values), _("sector"))
    attention = choose("aandacht", get.get("aandacht"), {"1"}, _("alleen aandacht"))
    default_coach = MINE if not user.is_team else ALL
    coach_value = get.get("begeleider", default_coach)
    allowed = {ALL, MINE, *(str(c.pk) for c in coaches)}
    coach = choose("begeleider", coach_value, allowed, _("begeleider")) or default_coach
    params["begeleider"] = coach
    coach_id = {ALL: None, MINE: user.pk}.get(coach) if coach in (ALL, MINE) else int(coach)

    sort_keys = set(SORT_KEYS) | {f"-{key}" for key in SORT_KEYS}
    sort = choose("sorteer", get.get("sorteer"), sort_keys, _("sortering")) or DEFAULT_SORT
    descending = sort.startswith("-")
    filters = Filters(
        status=Health(status) if status else None,
        cohort=int(cohort) if cohort else None,
        coach_id=coach_id,
        step=int(step) if step else None,
        sector=sector,
        attention_only=bool(attention),
    )
    return Query(filters, sort.lstrip("-"), descending, coach, params, ignored)


def _staff(request):
    if not request.user.is_programme_staff:
        raise Http404


def _rows(request):
    today = timezone.localdate()
    coaches = _coach_choices()
    query = parse_query(request.GET, request.user, coaches)
    rows = health_rows(Partnership.objects.visible_to(request.user), today=today)
    rows = sort_rows(filter_rows(rows, query.filters), query.sort, query.descending)
    return today, coaches, query, rows


def _headers(query: Query) -> list[dict]:
    """Each column heading with the link that sorts on it (and flips when already sorted)."""
    base = {k: v for k, v in query.params.items() if k != "sorteer"}
    headers = []
    for key, label in COLUMNS:
        current = key == query.sort
        next_sort = key if not (current and not query.descending) else f"-{key}"
        headers.append({
            "key": key,
            "label": label,
            "url": "?" + urlencode({**base, "sorteer": next_sort}),
            "aria_sort": ("descending" if query.descending else "ascending") if current else "",
        })  # fmt: skip
    return headers


@login_required
def health_overview(request):
    """Which proeftuinen need attention and why: one row per proeftuin, worst first."""
    _staff(request)
    today, coaches, query, rows = _rows(request)
    counts = {status: 0 for status in Health}
    for row in rows:
        counts[row.status] += 1
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("pagina"))
    context = {
        "rows": page.object_list,
        "page": page,
        "today": today,
        "query": query,
        "headers": _headers(query),
        "counts": [(status, counts[status]) for status in Health],
        "health_choices": list(Health),
        "cohorts": Cohort.objects.order_by("number"),
        "steps": Step.objects.order_by("number"),
        "sectors": Partnership.WorkSector.choices,
        "coaches": coaches,
        "query_string": urlencode(query.params | ({"sorteer": _sort_param(query)})),
        "limits": _limits(),
    }
    return render(request, "reports/health/overview.html", context)


def _limits() -> dict:
    """The thresholds, to explain on the page how the status is decided."""
    steps = [
        {"step": step, "amber": limit.amber_days, "red": limit.red_days}
        for step, limit in sorted(step_limits().items())
        if limit.amber_days or limit.red_days
    ]
    return {
        "actions_amber": settings.HEALTH_OVERDUE_ACTIONS_AMBER,
        "actions_red": settings.HEALTH_OVERDUE_ACTIONS_RED,
        "coaching_amber": settings.HEALTH_COACHING_AMBER_DAYS,
        "coaching_red": settings.HEALTH_COACHING_RED_DAYS,
        "months": settings.HEALTH_PARTICIPATION_MONTHS,
        "green_percent": settings.GLIDE_PATH_GREEN_PERCENT,
        "amber_percent": settings.GLIDE_PATH_AMBER_PERCENT,
        "steps": steps,
    }


def _sort_param(query: Query) -> str:
    return f"-{query.sort}" if query.descending else query.sort


@login_required
def health_download(request, fmt):
    """All rows of the overview as filtered and sorted (every page), as CSV or XLSX (logged as
    a read)."""
    _staff(request)
    if fmt not in ("csv", "xlsx"):
        raise Http404
    today, _coaches, query, rows = _rows(request)
    audit.record_read(
        actor=request.user,
        action="health.exported",
        purpose="gezondheidsoverzicht",
        data={"format": fmt, "filters": query.params, "partnerships": [
            row.partnership.pk for row in rows]},
    )  # fmt: skip
    if fmt == "csv":
        content, content_type = health_export.as_csv(rows), "text/csv; charset=utf-8"
    else:
        content = health_export.as_xlsx(rows)
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = (
        f'attachment; filename="gezondheidsoverzicht-{today:%Y-%m-%d}.{fmt}"'
    )
    return response
