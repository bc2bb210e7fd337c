"""The real `duban` console script, run as a subprocess in a scratch directory (so ./data/ lands there)."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SCENARIO = EXAMPLES / "01_publish_and_receipts.jsonl"
SCRIPT = Path(sys.executable).parent / "duban"


def command() -> list[str]:
    if SCRIPT.exists():
        return [str(SCRIPT)]
    return [sys.executable, "-c", "from bot.cli import main; raise SystemExit(main())"]


def duban(
    *args: str | Path, cwd: Path, stdin: str = "", env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run `duban ARGS` in `cwd` with a clean DUBAN_* environment (plus `env`)."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DUBAN_")}
    clean["PYTHONUTF8"] = "1"
    return subprocess.run(
        [*command(), *map(str, args)],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**clean, **(env or {})},
        timeout=timeout,
        check=False,
    )


def json_lines(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


# --- help ------------------------------------------------------------------------------------------------


def test_help_lists_every_command_with_what_it_does(tmp_path: Path) -> None:
    result = duban("--help", cwd=tmp_path)
    assert result.returncode == 0
    out = result.stdout
    for name, says in [
        ("run", "启动机器人"),
        ("classify", "识别"),
        ("replay", "虚拟时间"),
        ("export", "台账"),
        ("report", "通报"),
        ("roster", "名册"),
        ("db", "数据库"),
        ("--config", "config.toml"),
    ]:
        assert name in out
        assert says in out
    assert not (tmp_path / "data").exists()  # asking for help touches nothing


SUBCOMMANDS = [
    pytest.param(["run"], ["启动"], id="run"),
    pytest.param(["classify"], ["识别"], id="classify"),
    pytest.param(["replay"], ["虚拟时间", "--ledger", "--db"], id="replay"),
    pytest.param(["export"], ["台账", "--format", "--year", "--out"], id="export"),
    pytest.param(["report"], ["通报", "--quarter", "2026Q1", "--year", "--out", "xlsx"], id="report"),
    pytest.param(["roster"], ["import", "show", "导入", "名册"], id="roster"),
    pytest.param(["roster", "import"], ["导入", "TOML", "xlsx"], id="roster-import"),
    pytest.param(["roster", "show"], ["名册"], id="roster-show"),
    pytest.param(["db"], ["upgrade", "升级"], id="db"),
    pytest.param(["db", "upgrade"], ["升级"], id="db-upgrade"),
]


@pytest.mark.parametrize(("words", "says"), SUBCOMMANDS)
def test_each_subcommand_help_says_what_it_does(tmp_path: Path, words: list[str], says: list[str]) -> None:
    result = duban(*words, "--help", cwd=tmp_path)
    assert result.returncode == 0
    for part in says:
        assert part in result.stdout


# --- classify --------------------------------------------------------------------------------------------

CLASSIFY = [
    ("12号收到", ["receipt"], 12),
    ("收到了吗？", [], None),
    ("收到", ["receipt"], None),
    ("没收到附件", [], None),
    ("请各单位收到后回复", [], None),
    ("督办〔2026〕3号已收到", ["receipt"], 3),
    ("来文收悉", ["receipt"], None),
    ("十二号收到", ["receipt"], 12),
]


def test_classify_prints_one_json_line_per_input(tmp_path: Path) -> None:
    stdin = "".join(json.dumps({"text": text}, ensure_ascii=False) + "\n" for text, _, _ in CLASSIFY)
    result = duban("classify", cwd=tmp_path, stdin=stdin + "\n")  # a blank line is skipped
    assert result.returncode == 0, result.stderr
    assert [{k: line[k] for k in ("text", "intents", "notice")} for line in json_lines(result.stdout)] == [
        {"text": text, "intents": intents, "notice": notice} for text, intents, notice in CLASSIFY
    ]
    problem = json_lines(result.stdout)[3]
    assert (problem["problem"], problem["review"]) == (True, True)  # 没收到附件: the office hears of it
    assert not (tmp_path / "data").exists()  # classify needs no database


def test_classify_knows_feedback_and_delay_and_dates(tmp_path: Path) -> None:
    texts = [
        "城关镇自查已全部完成，报告已报送",
        "因涉及企业较多，无法按时完成，申请延期至12月5日",
        "18号前完成",
    ]
    stdin = "".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in texts)
    result = duban("classify", cwd=tmp_path, stdin=stdin)
    done, delay, date = json_lines(result.stdout)
    assert done["intents"] == ["feedback"]
    assert "delay" in delay["intents"]
    assert "receipt" not in delay["intents"]
    assert date["notice"] is None  # a date, not notice 18


@pytest.mark.parametrize("bad", ["收到", '{"txt": "收到"}', "[1, 2]", '{"text": "收到"'])
def test_classify_rejects_a_bad_line_in_chinese(tmp_path: Path, bad: str) -> None:
    result = duban("classify", cwd=tmp_path, stdin='{"text": "收到"}\n' + bad + "\n")
    assert result.returncode == 2
    assert "第 2 行" in result.stderr
    assert '"text"' in result.stderr
    assert "Traceback" not in result.stderr


# --- database and roster ---------------------------------------------------------------------------------


def test_db_upgrade_creates_the_sqlite_database_under_data(tmp_path: Path) -> None:
    result = duban("db", "upgrade", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "data" / "duban.db").is_file()
    assert "升级" in result.stdout
    again = duban("db", "upgrade", cwd=tmp_path)
    assert again.returncode == 0, again.stderr


def test_roster_import_then_show_and_import_again_does_not_duplicate(tmp_path: Path) -> None:
    imported = duban("roster", "import", EXAMPLES / "roster.toml", cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    assert "已导入" in imported.stdout
    shown = duban("roster", "show", cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr
    for unit in (
        "城关镇",
        "河口镇",
        "柳林乡",
        "县发展和改革委员会",
        "县住房和城乡建设局",
        "县产业集聚区管委会",
    ):
        assert unit in shown.stdout
    assert "王五（wxid_wangwu）" in shown.stdout
    assert "李明（wxid_liming）" in shown.stdout
    assert "政务督查联络群" in shown.stdout
    assert "承办单位（7 个）" in shown.stdout

    again = duban("roster", "import", EXAMPLES / "roster.toml", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert duban("roster", "show", cwd=tmp_path).stdout == shown.stdout


@pytest.mark.parametrize("name", ["roster.json", "roster.csv"])
def test_roster_import_of_the_other_example_formats(tmp_path: Path, name: str) -> None:
    result = duban("roster", "import", EXAMPLES / name, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    shown = duban("roster", "show", cwd=tmp_path).stdout
    assert "城关镇" in shown


def test_roster_import_of_a_missing_file_is_a_chinese_error(tmp_path: Path) -> None:
    result = duban("roster", "import", tmp_path / "nothere.toml", cwd=tmp_path)
    assert result.returncode == 2
    assert "找不到" in result.stderr
    assert "Traceback" not in result.stderr


# --- replay and export -----------------------------------------------------------------------------------


def test_replay_prints_the_bot_messages_and_writes_the_ledger(tmp_path: Path) -> None:
    result = duban("replay", SCENARIO, "--ledger", "out.json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    sent = json_lines(result.stdout)
    assert [m["id"] for m in sent] == [f"bot-{n}" for n in range(1, len(sent) + 1)]
    for message in sent:
        assert set(message) >= {"id", "at", "room", "to", "text", "mentions"}
    notice = sent[0]
    assert notice["room"] == "room-1"
    assert notice["to"] is None
    assert "督办〔2026〕1号" in notice["text"]
    assert sorted(notice["mentions"]) == ["sunqi", "wangwu", "zhouba"]
    assert notice["at"] == "2026-11-25T09:00:00+08:00"

    ledger = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    (only,) = ledger["notices"]
    assert only["number"] == "督办〔2026〕1号"
    units = {u["unit"]: u for u in only["units"]}
    assert units["城关镇"]["received_at"] == "2026-11-25T09:05:00+08:00"
    assert units["城关镇"]["receipt_status"] == "on_time"
    assert units["县财政局"]["receipt_status"] == "late"
    assert "flags" in ledger
    assert not (tmp_path / "data").exists()  # a fresh temporary database, not ./data/


def test_replay_into_a_database_that_export_reads(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'kept.db'}"
    replayed = duban("replay", SCENARIO, "--db", url, cwd=tmp_path)
    assert replayed.returncode == 0, replayed.stderr
    env = {"DUBAN_DATABASE_URL": url}

    as_json = duban("export", "--format", "json", cwd=tmp_path, env=env)
    assert as_json.returncode == 0, as_json.stderr
    ledger = json.loads(as_json.stdout)
    assert [n["number"] for n in ledger["notices"]] == ["督办〔2026〕1号"]
    assert {u["unit"] for u in ledger["notices"][0]["units"]} == {"城关镇", "县发展和改革委员会", "县财政局"}

    to_file = duban(
        "export", "--format", "json", "--year", "2026", "--out", "ledger.json", cwd=tmp_path, env=env
    )
    assert to_file.returncode == 0, to_file.stderr
    assert json.loads((tmp_path / "ledger.json").read_text(encoding="utf-8"))["notices"][0]["seq"] == 1
    other_year = duban("export", "--year", "2025", cwd=tmp_path, env=env)
    assert json.loads(other_year.stdout)["notices"] == []

    duban("export", "--format", "csv", "--out", "ledger.csv", cwd=tmp_path, env=env)
    raw = (tmp_path / "ledger.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM, so Excel reads the Chinese
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 4  # header + three units
    assert any("城关镇" in row for row in rows[1:])
    assert any("督办〔2026〕1号" in cell for cell in rows[1])

    as_xlsx = duban("export", "--format", "xlsx", "--out", "ledger.xlsx", cwd=tmp_path, env=env)
    assert as_xlsx.returncode == 0, as_xlsx.stderr
    sheet = load_workbook(tmp_path / "ledger.xlsx").worksheets[0]
    assert sheet["A1"].value == "县人民政府督查室2026年督办事项台账·台账"  # [general] office_name's default
    values = [list(row) for row in sheet.iter_rows(min_row=3, values_only=True)]  # below the title rows
    assert values[0] == rows[0]  # the same header as the CSV
    assert len(values) == 4
    assert values[1][0] == "督办〔2026〕1号"
    assert any(row[rows[0].index(next(c for c in rows[0] if "单位" in c))] == "城关镇" for row in values[1:])
    assert not (tmp_path / "data").exists()  # everything went to the URL given


def test_csv_export_to_stdout_starts_with_a_bom(tmp_path: Path) -> None:
    result = subprocess.run(
        [*command(), "export", "--format", "csv"],
        cwd=tmp_path,
        capture_output=True,
        env={**{k: v for k, v in os.environ.items() if not k.startswith("DUBAN_")}, "PYTHONUTF8": "1"},
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(b"\xef\xbb\xbf")


def test_xlsx_export_needs_an_output_file(tmp_path: Path) -> None:
    result = duban("export", "--format", "xlsx", cwd=tmp_path)
    assert result.returncode == 2
    assert "--out" in result.stderr
    assert result.stdout == ""


# --- configuration errors --------------------------------------------------------------------------------


def test_a_bad_config_file_exits_2_naming_the_key(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text('[sending]\nper_minute = "many"\n', encoding="utf-8")
    for args in (["db", "upgrade"], ["export"], ["run"], ["classify"]):
        result = duban(*args, cwd=tmp_path)
        assert result.returncode == 2, args
        assert "per_minute" in result.stderr
        assert result.stderr.startswith("错误")
        assert "Traceback" not in result.stderr
    assert not (tmp_path / "data").exists()


def test_a_bad_config_given_with_config_exits_2(tmp_path: Path) -> None:
    (tmp_path / "other.toml").write_text('[working_hours]\nend = "25:00"\n', encoding="utf-8")
    result = duban("--config", "other.toml", "db", "upgrade", cwd=tmp_path)
    assert result.returncode == 2
    assert "[working_hours] end" in result.stderr


def test_a_bad_environment_override_exits_2_naming_the_variable(tmp_path: Path) -> None:
    result = duban("db", "upgrade", cwd=tmp_path, env={"DUBAN_GENERAL_TIMEZONE": "Mars/Base"})
    assert result.returncode == 2
    assert "timezone" in result.stderr


def test_the_database_url_comes_from_the_environment(tmp_path: Path) -> None:
    result = duban(
        "db",
        "upgrade",
        cwd=tmp_path,
        env={"DUBAN_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'env.db'}"},
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "env.db").is_file()
    assert not (tmp_path / "data").exists()


def test_config_may_follow_the_subcommand(tmp_path: Path) -> None:
    (tmp_path / "other.toml").write_text('[sending]\nper_minute = "many"\n', encoding="utf-8")
    result = duban("run", "--config", "other.toml", cwd=tmp_path)
    assert result.returncode == 2
    assert "per_minute" in result.stderr


def test_a_missing_explicit_config_file_is_an_error(tmp_path: Path) -> None:
    result = duban("--config", "confg.toml", "db", "upgrade", cwd=tmp_path)
    assert result.returncode == 2
    assert "confg.toml" in result.stderr
    assert not (tmp_path / "data").exists()


# --- run (the console bot) -------------------------------------------------------------------------------

DEMO_DB = {"DUBAN_DATABASE_URL": "sqlite+aiosqlite:///./data/demo.db"}


def test_run_on_the_defaults_installs_the_demo_roster_and_posts_a_notice(tmp_path: Path) -> None:
    lines = "李明: /发布 测试通知\\\n单位：城关镇\n"
    result = duban("run", cwd=tmp_path, stdin=lines, timeout=60)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "发送人@群名: 消息内容" in out  # the prompt
    assert "群「政务督查联络群」" in out
    assert "@王五" in out
    assert "测试通知" in out
    assert "督办〔" in out
    assert "李明（私聊）" in out  # the confirmation to the issuer
    assert "已发布" in out
    assert "data/demo.db" in result.stderr  # says where the demo keeps its data
    # the demo lives in its own database; the configured one stays empty for the real roster
    assert (tmp_path / "data" / "demo.db").is_file()
    assert "承办单位（0 个）" in duban("roster", "show", cwd=tmp_path).stdout
    shown = duban("roster", "show", cwd=tmp_path, env=DEMO_DB).stdout
    assert "城关镇" in shown
    assert "李明" in shown


def test_run_records_a_receipt_typed_in_the_console(tmp_path: Path) -> None:
    lines = (
        "李明: /发布 关于报送冬季防火排查情况的通知\\\n单位：城关镇、东关街道\\\n签收时限：2小时内\n"
        "城关镇-王五@政务督查联络群: 收到\n"
        "这一行没有发送人\n"
    )
    env = {"DUBAN_SENDING_ROOM_INTERVAL_SECONDS": "0", "DUBAN_SENDING_JITTER_SECONDS": "0"}
    result = duban("run", cwd=tmp_path, stdin=lines, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "看不懂这一行" in result.stdout
    # the mention shows the name in the group; 王五 may already be known there as 城关镇-王五 by the time it goes out
    assert re.search(r"@(城关镇-)?王五 @赵六", result.stdout)
    ledger = json.loads(duban("export", cwd=tmp_path, env=DEMO_DB).stdout)
    (notice,) = ledger["notices"]
    units = {u["unit"]: u for u in notice["units"]}
    assert units["城关镇"]["receipt_by"] == "wangwu"
    assert units["城关镇"]["receipt_status"] == "on_time"
    assert units["东关街道"]["received_at"] is None


def test_run_exits_cleanly_on_empty_input(tmp_path: Path) -> None:
    result = duban("run", cwd=tmp_path, stdin="", timeout=60)
    assert result.returncode == 0, result.stderr
    assert "Ctrl-D" in result.stdout


def test_run_sends_everything_the_input_caused_before_exiting(tmp_path: Path) -> None:
    lines = "李明: /发布 第一份通知\\\n单位：城关镇\n李明: /发布 第二份通知\\\n单位：全部\n"
    env = {"DUBAN_SENDING_ROOM_INTERVAL_SECONDS": "0.2", "DUBAN_SENDING_JITTER_SECONDS": "0"}
    result = duban("run", cwd=tmp_path, stdin=lines, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.count("群「政务督查联络群」") == 2  # the second post waited for its turn, then went out
    assert out.index("第一份通知") < out.index("第二份通知")
    assert out.count("李明（私聊）") == 2
