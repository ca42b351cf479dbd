"""Models of the public site and shared knowledge, split by topic (pages, lessons, PDF, workflow)."""

from .lessons import Lesson, LessonQuerySet
from .pages import (
    GuideIndexPage,
    GuideStepPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    StandardPage,
)
from .pdf import GuidePdf
from .workflow import ModerationTask

__all__ = [
    "GuideIndexPage",
    "GuidePdf",
    "GuideStepPage",
    "HomePage",
    "Lesson",
    "LessonQuerySet",
    "ModerationTask",
    "NewsIndexPage",
    "NewsPage",
    "StandardPage",
]
