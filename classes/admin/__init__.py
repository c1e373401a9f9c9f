"""The admin of HR analysts and commission staff.

Only a draft's text can be edited; everything else (proposing, returning, adopting, abolishing,
reviewing) is a step of `classes.workflow`, reached by the buttons on each page. The roles and their
permissions are made by migration classes/0005_roles.
"""

from . import catalogue, meetings, occupations, versions

__all__ = ["catalogue", "meetings", "occupations", "versions"]
