"""Filters that say a report's facts in plain words: a name as a reader would say it, a value as a sentence or list
rather than as Python prints it."""

import datetime

from django import template
from django.utils.text import capfirst

from classes import structure

register = template.Library()

# Where the words a reader uses differ from the name spelled out.
NAMES = {
    "ksas": "knowledges, skills and abilities",
    "counts": "items of each part",
    "title_line": "title read from line",
    "debris_lines_removed": "page debris removed (lines)",
    "header_lines_not_stored": "header lines not stored",
    "department_read_from": "department read from",
}


def part_names():
    return {part.name: str(part.model._meta.verbose_name_plural) for part in structure.PARTS}


@register.filter
def plain_name(name):
    """`debris_lines_removed` as “Page debris removed (lines)”; a part's name as its rows are called."""
    name = str(name)
    said = NAMES.get(name) or part_names().get(name) or name.replace("_", " ")
    return capfirst(said)


@register.filter
def plain_value(value):
    """A value as words: yes or no, a date as a date, a list one item per line, a mapping as “name: value” lines."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if value is None or value == "":
        return "none"
    if isinstance(value, datetime.date):
        return f"{value:%B} {value.day}, {value.year}"
    if isinstance(value, dict):
        return "\n".join(f"{plain_name(key)}: {plain_value(item)}" for key, item in value.items())
    if isinstance(value, list | tuple | set):
        return "\n".join(plain_value(item) for item in value) or "none"
    return str(value)
