"""Every example scenario under examples/ still produces the ledger and message count recorded next to it.

`examples/<name>.expected.json` holds a small extract of the ledger the replay writes: per notice
number its status and, per unit, receipt_status / feedback_status / received_at, plus how many
messages the bot sent. After a deliberate change of behaviour, regenerate the extracts with
``DUBAN_UPDATE_EXAMPLES=1 .venv/bin/pytest tests/test_replay_examples.py`` and review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from scenario import run_lines

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SCENARIOS = sorted(EXAMPLES.glob("*.jsonl"))
SCENARIO_TEXT = {path: path.read_text(encoding="utf-8") for path in SCENARIOS}
UPDATE = os.environ.get("DUBAN_UPDATE_EXAMPLES") == "1"


def extract(ledger: dict[str, Any], sent: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "messages_sent": len(sent),
        "notices": {
            notice["number"]: {
                "status": notice["status"],
                "units": {
                    unit["unit"]: {
                        "receipt_status": unit["receipt_status"],
                        "feedback_status": unit["feedback_status"],
                        "received_at": unit["received_at"],
                    }
                    for unit in notice["units"]
                },
            }
            for notice in ledger["notices"]
        },
    }


def test_there_are_examples_and_each_has_an_expectation() -> None:
    assert len(SCENARIOS) >= 4
    if not UPDATE:
        missing = [s.name for s in SCENARIOS if not s.with_suffix(".expected.json").exists()]
        assert missing == []


def expectation(scenario: Path, actual: dict[str, Any]) -> dict[str, Any]:
    """The recorded extract for a scenario (first written from `actual` when updating)."""
    expected_file = scenario.with_suffix(".expected.json")
    if UPDATE:
        expected_file.write_text(json.dumps(actual, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    expected: dict[str, Any] = json.loads(expected_file.read_text(encoding="utf-8"))
    return expected


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.stem for s in SCENARIOS])
async def test_example_still_gives_its_ledger(scenario: Path, tmp_path: Path) -> None:
    lines = SCENARIO_TEXT[scenario].splitlines()
    result = await run_lines(lines, tmp_path)
    actual = extract(result.ledger, result.sent)
    expected = expectation(scenario, actual)

    assert actual["notices"] == expected["notices"]
    assert actual["messages_sent"] == expected["messages_sent"]
