"""card room: card batches and their members

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-20 10:00:00.000000
"""

import sqlalchemy as sa
from alembic import op


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'card_batch',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=80), nullable=False),
        sa.Column('status', sa.String(length=12), nullable=False),
        sa.Column('note', sa.Text(), nullable=False),
        sa.Column('on_bad_originality', sa.String(length=8), nullable=False),
        sa.Column('created_by', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('finished_at', sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(['created_by'], ['staff.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_table(
        'card_batch_item',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('batch_id', sa.Integer(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('member_id', sa.Integer(), nullable=False),
        sa.Column('state', sa.String(length=12), nullable=False),
        sa.Column('reason', sa.String(length=32), nullable=True),
        sa.Column('detail', sa.Text(), nullable=False),
        sa.Column('card_id', sa.Integer(), nullable=True),
        sa.Column('uid', sa.String(length=14), nullable=True),
        sa.Column('originality', sa.String(length=12), nullable=True),
        sa.Column('review', sa.String(length=24), nullable=True),
        sa.Column('attempts', sa.Integer(), nullable=False),
        sa.Column('millis', sa.Integer(), nullable=True),
        sa.Column('updated_at', sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(['batch_id'], ['card_batch.id']),
        sa.ForeignKeyConstraint(['card_id'], ['card.id']),
        sa.ForeignKeyConstraint(['member_id'], ['member.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('batch_id', 'member_id'),
    )
    with op.batch_alter_table('card_batch_item', schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f('ix_card_batch_item_batch_id'), ['batch_id'], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table('card_batch_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_card_batch_item_batch_id'))
    op.drop_table('card_batch_item')
    op.drop_table('card_batch')
