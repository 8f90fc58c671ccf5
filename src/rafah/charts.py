"""Charts of running casualty totals over time: in the terminal (rich) or as an image
(matplotlib, the optional `plot` extra, imported only here and only when asked for)."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import IO, Any

from rafah.errors import OptionalDependencyError, RafahError
from rafah.reports.casualties import ReferenceSeries, series_label

BAR_WIDTH = 40
_PALETTE = ["red", "blue", "green", "magenta", "cyan", "yellow"]
_HEDGE_MARK = {"low": ">", "high": "<", "neutral": "~", "exact": "", "vague": "≥"}
_LEGEND = ("> at least (over, more than)   < at most (nearly, up to)   ~ about   "
           "≥ vague (dozens, hundreds)")


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


def chart_series(rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Dated running totals grouped by series label (kind and victims), sorted by date."""
    series: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        if row["cumulative"] and row["date"]:
            series[series_label(row)].append(row)
    for members in series.values():
        members.sort(key=lambda r: (r["date"], r["value"]))
    return dict(sorted(series.items()))


def _bar(value: float, top: float) -> str:
    eighths = " ▏▎▍▌▋▊▉"
    units = 0 if top <= 0 else value / top * BAR_WIDTH
    full = int(units)
    return "█" * full + (eighths[int((units - full) * 8)] if full < BAR_WIDTH else "")


def print_terminal_chart(rows: list[dict[str, Any]], out: IO[str],
                         reference: ReferenceSeries | None = None) -> None:
    """Bars per series and date, hedge marks beside the values, undated figures listed below."""
    from rich.text import Text

    from rafah.render import make_console

    console = make_console(out)
    series = chart_series(rows)
    if not series:
        console.print("No running totals with a date to chart.")
    for index, (label, members) in enumerate(series.items()):
        colour = _PALETTE[index % len(_PALETTE)]
        references = [m.get("reference") or 0 for m in members]
        top = max([m["value"] for m in members] + references)
        console.print(Text(f"{label} (running total)", style=f"bold {colour}"))
        for member in members:
            mark = _HEDGE_MARK[hedge_class(member)]
            line = Text(f"  {member['date']}  ")
            line.append(_bar(member["value"], top).ljust(BAR_WIDTH + 1), style=colour)
            line.append(f" {mark}{member['value']:,}".ljust(14))
            details = [member["qualifier"] or "", member["source"] or "", member["article"]]
            line.append("  " + " · ".join(d for d in details if d), style="dim")
            console.print(line, no_wrap=True, overflow="ellipsis")
            if member.get("reference") is not None:
                ref = Text("  " + " " * 10 + "  ")
                ref.append(_bar(member["reference"], top).ljust(BAR_WIDTH + 1), style="dim")
                ref.append(f"  {member['reference']:,} reference ({member['deviation']:+}%)",
                           style="dim")
                console.print(ref)
        console.print()
    undated = [r for r in rows if not r["date"]]
    if undated:
        console.print(Text("Not charted — the article has no date:", style="bold"))
        for row in undated:
            mark = _HEDGE_MARK[hedge_class(row)]
            victims = f" {row['group']}" if row["group"] else ""
            console.print(Text(f"  {row['kind']} {mark}{row['value']:,}{victims} "
                               f"({row['qualifier'] or 'exact'}) · {row['article']}"),
                          no_wrap=True, overflow="ellipsis")
        console.print()
    incidents = sum(1 for r in rows if r["date"] and not r["cumulative"])
    if incidents:
        console.print(Text(f"{incidents} single-incident figure(s) are not running totals and "
                           f"are not charted; see the table.", style="dim"))
    if reference is not None:
        console.print(Text(f"Reference series: {', '.join(reference.kinds())} on "
                           f"{len(reference.values)} day(s).", style="dim"))
    console.print(Text(_LEGEND, style="dim"))


def write_image_chart(rows: list[dict[str, Any]], path: str | Path,
                      reference: ReferenceSeries | None = None) -> Path:
    """Save the chart as PNG or SVG (by the file's suffix) with matplotlib."""
    target = Path(path)
    if target.suffix.lower() not in (".png", ".svg"):
        raise RafahError(f"--plot-file must end in .png or .svg, not {target.suffix or '(none)'}")
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.dates as mdates
        import matplotlib.pyplot as plt
        import matplotlib.ticker
    except ImportError as exc:
        raise OptionalDependencyError("image plots need matplotlib: pip install 'rafah[plot]' "
                                      "(or pip install matplotlib)") from exc
    from datetime import date

    markers = {"low": "^", "high": "v", "neutral": "D", "exact": "o", "vague": "s"}
    figure, axes = plt.subplots(figsize=(10, 5.5))
    series = chart_series(rows)
    for label, members in series.items():
        days = [date.fromisoformat(m["date"]) for m in members]
        line = axes.plot(days, [m["value"] for m in members], "-", alpha=0.6, label=label)[0]
        for day, member in zip(days, members, strict=True):
            axes.plot([day], [member["value"]], markers[hedge_class(member)],
                      color=line.get_color(), markersize=8)
    if reference is not None:
        days = sorted(reference.values)
        charted = {members[0]["kind"] for members in series.values()}
        kinds = [k for k in reference.kinds() if k in charted] or reference.kinds()
        for kind, style in zip(kinds, ["--", ":", "-.", (0, (5, 1))] * 2, strict=False):
            points = [(d, reference.values[d][kind]) for d in days if kind in reference.values[d]]
            axes.plot([p[0] for p in points], [p[1] for p in points], linestyle=style,
                      color="grey", label=f"{kind} — reference")
    axes.set_title("Reported running totals by article date")
    axes.set_ylabel("people")
    axes.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: f"{v:,.0f}"))
    axes.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d"))
    figure.autofmt_xdate()
    handles, labels = axes.get_legend_handles_labels()
    hedges = [plt.Line2D([], [], linestyle="", marker=m, color="black", label=name)
              for name, m in (("at least (over)", "^"), ("at most (nearly)", "v"),
                              ("about", "D"), ("exact", "o"), ("vague", "s"))]
    axes.legend(handles=handles + hedges, fontsize="small", loc="best")
    undated = [r for r in rows if not r["date"]]
    if undated:
        axes.annotate(f"{len(undated)} figure(s) from undated articles not shown",
                      xy=(0.01, 0.01), xycoords="figure fraction", fontsize="small")
    if not series:
        axes.text(0.5, 0.5, "no dated running totals", ha="center", transform=axes.transAxes)
    figure.tight_layout()
    target.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(target)
    plt.close(figure)
    return target
