"""Tagged PDFs (PDF/UA-1) of adopted texts, rendered by WeasyPrint from the print templates.

The functions depend only on their arguments and the files on disk, so a later change can cache
their output: an adopted text never changes.
"""

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

# Relative addresses in the templates resolve against this origin; nothing is fetched from it.
BASE_URL = "https://civilspec.invalid/"


class StaticFilesOnly(URLFetcher):
    """Reads the portal's own static files from disk and refuses any other address, so rendering
    never touches the network, and fails rather than print a document without its stylesheet."""

    def __init__(self):
        super().__init__(fail_on_errors=True)

    def fetch(self, url, headers=None):
        prefix = urljoin(BASE_URL, settings.STATIC_URL)
        if not url.startswith(prefix):
            raise ValueError(f"Only the portal's static files are read, not {url}")
        name = unquote(urlsplit(url).path.removeprefix(urlsplit(prefix).path))
        # Collected (fingerprinted) names in production; the source folders where nothing is collected.
        found = staticfiles_storage.path(name) if staticfiles_storage.exists(name) else finders.find(name)
        if not found:
            raise ValueError(f"No static file {name}")
        content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, Path(found).read_bytes(), {"Content-Type": content_type})


def html_to_pdf(html):
    """PDF bytes of an HTML document whose <title> and <html lang> become the PDF's title and language."""
    try:
        return HTML(string=html, base_url=BASE_URL, url_fetcher=StaticFilesOnly()).write_pdf(pdf_variant="pdf/ua-1")
    except FatalURLFetchingError as error:
        # WeasyPrint raises this as a BaseException, which would escape Django's 500 handling.
        raise RuntimeError(str(error)) from error


def version_pdf(version):
    """One version, as its print page shows it. `version` comes from `Version.objects.for_display()`."""
    return html_to_pdf(render_to_string("classes/version_print.html", {"version": version}))


def packet_pdf(date, versions):
    """A meeting's packet: a contents page, then each version adopted on `date` from a new page."""
    return html_to_pdf(render_to_string("classes/packet.html", {"date": date, "versions": versions}))


def adoption_packet_pdf(packet):
    """A meeting's adoption packet (classes.packets.Packet): a cover naming the commission, the meeting and the
    resolution, the contents, then each text as adopted from a new page."""
    return html_to_pdf(render_to_string("packets/adoption.html", {"packet": packet}))


def agenda_packet_pdf(packet):
    """A meeting's agenda packet: its cover, then each proposed text, each after its comparison to the text in force."""
    return html_to_pdf(render_to_string("packets/agenda.html", {"packet": packet}))
