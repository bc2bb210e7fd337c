"""Parses the forms in which WeChat puppets deliver quoted replies (appmsg type 57 XML, or plain text)."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

MAX_XML_CHARS = 64_000
# Room messages from some hooks carry "wxid_sender:\n" in front of the XML.
_SENDER_PREFIX = re.compile(r"^[^\s<:]{1,80}:\n")
# puppet-padlocal and others flatten a quote into「name：quoted」, a dashed line, then the reply.
_TEXT_QUOTE = re.compile(r"^「(?P<quoted>.*)」\s*\n-(?: -){4,}\s*\n(?P<reply>.*)$", re.DOTALL)


@dataclass(frozen=True)
class Quote:
    """A reply that quotes an earlier message."""

    reply: str  # what the person wrote
    quoted_id: str | None  # the quoted message's server id (refermsg/svrid), when the payload carries it
    quoted_sender_id: str = ""
    quoted_text: str = ""


def parse_quote(text: str) -> Quote | None:
    """The quote in a message text, or None when the text is not a quoted reply."""
    xml = _xml_body(text)
    if xml is not None:
        return _parse_appmsg_quote(xml)
    match = _TEXT_QUOTE.match(text.strip())
    if match:
        return Quote(reply=match["reply"].strip(), quoted_id=None, quoted_text=match["quoted"])
    return None


def _xml_body(text: str) -> str | None:
    body = text.strip()
    body = _SENDER_PREFIX.sub("", body, count=1)
    if body.startswith("&lt;"):
        body = html.unescape(body)
    if not body.startswith("<") or "<appmsg" not in body or len(body) > MAX_XML_CHARS:
        return None
    if "<!DOCTYPE" in body or "<!ENTITY" in body:
        return None  # nothing legitimate declares entities; refuse entity expansion tricks
    return body


def _parse_appmsg_quote(xml: str) -> Quote | None:
    try:
        root = ET.fromstring(xml)
    except ET.ParseError:
        return None
    appmsg = root if root.tag == "appmsg" else root.find("appmsg")
    if appmsg is None or _child_text(appmsg, "type") != "57":
        return None
    refer = appmsg.find("refermsg")
    quoted_id = _child_text(refer, "svrid") if refer is not None else ""
    return Quote(
        reply=_child_text(appmsg, "title"),
        quoted_id=quoted_id or None,
        quoted_sender_id=_quoted_sender(refer),
        quoted_text=_child_text(refer, "content") if refer is not None else "",
    )


def _quoted_sender(refer: ET.Element | None) -> str:
    sender = _child_text(refer, "chatusr")
    if not sender:
        # In a private chat fromusr is the quoted person; in a room it is the room.
        from_user = _child_text(refer, "fromusr")
        sender = "" if from_user.endswith("@chatroom") else from_user
    return sender


def _child_text(element: ET.Element | None, tag: str) -> str:
    if element is None:
        return ""
    child = element.find(tag)
    if child is None or child.text is None:
        return ""
    return child.text.strip()
