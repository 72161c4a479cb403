"""The sessions table: newest first, every user text escaped."""

import re
from datetime import datetime, timedelta, timezone

import pytest

from tests.journal.journal_strategies import session
from widgets.figures.journal_table import HEADERS, journal_table_html

IST = timezone(timedelta(hours=5, minutes=30))


def rows(html_text: str) -> list[str]:
    return re.findall(r"<tr>(.*?)</tr>", html_text.split("<tbody>")[1])


def test_one_row_per_session_newest_first():
    start = datetime(2025, 3, 1, 7, 0, tzinfo=IST)
    sessions = [session(start=start + timedelta(days=d), rounds=d) for d in range(3)]
    table = journal_table_html(sessions)
    body = rows(table)
    assert len(body) == 3
    assert "2025-03-03 07:00 UTC+05:30" in body[0] and "2025-03-01 07:00" in body[2]
    assert all(f"<th scope='col'>{h}</th>" in table for h in HEADERS)
    assert len(rows(journal_table_html(sessions, last=2))) == 2


def test_cells_show_the_values():
    (row,) = rows(journal_table_html([session(duration_s=630.0, pain_after=None)]))
    cells = re.findall(r"<td>(.*?)</td>", row)
    assert cells[1:6] == ["10.5", "60", "6", "1:1.5", "lift-with-breath"]
    assert cells[6] == "4" and "not recorded" in cells[7]
    assert "datetime='2025-03-01T07:30:00+01:00'" in cells[0]


def test_user_text_is_escaped():
    evil = "<script>alert('x')</script> & <img src=x onerror=alert(1)>\nline two"
    table = journal_table_html([session(note=evil)], caption="<b>mine</b>")
    assert "<script" not in table and "<img" not in table and "<b>mine" not in table
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &lt;img" in table
    assert "onerror=alert(1)&gt;<br>line two" in table
    assert "<caption>&lt;b&gt;mine&lt;/b&gt;</caption>" in table


def test_an_empty_journal_says_so():
    assert "No sessions yet." in journal_table_html([])


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"sessions": None}, "sessions must be a list"),
        ({"sessions": ["x"]}, r"sessions\[0\] must be a Session"),
        ({"sessions": [], "caption": None}, "caption must be text"),
        ({"sessions": [], "last": 0}, "last = 0 is out of range"),
        ({"sessions": [], "last": 2.0}, "last must be a whole number"),
    ],
)
def test_bad_input_is_named(kwargs, expected):
    with pytest.raises(ValueError, match=expected):
        journal_table_html(**kwargs)
