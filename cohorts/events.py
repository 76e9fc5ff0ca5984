"""Events other apps subscribe to.

``course_completed`` is sent after the transaction that caused it commits. The others are
sent inside the transaction, so a receiver that writes joins it (and one that notifies the
outside world must wait for the commit itself, as community's receivers do).

``course_completed(user, course, completed_at)`` — sent once per person and course, when the
last lesson is completed. The badges app evaluates its award rules on it.
"""

from django.dispatch import Signal

course_completed = Signal()

# ``reflection_written(user, reflection)`` — sent after the transaction that saved (or
# rewrote) a reflection commits. The badges app re-evaluates its award rules on it.
reflection_written = Signal()

# ``membership_changed(user_id)`` — someone's enrollments or team memberships changed; open
# discussion sockets re-check their rights.
# ``announcement_posted(announcement)`` — the community app pins it in the cohort space.
membership_changed = Signal()
announcement_posted = Signal()
