from django.core.management.base import BaseCommand

from badges.services import badges_renew_expired


class Command(BaseCommand):
    help = (
        "Evaluate the award rules again for everyone holding an expired badge, so a badge "
        "whose criteria still hold is earned again (or queued for approval). Safe to run from "
        "cron as often as you like: awarding is idempotent."
    )

    def handle(self, *args, **options):
        report = badges_renew_expired()
        self.stdout.write(
            f"Checked {report['people']} people with an expired badge: "
            f"{report['awards']} awarded again, {report['requests']} queued for approval."
        )
