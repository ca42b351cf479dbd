"""API: the published lessons (open to everyone, like the lessons library)."""

from datetime import datetime

from ninja import FilterSchema, Query, Router, Schema
from ninja.pagination import paginate

from .models import Lesson

router = Router(tags=["lessen"])


class LessonOut(Schema):
    id: int
    kind: str
    title: str
    text: str
    step: int
    sector: str
    route: str
    source: str
    published_at: datetime | None

    @staticmethod
    def resolve_step(obj):
        return obj.step_id

    @staticmethod
    def resolve_source(obj):
        return str(obj.public_source)

    @staticmethod
    def resolve_published_at(obj):
        return obj.first_published_at


class LessonFilter(FilterSchema):
    step: int | None = None
    kind: Lesson.Kind | None = None
    sector: str | None = None


@router.get("/", response=list[LessonOut], summary="Gepubliceerde lessen")
@paginate
def list_lessons(request, filters: Query[LessonFilter]):
    return filters.filter(Lesson.objects.published().with_display())
