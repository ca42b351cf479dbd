from django.db import migrations


def create_homepage(apps, schema_editor):
    """Replace Wagtail's welcome page by our home page and point the default site at it."""
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("knowledge.HomePage")
    Locale = apps.get_model("wagtailcore.Locale")

    Page.objects.filter(depth=2, slug="home", content_type__model="page").delete()
    content_type, _created = ContentType.objects.get_or_create(model="homepage", app_label="knowledge")
    locale = Locale.objects.order_by("pk").first()
    home = HomePage.objects.create(
        title="Partnership en inkoopkracht",
        draft_title="Partnership en inkoopkracht",
        slug="home",
        content_type=content_type,
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=locale,
        intro="Overheidsopdrachtgevers en hun leveranciers die samen meer banen realiseren "
        "voor mensen met een arbeidsbeperking.",
    )
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "root_page": home, "site_name": "Inkoopkracht"},
    )


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0001_initial"),
        ("wagtailcore", "0002_initial_data"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(create_homepage, migrations.RunPython.noop)]
