from django.db import migrations


def forwards(apps, schema_editor):
    from inkoopkracht.partnerships.reference import load_steps

    load_steps(apps.get_model("partnerships", "Step"))


class Migration(migrations.Migration):
    dependencies = [("partnerships", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
