from django.db import migrations


def forwards(apps, schema_editor):
    """Give every existing proeftuin the default checklist (data/step_checklist.csv)."""
    from inkoopkracht.partnerships.reference import add_default_checklist

    partnership_model = apps.get_model("partnerships", "Partnership")
    item_model = apps.get_model("partnerships", "ChecklistItem")
    for partnership in partnership_model.objects.all().iterator():
        add_default_checklist(partnership, item_model)


class Migration(migrations.Migration):
    dependencies = [("partnerships", "0003_guidance")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
