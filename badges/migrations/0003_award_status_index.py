# Each award gets a random, unique bit in the revocation status list (W3C Bitstring Status
# List, badges.openbadges.status); existing awards get theirs here.

import secrets

from django.db import migrations, models

LIST_SIZE = 131_072


def assign_indexes(apps, schema_editor):
    BadgeAward = apps.get_model("badges", "BadgeAward")
    awards = list(BadgeAward.objects.filter(status_index__isnull=True).only("pk"))
    # Lists kept at most half full, as status_index_assign does.
    lists = len(awards) // (LIST_SIZE // 2) + 1
    used = set(BadgeAward.objects.filter(status_index__isnull=False).values_list("status_index", flat=True))
    for award in awards:
        index = secrets.randbelow(lists * LIST_SIZE)
        while index in used:
            index = secrets.randbelow(lists * LIST_SIZE)
        used.add(index)
        BadgeAward.objects.filter(pk=award.pk).update(status_index=index)


class Migration(migrations.Migration):

    dependencies = [
        ("badges", "0002_badge_image_content"),
    ]

    operations = [
        migrations.AddField(
            model_name="badgeaward",
            name="status_index",
            field=models.PositiveIntegerField(blank=True, editable=False, null=True, unique=True),
        ),
        migrations.RunPython(assign_indexes, migrations.RunPython.noop),
    ]
