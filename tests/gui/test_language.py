"""Translations: every reason and tier has Chinese words, and the .ts is done."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from memberdesk.console import words
from memberdesk.console.app import apply_language, remove_language
from memberdesk.resources import paths
from memberdesk.services.catalogue import TIER_ORDER
from memberdesk.services.reasons import WORDS, Reason

pytestmark = pytest.mark.gui


def test_every_reason_and_tier_reads_in_chinese(qapp):
    translators = apply_language(qapp, "zh_CN")
    try:
        assert translators, "the zh_CN translation did not load"
        for reason in Reason:
            assert words.reason_words(reason) != WORDS[reason], reason
        for code in TIER_ORDER:
            assert words.tier_name(code) != code.title(), code
    finally:
        remove_language(qapp, translators)
    assert words.reason_words(Reason.UID_MISMATCH) == WORDS[Reason.UID_MISMATCH]


def test_translation_source_has_nothing_unfinished():
    source = paths.translations_dir() / "memberdesk_zh_CN.ts"
    root = ET.parse(source).getroot()
    unfinished = [
        m.findtext("source")
        for m in root.iter("message")
        if m.find("translation").get("type") in ("unfinished", "vanished")
    ]
    assert unfinished == []
