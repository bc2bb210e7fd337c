"""The seed's penalty rules as pure functions: 书面检查 for consecutive lapses, 通报批评 for a quarter's count.

Outcomes are written as strings in notice order: ``L`` a lapse (late or missed), ``O`` on time, ``U`` not yet
decided (the deadline has not passed). Notice ids are 1, 2, 3 … in that order, with deadlines a day apart.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from handlers.actions.duties import settled_from
from handlers.rules.penalties import (
    CRITICISM,
    PENALTY_KINDS,
    WRITTEN,
    Outcome,
    consecutive_lapses,
    quarter_of,
    quarterly_count,
)
from handlers.rules.settled import outcome
from storage.status import Facts, standing

TZ = ZoneInfo("Asia/Shanghai")
BASE = datetime(2026, 3, 2, 17, 30, tzinfo=TZ)
STATES = {"L": "lapse", "O": "ok", "U": "undecided"}


def outcomes(pattern: str, *, start: datetime = BASE, step: timedelta = timedelta(days=1)) -> list[Outcome]:
    pattern = pattern.replace(" ", "")
    return [
        Outcome(index, start + (index - 1) * step, STATES[code])  # type: ignore[arg-type]
        for index, code in enumerate(pattern, 1)
    ]


def pairs(pattern: str, basis: str = "receipt", unit: int = 7) -> list[tuple[int, ...]]:
    return [p.notice_ids for p in consecutive_lapses(unit, basis, outcomes(pattern))]


# ---------------------------------------------------------------------------------------------------------
# what the rules see


def test_penalty_ladder_is_the_seeds_five_rungs_in_order() -> None:
    assert PENALTY_KINDS == ("书面检查", "通报批评", "媒体曝光", "警示约谈", "责任追究")
    assert (WRITTEN, CRITICISM) == ("书面检查", "通报批评")


@pytest.mark.parametrize(
    ("done", "now", "expected"),
    [
        (None, -1, "undecided"),  # nothing yet, deadline ahead
        (None, 0, "undecided"),  # at the deadline itself it may still come: one boundary, as the rule book
        (-30, -1, "ok"),  # came early
        (0, 0, "ok"),  # exactly at the deadline still counts
        (-30, 60, "ok"),
        (None, 1, "lapse"),  # the deadline has just passed without it
        (None, 600, "lapse"),  # missed
        (1, 1, "lapse"),  # one minute late
        (90, 600, "lapse"),  # late
    ],
)
def test_the_rules_see_the_rule_books_judgement(done: int | None, now: int, expected: str) -> None:
    def minutes(m: int) -> datetime:
        return BASE + timedelta(minutes=m)

    facts = Facts("open", None, BASE, None, None if done is None else minutes(done), (), False, BASE, True)
    seen = outcome(4, "receipt", standing(facts, minutes(now)).receipt)
    assert seen == Outcome(4, BASE, expected, "receipt")  # type: ignore[arg-type]


@pytest.mark.parametrize("status", ["excused", "unreached", "void"])
def test_what_never_counts_is_not_shown_to_the_rules(status: str) -> None:
    facts = Facts("open", None, BASE, None, None, (), status == "excused", None, status != "unreached")
    if status == "void":
        facts = Facts("withdrawn", BASE, BASE, None, None, (), False, BASE, True)
    obligation = standing(facts, BASE + timedelta(days=1)).receipt
    assert obligation.status == status
    assert outcome(4, "receipt", obligation) is None


# ---------------------------------------------------------------------------------------------------------
# 书面检查: two consecutive lapses, then the count starts again


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("", []),
        ("O", []),
        ("L", []),
        ("OOOO", []),
        ("LL", [(1, 2)]),
        ("LLL", [(1, 2)]),  # a third consecutive lapse creates nothing
        ("LLLL", [(1, 2), (3, 4)]),  # a fourth creates the next flag
        ("LLLLL", [(1, 2), (3, 4)]),
        ("LLLLLL", [(1, 2), (3, 4), (5, 6)]),
        ("LOL", []),  # an on-time one in between resets
        ("LOLOLOL", []),
        ("LLOLL", [(1, 2), (4, 5)]),
        ("LLLOL", [(1, 2)]),  # the odd third lapse does not pair across an on-time one
        ("LLLOLL", [(1, 2), (5, 6)]),
        ("OLL", [(2, 3)]),
        ("OOLLO", [(3, 4)]),
        ("LU", []),  # undecided: not yet a lapse
        ("LUL", []),  # an undecided outcome stops the count; nothing pairs across it
        ("LLUL", [(1, 2)]),
        ("LLULL", [(1, 2)]),  # lapses after an undecided one wait until it is decided
        ("ULL", []),
    ],
)
def test_consecutive_lapses_table(pattern: str, expected: list[tuple[int, int]]) -> None:
    assert pairs(pattern) == expected


def test_consecutive_flag_fields() -> None:
    found = consecutive_lapses(7, "feedback", outcomes("OLL"))
    assert len(found) == 1
    proposal = found[0]
    assert proposal.kind == "书面检查"
    assert proposal.basis == "feedback"
    assert proposal.notice_ids == (2, 3)
    assert proposal.at == BASE + timedelta(days=2)  # the later deadline
    assert "7" in proposal.key


def test_flag_time_is_the_later_deadline_even_when_the_earlier_notice_has_the_later_deadline() -> None:
    # Notices are in issue order; the first one issued may have the later deadline.
    items = [Outcome(1, BASE + timedelta(days=5), "lapse"), Outcome(2, BASE, "lapse")]
    (proposal,) = consecutive_lapses(3, "receipt", items)
    assert proposal.notice_ids == (1, 2)
    assert proposal.at == BASE + timedelta(days=5)


def test_keys_differ_by_unit_and_basis() -> None:
    keys = {
        p.key
        for unit in (1, 2)
        for basis in ("receipt", "feedback")
        for p in consecutive_lapses(unit, basis, outcomes("LL"))
    }
    assert len(keys) == 4


def test_proposals_keep_their_keys_as_more_outcomes_are_decided() -> None:
    """What was proposed earlier is proposed again, with the same key, when later notices are decided."""
    early = consecutive_lapses(1, "receipt", outcomes("LLLU"))
    later = consecutive_lapses(1, "receipt", outcomes("LLLL"))
    assert [p.key for p in early] == [later[0].key]
    assert later[1].notice_ids == (3, 4)


# ---------------------------------------------------------------------------------------------------------
# 通报批评: N lapses (receipt and feedback together) with deadlines in one calendar quarter


def test_quarter_of_uses_the_configured_timezone() -> None:
    assert quarter_of(datetime(2026, 3, 31, 23, 30, tzinfo=TZ), TZ) == (2026, 1)
    assert quarter_of(datetime(2026, 4, 1, 0, 30, tzinfo=TZ), TZ) == (2026, 2)
    assert quarter_of(datetime(2026, 4, 1, 0, 30, tzinfo=TZ), ZoneInfo("UTC")) == (2026, 1)
    assert quarter_of(datetime(2026, 12, 31, 23, 59, tzinfo=TZ), TZ) == (2026, 4)
    assert quarter_of(datetime(2027, 1, 1, 0, 0, tzinfo=TZ), TZ) == (2027, 1)


def lapse(notice: int, due: datetime) -> Outcome:
    return Outcome(notice, due, "lapse")


@pytest.mark.parametrize("threshold", [2, 3, 4, 5])
def test_quarterly_count_fires_at_the_threshold(threshold: int) -> None:
    items = [lapse(i, BASE + timedelta(days=i)) for i in range(1, threshold)]
    assert quarterly_count(1, items, threshold, TZ) == []
    items.append(lapse(threshold, BASE + timedelta(days=threshold)))
    (proposal,) = quarterly_count(1, items, threshold, TZ)
    assert proposal.kind == "通报批评"
    assert proposal.basis == "count"
    assert proposal.notice_ids == tuple(range(1, threshold + 1))
    assert proposal.at == BASE + timedelta(days=threshold)


def test_receipt_and_feedback_lapses_of_one_notice_count_together() -> None:
    items = [
        lapse(1, BASE),  # receipt of notice 1
        lapse(2, BASE + timedelta(days=1)),  # receipt of notice 2
        lapse(1, BASE + timedelta(days=7)),  # feedback of notice 1
    ]
    (proposal,) = quarterly_count(9, items, 3, TZ)
    assert proposal.notice_ids == (1, 2)  # each notice named once
    assert proposal.at == BASE + timedelta(days=7)


def test_on_time_and_undecided_outcomes_do_not_count() -> None:
    items = [
        lapse(1, BASE),
        Outcome(2, BASE + timedelta(days=1), "ok"),
        Outcome(3, BASE + timedelta(days=2), "undecided"),
        lapse(4, BASE + timedelta(days=3)),
    ]
    assert quarterly_count(1, items, 3, TZ) == []


def test_lapses_across_a_quarter_boundary_do_not_combine() -> None:
    q1_end = datetime(2026, 3, 31, 17, 30, tzinfo=TZ)
    q2_start = datetime(2026, 4, 1, 9, 0, tzinfo=TZ)
    items = [lapse(1, q1_end - timedelta(days=2)), lapse(2, q1_end), lapse(3, q2_start)]
    assert quarterly_count(1, items, 3, TZ) == []
    items += [lapse(4, q2_start + timedelta(days=1)), lapse(5, q2_start + timedelta(days=2))]
    (proposal,) = quarterly_count(1, items, 3, TZ)
    assert proposal.notice_ids == (3, 4, 5)
    assert quarter_of(proposal.at, TZ) == (2026, 2)


def test_the_boundary_is_local_midnight() -> None:
    # 2026-04-01 00:30 in Shanghai is still March in UTC, but it belongs to Q2 here.
    items = [
        lapse(1, datetime(2026, 3, 30, 17, 30, tzinfo=TZ)),
        lapse(2, datetime(2026, 3, 31, 17, 30, tzinfo=TZ)),
        lapse(3, datetime(2026, 4, 1, 0, 30, tzinfo=TZ)),
    ]
    assert quarterly_count(1, items, 3, TZ) == []
    assert len(quarterly_count(1, items, 3, ZoneInfo("UTC"))) == 1


def test_one_flag_per_unit_and_quarter_however_many_lapses() -> None:
    items = [lapse(i, BASE + timedelta(days=i)) for i in range(1, 10)]  # nine lapses in March
    found = quarterly_count(1, items, 3, TZ)
    assert len(found) == 1
    assert found[0].notice_ids == (1, 2, 3)


def test_separate_quarters_and_years_give_separate_flags() -> None:
    dues = [
        datetime(2026, 2, 2, tzinfo=TZ),
        datetime(2026, 5, 2, tzinfo=TZ),
        datetime(2027, 2, 2, tzinfo=TZ),
    ]
    items = [lapse(n * 10 + k, due + timedelta(days=k)) for n, due in enumerate(dues) for k in range(3)]
    found = quarterly_count(1, items, 3, TZ)
    assert [quarter_of(p.at, TZ) for p in found] == [(2026, 1), (2026, 2), (2027, 1)]
    assert len({p.key for p in found}) == 3


# ---------------------------------------------------------------------------------------------------------
# Properties

codes = st.text(alphabet="LOU", max_size=40)


def reference_pairs(pattern: str) -> list[tuple[int, int]]:
    """The rule as the issue states it, written independently: split the decided prefix into runs."""
    prefix = pattern.split("U", 1)[0]
    result: list[tuple[int, int]] = []
    position = 1
    for run in prefix.split("O"):
        for k in range(len(run) // 2):
            result.append((position + 2 * k, position + 2 * k + 1))
        position += len(run) + 1
    return result


@given(codes)
def test_flags_are_the_disjoint_consecutive_pairs_of_the_decided_prefix(pattern: str) -> None:
    assert pairs(pattern) == reference_pairs(pattern)


@given(codes)
def test_flag_count_equals_disjoint_pairs_in_runs(pattern: str) -> None:
    prefix = pattern.split("U", 1)[0]
    assert len(pairs(pattern)) == sum(len(run) // 2 for run in prefix.split("O"))


@given(codes, st.sampled_from(["receipt", "feedback"]))
def test_no_flag_names_an_ok_or_undecided_outcome(pattern: str, basis: str) -> None:
    items = outcomes(pattern)
    state = {o.notice_id: o.state for o in items}
    for proposal in consecutive_lapses(1, basis, items):
        assert len(proposal.notice_ids) == 2
        assert all(state[n] == "lapse" for n in proposal.notice_ids)
        assert proposal.notice_ids[1] == proposal.notice_ids[0] + 1  # consecutive in notice order
        assert proposal.basis == basis
        assert proposal.kind == "书面检查"


@given(codes)
def test_each_notice_is_named_by_at_most_one_flag_and_keys_are_unique(pattern: str) -> None:
    found = consecutive_lapses(1, "receipt", outcomes(pattern))
    named = [n for p in found for n in p.notice_ids]
    assert len(named) == len(set(named))
    assert len({p.key for p in found}) == len(found)


@given(codes, codes)
def test_deciding_later_outcomes_never_changes_earlier_flags(first: str, more: str) -> None:
    """Flags are made once as deadlines pass: a prefix's flags stay a prefix of the longer history's."""
    before = consecutive_lapses(1, "receipt", outcomes(first))
    after = consecutive_lapses(1, "receipt", outcomes(first + more))
    assert after[: len(before)] == before


@given(codes)
def test_flag_time_is_the_later_of_the_two_deadlines(pattern: str) -> None:
    items = outcomes(pattern)
    due = {o.notice_id: o.due for o in items}
    for proposal in consecutive_lapses(1, "receipt", items):
        assert proposal.at == max(due[n] for n in proposal.notice_ids)


quarter_items = st.lists(
    st.tuples(
        st.integers(min_value=1, max_value=12),  # notice
        st.integers(min_value=0, max_value=3 * 365),  # day offset from 2026-01-01
        st.sampled_from(["lapse", "lapse", "ok", "undecided"]),
    ),
    max_size=40,
)


def to_outcomes(raw: list[tuple[int, int, str]]) -> list[Outcome]:
    start = datetime(2026, 1, 1, 17, 30, tzinfo=TZ)
    return [Outcome(n, start + timedelta(days=d), s) for n, d, s in raw]  # type: ignore[arg-type]


@settings(max_examples=200)
@given(quarter_items, st.integers(min_value=2, max_value=5))
def test_quarterly_one_flag_exactly_for_each_quarter_reaching_the_threshold(
    raw: list[tuple[int, int, str]], threshold: int
) -> None:
    items = to_outcomes(raw)
    counts: dict[tuple[int, int], int] = {}
    for o in items:
        if o.state == "lapse":
            counts[quarter_of(o.due, TZ)] = counts.get(quarter_of(o.due, TZ), 0) + 1
    found = quarterly_count(4, items, threshold, TZ)
    assert sorted(quarter_of(p.at, TZ) for p in found) == sorted(
        q for q, c in counts.items() if c >= threshold
    )
    assert len({p.key for p in found}) == len(found)
    lapsed_in = {(o.notice_id, quarter_of(o.due, TZ)) for o in items if o.state == "lapse"}
    for p in found:
        assert p.kind == "通报批评" and p.basis == "count"
        quarter = quarter_of(p.at, TZ)
        assert all((n, quarter) in lapsed_in for n in p.notice_ids)  # only lapses of that quarter


@settings(max_examples=200)
@given(quarter_items, quarter_items, st.integers(min_value=2, max_value=5))
def test_quarterly_flags_do_not_change_when_later_lapses_arrive(
    first: list[tuple[int, int, str]], more: list[tuple[int, int, str]], threshold: int
) -> None:
    """Lapses are decided in deadline order; ones decided later never alter a quarter already flagged."""
    early = to_outcomes(first)
    horizon = max((o.due for o in early), default=BASE)
    later = [o for o in to_outcomes(more) if o.due > horizon]
    before = quarterly_count(1, early, threshold, TZ)
    after = {p.key: p for p in quarterly_count(1, early + later, threshold, TZ)}
    for proposal in before:
        assert after[proposal.key] == proposal


# Reading less history: where the consecutive count provably starts afresh (`handlers.actions.duties.settled_from`).


@pytest.mark.parametrize(
    ("pattern", "flagged", "changed_from", "expected"),
    [
        ("OLL", (), 2, 1),  # just after the on-time receipt, before the first outcome that may have changed
        ("LOLOL", (), 5, 4),  # the last reset before it
        ("LLL", (), 3, None),  # no reset: how 2 and 3 pair depends on older notices
        ("LLL", (2,), 3, 2),  # a notice in a live flag ends a run too
        ("OLUL", (), 9, 1),  # an undecided outcome stops the search: the count waits for it either way
        ("LUOL", (), 9, None),
        ("OLL", (), 9, 3),  # nothing may have changed: nothing to count
        ("", (), 1, 0),
    ],
)
def test_settled_from(
    pattern: str, flagged: tuple[int, ...], changed_from: int, expected: int | None
) -> None:
    due = BASE + (changed_from - 1) * timedelta(days=1)
    assert settled_from(outcomes(pattern), flagged, due) == expected


@settings(max_examples=400, deadline=None)
@given(
    st.text(alphabet="LOU", max_size=12),
    st.sets(st.integers(1, 12)),
    st.integers(1, 14),
    st.permutations(range(12)),
)
def test_counting_from_the_settled_point_finds_every_pair_a_full_count_finds_after_it(
    pattern: str, flagged: set[int], changed: int, order: list[int]
) -> None:
    """Deadlines in any order (a notice may be due after a later one): counting from `settled_from` gives
    exactly the full count's pairs after that point, and every full pair before it is made of outcomes
    that cannot have changed (deadlines before `changed_from`), so it was proposed when it formed."""
    runs = [
        Outcome(index, BASE + order[index - 1] * timedelta(days=1), STATES[code])  # type: ignore[arg-type]
        for index, code in enumerate(pattern, 1)
    ]
    changed_from = BASE + (changed - 1) * timedelta(days=1)
    start = settled_from(runs, flagged, changed_from)
    if start is None:
        return
    full = consecutive_lapses(7, "receipt", runs, flagged)
    after = [p for p in full if min(p.notice_ids) > start]
    assert consecutive_lapses(7, "receipt", runs[start:], flagged) == after
    for proposal in full:
        if min(proposal.notice_ids) <= start:
            assert all(runs[i - 1].due < changed_from for i in proposal.notice_ids)


def test_a_pass_reading_part_of_an_earlier_quarter_counts_only_the_quarters_of_the_change() -> None:
    """Read a month back into September for a settled point: September's lapses are not counted again."""
    from bot.app import make_policy
    from bot.config import load_config
    from handlers.actions.duties import proposals_for

    policy = make_policy(load_config(None, env={}), bot_id="bot")
    september = outcomes("OLLL", start=datetime(2026, 9, 25, 17, 30, tzinfo=TZ))
    october = outcomes("O", start=datetime(2026, 10, 9, 17, 30, tzinfo=TZ))
    october = [Outcome(5, o.due, o.state) for o in october]
    whole = proposals_for(7, [*september, *october], [], [], policy)
    assert whole is not None and [p.kind for p in whole] == [WRITTEN, CRITICISM]  # as a full read finds
    part = proposals_for(7, [*september, *october], [], [], policy, changed_from=october[0].due)
    # the pair is found again with the key it was proposed under (so not again); September is not counted
    assert part is not None and [p.key for p in part] == [whole[0].key]
