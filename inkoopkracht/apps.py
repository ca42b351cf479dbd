from django.apps import AppConfig


class InkoopkrachtConfig(AppConfig):
    """The project package as an app: it carries the project-wide commands (demo, load_demo)."""

    name = "inkoopkracht"
    label = "inkoopkracht"
    verbose_name = "Inkoopkracht"
