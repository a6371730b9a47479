"""Key points: the three to six sentences at the top of a briefing, composed by fixed rules.

The rules, in the order the sentences appear (each figure or engagement is said once):
  1. the largest record: of the trusted figures stated as a record, the largest level
     (money before counts), with its stated change;
  2. the lead figures of the period's main releases: the headline cards chosen as a release's
     lead figure, one per release, at most two (more while fewer than three sentences result);
  3. the biggest mover against the previous period: of the trusted figures whose previous
     period's level is stored (and trusted), the largest computed change, citing both releases;
  4. the trip (the engagements in one city within a few days, the most of them), naming its most
     senior counterpart; without a trip of two or more engagements, the most senior counterpart.
Only high-confidence figures are ever the subject of a sentence (`Figure.trusted`). Every sentence
cites the sentence of the release it rests on as [n]; the words come from the locale's message
catalog and every number, date and period is written by babel.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from babel.dates import format_date
from babel.numbers import format_decimal

from reports.formatting import format_date_range, format_period, format_value, is_currency
from reports.resources import data_file

if TYPE_CHECKING:
    from reports.briefing import Figure, Headline, History, MeetingRow, Quote, TripGroup

MAX_KEY_POINTS = 6
MIN_KEY_POINTS = 3
LEADS = 2


@dataclass(frozen=True)
class KeyPoint:
    """One sentence of the key points, without its citations and final stop (the template adds them)."""

    text: str
    cites: tuple[Quote, ...]
    rule: str  # record | lead figure | mover | trip | counterpart


def key_points(
    figures: Sequence[Figure],
    headlines: Sequence[Headline],
    trips: Sequence[TripGroup],
    history: History,
    locale: str = "en",
) -> tuple[KeyPoint, ...]:
    """The briefing's key points by the rules of this module, at most MAX_KEY_POINTS."""
    trusted = [f for f in figures if f.trusted and f.metric.value is not None]
    said: set[int] = set()
    points: list[KeyPoint] = []
    record = _largest_record(trusted)
    if record is not None:
        points.append(_level_point(record, locale, "record"))
        said.add(id(record.metric))
    leads = [h.figure for h in headlines if h.reason == "lead figure" and h.figure.trusted]
    mover = _biggest_mover(trusted, history)
    meeting_point = _meeting_point(trips, locale)
    others = sum(p is not None for p in (mover, meeting_point))
    wanted = max(LEADS, MIN_KEY_POINTS - len(points) - others)
    releases = {f.metric.release_id for f in ([record] if record else [])}
    for figure in leads:
        if wanted <= 0 or len(points) >= MAX_KEY_POINTS:
            break
        if id(figure.metric) in said or figure.metric.release_id in releases:
            continue
        points.append(_level_point(figure, locale, "lead figure"))
        said.add(id(figure.metric))
        releases.add(figure.metric.release_id)
        wanted -= 1
    if mover is not None and id(mover.metric) not in said:
        points.append(_mover_point(mover, locale))
    if meeting_point is not None:
        points.append(meeting_point)
    return tuple(points[:MAX_KEY_POINTS])


# Figures -------------------------------------------------------------------------------


def _largest_record(figures: Sequence[Figure]) -> Figure | None:
    records = [f for f in figures if f.metric.record and f.metric.unit != "percent"]
    if not records:
        return None
    return max(records, key=lambda f: (is_currency(f.metric.unit), f.metric.value or 0.0))


def _biggest_mover(figures: Sequence[Figure], history: History) -> Figure | None:
    best: tuple[float, Figure] | None = None
    for figure in figures:
        earlier = figure.earlier
        if earlier is None or figure.metric.value is None or figure.metric.metric_id is None:
            continue
        stored = history.latest(figure.metric.metric_id, earlier.period, figure.metric.unit)
        if stored is None or stored.metric.confidence != "high":
            continue
        change = earlier.change_from(figure.metric.value)
        if change is not None and (best is None or abs(change) > best[0]):
            best = (abs(change), figure)
    return best[1] if best else None


def _level_point(figure: Figure, locale: str, rule: str) -> KeyPoint:
    _ = _gettext(locale)
    values = {
        "subject": figure.label,
        "value": figure.value_text,
        "period": figure.period_text,
    }
    if figure.metric.record:
        text = _("%(subject)s reached a record %(value)s in %(period)s") % values
    else:
        text = _("%(subject)s stood at %(value)s in %(period)s") % values
    moved = _stated_change(figure, locale)
    if moved:
        text = _("%(sentence)s, %(change)s") % {"sentence": text, "change": moved}
    return KeyPoint(text, (figure.cite,), rule)


def _stated_change(figure: Figure, locale: str) -> str:
    """'up 12.4% y/y' from the change the text states, or '' when it states none with a value."""
    change = figure.metric.change
    if change is None or change.value is None or change.direction not in ("up", "down"):
        return ""
    _ = _gettext(locale)
    unit = {"percent": "%", "percentage points": " pp"}.get(change.unit, f" {change.unit}")
    amount = format_decimal(abs(change.value), format="#,##0.0##", locale=locale) + unit
    basis = _words()["basis"].get(locale, _words()["basis"]["en"]).get(change.basis or "", "")
    values = {"amount": amount, "basis": basis}
    if change.direction == "up":
        return (_("up %(amount)s %(basis)s") if basis else _("up %(amount)s")) % values
    return (_("down %(amount)s %(basis)s") if basis else _("down %(amount)s")) % values


def _mover_point(figure: Figure, locale: str) -> KeyPoint:
    _ = _gettext(locale)
    earlier = figure.earlier
    assert earlier is not None and figure.metric.value is not None
    change = earlier.change_from(figure.metric.value) or 0.0
    values = {
        "subject": figure.label,
        "amount": format_decimal(abs(change), format="#,##0.0", locale=locale) + "%",
        "earlier": format_value(earlier.value, figure.metric.unit, locale),
        "earlier_period": format_period(earlier.period, locale),
        "value": figure.value_text,
        "period": figure.period_text,
    }
    if change >= 0:
        text = _("%(subject)s rose %(amount)s from %(earlier)s in %(earlier_period)s "
                 "to %(value)s in %(period)s") % values
    else:
        text = _("%(subject)s fell %(amount)s from %(earlier)s in %(earlier_period)s "
                 "to %(value)s in %(period)s") % values
    return KeyPoint(text, (figure.cite, earlier.cite), "mover")


# Meetings ------------------------------------------------------------------------------


def _meeting_point(trips: Sequence[TripGroup], locale: str) -> KeyPoint | None:
    journeys = [trip for trip in trips if len(trip.rows) > 1]
    if journeys:
        return _trip_point(max(journeys, key=lambda trip: len(trip.rows)), locale)
    rows = [row for trip in trips for row in trip.rows if row.counterpart]
    if not rows:
        return None
    return _counterpart_point(min(rows, key=_rank), locale)


def _trip_point(trip: TripGroup, locale: str) -> KeyPoint | None:
    from reports.extract.meetings import city_of

    _ = _gettext(locale)
    named = [row for row in trip.rows if row.counterpart]
    cities = [c for row in trip.rows if (c := city_of(row.location))]
    dates = sorted(row.date for row in trip.rows if row.date)
    if not named or not cities or not dates:
        return None
    senior = min(named, key=_rank)
    values = {
        "official": senior.meeting.official,
        "city": max(cities, key=len),
        "dates": _dates(dates[0], dates[-1], locale),
        "engagements": _.ngettext("%(num)d engagement", "%(num)d engagements", len(trip.rows))
        % {"num": len(trip.rows)},
        "counterpart": _who(senior, locale),
    }
    text = _("%(official)s held %(engagements)s in %(city)s on %(dates)s, "
             "including one with %(counterpart)s") % values
    return KeyPoint(text, (senior.cite,), "trip")


def _counterpart_point(row: MeetingRow, locale: str) -> KeyPoint:
    _ = _gettext(locale)
    values = {
        "official": row.meeting.official,
        "counterpart": _who(row, locale),
        "date": format_date(row.date, format="medium", locale=locale) if row.date else "",
    }
    if row.date:
        text = _("%(official)s met %(counterpart)s on %(date)s") % values
    else:
        text = _("%(official)s met %(counterpart)s") % values
    return KeyPoint(text, (row.cite,), "counterpart")


def _who(row: MeetingRow, locale: str) -> str:
    _ = _gettext(locale)
    if not row.role:
        return row.counterpart or ""
    return _("%(name)s, %(role)s") % {"name": row.counterpart, "role": row.role}


def _rank(row: MeetingRow) -> tuple[int, int]:
    """Lower is more senior: the first seniority word found in the role, a junior prefix after all."""
    role = (row.meeting.counterpart_role or "").casefold()
    words = _words()
    ranks = [n for n, word in enumerate(words["seniority"]) if word in role]
    rank = min(ranks) if ranks else len(words["seniority"])
    if any(role.startswith(prefix) for prefix in words["junior"]):
        rank += len(words["seniority"])
    return rank, 0


def _dates(start, end, locale: str) -> str:  # type: ignore[no-untyped-def]
    if start == end:
        return format_date(start, format="medium", locale=locale)
    return format_date_range(start, end, locale)  # as the meeting log writes it: "Jan 13–14, 2026"


# Words -----------------------------------------------------------------------------------


class _Catalog:
    """The locale's messages, called as _(...) with a plural form as _.ngettext(...)."""

    def __init__(self, locale: str) -> None:
        from reports.render import translations

        self._translations = translations(locale)
        self.ngettext = self._translations.ngettext

    def __call__(self, message: str) -> str:
        return self._translations.gettext(message)


@cache
def _gettext(locale: str) -> _Catalog:
    return _Catalog(locale)


@cache
def _words() -> dict:  # type: ignore[type-arg]
    with open(data_file("keypoints.toml"), "rb") as handle:
        return tomllib.load(handle)
