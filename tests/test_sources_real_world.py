"""Live sources on what real sites send: feed faults feed readers tolerate, named time zones, article
pages without a body selector, the MOTIR board's JavaScript links, and `brief sources check`.

Served by the fixture server of tests/test_sources.py on 127.0.0.1; the feeds below are written here,
the pages are in tests/fixtures/web (news/teaser-first.html, motir/).
"""

from __future__ import annotations

import logging
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reports import pipeline
from reports.collect.web import parse_date
from reports.config import Source, load_config
from reports.periods import range_period
from reports.store import Store
from tests.conftest import ROOT, run_brief
from tests.test_sources import JANUARY, Site, Sleeps, by_title, counts, fetcher_for, server, site, store

__all__ = ["server", "site", "store"]  # the fixtures, used by name

EVERYTHING = range_period(date(1990, 1, 1), date(2099, 12, 31))

ITEM = (
    "<item><title>{title}</title><link>{base}/news/{slug}.html</link>"
    "<pubDate>{date}</pubDate><description>{text}</description></item>"
)


def rss_document(site: Site, *items: tuple[str, str, str], declaration: bool = True, extra: str = "") -> str:
    """An RSS 2.0 feed of (title, pubDate, description) items, linking /news/item-N.html."""
    body = "".join(
        ITEM.format(title=title, base=site.base, slug=f"item-{n}", date=day, text=text)
        for n, (title, day, text) in enumerate(items)
    )
    head = '<?xml version="1.0" encoding="utf-8"?>\n' if declaration else ""
    return (
        f'{head}<rss version="2.0"{extra}>\n<channel><title>T</title><link>{site.base}/</link>'
        f"<description>D</description>\n{body}\n</channel></rss>\n"
    )


def serve_feed(site: Site, content: str | bytes, name: str = "real.xml") -> Source:
    path = f"/feeds/{name}"
    site.overrides[path] = content.encode() if isinstance(content, str) else content
    return Source(name="feed", kind="feed", url=site.base + path, options={"article": "never"})


def read(store: Store, source: Source, timezone: str = "UTC") -> pipeline.SourceReport:
    [report] = pipeline.collect(
        store, [source], EVERYTHING, fetcher=fetcher_for(store, Sleeps()), timezone=timezone
    )
    return report


# Feeds: what feed readers tolerate


def test_whitespace_before_the_xml_declaration_does_not_fail_the_feed(site: Site, store: Store) -> None:
    feed = rss_document(site, ("Exports rise", "Wed, 14 Jan 2026 10:00:00 GMT", "Up 5 percent."))
    report = read(store, serve_feed(site, "\n\n   \n" + feed))
    assert report.failed is None and counts(report) == (1, 0, 0, 0)
    assert by_title(store)["Exports rise"].body == "Up 5 percent."


def test_a_byte_order_mark_and_whitespace_before_the_declaration_are_read(site: Site, store: Store) -> None:
    feed = rss_document(site, ("Exports rise", "Wed, 14 Jan 2026 10:00:00 GMT", "Up 5 percent."))
    report = read(store, serve_feed(site, b"\xef\xbb\xbf\n " + feed.encode()))
    assert report.failed is None and counts(report) == (1, 0, 0, 0)


def test_nbsp_in_rss_is_read_with_a_warning_naming_its_line(
    site: Site, store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    feed = rss_document(
        site,
        ("Chip exports", "Wed, 14 Jan 2026 10:00:00 GMT", "Up&nbsp;21 percent."),
        ("Car exports", "Thu, 15 Jan 2026 10:00:00 GMT", "Up 3 percent."),
    )
    with caplog.at_level(logging.WARNING):
        report = read(store, serve_feed(site, feed))
    assert report.failed is None and counts(report) == (2, 0, 0, 0)
    assert by_title(store)["Chip exports"].body == "Up 21 percent."  # &nbsp; read as a space
    [warning] = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert warning.startswith(f"{site.base}/feeds/real.xml: malformed feed at line 4, column ")
    assert "undefined entity" in warning and warning.endswith("read the 2 entries feedparser recovered")


def test_an_undeclared_namespace_prefix_is_read(site: Site, store: Store) -> None:
    feed = rss_document(site, ("Exports rise", "Wed, 14 Jan 2026 10:00:00 GMT", "Up 5 percent."))
    feed = feed.replace("</pubDate>", "</pubDate><dc:creator>Press office</dc:creator>")
    report = read(store, serve_feed(site, feed))
    assert report.failed is None and counts(report) == (1, 0, 0, 0)


def test_a_malformed_feed_without_a_declaration_names_its_own_line(site: Site, store: Store) -> None:
    broken = '<rss version="2.0">\n<channel>\n<title>T</title>\n<item><title>A</b></item>\n</channel></rss>\n'
    report = read(store, serve_feed(site, broken))
    assert report.failed == f"{site.base}/feeds/real.xml: malformed feed at line 4, column 16: mismatched tag"
    report = read(store, serve_feed(site, '<?xml version="1.0"?>\n' + broken, "declared.xml"))
    expected = f"{site.base}/feeds/declared.xml: malformed feed at line 5, column 16: mismatched tag"
    assert report.failed == expected


def test_entries_sharing_one_link_are_each_kept(site: Site, store: Store) -> None:
    feed = rss_document(
        site,
        ("Episode 2", "Wed, 14 Jan 2026 10:00:00 GMT", "Second."),
        ("Episode 1", "Wed, 07 Jan 2026 10:00:00 GMT", "First."),
    ).replace("/news/item-1.html", "/news/item-0.html")
    report = read(store, serve_feed(site, feed))
    assert counts(report) == (2, 0, 0, 0)
    assert {r.body for r in by_title(store).values()} == {"First.", "Second."}


# Feed dates


def test_named_zones_are_read_from_the_zone_table(site: Site, store: Store) -> None:
    feed = rss_document(
        site,
        ("Late in California", "Wed, 14 Jan 2026 20:30:00 PST", "A."),  # 04:30 UTC on the 15th
        ("Evening in New York", "Wed, 14 Jan 2026 19:30:00 EST", "B."),  # 00:30 UTC on the 15th
        ("Morning in Seoul", "Thu, 15 Jan 2026 08:00:00 KST", "C."),  # 23:00 UTC on the 14th
        ("Numeric offset", "Wed, 14 Jan 2026 23:30:00 -0500", "D."),  # 04:30 UTC on the 15th
    )
    report = read(store, serve_feed(site, feed))
    assert counts(report) == (4, 0, 0, 0)
    days = {title: r.published for title, r in by_title(store).items()}
    assert days == {
        "Late in California": date(2026, 1, 15),
        "Evening in New York": date(2026, 1, 15),
        "Morning in Seoul": date(2026, 1, 14),
        "Numeric offset": date(2026, 1, 15),
    }


def test_an_unknown_zone_rejects_the_entry_with_the_zone_named(site: Site, store: Store) -> None:
    feed = rss_document(
        site,
        ("Unknown zone", "Wed, 14 Jan 2026 23:30:00 XST", "A."),
        ("Known zone", "Wed, 14 Jan 2026 23:30:00 GMT", "B."),
    )
    report = read(store, serve_feed(site, feed))
    assert counts(report) == (1, 0, 0, 1)
    [rejected] = report.rejected
    assert rejected.location == f"feed: {site.base}/news/item-0.html"
    assert "unknown time zone 'XST'" in rejected.reason


def test_a_partial_date_is_rejected_never_completed_from_today(site: Site, store: Store) -> None:
    atom = (
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>urn:t</id><updated>2003-12-13T18:30:02Z'
        f'</updated><entry><title>Month only</title><id>urn:1</id><link href="{site.base}/news/a.html"/>'
        "<updated>2003-12</updated><content>Text.</content></entry></feed>"
    )
    report = read(store, serve_feed(site, atom, "partial.atom"))
    assert counts(report) == (0, 0, 0, 1)
    assert "'2003-12' is only part of a date" in report.rejected[0].reason
    with pytest.raises(ValueError, match="only part of a date"):
        parse_date("Jan 15")


def test_rss_091_items_take_the_channel_date_with_a_warning(
    site: Site, store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    feed = (
        '<?xml version="1.0"?>\n<rss version="0.91"><channel><title>T</title><link>http://x/</link>'
        "<description>D</description><pubDate>Mon, 19 Jan 2026 09:00:00 GMT</pubDate>"
        f"<item><title>Undated</title><link>{site.base}/news/u.html</link><description>Text.</description>"
        "</item></channel></rss>"
    )
    with caplog.at_level(logging.WARNING):
        report = read(store, serve_feed(site, feed, "old.xml"))
    assert counts(report) == (1, 0, 0, 0)
    assert by_title(store)["Undated"].published == date(2026, 1, 19)
    assert any("1 entry carry no date (rss091u items have none)" in r.getMessage() for r in caplog.records)


# Article text


def article_feed(site: Site, slug: str, options: dict[str, object] | None = None) -> Source:
    feed = rss_document(site, ("Steel exports hold steady", "Mon, 12 Jan 2026 09:00:00 GMT", "Short."))
    source = serve_feed(site, feed.replace("/news/item-0.html", f"/news/{slug}.html"), f"{slug}.xml")
    return Source(source.name, "feed", source.url, options={"article": "auto", **(options or {})})


STEEL = [
    "Steel exports held steady at 7.1 million tons in the third quarter",
    "Exports to Vietnam and Indonesia rose by a combined 12 percent",
    "full-year exports of about 28 million tons",
]
BOILERPLATE = [
    *("Subscribe", "newsletter", "Most read", "Shipbuilders win record orders", "Related stories"),
    "Copyright",
]


def test_a_page_without_a_body_selector_gives_its_article_not_a_teaser_or_menus(
    site: Site, store: Store
) -> None:
    report = read(store, article_feed(site, "teaser-first"))
    assert counts(report) == (1, 0, 0, 0)
    body = by_title(store)["Steel exports hold steady"].body
    assert all(sentence in body for sentence in STEEL), body
    assert not any(noise in body for noise in BOILERPLATE), body
    assert len(body.split("\n\n")) >= 3  # paragraphs kept


def test_a_body_selector_that_takes_in_menus_falls_back_to_the_article_text(site: Site, store: Store) -> None:
    read(store, article_feed(site, "teaser-first", {"body": "body"}))
    body = by_title(store)["Steel exports hold steady"].body
    assert all(sentence in body for sentence in STEEL), body
    assert not any(noise in body for noise in BOILERPLATE), body


def test_a_precise_body_selector_is_kept_as_configured(site: Site, store: Store) -> None:
    read(store, article_feed(site, "teaser-first", {"body": "div.story"}))
    body = by_title(store)["Steel exports hold steady"].body
    assert body.startswith("Steel exports hold steady in the third quarter\n\nBy a staff reporter\n\n")


# The MOTIR board


def motir(site: Site) -> Source:
    """examples/motir-html.toml, pointed at the fixture board written in the English board's markup."""
    [source] = load_config(ROOT / "examples" / "motir-html.toml").sources
    return Source(
        source.name, source.kind, f"{site.base}/motir/list.html?bbsCdN=2&pageIndex=1", options=source.options
    )


def test_the_motir_example_reads_the_boards_javascript_links(site: Site, store: Store) -> None:
    [report] = pipeline.collect(store, [motir(site)], JANUARY, fetcher=fetcher_for(store, Sleeps()))
    assert report.failed is None and counts(report) == (2, 0, 0, 0)
    releases = by_title(store)
    meeting = releases["Minister Meets Japanese Trade Minister in Tokyo"]
    assert meeting.url == f"{site.base}/motir/1002/view?bbsCdN=2"
    assert meeting.published == date(2026, 1, 21)
    assert meeting.body == (
        "The Minister of Trade met the Japanese trade minister in Tokyo on January 21.\n\n"
        "The two discussed supply chains for critical minerals."
    )
    assert releases["Battery Supply Chain Fund Launched"].published == date(2026, 1, 8)
    paths = site.paths()
    assert "/motir/list-2.html" in paths and "/motir/1003/view" not in paths  # February's: listed, not read
    assert "/motir/0998/view" not in paths


def test_javascript_links_without_a_link_pattern_are_rejected_saying_what_to_set(
    site: Site, store: Store
) -> None:
    source = motir(site)
    options = {k: v for k, v in source.options.items() if k not in ("link_pattern", "link_template")}
    report = read(store, Source(source.name, "html", source.url, options={**options, "max_pages": 1}))
    assert report.ingested == 0 and len(report.rejected) == 3
    assert "is JavaScript" in report.rejected[0].reason and "link_pattern" in report.rejected[0].reason


def write_config(folder: Path, site: Site, sources: str) -> Path:
    config = folder / "brief.toml"
    config.write_text(
        'timezone = "Asia/Seoul"\nstore = "sqlite:///store.sqlite"\n\n[fetch]\ndelay = 0\nretries = 0\n\n'
        + sources,
        encoding="utf-8",
    )
    return config


def motir_toml(site: Site, link: str = "a[href*='article.view']") -> str:
    text = (ROOT / "examples" / "motir-html.toml").read_text(encoding="utf-8")
    text = text[text.index("[[sources]]") :]
    text = text.replace(
        "https://english.motir.go.kr/eng/article/EATCLdfa319ada/list?bbsCdN=2&pageIndex=1",
        f"{site.base}/motir/list.html?bbsCdN=2&pageIndex=1",
    )
    return text.replace("link = \"a[href*='article.view']\"", f'link = "{link}"')


def test_rows_matching_with_no_link_in_them_fail_the_board_naming_selector_and_page(
    site: Site, tmp_path: Path
) -> None:
    write_config(tmp_path, site, motir_toml(site, link="a.no-such-link"))
    run = run_brief("collect", "--config", "brief.toml", "--month", "2026-01", cwd=tmp_path)
    assert run.code == 1
    page = f"{site.base}/motir/list.html?bbsCdN=2&pageIndex=1"
    assert (
        f"brief: source motir failed: {page}: 3 list items match 'li:has(strong.title)' but the link "
        "selector 'a.no-such-link' matches in none of them"
    ) in run.stderr
    assert [p for p in site.paths() if "/motir/" in p] == ["/motir/list-1.html"]  # one list page, no more


# brief sources check


def test_sources_check_shows_what_each_source_config_finds(site: Site, tmp_path: Path) -> None:
    feed = (
        f'[[sources]]\nname = "press"\nkind = "feed"\nurl = "{site.base}/feeds/press.xml"\n'
        'body = "div.article-body"\n\n'
    )
    write_config(tmp_path, site, feed + motir_toml(site))
    run = run_brief("sources", "check", "--config", "brief.toml", cwd=tmp_path)
    assert run.code == 0, run.stderr
    assert run.stdout.splitlines() == [
        f"press (feed): ok  {site.base}/feeds/press.xml",
        "  items: 5",
        "  newest: 2026-01-28  Semiconductor Exports Reach Record",
        "  body: Semiconductor exports reached USD 17.3 billion in January 2026.",
        f"motir (html): ok  {site.base}/motir/list.html?bbsCdN=2&pageIndex=1",
        "  selectors: item 3 rows, link 3 of 3 rows, title 3 of 3 rows, date 3 of 3 rows, "
        "body matches on the release page",
        "  items: 3",
        "  newest: 2026-02-01  Exports Rise 5.2% in January",
        "  body: Exports rose 5.2 percent year-on-year to USD 49.1 billion in January 2026.",
    ]
    motir_paths = [p for p in site.paths() if p.startswith("/motir/")]
    assert motir_paths == ["/motir/list-1.html", "/motir/1003/view"]  # one list page, one release
    assert not (tmp_path / "store.sqlite").exists()  # nothing stored


def test_sources_check_names_the_selector_matching_nothing_and_exits_1(site: Site, tmp_path: Path) -> None:
    write_config(tmp_path, site, motir_toml(site, link="a.no-such-link"))
    run = run_brief("sources", "check", "--config", "brief.toml", cwd=tmp_path)
    assert run.code == 1
    assert "motir (html): PROBLEM" in run.stdout
    assert "link 0 of 3 rows" in run.stdout
    assert "the link selector 'a.no-such-link' matches in none of them" in run.stdout


def test_a_store_is_untouched_by_a_check(site: Site, store: Store) -> None:
    from reports.collect.check import check_source

    result = check_source(motir(site), fetcher_for(store, Sleeps()))
    assert result.ok and result.items == 3 and store.count_releases() == 0



# The zone table is data: every row is a name brief can match and an offset a clock can have.


def test_every_zone_in_the_table_is_a_readable_name_with_a_real_offset() -> None:
    from reports.collect.web import zone_table

    zones = zone_table()
    assert {"UTC", "GMT", "PST", "EDT", "CET", "KST", "JST"} <= set(zones)
    for name, hours in zones.items():
        assert name.isalpha() and name.isupper() and 1 <= len(name) <= 5, name
        assert -12 <= hours <= 14 and (hours * 4).is_integer(), (name, hours)
    assert "IST" not in zones  # India, Ireland or Israel: rejected rather than guessed


@given(
    st.datetimes(min_value=datetime(1995, 1, 1), max_value=datetime(2090, 12, 31)),
    st.sampled_from(["PST", "EDT", "CET", "KST", "GMT", "AEDT", "NST"]),
    st.sampled_from(["UTC", "Asia/Seoul", "America/New_York"]),
)
def test_a_time_in_a_named_zone_lands_on_its_day_in_the_source_calendar(
    moment: datetime, zone: str, calendar: str
) -> None:
    from reports.collect.feed import entry_day
    from reports.collect.web import zone_table

    aware = moment.replace(second=0, microsecond=0, tzinfo=timezone(timedelta(hours=zone_table()[zone])))
    text = aware.strftime(f"%a, %d %b %Y %H:%M:%S {zone}")
    assert entry_day(text, None, calendar) == aware.astimezone(ZoneInfo(calendar)).date()
