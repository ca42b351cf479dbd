"""Mijn proeftuin (included under /mijn/): the proeftuinen, their plan, letter of intent,
actions and coaching; the coach's worklist and the bottlenecks register."""

from django.urls import path

from .views import agreement, bottlenecks, coaching, core, plan

app_name = "partnerships"

PROEFTUIN = "proeftuinen/<int:pk>/"

urlpatterns = [
    path("", core.portal, name="portal"),
    path(PROEFTUIN, core.partnership_detail, name="detail"),
    # The plan: steps, checklist, next step.
    path(f"{PROEFTUIN}plan/", plan.plan, name="plan"),
    path(f"{PROEFTUIN}plan/volgende-stap/", plan.advance, name="advance"),
    path(f"{PROEFTUIN}plan/stap/<int:step>/punt-toevoegen/", plan.add_item, name="add_item"),
    path(f"{PROEFTUIN}plan/punten/<int:item_pk>/", plan.edit_item, name="edit_item"),
    path(f"{PROEFTUIN}plan/punten/<int:item_pk>/afvinken/", plan.check_item, name="check_item"),
    # The letter of intent and its commitments.
    path(f"{PROEFTUIN}intentieverklaring/", agreement.letter, name="letter"),
    path(f"{PROEFTUIN}intentieverklaring/invullen/", agreement.edit_letter, name="edit_letter"),
    path(f"{PROEFTUIN}intentieverklaring/pdf/", agreement.letter_as_pdf, name="letter_pdf"),
    path(
        f"{PROEFTUIN}intentieverklaring/ondertekening/",
        agreement.sign_letter,
        name="sign_letter",
    ),
    path(
        f"{PROEFTUIN}intentieverklaring/ondertekende-versie/",
        agreement.signed_copy,
        name="signed_copy",
    ),
    path(
        f"{PROEFTUIN}toezeggingen/<int:commitment_pk>/",
        agreement.edit_commitment,
        name="edit_commitment",
    ),
    # Actions and coaching sessions.
    path(f"{PROEFTUIN}acties/", coaching.actions, name="actions"),
    path(f"{PROEFTUIN}acties/nieuw/", coaching.add_action, name="add_action"),
    path(f"{PROEFTUIN}acties/<int:action_pk>/", coaching.edit_action, name="edit_action"),
    path(
        f"{PROEFTUIN}acties/<int:action_pk>/afvinken/",
        coaching.complete_action,
        name="complete_action",
    ),
    path(f"{PROEFTUIN}begeleiding/", coaching.sessions, name="sessions"),
    path(f"{PROEFTUIN}begeleiding/nieuw/", coaching.add_session, name="add_session"),
    path(f"{PROEFTUIN}begeleiding/<int:session_pk>/", coaching.edit_session, name="edit_session"),
    # For the programme team.
    path("begeleiding/", coaching.worklist, name="worklist"),
    path("knelpunten/", bottlenecks.register, name="bottlenecks"),
    path("knelpunten/nieuw/", bottlenecks.report, name="report_bottleneck"),
    path("knelpunten/overzicht/", bottlenecks.overview, name="bottleneck_overview"),
    path("knelpunten/<int:pk>/", bottlenecks.detail, name="bottleneck"),
    path("knelpunten/<int:pk>/bijwerken/", bottlenecks.edit, name="edit_bottleneck"),
]
