"""The programme team edits the site and moderates: page and media permissions, one workflow.

Creates the workflow "Redactie en moderatie" with one task (approval by the Programmateam group,
a reason required to reject), assigns it to the whole page tree and to lessons, and gives the
Programmateam group the page permissions (add, change, publish, lock) on the root page and the
document and image permissions on the root collection.
"""

from django.db import migrations

TEAM_GROUP = "Programmateam"  # accounts.roles.GROUP_NAMES[Role.TEAM]
WORKFLOW_NAME = "Redactie en moderatie"
TASK_NAME = "Beoordeling door het programmateam"
PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
COLLECTION_PERMISSIONS = {
    ("wagtaildocs", "document"): ["add_document", "change_document", "choose_document"],
    ("wagtailimages", "image"): ["add_image", "change_image", "choose_image"],
}


def _permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _created = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": f"Can {codename.replace('_', ' ')}"},
    )
    return permission


def _grant_permissions(apps, group):
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_page = Page.objects.get(depth=1)
    for codename in PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group, page=root_page, permission=_permission(apps, "wagtailcore", "page", codename)
        )
    root_collection = Collection.objects.get(depth=1)
    for (app_label, model), codenames in COLLECTION_PERMISSIONS.items():
        for codename in codenames:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=root_collection,
                permission=_permission(apps, app_label, model, codename),
            )


def _workflow(apps, group):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    ModerationTask = apps.get_model("knowledge", "ModerationTask")
    task_type, _created = ContentType.objects.get_or_create(
        app_label="knowledge", model="moderationtask"
    )
    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    if created:
        task = ModerationTask.objects.create(name=TASK_NAME, active=True, content_type=task_type)
        task.groups.set([group])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def setup(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")

    group, _created = Group.objects.get_or_create(name=TEAM_GROUP)
    _grant_permissions(apps, group)
    workflow = _workflow(apps, group)
    WorkflowPage.objects.update_or_create(
        page=Page.objects.get(depth=1), defaults={"workflow": workflow}
    )
    lesson_type, _created = ContentType.objects.get_or_create(app_label="knowledge", model="lesson")
    WorkflowContentType.objects.update_or_create(
        content_type=lesson_type, defaults={"workflow": workflow}
    )
    # Wagtail's default "Moderators approval" is no longer assigned anywhere: switch it off.
    Workflow.objects.filter(name="Moderators approval", workflow_pages__isnull=True).exclude(
        workflow_content_types__isnull=False
    ).update(active=False)


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0003_guide_lessons_pdf"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(setup, migrations.RunPython.noop)]
