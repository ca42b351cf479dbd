"""Fixtures of the knowledge tests: a guide of three published steps, a published lesson."""

import pytest

from .factories import make_guide, make_published_lesson


@pytest.fixture
def guide(db):
    return make_guide(numbers=(1, 2, 3))


@pytest.fixture
def published_lesson(partnership_a, supplier_member, programme_admin):
    return make_published_lesson(
        partnership_a, supplier_member, programme_admin, title="Pictogrammen op de kar"
    )


@pytest.fixture(autouse=True)
def _media_in_a_temporary_folder(settings, tmp_path):
    """Uploaded files and built PDFs go to a temporary folder, never to var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"
