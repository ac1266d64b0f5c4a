"""door: event rules and caps, registrations, check-in sequence, member QR codes

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-18 10:00:00.000000
"""

import datetime as dt
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from alembic import op


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

# Frozen here on purpose: a migration must not follow later changes in the code.
_PROGRAMME_ZONE = ZoneInfo("Asia/Shanghai")
_PENDING = sa.text("NOT uploaded")


def upgrade() -> None:
    # Plain-string server defaults throughout: on SQLite a SQL expression as
    # default makes batch mode rebuild the table (see 0002).
    with op.batch_alter_table('event', schema=None) as batch_op:
        # A copied event has no door window until one is set.
        batch_op.alter_column(
            'doors_open_at', existing_type=sa.DateTime(), nullable=True
        )
        batch_op.alter_column(
            'doors_close_at', existing_type=sa.DateTime(), nullable=True
        )
        batch_op.add_column(sa.Column('member_yearly_cap', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('kind_yearly_cap', sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column('inside', sa.Integer(), server_default='0', nullable=False)
        )
        batch_op.add_column(sa.Column('copied_from', sa.Integer(), nullable=True))

    with op.batch_alter_table('registration', schema=None) as batch_op:
        batch_op.add_column(sa.Column('note', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('source', sa.String(length=12), nullable=True))
        batch_op.add_column(sa.Column('registered_at', sa.DateTime(), nullable=True))

    with op.batch_alter_table('checkin', schema=None) as batch_op:
        batch_op.add_column(sa.Column('seq', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('qr_serial', sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column('override_of', sa.String(length=36), nullable=True)
        )
        batch_op.add_column(
            sa.Column('override_reason', sa.String(length=200), nullable=True)
        )
        batch_op.add_column(sa.Column('annulled_at', sa.DateTime(), nullable=True))
        batch_op.add_column(
            sa.Column('annul_reason', sa.String(length=200), nullable=True)
        )
        batch_op.add_column(
            sa.Column('flagged', sa.Boolean(), server_default='0', nullable=False)
        )
        batch_op.create_index(
            'ix_checkin_event_member', ['event_id', 'member_id'], unique=False
        )
        batch_op.create_index('uq_checkin_station_seq', ['station', 'seq'], unique=True)
        batch_op.create_index('uq_checkin_override_of', ['override_of'], unique=True)
        batch_op.create_index(
            'ix_checkin_pending',
            ['station'],
            unique=False,
            sqlite_where=_PENDING,
            postgresql_where=_PENDING,
        )

    op.create_table(
        'yearly_tally',
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.Column('year', sa.Integer(), nullable=False),
        sa.Column('member_id', sa.Integer(), nullable=False),
        sa.Column('count', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('kind', 'year', 'member_id'),
    )
    op.create_table(
        'member_qr',
        sa.Column('serial', sa.Integer(), nullable=False),
        sa.Column('member_id', sa.Integer(), nullable=False),
        sa.Column('key_id', sa.Integer(), nullable=False),
        sa.Column('card_number', sa.Integer(), nullable=True),
        sa.Column('issue_number', sa.Integer(), nullable=True),
        sa.Column('issued_at', sa.DateTime(), nullable=False),
        sa.Column('expires_at', sa.DateTime(), nullable=False),
        sa.Column('revoked_at', sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(['member_id'], ['member.id']),
        sa.PrimaryKeyConstraint('serial'),
    )
    with op.batch_alter_table('member_qr', schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f('ix_member_qr_member_id'), ['member_id'], unique=False
        )

    _count_past_entries()


def _count_past_entries() -> None:
    """Fill the yearly tallies from the live first entries already recorded."""
    bind = op.get_bind()
    rows = bind.execute(
        sa.text(
            "SELECT e.kind, e.starts_at, c.member_id FROM checkin c "
            "JOIN event e ON e.id = c.event_id "
            "WHERE c.first_entry AND NOT c.annulled AND c.member_id IS NOT NULL"
        )
    ).all()
    tallies: dict[tuple[str, int, int], int] = {}
    for kind, starts_at, member_id in rows:
        if isinstance(starts_at, str):  # SQLite hands back text here
            starts_at = dt.datetime.fromisoformat(starts_at)
        year = starts_at.replace(tzinfo=dt.UTC).astimezone(_PROGRAMME_ZONE).year
        for who in (member_id, 0):
            tallies[kind, year, who] = tallies.get((kind, year, who), 0) + 1
    if tallies:
        table = sa.table(
            'yearly_tally',
            sa.column('kind'),
            sa.column('year'),
            sa.column('member_id'),
            sa.column('count'),
        )
        op.bulk_insert(
            table,
            [
                {'kind': k, 'year': y, 'member_id': m, 'count': n}
                for (k, y, m), n in tallies.items()
            ],
        )
    # Everyone admitted before this revision is counted inside: exits were
    # not recorded until now.
    bind.execute(
        sa.text(
            "UPDATE event SET inside = admitted"
        )
    )


def downgrade() -> None:
    with op.batch_alter_table('member_qr', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_member_qr_member_id'))
    op.drop_table('member_qr')
    op.drop_table('yearly_tally')

    with op.batch_alter_table('checkin', schema=None) as batch_op:
        batch_op.drop_index(
            'ix_checkin_pending', sqlite_where=_PENDING, postgresql_where=_PENDING
        )
        batch_op.drop_index('uq_checkin_override_of')
        batch_op.drop_index('uq_checkin_station_seq')
        batch_op.drop_index('ix_checkin_event_member')
        batch_op.drop_column('flagged')
        batch_op.drop_column('annul_reason')
        batch_op.drop_column('annulled_at')
        batch_op.drop_column('override_reason')
        batch_op.drop_column('override_of')
        batch_op.drop_column('qr_serial')
        batch_op.drop_column('seq')

    with op.batch_alter_table('registration', schema=None) as batch_op:
        batch_op.drop_column('registered_at')
        batch_op.drop_column('source')
        batch_op.drop_column('note')

    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.drop_column('copied_from')
        batch_op.drop_column('inside')
        batch_op.drop_column('kind_yearly_cap')
        batch_op.drop_column('member_yearly_cap')
        batch_op.alter_column(
            'doors_close_at', existing_type=sa.DateTime(), nullable=False
        )
        batch_op.alter_column(
            'doors_open_at', existing_type=sa.DateTime(), nullable=False
        )
