"""Input fields for every API serializer that reads a request: strict types, bounded sizes.

DRF's own fields are lenient in two ways that let hostile input through:

- ``CharField`` turns ``123``, ``true`` or ``1.5`` into ``"123"``…, so wrong JSON types are
  stored as strings (``focus_tags: [1, 2]``). These string fields refuse anything but a
  string, and they *require* ``max_length`` (a 1 MB username reached a LIKE pattern).
- ``IntegerField`` accepts any size, so ``2**70`` reached the database ("Python int too
  large to convert to SQLite INTEGER"). :class:`IdField` is bounded to the column's range
  and refuses booleans and non-integral numbers.

A guard test (tests/api/test_input_guards.py) walks every request and query serializer of the
API and fails on a writable string field that is not one of these or has no ``max_length``, an
integer without ``max_value``, or a list without ``max_length``.

Output-only serializers keep using DRF's fields: nothing is parsed there.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.forms.utils import from_current_timezone
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from core.converters import MAX_BIGINT, MAX_INT


class StrictStringMixin:
    """Refuse a value that is not already a string (no ``str()`` coercion)."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("not_a_string")
        return super().to_internal_value(data)


_NOT_A_STRING = {"not_a_string": _("Not a valid string.")}


class _Bounded:
    """``max_length`` is required: every text input has a limit."""

    def __init__(self, *args, **kwargs):
        if kwargs.get("max_length") is None and not kwargs.get("read_only"):
            raise TypeError(f"{type(self).__name__} needs max_length (every input has a limit).")
        super().__init__(*args, **kwargs)


class CharField(StrictStringMixin, _Bounded, serializers.CharField):
    default_error_messages = _NOT_A_STRING


class EmailField(StrictStringMixin, serializers.EmailField):
    """An email address; 254 characters at most (RFC 5321), like Django's ``EmailField``."""

    default_error_messages = _NOT_A_STRING

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 254)
        super().__init__(**kwargs)


class ChoiceField(StrictStringMixin, serializers.ChoiceField):
    """A choice among strings: ``1`` is not ``"1"``. Its length is bounded by its choices."""

    default_error_messages = _NOT_A_STRING


class ListField(serializers.ListField):
    """A JSON list (a string is not a list of its characters), ``max_length`` required; the
    child field checks each item (use one of this module's fields)."""

    def __init__(self, *args, **kwargs):
        if kwargs.get("max_length") is None and not kwargs.get("read_only"):
            raise TypeError("ListField needs max_length (every input has a limit).")
        super().__init__(*args, **kwargs)


class IntegerField(serializers.IntegerField):
    """A whole number: JSON ``true`` and ``1.5`` are refused (DRF takes ``true`` as 1 and
    ``1.0`` as 1); bounded by default to a 32-bit column, so no value overflows one. A string
    of digits is accepted: query strings and form posts are text."""

    default_error_messages = {"invalid": _("A valid integer is required.")}
    column_min = -MAX_INT - 1
    column_max = MAX_INT

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", self.column_min)
        kwargs.setdefault("max_value", self.column_max)
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        if isinstance(data, (bool, float)):
            self.fail("invalid")
        if isinstance(data, str):
            text = data.strip().removeprefix("-")
            if not text.isascii() or not text.isdigit() or len(text) > 20:
                self.fail("invalid")
        elif not isinstance(data, int):
            self.fail("invalid")
        return super().to_internal_value(data)


class IdField(IntegerField):
    """A row id in a body or a query string: a positive integer within the key column's
    range (``BigAutoField``), else a 400 that names the field; as strict as
    :class:`IntegerField`."""

    default_error_messages = {"invalid": _("A valid id is required.")}
    column_min = 1
    column_max = MAX_BIGINT


class PageIdField(IdField):
    """The id of a Wagtail page (a lesson, a course): a 32-bit ``integer`` on PostgreSQL."""

    column_max = MAX_INT


EARLIEST_DAY = date(1900, 1, 1)
LATEST_DAY = date(2999, 12, 31)
_DAY_RANGE = {"out_of_range": _("Give a date between {start} and {end}.")}


def _fail_out_of_range(field) -> None:
    field.fail("out_of_range", start=EARLIEST_DAY.isoformat(), end=LATEST_DAY.isoformat())


class DateField(serializers.DateField):
    """A calendar day from 1900 to 2999: a day near the calendar's ends overflows the
    arithmetic done on it (a module released 21 days after 9999-12-30) into a 500."""

    default_error_messages = _DAY_RANGE

    def to_internal_value(self, value):
        day = super().to_internal_value(value)
        if not EARLIEST_DAY <= day <= LATEST_DAY:
            _fail_out_of_range(self)
        return day


class ZonedDateTimeField(serializers.DateTimeField):
    """A date and time; one without an offset (``"2027-01-12T09:00"``) is read in the zone the
    view passes as ``context["zone"]`` (a cohort's), as the admin forms read a typed time, and
    one with an offset is that instant. A wall-clock time that does not exist or happens twice
    there (the DST change) is a 400, as in the admin (Django's ``from_current_timezone``)."""

    default_error_messages = _DAY_RANGE

    def default_timezone(self):
        return self.context.get("zone") or super().default_timezone()

    def to_internal_value(self, value):
        moment = super().to_internal_value(value)
        if not EARLIEST_DAY <= moment.date() <= LATEST_DAY:  # else UTC overflows on saving
            _fail_out_of_range(self)
        return moment

    def enforce_timezone(self, value):
        if settings.USE_TZ and timezone.is_naive(value):
            # Django's own reading of a typed time (what the admin forms do), in the zone.
            with timezone.override(self.default_timezone()):
                try:
                    value = from_current_timezone(value)
                except DjangoValidationError as error:
                    raise serializers.ValidationError(error.messages) from None
        return super().enforce_timezone(value)
