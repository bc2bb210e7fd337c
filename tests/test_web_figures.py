"""The web desk's lights and rates, decided from the rule book's standings (pure functions)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.web.charts import bars
from bot.web.figures import action_label, ledger_between, light, unit_rates, worst
from storage.status import Facts, standing

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
SOON = NOW + timedelta(hours=9)
TZ = ZoneInfo("Asia/Shanghai")


def facts(**changes: object) -> Facts:
    base: dict[str, object] = {
        "notice_status": "open",
        "closed_at": None,
        "receipt_due": NOW + timedelta(days=3),
        "feedback_due": None,
        "received_at": None,
        "feedback_times": (),
        "excused": False,
        "reached_at": NOW - timedelta(hours=1),
        "routed": False,
    }
    base.update(changes)
    return Facts(**base)  # type: ignore[arg-type]


def test_each_light_follows_the_rule_book() -> None:
    assert light(standing(facts(), NOW), SOON) == "green"  # owing, but not due within a working day
    assert light(standing(facts(receipt_due=NOW + timedelta(hours=2)), NOW), SOON) == "yellow"
    assert light(standing(facts(receipt_due=NOW - timedelta(hours=1)), NOW), SOON) == "red"
    on_time = facts(receipt_due=NOW - timedelta(hours=1), received_at=NOW - timedelta(hours=2))
    assert light(standing(on_time, NOW), SOON) == "green"
    assert light(standing(facts(receipt_due=NOW - timedelta(hours=1), excused=True), NOW), SOON) == "grey"
    never_reached = facts(receipt_due=NOW - timedelta(hours=1), reached_at=None)
    assert light(standing(never_reached, NOW), SOON) == "grey"
    feedback_overdue = facts(received_at=NOW - timedelta(hours=2), feedback_due=NOW - timedelta(minutes=1))
    assert light(standing(feedback_overdue, NOW), SOON) == "red"
    withdrawn = facts(notice_status="withdrawn", closed_at=NOW, receipt_due=NOW - timedelta(hours=1))
    assert light(standing(withdrawn, NOW), SOON) == "grey"


def test_a_notice_shows_its_worst_unit() -> None:
    assert worst(["green", "yellow", "grey"]) == "yellow"
    assert worst(["green", "red", "yellow"]) == "red"
    assert worst(["grey", "grey"]) == "grey"
    assert worst([]) == "grey"


def test_rates_count_decided_obligations_per_unit_and_period() -> None:
    due = datetime(2026, 3, 10, 2, 0, tzinfo=UTC)
    sent = due - timedelta(days=1)
    rows = [
        (
            "城关镇",
            due,
            standing(facts(receipt_due=due, received_at=due - timedelta(hours=1), reached_at=sent), NOW),
        ),
        (
            "城关镇",
            due,
            standing(facts(receipt_due=due + timedelta(days=40), reached_at=sent), NOW),
        ),  # missed, April
        ("城关镇", due, standing(facts(receipt_due=NOW + timedelta(days=1)), NOW)),  # pending: not counted
    ]
    by_quarter = unit_rates(rows, TZ, "quarter")
    assert [(r.unit, r.period, r.receipt.on_time, r.receipt.missed) for r in by_quarter] == [
        ("城关镇", "2026Q2", 0, 1),
        ("城关镇", "2026Q1", 1, 0),
    ]
    [year] = unit_rates(rows, TZ, "year")
    assert (year.receipt.decided, year.receipt.percent, year.lapses) == (2, "50%", 1)
    assert year.feedback.percent == "—"


def test_a_ledger_is_cut_to_the_notices_issued_in_a_span() -> None:
    ledger = {
        "generated_at": "x",
        "notices": [{"issued_at": "2026-03-01T09:00:00+08:00"}, {"issued_at": "2026-05-01T09:00:00+08:00"}],
        "flags": [{"at": "2026-05-02T09:00:00+08:00"}],
    }
    start, end = datetime(2026, 4, 1, tzinfo=TZ), datetime(2026, 6, 1, tzinfo=TZ)
    cut = ledger_between(ledger, start, end)
    assert [n["issued_at"] for n in cut["notices"]] == ["2026-05-01T09:00:00+08:00"]
    assert len(cut["flags"]) == 1 and cut["generated_at"] == "x"


def test_a_bar_chart_is_plain_svg_with_escaped_labels() -> None:
    svg = bars("按时签收率", [("城关镇<script>", 0.5), ("东风乡", None), ("县财政局", 1.0)])
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert "<script>" not in svg and "城关镇&lt;script&gt;" in svg
    assert 'width="150.0"' in svg and "50%" in svg  # half of the 300-wide bar
    assert 'width="300.0"' in svg and "100%" in svg
    assert svg.count('fill="#eee"') == 3 and "—" in svg  # no bar where nothing is decided yet


def test_audit_actions_read_in_chinese() -> None:
    assert action_label("notice.issue") == "发布"
    assert action_label("assignment.receipt.undone") == "撤销签收"
    assert action_label("roster.unit.create") == "名册变更"
    assert action_label("review.ignored") == "待核处理"
    assert action_label("something.new") == "something.new"
