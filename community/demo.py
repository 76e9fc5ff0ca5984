"""Demo conversations in the cohort, team and self-paced spaces, written for the course.
Every post has a fixed client id, so running the demo again adds nothing."""

from __future__ import annotations

from cohorts.demo import FLAGSHIP_SLUG, RUNNING_TITLE
from cohorts.models import Cohort, Pace, Team
from courses.models import LessonPage

from . import notifications, services
from .models import EmailPreference, Post

THREADS = [
    # (space key, client id, author, title, body, lesson slug or None, replies, reactions)
    (
        "running",
        "intro",
        "fran",
        "Introduce yourself: where do you coach?",
        "Welcome! Tell us your school, what grade band you support, and **one** thing a "
        "teacher asked you for this month. I'll start: I coach liaisons across three districts "
        "and this month everyone asked about AI policies.",
        None,
        [
            (
                "maya",
                "Jefferson Elementary, K-5. A second-grade teacher asked how to get her "
                "reading groups onto tablets without losing a whole lesson to log-ins.",
            ),
            (
                "tom",
                "Lakeview High, 9-12. The science department wants help with lab "
                "simulations, but mostly they want someone to listen to them about grading load.",
            ),
            (
                "aisha",
                "North Shore Middle. I got asked three times about parent emails. "
                "Relationships before technology, indeed!",
            ),
        ],
        {"maya": "👍", "tom": "🎉", "diego": "❤️"},
    ),
    (
        "running",
        "office-hours",
        "hannah",
        "How do you get teachers to actually come to office hours?",
        "I held three office hours last week and one teacher came. What has worked for you? "
        "I'm wondering about time of day, location, snacks…",
        None,
        [
            (
                "diego",
                "Moving mine into the staff room at lunch tripled attendance. Teachers "
                "walk past anyway, so the ask is tiny.",
            ),
            (
                "fran",
                "Great question, @hannah. Try naming a *problem* instead of a tool: "
                '"Fix your gradebook in 15 minutes" beats "Google Classroom help".',
            ),
            (
                "rosa",
                "I started a sign-up sheet with 10-minute slots. Booked slots get used; "
                "open drop-in hours don't.",
            ),
        ],
        {"hannah": "🙏", "maya": "💡", "tom": "👍"},
    ),
    (
        "running",
        "listening",
        "maya",
        "Discussing: Listening Like a Coach",
        "The count-to-five pause felt so awkward at first. Did anyone else find teachers "
        "filled the silence with the *real* question?",
        "listening-like-a-coach",
        [
            (
                "priya",
                'Yes! A teacher went from "how do I use the new quiz tool" to "my '
                "students aren't reading feedback at all\". Completely different conversation.",
            ),
        ],
        {"aisha": "💡"},
    ),
    (
        "riverside",
        "agenda",
        "lena",
        "Agenda for our monthly liaison meeting",
        "Let's keep it to 45 minutes:\n\n1. One win each (2 min)\n2. One struggle each\n3. "
        "Hours check-in: are we on track for 8 coaching hours this month?\n\nAdd anything "
        "below.",
        None,
        [
            (
                "sam",
                "Could we spend ten minutes on partnership agreements? My principal and I "
                "haven't met yet.",
            ),
            ("maya", "+1 to Sam. I can share the template I used with mine."),
        ],
        {"diego": "👍", "priya": "👍"},
    ),
    (
        "self_paced",
        "self-paced-hello",
        "kevin",
        "Studying self-paced: anyone want a buddy?",
        "I'm working through the course on my own schedule, about a module every two weeks. "
        "Happy to swap notes on the practice tasks.",
        None,
        [("nora", "Me too! I'm on module 2. Let's compare our coaching cycle plans.")],
        {"luis": "👍"},
    ),
]


def seed_community(*, people: dict) -> int:
    running = Cohort.objects.filter(title=RUNNING_TITLE, course__slug=FLAGSHIP_SLUG).first()
    self_paced = Cohort.objects.filter(pace=Pace.SELF_PACED, course__slug=FLAGSHIP_SLUG).first()
    riverside = Team.objects.filter(name="Riverside Liaisons").first()
    if running is None or self_paced is None or riverside is None:
        return 0
    spaces = {
        "running": services.space_for_cohort(cohort=running),
        "self_paced": services.space_for_cohort(cohort=self_paced),
        "riverside": services.space_for_team(team=riverside),
    }
    # Francesca reads a daily digest, so on a fresh demo `send_digests` has the replies to
    # her introduction thread to send (everyone else is emailed right away).
    notifications.email_preference_set(user=people["fran"], email=EmailPreference.DIGEST)
    created = 0
    for key, client_id, author, title, body, lesson_slug, replies, reactions in THREADS:
        space = spaces[key]
        lesson = LessonPage.objects.filter(slug=lesson_slug).first() if lesson_slug else None
        thread = services.thread_create(
            space=space,
            author=people[author],
            title=title,
            body=body,
            client_id=f"demo-{client_id}",
            lesson=lesson,
            check_rate=False,
        ).thread
        for index, (username, text) in enumerate(replies):
            post_client_id = f"demo-{client_id}-{index}"
            if Post.objects.filter(space=space, client_id=post_client_id).exists():
                continue
            services.post_create(
                space=space,
                thread=thread,
                author=people[username],
                body=text,
                client_id=post_client_id,
            )
            created += 1
        first_post = thread.posts.order_by("pk").first()
        for username, emoji in reactions.items():
            if not first_post.reactions.filter(user=people[username], emoji=emoji).exists():
                services.reaction_toggle(post=first_post, user=people[username], emoji=emoji)
    return created
