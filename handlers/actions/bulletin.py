"""The 通报's two files for a period, as `duban report` writes them and the web desk serves them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from handlers import texts
from handlers.policy import Policy
from handlers.rules.assessment import Period
from handlers.rules.report import Report, build_report, report_sheets
from storage.printable import workbook_bytes


@dataclass(frozen=True)
class Bulletin:
    """A period's 通报: the assessment it is made of, its text (ready to post) and its workbook."""

    report: Report
    text: str
    xlsx: bytes

    @property
    def txt(self) -> bytes:
        """The text file's bytes."""
        return (self.text + "\n").encode("utf-8")

    def file_name(self, kind: str) -> str:
        """督办通报-2026Q1.xlsx / .txt"""
        return f"督办通报-{self.report.period.key}.{kind}"


async def bulletin(session: AsyncSession, policy: Policy, period: Period, now: datetime) -> Bulletin:
    """Score the period (`build_report`) and write its 通报 as text and xlsx."""
    found = await build_report(session, policy.assessment, period, now)
    generated = f"生成时间：{policy.show(now, year=True)}"
    sheets = report_sheets(found, policy.assessment, policy.office_name, generated, policy.tz)
    return Bulletin(found, texts.report_text(policy, found), workbook_bytes(sheets, []))
