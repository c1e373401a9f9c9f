"""The catalogue app: jurisdictions, job classes and the versions of their specifications."""

from django.apps import AppConfig


class ClassesConfig(AppConfig):
    name = "classes"
    verbose_name = "Class specifications"
