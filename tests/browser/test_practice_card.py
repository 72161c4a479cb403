"""The practice card prints on exactly one A4 page in headless Chromium, with its text.

The page count is read from the PDF itself: the ``/Type /Page`` objects and the page tree's
``/Count`` (Chromium writes both uncompressed); a two-page control document proves the counter
can see a second page. The text is checked as Chromium renders it for print, before printing.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from widgets.content.practice_card import card_content, practice_card_html
from widgets.content.red_flags import red_flags

from .chromium import new_page
from .lab import SCREENSHOT_DIR

pytestmark = pytest.mark.browser

#: A4 in CSS pixels at 96 per inch: 210 mm x 297 mm.
A4_PT = (595.28, 841.89)


def page_count(pdf: bytes) -> int:
    pages = len(re.findall(rb"/Type\s*/Page(?![A-Za-z])", pdf))
    counts = {int(n) for n in re.findall(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", pdf, re.S)}
    counts |= {int(n) for n in re.findall(rb"/Count\s+(\d+)[^>]*?/Type\s*/Pages\b", pdf, re.S)}
    assert counts == {pages}, f"page objects {pages}, page tree counts {counts}"
    return pages


def media_box(pdf: bytes) -> tuple[float, float]:
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    assert box is not None
    return float(box.group(1)), float(box.group(2))


def printed(page: Any, source: str) -> tuple[str, bytes]:
    page.set_content(source)
    page.emulate_media(media="print")
    text = page.locator("body").inner_text()
    return text, page.pdf(prefer_css_page_size=True, print_background=True)


@pytest.fixture
def print_page(browser: Any) -> Any:
    page = new_page(browser, viewport={"width": 794, "height": 1123})
    try:
        yield page
    finally:
        page.context.close()


def test_the_counter_sees_a_second_page(print_page: Any) -> None:
    two = "<style>@page{size:A4}</style><p>one</p><p style='break-before:page'>two</p>"
    assert page_count(printed(print_page, two)[1]) == 2


def test_the_card_prints_on_one_a4_page_with_its_text(print_page: Any) -> None:
    text, pdf = printed(print_page, practice_card_html())
    assert page_count(pdf) == 1
    assert media_box(pdf) == pytest.approx(A4_PT, abs=1.0)
    flat = " ".join(text.split())
    card = card_content()
    expected = [
        card["title"], *card["steps"], card["tempo"], *card["plan"], *card["keep_going"],
        *card["stop"], *card["week"], *card["rows"],
        *(sign for group in red_flags() for sign in group.signs),
    ]  # fmt: skip
    missing = [t for t in expected if " ".join(t.split()) not in flat]
    assert missing == [], f"not on the printed card: {missing}"
    assert print_page.blocked_requests == []
    print_page.emulate_media(media="screen")
    SCREENSHOT_DIR.mkdir(exist_ok=True)
    print_page.screenshot(path=str(SCREENSHOT_DIR / "practice-card.png"), full_page=True)
