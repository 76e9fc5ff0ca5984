"""Forms for the cohorts admin (see ``admin_views/``, registered in ``wagtail_hooks.py``).

The edit form runs the same cross-row rules as the services (``cohort_check_capacity``,
``cohort_check_schedule``) on the cohort *as submitted*, so the admin refuses what the app
refuses, with the same message, before anything is written.
"""

from __future__ import annotations

import copy

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.forms.models import construct_instance
from wagtail.admin.forms import WagtailAdminModelForm

from accounts.models import Role
from cms.errors import ApplicationError
from courses.models import ModulePage

from .models import Cohort, ModuleSchedule, Pace
from .selectors import cohorts_managed_by
from .services.cohorts import cohort_check_capacity, cohort_check_schedule


def add_application_error(form: forms.BaseForm, error: ApplicationError) -> None:
    """Show a service's error on the form: on its field when the form has that field."""
    form.add_error(error.field if error.field in form.fields else None, error.message)


class FacilitatorChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.public_name} ({obj.email})"


class CohortAdminForm(WagtailAdminModelForm):
    """A cohort with its module schedule and live sessions (inline formsets)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if "facilitators" in self.fields:
            self._limit_facilitator_choices(user)
        if "title" in self.fields:
            # Cohort.clean names a self-paced track after its course.
            self.fields["title"].required = False
            self.fields[
                "title"
            ].help_text = "A self-paced track is named after its course; leave this empty for one."

    def _limit_facilitator_choices(self, user) -> None:
        # Offer facilitators and staff, not every coach on the platform; keep whoever is
        # already on the cohort so saving never drops them for being "not a valid choice".
        people = Q(role=Role.FACILITATOR) | Q(is_staff=True)
        if self.instance.pk:
            people |= Q(facilitated_cohorts=self.instance)
        if user is not None:
            people |= Q(pk=user.pk)
        old = self.fields["facilitators"]
        self.fields["facilitators"] = FacilitatorChoiceField(
            queryset=get_user_model()
            .objects.filter(people)
            .distinct()
            .order_by("display_name", "username"),
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
            self.add_error(
                "facilitators",
                "Keep yourself among the facilitators, or ask an administrator to hand this "
                "cohort over; otherwise you could no longer open it.",
            )
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
