"""staff security: PIN, sign-in throttling, audit date index

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-11 10:00:00.000000
"""

import sqlalchemy as sa
from alembic import op


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('staff', schema=None) as batch_op:
        batch_op.add_column(sa.Column('pin_hash', sa.String(length=200), nullable=True))
        # A server default so that rows written before this revision count zero.
        # A plain string, not sa.text(): on SQLite a SQL expression as default
        # makes batch mode rebuild the table, and dropping the old staff table
        # fails while audit entries and check-ins refer to it.
        batch_op.add_column(
            sa.Column(
                'failed_attempts',
                sa.Integer(),
                server_default='0',
                nullable=False,
            )
        )
        batch_op.add_column(sa.Column('locked_until', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('last_sign_in_at', sa.DateTime(), nullable=True))

    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_entry_at'), ['at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_entry_at'))

    with op.batch_alter_table('staff', schema=None) as batch_op:
        batch_op.drop_column('last_sign_in_at')
        batch_op.drop_column('locked_until')
        batch_op.drop_column('failed_attempts')
        batch_op.drop_column('pin_hash')
