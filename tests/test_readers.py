import io
import json
from datetime import date

import pytest

from conflictcoder.errors import InputError
from conflictcoder.models import Article
from conflictcoder.readers import Columns, parse_date, read


def _split(results):
    articles = [r for r in results if isinstance(r, Article)]
    errors = [r for r in results if isinstance(r, InputError)]
    return articles, errors


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2022-01-22", date(2022, 1, 22)),
        ("2022-01-22T10:00:00Z", date(2022, 1, 22)),
        (" 2020-05-09 ", date(2020, 5, 9)),
        ("2022-13-01", None),
        ("", None),
        (None, None),
        # other unambiguous forms of one day
        ("22 Jan 2022", date(2022, 1, 22)),
        ("2022/01/22", date(2022, 1, 22)),
        ("2022.01.22", date(2022, 1, 22)),
        ("20220122", date(2022, 1, 22)),
        (20220122, date(2022, 1, 22)),
        ("2022-01-22T23:30:00-05:00", date(2022, 1, 22)),  # the local date
        ("Sat, 22 Jan 2022 10:00:00 +0000", date(2022, 1, 22)),  # RFC 2822 (RSS)
        ("January 22, 2022", date(2022, 1, 22)),
        ("Saturday, Jan. 22nd, 2022", date(2022, 1, 22)),
        # ambiguous, partial or not a date
        ("01/02/2022", None),
        ("22 Foo 2022", None),
        ("January 2022", None),
        ("2022-01-2", None),
        (1642809600, None),  # a Unix time
        (True, None),
    ],
)
def test_parse_date(raw, expected):
    assert parse_date(raw) == expected


@pytest.mark.parametrize(
    ("content", "default", "published", "text"),
    [
        ("date 2022-01-22 Gunmen attacked.", None, date(2022, 1, 22), "Gunmen attacked."),
        ("  \n date 2022-01-22\nGunmen attacked.", None, date(2022, 1, 22), "Gunmen attacked."),
        ("Gunmen attacked.", date(2021, 5, 1), date(2021, 5, 1), "Gunmen attacked."),
        (
            "date 2022-01-22 Gunmen attacked.",
            date(2021, 5, 1),
            date(2022, 1, 22),
            "Gunmen attacked.",
        ),
    ],
)
def test_plain_text(tmp_path, content, default, published, text):
    path = tmp_path / "a.txt"
    path.write_text(content, encoding="utf-8")
    [article] = list(read([path], default_date=default))
    assert article == Article(doc_id=str(path), text=text, published=published)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("Gunmen attacked.", "no 'date YYYY-MM-DD' header and no --date given"),
        ("date 2022-02-30 Gunmen attacked.", "unusable date header '2022-02-30'"),
        ("date 2022-01-22   ", "empty text"),
        ("date 2022-01-22", "empty text"),
        (" \n\t ", "empty text"),
        ("", "empty text"),
        # placeholders, not publication dates: they broke dating and linking
        ("date 0001-01-01 Gunmen attacked.", "implausible date 0001-01-01 (want a year 1800-2199)"),
        ("date 9999-12-31 Gunmen attacked.", "implausible date 9999-12-31 (want a year 1800-2199)"),
    ],
)
def test_plain_text_problems(tmp_path, content, problem):
    path = tmp_path / "bad.txt"
    path.write_text(content, encoding="utf-8")
    [error] = list(read([path]))
    assert isinstance(error, InputError)
    assert str(error) == f"{path}: {problem}"


def test_not_utf8_does_not_stop_the_batch(tmp_path):
    bad = tmp_path / "a.txt"
    bad.write_bytes(b"date 2022-01-22 caf\xe9 attacked")
    good = tmp_path / "b.txt"
    good.write_text("date 2022-01-22 Police arrested two men.", encoding="utf-8")
    articles, errors = _split(list(read([tmp_path])))
    assert [a.doc_id for a in articles] == [str(good)]
    assert [str(e) for e in errors] == [f"{bad}: not UTF-8 text"]


def test_jsonl_ids_and_errors(tmp_path):
    path = tmp_path / "docs.jsonl"
    lines = [
        json.dumps({"id": "a1", "date": "2022-01-22", "text": "Soldiers clashed.", "url": "u"}),
        "{not json",
        json.dumps({"id": "a3", "date": "yesterday", "text": "x"}),
        "",
        json.dumps({"date": "2022-01-23", "text": "Protesters marched.", "title": "  "}),
        json.dumps({"id": "a6", "date": "2022-01-23", "text": "   "}),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    articles, errors = _split(list(read([path])))
    assert articles == [
        Article(doc_id="a1", text="Soldiers clashed.", published=date(2022, 1, 22), url="u"),
        Article(doc_id=f"{path}:5", text="Protesters marched.", published=date(2022, 1, 23)),
    ]
    messages = [str(e) for e in errors]
    assert messages[0].startswith(f"{path}:2: malformed JSON")
    assert messages[1] == "a3: unusable date 'yesterday' (want YYYY-MM-DD)"
    assert messages[2] == "a6: empty text"


def test_csv_with_renamed_columns(tmp_path):
    path = tmp_path / "docs.csv"
    path.write_text(
        'doc,published,body\nx1,2022-01-22,"Gunmen, masked, attacked."\nx2,,No date here.\n',
        encoding="utf-8",
    )
    columns = Columns(id="doc", date="published", text="body")
    articles, errors = _split(list(read([path], columns=columns, default_date=date(2020, 1, 1))))
    assert [(a.doc_id, a.published, a.text) for a in articles] == [
        ("x1", date(2022, 1, 22), "Gunmen, masked, attacked."),
        ("x2", date(2020, 1, 1), "No date here."),
    ]
    assert errors == []


def test_csv_without_text_column(tmp_path):
    path = tmp_path / "docs.csv"
    path.write_text("id,date\n1,2022-01-01\n", encoding="utf-8")
    [error] = list(read([path]))
    assert str(error) == f"{path}: CSV has no 'text' column"


def test_directory_is_recursive_and_sorted(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("date 2022-01-02 B", encoding="utf-8")
    (tmp_path / "a.txt").write_text("date 2022-01-01 A", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("date 2022-01-01 H", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    articles, errors = _split(list(read([tmp_path])))
    assert [a.text for a in articles] == ["A", "B"]
    assert errors == []


def test_missing_path():
    [error] = list(read(["/nonexistent/file.txt"]))
    assert str(error) == "/nonexistent/file.txt: no such file or directory"


@pytest.mark.parametrize(
    ("stdin", "expected"),
    [
        ("date 2022-01-22 Riot in town.", [("<stdin>", "Riot in town.")]),
        ('{"id": "s1", "date": "2022-01-22", "text": "Riot."}\n', [("s1", "Riot.")]),
    ],
)
def test_stdin(stdin, expected):
    articles = list(read(["-"], stdin=io.StringIO(stdin)))
    assert [(a.doc_id, a.text) for a in articles] == expected


@pytest.mark.parametrize(
    ("raw", "published", "text"),
    [
        # a byte-order mark (Windows editors) before the header
        (b"\xef\xbb\xbfdate 2022-01-22\r\nGunmen attacked.", date(2022, 1, 22), "Gunmen attacked."),
        # Windows line endings are read as newlines (offsets index Article.text)
        (b"date 2022-01-22\r\nA.\r\n\r\nB.", date(2022, 1, 22), "A.\n\nB."),
        (b"\xef\xbb\xbfGunmen attacked.", date(2020, 1, 1), "Gunmen attacked."),
        (b"date 1850-03-01 Riot.", date(1850, 3, 1), "Riot."),
        (b"date 2150-03-01 Riot.", date(2150, 3, 1), "Riot."),
    ],
)
def test_plain_text_bytes(tmp_path, raw, published, text):
    path = tmp_path / "a.txt"
    path.write_bytes(raw)
    [article] = list(read([path], default_date=date(2020, 1, 1)))
    assert (article.published, article.text) == (published, text)


@pytest.mark.parametrize(
    ("name", "raw", "expected"),
    [
        (
            "bom.jsonl",
            b'\xef\xbb\xbf{"id": "j1", "date": "2022-01-22", "text": "Riot."}\n',
            [("j1", "Riot.")],
        ),
        ("bom.csv", b"\xef\xbb\xbfid,date,text\r\nc1,2022-01-22,Riot.\r\n", [("c1", "Riot.")]),
        (
            "quoted.csv",
            b'id,date,text\nc1,2022/01/22,"Riot,\nthen a fire."\nc2,22 Jan 2022,Riot.,extra\n',
            [("c1", "Riot,\nthen a fire."), ("c2", "Riot.")],
        ),
        # a lone surrogate escape (a cut emoji) becomes U+FFFD, one character for one
        (
            "cut.jsonl",
            b'{"id": "s\\ud83d", "date": "2022-01-22", "text": "Riot \\ud83d in town."}\n',
            [("s\ufffd", "Riot \ufffd in town.")],
        ),
    ],
)
def test_record_files(tmp_path, name, raw, expected):
    path = tmp_path / name
    path.write_bytes(raw)
    articles, errors = _split(list(read([path])))
    assert errors == []
    assert [(a.doc_id, a.text) for a in articles] == expected


@pytest.mark.parametrize(
    ("records", "expected"),
    [
        # another document under a known id would replace its events in a store
        (
            [("1", "2022-01-22", "Riot in A."), ("1", "2022-01-23", "Riot in B.")],
            ["1", "1: duplicate id: {a} has another document with this id"],
        ),
        ([("1", "2022-01-22", "Riot in A."), ("1", "2022-01-22", "Riot in A.")], ["1", "1"]),
        ([("1", "2022-01-22", "Riot in A."), ("2", "2022-01-22", "Riot in A.")], ["1", "2"]),
    ],
)
def test_duplicate_ids_across_files(tmp_path, records, expected):
    paths = []
    for name, (doc_id, day, text) in zip("ab", records, strict=True):
        path = tmp_path / f"{name}.jsonl"
        path.write_text(json.dumps({"id": doc_id, "date": day, "text": text}) + "\n")
        paths.append(path)
    found = [r.doc_id if isinstance(r, Article) else str(r) for r in read(paths)]
    assert found == [e.format(a=paths[0]) for e in expected]


def test_stdin_jsonl_keeps_unicode_line_separators():
    line = json.dumps(
        {"id": "u", "date": "2022-01-22", "text": "Riot\u2028in\x85town."}, ensure_ascii=False
    )
    [article] = list(read(["-"], stdin=io.StringIO(line + "\n")))
    assert article.text == "Riot\u2028in\x85town."


@pytest.mark.parametrize(
    "stdin",
    ["\ufeffdate 2022-01-22 Riot.", '\ufeff{"id": "b", "date": "2022-01-22", "text": "Riot."}'],
)
def test_stdin_with_byte_order_mark(stdin):
    [article] = list(read(["-"], stdin=io.StringIO(stdin)))
    assert (article.published, article.text) == (date(2022, 1, 22), "Riot.")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"date 2022-01-22\r\nRiot.\r\n\r\nFire.", "Riot.\n\nFire."),  # as a file reads
        (b"\xef\xbb\xbfdate 2022-01-22 Riot.", "Riot."),
        (b"date 2022-01-22 caf\xe9 riot", "<stdin>: not UTF-8 text"),
    ],
)
def test_stdin_bytes(raw, expected):
    # sys.stdin may decode with surrogateescape: the bytes decide
    handle = io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8", errors="surrogateescape")
    [found] = list(read(["-"], stdin=handle))
    assert (found.text if isinstance(found, Article) else str(found)) == expected


def test_directory_without_documents(tmp_path):
    (tmp_path / "scan.pdf").write_bytes(b"%PDF")
    [error] = list(read([tmp_path]))
    assert str(error).startswith(f"{tmp_path}: no documents (")
    assert ".html" in str(error) and ".rss" in str(error) and ".xml" not in str(error)


def test_csv_rows_are_named_by_their_first_line(tmp_path):
    path = tmp_path / "docs.csv"
    path.write_text(
        'date,text\n2022-01-22,"Riot,\nthen fire."\n\n2022-01-22,Riot.\n2022-01-22\n',
        encoding="utf-8",
    )
    found = [r.doc_id if isinstance(r, Article) else str(r) for r in read([path])]
    assert found == [f"{path}:2", f"{path}:5", f"{path}:6: no 'text' text field"]


@pytest.mark.parametrize(
    ("csv_text", "expected"),
    [
        # a quote never closed: the row is an error, the rows after it are read
        (
            'id,date,text\na,2022-01-22,"Riot in the\nb,2022-01-23,Fire.\nc,2022-01-24,Shots.\n',
            ["2: unclosed quote", "b", "c"],
        ),
        # ... and when a later quote closes it
        (
            'id,date,text\na,2022-01-22,"Riot\nb,2022-01-23,Fire.\nc,2022-01-24,"Shots, "" here"\n',
            ["2: unclosed quote", "b", "c"],
        ),
        # on the last line, and before a last line
        ('id,date,text\na,2022-01-22,Riot.\nb,2022-01-23,"Fire', ["a", "b"]),
        ('id,date,text\na,2022-01-22,"Riot.\nb,2022-01-23,Fire', ["2: unclosed quote", "b"]),
        # a quoted text over several lines, and a stray quote inside one line, are fine
        (
            'id,date,text\na,2022-01-22,"Riot,\n""then"" fire."\nb,2022-01-23,a 5" gun\n',
            ["a", "b"],
        ),
    ],
)
def test_csv_unclosed_quote_loses_no_other_row(tmp_path, csv_text, expected):
    path = tmp_path / "docs.csv"
    path.write_text(csv_text, encoding="utf-8")
    found = [
        r.doc_id if isinstance(r, Article) else str(r).removeprefix(f"{path}:")[:17]
        for r in read([path])
    ]
    assert found == expected
