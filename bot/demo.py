"""The demo roster `duban run` installs when no roster was imported, so a newcomer can try it at once."""

from __future__ import annotations

from typing import Any

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
