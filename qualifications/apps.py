"""The minimum-qualifications app: paths, substitutions and definitions of a version."""

from django.apps import AppConfig


class QualificationsConfig(AppConfig):
    name = "qualifications"
    verbose_name = "Minimum qualifications"
