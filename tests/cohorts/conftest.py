"""The cohort fixtures live in tests/fixtures_cohorts.py (a plugin of tests/conftest.py) so
every test package can use them; re-exported here for modules that import them by name."""

from tests.fixtures_cohorts import (  # noqa: F401
    coach,
    cohort,
    course,
    facilitator,
    make_cohort,
    make_user,
    self_paced,
)
