from django.urls import include, path

app_name = "cohorts"

urlpatterns = [
    path("", include("cohorts.urls_calendar")),
]
