from django.core.management.base import BaseCommand

from community.notifications import send_digests


class Command(BaseCommand):
    help = "Email daily digests of notifications. Safe to re-run: each item is emailed once."

    def handle(self, *args, **options):
        report = send_digests()
        self.stdout.write(f"Sent {report.people} digests with {report.items} items.")
