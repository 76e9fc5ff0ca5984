"""Server-side SVG: hours per month, stacked by kind, with a legend, an accessible title and
description, and an optional target line. No JavaScript, no external asset."""

from __future__ import annotations

from decimal import Decimal
from math import ceil

import segno
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .models import Kind

# One colour per kind, each AA-contrast against white for the legend swatch borders.
COLOURS = {
    Kind.ONE_TO_ONE: "#1f5f57",
    Kind.SMALL_GROUP: "#2f8f7f",
    Kind.OFFICE_HOURS: "#2f6690",
    Kind.TECH_CLUB: "#a4461f",
    Kind.CO_TEACHING: "#8a6100",
    Kind.PLANNING: "#6b5b95",
}
WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 16, 96


def _nice_max(value: float) -> int:
    if value <= 4:
        return 4
    step = 5 if value <= 40 else 10
    return int(ceil(value / step) * step)


def hours_chart(
    *,
    cells,
    title: str,
    target: Decimal | None = None,
    chart_id: str = "hours",
    width: int = WIDTH,
    legend_columns: int = 3,
):
    """``cells``: one ``selectors.Cell`` per month, oldest first. A narrow ``width`` with
    two legend columns makes the phone version, whose text stays legible at phone size."""
    totals = [float(c.minutes) / 60 for c in cells]
    top = _nice_max(max([*totals, float(target or 0), 0]))
    legend_rows = ceil(len(Kind) / legend_columns)
    plot_bottom = HEIGHT - BOTTOM
    height = plot_bottom + 40 + (legend_rows - 1) * 22 + 12
    plot_w = width - LEFT - RIGHT
    plot_h = HEIGHT - TOP - BOTTOM
    slot = plot_w / max(len(cells), 1)
    bar_w = min(44.0, slot * 0.62)

    def y(hours: float) -> float:
        return TOP + plot_h - hours / top * plot_h

    total_hours = sum(totals)
    busiest = max(range(len(cells)), key=lambda i: totals[i]) if cells else None
    desc = (
        f"{len(cells)} months, {total_hours:.1f} hours in all."
        + (
            f" Busiest month: {cells[busiest].month:%B %Y} with {totals[busiest]:.1f} hours."
            if busiest is not None and total_hours
            else ""
        )
        + (f" Monthly target: {target} hours." if target else "")
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="hours-chart" role="img" '
        f'viewBox="0 0 {width} {height}" aria-labelledby="{chart_id}-title {chart_id}-desc">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>',
    ]
    for step in range(5):
        value = top * step / 4
        parts.append(
            f'<line class="grid" x1="{LEFT}" x2="{width - RIGHT}" y1="{y(value):.1f}" '
            f'y2="{y(value):.1f}" stroke="#dcd8cf" stroke-width="1"/>'
            f'<text x="{LEFT - 6}" y="{y(value) + 4:.1f}" text-anchor="end" font-size="11" '
            f'fill="#4a5a66">{value:g}</text>'
        )
    for index, cell in enumerate(cells):
        x = LEFT + slot * index + (slot - bar_w) / 2
        base = 0.0
        label = f"{cell.month:%b}"
        parts.append(f'<g class="month" data-month="{cell.month:%Y-%m}">')
        for kind in Kind:
            minutes = cell.minutes_by_kind.get(kind.value, 0)
            if not minutes:
                continue
            value = minutes / 60
            top_y, bottom_y = y(base + value), y(base)
            parts.append(
                f'<rect class="bar" data-kind="{kind.value}" data-hours="{value:.2f}" '
                f'x="{x:.1f}" y="{top_y:.1f}" width="{bar_w:.1f}" '
                f'height="{bottom_y - top_y:.1f}" fill="{COLOURS[kind]}">'
                f"<title>{escape(kind.label)}, {cell.month:%B %Y}: {value:.1f} h</title></rect>"
            )
            base += value
        parts.append(
            f'<text x="{x + bar_w / 2:.1f}" y="{TOP + plot_h + 16}" text-anchor="middle" '
            f'font-size="11" fill="#1d2a33">{label}</text></g>'
        )
    if target:
        ty = y(float(target))
        parts.append(
            f'<line class="target" x1="{LEFT}" x2="{width - RIGHT}" y1="{ty:.1f}" y2="{ty:.1f}" '
            f'stroke="#1d2a33" stroke-width="1.5" stroke-dasharray="6 4"/>'
            f'<text x="{LEFT + 4}" y="{ty - 5:.1f}" text-anchor="start" font-size="11" '
            f'fill="#1d2a33">target {target} h</text>'
        )
    parts.append(
        f'<line x1="{LEFT}" x2="{width - RIGHT}" y1="{TOP + plot_h}" y2="{TOP + plot_h}" '
        f'stroke="#4a5a66" stroke-width="1"/>'
    )
    # Legend: two rows of three, under the axis.
    parts.append('<g class="legend">')
    for index, kind in enumerate(Kind):
        lx = 8 + (index % legend_columns) * ((width - 16) / legend_columns)
        ly = TOP + plot_h + 40 + (index // legend_columns) * 22
        parts.append(
            f'<rect x="{lx:.1f}" y="{ly - 10}" width="12" height="12" rx="2" '
            f'fill="{COLOURS[kind]}"/><text x="{lx + 17:.1f}" y="{ly}" font-size="11" '
            f'fill="#1d2a33">{escape(kind.label)}</text>'
        )
    parts.append("</g></svg>")
    return mark_safe("".join(parts))  # noqa: S308 (every interpolated text is escaped)


def qr_svg(url: str) -> SafeString:
    """A QR code of ``url`` as inline SVG (segno, server-side)."""

    code = segno.make(url, error="m")
    svg = code.svg_inline(scale=5, dark="#1d2a33", title="QR code of the feedback link")
    return mark_safe(svg)  # noqa: S308 (segno escapes the title; the data is encoded)
