"""Demo people, with known passwords printed by `make run`."""

from __future__ import annotations

from dataclasses import dataclass

from axes.models import AccessAttempt
from axes.utils import reset as axes_reset
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group

from . import services
from .models import Role

DEMO_PASSWORD = "praxis-demo"
DEMO_DOMAIN = "demo.praxis.test"


@dataclass(frozen=True)
class DemoPerson:
    username: str
    display_name: str
    role: str
    district: str = ""
    school: str = ""
    staff: bool = False
    superuser: bool = False
    groups: tuple[str, ...] = ()
    # As a browser would have filled it at sign-up; the demo cohorts run in Chicago time.
    time_zone: str = "America/Chicago"

    @property
    def email(self) -> str:
        return f"{self.username}@{DEMO_DOMAIN}"


RIVERSIDE = "Riverside Unified"
LAKEVIEW = "Lakeview School District"

PEOPLE: tuple[DemoPerson, ...] = (
    DemoPerson("admin", "Site Admin", Role.EDITOR, staff=True, superuser=True),
    DemoPerson("elena", "Elena Park", Role.EDITOR, groups=("Editors", "Moderators")),
    DemoPerson(
        "fran",
        "Francesca Ortiz",
        Role.FACILITATOR,
        district="Praxis Faculty",
        groups=("Facilitators",),
    ),
    DemoPerson("lena", "Lena Whitfield", Role.TEAM_LEAD, RIVERSIDE, "District Office"),
    DemoPerson("marcus", "Marcus Bell", Role.TEAM_LEAD, LAKEVIEW, "Central Office"),
    DemoPerson("maya", "Maya Robinson", Role.COACH, RIVERSIDE, "Jefferson Elementary"),
    DemoPerson("diego", "Diego Alvarez", Role.COACH, RIVERSIDE, "Riverside Middle"),
    DemoPerson("priya", "Priya Natarajan", Role.COACH, RIVERSIDE, "Oak Grove Elementary"),
    DemoPerson("sam", "Sam Okafor", Role.COACH, RIVERSIDE, "Riverside High"),
    DemoPerson("hannah", "Hannah Lee", Role.COACH, RIVERSIDE, "Cedar Elementary"),
    DemoPerson("tom", "Tom Brennan", Role.COACH, LAKEVIEW, "Lakeview High"),
    DemoPerson("aisha", "Aisha Karim", Role.COACH, LAKEVIEW, "North Shore Middle"),
    DemoPerson("jonah", "Jonah Weiss", Role.COACH, LAKEVIEW, "Lakeview Elementary"),
    DemoPerson("rosa", "Rosa Delgado", Role.COACH, LAKEVIEW, "Harbor Elementary"),
    DemoPerson("kevin", "Kevin Tran", Role.COACH, "Pine Valley Schools", "Pine Valley Middle"),
    DemoPerson("nora", "Nora Quinlan", Role.COACH, "Pine Valley Schools", "Summit Elementary"),
    DemoPerson("ben", "Ben Adeyemi", Role.COACH, "Millbrook District", "Millbrook High"),
    DemoPerson("grace", "Grace Holm", Role.COACH, "Millbrook District", "Birch Elementary"),
    DemoPerson(
        "luis",
        "Luis Moreno",
        Role.COACH,
        "Independent",
        "St. Anne's School",
        time_zone="America/Los_Angeles",
    ),
    DemoPerson("iris", "Iris Park", Role.COACH, "Independent", "Maple Street School"),
)


def seed_people() -> dict[str, object]:
    """Create the demo people that do not exist yet. Returns them by username."""
    User = get_user_model()
    people = {}
    # One password for every demo login: hash it once (each hash is deliberately slow).
    password_hash = None
    for person in PEOPLE:
        user = User.objects.filter(username=person.username).first()
        if user is None:
            password_hash = password_hash or make_password(DEMO_PASSWORD)
            user = services.user_create(
                email=person.email,
                password=None,
                password_hash=password_hash,
                username=person.username,
                display_name=person.display_name,
                district=person.district,
                school=person.school,
                role=person.role,
                first_name=person.display_name.split()[0],
                last_name=person.display_name.split()[-1],
                time_zone=person.time_zone,
            )
            if person.staff or person.superuser:
                services.user_grant_admin(user=user, superuser=person.superuser)
            for group_name in person.groups:
                group = Group.objects.filter(name=group_name).first()
                if group is not None:
                    user.groups.add(group)
        people[person.username] = user
    # A demo login typed wrong too often stays usable: seeding again lifts its lock.
    locked = AccessAttempt.objects.filter(username__in=[name.lower() for name in people])
    for username in set(locked.values_list("username", flat=True)):
        axes_reset(username=username)
    return people


def login_table() -> str:
    """The demo logins as a small table for the console."""
    rows = [("username", "password", "who")]
    rows += [(p.username, DEMO_PASSWORD, f"{p.display_name} ({p.role.label})") for p in PEOPLE]
    width = max(len(r[0]) for r in rows)
    lines = [f"  {u.ljust(width)}  {pw.ljust(12)}  {who}" for u, pw, who in rows]
    return "\n".join(lines)
