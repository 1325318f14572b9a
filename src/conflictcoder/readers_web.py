"""Web readers: HTML pages and RSS/Atom feeds, into ``Article`` records.

- An HTML page (``.html``, ``.htm``) is one article. Its main text is taken out of the
  navigation, adverts and footers by trafilatura, one paragraph per line; the article's
  ``text`` is that extracted text, so evidence offsets point into it (not into the HTML).
  The publication date is the page's own (``article:published_time``, ``datePublished``,
  a date in the URL... as htmldate finds them, never guessed from the body text); a page
  with none takes ``default_date`` (``--date``). ``title``, ``source`` (the site name) and
  ``url`` (the canonical address) come from the page's metadata. ``doc_id`` is the path.
- A feed (``.rss``, ``.atom``, ``.xml``; RSS 0.9x/1.0/2.0 or Atom, parsed by feedparser)
  gives one article per item: its full content when the feed carries it, else its summary,
  as text (markup taken out, one block per line). ``doc_id`` is the item's id (``guid``),
  else its link, else ``FILE#N``; the date is the item's published date (the local date of
  its own time zone), else its updated date, else ``default_date``. ``source`` is the feed's
  title. An item without text is an error for that item only.

Both parse bytes: the page or feed declares its own encoding.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from html.parser import HTMLParser

from conflictcoder.errors import InputError
from conflictcoder.models import Article
from conflictcoder.pubdates import checked_date, parse_date

HTML_SUFFIXES = frozenset({".html", ".htm"})
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})
#: Feeds read when walking a directory: ``.xml`` is read only when named.
WALKED_FEED_SUFFIXES = frozenset({".rss", ".atom"})

_DATE_SEARCH = {"extensive_search": False, "original_date": True}
# block elements whose end is a line break in text taken from a fragment of HTML
_BLOCKS = frozenset(
    "p div br li ul ol tr table h1 h2 h3 h4 h5 h6 blockquote pre section article header "
    "footer figure figcaption dd dt hr".split()
)
_SKIPPED = frozenset({"script", "style", "noscript", "template"})


def article_from_html(raw: bytes, doc_id: str, *, default_date: date | None) -> Article:
    """One page as an Article; raise InputError naming ``doc_id``."""
    import trafilatura  # noqa: PLC0415 (0.3 s to import: only when a page is read)

    if not raw.strip():
        raise InputError(doc_id, "empty page")
    try:
        found = trafilatura.bare_extraction(
            raw,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            date_extraction_params=_DATE_SEARCH,
        )
    except (ValueError, TypeError) as error:  # lxml's refusal of what is not HTML
        raise InputError(doc_id, f"unreadable HTML ({error})") from error
    text = _clean(getattr(found, "text", None))
    if text is None:
        raise InputError(doc_id, "no article text found in the page")
    published = _dated(doc_id, parse_date(getattr(found, "date", None)), default_date, "page")
    return Article(
        doc_id=doc_id,
        text=text,
        published=published,
        title=_clean(getattr(found, "title", None)),
        source=_clean(getattr(found, "sitename", None)),
        url=_clean(getattr(found, "url", None)),
    )


def read_feed(
    raw: bytes, where: str, *, default_date: date | None
) -> Iterator[Article | InputError]:
    """Every item of an RSS or Atom feed, or an InputError for an item (or a feed) that
    cannot be read; one bad item never stops the others."""
    import feedparser  # noqa: PLC0415

    feed = feedparser.parse(raw)
    if not feed.get("version"):
        problem = feed.get("bozo_exception")
        reason = f" ({str(problem).splitlines()[0][:80]})" if problem else ""
        yield InputError(where, f"not an RSS or Atom feed{reason}")
        return
    if not feed.entries:
        yield InputError(where, "feed has no items")
        return
    source = _clean(feed.feed.get("title"))
    for number, entry in enumerate(feed.entries, start=1):
        doc_id = _clean(entry.get("id")) or _clean(entry.get("link")) or f"{where}#{number}"
        try:
            yield _article_from_entry(entry, doc_id, source=source, default_date=default_date)
        except InputError as error:
            yield error


def _article_from_entry(
    entry: dict, doc_id: str, *, source: str | None, default_date: date | None
) -> Article:
    contents = [part.get("value") for part in entry.get("content") or ()]
    body = next((value for value in contents if value and value.strip()), None)
    text = html_to_text(body or entry.get("summary") or "")
    if text is None:
        raise InputError(doc_id, "feed item has no text")
    published = None
    for key in ("published", "updated", "created"):
        if entry.get(key):
            published = parse_date(entry[key])
            if published is None:
                raise InputError(doc_id, f"unusable date {entry[key][:40]!r}")
            break
    return Article(
        doc_id=doc_id,
        text=text,
        published=_dated(doc_id, published, default_date, "feed item"),
        title=_clean(html_to_text(entry.get("title") or "")),
        source=source,
        url=_clean(entry.get("link")),
    )


def _dated(doc_id: str, published: date | None, default_date: date | None, what: str) -> date:
    """The document's own date, else ``default_date``; an InputError when there is neither."""
    if published is None:
        if default_date is None:
            raise InputError(doc_id, f"{what} has no publication date and no --date given")
        published = default_date
    return checked_date(doc_id, published)


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _SKIPPED:
            self._skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:  # a line break in the source is a space, as in a browser
            self.parts.append(data.replace("\n", " "))


def html_to_text(fragment: str) -> str | None:
    """The text of a fragment of HTML (or of plain text): markup and scripts out, entities
    decoded, one block per line, runs of spaces made one; None when nothing is left."""
    parser = _TextParser()
    parser.feed(fragment)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return _clean("\n".join(line for line in lines if line))


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return value.strip() or None
