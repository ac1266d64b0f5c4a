"""A damaged station database is named at start, with the way to recover."""

from __future__ import annotations

import pytest

from memberdesk.console import app as console_app

pytestmark = pytest.mark.gui


def test_damaged_database_is_not_opened(qapp, tmp_path, monkeypatch):
    db = tmp_path / "station.db"
    db.write_bytes(b"this was a database once" * 200)
    journal = tmp_path / "station.db.desk-1.checkins.jsonl"
    journal.write_text("")
    shown: list[str] = []
    monkeypatch.setattr(
        console_app.QMessageBox,
        "critical",
        lambda _parent, _title, text: shown.append(text),
    )

    code = console_app.run(f"sqlite:///{db}", "sim", "en")

    assert code == console_app.EXIT_FAILED
    assert len(shown) == 1
    text = shown[0]
    assert "is damaged" in text
    assert f"memberdesk recover --from sqlite:///{db}" in text
    assert f"--journal {journal}" in text
    # Nothing was opened or created beside it.
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([journal.name, db.name])
