"""Chart builders and the house style (house.mplstyle): data in, SVG out.

The briefing decides which charts to draw (reports/briefing.py); this package
only draws a `ChartSpec` the same way every time.
"""

from charts.draw import ChartSpec, DrawnChart, draw

__all__ = ["ChartSpec", "DrawnChart", "draw"]
