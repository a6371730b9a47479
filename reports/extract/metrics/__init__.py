"""Figures stated in a release: one `Metric` per figure, with its subject, period, change and sentence.

The rules read the grammar of release English, never a list of any release's subjects:
  - a level (money or a count) is named by the noun phrase that governs it: the subject of its
    clause ("Korea's ICT exports in 2025 totaled ..." -> "ICT exports"), "a trade surplus of $X",
    "X units of imported vehicles", or the passive after it ("..., were exported");
  - a percentage is a change when a direction or comparison frames it ("rose 22.1 percent",
    "(down 0.6 percent year-on-year)"), a share when "accounting for", "of the total" or ", or
    <level>" frames it, else a level in percent (a rate);
  - a change goes into the level it describes ("up 12.4 percent" right after a level, "rose 5.8
    percent to $151.3 billion"); with no level it is a metric of its own with value None;
  - list items ("Taiwan (up 64.8 percent), Vietnam (...)", "the Trax (308,000 units), the Kona
    (270,000)") are one metric each, with the shared subject and unit and a dimension/member;
  - the period is the nearest one the sentence states for the figure, else the running period of
    the release, else the title's, else the release month.
"""

from reports.extract.metrics.cascade import extract_metrics
from reports.extract.metrics.changes import MAX_JOINED_QUOTE
from reports.extract.metrics.clauses import MAX_SENTENCE_LOOKBACK, _marks, sentences
from reports.extract.metrics.lists import _bracketed_count
from reports.extract.metrics.phrases import _clean_np, _head_of, _to_place, canonical_subject

__all__ = [
    "MAX_JOINED_QUOTE",
    "MAX_SENTENCE_LOOKBACK",
    "canonical_subject",
    "extract_metrics",
    "sentences",
]
# The memo caches (benchmarks empty them between runs): _clean_np, _head_of, _marks, _bracketed_count,
# _to_place.
_CACHES = (_clean_np, _head_of, _marks, _bracketed_count, _to_place)
