"""Figure checks: related figures cross-checked by arithmetic, never hidden when they fail.

Each check says what was compared, the arithmetic, and one of three results:
  passed          the figures agree exactly (as stated)
  within rounding the difference is no larger than the rounding of the stated figures
  failed          the figures disagree by more than rounding could explain
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from reports.briefing import Figure, History, Quote, parent_id, parts_of, parts_table, previous_period
from reports.formatting import format_period, format_value

PASSED, ROUNDING, FAILED = "passed", "within rounding", "failed"


@dataclass(frozen=True)
class Check:
    kind: str  # balance | part | share | change
    description: str  # what should hold, in words
    arithmetic: str  # the sum as computed from the stated figures
    status: str  # passed | within rounding | failed
    cites: tuple[Quote, ...]

    @property
    def failed(self) -> bool:
        return self.status == FAILED


def figure_checks(figures: list[Figure], history: History, locale: str = "en") -> list[Check]:
    """Every check the period's figures give enough for, in the order of the figures.

    Balances, parts and shares relate figures of one release, so each release's figures
    are checked on their own (the cost grows with the figures, not with their square);
    a stated change is checked against the stored history.
    """
    releases: dict[str, list[Figure]] = {}
    for figure in figures:
        releases.setdefault(figure.metric.release_id, []).append(figure)
    groups = list(releases.values())
    return [
        *(check for group in groups for check in balance_checks(group, locale)),
        *(check for group in groups for check in part_checks(group, locale)),
        *(check for group in groups for check in share_checks(group, locale)),
        *change_checks(figures, history),
    ]


def half_unit(value: float) -> float:
    """Half the last stated digit: 264.3e9 -> 0.05e9; 320,000 -> 5,000 (as a reader rounds)."""
    if value == 0:
        return 0.0
    exponent = Decimal(f"{abs(value):.6g}").normalize().as_tuple().exponent
    return 0.5 * 10 ** int(exponent)


def status_of(difference: float, tolerance: float, scale: float) -> str:
    if abs(difference) <= 1e-9 * max(abs(scale), 1.0):
        return PASSED
    return ROUNDING if abs(difference) <= tolerance + 1e-9 * abs(scale) else FAILED


# exports - imports = balance ----------------------------------------------------

_FLOW_WORDS = re.compile(r"\b(exports?|imports?|trade|balance|surplus|deficit|and|the|total|of)\b")


def _flow(figure: Figure) -> tuple[str, str] | None:
    """('exports' | 'imports' | 'balance', family key) for a trade-flow figure, else None."""
    metric_id = figure.metric.metric_id or ""
    head, _, family = metric_id.partition(".")
    if head in ("exports", "imports", "trade_balance") and family:
        return ("balance" if head == "trade_balance" else head), family
    subject = figure.metric.subject.lower()
    flows = (
        ("exports", ("export",)), ("imports", ("import",)), ("balance", ("balance", "surplus", "deficit")),
    )
    kinds = [k for k, words in flows if any(w in subject for w in words)]
    if len(kinds) != 1:
        return None
    return kinds[0], " ".join(_FLOW_WORDS.sub(" ", subject).split()) or "total"


def balance_checks(figures: list[Figure], locale: str = "en") -> list[Check]:
    """Exports minus imports equals the stated balance (same release, period, unit)."""
    flows: dict[tuple[str, str | None, str | None, str], dict[str, Figure]] = {}
    for figure in figures:
        flow = _flow(figure)
        if flow is None or figure.metric.value is None or figure.metric.member:
            continue
        key = (figure.metric.release_id, figure.metric.period, figure.metric.unit, flow[1])
        flows.setdefault(key, {}).setdefault(flow[0], figure)
    checks = []
    for (_, period, unit, _), found in flows.items():
        if len(found) < 3:
            continue
        exports, imports, balance = found["exports"], found["imports"], found["balance"]
        stated = _signed_balance(balance)
        computed = exports.metric.value - imports.metric.value  # type: ignore[operator]
        tolerance = sum(half_unit(f.metric.value or 0) for f in (exports, imports, balance))
        show = _shower(unit, locale)
        checks.append(Check(
            "balance",
            f"{exports.label} − {imports.label} = {balance.label} ({format_period(period, locale)})",
            f"{show(exports.metric.value)} − {show(imports.metric.value)} = {show(computed)}; "
            f"stated {show(stated)}",
            status_of(computed - stated, tolerance, stated),
            (exports.cite, imports.cite, balance.cite),
        ))
    return checks


def _signed_balance(figure: Figure) -> float:
    value = figure.metric.value or 0.0
    return -abs(value) if "deficit" in figure.metric.subject.lower() else value


# parts do not exceed their total -------------------------------------------------


def part_checks(figures: list[Figure], locale: str = "en") -> list[Check]:
    """A part (by the catalog) is no larger than its total, and the parts together neither."""
    checks = []
    table = parts_table(figures)
    for total in figures:
        parts = parts_of(total, table)
        if not parts:
            continue
        show = _shower(total.metric.unit, locale)
        whole = total.metric.value or 0.0
        summed = sum(p.metric.value or 0.0 for p in parts)
        tolerance = half_unit(whole) + sum(half_unit(p.metric.value or 0.0) for p in parts)
        names = " + ".join(p.label for p in parts)
        added = " + ".join(show(p.metric.value) for p in parts)
        summed_text = show(summed) if len(parts) == 1 else f"{added} = {show(summed)}"
        checks.append(Check(
            "part",
            f"{names} ≤ {total.label} ({format_period(total.metric.period, locale)})",
            f"{summed_text} ≤ {show(whole)}",
            PASSED if summed <= whole else (ROUNDING if summed - whole <= tolerance else FAILED),
            (*(p.cite for p in parts), total.cite),
        ))
    return checks


# share x total = part ----------------------------------------------------------------


def share_checks(figures: list[Figure], locale: str = "en") -> list[Check]:
    """'accounting for 81 percent of the total': the share of the part in a stated total.

    The total is a larger level with the same unit and period stated earlier in
    the release. When several could be meant, the check is reported only if one
    of them agrees within rounding; with a single candidate a mismatch fails.
    """
    checks = []
    for n, share in enumerate(figures):
        metric = share.metric
        if metric.unit != "percent" or metric.value is None or metric.change is not None:
            continue
        part = _level_in_sentence(share, figures)
        if part is None:
            continue
        candidates = [
            f for f in figures[:n]
            if f.metric.release_id == metric.release_id and f.metric.unit == part.metric.unit
            and f.metric.period == part.metric.period and f.cite != share.cite
            and (f.metric.value or 0) > (part.metric.value or 0)
        ]
        check = _best_share_check(share, part, candidates, locale)
        if check is not None:
            checks.append(check)
    return checks


def _level_in_sentence(share: Figure, figures: list[Figure]) -> Figure | None:
    same = [f for f in figures if f.cite == share.cite and f.metric.value is not None
            and f.metric.unit not in (None, "percent")]
    return same[0] if len(same) == 1 else None


def _best_share_check(share: Figure, part: Figure, candidates: list[Figure], locale: str) -> Check | None:
    results = []
    for total in candidates:
        whole, piece, stated = total.metric.value or 0.0, part.metric.value or 0.0, share.metric.value or 0.0
        implied = piece / whole * 100
        # Rounding of the part and the total moves the implied share; the stated share is rounded too.
        tolerance = implied * (half_unit(piece) / piece + half_unit(whole) / whole) + half_unit(stated)
        status = status_of(implied - stated, tolerance, stated)
        show = _shower(part.metric.unit, locale)
        results.append(Check(
            "share",
            f"{part.label} is {stated:g}% of {total.label} ({format_period(total.metric.period, locale)})",
            f"{show(piece)} ÷ {show(whole)} = {implied:.1f}%; stated {stated:g}%",
            status,
            (part.cite, share.cite, total.cite) if part.cite != share.cite else (share.cite, total.cite),
        ))
    agreeing = [c for c in results if c.status != FAILED]
    if agreeing:
        return agreeing[-1]  # the nearest stated total that agrees
    return results[0] if len(results) == 1 else None


# a stated change agrees with the two levels ---------------------------------------


def change_checks(figures: Iterable[Figure], history: History) -> list[Check]:
    """'up 12.4 percent year-on-year' against the stored level of a year before."""
    checks = []
    for figure in figures:
        metric, change = figure.metric, figure.metric.change
        if (metric.value is None or metric.metric_id is None or change is None or change.value is None
                or change.unit != "percent" or change.basis not in ("yoy", "mom")):
            continue
        base = _base_period(metric.period, change.basis)
        earlier = history.latest(metric.metric_id, base, metric.unit)
        if earlier is None or not earlier.metric.value:
            continue
        before = earlier.metric.value
        implied = (metric.value / before - 1) * 100
        stated = change.value if change.direction != "down" else -abs(change.value)
        relative = half_unit(metric.value) / metric.value + half_unit(before) / before
        tolerance = (1 + implied / 100) * relative * 100
        tolerance += half_unit(change.value)
        checks.append(Check(
            "change",
            f"{figure.label}: stated change {stated:+.1f}% against {base}",
            f"{metric.value:,.4g} ÷ {before:,.4g} − 1 = {implied:+.1f}%; stated {stated:+.1f}%",
            status_of(implied - stated, tolerance, stated or 1.0),
            (figure.cite,),
        ))
    return checks


def _base_period(period: str | None, basis: str) -> str | None:
    if not period:
        return None
    if basis == "mom":
        return previous_period(period)
    match = re.fullmatch(r"(\d{4})(-\S+)?", period)
    return f"{int(match[1]) - 1}{match[2] or ''}" if match else None


def _shower(unit: str | None, locale: str):  # noqa: ANN202 - a small local formatter
    return lambda value: format_value(value, unit, locale)


__all__ = ["Check", "figure_checks", "half_unit", "parent_id"]
