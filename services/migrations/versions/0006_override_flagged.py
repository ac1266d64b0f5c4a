"""one live override per refusal: a flagged second one may exist

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04 19:40:00.000000
"""

import sqlalchemy as sa
from alembic import op


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

_LIVE = sa.text("NOT flagged")


def upgrade() -> None:
    with op.batch_alter_table('checkin', schema=None) as batch_op:
        batch_op.drop_index('uq_checkin_override_of')
        batch_op.create_index(
            'uq_checkin_override_of',
            ['override_of'],
            unique=True,
            sqlite_where=_LIVE,
            postgresql_where=_LIVE,
        )


def downgrade() -> None:
    with op.batch_alter_table('checkin', schema=None) as batch_op:
        batch_op.drop_index('uq_checkin_override_of')
        batch_op.create_index('uq_checkin_override_of', ['override_of'], unique=True)
