"""first schema

Revision ID: 0001
Revises:
Create Date: 2026-12-04 16:18:38.000067
"""

import sqlalchemy as sa
from alembic import op


revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "benefit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name_zh", sa.String(length=80), nullable=False),
        sa.Column("name_en", sa.String(length=120), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code"),
    )
    op.create_table(
        "event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("venue", sa.String(length=120), nullable=False),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("ends_at", sa.DateTime(), nullable=False),
        sa.Column("doors_open_at", sa.DateTime(), nullable=False),
        sa.Column("doors_close_at", sa.DateTime(), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=True),
        sa.Column("eligible_tiers", sa.String(length=60), nullable=False),
        sa.Column("registration_required", sa.Boolean(), nullable=False),
        sa.Column("reentry_allowed", sa.Boolean(), nullable=False),
        sa.Column("admitted", sa.Integer(), nullable=False),
        sa.Column("cancelled", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "setting",
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "signing_key",
        sa.Column("key_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("public_key", sa.LargeBinary(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("key_id"),
    )
    op.create_table(
        "staff",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("login", sa.String(length=40), nullable=False),
        sa.Column("display_name", sa.String(length=80), nullable=False),
        sa.Column("role", sa.String(length=12), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=True),
        sa.Column("disabled", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("login"),
    )
    op.create_table(
        "tier",
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.Column("name_zh", sa.String(length=40), nullable=False),
        sa.Column("name_en", sa.String(length=40), nullable=False),
        sa.Column("colour", sa.String(length=9), nullable=False),
        sa.Column("invitation_only", sa.Boolean(), nullable=False),
        sa.Column("min_spend_fen", sa.Integer(), nullable=False),
        sa.Column("min_activity", sa.Integer(), nullable=False),
        sa.Column("min_ugc", sa.Integer(), nullable=False),
        sa.Column("window_days", sa.Integer(), nullable=False),
        sa.Column("cost_per_member_fen", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("code"),
        sa.UniqueConstraint("rank"),
    )
    op.create_table(
        "audit_entry",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("station", sa.String(length=40), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.String(length=40), nullable=False),
        sa.Column("before", sa.Text(), nullable=False),
        sa.Column("after", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["staff_id"],
            ["staff.id"],
        ),
        sa.PrimaryKeyConstraint("seq"),
    )
    op.create_table(
        "member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("phone_tail", sa.String(length=4), nullable=False),
        sa.Column("tier_code", sa.String(length=20), nullable=False),
        sa.Column("joined_at", sa.DateTime(), nullable=False),
        sa.Column("tier_until", sa.DateTime(), nullable=True),
        sa.Column("spend_fen", sa.Integer(), nullable=False),
        sa.Column("activity", sa.Integer(), nullable=False),
        sa.Column("ugc", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tier_code"],
            ["tier.code"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_member_name"), ["name"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_member_phone_tail"), ["phone_tail"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_member_tier_code"), ["tier_code"], unique=False
        )

    op.create_table(
        "tier_benefit",
        sa.Column("tier_code", sa.String(length=20), nullable=False),
        sa.Column("benefit_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["benefit_id"],
            ["benefit.id"],
        ),
        sa.ForeignKeyConstraint(
            ["tier_code"],
            ["tier.code"],
        ),
        sa.PrimaryKeyConstraint("tier_code", "benefit_id"),
    )
    op.create_table(
        "tier_price",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tier_code", sa.String(length=20), nullable=False),
        sa.Column("period", sa.String(length=10), nullable=False),
        sa.Column("amount_fen", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tier_code"],
            ["tier.code"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("tier_code", "period"),
    )
    op.create_table(
        "card",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("card_number", sa.Integer(), nullable=False),
        sa.Column("issue_number", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("uid", sa.String(length=14), nullable=True),
        sa.Column("chip", sa.String(length=12), nullable=True),
        sa.Column("key_id", sa.Integer(), nullable=True),
        sa.Column("card_key_id", sa.Integer(), nullable=True),
        sa.Column("originality", sa.String(length=12), nullable=True),
        sa.Column("issued_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("encoded_at", sa.DateTime(), nullable=True),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["key_id"],
            ["signing_key.key_id"],
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["member.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("card_number", "issue_number"),
    )
    with op.batch_alter_table("card", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_card_card_number"), ["card_number"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_card_member_id"), ["member_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_card_uid"), ["uid"], unique=False)

    op.create_table(
        "registration",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["event.id"],
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["member.id"],
        ),
        sa.PrimaryKeyConstraint("event_id", "member_id"),
    )
    op.create_table(
        "card_journal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("card_id", sa.Integer(), nullable=False),
        sa.Column("step", sa.String(length=24), nullable=False),
        sa.Column("uid", sa.String(length=14), nullable=True),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["card_id"],
            ["card.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("card_journal", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_card_journal_card_id"), ["card_id"], unique=False
        )

    op.create_table(
        "checkin",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("card_id", sa.Integer(), nullable=True),
        sa.Column("station", sa.String(length=40), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("source", sa.String(length=8), nullable=False),
        sa.Column("direction", sa.String(length=8), nullable=False),
        sa.Column("verdict", sa.String(length=32), nullable=False),
        sa.Column("admitted", sa.Boolean(), nullable=False),
        sa.Column("first_entry", sa.Boolean(), nullable=False),
        sa.Column("annulled", sa.Boolean(), nullable=False),
        sa.Column("uid", sa.String(length=14), nullable=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("uploaded", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["card_id"],
            ["card.id"],
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["event.id"],
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["member.id"],
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"],
            ["staff.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("checkin", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_checkin_event_id"), ["event_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_checkin_member_id"), ["member_id"], unique=False
        )
        batch_op.create_index(
            "uq_checkin_first_entry",
            ["event_id", "member_id"],
            unique=True,
            sqlite_where=sa.text("first_entry AND NOT annulled"),
            postgresql_where=sa.text("first_entry AND NOT annulled"),
        )



def downgrade() -> None:
    with op.batch_alter_table("checkin", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_checkin_first_entry",
            sqlite_where=sa.text("first_entry AND NOT annulled"),
            postgresql_where=sa.text("first_entry AND NOT annulled"),
        )
        batch_op.drop_index(batch_op.f("ix_checkin_member_id"))
        batch_op.drop_index(batch_op.f("ix_checkin_event_id"))

    op.drop_table("checkin")
    with op.batch_alter_table("card_journal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_card_journal_card_id"))

    op.drop_table("card_journal")
    op.drop_table("registration")
    with op.batch_alter_table("card", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_card_uid"))
        batch_op.drop_index(batch_op.f("ix_card_member_id"))
        batch_op.drop_index(batch_op.f("ix_card_card_number"))

    op.drop_table("card")
    op.drop_table("tier_price")
    op.drop_table("tier_benefit")
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_member_tier_code"))
        batch_op.drop_index(batch_op.f("ix_member_phone_tail"))
        batch_op.drop_index(batch_op.f("ix_member_name"))

    op.drop_table("member")
    op.drop_table("audit_entry")
    op.drop_table("tier")
    op.drop_table("staff")
    op.drop_table("signing_key")
    op.drop_table("setting")
    op.drop_table("event")
    op.drop_table("benefit")
