"""Forms for the cohorts admin (see ``admin_views/``, registered in ``wagtail_hooks.py``).

The edit form runs the same cross-row rules as the services (``cohort_check_capacity``,
``cohort_check_schedule``) on the cohort *as submitted*, so the admin refuses what the app
refuses, with the same message, before anything is written.
"""

from __future__ import annotations

import copy
import zoneinfo

from django import forms
from django.forms.models import construct_instance
from django.utils import timezone
from wagtail.admin.forms import WagtailAdminModelForm

from core.errors import ApplicationError
from core.time_zones import time_zone_names, zone_label, zone_or_none
from courses.models import ModulePage

from .models import Cohort, ModuleSchedule, Pace
from .selectors import cohorts_managed_by, facilitators_choosable
from .services.cohorts import KEEP_YOURSELF, cohort_check_capacity, cohort_check_schedule


def add_application_error(form: forms.BaseForm, error: ApplicationError) -> None:
    """Show a service's error on the form: on its field when the form has that field."""
    form.add_error(error.field if error.field in form.fields else None, error.message)


# --- times typed in the cohort's zone ----------------------------------------------------------


class CohortDateTimeField(forms.DateTimeField):
    """A date and time read and shown in a cohort's zone, whatever zone the admin runs in:
    "09:00" typed for a Los Angeles cohort is 09:00 in Los Angeles (17:00 UTC in winter), and
    the stored instant shows as 09:00 when the form opens again. A wall-clock time that does
    not exist or happens twice there (the DST change) is refused, as Django does."""

    def __init__(self, *, zone: zoneinfo.ZoneInfo, **kwargs):
        self.zone = zone
        super().__init__(**kwargs)

    def prepare_value(self, value):
        with timezone.override(self.zone):
            return super().prepare_value(value)

    def to_python(self, value):
        with timezone.override(self.zone):
            return super().to_python(value)


def zone_help(zone: zoneinfo.ZoneInfo | None) -> str:
    if zone is None:
        return "In the time zone of the cohort chosen above."
    return f"In the cohort's time zone: {zone_label(zone)}."


def read_times_in(form: forms.BaseForm, zone: zoneinfo.ZoneInfo | None) -> None:
    """Make every date-and-time field of ``form`` read and show times in ``zone`` and say so
    beside the field. With no zone known yet (a live session whose cohort is still to be
    chosen) the fields keep the active zone and say which cohort's zone will count."""
    for name, field in list(form.fields.items()):
        if not isinstance(field, forms.DateTimeField):
            continue
        help_text = " ".join(filter(None, [str(field.help_text or ""), zone_help(zone)]))
        if zone is None:
            field.help_text = help_text
            continue
        form.fields[name] = CohortDateTimeField(
            zone=zone,
            required=field.required,
            widget=field.widget,
            label=field.label,
            initial=field.initial,
            help_text=help_text,
            localize=field.localize,
            disabled=field.disabled,
            error_messages=field.error_messages,
        )


def _zoned_form_class(form_class, zone):
    """A subclass of an inline formset's form whose times are read in ``zone`` (the formset
    builds its forms, and its empty form, from this class)."""

    class Zoned(form_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            read_times_in(self, zone)

    Zoned.__name__ = Zoned.__qualname__ = f"Zoned{form_class.__name__}"
    return Zoned


class FacilitatorChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.public_name} ({obj.email})"


class CohortAdminForm(WagtailAdminModelForm):
    """A cohort with its module schedule and live sessions (inline formsets)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        self.zone = self._zone_as_submitted()
        if "time_zone" in self.fields:
            self._offer_time_zones()
        read_times_in(self, self.zone)
        for name in ("starts_on", "ends_on"):
            if name in self.fields:
                self.fields[name].help_text = "A day in the cohort's time zone."
        live_sessions = self.formsets.get("live_sessions")
        if live_sessions is not None:
            live_sessions.form = _zoned_form_class(live_sessions.form, self.zone)
        if "facilitators" in self.fields:
            self._limit_facilitator_choices(user)
        if "title" in self.fields:
            # Cohort.clean names a self-paced track after its course.
            self.fields["title"].required = False
            self.fields[
                "title"
            ].help_text = "A self-paced track is named after its course; leave this empty for one."

    def _zone_as_submitted(self) -> zoneinfo.ZoneInfo:
        """The zone the cohort's times are typed in: the one posted with them (a new cohort,
        or a zone changed in the same form), else the cohort's saved zone."""
        if self.is_bound and "time_zone" in self.fields:
            posted = zone_or_none(self.data.get(self.add_prefix("time_zone")))
            if posted is not None:
                return posted
        return zone_or_none(self.instance.time_zone) or timezone.get_default_timezone()

    def _offer_time_zones(self) -> None:
        field = self.fields["time_zone"]
        names = list(time_zone_names())
        if self.instance.time_zone and self.instance.time_zone not in names:
            names.insert(0, self.instance.time_zone)
        field.widget = forms.Select(choices=[(name, name.replace("_", " ")) for name in names])
        field.help_text = (
            "Dates, the enrollment window and live sessions are typed and stored in this zone."
        )

    def _limit_facilitator_choices(self, user) -> None:
        # Offer facilitators and staff, not every coach on the platform; keep whoever is
        # already on the cohort so saving never drops them for being "not a valid choice".
        old = self.fields["facilitators"]
        self.fields["facilitators"] = FacilitatorChoiceField(
            queryset=facilitators_choosable(by=user, cohort=self.instance).order_by(
                "display_name", "username"
            ),
            required=old.required,
            label=old.label,
            help_text="Facilitators see and manage this cohort, in the admin and on the site.",
            widget=forms.CheckboxSelectMultiple,
        )
        if self.instance.pk is None and user is not None and not user.is_superuser:
            self.initial.setdefault("facilitators", [user.pk])

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("pace") != Pace.SELF_PACED and not cleaned_data.get("title"):
            self.add_error("title", "A facilitated cohort needs a title.")
        user = self.for_user
        chosen = cleaned_data.get("facilitators")
        if user is not None and not user.is_superuser and chosen is not None and user not in chosen:
            self.add_error("facilitators", KEEP_YOURSELF)
        if self._errors:
            return cleaned_data  # the rules below need a whole, valid cohort

        cohort, schedules = self._submitted_cohort()
        if schedules is not None:
            self._check_modules_of_course(cohort, schedules)
        try:
            cohort_check_capacity(cohort=cohort)
            if schedules is not None:
                cohort_check_schedule(cohort=cohort)
        except ApplicationError as error:
            add_application_error(self, error)
        # Single-row rules (Cohort.clean, constraints) run next, in ModelForm._post_clean's
        # full_clean() of the instance, and show on their fields.
        return cleaned_data

    def _submitted_cohort(self) -> tuple[Cohort, list[ModuleSchedule] | None]:
        """An unsaved copy of the cohort with the submitted values and, when the schedule
        rows are valid, the submitted schedule in memory (``cohort.schedules`` then reads
        them instead of the database). The instance being edited is left untouched."""
        cohort = Cohort(
            **{f.attname: getattr(self.instance, f.attname) for f in Cohort._meta.concrete_fields}
        )
        construct_instance(self, cohort)
        formset = self.formsets.get("schedules")
        if formset is None or not formset.is_valid():
            return cohort, None
        schedules = [
            copy.copy(form.instance)
            for form in formset.forms
            if form.cleaned_data
            and not form.cleaned_data.get("DELETE")
            and (form.instance.pk or form.has_changed())
        ]
        cohort.schedules = schedules
        return cohort, schedules

    def _check_modules_of_course(self, cohort: Cohort, schedules: list[ModuleSchedule]) -> None:
        if not schedules or not cohort.course_id:
            return
        own = set(ModulePage.objects.child_of(cohort.course).values_list("pk", flat=True))
        for schedule in schedules:
            if schedule.module_id not in own:
                self.add_error(
                    None,
                    f"“{schedule.module.title}” is not a module of “{cohort.course.title}”.",
                )


class LiveSessionAdminForm(WagtailAdminModelForm):
    """A live session, in one of the cohorts the person manages."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "cohort" in self.fields:
            self.fields["cohort"].queryset = cohorts_managed_by(user=self.for_user)
        read_times_in(self, self._cohort_zone())

    def _cohort_zone(self) -> zoneinfo.ZoneInfo | None:
        """The zone of the cohort as submitted (one the person manages), else the saved one."""
        field = self.fields.get("cohort")
        if self.is_bound and field is not None:
            try:
                cohort = field.clean(self.data.get(self.add_prefix("cohort")))
            except forms.ValidationError:
                cohort = None
            if cohort is not None:
                return zone_or_none(cohort.time_zone)
        if self.instance.cohort_id:
            return zone_or_none(self.instance.cohort.time_zone)
        return None
