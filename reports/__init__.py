"""brief: turn a period's government press releases into a cited briefing."""

__version__ = "0.1.0"
