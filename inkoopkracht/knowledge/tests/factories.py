"""Factories for the knowledge app: a guide with step pages, lessons, a published lesson."""

from wagtail.log_actions import LogContext
from wagtail.models import Page

from inkoopkracht.knowledge import services
from inkoopkracht.knowledge.models import GuideIndexPage, GuideStepPage, HomePage, Lesson
from inkoopkracht.partnerships.models import Step


def home_page() -> HomePage:
    return HomePage.objects.get()


def publish(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def step_body(number: int) -> list:
    """Every block a step can have, with texts that tests can look for."""
    return [
        (
            "explanation",
            {"heading": "Wat houdt deze stap in?", "text": f"<p>Uitleg bij stap {number}.</p>"},
        ),
        ("checklist", {"heading": "Checklist", "items": [f"Controlepunt {number}a"]}),
        ("tips", {"heading": "Tips", "items": [f"Tip bij stap {number}: vraag een jobcoach."]}),
        ("pitfalls", {"heading": "Valkuilen", "items": [f"Valkuil bij stap {number}."]}),
        (
            "example",
            {
                "title": f"Voorbeeld {number}",
                "setting": "Gemeente en schoonmaakbedrijf",
                "text": f"<p>Praktijkvoorbeeld bij stap {number}: een aangepaste werkplek.</p>",
            },
        ),
        ("related_lessons", {"heading": "Lessen uit de proeftuinen", "intro": "", "limit": 5}),
        ("downloads", {"heading": "Downloads", "documents": []}),
    ]


def make_step_page(guide: GuideIndexPage, number: int, *, live=True, **fields) -> GuideStepPage:
    step = Step.objects.get(number=number)
    defaults = {
        "title": step.name_nl,
        "slug": f"stap-{number}",
        "step": step,
        "intro": f"Samenvatting van stap {number}.",
        "body": step_body(number),
    }
    defaults.update(fields)
    page = GuideStepPage(**defaults)
    if live:
        return publish(guide, page)
    guide.add_child(instance=page)
    page.live = False
    page.save_revision()
    page.save()
    return page


def make_guide(numbers=(1, 2, 3)) -> GuideIndexPage:
    """The guide's index page with live step pages (no PDF builds while it is made)."""
    with services.guide_pdf_deferred():
        guide = publish(
            home_page(),
            GuideIndexPage(title="Handreiking", slug="handreiking", intro="Een stappenplan."),
        )
        for number in numbers:
            make_step_page(guide, number)
    return guide


def lesson_fields(partnership, **fields) -> dict:
    defaults = {
        "kind": Lesson.Kind.GOOD_PRACTICE,
        "title": "Jobcoach vanaf de eerste werkdag",
        "text": "Een jobcoach op de eerste werkdag voorkwam veel onzekerheid bij iedereen.",
        "step": partnership.current_step,
        "sector": partnership.work_sector,
        "route": partnership.route,
        "name_partnership": False,
    }
    defaults.update(fields)
    return defaults


def submit(partnership, by, **fields) -> Lesson:
    return services.submit_lesson(
        partnership=partnership, by=by, **lesson_fields(partnership, **fields)
    )


def moderate(lesson: Lesson, by, action: str, comment: str = "") -> Lesson:
    """Approve or reject the lesson's current workflow task as ``by`` (as the back office does)."""
    task_state = lesson.current_workflow_task_state
    with LogContext(user=by):
        task_state.task.specific.on_action(task_state, by, action, comment=comment)
    lesson.refresh_from_db()
    return lesson


def make_published_lesson(partnership, submitter, team, **fields) -> Lesson:
    with services.guide_pdf_deferred():
        return moderate(submit(partnership, submitter, **fields), team, "approve")
