"""A meeting's adoption packet, addressed by jurisdiction and date: every text it adopted, as adopted. Public texts
only; the agenda packet, which holds proposed texts, is the admin's (classes/admin/meetings.py)."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from .. import packets, pdf
from ..models import Jurisdiction
from . import bad_request, day_of
from .documents import pdf_response

BAD_DATE = "A packet's address names a date as YYYY-MM-DD, e.g. /packets/cayuga-county/2005-07-13/pdf/."


def adoption_packet_pdf(request, jurisdiction_slug, date):
    day = day_of(date)
    if day is None:
        return bad_request(request, BAD_DATE)
    jurisdiction = get_object_or_404(Jurisdiction, slug=jurisdiction_slug)
    packet = packets.adoption_packet(jurisdiction, day)
    if packet is None:
        raise Http404(f"No public specification of {jurisdiction} was adopted on that date.")
    return pdf_response(pdf.adoption_packet_pdf(packet), f"packet-{jurisdiction.slug}-{day.isoformat()}.pdf")
