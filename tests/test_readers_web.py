"""HTML pages and RSS/Atom feeds as articles (fixtures written for these tests)."""

import io
from datetime import date

import pytest

from conflictcoder.errors import InputError
from conflictcoder.models import Article
from conflictcoder.readers import read
from conflictcoder.readers_web import html_to_text

PAGE = """<!DOCTYPE html><html><head><title>Clashes near the dam - Valley Courier</title>
<meta property="og:site_name" content="Valley Courier">
<meta property="article:published_time" content="2021-06-05T22:10:00-04:00">
<link rel="canonical" href="https://courier.example.org/news/clashes-near-dam">
<script>var tracking = "killed 900 people";</script></head>
<body><nav><a href="/">Home</a> | <a href="/sport">Sport</a></nav>
<article><h1>Clashes near the dam</h1>
<p>Militiamen and army troops fought for several hours near the Tabqa dam on Friday night,
residents said.</p>
<p>Four fighters were killed and seven were wounded in the exchange of fire, according to a
local medical source who asked not to be named.</p>
<p>The army said it had pushed the militiamen back towards the river by Saturday morning.</p>
</article>
<footer>&copy; 2021 Valley Courier. All rights reserved. Contact us | Privacy</footer>
</body></html>"""

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Example Wire</title><link>https://wire.example.org</link>
<item><title>Protest in the capital</title><link>https://wire.example.org/a1</link>
<guid>wire-a1</guid><pubDate>Sat, 22 Jan 2022 23:30:00 -0500</pubDate>
<description>&lt;p&gt;Hundreds of &lt;b&gt;teachers&lt;/b&gt; marched on Saturday.&lt;/p&gt;
&lt;p&gt;Police &amp;amp; soldiers watched.&lt;/p&gt;</description></item>
<item><title>Undated</title><link>https://wire.example.org/a2</link>
<description>Gunmen attacked a bus.</description></item>
<item><title>Empty</title><guid>wire-a3</guid><pubDate>Sat, 22 Jan 2022 10:00:00 +0000</pubDate>
<description></description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title>
<entry><id>tag:desk.example,2022:7</id><title>Raid</title><link href="https://desk.example/7"/>
<published>2022-01-22T01:00:00+03:00</published><updated>2022-01-24T08:00:00Z</updated>
<summary>Short version.</summary>
<content type="html">&lt;p&gt;Police raided a house in the old town.&lt;/p&gt;&lt;p&gt;Two men
were arrested.&lt;/p&gt;</content></entry></feed>"""


def _split(results):
    articles = [r for r in results if isinstance(r, Article)]
    errors = [str(r) for r in results if isinstance(r, InputError)]
    return articles, errors


def test_html_page_keeps_the_article_and_its_metadata(tmp_path):
    path = tmp_path / "dam.html"
    path.write_text(PAGE, encoding="utf-8")
    [article] = list(read([path]))
    assert article.published == date(2021, 6, 5)  # the page's own zone, not UTC
    assert "near the Tabqa dam on Friday night" in article.text
    assert "Four fighters were killed" in article.text
    assert "by Saturday morning" in article.text
    for noise in ("Home", "Sport", "All rights reserved", "tracking", "900"):
        assert noise not in article.text
    assert article.title == "Clashes near the dam"
    assert article.source == "Valley Courier"
    assert article.url == "https://courier.example.org/news/clashes-near-dam"
    assert article.doc_id == str(path)


def test_html_page_without_a_date_takes_the_default_or_is_an_error(tmp_path):
    page = PAGE.replace(
        '<meta property="article:published_time" content="2021-06-05T22:10:00-04:00">', ""
    )
    path = tmp_path / "undated.htm"
    path.write_text(page, encoding="utf-8")
    [error] = list(read([path]))
    assert str(error) == f"{path}: page has no publication date and no --date given"
    [article] = list(read([path], default_date=date(2021, 6, 6)))
    assert article.published == date(2021, 6, 6)


def test_html_page_in_its_declared_encoding(tmp_path):
    page = PAGE.replace("<head>", '<head><meta charset="iso-8859-1">').replace(
        "residents said", "r\xe9sidents said"
    )
    path = tmp_path / "latin.html"
    path.write_bytes(page.encode("iso-8859-1"))
    [article] = list(read([path]))
    assert "r\xe9sidents said" in article.text


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("", "empty page"),
        ("<html><body><script>go()</script></body></html>", "no article text found in the page"),
    ],
)
def test_bad_pages_are_one_line_errors(tmp_path, page, expected):
    path = tmp_path / "bad.html"
    path.write_text(page, encoding="utf-8")
    assert [str(found) for found in read([path])] == [f"{path}: {expected}"]


def test_rss_items_are_articles_and_bad_items_errors(tmp_path):
    path = tmp_path / "wire.rss"
    path.write_text(RSS, encoding="utf-8")
    articles, errors = _split(list(read([path])))
    [article] = articles
    assert article.doc_id == "wire-a1"
    assert article.published == date(2022, 1, 22)  # local date of its -0500 zone
    assert article.text == "Hundreds of teachers marched on Saturday.\nPolice & soldiers watched."
    assert (article.title, article.source) == ("Protest in the capital", "Example Wire")
    assert article.url == "https://wire.example.org/a1"
    assert errors == [
        "https://wire.example.org/a2: feed item has no publication date and no --date given",
        "wire-a3: feed item has no text",
    ]
    articles, _ = _split(list(read([path], default_date=date(2022, 1, 23))))
    assert [(a.doc_id, a.published) for a in articles] == [
        ("wire-a1", date(2022, 1, 22)),
        ("https://wire.example.org/a2", date(2022, 1, 23)),
    ]


def test_atom_entry_prefers_full_content_and_published_date(tmp_path):
    path = tmp_path / "desk.atom"
    path.write_text(ATOM, encoding="utf-8")
    [article] = list(read([path]))
    assert article.doc_id == "tag:desk.example,2022:7"
    assert article.published == date(2022, 1, 22)
    assert article.text == "Police raided a house in the old town.\nTwo men were arrested."
    assert article.source == "Atom Desk"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("<html><body><p>no feed here</p></body></html>", "not an RSS or Atom feed"),
        ('<rss version="2.0"><channel><title>t</title></channel></rss>', "feed has no items"),
    ],
)
def test_bad_feeds_are_one_line_errors(tmp_path, raw, expected):
    path = tmp_path / "feed.xml"
    path.write_text(raw, encoding="utf-8")
    [error] = list(read([path]))
    assert str(error).startswith(f"{path}: {expected}")


def test_stdin_sniffs_pages_and_feeds():
    [article] = list(read(["-"], stdin=io.StringIO(PAGE)))
    assert (article.doc_id, article.published) == ("<stdin>", date(2021, 6, 5))
    [article] = list(read(["-"], stdin=io.StringIO(ATOM)))
    assert article.doc_id == "tag:desk.example,2022:7"


def test_directory_reads_pages_and_feeds_but_not_stray_xml(tmp_path):
    (tmp_path / "a.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "b.atom").write_text(ATOM, encoding="utf-8")
    (tmp_path / "config.xml").write_text("<config/>", encoding="utf-8")
    articles, errors = _split(list(read([tmp_path])))
    assert [a.doc_id for a in articles] == [str(tmp_path / "a.html"), "tag:desk.example,2022:7"]
    assert errors == []


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        ("<p>One</p><p>Two &amp; three</p>", "One\nTwo & three"),
        ("plain   text", "plain text"),
        ("<div>a<script>b()</script> c</div><br>d", "a c\nd"),
        ("<style>p {}</style>", None),
        ("", None),
    ],
)
def test_html_to_text(fragment, expected):
    assert html_to_text(fragment) == expected
