"""A substitution printed inside a path belongs to that path: the import records it, a revision keeps it to its own
copy of the path, and the admin offers only the version's own paths for it."""

import datetime
import re

from classes import workflow
from classes.importing import ImportedFile, import_documents
from classes.models import Jurisdiction, Version
from tests.importer.documents import CALHR_LIKE, NEW_YORK_STANDARD


def imported(text, jurisdiction, name="spec.txt"):
    data = text.encode()
    report = import_documents([ImportedFile(name, len(data), lambda: data)], jurisdiction=jurisdiction)[0]
    assert report.status == "imported", report.error
    return Version.objects.get(job_class__jurisdiction=jurisdiction, title=report.drafts[0].title)


def test_the_import_ties_a_rule_printed_in_a_path_to_that_path(jurisdiction):
    version = imported(CALHR_LIKE, jurisdiction)

    (rule,) = version.substitutions.all()
    assert rule.path == version.paths.get(label="II")
    assert rule.text.startswith("(A master's degree in chemistry may be substituted")


def test_a_revision_ties_the_copied_rule_to_the_copied_path(jurisdiction, analyst):
    version = imported(CALHR_LIKE, jurisdiction)
    Version.objects.filter(pk=version.pk).update(status="adopted", adopted_on=datetime.date(2020, 1, 6))

    draft = workflow.start_revision(version.job_class, by=analyst)

    (rule,) = draft.substitutions.all()
    assert rule.path == draft.paths.get(label="II") and rule.path.version == draft


def test_the_admin_offers_only_the_version_s_own_paths_for_a_rule(admin_client, jurisdiction):
    version = imported(CALHR_LIKE, jurisdiction)
    elsewhere = Jurisdiction.objects.create(name="Other County", slug="other-county")
    imported(NEW_YORK_STANDARD, elsewhere)

    page = admin_client.get(f"/admin/classes/version/{version.pk}/change/").content.decode()

    select = re.search(r'<select name="substitutions-0-path".*?</select>', page, re.DOTALL).group(0)
    offered = {int(value) for value in re.findall(r'<option value="(\d+)"', select)}
    assert offered == set(version.paths.values_list("pk", flat=True))
