"""The penalty rules of the seed, as pure functions over a unit's outcomes in notice order."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal
from zoneinfo import ZoneInfo

PENALTY_KINDS = ("书面检查", "通报批评", "媒体曝光", "警示约谈", "责任追究")
WRITTEN, CRITICISM = PENALTY_KINDS[0], PENALTY_KINDS[1]

State = Literal["ok", "lapse", "undecided"]


@dataclass(frozen=True)
class Outcome:
    """One assignment's receipt or feedback as of now: on time, lapsed (late or missed) or not yet decided."""

    notice_id: int
    due: datetime
    state: State
    field: str = "receipt"  # receipt | feedback


@dataclass(frozen=True)
class Proposal:
    kind: str
    basis: str  # receipt | feedback | count
    notice_ids: tuple[int, ...]
    at: datetime
    key: str  # stable identity: the same proposal is never made twice
    lapses: tuple[tuple[int, str], ...] = ()  # the (notice id, field) lapses it cites


def consecutive_lapses(
    unit_id: int, basis: str, outcomes: Sequence[Outcome], flagged: Collection[int] = ()
) -> list[Proposal]:
    """书面检查: every second consecutive lapse, counting in notice order and starting again after each flag.

    `outcomes` are the unit's counted assignments (withdrawn notices and excused assignments left out)
    in order of the notices' issue time. Only the decided prefix counts: an undecided outcome stops the
    count, so a later notice's lapse never pairs across an earlier one that may still come in on time.
    `flagged` are the notices of this unit's live (proposed or confirmed) flags on this basis: a lapse
    already in a flag is never put into a second one, and the count starts again after it.
    """
    proposals: list[Proposal] = []
    run: list[Outcome] = []
    for outcome in outcomes:
        if outcome.state == "undecided":
            break
        if outcome.state == "ok" or outcome.notice_id in flagged:
            run = []
            continue
        run.append(outcome)
        if len(run) == 2:
            ids = tuple(o.notice_id for o in run)
            key = f"{unit_id}:{basis}:{ids[0]}-{ids[1]}"
            cited = tuple((o.notice_id, o.field) for o in run)
            proposals.append(Proposal(WRITTEN, basis, ids, max(o.due for o in run), key, cited))
            run = []
    return proposals


def quarter_of(moment: datetime, tz: ZoneInfo) -> tuple[int, int]:
    local = moment.astimezone(tz)
    return local.year, (local.month - 1) // 3 + 1


def quarterly_count(
    unit_id: int, lapses: Sequence[Outcome], threshold: int, tz: ZoneInfo, live_quarters: Collection[str] = ()
) -> list[Proposal]:
    """通报批评: `threshold` lapses (receipt and feedback together) with deadlines in one calendar quarter.

    At most one live flag per unit and quarter: `live_quarters` ("2026Q4") already have a proposed or
    confirmed one. A revoked one frees the quarter; the same lapses are not proposed again (same key),
    but a different set (after an excuse, say) is.
    """
    by_quarter: dict[tuple[int, int], list[Outcome]] = {}
    for lapse in sorted((o for o in lapses if o.state == "lapse"), key=lambda o: (o.due, o.notice_id)):
        by_quarter.setdefault(quarter_of(lapse.due, tz), []).append(lapse)
    proposals = []
    for (year, quarter), items in sorted(by_quarter.items()):
        if len(items) >= threshold and f"{year}Q{quarter}" not in live_quarters:
            counted = items[:threshold]
            ids = tuple(dict.fromkeys(o.notice_id for o in counted))
            key = f"{unit_id}:count:{year}Q{quarter}:{'-'.join(map(str, ids))}"
            cited = tuple((o.notice_id, o.field) for o in counted)
            proposals.append(Proposal(CRITICISM, "count", ids, counted[-1].due, key, cited))
    return proposals


# 四（三）: a 通报批评 not rectified in time leads to 媒体曝光, a 媒体曝光 still not rectified to 警示约谈.
NEXT_RUNG = {PENALTY_KINDS[1]: PENALTY_KINDS[2], PENALTY_KINDS[2]: PENALTY_KINDS[3]}


def rectification(
    unit_id: int, flag_id: int, kind: str, outcomes: Sequence[Outcome], start: datetime, until: datetime
) -> Proposal | None:
    """When a rectification period (start, until] has ended: the next rung if the unit lapsed within it.

    None means 整改到位: no lapse with a deadline inside the period. The proposal cites those lapses.
    """
    within = sorted(
        (o for o in outcomes if o.state == "lapse" and start < o.due <= until),
        key=lambda o: (o.due, o.notice_id),
    )
    if not within or kind not in NEXT_RUNG:
        return None
    ids = tuple(dict.fromkeys(o.notice_id for o in within))
    cited = tuple((o.notice_id, o.field) for o in within)
    return Proposal(NEXT_RUNG[kind], "rectify", ids, until, f"{unit_id}:rectify:{flag_id}", cited)
