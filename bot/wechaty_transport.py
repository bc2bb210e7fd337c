"""The WeChat transport: python-wechaty's puppet-service gRPC client, with a watchdog that reconnects."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import io
import json
import logging
import time
from collections.abc import Awaitable, Callable, Coroutine, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal, TypeVar

import segno

from bot import wechaty_compat

wechaty_compat.apply()

# python-wechaty has no type hints: everything it returns is Any and stays inside this module.
import betterproto  # noqa: E402
from grpclib.const import Cardinality, Status  # noqa: E402
from grpclib.exceptions import GRPCError, StreamTerminatedError  # noqa: E402
from wechaty_grpc.wechaty import puppet as grpc_puppet  # noqa: E402
from wechaty_puppet import FileBox, MessageType, PuppetOptions, ScanStatus  # noqa: E402
from wechaty_puppet.exceptions import WechatyPuppetError  # noqa: E402
from wechaty_puppet_service import PuppetService  # noqa: E402

from bot.transport import Inbound, RoomInfo, TransportError, TransportUncertain  # noqa: E402
from bot.wechaty_translate import file_box_json, read_payload, with_mentions  # noqa: E402
from handlers.messages import FileRef, IncomingMessage, OutgoingFile, OutgoingMessage  # noqa: E402
from handlers.rules.filecheck import clean_name, mime_of  # noqa: E402
from storage.files import FileStore  # noqa: E402

log = logging.getLogger(__name__)

TOKEN_ENV = "DUBAN_WECHATY_TOKEN"
ENDPOINT_ENV = "DUBAN_WECHATY_ENDPOINT"
_PUPPET_EVENTS = (
    "scan",
    "login",
    "logout",
    "message",
    "heartbeat",
    "dong",
    "ready",
    "error",
    "room-join",
    "room-leave",
    "room-topic",
    "room-invite",
    "friendship",
)
_QUIET_EVENTS = frozenset({"heartbeat", "dong", "ready", "room-invite", "friendship"})
# What a broken connection raises from a gRPC call.
_CONNECTION_ERRORS = (GRPCError, StreamTerminatedError, OSError, TimeoutError, WechatyPuppetError)

T = TypeVar("T")
INLINE_FILE_BYTES = 2 * 1024 * 1024  # up to this a file goes as one FileBox (gRPC's 4 MB message limit)
FILE_CHUNK = 256 * 1024  # bigger files are streamed in chunks of this size
INLINE_BOX = 1  # FileBoxType.Base64: the bytes travel inside the box's JSON


class WechatyStartError(Exception):
    """The transport could not connect to the gateway when starting."""


class WechatyTokenError(WechatyStartError):
    """The gateway refused the token."""


@dataclass(frozen=True)
class ConnectionStatus:
    """A change in the connection, for the log and for reports to the office."""

    kind: Literal["connected", "disconnected", "login", "logout", "scan"]
    detail: str = ""


OnRoomChange = Callable[[RoomInfo], Awaitable[None]]
OnStatus = Callable[[ConnectionStatus], Awaitable[None]]
Sleep = Callable[[float], Awaitable[None]]


@dataclass(frozen=True)
class WatchdogSettings:
    """How the transport notices a dead connection and how patiently it reconnects (seconds)."""

    ding_interval: float = 20.0  # ding the gateway this often; any event counts as a sign of life
    silence_timeout: float = 75.0  # no event at all for this long: the connection is dead
    call_timeout: float = 15.0  # one gRPC call (connect, payload, send)
    start_timeout: float = 60.0  # start() keeps retrying an unreachable gateway this long, then raises
    backoff: tuple[float, ...] = (1.0, 2.0, 5.0, 10.0, 30.0, 60.0)

    def delay(self, attempt: int) -> float:
        return self.backoff[min(attempt, len(self.backoff) - 1)]


class WechatyTransport:
    """Connects to a Wechaty puppet-service gateway (`endpoint` host:port, plain-text gRPC) with `token`."""

    def __init__(
        self,
        endpoint: str,
        token: str,
        *,
        bot_name: str = "",
        on_room_change: OnRoomChange | None = None,
        on_status: OnStatus | None = None,
        watchdog: WatchdogSettings | None = None,
        sleep: Sleep = asyncio.sleep,
        qr_file: Path | None = None,
        files: FileStore | None = None,
        max_file_bytes: int = 20 * 1024 * 1024,
    ) -> None:
        if not endpoint:
            raise ValueError(f"the wechaty endpoint is empty: set {ENDPOINT_ENV} (host:port of the gateway)")
        if not token:
            raise ValueError(f"the wechaty token is empty: set {TOKEN_ENV}")
        self.endpoint = endpoint
        self._token = token
        self.bot_name = bot_name
        self._on_room_change = on_room_change
        self._on_status = on_status
        self.watchdog = watchdog or WatchdogSettings()
        self._sleep = sleep
        self.qr_file = qr_file  # the login QR code as a PNG, while a login is needed (removed after login)
        self._files = files  # where files sent to the bot in private are kept (None: not fetched)
        self._max_file_bytes = max_file_bytes  # a bigger file is not fetched, only its size reported

        self.login_qr: str | None = None  # the latest login QR code payload, for a dashboard
        self.last_disconnect: str | None = None
        self.reconnects = 0
        self._self_id: str | None = None
        self._self_name = ""
        self._inbound: Inbound | None = None
        self._puppet: Any = None
        self._stream: asyncio.Task[Any] | None = None
        self._generation = 0
        self._up = asyncio.Event()  # set while a connection is established
        self._logged_in = asyncio.Event()
        self._dead = asyncio.Event()
        self._last_event = time.monotonic()
        self._ding_works = True
        self._events: asyncio.Queue[tuple[str, Any]] = asyncio.Queue()
        self._queued_messages: set[str] = set()  # message ids waiting in _events to be fetched
        self._topics: dict[str, str] = {}
        self._worker: asyncio.Task[None] | None = None
        self._supervisor: asyncio.Task[None] | None = None
        self._redaction: wechaty_compat.RedactFilter | None = None

    # -- state -----------------------------------------------------------------------------------

    @property
    def connected(self) -> bool:
        return self._up.is_set()

    @property
    def logged_in(self) -> bool:
        return self._up.is_set() and self._logged_in.is_set()

    @property
    def ready(self) -> bool:
        """Connected and logged in: sending can be tried."""
        return self.connected and self.logged_in

    @property
    def self_id(self) -> str | None:
        return self._self_id

    async def wait_until_logged_in(self, seconds: float) -> None:
        """Wait until the account is logged in (raises TimeoutError)."""
        await asyncio.wait_for(self._logged_in.wait(), seconds)

    # -- Transport protocol ----------------------------------------------------------------------

    async def start(self, inbound: Inbound) -> None:
        """Connect to the gateway; raises WechatyTokenError or WechatyStartError instead of hanging."""
        if self._worker is not None:
            raise RuntimeError("the wechaty transport is already started")
        self._inbound = inbound
        self._redaction = wechaty_compat.redact_token(self._token)
        self._worker = asyncio.create_task(self._process_events(), name="wechaty-events")
        try:
            await self._first_connect()
        except BaseException:
            await self._shutdown()
            raise
        self._supervisor = asyncio.create_task(self._supervise(), name="wechaty-watchdog")
        await self._report(ConnectionStatus("connected", f"connected to the gateway at {self.endpoint}"))

    async def _first_connect(self) -> None:
        """Connect, retrying an unreachable gateway with backoff for up to start_timeout seconds."""
        attempt, waited = 0, 0.0
        while True:
            try:
                await self._connect()
                return
            except WechatyTokenError:
                raise
            except WechatyStartError as exc:
                delay = self.watchdog.delay(attempt)
                if waited + delay > self.watchdog.start_timeout:
                    raise
                log.warning("%s; retrying in %.1f s", exc, delay)
                attempt, waited = attempt + 1, waited + delay
                await self._sleep(delay)

    async def send(self, message: OutgoingMessage, display_names: dict[str, str]) -> str:
        """Send one text; mentioned people are rendered as @name in front of the text."""
        puppet = self._puppet
        if puppet is None or not self._up.is_set():
            raise TransportError("wechaty is not connected to its gateway")
        if not self._logged_in.is_set():
            raise TransportError("the WeChat account is not logged in")
        if message.room_id is not None:
            conversation = message.room_id
            mentions = list(message.mentions)
            text = await self._with_mentions(message.room_id, message.text, mentions, display_names)
        else:
            assert message.to_id is not None
            conversation, mentions, text = message.to_id, [], message.text
        if message.file is not None:
            call = self._send_file(puppet, conversation, message.file)
            timeout = self.watchdog.call_timeout + len(message.file.data) / (1024 * 1024)  # a second per MB
        else:
            call, timeout = puppet.message_send_text(conversation, text, mentions), None
        try:
            message_id = await self._call(call, "send", seconds=timeout)
        except TransportError as error:
            if isinstance(error.__cause__, GRPCError):
                raise  # the gateway answered with an error: nothing was sent
            raise TransportUncertain(f"{error}; the message may have been delivered") from error.__cause__
        if not message_id:
            log.warning("the gateway returned no message id for a message to %s", conversation)
        return str(message_id or "")

    async def _send_file(self, puppet: Any, conversation: str, file: OutgoingFile) -> str:
        """A file as a FileBox; a big one streamed in chunks (one gRPC message holds at most 4 MB)."""
        if len(file.data) <= INLINE_FILE_BYTES:
            # The FileBox JSON the gateway reads (python-wechaty's own FileBox.to_json_str trips over a
            # deprecated logging call on every use, so the same JSON is written here).
            box = file_box_json(file.name, file.data)
            response = await puppet.puppet_stub.message_send_file(conversation_id=conversation, filebox=box)
            return str(response.id or "")

        def requests() -> Iterator[grpc_puppet.MessageSendFileStreamRequest]:
            yield grpc_puppet.MessageSendFileStreamRequest(conversation_id=conversation)
            yield grpc_puppet.MessageSendFileStreamRequest(
                file_box_chunk=grpc_puppet.FileBoxChunk(name=file.name)
            )
            for start in range(0, len(file.data), FILE_CHUNK):
                chunk = grpc_puppet.FileBoxChunk(data=file.data[start : start + FILE_CHUNK])
                yield grpc_puppet.MessageSendFileStreamRequest(file_box_chunk=chunk)

        stub = puppet.puppet_stub  # its generated streaming call needs a newer betterproto: drive grpclib
        async with stub.channel.request(
            "/wechaty.Puppet/MessageSendFileStream",
            Cardinality.STREAM_UNARY,
            grpc_puppet.MessageSendFileStreamRequest,
            grpc_puppet.MessageSendFileStreamResponse,
            metadata=stub.metadata,
        ) as stream:
            for request in requests():
                await stream.send_message(request)
            await stream.end()
            response = await stream.recv_message()
        return str(getattr(response, "id", "") or "")

    async def _fetch_file(self, message_id: str, fallback_name: str) -> FileRef:
        """A private file's bytes into the file store: the FileBox inline when the gateway sends it so
        (small files), else streamed. A file over the size limit is not fetched (sha256 left empty)."""
        puppet, files = self._require(), self._files
        assert files is not None
        response = await self._call(puppet.puppet_stub.message_file(id=message_id), "file")
        box = json.loads(response.filebox or "{}")
        kind = box.get("type", box.get("boxType"))
        name = clean_name(str(box.get("name") or fallback_name))
        announced = int(box.get("size") or 0)
        if announced > self._max_file_bytes:
            return FileRef(name, announced, mime_of(name), "")
        if kind == INLINE_BOX:
            data = base64.b64decode(FileBox.from_json({**box, "boxType": INLINE_BOX}).base64)
        else:  # a UUID box (python-wechaty cannot resolve those): the same file as a stream
            streamed = await self._call(self._stream_file(puppet, message_id), "file stream", seconds=600)
            if isinstance(streamed, int):
                return FileRef(name, streamed, mime_of(name), "")
            data = streamed
        return FileRef(name, len(data), mime_of(name), files.put(data))

    async def _stream_file(self, puppet: Any, message_id: str) -> bytes | int:
        """The file's bytes, or how many arrived before the size limit was passed."""
        parts: list[bytes] = []
        size = 0
        async for response in puppet.puppet_stub.message_file_stream(id=message_id):
            field, value = betterproto.which_one_of(response.file_box_chunk, "payload")
            if field == "data":
                parts.append(value)
                size += len(value)
                if size > self._max_file_bytes:
                    return size
        return b"".join(parts)

    async def stop(self) -> None:
        """Disconnect; safe to call twice."""
        running = self._worker is not None
        await self._shutdown(graceful=True)
        if running:
            await self._report(ConnectionStatus("disconnected", "stopped"))

    # -- lookups ---------------------------------------------------------------------------------

    async def rooms(self) -> list[RoomInfo]:
        """Every room the account is in, with its members (for roster sync)."""
        room_ids: list[str] = list(await self._call(self._require().room_list(), "room list"))
        return [await self.room_info(room_id) for room_id in room_ids]

    async def room_info(self, room_id: str) -> RoomInfo:
        payload = await self._call(self._require().room_payload(room_id), "room payload")
        topic = str(payload.topic or "")
        self._topics[room_id] = topic
        members = tuple(str(m) for m in payload.member_ids or ())
        return RoomInfo(id=str(payload.id or room_id), topic=topic, member_ids=members)

    async def member_name(self, room_id: str, person_id: str) -> str:
        """The person's display name in the room (群昵称), else their WeChat name."""
        payload = await self._call(self._require().room_member_payload(room_id, person_id), "member payload")
        return str(payload.room_alias or payload.name or "")

    async def contact_name(self, person_id: str) -> str:
        payload = await self._call(self._require().contact_payload(person_id), "contact payload")
        return str(payload.name or "")

    # -- connection ------------------------------------------------------------------------------

    async def _connect(self) -> None:
        """One connection attempt: open the event stream and wait for its first event."""
        self._generation += 1
        generation = self._generation
        first_event = asyncio.Event()
        puppet = PuppetService(PuppetOptions(token=self._token, end_point=self.endpoint))
        for name in _PUPPET_EVENTS:
            puppet.on(name, self._listener(name, generation, first_event))
        stream = asyncio.create_task(puppet.start(), name="wechaty-stream")
        waiter = asyncio.create_task(first_event.wait())
        try:
            await asyncio.wait(
                {stream, waiter}, timeout=self.watchdog.call_timeout, return_when=asyncio.FIRST_COMPLETED
            )
        except BaseException:
            await _close(puppet, stream)
            raise
        finally:
            waiter.cancel()
        if stream.done():
            error = None if stream.cancelled() else stream.exception()
            await _close(puppet, stream)
            raise self._start_error(error)
        if not first_event.is_set():
            log.warning(
                "the gateway at %s sent no event within %.0f s; assuming it is connected",
                self.endpoint,
                self.watchdog.call_timeout,
            )
        self._puppet, self._stream = puppet, stream
        self._dead.clear()
        self._last_event = time.monotonic()
        stream.add_done_callback(lambda task: self._stream_ended(task, generation))
        self._up.set()

    def _start_error(self, error: BaseException | None) -> WechatyStartError:
        if isinstance(error, GRPCError) and error.status is Status.UNAUTHENTICATED:
            return WechatyTokenError(
                f"the wechaty gateway at {self.endpoint} refused the token (UNAUTHENTICATED): "
                f"set {TOKEN_ENV} to the token the gateway was started with"
            )
        reason = "the event stream closed at once" if error is None else self._redact(repr(error))
        return WechatyStartError(
            f"cannot connect to the wechaty gateway at {self.endpoint} ({ENDPOINT_ENV}): {reason}"
        )

    def _listener(self, name: str, generation: int, first_event: asyncio.Event) -> Callable[[Any], None]:
        def on_event(payload: Any) -> None:
            if generation != self._generation:
                return  # a late event from a connection we already gave up
            self._last_event = time.monotonic()
            first_event.set()
            if name == "message":
                message_id = str(payload.message_id)
                self._require_inbound().announce(message_id)  # on disk before anything else happens
                if message_id not in self._queued_messages:
                    self._queued_messages.add(message_id)
                    self._events.put_nowait((name, message_id))
            elif name not in _QUIET_EVENTS:
                self._events.put_nowait((name, payload))

        return on_event

    def _stream_ended(self, task: asyncio.Task[Any], generation: int) -> None:
        error = None if task.cancelled() else task.exception()
        if generation == self._generation:
            self.last_disconnect = "event stream ended" + (f": {self._redact(repr(error))}" if error else "")
            self._dead.set()

    async def _supervise(self) -> None:
        """The watchdog: notice a dead or silent connection, then reconnect with backoff."""
        while True:
            reason = await self._watch()
            self.last_disconnect = reason
            self._up.clear()
            self._logged_in.clear()
            log.warning("wechaty connection lost: %s", reason)
            await self._report(ConnectionStatus("disconnected", reason))
            await self._drop_connection()
            attempt = 0
            while True:
                delay = self.watchdog.delay(attempt)
                await self._sleep(delay)
                try:
                    await self._connect()
                except WechatyStartError as exc:
                    attempt += 1
                    level = logging.ERROR if isinstance(exc, WechatyTokenError) else logging.WARNING
                    log.log(level, "reconnect attempt %d failed: %s", attempt, exc)
                    continue
                except Exception:
                    attempt += 1
                    log.exception("reconnect attempt %d failed unexpectedly", attempt)
                    continue
                self.reconnects += 1
                log.info("wechaty reconnected after %d failed attempt(s)", attempt)
                await self._report(ConnectionStatus("connected", f"reconnected to {self.endpoint}"))
                break

    async def _watch(self) -> str:
        """Return why the current connection is dead, once it is."""
        settings = self.watchdog
        while True:
            try:
                await asyncio.wait_for(self._dead.wait(), settings.ding_interval)
                return self.last_disconnect or "event stream ended"
            except TimeoutError:
                pass
            if not self._ding_works:
                continue  # nothing to probe with: only a closed stream or a failed call reveals a dead link
            silent_for = time.monotonic() - self._last_event
            if silent_for > settings.silence_timeout:
                return f"no event from the gateway for {silent_for:.1f} s"
            try:
                await asyncio.wait_for(self._puppet.ding("duban"), settings.call_timeout)
            except GRPCError as exc:
                if exc.status is not Status.UNIMPLEMENTED:
                    return f"ding failed: {self._redact(repr(exc))}"
                log.warning("the gateway does not implement ding; the watchdog only watches the stream")
                self._ding_works = False
            except _CONNECTION_ERRORS as exc:
                return f"ding failed: {self._redact(repr(exc))}"

    async def _drop_connection(self) -> None:
        puppet, stream = self._puppet, self._stream
        self._puppet = self._stream = None
        self._generation += 1
        if puppet is not None and stream is not None:
            await _close(puppet, stream)

    async def _shutdown(self, graceful: bool = False) -> None:
        self._up.clear()
        self._logged_in.clear()
        for task in (self._supervisor, self._worker):
            if task is not None:
                await _cancel(task)
        self._supervisor = self._worker = None
        puppet = self._puppet
        if graceful and puppet is not None:
            self._generation += 1
            with contextlib.suppress(*_CONNECTION_ERRORS):
                await asyncio.wait_for(puppet.stop(), self.watchdog.call_timeout)
        await self._drop_connection()
        if self._redaction is not None:
            wechaty_compat.remove_redaction(self._redaction)
            self._redaction = None

    # -- events ----------------------------------------------------------------------------------

    async def _process_events(self) -> None:
        """Handle puppet events one at a time, in the order they arrived, retrying across reconnects.

        A message given up on stays announced in the inbox and is fetched again after the next login.
        """
        attempts = max(len(self.watchdog.backoff), 3)
        while True:
            name, payload = await self._events.get()
            try:
                await self._handle_with_retries(name, payload, attempts)
            finally:
                if name == "message":
                    self._queued_messages.discard(payload)

    async def _handle_with_retries(self, name: str, payload: Any, attempts: int) -> None:
        for attempt in range(attempts):
            await self._up.wait()
            try:
                await self._handle(name, payload)
                return
            except TransportError as exc:
                if attempt + 1 == attempts:
                    log.error("gave up on a wechaty %s event: %s", name, exc)
                    return
                log.warning("could not handle a wechaty %s event (%s); retrying", name, exc)
                await self._sleep(self.watchdog.delay(attempt))  # lets the watchdog notice a dead link
            except Exception:
                log.exception("failed to handle a wechaty %s event", name)
                return

    async def _handle(self, name: str, payload: Any) -> None:
        if name == "message":
            await self._handle_message(payload)
        elif name == "login":
            await self._handle_login(str(payload.contact_id))
        elif name == "logout":
            self._logged_in.clear()
            log.warning("the WeChat account %s logged out: %s", payload.contact_id, payload.data or "")
            await self._report(ConnectionStatus("logout", str(payload.data or "")))
        elif name == "scan":
            await self._handle_scan(payload)
        elif name in ("room-join", "room-leave", "room-topic"):
            await self._handle_room_event(name, payload)
        elif name == "error":
            log.warning("wechaty gateway error: %s", self._redact(str(getattr(payload, "data", payload))))

    async def _handle_login(self, contact_id: str) -> None:
        self._self_id = contact_id
        self.login_qr = None
        if self.qr_file is not None:
            self.qr_file.unlink(missing_ok=True)  # a login code should not outlive the login
        try:
            self._self_name = await self.contact_name(contact_id)
        except TransportError:
            self._self_name = ""
        if self.bot_name and self._self_name and self._self_name != self.bot_name:
            log.warning("logged in as %r, but the configured bot name is %r", self._self_name, self.bot_name)
        self._logged_in.set()
        log.info("WeChat account logged in: %s (%s)", self._self_name, contact_id)
        await self._report(ConnectionStatus("login", contact_id))
        await self._fetch_unfetched()

    async def _handle_scan(self, payload: Any) -> None:
        status = payload.status
        if status in (ScanStatus.Waiting, ScanStatus.Timeout) and payload.qrcode:
            self.login_qr = str(payload.qrcode)
            saved = _save_qr(self.login_qr, self.qr_file)
            where = f"，或打开图片 {self.qr_file}" if saved else ""
            log.warning(
                "需要登录微信：请用机器人微信扫描下面的二维码%s\n%s", where, terminal_qr(self.login_qr)
            )
        else:
            log.info("WeChat login scan status: %s", getattr(status, "name", status))
        await self._report(ConnectionStatus("scan", str(getattr(status, "name", status))))

    async def _handle_room_event(self, name: str, payload: Any) -> None:
        room_id = str(payload.room_id)
        if name == "room-topic":
            self._topics[room_id] = str(payload.new_topic or "")
        try:
            info = await self.room_info(room_id)
        except TransportError:
            removed = getattr(payload, "removed_ids", None) or ()
            if name != "room-leave" or self._self_id not in removed:
                raise
            info = RoomInfo(id=room_id, topic=self._topics.get(room_id, ""), member_ids=())
        if name == "room-topic" and payload.new_topic:
            info = RoomInfo(id=info.id, topic=str(payload.new_topic), member_ids=info.member_ids)
        log.info("room %s changed (%s): %r, %d members", room_id, name, info.topic, len(info.member_ids))
        if self._on_room_change is not None:
            await self._on_room_change(info)

    async def _handle_message(self, message_id: str) -> None:
        """Fetch an announced message's content and hand it over (or say why it needs no handling)."""
        puppet, inbound = self._require(), self._require_inbound()
        try:
            payload = await self._call(puppet.message_payload(message_id), "message payload")
        except TransportError as error:
            if isinstance(error.__cause__, GRPCError) and error.__cause__.status is not Status.UNAVAILABLE:
                await inbound.lost(message_id, self._redact(str(error.__cause__)))
                return
            raise  # the connection: fetched again after the next login
        heard = read_payload(
            from_id=str(payload.from_id or ""),
            text=str(payload.text or ""),
            is_text=payload.type == MessageType.MESSAGE_TYPE_TEXT,
            room_id=str(payload.room_id or ""),
            is_file=payload.type == MessageType.MESSAGE_TYPE_ATTACHMENT and self._files is not None,
            mention_ids=[str(m) for m in (payload.mention_ids or ())],
            timestamp=int(payload.timestamp or 0),
            self_id=self._self_id,
            bot_names=(self.bot_name, self._self_name),
            now=datetime.now(UTC),
        )
        if isinstance(heard, str):
            await inbound.skip(message_id, heard)
            return
        file = None
        if heard.is_file:
            try:
                file = await self._fetch_file(message_id, str(payload.filename or payload.text or ""))
            except TransportError as error:
                if (
                    isinstance(error.__cause__, GRPCError)
                    and error.__cause__.status is not Status.UNAVAILABLE
                ):
                    await inbound.lost(message_id, self._redact(str(error.__cause__)))
                    return
                raise  # the connection: fetched again after the next login
        name = alias = ""
        topic: str | None = None
        if heard.room_id is not None:
            topic = await self._topic(heard.room_id)
            try:
                member = await self._call(
                    puppet.room_member_payload(heard.room_id, heard.sender_id), "member payload"
                )
                name, alias = str(member.name or ""), str(member.room_alias or "")
            except TransportError:
                log.info("no member payload for %s in %s", heard.sender_id, heard.room_id)
        if not name:
            with contextlib.suppress(TransportError):
                name = await self.contact_name(heard.sender_id)
        await inbound.arrived(
            IncomingMessage(
                id=message_id,
                sender_id=heard.sender_id,
                text=heard.text,
                at=heard.at,
                room_id=heard.room_id,
                room_topic=topic,
                sender_name=name,
                sender_alias=alias,
                mentions=heard.mentions,
                quote_id=heard.quote_id,
                file=file,
            )
        )

    async def _fetch_unfetched(self) -> None:
        """After login: fetch what arrived but was not fetched before a crash or a dropped connection."""
        for message_id in await self._require_inbound().unfetched():
            if message_id not in self._queued_messages:
                self._queued_messages.add(message_id)
                self._events.put_nowait(("message", message_id))

    async def _topic(self, room_id: str) -> str:
        if room_id not in self._topics:
            try:
                await self.room_info(room_id)
            except TransportError:
                return ""
        return self._topics.get(room_id, "")

    # -- helpers ---------------------------------------------------------------------------------

    async def _with_mentions(
        self, room_id: str, text: str, mentions: list[str], display_names: dict[str, str]
    ) -> str:
        names = []
        for person_id in mentions:
            name = display_names.get(person_id, "")
            if not name:
                try:
                    name = await self.member_name(room_id, person_id)
                except TransportError:
                    name = person_id
            names.append(name)
        return with_mentions(text, names)

    def _require_inbound(self) -> Inbound:
        if self._inbound is None:
            raise RuntimeError("the wechaty transport is not started")
        return self._inbound

    def _require(self) -> Any:
        if self._puppet is None or not self._up.is_set():
            raise TransportError("wechaty is not connected to its gateway")
        return self._puppet

    async def _call(self, call: Coroutine[Any, Any, T], what: str, *, seconds: float | None = None) -> T:
        """Run one gRPC call with a timeout; failures become TransportError and wake the watchdog."""
        try:
            return await asyncio.wait_for(call, seconds or self.watchdog.call_timeout)
        except _CONNECTION_ERRORS as exc:
            broken = not isinstance(exc, GRPCError | WechatyPuppetError) or (
                isinstance(exc, GRPCError) and exc.status is Status.UNAVAILABLE
            )
            if broken:
                self.last_disconnect = f"{what} failed: {self._redact(repr(exc))}"
                self._dead.set()
            raise TransportError(f"wechaty {what} failed: {self._redact(repr(exc))}") from exc

    def _redact(self, text: str) -> str:
        return text.replace(self._token, "***")

    async def _report(self, status: ConnectionStatus) -> None:
        if self._on_status is None:
            return
        try:
            await self._on_status(status)
        except Exception:
            log.exception("the connection status callback failed")


async def _cancel(task: asyncio.Task[Any]) -> None:
    """Cancel a task and wait for it, without swallowing a cancellation of the caller.

    Cancels again while it still runs: Python 3.11's `asyncio.wait_for` loses a cancellation that arrives
    just as the awaited call completes (CPython gh-86296), and the task would go on forever.
    """
    while not task.done():
        task.cancel()
        await asyncio.wait({task}, timeout=0.5)
    if not task.cancelled() and task.exception() is not None:
        log.debug("task %s ended with %r", task.get_name(), task.exception())


async def _close(puppet: Any, stream: asyncio.Task[Any]) -> None:
    """Forget a connection without talking to the gateway: cancel its stream, close its channel."""
    with contextlib.suppress(Exception):
        puppet._event_stream.remove_all_listeners()
    await _cancel(stream)
    channel = getattr(puppet, "channel", None)
    if channel is not None:
        channel.close()
        puppet.channel = None


def terminal_qr(data: str) -> str:
    """The QR code drawn with block characters, for the log (rendered here: the code never leaves the machine)."""
    out = io.StringIO()
    segno.make(data, error="m").terminal(out=out, compact=True, border=2)
    return out.getvalue()


def _save_qr(data: str, path: Path | None) -> bool:
    """Write the QR code as a PNG (atomically); False when there is no file or it cannot be written."""
    if path is None:
        return False
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".partial")
        segno.make(data, error="m").save(str(partial), kind="png", scale=8, border=3)
        partial.replace(path)
    except OSError as error:
        log.warning("could not write the login QR code to %s: %s", path, error)
        return False
    return True
