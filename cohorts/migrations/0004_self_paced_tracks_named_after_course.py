"""Self-paced tracks are named after their course ("Coaching from Theory to Practice ·
self-paced"), as ``Cohort.clean`` and ``cohort_create`` now name new ones; rename the
existing tracks (the demo's were all "Self-paced track")."""

from django.db import migrations


def self_paced_title(course_title: str) -> str:
    # Frozen copy of Cohort.self_paced_title: migrations do not import app code.
    return f"{course_title} · self-paced"


def rename(apps, schema_editor):
    Cohort = apps.get_model("cohorts", "Cohort")
    Page = apps.get_model("wagtailcore", "Page")
    tracks = list(Cohort.objects.filter(pace="self_paced"))
    titles = dict(Page.objects.filter(pk__in=[t.course_id for t in tracks]).values_list("pk", "title"))
    for track in tracks:
        track.title = self_paced_title(titles[track.course_id])[:160]
    Cohort.objects.bulk_update(tracks, ["title"])


class Migration(migrations.Migration):
    dependencies = [
        ("cohorts", "0003_calendar_updated_at"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(rename, migrations.RunPython.noop)]
