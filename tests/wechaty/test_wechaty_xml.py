"""Quoted replies as WeChat puppets deliver them: appmsg type 57 XML, or padlocal's flattened text."""

from __future__ import annotations

from bot.wechaty_xml import parse_quote

QUOTE_XML = (
    '<?xml version="1.0"?><msg><appmsg appid="" sdkver="0"><title>收到，马上落实</title>'
    "<des></des><type>57</type><refermsg><type>1</type><svrid>7371946151580928337</svrid>"
    "<fromusr>12345678@chatroom</fromusr><chatusr>wxid_bot</chatusr><displayname>督办助手</displayname>"
    "<content>督办〔2026〕12号 请于17:00前回复收到</content><createtime>1767225600</createtime>"
    "</refermsg></appmsg><fromusername>wxid_liaison</fromusername></msg>"
)


def test_appmsg_57_gives_the_reply_and_the_quoted_server_id() -> None:
    quote = parse_quote(QUOTE_XML)

    assert quote is not None
    assert quote.reply == "收到，马上落实"
    assert quote.quoted_id == "7371946151580928337"
    assert quote.quoted_sender_id == "wxid_bot"
    assert quote.quoted_text == "督办〔2026〕12号 请于17:00前回复收到"


def test_a_sender_prefix_and_surrounding_space_are_tolerated() -> None:
    quote = parse_quote(f"wxid_liaison:\n{QUOTE_XML}\n")

    assert quote is not None and quote.quoted_id == "7371946151580928337"


def test_html_escaped_xml_is_unescaped() -> None:
    escaped = QUOTE_XML.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    quote = parse_quote(escaped)

    assert quote is not None and quote.reply == "收到，马上落实"


def test_a_private_quote_names_the_sender_from_fromusr() -> None:
    xml = QUOTE_XML.replace(
        "<fromusr>12345678@chatroom</fromusr><chatusr>wxid_bot</chatusr>", "<fromusr>wxid_bot</fromusr>"
    )

    quote = parse_quote(xml)

    assert quote is not None and quote.quoted_sender_id == "wxid_bot"


def test_the_flattened_text_form_gives_the_reply_without_an_id() -> None:
    text = "「督办助手：督办〔2026〕12号 请回复收到」\n- - - - - - - - - - - - - - -\n收到"

    quote = parse_quote(text)

    assert quote is not None
    assert (quote.reply, quote.quoted_id) == ("收到", None)
    assert quote.quoted_text == "督办助手：督办〔2026〕12号 请回复收到"


def test_other_messages_are_not_quotes() -> None:
    link = QUOTE_XML.replace("<type>57</type>", "<type>5</type>")

    assert parse_quote("收到") is None
    assert parse_quote("<b>收到</b>") is None
    assert parse_quote(link) is None
    assert parse_quote("<msg><appmsg><type>57</type>") is None  # broken XML


def test_entity_declarations_are_refused() -> None:
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><msg><appmsg><type>57</type>'
        "<title>&a;</title></appmsg></msg>"
    )

    assert parse_quote(bomb) is None
