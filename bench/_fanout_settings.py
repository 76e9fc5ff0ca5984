"""Settings of the workers bench/community_fanout.py serves: the test settings, with the
database connections a deployment keeps (cms/settings/env.py): SQLite's are kept by each
thread for 60 s, PostgreSQL's go back to the pool. The test settings close them after every
database call (CONN_MAX_AGE 0, so a test run can drop its database), and a socket's connect
then opened a new SQLite connection for each of its two calls: measuring that measured the
tests' setting, not Praxis."""

from cms.settings.test import *  # noqa: F403
from cms.settings.test import DATABASES

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 60
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
