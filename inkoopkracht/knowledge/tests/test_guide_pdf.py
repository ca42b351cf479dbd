"""The whole guide as PDF: cover, contents, page numbers, the same content as the pages."""

import pytest
from django.test import override_settings

from inkoopkracht.knowledge import services
from inkoopkracht.knowledge.guide_pdf import render_guide_html
from inkoopkracht.knowledge.models import GuidePdf

from .factories import make_step_page

pytestmark = pytest.mark.django_db


def build(reason="test"):
    pdf = services.request_guide_pdf(by=None, reason=reason)
    return services.build_guide_pdf(pdf_id=pdf.pk)


def test_build_makes_a_pdf(guide):
    pdf = build()
    assert pdf.status == GuidePdf.Status.READY
    with pdf.file.open("rb") as handle:
        content = handle.read()
    assert content.startswith(b"%PDF")
    assert pdf.size == len(content)


def test_layout_has_cover_contents_and_a_chapter_per_step_with_page_numbers(guide):
    import weasyprint

    document = weasyprint.HTML(string=render_guide_html(), base_url="http://testserver/").render()
    # Cover, contents, introduction and three steps each start on a new page.
    assert len(document.pages) >= 6
    chapters = [(label, target[0]) for label, target, *_rest in document.make_bookmark_tree()]
    labels = [label for label, _page in chapters]
    assert labels[:2] == ["Handreiking", "Inleiding"]
    assert labels[2:] == [
        "Verkennen en committeren",
        "Kick-off en intentieverklaring",
        "Werk analyseren",
    ]
    pages = [page for _label, page in chapters]
    assert pages == sorted(set(pages))  # every chapter on a page of its own, in order


def test_pdf_has_the_same_content_as_the_pages(client, guide, published_lesson):
    html = render_guide_html()
    for marker in (
        'class="cover"',
        'class="toc"',
        "target-counter(attr(href), page)",
        "counter(pages)",
    ):
        assert marker in html
    for number in (1, 2, 3):
        page = client.get(f"/handreiking/stap-{number}/").content.decode()
        for text in (
            f"Uitleg bij stap {number}.",
            f"Controlepunt {number}a",
            f"Valkuil bij stap {number}.",
            f"Samenvatting van stap {number}.",
        ):
            assert text in page
            assert text in html
    assert "Pictogrammen op de kar" in html


def test_draft_steps_stay_out_of_the_pdf(guide):
    make_step_page(guide, 7, live=False, intro="Geheime concepttekst.")
    assert "Geheime concepttekst." not in render_guide_html()


def test_download_serves_the_newest_pdf_as_attachment(client, guide):
    build()
    response = client.get("/handreiking.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert (
        'attachment; filename="handreiking-partnership-en-inkoopkracht.pdf"'
        == response["Content-Disposition"]
    )
    # Reading the whole file also closes it (the test client finishes the request then).
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_first_download_builds_the_pdf(client, guide, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.get("/handreiking.pdf")
    assert GuidePdf.objects.filter(status=GuidePdf.Status.READY).exists()
    response = client.get("/handreiking.pdf")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


@override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}})
def test_while_the_first_pdf_is_made_the_visitor_gets_a_clear_message(client, guide):
    response = client.get("/handreiking.pdf")
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert "De PDF wordt gemaakt" in response.content.decode()
    # Asking again does not queue a second build.
    client.get("/handreiking.pdf")
    assert GuidePdf.objects.count() == 1


def test_the_previous_pdf_is_served_while_a_new_one_is_made(client, guide):
    first = build()
    services.request_guide_pdf(by=None, reason="nieuwe versie")  # queued, not yet built
    response = client.get("/handreiking.pdf")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert GuidePdf.objects.latest_ready() == first


def test_publishing_a_guide_page_queues_a_new_pdf(guide, django_capture_on_commit_callbacks):
    page = guide.get_children().last().specific
    page.intro = "Nieuwe samenvatting."
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    pdf = GuidePdf.objects.latest_ready()
    assert pdf is not None
    assert "Pagina gepubliceerd" in pdf.reason
    assert "Nieuwe samenvatting." in render_guide_html()


def test_a_waiting_build_covers_later_requests(guide):
    first = services.request_guide_pdf(by=None, reason="een")
    second = services.request_guide_pdf(by=None, reason="twee")
    assert first == second
    assert GuidePdf.objects.count() == 1


def test_old_files_are_cleaned_up(guide, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        builds = [build(reason=str(number)) for number in range(services.KEEP_PDF_BUILDS + 2)]
    assert GuidePdf.objects.filter(status=GuidePdf.Status.READY).count() == services.KEEP_PDF_BUILDS
    assert GuidePdf.objects.filter(status=GuidePdf.Status.REPLACED, file="").count() == 2
    assert GuidePdf.objects.latest_ready() == builds[-1]


def test_a_failed_build_is_recorded_and_the_old_pdf_stays(guide, monkeypatch):
    first = build()
    monkeypatch.setattr("inkoopkracht.knowledge.guide_pdf.render_to_pdf", lambda *a, **k: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        build()
    assert GuidePdf.objects.filter(status=GuidePdf.Status.FAILED).exists()
    assert GuidePdf.objects.latest_ready() == first
