"""The demo `duban run` gives the console when no roster was imported: its roster, in its own database.

The demo never touches the configured (production) database: it lives in ``demo.db`` next to a configured
SQLite file (``./data/demo.db`` for any other database), and everything it installs is recorded under the
audit actor `DEMO_ACTOR`, which is how `duban roster import` recognises — and refuses — a demo database.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url

from storage.db import Database
from storage.roster import roster_from_mapping
from storage.roster_store import DEMO_ACTOR, apply_roster, roster_is_empty

DEMO_FILE = "demo.db"

DEMO_ROOM = "demo-room-1"

DEMO_ROSTER: dict[str, Any] = {
    "office": [{"id": "liming", "name": "李明"}],
    "units": [
        {"name": "城关镇", "kind": "乡镇", "liaisons": [{"id": "wangwu", "name": "王五"}]},
        {
            "name": "东关街道",
            "aliases": ["东关"],
            "kind": "乡镇",
            "liaisons": [{"id": "zhaoliu", "name": "赵六"}],
        },
        {
            "name": "县发展和改革委员会",
            "aliases": ["县发改委", "发改委"],
            "kind": "县政府部门",
            "liaisons": [{"id": "sunqi", "name": "孙七"}],
        },
        {
            "name": "县财政局",
            "aliases": ["财政局"],
            "kind": "县政府部门",
            "liaisons": [{"id": "zhouba", "name": "周八"}],
        },
        {
            "name": "产业集聚区管委会",
            "aliases": ["集聚区管委会", "集聚区"],
            "kind": "产业集聚区",
            "liaisons": [{"id": "wujiu", "name": "吴九"}],
        },
    ],
    "rooms": [
        {
            "id": DEMO_ROOM,
            "topic": "政务督查联络群",
            "members": ["liming", "wangwu", "zhaoliu", "sunqi", "zhouba", "wujiu"],
        }
    ],
}


def demo_database_url(url: str) -> str:
    """The demo's database: ``demo.db`` beside the configured SQLite file, else ``./data/demo.db``."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        return parsed.set(database=str(Path(parsed.database).with_name(DEMO_FILE))).render_as_string(
            hide_password=False
        )
    return f"sqlite+aiosqlite:///./data/{DEMO_FILE}"


async def install_demo(db: Database, *, at: datetime) -> bool:
    """Put the demo roster into an empty database; False if it already holds a roster."""
    async with db.transaction() as session:
        if not await roster_is_empty(session):
            return False
        await apply_roster(session, roster_from_mapping(DEMO_ROSTER), actor=DEMO_ACTOR, at=at)
        return True
