"""HTML-to-PDF through WeasyPrint, imported lazily (it is heavy and not needed at start-up)."""

from django.conf import settings
from django.template.loader import render_to_string


def render_to_pdf(template_name: str, context: dict, *, base_url: str | None = None) -> bytes:
    """Render a template to PDF bytes. Static files resolve against the project's static dir."""
    import weasyprint  # local import: keep WeasyPrint out of start-up

    html = render_to_string(template_name, context)
    base = base_url or str(settings.BASE_DIR / "static")
    return weasyprint.HTML(string=html, base_url=base).write_pdf()
