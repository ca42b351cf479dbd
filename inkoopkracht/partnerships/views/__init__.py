"""Views of Mijn proeftuin and the coaching pages, split by topic."""

from .core import partnership_detail, portal

__all__ = ["partnership_detail", "portal"]
