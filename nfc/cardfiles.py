"""Virtual card files: converting between Proxmark3 `mfu` JSON and Flipper `.nfc`."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from memberdesk.nfc.sim import _flipper, _pm3
from memberdesk.nfc.sim.image import (
    FLIPPER,
    FLIPPER_TYPES,
    PM3_JSON,
    ChipImage,
    ImageFormatError,
    load_image,
    save_image,
)

log = logging.getLogger(__name__)


def format_for(path: str | os.PathLike[str]) -> str:
    """The file format a name asks for: `.nfc` is Flipper, `.json` Proxmark3."""
    suffix = Path(path).suffix.lower()
    if suffix == ".nfc":
        return FLIPPER
    if suffix == ".json":
        return PM3_JSON
    raise ImageFormatError(
        f"{Path(path).name}: unknown card file kind (use .json for Proxmark3 "
        "or .nfc for Flipper Zero)"
    )


def converted(image: ChipImage, fmt: str, flipper_version: int = 4) -> ChipImage:
    """The same chip, to be written in `fmt`; a format change takes its layout."""
    if fmt == image.fmt:
        return image
    if fmt == FLIPPER:
        if not image.chip_name:
            # A Flipper file names its chip type; the page count tells it.
            by_pages = {count: name for name, count in FLIPPER_TYPES.items()}
            image.chip_name = by_pages.get(image.page_count, "")
        if not image.chip_name:
            raise ImageFormatError(
                f"a chip of {image.page_count} pages has no Flipper type"
            )
        image.header = _flipper.default_header(flipper_version)
        image.fmt_version = flipper_version
    else:
        image.header = _pm3.default_header()
        image.fmt_version = 0
    image.fmt = fmt
    return image


def convert(
    source: str | os.PathLike[str],
    target: str | os.PathLike[str],
    flipper_version: int = 4,
) -> ChipImage:
    """Read one card file and write it in the format `target`'s name asks for."""
    image = load_image(source)
    if not image.chip_name:
        log.warning(
            "%s holds an unknown chip; converting its pages as they are", source
        )
    out = converted(image, format_for(target), flipper_version)
    save_image(out, target)
    return out
