"""The "Facilitators" group: may enter the Wagtail admin and add, change and view cohorts,
their module schedules and live sessions. Which cohorts is decided per object in the admin
(``cohorts/wagtail_hooks.py``): only those the person facilitates."""

from django.db import migrations

GROUP_NAME = "Facilitators"

# (model name, verbose name) of the models the group works with.
MODELS = (
    ("cohort", "cohort"),
    ("moduleschedule", "module schedule"),
    ("livesession", "live session"),
)
ACTIONS = ("add", "change", "view")


def create_facilitators_group(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")

    # Permissions are normally created after all migrations (post_migrate); create the ones
    # needed here the same way, so a fresh database gets a complete group.
    permissions = [
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    ]
    for model, verbose_name in MODELS:
        content_type, _ = ContentType.objects.get_or_create(app_label="cohorts", model=model)
        for action in ACTIONS:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {verbose_name}"},
            )
            permissions.append(permission)

    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    group.permissions.add(*permissions)


def remove_facilitators_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cohorts", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [
        migrations.RunPython(create_facilitators_group, remove_facilitators_group),
    ]
