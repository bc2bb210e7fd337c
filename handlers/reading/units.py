"""Resolve the unit names office staff type ("财政局、城关、发改委") to unit ids, with suggestions."""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

_SEPARATORS_RE = re.compile(r"[、，,；;\s]+")
_SPACES_RE = re.compile(r"\s+")
# Compared without these, so "县财政局" = "财政局", "城关镇人民政府" = "城关镇政府" = "城关镇"
# and "县人民政府办公室" = "县政府办公室"; "县政府" itself is kept, so "办公室" alone stays ambiguous.
_COUNTY = "县"
_GOVERNMENT = "政府"
_MIN_KEY = 2  # a single character ("镇", "局") never matches anything by itself
_MAX_SUGGESTIONS = 3


@dataclass(frozen=True)
class UnitNames:
    """A unit as the resolver sees it: its id, official name and the short names people use."""

    id: int
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class UnitResolution:
    """Typed names resolved: matched ids in typed order; unknown names with up to 3 suggestions each."""

    matched: tuple[int, ...]
    unknown: tuple[tuple[str, tuple[str, ...]], ...]


def split_unit_list(text: str) -> tuple[str, ...]:
    """Split "城关镇、财政局，发改委" on 、，,；; and whitespace, dropping empty parts."""
    return tuple(part for part in _SEPARATORS_RE.split(text) if part)


def resolve_units(names: Sequence[str], units: Sequence[UnitNames]) -> UnitResolution:
    """Match each typed name: exact name, exact alias, normalised form, then a unique substring."""
    matched: list[int] = []
    unknown: list[tuple[str, tuple[str, ...]]] = []
    seen_unknown: set[str] = set()
    for raw in names:
        typed = raw.strip()
        if not typed:
            continue
        ids, candidates = _match(typed, units)
        if len(ids) == 1:
            if ids[0] not in matched:
                matched.append(ids[0])
        elif typed not in seen_unknown:
            seen_unknown.add(typed)
            unknown.append((typed, _suggest(typed, units, candidates)))
    return UnitResolution(matched=tuple(matched), unknown=tuple(unknown))


def _match(typed: str, units: Sequence[UnitNames]) -> tuple[list[int], list[UnitNames]]:
    """The ids the first deciding stage found (one means resolved) and, if ambiguous, the candidates."""
    typed_keys = _keys(typed)
    stages: tuple[Callable[[UnitNames], bool], ...] = (
        lambda unit: unit.name == typed,
        lambda unit: typed in unit.aliases,
        lambda unit: bool(typed_keys & _all_keys(unit)),
        lambda unit: any(key in known for key in typed_keys for known in _all_keys(unit)),
    )
    for stage in stages:
        hits = [unit for unit in units if stage(unit)]
        if hits:
            ids = list(dict.fromkeys(unit.id for unit in hits))
            return ids, hits if len(ids) > 1 else []
    return [], []


def _suggest(typed: str, units: Sequence[UnitNames], candidates: Iterable[UnitNames]) -> tuple[str, ...]:
    """Official names to offer: the ambiguous candidates (closest first), names inside what was typed,
    then close spellings of names and aliases."""
    typed_compact = _compact(typed)

    def closeness(unit: UnitNames) -> float:
        return max(difflib.SequenceMatcher(None, typed_compact, known).ratio() for known in _all_keys(unit))

    suggestions = [unit.name for unit in sorted(candidates, key=closeness, reverse=True)]
    suggestions += [unit.name for unit in units if any(known in typed_compact for known in _all_keys(unit))]
    spellings = {_compact(known): unit.name for unit in units for known in (unit.name, *unit.aliases)}
    close = difflib.get_close_matches(typed_compact, list(spellings), n=_MAX_SUGGESTIONS, cutoff=0.5)
    suggestions += [spellings[spelling] for spelling in close]
    return tuple(list(dict.fromkeys(suggestions))[:_MAX_SUGGESTIONS])


def _all_keys(unit: UnitNames) -> set[str]:
    return set().union(*(_keys(known) for known in (unit.name, *unit.aliases)))


def _compact(text: str) -> str:
    """Half-width, no spaces, case-folded."""
    return _SPACES_RE.sub("", unicodedata.normalize("NFKC", text)).casefold()


def _keys(text: str) -> set[str]:
    """The compact form and its variants: 人民政府 → 政府, without a leading 县 or a trailing 政府."""
    compact = _compact(text)
    keys = {compact, compact.replace("人民政府", "政府")}
    keys |= {key.removeprefix(_COUNTY) for key in keys}
    keys |= {key.removesuffix(_GOVERNMENT) for key in keys}
    return {key for key in keys if len(key) >= _MIN_KEY}


# "市应急局", "省教育厅" are the city's or province's bodies, not the county's bureau of that name.
_HIGHER_LEVEL = re.compile(r"[市省]$")
_BUREAU = re.compile(r"(?:局|委|委员会|办)$")
# A short name that starts another place's name ("青山林场", "城关一中", "河口村") names that place, not the unit.
_PLACE_OF_ITS_OWN = re.compile(
    r"林场|村|社区|小区|[一二三四五六七八九十][中小]|中学|小学|中心校|幼儿园|卫生院|派出所|水库|大道|路|大街|广场|公园|医院"
)


@functools.lru_cache(maxsize=4096)
def _searched_names(unit: UnitNames) -> frozenset[str]:
    """The compact forms of a unit's names long enough to search for: a pure function of the unit's names,
    so a roster change (a renamed unit, a new short name) is a new key, never a stale entry."""
    compact = {_compact(name) for name in (unit.name, *unit.aliases)}
    return frozenset(known for known in compact if len(known) >= _MIN_KEY)


# A place inside a unit, right after its name: "王庄乡李楼村", "东关街道菜市场", "河口镇中心小学"; or a scene of
# work there, as a department's photo says where it was taken: "王庄乡大岭林区", "柳林乡秸秆还田作业现场",
# "柳林乡和石桥镇交界处".
_PLACE_INSIDE = re.compile(
    r"[\u4e00-\u9fff]{1,3}(?:村|社区|小区)|(?:菜|农贸)?市场|老街|[\u4e00-\u9fff]{0,4}(?:小学|中学|幼儿园|敬老院|卫生院)"
    r"|[\u4e00-\u9fff]{1,8}?现场|[\u4e00-\u9fff]{0,8}?(?:林区|林场|隐患点|工地|河段|路段|卡点)|(?:[、和与][\u4e00-\u9fff]{2,5}?)?交界"
)


def units_named(text: str, units: Sequence[UnitNames], *, places: bool = True) -> set[int]:
    """The units a free text names (by official name or short name), longest name first.

    A name inside a longer one that was also found ("城关" inside "城关镇") does not count by itself, nor does a
    short name that starts another place's name ("青山林场", "城关一中"). Without `places`, neither does a name
    that only says where, before a place inside the unit ("王庄乡李楼村危房改造户验收").
    """
    compact = _compact(text)
    spans: list[tuple[int, int, int]] = []  # (start, end, unit id)
    # names that only say where: the short names inside them do not count either
    wheres: list[tuple[int, int, int]] = []
    for unit in units:
        full = _compact(unit.name)
        for known in _searched_names(unit):
            start = compact.find(known)
            while start != -1:
                end = start + len(known)
                higher = _HIGHER_LEVEL.search(compact, 0, start) and _BUREAU.search(known)
                elsewhere = known != full and _PLACE_OF_ITS_OWN.match(compact, end)
                if not places and _PLACE_INSIDE.match(compact, end):
                    wheres.append((start, end, unit.id))
                elif not (higher or elsewhere):
                    spans.append((start, end, unit.id))
                start = compact.find(known, start + 1)
    return {
        unit_id
        for start, end, unit_id in spans
        if not any(s <= start and end <= e and (e - s) > (end - start) for s, e, _ in (*spans, *wheres))
    }


# Words people use for a 单位类别; a typed category selects the units whose kind is in the same group.
_CATEGORY_GROUPS: tuple[frozenset[str], ...] = (
    frozenset({"乡镇", "乡镇街道", "乡镇(街道)", "街道", "乡镇办", "乡镇办事处"}),
    frozenset({"县直部门", "县直单位", "县直", "县直机关", "县直各部门", "县直各单位", "县政府部门", "部门"}),
)
_CATEGORY_PREFIXES = ("全部", "所有", "全体", "各")


def category_units(typed: str, units: Sequence[tuple[int, str]]) -> tuple[str, list[int]] | None:
    """Units selected by a 单位类别 ("全部乡镇", "县直部门"): (category, ids); None when `typed` is no category.

    `units` are (id, kind). A typed word is a category when, without 全部/所有/各, it is one of the
    kinds in the roster or a word of a known group (乡镇 ~ 街道, 县直部门 ~ 县政府部门); the ids may be empty.
    """
    word = _compact(typed)
    for prefix in _CATEGORY_PREFIXES:
        word = word.removeprefix(prefix)
    kinds = {_compact(kind) for _, kind in units if kind}
    group = next((g for g in _CATEGORY_GROUPS if word in g), None)
    if word not in kinds and group is None:
        return None
    wanted = {word} | (group or frozenset())
    return word, [unit_id for unit_id, kind in units if _compact(kind) in wanted]
