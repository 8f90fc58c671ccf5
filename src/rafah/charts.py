"""Charts of running casualty totals over time, one line per series (kind, side, area), and of
coverage (mentions per side over time, one panel per outlet): in the terminal (rich) or as an
image (matplotlib, the optional `plot` extra, imported only here and only when asked for).

Only exact running totals of a known side are joined by lines; vague figures ("tens of
thousands") are marked but never joined; figures of no known side are listed apart; a
reference series is drawn as a line of its own series.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import IO, Any

from rafah.errors import OptionalDependencyError, RafahError
from rafah.reports.casualties import series_label
from rafah.reports.reference import Reference, ReferenceSeries

BAR_WIDTH = 40
LABEL_POINTS = 12
"""values are written beside the points when a series has at most this many"""
_PALETTE = ["red", "blue", "green", "magenta", "cyan", "yellow"]
_HEDGE_MARK = {"low": ">", "high": "<", "neutral": "~", "exact": "", "vague": "≥"}
_LEGEND = ("> at least (over, more than)   < at most (nearly, up to)   ~ about   "
           "≥ vague (dozens, hundreds; never joined)")
_MARKERS = {"low": "^", "high": "v", "neutral": "D", "exact": "o", "vague": "s"}


def hedge_class(row: dict[str, Any]) -> str:
    """low | high | neutral | exact | vague: what the hedge says about the true number."""
    if row["vague"]:
        return "vague"
    if row["qualifier"] is None:
        return "exact"
    if row["low"] is not None and row["high"] is None:
        return "low"
    if row["high"] is not None and row["low"] is None:
        return "high"
    return "neutral"


def chartable(row: dict[str, Any]) -> bool:
    """A dated running total of a known side: it belongs on a series line (or, when vague, as
    a mark beside it)."""
    return bool(row["cumulative"] and row["date"] and row.get("side"))


def chart_series(rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Dated running totals of a known side grouped by series (kind/side/area), by date."""
    series: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        if chartable(row):
            series[series_label(row)].append(row)
    for members in series.values():
        members.sort(key=lambda r: (r["date"], r["value"]))
    return dict(sorted(series.items()))


def apart(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Dated running totals of no known side: listed, never joined to a series."""
    return [r for r in rows if r["cumulative"] and r["date"] and not r.get("side")]


def _reference_for(label: str, reference: Reference | None) -> ReferenceSeries | None:
    if reference is None:
        return None
    return reference.series.get(f"{label}/total")


def _bar(value: float, top: float) -> str:
    eighths = " ▏▎▍▌▋▊▉"
    units = 0 if top <= 0 else value / top * BAR_WIDTH
    full = int(units)
    return "█" * full + (eighths[int((units - full) * 8)] if full < BAR_WIDTH else "")


def _terminal_series(console: Any, label: str, members: list[dict[str, Any]], colour: str,
                     reference: ReferenceSeries | None) -> None:
    from rich.text import Text

    top = max([m["value"] for m in members] + [m.get("reference") or 0 for m in members])
    title = f"{label} (running total)" + (f" · reference {reference.source}" if reference else "")
    console.print(Text(title, style=f"bold {colour}"))
    for member in members:
        mark = _HEDGE_MARK[hedge_class(member)]
        line = Text(f"  {member['date']}  ")
        style = f"dim {colour}" if member["vague"] else colour
        bar = _bar(member["value"], top).ljust(BAR_WIDTH + 1)
        line.append(bar.replace("█", "░") if member["vague"] else bar, style=style)
        line.append(f" {mark}{member['value']:,}".ljust(14))
        details = [member["qualifier"] or "", member["source"] or "", member["article"]]
        line.append("  " + " · ".join(d for d in details if d), style="dim")
        console.print(line, no_wrap=True, overflow="ellipsis")
        if member.get("reference") is not None:
            ref = Text("  " + " " * 10 + "  ")
            ref.append(_bar(member["reference"], top).ljust(BAR_WIDTH + 1), style="dim")
            ref.append(f"  {member['reference']:,} reference {member['reference_date']} "
                       f"({member['deviation']:+}%)", style="dim")
            console.print(ref)
    console.print()


def _terminal_apart(console: Any, title: str, listed: list[dict[str, Any]]) -> None:
    from rich.text import Text

    if not listed:
        return
    console.print(Text(title, style="bold"))
    for row in listed:
        mark = _HEDGE_MARK[hedge_class(row)]
        victims = f" {row['group']}" if row["group"] else ""
        console.print(Text(f"  {row['date'] or '????-??-??'}  {row['kind']} "
                           f"{mark}{row['value']:,}{victims} · {row['article']}"),
                      no_wrap=True, overflow="ellipsis")
    console.print()


def print_terminal_chart(rows: list[dict[str, Any]], out: IO[str],
                         reference: Reference | None = None) -> None:
    """Bars per series and date, hedge marks beside the values; figures of no known side and
    undated figures listed below, apart."""
    from rich.text import Text

    from rafah.render import make_console

    console = make_console(out)
    series = chart_series(rows)
    if not series:
        console.print("No running totals of a known side with a date to chart.")
    for index, (label, members) in enumerate(series.items()):
        _terminal_series(console, label, members, _PALETTE[index % len(_PALETTE)],
                         _reference_for(label, reference))
    _terminal_apart(console, "Not charted — victims' side unknown:", apart(rows))
    _terminal_apart(console, "Not charted — the article has no date:",
                    [r for r in rows if not r["date"]])
    incidents = sum(1 for r in rows if r["date"] and not r["cumulative"])
    if incidents:
        console.print(Text(f"{incidents} single-incident figure(s) are not running totals and "
                           f"are not charted; see the table.", style="dim"))
    if reference is not None:
        console.print(Text("Reference series: " + ", ".join(
            f"{s.key} ({len(s.values)} day(s))" for s in reference.series.values()),
            style="dim"))
    console.print(Text(_LEGEND, style="dim"))


def _pyplot() -> Any:
    try:
        import matplotlib

        matplotlib.use("Agg")
        matplotlib.rcParams["svg.fonttype"] = "none"
        import matplotlib.pyplot as plt
    except ImportError as exc:
        raise OptionalDependencyError("image plots need matplotlib: pip install 'rafah[plot]' "
                                      "(or pip install matplotlib)") from exc
    return plt


def _target(path: str | Path) -> Path:
    target = Path(path)
    if target.suffix.lower() not in (".png", ".svg"):
        raise RafahError(f"--plot-file must end in .png or .svg, not {target.suffix or '(none)'}")
    return target


def _draw_series(axes: Any, members: list[dict[str, Any]], label: str) -> str:
    """Exact values joined by a line, vague ones as hollow marks; returns the colour."""
    exact = [m for m in members if not m["vague"]]
    days = [date.fromisoformat(m["date"]) for m in exact]
    line = axes.plot(days, [m["value"] for m in exact], "-", alpha=0.6, label=label)[0]
    colour = line.get_color()
    for member in members:
        day = date.fromisoformat(member["date"])
        style = hedge_class(member)
        axes.plot([day], [member["value"]], _MARKERS[style], color=colour, markersize=8,
                  fillstyle="none" if style == "vague" else "full")
        if len(members) <= LABEL_POINTS:
            axes.annotate(f"{member['value']:,}", (day, member["value"]), fontsize="x-small",
                          xytext=(4, 4), textcoords="offset points", color=colour)
    from matplotlib.colors import to_hex

    return to_hex(colour)


def _draw_reference(axes: Any, series: ReferenceSeries, colour: str) -> None:
    days = sorted(series.values)
    axes.plot(days, [series.values[d] for d in days], linestyle="--", color=colour, alpha=0.5,
              label=f"{series.key} — reference ({series.source})")


def write_image_chart(rows: list[dict[str, Any]], path: str | Path,
                      reference: Reference | None = None) -> Path:
    """Save the chart as PNG or SVG (by the file's suffix; SVG text stays text)."""
    target = _target(path)
    plt = _pyplot()
    import matplotlib.dates as mdates
    import matplotlib.ticker

    figure, axes = plt.subplots(figsize=(10, 5.5))
    series = chart_series(rows)
    for label, members in series.items():
        colour = _draw_series(axes, members, label)
        matching = _reference_for(label, reference)
        if matching is not None:
            _draw_reference(axes, matching, colour)
    axes.set_title("Reported running totals by article date, per series (kind/side/area)")
    axes.set_ylabel("people")
    axes.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: f"{v:,.0f}"))
    axes.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d"))
    figure.autofmt_xdate()
    handles, _ = axes.get_legend_handles_labels()
    hedges = [plt.Line2D([], [], linestyle="", marker=m, color="black", label=name,
                         fillstyle="none" if name.startswith("vague") else "full")
              for name, m in (("at least (over)", "^"), ("at most (nearly)", "v"),
                              ("about", "D"), ("exact", "o"), ("vague (not joined)", "s"))]
    axes.legend(handles=handles + hedges, fontsize="small", loc="best")
    notes = []
    if apart(rows):
        notes.append(f"{len(apart(rows))} running total(s) of unknown side not drawn")
    undated = sum(1 for r in rows if not r["date"])
    if undated:
        notes.append(f"{undated} figure(s) from undated articles not shown")
    if notes:
        axes.annotate("; ".join(notes), xy=(0.01, 0.01), xycoords="figure fraction",
                      fontsize="small")
    if not series:
        axes.text(0.5, 0.5, "no dated running totals of a known side", ha="center",
                  transform=axes.transAxes)
    return _save(plt, figure, target)


def _save(plt: Any, figure: Any, target: Path) -> Path:
    figure.tight_layout()
    target.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(target, bbox_inches="tight")
    plt.close(figure)
    return target


def write_coverage_chart(rows: list[dict[str, Any]], path: str | Path) -> Path:
    """Mentions per side over time, one panel per outlet; where a row has a reference
    (``deaths``), the deaths of that side per period are drawn beside it as a dashed line on
    a second axis."""
    target = _target(path)
    plt = _pyplot()
    outlets = sorted({r["outlet"] or "" for r in rows}) or [""]
    figure, panels = plt.subplots(len(outlets), 1, figsize=(12, 4.2 * len(outlets) + 1.2),
                                  squeeze=False, sharex=True)
    periods = sorted({r["period"] for r in rows})
    for outlet, axes in zip(outlets, panels[:, 0], strict=True):
        _coverage_panel(axes, [r for r in rows if r["outlet"] == outlet], periods)
        axes.set_title(outlet or "(no outlet)", fontsize="medium")
        axes.set_ylabel("mentions")
    if not rows:
        panels[0, 0].text(0.5, 0.5, "no harm mentions", ha="center",
                          transform=panels[0, 0].transAxes)
    figure.autofmt_xdate()
    return _save(plt, figure, target)


def _draw_deaths(axes: Any, rows: list[dict[str, Any]], positions: dict[str, int],
                 colour: Any, side: str) -> None:
    axes.plot([positions[r["period"]] for r in rows], [r["deaths"] for r in rows], "--",
              color=colour, label=f"{side} deaths (reference)")
    axes.set_ylabel("deaths (reference)")
    axes.set_ylim(bottom=0)


COVERAGE_SIDES = 6
"""Sides drawn per panel: the most mentioned, and the ones with a reference series; the
others are summed into one line."""


def _panel_sides(rows: list[dict[str, Any]]) -> tuple[list[str], set[str]]:
    """The sides drawn on their own (most mentioned first) and those summed as "others"."""
    totals: dict[str, int] = {}
    for row in rows:
        side = row["side"] or "unknown side"
        totals[side] = totals.get(side, 0) + row["mentions"]
    ranked = sorted(totals, key=lambda s: (-totals[s], s))
    referenced = {r["side"] for r in rows if r["deaths"] is not None}
    shown = [s for i, s in enumerate(ranked) if i < COVERAGE_SIDES or s in referenced]
    return shown, set(ranked) - set(shown)


def _other_sides(rows: list[dict[str, Any]], others: set[str]) -> list[dict[str, Any]]:
    """The mentions of the sides not drawn on their own, summed per period."""
    summed: dict[str, int] = {}
    for row in rows:
        if (row["side"] or "unknown side") in others:
            summed[row["period"]] = summed.get(row["period"], 0) + row["mentions"]
    return [{"period": p, "mentions": n, "deaths": None} for p, n in sorted(summed.items())]


def _coverage_panel(axes: Any, rows: list[dict[str, Any]], periods: list[str]) -> None:
    positions = {p: i for i, p in enumerate(periods)}
    sides, others = _panel_sides(rows)
    deaths_axes = None
    if others:
        summed = _other_sides(rows, others)
        axes.plot([positions[r["period"]] for r in summed], [r["mentions"] for r in summed],
                  ":", color="grey", label=f"{len(others)} other sides")
    for side in sides:
        members = sorted((r for r in rows if (r["side"] or "unknown side") == side),
                         key=lambda r: r["period"])
        xs = [positions[r["period"]] for r in members]
        line = axes.plot(xs, [r["mentions"] for r in members], "o-", label=side)[0]
        with_deaths = [r for r in members if r["deaths"] is not None]
        if with_deaths:
            deaths_axes = deaths_axes or axes.twinx()
            _draw_deaths(deaths_axes, with_deaths, positions, line.get_color(), side)
    axes.set_xticks(range(len(periods)), periods)
    _legend(axes, deaths_axes)


def _legend(axes: Any, second: Any) -> None:
    handles, labels = axes.get_legend_handles_labels()
    if second is not None:
        more, more_labels = second.get_legend_handles_labels()
        handles, labels = handles + more, labels + more_labels
    if handles:
        axes.legend(handles, labels, fontsize="x-small", loc="upper left",
                    bbox_to_anchor=(1.08 if second is not None else 1.01, 1.0),
                    borderaxespad=0)
