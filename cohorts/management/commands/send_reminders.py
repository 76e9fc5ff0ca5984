from django.core.management.base import BaseCommand

from cohorts.services import send_reminders


class Command(BaseCommand):
    help = (
        "Email module-released and due-soon reminders. Safe to run from cron as often as "
        "you like: a reminder is never sent twice."
    )

    def handle(self, *args, **options):
        report = send_reminders()
        self.stdout.write(
            f"Sent {report.released} module-released and {report.due_soon} due-soon emails."
        )
