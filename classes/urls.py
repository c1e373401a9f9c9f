"""Public routes of the catalogue."""

from django.urls import path

from . import views

app_name = "classes"

urlpatterns = [
    path("", views.class_list, name="list"),
    path("<slug:jurisdiction_slug>/<slug:class_slug>/", views.class_detail, name="detail"),
]
