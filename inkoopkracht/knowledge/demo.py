"""Demo site: the guide (introduction and nine steps), news, statements and the lessons register.

All texts are written for this demo (demo_data/*.csv); they are fictional and do not copy the
programme's own publications. Pages are published through Wagtail's revisions, and lessons go
through the real moderation workflow: submitted by members or coaches, then approved or
rejected by the programme team. Loading twice changes nothing.
"""

import re
from collections import defaultdict
from datetime import timedelta

from django.core.files.base import ContentFile
from django.test.utils import override_settings
from django.utils.html import escape
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.log_actions import LogContext

from inkoopkracht.accounts.models import User
from inkoopkracht.lib.demo import DemoContext, read_demo_csv
from inkoopkracht.lib.pdf import render_to_pdf
from inkoopkracht.organisations.demo import by_key
from inkoopkracht.partnerships.models import Bottleneck, Partnership, Step

from . import services
from .models import (
    GuideIndexPage,
    GuidePdf,
    GuideStepPage,
    HomePage,
    Lesson,
    NewsIndexPage,
    NewsPage,
    StandardPage,
)

TEAM_EMAIL = "nadia.elamrani@inkoopkracht.example"
_LINKABLE = re.compile(r"(?<![\w/])(/[\w.\-]+(?:/[\w.\-]+)*/?)|([\w.\-]+@[\w\-]+\.example)")


def _link(match) -> str:
    path, email = match.groups()
    if email:
        return f'<a href="mailto:{email}">{email}</a>'
    return f'<a href="{path}">{path}</a>'


def richtext(text: str) -> str:
    """Plain demo text to rich text: paragraphs, line breaks, links for paths and addresses."""
    paragraphs = []
    for paragraph in text.split("\n\n"):
        html = _LINKABLE.sub(_link, escape(paragraph.strip())).replace("\n", "<br>")
        paragraphs.append(f"<p>{html}</p>")
    return "".join(paragraphs)


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


# --- Pages ---------------------------------------------------------------------------------


def _text_body(rows) -> list:
    body, callouts = [], []
    for row in rows:
        if row["block"] == "callout":
            title, text, url, link_text = row["value"].split("|")
            callouts.append(
                {"title": title, "text": richtext(text), "link_url": url, "link_text": link_text}
            )
        else:
            value = row["value"] if row["block"] == "heading" else richtext(row["value"])
            body.append((row["block"], value))
    if callouts:
        body.append(("callouts", callouts))
    return body


def _load_home_and_statements(home: HomePage) -> None:
    pages = defaultdict(list)
    for row in read_demo_csv(__file__, "pages.csv"):
        pages[row["slug"]].append(row)
    if not home.body:
        home.body = _text_body(pages.pop(""))
        home.save_revision().publish()
    pages.pop("", None)
    for slug, rows in pages.items():
        if not StandardPage.objects.filter(slug=slug).exists():
            page = StandardPage(
                title=rows[0]["title"], slug=slug, intro=rows[0]["intro"], body=_text_body(rows)
            )
            _publish(home, page)


def _load_news(ctx: DemoContext, home: HomePage) -> None:
    index = NewsIndexPage.objects.first()
    if index is None:
        index = _publish(
            home,
            NewsIndexPage(
                title="Nieuws",
                slug="nieuws",
                intro="Nieuws over het programma, de proeftuinen en de handreiking.",
            ),
        )
    for row in read_demo_csv(__file__, "news.csv"):
        if NewsPage.objects.filter(title=row["title"]).exists():
            continue
        page = NewsPage(
            title=row["title"],
            slug=slugify(row["title"]),
            date=ctx.today - timedelta(days=int(row["days_ago"])),
            intro=row["intro"],
            body=[("paragraph", richtext(row["text"]))],
        )
        _publish(index, page)


# --- The guide -----------------------------------------------------------------------------


def _document_html(text: str) -> str:
    html = []
    for line in text.splitlines():
        if line.startswith("## "):
            html.append(f"<h2>{escape(line[3:])}</h2>")
        elif line.startswith("# "):
            html.append(f"<h1>{escape(line[2:])}</h1>")
        elif line.startswith("- "):
            html.append(f"<ul><li>{escape(line[2:])}</li></ul>")
        elif line.strip():
            html.append(f"<p>{escape(line)}</p>")
    return "".join(html)


def _documents() -> dict:
    """The demo downloads as small PDFs (Wagtail documents), by key."""
    Document = get_document_model()
    documents = {}
    for row in read_demo_csv(__file__, "documents.csv"):
        document = Document.objects.filter(title=row["title"]).first()
        if document is None:
            content = render_to_pdf(
                "knowledge/pdf/document.html",
                {"title": row["title"], "content": _document_html(row["text"])},
            )
            document = Document(title=row["title"], file_size=len(content))
            document.file.save(f"{row['key']}.pdf", ContentFile(content), save=False)
            document.save()
        documents[row["key"]] = document
    return documents


def _step_body(rows, documents) -> list:
    body = []
    for row in rows:
        block, text = row["block"], row["text"]
        if block == "explanation":
            body.append((block, {"heading": "Wat houdt deze stap in?", "text": richtext(text)}))
        elif block in ("checklist", "tips", "pitfalls"):
            heading = {"checklist": "Checklist", "tips": "Tips", "pitfalls": "Valkuilen"}[block]
            body.append((block, {"heading": heading, "items": text.split("|")}))
        elif block == "example":
            value = {"title": row["title"], "setting": row["setting"], "text": richtext(text)}
            body.append((block, value))
        elif block == "related_lessons":
            value = {"heading": "Lessen uit de proeftuinen", "intro": text, "limit": 5}
            body.append((block, value))
        elif block == "downloads":
            body.append((block, {"heading": "Downloads", "documents": [documents[text]]}))
    return body


def _load_guide(home: HomePage) -> None:
    rows = defaultdict(list)
    for row in read_demo_csv(__file__, "guide.csv"):
        rows[int(row["step"])].append(row)
    guide = GuideIndexPage.objects.first()
    if guide is None:
        intro, *body = rows[0]
        page = GuideIndexPage(
            title=intro["title"],
            slug="handreiking",
            intro=intro["text"],
            body=_text_body(
                [{"block": r["block"], "value": r["title"] or r["text"]} for r in body]
            ),
        )
        guide = _publish(home, page)
    documents = _documents()
    for step in Step.objects.all():
        if GuideStepPage.objects.filter(step=step).exists():
            continue
        step_rows = rows[step.number]
        page = GuideStepPage(
            title=step.name_nl,
            slug=f"stap-{step.number}-{slugify(step.name_nl)}",
            step=step,
            intro=step_rows[0]["text"],
            body=_step_body(step_rows[1:], documents),
        )
        _publish(guide, page)


# --- Lessons -------------------------------------------------------------------------------


def _moderate(lesson: Lesson, outcome: str, reason: str, team: User) -> None:
    task_state = lesson.current_workflow_task_state
    if task_state is None or outcome == "in_review":
        return
    action = "approve" if outcome == "published" else "reject"
    with LogContext(user=team):
        task_state.task.specific.on_action(task_state, team, action, comment=reason)


def _load_lessons() -> None:
    team = User.objects.get(email=TEAM_EMAIL)
    for row in read_demo_csv(__file__, "lessons.csv"):
        if Lesson.objects.filter(title=row["title"]).exists():
            continue
        partnership = Partnership.objects.filter(
            buyer=by_key(row["buyer"]), supplier=by_key(row["supplier"])
        ).first()
        lesson = services.submit_lesson(
            partnership=partnership,
            by=User.objects.get(email=row["submitted_by"]),
            kind=row["kind"],
            title=row["title"],
            text=row["text"],
            step=Step.objects.get(number=int(row["step"])),
            sector=partnership.work_sector,
            route=partnership.route,
            name_partnership=row["named"] == "ja",
        )
        _moderate(lesson, row["outcome"], row["reason"], team)
        if row["bottleneck"]:
            bottleneck = Bottleneck.objects.get(title=row["bottleneck"])
            services.link_bottleneck(lesson=lesson, bottleneck=bottleneck, by=team)


def load(ctx: DemoContext) -> None:
    home = HomePage.objects.first()
    # Wagtail mails the team about every submission; the demo's history needs no mail.
    quiet = override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend")
    with services.guide_pdf_deferred(), quiet:
        _load_home_and_statements(home)
        _load_news(ctx, home)
        _load_guide(home)
        _load_lessons()
    if not GuidePdf.objects.exists():
        services.request_guide_pdf(by=None, reason="Demo geladen")
    ctx.urls.append(("Handreiking", "/handreiking/"))
    ctx.urls.append(("Lessen", "/lessen/"))
