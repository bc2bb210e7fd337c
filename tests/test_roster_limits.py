"""Hostile and broken roster files end in a clear Chinese error, quickly and in little memory.

Each test builds the file it needs: an xlsx with one cell at XFD10000, zips that lie about their sizes or
hold a DTD, 100 000 CSV rows, an unclosed quote, deep JSON and TOML, control characters in ids and names.
"""

from __future__ import annotations

import json
import re
import struct
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from storage.roster import RosterError
from storage.roster_files import MAX_FILE_BYTES, read_roster_file

HEADER = ["单位", "姓名", "微信号", "所在群"]


def small_workbook(path: Path, extra: list[list[object]] | None = None) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    for row in [HEADER, ["城关镇", "王五", "wxid_wangwu", "政务督查联络群"], *(extra or [])]:
        sheet.append(row)
    workbook.save(path)
    return path


def rewrite(path: Path, replace: dict[str, bytes], *, add: dict[str, bytes] | None = None) -> Path:
    """The same xlsx with some members replaced (by name) and others added."""
    with zipfile.ZipFile(path) as source:
        members = [(info.filename, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in members:
            target.writestr(name, replace.get(name, data))
        for name, data in (add or {}).items():
            target.writestr(name, data)
    return path


def error_of(path: Path) -> str:
    with pytest.raises(RosterError) as caught:
        read_roster_file(path)
    return str(caught.value)


def peak_bytes_of_reading(path: Path) -> tuple[str, int]:
    """The error reading `path` gives, and the peak of Python allocations while reading it.

    Time and process memory are measured in `make bench`; the allocation peak is a property of the code.
    """
    tracemalloc.start()
    try:
        read_roster_file(path)
        message = ""
    except RosterError as error:
        message = str(error)
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return message, peak


# --- Excel: size and shape ----------------------------------------------------------------------------------


def test_one_cell_at_xfd10000_is_rejected_without_padding_the_sheet(tmp_path: Path) -> None:
    workbook = Workbook()
    workbook.active["XFD10000"] = "x"  # the sheet declares A1:XFD10000: 163 million cells if padded out
    path = tmp_path / "bomb.xlsx"
    workbook.save(path)
    assert path.stat().st_size < 6000
    message, peak = peak_bytes_of_reading(path)
    assert message == (
        "bomb.xlsx 第10000行第XFD列：这里有内容，但名册最多 50 列（A 到 AX 列）。请删去多余的列再导入。"
    )
    assert peak < 20 * 1024 * 1024


def test_a_sheet_declaring_the_largest_dimension_is_read_without_padding(tmp_path: Path) -> None:
    path = small_workbook(tmp_path / "wide.xlsx")
    with zipfile.ZipFile(path) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    sheet = sheet.replace(b'<dimension ref="A1:D2" />', b'<dimension ref="A1:XFD1048576" />')
    assert b"XFD1048576" in sheet
    rewrite(path, {"xl/worksheets/sheet1.xml": sheet})
    assert read_roster_file(path).roster.units[0].name == "城关镇"


def test_content_beyond_the_row_limit_names_the_row(tmp_path: Path) -> None:
    workbook = Workbook()
    workbook.active.append(HEADER)
    workbook.active["A30000"] = "城关镇"
    workbook.save(tmp_path / "long.xlsx")
    assert "long.xlsx 第30000行：名册最多 20000 行" in error_of(tmp_path / "long.xlsx")


def test_empty_formatted_cells_far_out_do_not_matter(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    for row in [HEADER, ["城关镇", "王五", "wxid_wangwu", None]]:
        sheet.append(row)
    sheet["ZZ5000"].number_format = "@"  # styled, but empty
    sheet["ZZ5000"].value = None
    sheet["B30000"].value = ""
    workbook.save(tmp_path / "styled.xlsx")
    assert read_roster_file(tmp_path / "styled.xlsx").roster.units[0].name == "城关镇"


def test_too_many_merged_ranges(tmp_path: Path) -> None:
    path = small_workbook(tmp_path / "merges.xlsx")
    with zipfile.ZipFile(path) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    merges = b"".join(b'<mergeCell ref="E%d:F%d"/>' % (n, n) for n in range(1, 10_002))
    sheet = sheet.replace(
        b"</sheetData>", b'</sheetData><mergeCells count="10001">' + merges + b"</mergeCells>"
    )
    rewrite(path, {"xl/worksheets/sheet1.xml": sheet})
    assert "合并单元格超过 10000 处" in error_of(path)


# --- Excel: the zip before it is opened -----------------------------------------------------------------------


def test_a_member_declaring_more_than_the_limit_is_refused_before_decompressing(tmp_path: Path) -> None:
    path = rewrite(
        small_workbook(tmp_path / "big.xlsx"), {}, add={"xl/media/image1.png": bytes(60 * 1024 * 1024)}
    )
    assert path.stat().st_size < 200_000
    assert "big.xlsx：解压后有 60 MB，超过名册文件的上限 50 MB" in error_of(path)


def test_parts_openpyxl_parses_whole_have_a_small_limit(tmp_path: Path) -> None:
    path = small_workbook(tmp_path / "styles.xlsx")
    with zipfile.ZipFile(path) as archive:
        styles = archive.read("xl/styles.xml")
    padding = b"<!--" + b" " * (3 * 1024 * 1024) + b"-->"
    rewrite(path, {"xl/styles.xml": padding + styles})
    assert re.search(
        r"styles.xlsx：文件中的 xl/styles.xml 解压后有 30\d\d KB，超过上限 2048 KB", error_of(path)
    )


def test_a_member_that_is_bigger_than_it_declares_is_never_read_past_its_size(tmp_path: Path) -> None:
    path = small_workbook(tmp_path / "liar.xlsx")
    big = b"<sst>" + b" " * (30 * 1024 * 1024) + b"</sst>"
    rewrite(path, {}, add={"xl/extra.xml": big})
    data = bytearray(path.read_bytes())
    name = b"xl/extra.xml"
    patched = 0
    at = data.find(name)
    while at >= 0:
        for signature, header, size_at in ((b"PK\x03\x04", 30, 22), (b"PK\x01\x02", 46, 24)):
            if data[at - header : at - header + 4] == signature:  # local header, central directory
                struct.pack_into("<I", data, at - header + size_at, 1000)  # now claims 1000 bytes
                patched += 1
        at = data.find(name, at + 1)
    assert patched == 2
    path.write_bytes(bytes(data))
    assert "liar.xlsx：不是有效的 .xlsx 文件" in error_of(path)


def test_a_zip_with_thousands_of_members_is_refused_from_its_directory_record(tmp_path: Path) -> None:
    path = tmp_path / "many.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        for n in range(600):
            archive.writestr(f"x/{n}.xml", b"<a/>")
    assert "压缩包里有 600 个部件" in error_of(path)


@pytest.mark.parametrize(
    "content",
    [b"not a zip at all", b"PK\x05\x06" + bytes(18), b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)],
    ids=["text", "empty-zip-record", "encrypted-ole"],
)
def test_what_is_not_an_xlsx(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "r.xlsx"
    path.write_bytes(content)
    assert error_of(path).startswith("r.xlsx：")


def sheet_xml(path: Path) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return archive.read("xl/worksheets/sheet1.xml")


def test_a_dtd_with_entities_is_refused(tmp_path: Path) -> None:
    path = small_workbook(tmp_path / "laughs.xlsx")
    entities = b"".join(
        b'<!ENTITY %c "%s">' % (98 + i, b"".join(b"&%c;" % (97 + i) for _ in range(10))) for i in range(9)
    )
    laughs = b'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">' + entities + b"]>"
    sheet = laughs + sheet_xml(path).replace("王五".encode(), b"&j;")
    rewrite(path, {"xl/worksheets/sheet1.xml": sheet})
    message = error_of(path)
    assert message.startswith("laughs.xlsx：文件中的 xl/worksheets/sheet1.xml 含有 DTD 或实体声明")


def test_an_external_entity_is_refused(tmp_path: Path) -> None:
    path = small_workbook(tmp_path / "xxe.xlsx")
    with zipfile.ZipFile(path) as archive:
        workbook_xml = archive.read("xl/workbook.xml")
    xxe = b'<!doctype workbook [<!entity e SYSTEM "file:///etc/passwd">]>'
    rewrite(path, {"xl/workbook.xml": xxe + workbook_xml})
    assert "文件中的 xl/workbook.xml 含有 DTD 或实体声明" in error_of(path)


@pytest.mark.parametrize(
    ("encode", "message"),
    [
        (lambda xml: xml.decode().encode("utf-16"), "不是 UTF-8 编码"),
        (lambda xml: b'<?xml version="1.0" encoding="cp037"?>' + xml, "声明了编码 cp037"),
    ],
    ids=["utf-16", "ebcdic"],
)
def test_xml_parts_must_be_utf8(tmp_path: Path, encode: object, message: str) -> None:
    path = small_workbook(tmp_path / "enc.xlsx")
    with zipfile.ZipFile(path) as archive:
        workbook_xml = archive.read("xl/workbook.xml")
    assert callable(encode)
    rewrite(path, {"xl/workbook.xml": encode(workbook_xml)})
    assert message in error_of(path)


@pytest.mark.parametrize(
    ("member", "damage", "message"),
    [
        ("xl/worksheets/sheet1.xml", lambda xml: xml[: len(xml) // 2], "工作表「Sheet」无法读取"),
        (
            "xl/worksheets/sheet1.xml",
            lambda xml: xml.replace(
                b't="inlineStr"><is><t>' + "王五".encode() + b"</t></is>", b't="s"><v>99999</v>'
            ),
            "工作表「Sheet」无法读取",
        ),
        ("xl/workbook.xml", lambda xml: b"<workbook", "无法读取这个 Excel 文件"),
    ],
    ids=["truncated-sheet", "bad-shared-string", "broken-workbook"],
)
def test_damaged_parts_are_a_chinese_error(tmp_path: Path, member: str, damage: object, message: str) -> None:
    path = small_workbook(tmp_path / "damaged.xlsx")
    with zipfile.ZipFile(path) as archive:
        data = archive.read(member)
    assert callable(damage)
    rewrite(path, {member: damage(data)})
    assert message in error_of(path)


# --- CSV --------------------------------------------------------------------------------------------------------


def test_100_000_csv_rows_are_refused_at_once(tmp_path: Path) -> None:
    lines = [",".join(HEADER)] + [f"单位{i // 10},姓名{i},wxid_{i},政务督查联络群" for i in range(100_000)]
    path = tmp_path / "huge.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert (
        error_of(path)
        == "huge.csv：超过 20000 行，名册最多 20000 行。请删去多余的行，或拆成几个文件分别导入。"
    )


def test_20_000_rows_in_one_group_read_in_linear_time(tmp_path: Path) -> None:
    lines = [",".join(HEADER)] + [f"单位{i // 10},姓名{i},wxid_{i},政务督查联络群" for i in range(19_999)]
    path = tmp_path / "full.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    roster = read_roster_file(path).roster
    assert (len(roster.units), len(roster.rooms[0].members)) == (2000, 19_999)


def test_an_unclosed_quote_is_an_error_not_a_unit(tmp_path: Path) -> None:
    path = tmp_path / "quote.csv"
    path.write_text(
        '单位,姓名,微信号\n城关镇,王五,wxid_wangwu\n"河口镇,赵六,wxid_zhaoliu\n柳林乡,孙丽,wxid_sunli\n'
    )
    assert error_of(path).startswith("quote.csv 第3行：引号没有配对")


def test_a_stray_quote_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "quote.csv"
    path.write_text('单位,姓名,微信号\n"城关镇"政府,王五,wxid_wangwu\n')
    assert error_of(path).startswith("quote.csv 第2行起：引号用法有误")


def test_too_many_columns(tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    path.write_text(
        "单位,姓名,微信号\n" + ",".join(["x"] * 60) + "\n" + "城关镇,王五,wxid_wangwu" + "," * 500 + "\n"
    )
    assert error_of(path).startswith("wide.csv 第2行：有 60 列，名册最多 50 列")


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    with path.open("wb") as file:
        file.truncate(MAX_FILE_BYTES + 1)
    assert error_of(path).startswith("big.csv：文件有 10 MB，名册文件最大 10 MB")


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("城关镇,王\x00五,wxid_wangwu", "第2行「姓名」列：姓名「王�五」含有空字符（NUL）"),
        ("城关镇,王五,wxid_\x00wangwu", "第2行「微信号」列：微信号「wxid_�wangwu」含有空字符（NUL）"),
        ("城关\x07镇,王五,wxid_wangwu", "第2行「单位」列：单位名称「城关�镇」含有控制字符 U+0007"),
        ('城关镇,"王五\n",wxid_wangwu', None),  # a line break at the end of a cell is only whitespace
        ('城关镇,"王\n五",wxid_wangwu', "第2行「姓名」列：姓名「王�五」含有换行"),
        ("城关镇,王五,wxid\u2028wangwu", "含有控制字符 U+2028"),
    ],
)
def test_control_characters_in_ids_and_names(tmp_path: Path, row: str, message: str | None) -> None:
    path = tmp_path / "c.csv"
    path.write_text(f"单位,姓名,微信号\n{row}\n", encoding="utf-8", newline="")
    if message is None:
        assert read_roster_file(path).roster.units[0].liaisons[0].name == "王五"
    else:
        assert message in error_of(path)


# --- JSON and TOML ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("deep.json", "[" * 100_000 + "]" * 100_000, "deep.json：嵌套层次太深"),
        ("deep.json", '{"units": ' + "[" * 20 + "]" * 20 + "}", "deep.json：嵌套层次太深，名册最多 16 层"),
        ("deep.toml", "a = " + "[" * 100_000 + "]" * 100_000, "deep.toml："),
        ("deep.toml", "a = " + "{b = " * 30 + "1" + "}" * 30, "deep.toml：嵌套层次太深"),
        ("big.json", '{"units": [' + "9" * 5000 + "]}", "big.json：格式有误：有一个数字太长"),
        (
            "nul.json",
            '{"office": [{"id": "wxid_\\u0000liming", "name": "李明"}]}',
            "微信号「wxid_�liming」含有空字符",
        ),
        ("half.json", '{"office": [{"id": "wxid_liming", "name": "李\\ud800明"}]}', "含有控制字符 U+D800"),
        (
            "tab.toml",
            '[[office]]\nid = "wxid_liming"\nname = "李\\t明"\n',
            "office[0].name：姓名「李�明」含有制表符",
        ),
        (
            "many.json",
            json.dumps({"units": [f"单位{n}" for n in range(20_001)]}),
            "「units」有 20001 项，最多 20000 项",
        ),
    ],
)
def test_mapping_files_end_in_a_chinese_error(tmp_path: Path, name: str, content: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert message in error_of(path)


def test_every_problem_of_a_mapping_is_listed(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    data = {
        "office": [{"id": "wxid_liming"}],
        "units": [{"name": ""}, {"name": "城关镇", "liaisons": [{"id": "w\x01", "name": "王五"}]}],
        "rooms": [{"topic": "甲群"}],
    }
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(RosterError) as caught:
        read_roster_file(path)
    assert [str(p) for p in caught.value.problems] == [
        'r.json：office[0]：缺少「name」（姓名）或为空，例如 {"id": "wxid_zhangsan", "name": "张三"}。',
        'r.json：units[0]：缺少「name」（单位名称）或为空，例如 {"name": "城关镇", "aliases": ["城关"], '
        '"kind": "乡镇", "liaisons": [...]}。',
        "r.json：units[1].liaisons[0].id：微信号「w�」含有控制字符 U+0001，这种字符不能出现在微信号里："
        "请删去后重新输入（常见于从网页、聊天记录复制来的文字）。",
        'r.json：rooms[0]：缺少「id」（群ID）或为空，例如 {"id": "20001@chatroom", "topic": "政务督查联络群", '
        '"members": ["wxid_zhangsan"]}。',
    ]
