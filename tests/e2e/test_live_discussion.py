"""Two coaches in one space, in two Chromium pages: a post in one appears in the other
without a reload, over the real WebSocket through the real ASGI server."""

from __future__ import annotations

import re
import uuid

from playwright.sync_api import expect

from accounts.demo import DEMO_PASSWORD


def _login(context, base_url: str, username: str):
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(base_url + "/accounts/login/")
    page.get_by_label("Email or username").fill(username)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r".*/$"))
    return page


def _open_office_hours_thread(page):
    page.goto("/community/")
    page.get_by_role("link", name="Fall 2026 Facilitated Cohort").click()
    page.get_by_role(
        "link", name="How do you get teachers to actually come to office hours?"
    ).click()
    page.wait_for_selector('[data-live-status][data-state="live"]')


def test_a_post_appears_live_in_another_coachs_browser(browser, server, screenshot):
    maya_context = browser.new_context(base_url=server, viewport={"width": 1100, "height": 900})
    # Diego's browser is set to Tokyo; his profile says Chicago, and the profile is the truth.
    diego_context = browser.new_context(
        base_url=server, viewport={"width": 1100, "height": 900}, timezone_id="Asia/Tokyo"
    )
    try:
        maya = _login(maya_context, server, "maya")
        diego = _login(diego_context, server, "diego")
        _open_office_hours_thread(maya)
        _open_office_hours_thread(diego)
        # Each sees the other as present.
        diego.wait_for_selector("[data-presence]:has-text('Maya Robinson')")
        text = f"Try a standing Tuesday slot in the library ({uuid.uuid4().hex[:6]})"
        posts_before = diego.locator("[data-posts] .post").count()
        reply = maya.get_by_label("Reply")
        reply.press_sequentially("@han")
        option = maya.get_by_role("option", name="Hannah Lee (@hannah)")
        option.wait_for()
        reply.press("Enter")
        expect(reply).to_have_value("@hannah ")
        reply.press_sequentially(text)
        maya.get_by_role("button", name="Post reply").click()
        diego.wait_for_selector(f"[data-posts] .post:has-text('{text}')")
        expect(diego.locator("[data-posts] .post")).to_have_count(posts_before + 1)
        # No reload happened on either page, and Maya sees her post exactly once.
        expect(maya.locator(f"[data-posts] .post:has-text('{text}')")).to_have_count(1)
        mention = diego.locator(f"[data-posts] .post:has-text('{text}') .mention")
        expect(mention).to_have_text("@hannah")
        screenshot(diego, "20-live-post-arrived")
        # The live post is timed as the server renders it: in Diego's zone, labelled.
        live_time = diego.locator(f"[data-posts] .post:has-text('{text}') time").inner_text()
        assert re.fullmatch(r"[A-Z][a-z]{2} \d{1,2}, \d{1,2}:\d\d [AP]M C[SD]T", live_time)
        diego.reload()
        expect(diego.locator(f"[data-posts] .post:has-text('{text}') time")).to_have_text(live_time)
    finally:
        maya_context.close()
        diego_context.close()


def _controls(post) -> list[str]:
    """What a person can do with a post, as its buttons and disclosures say."""
    return sorted(post.locator("button, summary").all_inner_texts())


def test_a_live_post_is_the_same_post_as_after_a_reload(browser, server, screenshot):
    """One renderer: reactions, Edit/Delete for the author, Hide for the facilitator, on a
    post that arrived over the socket exactly as on the reloaded page; "is typing" clears."""
    contexts = [
        browser.new_context(base_url=server, viewport={"width": 1100, "height": 900})
        for _ in range(3)
    ]
    try:
        maya, diego, fran = (
            _login(context, server, name)
            for context, name in zip(contexts, ("maya", "diego", "fran"), strict=True)
        )
        for page in (maya, diego, fran):
            _open_office_hours_thread(page)
        text = f"Ask the principal for five minutes at the staff meeting ({uuid.uuid4().hex[:6]})"
        reply = maya.get_by_label("Reply")
        # Typed at a person's pace (about 4 s), so the page sends "typing" more than once (at
        # most every 3 s): typing frames are ephemeral by design, and on a loaded machine one
        # may arrive after the indicator's wait.
        reply.press_sequentially(text[:20], delay=200)
        typing = diego.locator("[data-typing]")
        expect(typing).to_have_text("Maya Robinson is typing…", timeout=10_000)
        reply.press_sequentially(text[20:])
        maya.get_by_role("button", name="Post reply").click()

        live = {}
        for name, page in (("maya", maya), ("diego", diego), ("fran", fran)):
            post = page.locator(f"[data-posts] .post:has-text('{text}')")
            expect(post).to_have_count(1)
            expect(post.locator("[data-emoji]")).to_have_count(6)
            live[name] = _controls(post)
        expect(typing).to_have_text("")  # her post arrived: she is no longer typing
        screenshot(fran, "21-live-post-as-facilitator")

        assert "Edit" in live["maya"] and "Delete" in live["maya"]
        assert "Edit" not in live["diego"] and "Hide" not in live["diego"]
        assert "Hide" in live["fran"] and "Delete" not in live["fran"]
        for name, page in (("maya", maya), ("diego", diego), ("fran", fran)):
            page.reload()
            post = page.locator(f"[data-posts] .post:has-text('{text}')")
            expect(post).to_have_count(1)
            assert _controls(post) == live[name], name

        # A typing notice with no post after it clears by itself.
        _open_office_hours_thread(diego)
        maya.get_by_label("Reply").press_sequentially("Thinking")
        expect(diego.locator("[data-typing]")).to_have_text("Maya Robinson is typing…")
        expect(diego.locator("[data-typing]")).to_have_text("", timeout=10_000)
    finally:
        for context in contexts:
            context.close()


def test_outsider_cannot_open_another_cohorts_space(browser, server):
    maya_context = browser.new_context(base_url=server)
    grace_context = browser.new_context(base_url=server)
    try:
        maya = _login(maya_context, server, "maya")
        maya.goto("/community/")
        maya.get_by_role("link", name="Fall 2026 Facilitated Cohort").click()
        space_path = maya.url.replace(server, "")
        grace = _login(grace_context, server, "grace")  # only on the upcoming cohort's waitlist
        grace.goto("/community/")
        assert grace.get_by_role("link", name="Fall 2026 Facilitated Cohort").count() == 0
        assert grace.goto(space_path).status == 404
    finally:
        maya_context.close()
        grace_context.close()
