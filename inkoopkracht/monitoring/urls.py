"""URLs of monitoring: under a proeftuin in Mijn proeftuin, and the programme overviews."""

from django.urls import path

from .views import dashboard, imports, placements, rounds, staff, tokens

app_name = "monitoring"

P = "mijn/proeftuinen/<int:pk>/"

urlpatterns = [
    path(P + "monitoring/", dashboard.monitoring_page, name="dashboard"),
    path(P + "plaatsingen/", placements.placement_list, name="placements"),
    path(P + "plaatsingen/nieuw/", placements.placement_create, name="placement_create"),
    path(P + "plaatsingen/<int:placement_pk>/", placements.placement_edit, name="placement_edit"),
    path(
        P + "plaatsingen/<int:placement_pk>/uren/",
        placements.placement_hours,
        name="placement_hours",
    ),
    path(
        P + "plaatsingen/<int:placement_pk>/verwijderen/",
        placements.placement_delete,
        name="placement_delete",
    ),
    path(P + "importeren/", imports.upload, name="import"),
    path(P + "importeren/<int:job_pk>/", imports.job_detail, name="import_job"),
    path(P + "importeren/<int:job_pk>/verwerken/", imports.confirm, name="import_confirm"),
    path(P + "rapportages/<str:period>/", rounds.round_detail, name="round"),
    path(P + "rapportages/<str:period>/indienen/", rounds.submit, name="round_submit"),
    path(P + "rapportages/<str:period>/goedkeuren/", rounds.approve, name="round_approve"),
    path(P + "rapportages/<str:period>/terugsturen/", rounds.send_back, name="round_return"),
    path(P + "rapportages/<str:period>/corrigeren/", rounds.correct, name="round_correct"),
    path(P + "api-tokens/", tokens.tokens, name="tokens"),
    path(P + "api-tokens/<int:token_pk>/intrekken/", tokens.revoke, name="token_revoke"),
    path("mijn/monitoring/", staff.overview, name="overview"),
    path("mijn/monitoring/rapportages/", staff.rounds_overview, name="rounds_overview"),
    path("monitoring/sjabloon-plaatsingen.<str:fmt>", imports.template, name="import_template"),
]
