"""Which files a notice may carry: names, types and sizes judged by pure functions (the limits are config)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from pathlib import PurePosixPath

MB = 1024 * 1024
# Types a county office sends: 红头文件 (PDF, OFD), templates (Word, WPS, Excel, PowerPoint), images, archives.
DEFAULT_TYPES = (
    "pdf",
    "ofd",
    "doc",
    "docx",
    "wps",
    "xls",
    "xlsx",
    "et",
    "ppt",
    "pptx",
    "dps",
    "jpg",
    "jpeg",
    "png",
    "zip",
)
MIME_TYPES = {
    "pdf": "application/pdf",
    "ofd": "application/ofd",
    "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "wps": "application/vnd.ms-works",
    "xls": "application/vnd.ms-excel",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "et": "application/vnd.ms-excel",
    "ppt": "application/vnd.ms-powerpoint",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "dps": "application/vnd.ms-powerpoint",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "zip": "application/zip",
}
MAX_NAME = 120


@dataclass(frozen=True)
class FileRules:
    """The configured limits ([attachments])."""

    max_bytes: int = 20 * MB
    types: tuple[str, ...] = DEFAULT_TYPES  # file name extensions, lower case, without the dot
    pickup_window: timedelta = timedelta(minutes=30)  # a private file waits this long for the next /发布


@dataclass(frozen=True)
class FileProblem:
    """Why a file is not kept: too big, a type not allowed, or empty."""

    kind: str  # size | type | empty
    name: str
    size: int


def clean_name(raw: str) -> str:
    """The file's own name: no folders, no control characters, not too long (the extension kept)."""
    name = PurePosixPath(raw.replace("\\", "/")).name
    name = "".join(c for c in name if c.isprintable()).strip() or "文件"
    if len(name) > MAX_NAME:
        stem, dot, ext = name.rpartition(".")
        name = f"{stem[: MAX_NAME - len(ext) - 1]}.{ext}" if dot and len(ext) <= 8 else name[:MAX_NAME]
    return name


def extension(name: str) -> str:
    stem, dot, ext = name.rpartition(".")
    return ext.lower() if dot and stem else ""


def mime_of(name: str, given: str = "") -> str:
    """The type by the name's extension (what WeChat shows goes by it), else what the sender said."""
    return MIME_TYPES.get(extension(name)) or given.strip() or "application/octet-stream"


def file_problem(name: str, size: int, rules: FileRules) -> FileProblem | None:
    """None when the file may be kept."""
    if extension(name) not in rules.types:
        return FileProblem("type", name, size)
    if size <= 0:
        return FileProblem("empty", name, size)
    if size > rules.max_bytes:
        return FileProblem("size", name, size)
    return None


def human_size(size: int) -> str:
    """1.5 MB, 320 KB, 12 字节."""
    if size >= MB:
        return f"{size / MB:.1f} MB"
    if size >= 1024:
        return f"{round(size / 1024)} KB"
    return f"{size} 字节"
