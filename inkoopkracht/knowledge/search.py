"""Site search over the guide's pages and the published lessons (Wagtail search).

SQLite uses the database backend's FTS5 index; PostgreSQL its full-text search with the Dutch
configuration (stemming: "jobcoaches" finds "jobcoach"), see ``WAGTAILSEARCH_BACKENDS``.
"""

from dataclasses import dataclass

from wagtail.models import Page

from .models import GuideIndexPage, GuideStepPage, Lesson

MAX_RESULTS = 25


@dataclass
class SearchResults:
    query: str
    pages: list
    lessons: list

    @property
    def count(self) -> int:
        return len(self.pages) + len(self.lessons)


def guide_pages():
    """The live, public pages of the guide (its index and its steps)."""
    return Page.objects.live().public().type(GuideIndexPage, GuideStepPage)


def search_site(query: str) -> SearchResults:
    """The best matches in the guide and in the published lessons, for one query."""
    pages = list(guide_pages().specific().search(query, operator="and")[:MAX_RESULTS])
    lesson_hits = list(Lesson.objects.published().search(query, operator="and")[:MAX_RESULTS])
    lessons = list(
        Lesson.objects.filter(pk__in=[lesson.pk for lesson in lesson_hits]).with_display()
    )
    order = {lesson.pk: index for index, lesson in enumerate(lesson_hits)}
    lessons.sort(key=lambda lesson: order[lesson.pk])
    return SearchResults(query=query, pages=pages, lessons=lessons)
