"""Views of Mijn proeftuin and the coaching pages, split by topic.

core         the list of proeftuinen and a proeftuin's overview
plan         the plan: steps, checklist, next step
agreement    the letter of intent, its PDF, signature and commitments
coaching     coaching sessions, actions, the coach's worklist
bottlenecks  the bottlenecks register and its overview (programme team)
"""

from .core import partnership_detail, portal

__all__ = ["partnership_detail", "portal"]
