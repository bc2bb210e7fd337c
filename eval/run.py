"""`make eval`: how well duban reads deadlines and liaison replies, on the outside sets in eval/ (see README.md).

Prints accuracy per file; `--show dev` also lists what the dev files got wrong (never the test files: they
are held out). Exits non-zero when a target is missed on any file.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from handlers.actions.liaison import read_for_unit
from handlers.reading.timeparse import TimeParseError, parse_deadline
from handlers.reading.units import UnitNames
from handlers.rules.workdays import WorkCalendar
from handlers.texts import deadline_problem

HERE = Path(__file__).resolve().parent
TZ = ZoneInfo("Asia/Shanghai")
WORKDAY_END = time(17, 30)
ROSTER = [
    UnitNames(1, "城关镇", ("城关",)),
    UnitNames(2, "河口镇", ("河口",)),
    UnitNames(3, "柳林乡", ("柳林",)),
    UnitNames(4, "王庄乡", ("王庄",)),
    UnitNames(5, "东关街道", ("东关",)),
    UnitNames(6, "县发展和改革委员会", ("发改委", "县发改委")),
    UnitNames(7, "县财政局", ("财政局",)),
    UnitNames(8, "县教育局", ("教育局",)),
    UnitNames(9, "县交通运输局", ("交通局", "县交通局")),
    UnitNames(10, "县住房和城乡建设局", ("住建局",)),
    UnitNames(11, "县卫生健康委员会", ("卫健委",)),
    UnitNames(12, "县应急管理局", ("应急局",)),
    UnitNames(13, "县产业集聚区管委会", ("集聚区", "集聚区管委会")),
    # added with dev18 (its writer used a larger county); the earlier sets never name them as senders
    UnitNames(14, "石桥镇", ("石桥",)),
    UnitNames(15, "青山乡", ("青山",)),
    UnitNames(16, "县农业农村局", ("农业农村局", "农业局")),
    UnitNames(17, "县自然资源局", ("自然资源局",)),
    UnitNames(18, "县信访局", ("信访局",)),
    UnitNames(19, "县统计局", ("统计局",)),
    UnitNames(20, "县林业局", ("林业局",)),
]
TARGETS = {"deadlines": 0.95, "receipt_precision": 1.0, "receipt_recall": 0.98, "other": 0.95}


def lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


# ---- deadlines -------------------------------------------------------------------------------------


def read_deadline(case: dict[str, Any]) -> str:
    now = datetime.fromisoformat(case["now"])
    try:
        found = parse_deadline(case["text"], now, tz=TZ, workday_end=WORKDAY_END, calendar=WorkCalendar())
    except TimeParseError as error:
        return f"refuse ({deadline_problem(error)})"
    return found.isoformat()


def score_deadlines(cases: Sequence[dict[str, Any]]) -> tuple[float, int, list[str]]:
    """(share correct, silently wrong instants, the misses)."""
    correct, silent, misses = 0, 0, []
    for case in cases:
        got = read_deadline(case)
        expected = case["expect"]
        if (expected == "refuse" and got.startswith("refuse")) or (
            expected != "refuse"
            and not got.startswith("refuse")
            and datetime.fromisoformat(got) == datetime.fromisoformat(expected)
        ):
            correct += 1
            continue
        if not got.startswith("refuse"):
            silent += 1  # an instant, but the wrong one (or one where a refusal was right)
        misses.append(f"{case['text']!r} at {case['now']}: expected {expected}, got {got}")
    return correct / len(cases), silent, misses


# ---- replies ---------------------------------------------------------------------------------------


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, expected: bool, got: bool, what: str) -> None:
        if expected and got:
            self.tp += 1
        elif got:
            self.fp += 1
            self.misses.append(f"false {what}")
        elif expected:
            self.fn += 1
            self.misses.append(f"missed {what}")

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def predict(case: dict[str, Any]) -> dict[str, list[int]]:
    """What duban would record for the sender's unit: notice numbers per kind ([0]: the current one)."""
    own = next(u for u in ROSTER if u.name == case["unit"])
    reading = read_for_unit(case["text"], own, ROSTER)
    found: dict[str, set[int]] = {"receipt": set(), "feedback": set(), "delay": set()}
    if reading.about_others:
        return {kind: [] for kind in found}
    for part in reading.parts:
        # the open notices are of the case's `year` where it gives one: "〔2026〕104号" is not 2027's 104
        is_open = [
            ref.seq in case["open"] and ref.year in (None, case.get("year", ref.year)) for ref in part.refs
        ]
        named = [
            ref.seq for ref, known in zip(part.refs, is_open, strict=True) if known
        ]  # others: asked about
        unplaced = [
            ref for ref, known in zip(part.refs, is_open, strict=True) if not known and not ref.heading
        ]
        if (
            (unplaced and not named)
            or set(part.unread) & set(case["open"])
            or (part.garbled and not part.refs)
        ):
            continue  # the bot asks which notice
        if part.all_owed and not named and len(case["open"]) > 1:
            continue  # "都收到了" with several open (all owed, as the sets assume): the bot asks which
        for kind in found:
            if kind in part.intents:
                found[kind] |= set(named) or {0}
    return {kind: sorted(seqs) for kind, seqs in found.items()}


def same_notices(case: dict[str, Any], kind: str, expected: list[int], got: list[int]) -> bool:
    """Whether the bot would record the notices the label names. `[0]` ("the one the rules pick") is the
    latest open notice where the bot picks that one: for a receipt, and for anything when only one notice
    is open (feedback naming no notice among several is asked about). A label of `[0]` is not checked."""
    if expected == [0]:
        return True
    if case["open"] and (kind == "receipt" or len(case["open"]) == 1):
        got = [case["open"][-1] if seq == 0 else seq for seq in got]
    return sorted(expected) == sorted(got)


def score_replies(cases: Sequence[dict[str, Any]]) -> tuple[dict[str, Tally], int, list[str]]:
    tallies = {kind: Tally() for kind in ("receipt", "feedback", "delay")}
    wrong_refs, misses = 0, []
    for case in cases:
        got = predict(case)
        for kind, tally in tallies.items():
            before = len(tally.misses)
            tally.add(bool(case[kind]), bool(got[kind]), kind)
            if len(tally.misses) > before:
                misses.append(f"{tally.misses[-1]}: {case['text']!r} ({case['unit']}) got {got}")
            elif case[kind] and got[kind] and not same_notices(case, kind, case[kind], got[kind]):
                wrong_refs += 1
                misses.append(
                    f"wrong notice for {kind}: {case['text']!r} expected {case[kind]}, got {got[kind]}"
                )
    return tallies, wrong_refs, misses


def report(files: Iterable[Path], show: str | None) -> bool:
    ok = True
    for path in files:
        cases = lines(path)
        visible = show is not None and show in path.name and ".test." not in path.name
        if path.name.startswith("deadlines"):
            share, silent, misses = score_deadlines(cases)
            print(f"{path.name}: {len(cases)} cases, {share:.1%} correct, {silent} silently wrong")
            ok &= share >= TARGETS["deadlines"] and silent == 0
        else:
            tallies, wrong_refs, misses = score_replies(cases)
            parts = [f"{kind} P {t.precision:.3f} R {t.recall:.3f}" for kind, t in tallies.items()]
            print(f"{path.name}: {len(cases)} replies, {'; '.join(parts)}; wrong notices {wrong_refs}")
            receipt = tallies["receipt"]
            ok &= (
                receipt.precision >= TARGETS["receipt_precision"]
                and receipt.recall >= TARGETS["receipt_recall"]
            )
            ok &= all(
                t.precision >= TARGETS["other"] and t.recall >= TARGETS["other"]
                for k, t in tallies.items()
                if k != "receipt"
            )
            ok &= wrong_refs == 0
        if visible:
            for miss in misses:
                print(f"  {miss}")
    return ok


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Measure duban's reading on the outside sets in eval/")
    dev_names = sorted({path.name.split(".")[1] for path in HERE.glob("*.dev*.jsonl")})
    parser.add_argument(
        "--show", choices=dev_names, help="list what the dev files got wrong (dev: all, dev7: that set only)"
    )
    args = parser.parse_args(argv)
    files = sorted(HERE.glob("*.jsonl"))
    if not files:
        print("no evaluation sets in eval/", file=sys.stderr)
        return 2
    return 0 if report(files, args.show) else 1


if __name__ == "__main__":
    sys.exit(main())
