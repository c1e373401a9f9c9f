"""A class page's schema.org `Occupation`, which search engines and job boards read: what the work is called in
O*NET, its duties, skills, and the education and experience each path of its minimum qualifications asks.

It is served as a JSON-LD data block (`<script type="application/ld+json">`): browsers never run a data block, so
the Content Security Policy, which admits scripts from our static files only, has nothing to block."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe

from . import structure
from .vocabulary import KSAKind, PathKind

ONET_SOC = {"@type": "CategoryCodeSet", "name": "O*NET-SOC 2019", "url": "https://www.onetcenter.org/taxonomy.html"}
# The characters that could end the data block or open markup inside it, written as JSON escapes instead.
ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def occupation(version, url):
    """The schema.org Occupation of a public version, as a dict; `url` is the class page's absolute address."""
    paths = [path for path in version.paths.all() if path.kind == PathKind.OPEN_COMPETITIVE] or list(
        version.paths.all()
    )
    data = {
        "@context": "https://schema.org",
        "@type": "Occupation",
        "name": version.title,
        "url": url,
        "description": version.general_statement or version.distinguishing_features,
        "occupationLocation": {"@type": "AdministrativeArea", "name": version.job_class.jurisdiction.name},
        "responsibilities": structure.DUTIES.lines(version.duties.all()),
        "skills": [
            *structure.KSAS.lines(ksa for ksa in version.ksas.all() if ksa.kind != KSAKind.PERSONAL_CHARACTERISTIC),
            *structure.COMPETENCIES.lines(version.competencies.all()),
        ],
        "educationRequirements": [
            {
                "@type": "EducationalOccupationalCredential",
                "credentialCategory": path.get_education_level_display(),
                "description": structure.PATHS.line(path),
            }
            for path in paths
            if path.education_level
        ],
        "experienceRequirements": [
            {
                "@type": "OccupationalExperienceRequirements",
                "monthsOfExperience": int(path.experience_years * 12),
                "description": structure.PATHS.line(path),
            }
            for path in paths
            if path.experience_years
        ],
    }
    if version.occupation_id:
        data["occupationalCategory"] = {
            "@type": "CategoryCode",
            "codeValue": version.occupation.code,
            "name": version.occupation.title,
            "inCodeSet": ONET_SOC,
        }
    return data


def script(data):
    """The JSON-LD of a dict, safe to print inside a `<script type="application/ld+json">` element."""
    return mark_safe(json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(ESCAPES))
