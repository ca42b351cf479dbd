"""The REST API root (django-ninja; OpenAPI at /api/v1/openapi.json). Apps add their routers."""

from ninja import NinjaAPI

api = NinjaAPI(
    title="Inkoopkracht API",
    version="1",
    description=(
        "API van Inkoopkracht: proeftuinen, monitoringcijfers en open data. "
        "Alles wat u ziet, is wat uw account mag zien; de rest bestaat voor u niet (404)."
    ),
    urls_namespace="api",
    openapi_url="/openapi.json",
    docs_url="/docs",
)

api.add_router("/proeftuinen/", "inkoopkracht.partnerships.api.router")
api.add_router("/bijeenkomsten/", "inkoopkracht.events.api.router")
api.add_router("/aanmeldingen/", "inkoopkracht.intake.api.router")
api.add_router("/monitoring/", "inkoopkracht.monitoring.api.router")
api.add_router("/lessen/", "inkoopkracht.knowledge.api.router")
api.add_router("/open-data/", "inkoopkracht.reports.api.router")
