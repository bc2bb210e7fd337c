"""SQLAlchemy typed models: the single source of truth for roster, notices, receipts and the outbox."""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar, cast

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from storage.types import UTCDateTime


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime,
        dict[str, Any]: JSON,
        dict[str, Any] | None: JSON,
        list[Any]: JSON,
    }


def table_of(model: type[Base]) -> Table:
    """A model's Core table, for plain statements on hot paths that need no ORM objects (nor flush)."""
    return cast(Table, model.__table__)


class Unit(Base):
    """A 承办单位: township, department or other body notices are addressed to."""

    __tablename__ = "units"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    kind: Mapped[str] = mapped_column(String(40), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class UnitAlias(Base):
    """A short name of a unit (发改委 for 县发展和改革委员会); unique across all units."""

    __tablename__ = "unit_aliases"
    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(String(100), unique=True)


class Person(Base):
    """Anyone the bot knows by WeChat id: office staff and liaisons (bound to one unit)."""

    __tablename__ = "people"
    id: Mapped[int] = mapped_column(primary_key=True)
    wechat_id: Mapped[str] = mapped_column(String(200), unique=True)
    name: Mapped[str] = mapped_column(String(100), default="")
    is_office: Mapped[bool] = mapped_column(Boolean, default=False)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="SET NULL"), index=True)


class Room(Base):
    """A WeChat work group the bot is in."""

    __tablename__ = "rooms"
    id: Mapped[int] = mapped_column(primary_key=True)
    wechat_id: Mapped[str] = mapped_column(String(200), unique=True)
    topic: Mapped[str] = mapped_column(String(200), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class RoomMember(Base):
    """Who is in which room, with their display name there (from the roster or seen in chat)."""

    __tablename__ = "room_members"
    __table_args__ = (UniqueConstraint("room_id", "wechat_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    room_id: Mapped[int] = mapped_column(ForeignKey("rooms.id", ondelete="CASCADE"), index=True)
    wechat_id: Mapped[str] = mapped_column(String(200), index=True)
    alias: Mapped[str] = mapped_column(String(100), default="")


class DirectoryVersion(Base):
    """One row whose counter rises (by database trigger) with every change to who-is-who above."""

    __tablename__ = "directory_version"
    id: Mapped[int] = mapped_column(primary_key=True)
    n: Mapped[int] = mapped_column(BigInteger)


class Notice(Base):
    """A 督办通知单, numbered per year."""

    __tablename__ = "notices"
    __table_args__ = (UniqueConstraint("year", "seq"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(60), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text, default="")
    issued_by: Mapped[str] = mapped_column(String(200))
    issued_at: Mapped[datetime] = mapped_column(index=True)
    receipt_due: Mapped[datetime] = mapped_column(index=True)
    feedback_due: Mapped[datetime | None] = mapped_column(index=True)
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)  # open | closed | withdrawn
    closed_at: Mapped[datetime | None]


class Assignment(Base):
    """One notice addressed to one unit: its receipt, deadline overrides and excuse."""

    __tablename__ = "assignments"
    __table_args__ = (UniqueConstraint("notice_id", "unit_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("notices.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    receipt_due: Mapped[datetime | None] = mapped_column(index=True)  # per-unit extension; None: the notice's
    feedback_due: Mapped[datetime | None] = mapped_column(index=True)
    received_at: Mapped[datetime | None]
    receipt_by: Mapped[str | None] = mapped_column(String(200))
    receipt_message_id: Mapped[str | None] = mapped_column(String(200))
    excused: Mapped[bool] = mapped_column(Boolean, default=False)
    excuse_reason: Mapped[str | None] = mapped_column(Text)
    excused_by: Mapped[str | None] = mapped_column(String(200))
    excused_at: Mapped[datetime | None]
    reached_at: Mapped[datetime | None]  # when a post carrying the notice to the unit's liaison was sent
    receipt_note: Mapped[str | None] = mapped_column(Text)  # a correction by the office: who, why
    extended_at: Mapped[
        datetime | None
    ]  # when the unit's own deadline was last moved (answers a delay request)


class Delivery(Base):
    """Which outbox message carries which assignment's notice to the unit (a post, or a re-post)."""

    __tablename__ = "deliveries"
    __table_args__ = (UniqueConstraint("assignment_id", "outbox_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("assignments.id", ondelete="CASCADE"), index=True)
    outbox_id: Mapped[int] = mapped_column(ForeignKey("outbox.id", ondelete="CASCADE"), index=True)


class FeedbackEntry(Base):
    """A unit's 落实情况反馈 (progress or done) or 延期说明 (delay) for one assignment."""

    __tablename__ = "feedback"
    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("assignments.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # progress | done | delay
    text: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime]
    by: Mapped[str] = mapped_column(String(200))
    message_id: Mapped[str] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(Text)  # recorded by the office, and why
    revoked_at: Mapped[datetime | None]  # taken back by the office (kept, and in the audit log)
    revoked_by: Mapped[str | None] = mapped_column(String(200))
    revoke_reason: Mapped[str | None] = mapped_column(Text)


class ReviewItem(Base):
    """A liaison's reply the bot could not place: it waits for the office (/待核), never guessed."""

    __tablename__ = "review_items"
    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[str] = mapped_column(String(200), unique=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    wechat_id: Mapped[str] = mapped_column(String(200))
    room_id: Mapped[str | None] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime]
    notice_ids: Mapped[list[Any]]  # the unit's open notices then, newest last
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)  # open | done | ignored
    digested_at: Mapped[datetime | None]  # when it went out in a digest to the office
    handled_by: Mapped[str | None] = mapped_column(String(200))
    handled_at: Mapped[datetime | None]


class InboxMessage(Base):
    """Every inbound message, written before anything acts on it and handled from here in arrival order.

    announced: only its id is known (a WeChat event; the content is fetched next); ready: the content is
    here, waiting to be handled; done: handled (or a duplicate, or the bot's own); failed: handling
    raised an error that retrying cannot cure (the office was told).
    """

    __tablename__ = "inbox"
    seq: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[str] = mapped_column(String(200), unique=True)
    arrived_at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(20), index=True)
    payload: Mapped[dict[str, Any] | None]
    handled_at: Mapped[datetime | None]
    error: Mapped[str | None] = mapped_column(Text)


class BotState(Base):
    """Small facts the running bot keeps across restarts (its last sign of life, say)."""

    __tablename__ = "bot_state"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[dict[str, Any]]
    updated_at: Mapped[datetime]


class PendingQuestion(Base):
    """A liaison reply whose notice was ambiguous: the bot asked which one and waits for the answer."""

    __tablename__ = "pending_questions"
    id: Mapped[int] = mapped_column(primary_key=True)
    wechat_id: Mapped[str] = mapped_column(String(200), index=True)
    room_id: Mapped[str | None] = mapped_column(String(200))
    message_id: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime]
    candidates: Mapped[list[Any]]  # notice ids
    resolved_at: Mapped[datetime | None]


class OutboxMessage(Base):
    """A message waiting to be sent (or sent); `dedup_key` makes every logical message unique."""

    __tablename__ = "outbox"
    id: Mapped[int] = mapped_column(primary_key=True)
    dedup_key: Mapped[str] = mapped_column(String(300), unique=True)
    kind: Mapped[str] = mapped_column(String(40))
    room_id: Mapped[str | None] = mapped_column(String(200))
    to_id: Mapped[str | None] = mapped_column(String(200), index=True)
    text: Mapped[str] = mapped_column(Text)
    mentions: Mapped[list[Any]]
    notice_id: Mapped[int | None] = mapped_column(ForeignKey("notices.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(
        String(20), default="pending", index=True
    )  # pending|sending|sent|failed|unknown|dropped
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime]
    not_before: Mapped[datetime]
    sent_at: Mapped[datetime | None]
    transport_message_id: Mapped[str | None] = mapped_column(String(200), index=True)
    last_error: Mapped[str | None] = mapped_column(Text)
    attachment_id: Mapped[int | None] = mapped_column(
        ForeignKey("attachments.id", ondelete="SET NULL")
    )  # a file message: this attachment is sent (the text only names it)


class Attachment(Base):
    """A file an office member gave the bot (in private, or on the web desk): kept until a notice carries it.

    The bytes are in the file store (`storage.files`), named by `sha256`; `notice_id` is None while the
    file waits for the uploader's next /发布.
    """

    __tablename__ = "attachments"
    id: Mapped[int] = mapped_column(primary_key=True)
    notice_id: Mapped[int | None] = mapped_column(ForeignKey("notices.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(255))
    size: Mapped[int] = mapped_column(Integer)
    mime: Mapped[str] = mapped_column(String(120))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    uploaded_by: Mapped[str] = mapped_column(String(200), index=True)
    uploaded_at: Mapped[datetime]
    message_id: Mapped[str | None] = mapped_column(String(200), unique=True)  # the chat message it came in


class AuditEntry(Base):
    """Every state change: who did what to what, when."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(60))
    subject: Mapped[str] = mapped_column(String(300))
    detail: Mapped[dict[str, Any]]


class Flag(Base):
    """A penalty on the seed's ladder: proposed by the rules (or recorded by the office), decided by people."""

    __tablename__ = "flags"
    __table_args__ = (Index("ix_flags_unit_at", "unit_id", "at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    dedup_key: Mapped[str] = mapped_column(String(300), unique=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # 书面检查 | 通报批评 | 媒体曝光 | 警示约谈 | 责任追究
    basis: Mapped[str] = mapped_column(String(20))  # receipt | feedback | count | manual
    notice_ids: Mapped[list[Any]]
    lapses: Mapped[list[Any]]  # the lapses it cites: [notice id, "receipt" | "feedback"] pairs
    at: Mapped[datetime]
    status: Mapped[str] = mapped_column(
        String(20), default="proposed", index=True
    )  # proposed | confirmed | revoked
    reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]
    decided_by: Mapped[str | None] = mapped_column(String(200))
    decided_at: Mapped[datetime | None]
    decision_reason: Mapped[str | None] = mapped_column(Text)
    # confirmed 通报批评 / 媒体曝光: the rectification period's end
    rectify_until: Mapped[datetime | None] = mapped_column(index=True)
    rectified: Mapped[str | None] = mapped_column(String(20))  # 整改到位 | 未整改 once the period has ended
    follows_id: Mapped[int | None] = mapped_column(Integer)  # the flag whose rectification failed


class WebUser(Base):
    """An account of the web desk: office staff who act, or viewers (leaders) who only look."""

    __tablename__ = "web_users"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    role: Mapped[str] = mapped_column(String(20))  # office | viewer
    password_hash: Mapped[str] = mapped_column(String(300))
    created_at: Mapped[datetime]
    changed_at: Mapped[datetime]
