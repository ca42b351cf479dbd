"""A lesson can only be shared for a proeftuin the member takes part in (404 otherwise)."""

import pytest

from inkoopkracht.knowledge import services
from inkoopkracht.knowledge.models import Lesson

from .factories import lesson_fields
from .test_member_shares_a_lesson import form_data, url

pytestmark = pytest.mark.django_db


def test_outsider_gets_404_for_another_proeftuin(client_for, outsider, partnership_a):
    client = client_for(outsider)
    assert client.get(url(partnership_a)).status_code == 404
    assert client.post(url(partnership_a), form_data()).status_code == 404
    assert Lesson.objects.count() == 0


def test_visitor_is_sent_to_login(client, partnership_a):
    response = client.get(url(partnership_a))
    assert response.status_code == 302
    assert "/account/inloggen/" in response["Location"]


def test_service_refuses_a_member_of_another_proeftuin(outsider, partnership_a):
    with pytest.raises(services.KnowledgeError, match="proeftuin waar u aan meedoet"):
        services.submit_lesson(
            partnership=partnership_a, by=outsider, **lesson_fields(partnership_a)
        )
    assert Lesson.objects.count() == 0


def test_member_cannot_revise_someone_elses_lesson(
    client_for, outsider, partnership_a, supplier_member
):
    from .factories import submit

    lesson = submit(partnership_a, supplier_member)
    assert client_for(outsider).get(f"/mijn/lessen/{lesson.pk}/aanpassen/").status_code == 404
