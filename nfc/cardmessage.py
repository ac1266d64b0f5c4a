"""The NDEF message of a member card: written by the encoder, read at the door.

Record 1 is the web link (iPhones read in the background only when the first
record is a URI); record 2 is the external-type member record whose bytes are
services.cardformat's signed payload. ndeflib lives on this side of the line:
services deal in the signed payload only.
"""

from __future__ import annotations

import ndef

from memberdesk.services.cardformat import (
    DEFAULT_CARD_HOST,
    DEFAULT_DOMAIN,
    CardFormatError,
    SignedCard,
    card_link,
    parse_record,
    record_data,
    record_types,
)


def encode_message(
    card: SignedCard,
    card_host: str = DEFAULT_CARD_HOST,
    domain: str = DEFAULT_DOMAIN,
    compact: bool = False,
) -> bytes:
    """The NDEF message bytes for the card, URI record first."""
    standard, short = record_types(domain)
    uri = ndef.UriRecord(card_link(card.payload.card_number, card_host, compact))
    ext = ndef.Record(short if compact else standard, "", record_data(card))
    return b"".join(ndef.message_encoder([uri, ext]))


def decode_message(octets: bytes, domain: str = DEFAULT_DOMAIN) -> SignedCard:
    """Parse a card's NDEF message; CardFormatError with a reason otherwise."""
    if not octets:
        raise CardFormatError("blank_card", "the card holds no message (blank card)")
    try:
        records = list(ndef.message_decoder(octets, errors="strict"))
    except ndef.DecodeError as exc:
        raise CardFormatError(
            "not_member_card", f"the card's message is damaged: {exc}"
        ) from exc

    wanted = record_types(domain)
    ours = [r for r in records if r.type in wanted]
    if not ours:
        kinds = ", ".join(_describe(r) for r in records) or "nothing"
        raise CardFormatError("not_member_card", f"not a member card: it holds {kinds}")
    return parse_record(bytes(ours[0].data))


def decoder(domain: str = DEFAULT_DOMAIN):  # noqa: ANN201 - a Door's `decode`
    """`decode_message` bound to a programme's domain, for the door."""

    def decode(octets: bytes) -> SignedCard:
        return decode_message(octets, domain)

    return decode


def _describe(record: ndef.Record) -> str:
    if isinstance(record, ndef.UriRecord):
        return f"a web link ({record.iri})"
    if isinstance(record, ndef.TextRecord):
        return "a text note"
    return f"a record of type {record.type}"
