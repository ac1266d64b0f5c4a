"""The members page and its lazily fetched table."""

from __future__ import annotations

import datetime as dt

import pytest
from guikit import TIMEOUT_MS
from PySide6.QtCore import QModelIndex

from memberdesk.services.members import MemberRow
from memberdesk.widgets.member_table import PAGE_SIZE, MemberQuery, MemberTableModel
from memberdesk.widgets.tier_badge import TIER_ROLE, TierLook

pytestmark = pytest.mark.gui

JOINED = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)


def _rows(n: int) -> list[MemberRow]:
    return [
        MemberRow(i, f"member {i}", "138****0000", "gold", JOINED, 100, None)
        for i in range(1, n + 1)
    ]


def test_model_fetches_page_by_page(qapp):
    rows = _rows(PAGE_SIZE * 2 + 50)
    asked: list[tuple[int, int]] = []

    def fetch(query: MemberQuery, limit: int, offset: int) -> list[MemberRow]:
        asked.append((limit, offset))
        return rows[offset : offset + limit]

    model = MemberTableModel(
        fetch, lambda q: len(rows), {"gold": TierLook("Gold", "#D4A017")}
    )
    model.set_query(MemberQuery())
    assert model.rowCount() == PAGE_SIZE and model.total == len(rows)

    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())

    assert model.rowCount() == len(rows)
    assert asked == [(PAGE_SIZE, 0), (PAGE_SIZE, PAGE_SIZE), (PAGE_SIZE, 2 * PAGE_SIZE)]
    assert model.index(0, 2).data(TIER_ROLE) == TierLook("Gold", "#D4A017")


def test_search_box_and_tier_filter(qtbot, window, seeded):
    _station, summary = seeded
    page = window.page("members")
    window.show_page("members")
    assert page.model.total == summary.members

    with qtbot.waitSignal(page.searched, timeout=TIMEOUT_MS) as searched:
        page.search.setText(f"#{summary.diamond_member_ids[0]}")
    assert searched.args == [1]
    assert page.model.row_at(0).id == summary.diamond_member_ids[0]

    page.search.clear()
    with qtbot.waitSignal(page.searched, timeout=TIMEOUT_MS) as searched:
        page.tier.setCurrentIndex(page.tier.findData("diamond"))
    assert searched.args == [summary.tier_counts["diamond"]]
    assert {page.model.row_at(i).tier_code for i in range(page.model.rowCount())} == {
        "diamond"
    }
