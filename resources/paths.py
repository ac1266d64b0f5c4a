"""Where the packaged resources are: icons, the style sheet, translations.

Files are found through importlib.resources, so the same calls work from a
source checkout, an editable install and an installed wheel.
"""

from __future__ import annotations

import logging
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

log = logging.getLogger(__name__)

PACKAGE = "memberdesk.resources"
TRANSLATION_PREFIX = "memberdesk"


def resource(*parts: str) -> Traversable:
    """A packaged file or folder, e.g. ``resource("icons", "door.svg")``."""
    node = files(PACKAGE)
    for part in parts:
        node = node.joinpath(part)
    return node


def icon_path(name: str) -> str:
    """The file path of ``icons/<name>.svg`` (Qt loads icons from paths)."""
    return str(resource("icons", f"{name}.svg"))


def style_sheet() -> str:
    """The console's Qt style sheet, or nothing when it is missing."""
    node = resource("style.qss")
    try:
        return node.read_text(encoding="utf-8")
    except FileNotFoundError:
        log.warning("style sheet missing from the package")
        return ""


def translations_dir() -> Path:
    """The folder holding the compiled ``.qm`` translations."""
    return Path(str(resource("i18n")))


def translation_file(lang: str) -> Path | None:
    """The compiled translation for ``lang`` (``zh_CN``), if it ships."""
    path = translations_dir() / f"{TRANSLATION_PREFIX}_{lang}.qm"
    return path if path.is_file() else None
