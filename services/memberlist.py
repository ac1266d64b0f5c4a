"""Member lists imported for a card batch: plain text or CSV of member ids."""

from __future__ import annotations

import csv
import io
import logging
import re
from collections.abc import Iterable

log = logging.getLogger(__name__)


class MemberListError(ValueError):
    """A line of the list is not a member id; `reason` is a stable code."""

    reason = "bad_member_list"


def parse_member_list(text: str) -> list[int]:
    """Member ids from an import: plain text (ids and #ids) or CSV.

    A CSV with a header takes its `member_id` or `id` column; any other text
    is split on commas, semicolons and white space. A bad entry raises
    MemberListError naming its line.
    """
    lines = text.lstrip("\ufeff").splitlines()
    first = lines[0].lower() if lines else ""
    if "member_id" in first or re.match(r"^\s*id\s*[,;\t]", first):
        rows = list(csv.DictReader(io.StringIO("\n".join(lines))))
        column = "member_id" if "member_id" in first else "id"
        column = next((c for c in rows[0] if c and c.strip().lower() == column), "")
        cells = ((n + 2, (r.get(column) or "").strip()) for n, r in enumerate(rows))
        return _ids(cells)
    pieces = (
        (n + 1, piece)
        for n, line in enumerate(lines)
        if not line.lstrip().startswith("#!")
        for piece in re.split(r"[\s,;]+", line.split("//")[0])
        if piece
    )
    return _ids(pieces)


def _ids(pieces: Iterable[tuple[int, str]]) -> list[int]:
    out: list[int] = []
    for line, piece in pieces:
        value = piece.lstrip("#")
        if not value.isdigit():
            raise MemberListError(f"line {line}: {piece!r} is not a member id")
        if int(value) not in out:
            out.append(int(value))
    return out
