import html
from pathlib import Path

import pytest

from widgets.content import practice_card as pc
from widgets.content.lesson_content import content
from widgets.content.red_flags import red_flags


def test_the_card_holds_the_steps_rules_and_every_red_flag_escaped():
    page = pc.practice_card_html()
    card = pc.card_content()
    assert page.startswith("<!doctype html>") and "@page{size:A4" in page
    assert len(card["steps"]) == pc.STEP_COUNT
    for text in [*card["steps"], *card["stop"], *card["keep_going"], card["tempo"]]:
        assert html.escape(text, quote=True) in page
    for group in red_flags():
        for sign in group.signs:
            assert html.escape(sign, quote=True) in page
    # one empty cell a day for each row, plus the empty corner of the header row
    assert page.count("<td></td>") == len(card["rows"]) * len(card["week"]) + 1


def test_user_text_in_the_content_file_is_escaped(monkeypatch):
    data = content("07")
    card = dict(data["card"], title="<script>alert('x')</script> & co")
    monkeypatch.setattr(pc, "content", lambda lesson: {**data, "card": card})
    page = pc.practice_card_html()
    assert "<script>" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; co" in page


def test_a_card_without_five_steps_is_refused(monkeypatch):
    data = content("07")
    card = dict(data["card"], steps=data["card"]["steps"][:4])
    monkeypatch.setattr(pc, "content", lambda lesson: {**data, "card": card})
    with pytest.raises(ValueError, match="exactly 5 steps, got 4"):
        pc.practice_card_html()


@pytest.mark.parametrize("value", [1, "yes", None])
def test_standalone_must_be_a_bool(value):
    with pytest.raises(ValueError, match="standalone"):
        pc.practice_card_html(standalone=value)


def test_the_notebook_preview_has_no_page_rules():
    fragment = pc.practice_card_html(standalone=False)
    assert "@page" not in fragment and "<html" not in fragment
    assert "var(--jp-ui-font-color1" in fragment


def test_cli_writes_the_page_and_refuses_bad_usage(tmp_path: Path, capsys):
    out = tmp_path / "card.html"
    assert pc.main([str(out)]) == 0
    assert out.read_text(encoding="utf-8") == pc.practice_card_html()
    assert pc.main([]) == 2
    assert pc.main([str(out), "extra"]) == 2
    assert pc.main([str(tmp_path)]) == 1
    assert "is a folder" in capsys.readouterr().err
    with pytest.raises(ValueError, match="path must be a file path"):
        pc.write_practice_card(b"card.html")
