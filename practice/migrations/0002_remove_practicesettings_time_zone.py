"""The coach's time zone moved to their profile (accounts 0003 copied it there first)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("practice", "0001_initial"),
        ("accounts", "0003_time_zone_from_practice_settings"),
    ]

    operations = [
        migrations.RemoveField(model_name="practicesettings", name="time_zone"),
    ]
