"""A .docx's zip checked before any parser reads it: its sizes as declared and as counted, odd parts, and DTDs."""

import copy
import io
import posixpath
import zipfile

MAX_EXPANDED_BYTES = 40 * 1024 * 1024
MAX_PARTS = 2000
# Word's XML parts compress about 10:1 (its style sheets about 30:1); deflate reaches about 1000:1, which is what
# a zip bomb uses. Small parts are left alone: however well they compress, they cannot expand far.
MAX_RATIO = 100
RATIO_FLOOR_BYTES = 1024 * 1024
# A document type declaration lets an XML parser expand entities (the "billion laughs") or read other files and
# addresses (XXE). Word never writes one; these are its opening in the encodings an XML part may use.
DTD_MARKS = tuple(
    mark.encode(codec) for mark in ("<!DOCTYPE", "<!ENTITY") for codec in ("utf-8", "utf-16-le", "utf-16-be")
)
# An encrypted Word document is not a zip but an OLE compound file (as an old .doc is).
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
CONTENT_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"


class Unsafe(Exception):
    """The package is refused; the message says why, after the file's name."""


def check_package(data):
    """Raises Unsafe unless `data` is a Word package that python-docx may read without expanding past the limits."""
    if data.startswith(OLE_SIGNATURE):
        raise Unsafe("this is a password-protected Word document or an old .doc file; save it as an unprotected .docx.")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as error:
        raise Unsafe("not a Word document (.docx files are zip archives; this one is not).") from error
    with archive:
        parts = archive.infolist()
        _check_directory(parts)
        content_types = _content_types(archive)
        budget = MAX_EXPANDED_BYTES
        for part in parts:
            content = _expand(archive, part, budget)
            budget -= len(content)
            if content_types.get(part.filename, "").startswith("image/") and not part.filename.endswith(".rels"):
                continue  # python-docx keeps an image's bytes as they are: an SVG logo's DTD is never parsed
            if _declares_dtd(content):
                raise Unsafe(
                    f"its part {part.filename} holds a document type declaration (DTD), which Word never writes "
                    "and which can make an XML parser expand entities or read other files; not read."
                )
        _check_main_part(archive)


def _check_directory(parts):
    """What the zip's directory declares: the number of parts, their names, sizes, ratios and compression."""
    if len(parts) > MAX_PARTS:
        raise Unsafe(f"the Word document holds {len(parts):,} parts, over the limit of {MAX_PARTS:,}; not read.")
    if sum(part.file_size for part in parts) > MAX_EXPANDED_BYTES:
        raise Unsafe(f"the Word document expands past {MAX_EXPANDED_BYTES:,} bytes; not read.")
    names = [part.filename for part in parts]
    if len(set(names)) < len(names):
        repeated = next(name for name in names if names.count(name) > 1)
        raise Unsafe(f"the Word document holds two parts named {repeated}, so which one is read is unclear; not read.")
    for part in parts:
        if part.filename.startswith("/") or ".." in part.filename.split("/"):
            raise Unsafe(f"the Word document holds a part named {part.filename}, outside the package; not read.")
        if part.flag_bits & 0x1:
            raise Unsafe(f"its part {part.filename} is encrypted; save the document again without a password.")
        if part.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise Unsafe(f"its part {part.filename} is compressed in a way Word never uses; not read.")
        _check_ratio(part, part.file_size)


def _check_ratio(part, expanded):
    if expanded > RATIO_FLOOR_BYTES and expanded > MAX_RATIO * max(part.compress_size, 1):
        raise Unsafe(
            f"its part {part.filename} expands {expanded // max(part.compress_size, 1):,} times over, "
            f"as a zip bomb does (a Word document's parts expand at most about {MAX_RATIO} times); not read."
        )


def _expand(archive, part, budget):
    """The part's bytes, counted as they are decompressed, whatever size the directory declares."""
    counted = copy.copy(part)
    counted.file_size = budget + 1  # zipfile stops at the declared size: declare enough to notice a lie
    try:
        with archive.open(counted) as stream:
            content = stream.read(budget + 1)
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError, RuntimeError) as error:
        raise Unsafe(f"the Word document is damaged and cannot be read ({error}).") from error
    if len(content) > budget:
        raise Unsafe(f"the Word document expands past {MAX_EXPANDED_BYTES:,} bytes; not read.")
    if len(content) != part.file_size:
        raise Unsafe(
            f"its part {part.filename} declares {part.file_size:,} bytes but holds {len(content):,}: "
            "a crafted file, not a Word document; not read."
        )
    _check_ratio(part, len(content))
    return content


def _declares_dtd(content):
    if any(mark in content for mark in DTD_MARKS):
        return True
    # Any other encoding libxml2 reads (UTF-7, UTF-32, ...): ask the parser itself, stopping at the first element.
    probe = _xml_pull_parser()
    try:
        for start in range(0, len(content), 64 * 1024):
            probe.feed(content[start : start + 64 * 1024])
            for _event, element in probe.read_events():
                return bool(element.getroottree().docinfo.doctype)
    except Exception:  # not XML at all (an embedded object): python-docx never parses it either
        return False
    return False


def _content_types(archive):
    """Each part's content type, as python-docx will read it from [Content_Types].xml (checked for a DTD first)."""
    try:
        source = archive.read("[Content_Types].xml")
    except KeyError:
        raise Unsafe("is a zip archive but not a Word document (it has no [Content_Types].xml).") from None
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError, RuntimeError) as error:
        raise Unsafe(f"the Word document is damaged and cannot be read ({error}).") from error
    if _declares_dtd(source):
        raise Unsafe(
            "its part [Content_Types].xml holds a document type declaration (DTD), which Word never writes; not read."
        )
    root = _parse(source)
    defaults = {
        item.get("Extension", "").lower(): item.get("ContentType", "") for item in root.iter(f"{CONTENT_TYPES}Default")
    }
    overrides = {
        item.get("PartName", "").lstrip("/"): item.get("ContentType", "")
        for item in root.iter(f"{CONTENT_TYPES}Override")
    }
    return {
        name: overrides.get(name, defaults.get(posixpath.splitext(name)[1].lstrip(".").lower(), ""))
        for name in archive.namelist()
    }


def _check_main_part(archive):
    """The package's relationships name its main part (word/document.xml, or word/document2.xml from Word Online)."""
    try:
        relationships = _parse(archive.read("_rels/.rels"))
    except KeyError:
        relationships = None
    targets = [
        posixpath.normpath(item.get("Target", "").lstrip("/"))
        for item in (relationships.iter(RELATIONSHIPS) if relationships is not None else [])
        if item.get("Type", "").endswith("/officeDocument")
    ]
    if not targets or targets[0] not in archive.namelist():
        raise Unsafe("is a zip archive but not a Word document (it has no main part such as word/document.xml).")


def _xml_pull_parser():
    from lxml import etree

    return etree.XMLPullParser(
        events=("start",), resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False
    )


def _parse(source):
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False)
    try:
        return etree.fromstring(source, parser)
    except etree.XMLSyntaxError as error:
        raise Unsafe(f"the Word document is damaged and cannot be read ({error}).") from error
