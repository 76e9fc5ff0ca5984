"""A self-paced community space takes its track's title, which is now named after the course
(cohorts 0003), so two courses' self-paced spaces are no longer both "Self-paced track"."""

from django.db import migrations


def rename(apps, schema_editor):
    Space = apps.get_model("community", "Space")
    Cohort = apps.get_model("cohorts", "Cohort")
    spaces = list(Space.objects.filter(kind="self_paced", team__isnull=True))
    titles = dict(
        Cohort.objects.filter(pk__in=[s.cohort_id for s in spaces]).values_list("pk", "title")
    )
    for space in spaces:
        space.title = titles[space.cohort_id]
    Space.objects.bulk_update(spaces, ["title"])


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0001_initial"),
        ("cohorts", "0004_self_paced_tracks_named_after_course"),
    ]

    operations = [migrations.RunPython(rename, migrations.RunPython.noop)]
