"""bench/pages.py's server: the demo's settings (DEBUG off from the environment) plus one
trivial URL to measure against."""

from cms.settings.dev import *  # noqa: F401,F403

ROOT_URLCONF = "bench._pages_urls"
