"""The time zone a coach set under Practice becomes their profile's time zone (the Practice
field is removed by practice 0002)."""

from django.db import migrations


def copy_forward(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    PracticeSettings = apps.get_model("practice", "PracticeSettings")
    rows = PracticeSettings.objects.exclude(time_zone="").values_list("user_id", "time_zone")
    for user_id, name in rows:
        User.objects.filter(pk=user_id, time_zone="").update(time_zone=name[:64])


def copy_back(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    PracticeSettings = apps.get_model("practice", "PracticeSettings")
    for user_id, name in User.objects.exclude(time_zone="").values_list("pk", "time_zone"):
        PracticeSettings.objects.update_or_create(user_id=user_id, defaults={"time_zone": name})


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_user_time_zone"),
        ("practice", "0001_initial"),
    ]

    operations = [migrations.RunPython(copy_forward, copy_back)]
