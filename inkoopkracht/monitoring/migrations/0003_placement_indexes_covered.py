"""Drop three single-column indexes that composite indexes already cover (docs/performance.md,
import speed): every placement and hours row written kept them up to date for nothing.

- ``placement.partnership_id``: the first column of (partnership_id, start_day, end_day);
- ``placement.employer_id``: the first column of the unique (employer_id, reference);
- ``placementhours.placement_id``: the first column of the unique (placement_id, starts_on).

Only the indexes go (``DROP INDEX``): Django's own ``AlterField`` would remake both tables on
SQLite, which drops the overview triggers of migration 0002, and would re-add the foreign keys
on PostgreSQL. The model state says ``db_index=False``, so later migrations agree.
"""

import django.db.models.deletion
from django.db import migrations, models

INDEXES = [
    ("monitoring_placement_partnership_id_b032bb43", "monitoring_placement", "partnership_id"),
    ("monitoring_placement_employer_id_bc8c3de6", "monitoring_placement", "employer_id"),
    (
        "monitoring_placementhours_placement_id_504c88a0",
        "monitoring_placementhours",
        "placement_id",
    ),
]


class Migration(migrations.Migration):
    dependencies = [
        ("monitoring", "0002_overview_precomputed"),
        ("organisations", "0002_load_regions"),
        ("partnerships", "0004_default_checklists"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunSQL(
                    f'DROP INDEX IF EXISTS "{name}"',
                    reverse_sql=f'CREATE INDEX "{name}" ON "{table}" ("{column}")',
                )
                for name, table, column in INDEXES
            ],
            state_operations=[
                migrations.AlterField(
                    model_name="placement",
                    name="employer",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="placements_as_employer",
                        to="organisations.organisation",
                        verbose_name="werkgever",
                    ),
                ),
                migrations.AlterField(
                    model_name="placement",
                    name="partnership",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="placements",
                        to="partnerships.partnership",
                        verbose_name="proeftuin",
                    ),
                ),
                migrations.AlterField(
                    model_name="placementhours",
                    name="placement",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="hours",
                        to="monitoring.placement",
                    ),
                ),
            ],
        )
    ]
