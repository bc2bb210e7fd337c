"""`duban roster import [--dry-run]` and `roster show` on a county's own spreadsheet and on broken files."""

from __future__ import annotations

from pathlib import Path

from test_cli import duban
from test_roster_county import county_workbook

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def test_dry_run_then_import_of_the_county_sheet(tmp_path: Path) -> None:
    sheet = county_workbook(tmp_path / "县名册.xlsx")
    dry = duban("roster", "import", "--dry-run", sheet, cwd=tmp_path)
    assert dry.returncode == 0, dry.stderr
    out = dry.stdout
    assert out.startswith(f"试导入 {sheet}（只检查，没有写入数据库 data/duban.db）：\n")
    assert "没有导入的列：序号、职务、手机号" in out
    assert (
        "单位：新增 5 个，更新 0 个，不变 0 个\n  新增：城关镇、河口镇、柳林乡、县发展和改革委员会、县教育局"
        in out
    )
    assert "  新增：王五（wxid_wangwu）、王小明（wxid_wangxm）" in out
    assert "待绑定的联络员（没有微信号，用 /绑定 绑定）：赵六（河口镇）" in out
    assert "县名册.xlsx 第13行：这一行像是说明文字" in out
    assert "名册里没有督查室人员：导入后没有人能发命令" in out
    assert "承办单位（0 个）" in duban("roster", "show", cwd=tmp_path).stdout  # nothing written

    done = duban("roster", "import", sheet, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"已导入 {sheet} 到数据库 data/duban.db：\n")
    shown = duban("roster", "show", cwd=tmp_path).stdout
    assert "待绑定：赵六（名册里没有微信号；在群里发送 /绑定 河口镇 @赵六 绑定）" in shown
    assert "督查室人员（0 人）\n  （无：没有人能发命令）" in shown

    office = tmp_path / "督查室.csv"
    office.write_text("角色,单位,姓名,微信号\n督查室,,李明,wxid_liming\n", encoding="utf-8")
    added = duban("roster", "import", office, cwd=tmp_path)
    assert "没有督查室人员" not in added.stdout
    again = duban("roster", "import", "--dry-run", sheet, cwd=tmp_path)
    assert "名册没有变化。\n" in again.stdout
    assert "单位：新增 0 个，更新 0 个，不变 5 个" in again.stdout
    assert "没有督查室人员" not in again.stdout


def test_a_file_with_many_problems_lists_them_all_and_imports_nothing(tmp_path: Path) -> None:
    path = tmp_path / "名册.csv"
    path.write_text(
        "单位,姓名,微信号\n城关镇,,wxid_a\n河口镇,王\x00五,wxid_b\n柳林乡,孙丽,wxid_a\n", encoding="utf-8"
    )
    result = duban("roster", "import", path, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "错误：发现 3 处错误，名册没有导入（全部改正后再导入）：",
        "  1. 名册.csv 第2行「姓名」列：微信号「wxid_a」没有填写姓名。",
        "  2. 名册.csv 第3行「姓名」列：姓名「王�五」含有空字符（NUL），这种字符不能出现在姓名里："
        "请删去后重新输入（常见于从网页、聊天记录复制来的文字）。",
        "  3. 名册.csv 第4行「微信号」列：微信号「wxid_a」在第2行已绑定「城关镇」，不能再绑定「柳林乡」："
        "一个联络员只能属于一个单位。",
    ]
    assert "承办单位（0 个）" in duban("roster", "show", cwd=tmp_path).stdout


def test_a_hostile_file_is_a_chinese_error_without_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000, encoding="utf-8")
    result = duban("roster", "import", "--dry-run", path, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("错误：deep.json：")
    assert "Traceback" not in result.stderr
