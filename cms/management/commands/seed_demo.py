from django.core.management.base import BaseCommand

from cms.demo import seed


class Command(BaseCommand):
    help = "Build the demo: people, the flagship course and its content (safe to run again)."

    def handle(self, *args, **options):
        seed(stdout=self.stdout, verbosity=options["verbosity"])
