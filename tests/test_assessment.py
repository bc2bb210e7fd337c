"""The assessment (考核) as pure functions: points per lapse and penalty, ranks, the last-ranked twice in a row.

A unit's obligations are written as strings: ``O`` on time, ``l`` late, ``m`` missed, ``p`` pending,
``e`` excused, ``u`` unreached; the first string is receipts, the second feedback, deadlines a day apart
from 2 March 2026 (the first quarter).
"""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.app import assessment_rules
from bot.config import Config, ConfigError, config_from_mapping
from handlers.rules.assessment import (
    WARNING_TALK,
    Mark,
    Penalty,
    Rules,
    assess,
    last_ranked,
    last_twice,
    parse_quarter,
    quarter_containing,
    quarter_period,
    year_period,
)

TZ = ZoneInfo("Asia/Shanghai")
BASE = datetime(2026, 3, 2, 17, 30, tzinfo=TZ)
CODES = {"O": "on_time", "l": "late", "m": "missed", "p": "pending", "e": "excused", "u": "unreached"}
RULES = assessment_rules(Config())
Q1 = quarter_period(2026, 1, TZ)


def marks(unit: str, receipts: str, feedback: str = "", *, start: datetime = BASE) -> list[Mark]:
    return [
        Mark(unit, field, start + timedelta(days=index), CODES[code])
        for field, pattern in (("receipt", receipts), ("feedback", feedback))
        for index, code in enumerate(pattern)
    ]


def test_the_default_points_are_documented_county_practice() -> None:
    assert RULES.base == 100
    assert dict(RULES.lapse_points) == {
        ("receipt", "late"): 0.5,
        ("receipt", "missed"): 1.0,
        ("feedback", "late"): 1.0,
        ("feedback", "missed"): 2.0,
    }
    assert dict(RULES.penalty_points) == {
        "书面检查": 2.0,
        "通报批评": 3.0,
        "媒体曝光": 5.0,
        "警示约谈": 8.0,
        "责任追究": 10.0,
    }


def test_a_units_score_is_the_base_less_each_lapse_and_confirmed_penalty() -> None:
    facts = marks("城关镇", "OlmOp", "lmm") + marks("河口镇", "OOOO", "OO")
    penalties = [Penalty("城关镇", "书面检查", BASE + timedelta(days=3))]
    first, second = assess(facts, penalties, RULES, Q1)
    assert (first.unit, first.score, first.rank) == ("河口镇", 100.0, 1)
    assert (second.unit, second.rank) == ("城关镇", 2)
    assert (
        second.score == 100 - 0.5 - 1 - 1 - 2 * 2 - 2
    )  # late/missed receipt, late + 2 missed feedback, 书面检查
    assert second.deductions == (
        ("逾期签收", 1, 0.5),
        ("逾期未签收", 1, 1.0),
        ("逾期反馈", 1, 1.0),
        ("逾期未反馈", 2, 4.0),
        ("书面检查", 1, 2.0),
    )
    assert (second.receipt.on_time, second.receipt.decided) == (2, 4)  # pending is not decided
    assert second.receipt.rate == 0.5
    assert second.veto == ()  # 书面检查 is not a veto kind


def test_what_never_counts_costs_nothing_and_other_periods_stay_apart() -> None:
    facts = marks("城关镇", "euepO") + marks("城关镇", "mm", start=datetime(2026, 4, 2, tzinfo=TZ))
    penalties = [Penalty("城关镇", "通报批评", datetime(2026, 4, 10, tzinfo=TZ))]
    (q1,) = assess(facts, penalties, RULES, Q1)
    assert (q1.score, q1.deductions, q1.penalties) == (100.0, (), ())
    assert q1.veto == ()  # the 通报批评 came after the first quarter ended
    (q2,) = assess(facts, penalties, RULES, quarter_period(2026, 2, TZ))
    assert q2.score == 100 - 2 * 1 - 3
    assert q2.veto == ("通报批评",)
    (year,) = assess(facts, penalties, RULES, year_period(2026, TZ))
    assert year.score == q2.score


def test_a_veto_kind_confirmed_earlier_in_the_year_still_vetoes_a_later_quarter() -> None:
    penalties = [Penalty("城关镇", "警示约谈", BASE)]
    (q3,) = assess(
        marks("城关镇", "O", start=datetime(2026, 8, 1, tzinfo=TZ)),
        penalties,
        RULES,
        quarter_period(2026, 3, TZ),
    )
    assert q3.score == 100 and q3.veto == ("警示约谈",)


def test_the_score_never_drops_below_zero() -> None:
    penalties = [Penalty("城关镇", "责任追究", BASE)] * 3
    (unit,) = assess(marks("城关镇", "m" * 25, "m" * 25), penalties, RULES, Q1)
    assert unit.score == 0.0
    assert unit.deducted == 25 * 1 + 25 * 2 + 3 * 10  # the deductions are still shown in full


def test_equal_scores_share_a_rank_and_last_needs_someone_ahead() -> None:
    facts = marks("甲", "OO") + marks("乙", "Ol") + marks("丙", "lO") + marks("丁", "mm")
    ranked = assess(facts, [], RULES, Q1)
    assert [(s.unit, s.rank) for s in ranked] == [("甲", 1), ("乙", 2), ("丙", 2), ("丁", 4)]
    assert last_ranked(ranked) == ["丁"]
    all_equal = assess(marks("甲", "l") + marks("乙", "l"), [], RULES, Q1)
    assert last_ranked(all_equal) == []  # nobody is last when everyone shares the first rank
    assert last_ranked([]) == []


def test_last_twice_in_a_row_is_last_in_both_periods() -> None:
    q1 = assess(marks("甲", "OO") + marks("乙", "mm") + marks("丙", "Ol"), [], RULES, Q1)
    april = datetime(2026, 4, 2, tzinfo=TZ)
    q2_facts = (
        marks("甲", "OO", start=april) + marks("乙", "lm", start=april) + marks("丙", "mm", start=april)
    )
    q2 = assess(q2_facts, [], RULES, quarter_period(2026, 2, TZ))
    assert last_twice(q1, q2) == []  # 乙 last in Q1, 丙 last in Q2
    q2_again = assess(
        marks("甲", "OO", start=april) + marks("乙", "mm", start=april) + marks("丙", "l", start=april),
        [],
        RULES,
        quarter_period(2026, 2, TZ),
    )
    assert last_twice(q1, q2_again) == ["乙"]
    assert WARNING_TALK == "警示约谈"


@pytest.mark.parametrize(
    ("text", "key"),
    [("2026Q1", "2026Q1"), ("2026q4", "2026Q4"), ("2026年第二季度", "2026Q2"), (" 2026Q3 ", "2026Q3")],
)
def test_quarters_are_read_as_people_write_them(text: str, key: str) -> None:
    period = parse_quarter(text, TZ)
    assert period is not None and period.key == key


@pytest.mark.parametrize("text", ["2026Q5", "2026", "Q1", "2026-01", "二〇二六年一季度"])
def test_what_is_not_a_quarter_is_refused(text: str) -> None:
    assert parse_quarter(text, TZ) is None


def test_periods_know_their_names_neighbours_and_bounds() -> None:
    q1 = parse_quarter("2026Q1", TZ)
    assert q1 is not None
    assert q1.name == "2026年第一季度"
    assert (q1.start, q1.end) == (datetime(2026, 1, 1, tzinfo=TZ), datetime(2026, 4, 1, tzinfo=TZ))
    assert q1.previous().key == "2025Q4" and q1.previous().end == q1.start
    assert quarter_period(2026, 3, TZ).previous().key == "2026Q2"
    assert year_period(2026, TZ).name == "2026年度" and year_period(2026, TZ).previous().key == "2025"
    assert quarter_containing(datetime(2026, 3, 31, 16, 0, tzinfo=ZoneInfo("UTC")), TZ).key == "2026Q2"


def test_assessment_points_are_configurable_and_checked() -> None:
    config = config_from_mapping({"assessment": {"base_score": 60, "missed_feedback": 5, "warning_talk": 20}})
    rules = assessment_rules(config)
    assert rules.base == 60 and rules.lapse_points["feedback", "missed"] == 5
    assert rules.penalty_points["警示约谈"] == 20
    with pytest.raises(ConfigError, match="base_score"):
        config_from_mapping({"assessment": {"base_score": 0}})
    with pytest.raises(ConfigError, match="late_receipt"):
        config_from_mapping({"assessment": {"late_receipt": -1}})


# ---------------------------------------------------------------------------------------------------------
# properties

patterns = st.text(alphabet="Olmpeu", max_size=12)
units = st.dictionaries(st.sampled_from("甲乙丙丁戊"), st.tuples(patterns, patterns), min_size=1, max_size=5)
kinds = st.lists(
    st.tuples(st.sampled_from("甲乙丙丁戊"), st.sampled_from(list(RULES.penalty_points))), max_size=4
)


def _facts(table: dict[str, tuple[str, str]]) -> list[Mark]:
    return [mark for unit, (r, f) in table.items() for mark in marks(unit, r, f)]


@settings(max_examples=200, deadline=None)
@given(units, kinds)
def test_scores_follow_the_points_and_ranks_follow_the_scores(
    table: dict[str, tuple[str, str]], given_penalties: list[tuple[str, str]]
) -> None:
    penalties = [Penalty(unit, kind, BASE) for unit, kind in given_penalties]
    ranked = assess(_facts(table), penalties, RULES, Q1)
    named = {u for u, (r, f) in table.items() if r or f} | {u for u, _ in given_penalties}
    assert sorted(s.unit for s in ranked) == sorted(named)  # every unit with facts in the period, once
    for s in ranked:
        r, f = table.get(s.unit, ("", ""))
        expected = (
            r.count("l") * 0.5
            + r.count("m") * 1
            + f.count("l") * 1
            + f.count("m") * 2
            + sum(RULES.penalty_points[k] for u, k in given_penalties if u == s.unit)
        )
        assert s.deducted == pytest.approx(expected)
        assert s.score == pytest.approx(max(0.0, 100 - expected))
        assert 0 <= s.score <= RULES.base
        assert s.receipt.decided == sum(r.count(c) for c in "Olm")
    for better, worse in itertools.pairwise(ranked):
        assert better.score >= worse.score
        assert (better.rank == worse.rank) == (better.score == worse.score)
        assert worse.rank > better.rank or better.score == worse.score
    assert not ranked or ranked[0].rank == 1


@settings(max_examples=200, deadline=None)
@given(
    units,
    st.sampled_from("甲乙丙丁戊"),
    st.sampled_from(["receipt", "feedback"]),
    st.sampled_from(["late", "missed"]),
)
def test_one_more_lapse_never_raises_a_score_and_what_never_counts_changes_nothing(
    table: dict[str, tuple[str, str]], unit: str, field: str, status: str
) -> None:
    facts = _facts(table)
    before = {s.unit: s.score for s in assess(facts, [], RULES, Q1)}
    lapse = Mark(unit, field, BASE + timedelta(days=20), status)
    after = {s.unit: s.score for s in assess([*facts, lapse], [], RULES, Q1)}
    assert after[unit] <= before.get(unit, RULES.base)
    assert all(after[u] == before[u] for u in before if u != unit)
    for harmless in ("excused", "unreached", "pending"):
        same = {s.unit: s.score for s in assess([*facts, Mark(unit, field, BASE, harmless)], [], RULES, Q1)}
        assert same == {**before, unit: before.get(unit, RULES.base)}


@settings(max_examples=100, deadline=None)
@given(units, units)
def test_last_twice_names_only_units_last_in_both(
    first: dict[str, tuple[str, str]], second: dict[str, tuple[str, str]]
) -> None:
    q2 = quarter_period(2026, 2, TZ)
    april = datetime(2026, 4, 2, tzinfo=TZ)
    previous = assess(_facts(first), [], RULES, Q1)
    current = assess([m for u, (r, f) in second.items() for m in marks(u, r, f, start=april)], [], RULES, q2)
    named = last_twice(previous, current)
    assert set(named) == set(last_ranked(previous)) & set(last_ranked(current))
    for unit in named:
        assert any(s.rank > 1 for s in previous) and any(s.rank > 1 for s in current)
        assert next(s for s in current if s.unit == unit).score < max(s.score for s in current)


def test_rules_are_values() -> None:
    rules = Rules(100, {("receipt", "late"): 1}, {"书面检查": 2}, ("通报批评",))
    (unit,) = assess(marks("甲", "l"), [Penalty("甲", "通报批评", BASE)], rules, Q1)
    assert unit.score == 99 and unit.veto == (
        "通报批评",
    )  # a kind without points costs nothing, still vetoes
