"""Reference data of this app, loaded from data/ by migrations (re-run when the file changes)."""

from inkoopkracht.lib.constants import read_csv


def load_steps(step_model) -> None:
    """Upsert the nine steps from data/partnership_steps.csv."""
    for row in read_csv("partnership_steps.csv"):
        step_model.objects.update_or_create(
            number=int(row["step"]),
            defaults={
                "code": row["code"],
                "name_nl": row["name_nl"],
                "name_en": row["name_en"],
                "description_nl": row["what_happens_nl"],
                "description_en": row["what_happens"][:1].upper() + row["what_happens"][1:] + ".",
            },
        )
