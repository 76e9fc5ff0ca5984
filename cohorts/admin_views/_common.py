"""What every cohorts admin viewset shares: object views limited to the viewset's queryset
for the user, and service errors shown on the form."""

from __future__ import annotations

from django.contrib.admin.utils import unquote
from django.shortcuts import get_object_or_404
from wagtail.snippets.views.snippets import (
    CopyView,
    DeleteView,
    EditView,
    HistoryView,
    SnippetViewSet,
    UsageView,
)

from core.errors import ApplicationError

from ..admin_forms import add_application_error


class ScopedObjectMixin:
    """Fetch the object from the viewset's queryset for this user, not the default manager,
    so an object outside it is a 404 (the generic views would otherwise open any pk)."""

    scoped_queryset = None  # the viewset's get_queryset(request), set by the viewset

    def get_queryset(self):  # SingleObjectMixin: edit and delete views
        return self.scoped_queryset(self.request)

    def get_base_object_queryset(self):  # BaseObjectMixin: history and usage views
        return self.scoped_queryset(self.request)


class ApplicationErrorMixin:
    """A service rule broken while saving rolls the save back (the generic views save inside
    ``transaction.atomic``) and shows on the form instead of failing the request."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ApplicationError as error:
            if self.object is None:  # a create that was rolled back: the row does not exist
                form.instance.pk = None
                form.instance._state.adding = True
            add_application_error(form, error)
            self.produced_error_code = "validation_error"
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)


class ScopedEditView(ScopedObjectMixin, EditView):
    pass


class ScopedDeleteView(ScopedObjectMixin, DeleteView):
    pass


class ScopedHistoryView(ScopedObjectMixin, HistoryView):
    pass


class ScopedUsageView(ScopedObjectMixin, UsageView):
    pass


class ScopedCopyView(ScopedObjectMixin, CopyView):
    def get_object(self, queryset=None):
        return get_object_or_404(
            self.scoped_queryset(self.request), pk=unquote(str(self.kwargs[self.pk_url_kwarg]))
        )


class ScopedSnippetViewSet(SnippetViewSet):
    """A snippet viewset whose every object view is limited to ``get_queryset(request)``."""

    pk_path_converter = "id"  # bounded (core/converters.py): a huge id is a 404

    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView
    copy_view_class = ScopedCopyView

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(scoped_queryset=self.get_queryset, **kwargs)

    def get_queryset(self, request):
        raise NotImplementedError
