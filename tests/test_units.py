"""Table-driven tests of unit-name resolution."""

from __future__ import annotations

import pytest

from handlers.actions.liaison import read_for_unit
from handlers.reading.units import UnitNames, UnitResolution, resolve_units, split_unit_list, units_named

UNITS = (
    UnitNames(1, "城关镇", ("城关",)),
    UnitNames(2, "城东乡"),
    UnitNames(3, "城西镇"),
    UnitNames(4, "县财政局"),
    UnitNames(5, "县发展和改革委员会", ("发改委", "县发改委")),
    UnitNames(6, "县政府办公室", ("政府办",)),
    UnitNames(7, "县委办公室", ("县委办",)),
    UnitNames(8, "县住房和城乡建设局", ("住建局",)),
    UnitNames(9, "产业集聚区管委会", ("集聚区",)),
    UnitNames(10, "ＡＢＣ 服务中心"),
    UnitNames(11, "县教育局"),
    UnitNames(12, "县教体局"),
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("城关镇", ("城关镇",)),
        (
            "城关镇、财政局，发改委,城西镇;城东乡；住建局",
            ("城关镇", "财政局", "发改委", "城西镇", "城东乡", "住建局"),
        ),
        (" 城关镇  财政局\n集聚区\u3000教育局 ", ("城关镇", "财政局", "集聚区", "教育局")),
        ("城关镇、、，", ("城关镇",)),
        ("住房和城乡建设局", ("住房和城乡建设局",)),  # 和 is part of names, never a separator
        ("", ()),
        ("、 ，", ()),
    ],
)
def test_split_unit_list(text: str, expected: tuple[str, ...]) -> None:
    assert split_unit_list(text) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        # exact name, exact alias
        ("城关镇", 1),
        ("县财政局", 4),
        ("发改委", 5),
        ("县委办", 7),
        # normalised: county prefix, government suffixes, width, spaces, case
        ("财政局", 4),
        ("县城关镇", 1),
        ("城关镇人民政府", 1),
        ("城关镇政府", 1),
        ("城东乡人民政府", 2),
        ("县人民政府办公室", 6),
        ("县发展和改革委员会 ", 5),
        ("县 财 政 局", 4),
        ("ABC服务中心", 10),
        ("abc 服务中心", 10),
        ("住建局", 8),
        # unique substring of a name or alias
        ("城西", 3),
        ("财政", 4),
        ("发改", 5),
        ("住房和城乡建设", 8),
        ("管委会", 9),
    ],
)
def test_resolves_one_name(typed: str, expected: int) -> None:
    assert resolve_units([typed], UNITS) == UnitResolution(matched=(expected,), unknown=())


@pytest.mark.parametrize(
    ("typed", "suggestions"),
    [
        ("办公室", {"县委办公室", "县政府办公室"}),  # ambiguous substring: both offered
        ("城关镇财政所", {"城关镇"}),  # a known name inside what was typed
        ("城东镇", {"城东乡", "城西镇", "城关镇"}),  # close spellings
        ("教局", {"县教育局", "县教体局"}),
        ("公安局", set()),
        ("镇", {"城关镇", "城西镇"}),  # a single character never matches by itself
    ],
)
def test_unknown_names_get_suggestions(typed: str, suggestions: set[str]) -> None:
    result = resolve_units([typed], UNITS)
    assert result.matched == ()
    assert result.unknown == ((typed, result.unknown[0][1]),)
    assert set(result.unknown[0][1]) == suggestions


def test_suggestions_are_official_names_at_most_three() -> None:
    result = resolve_units(["城"], UNITS)
    ((_, offered),) = result.unknown
    assert 0 < len(offered) <= 3
    assert set(offered) <= {unit.name for unit in UNITS}


def test_keeps_typed_order_without_duplicates_and_collects_unknowns() -> None:
    typed = ["住建局", "城关", "公安局", "", "城关镇", "县住房和城乡建设局", "公安局", "财政局"]
    result = resolve_units(typed, UNITS)
    assert result.matched == (8, 1, 4)
    assert [name for name, _ in result.unknown] == ["公安局"]


def test_exact_name_wins_over_a_longer_name_containing_it() -> None:
    units = (UnitNames(1, "城关镇"), UnitNames(2, "城关镇卫生院"))
    assert resolve_units(["城关镇"], units).matched == (1,)
    assert resolve_units(["卫生院"], units).matched == (2,)


def test_an_alias_shared_by_two_units_is_ambiguous() -> None:
    units = (UnitNames(1, "县教育局", ("教育",)), UnitNames(2, "县教体局", ("教育",)))
    result = resolve_units(["教育"], units)
    assert result.matched == ()
    assert result.unknown == (("教育", ("县教育局", "县教体局")),)


def test_no_units_known() -> None:
    assert resolve_units(["城关镇"], ()) == UnitResolution(matched=(), unknown=(("城关镇", ()),))


TOWN, EDUCATION = UnitNames(1, "城关镇", ("城关",)), UnitNames(2, "县教育局", ("教育局",))


@pytest.mark.parametrize(
    ("text", "named"),
    [
        # a school called by the township's short name and its number (城关一小, 城关二中) is that school (dev70)
        ("城关一小门前文明劝导岗", set()),
        ("城关二小 城关三中 都查了", set()),
        ("城关一中的报告收到了", set()),
        ("城关收到了", {1}),  # the short name itself still names the township
        ("城关小张说收到了", {1}),  # a person, not a school
    ],
)
def test_a_school_by_its_number_is_no_township(text: str, named: set[int]) -> None:
    assert units_named(text, [TOWN, EDUCATION]) == named


def test_a_departments_photo_of_a_township_school_is_its_own_report() -> None:
    reading = read_for_unit("717号收到。[图片] 城关一小门前文明劝导岗", EDUCATION, [TOWN, EDUCATION])
    assert (reading.whole.intent_list(), reading.about_others) == (["receipt", "feedback"], ())


WILLOW, STONE_BRIDGE, FOREST = (
    UnitNames(3, "柳林乡", ("柳林",)),
    UnitNames(4, "石桥镇", ("石桥",)),
    UnitNames(5, "县林业局", ("林业局",)),
)


@pytest.mark.parametrize(
    ("text", "named"),
    [
        # a scene of a department's work in a township says where, as a village there does (dev67, dev74, dev75)
        ("[图片] 3月6日 王庄乡大岭林区 防火卡点值守", set()),
        ("[图片] 12号 柳林乡秸秆还田作业现场", set()),
        ("437 青山乡石门林场防火巡查", set()),
        ("402号 青山乡黄土岭地灾隐患点现场排查", set()),
        ("2月12日 柳林乡和石桥镇交界处防火检查", set()),
        # … not the township itself acting, nor its name alone
        ("柳林乡已完成整改", {3}),
        ("柳林乡现场会开完了", {3}),
    ],
)
def test_a_scene_of_work_in_a_township_is_a_place(text: str, named: set[int]) -> None:
    roster = [
        UnitNames(1, "王庄乡", ("王庄",)),
        UnitNames(2, "青山乡", ("青山",)),
        WILLOW,
        STONE_BRIDGE,
        FOREST,
    ]
    assert units_named(text, roster, places=False) == named
