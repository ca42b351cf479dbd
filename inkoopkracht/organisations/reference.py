"""Reference data of this app, loaded from data/ by migrations (re-run when the file changes)."""

from inkoopkracht.lib.constants import read_csv


def load_regions(region_model) -> None:
    """Upsert the labour-market regions from data/arbeidsmarktregios.csv."""
    for row in read_csv("arbeidsmarktregios.csv"):
        region_model.objects.update_or_create(
            code=row["code"], defaults={"name": row["name"], "province": row["province"]}
        )
