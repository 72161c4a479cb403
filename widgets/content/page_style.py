"""The course's page stylesheet, sent with the course's own outputs.

JupyterLab colours links in rendered text without underlining them, so in the dark theme a
link differs from the text around it by colour alone (axe rule ``link-in-text-block``). A
notebook cannot carry a stylesheet, so the course's HTML outputs carry this small one. It
underlines links in rendered Markdown and in outputs, and gives the course's own controls a
visible keyboard focus. It uses only JupyterLab's ``--jp-*`` variables, so both themes read.
"""

from __future__ import annotations

from widgets.validation import check_text

PAGE_STYLE = (
    "<style>"
    ".jp-RenderedMarkdown a,.jp-RenderedHTMLCommon a{text-decoration:underline}"
    ".gs-question button:focus-visible,.gs-question input:focus-visible"
    "{outline:2px solid var(--jp-brand-color1,#1976d2);outline-offset:2px}"
    ".gs-question .widget-radio-box label{min-height:28px;display:flex;align-items:center}"
    ".gs-question .widget-radio-box input[type=radio]"
    "{width:20px;height:20px;margin:2px 8px 2px 2px}"
    "</style>"
)


def styled(html: str) -> str:
    """``html`` with :data:`PAGE_STYLE` in front (one small block; repeats are harmless).

    ``html`` is the course's own markup and is not escaped: escape any text that comes from
    elsewhere before it gets here.

    Raises
    ------
    ValueError
        If ``html`` is not a str.
    """
    return PAGE_STYLE + check_text("html", html, allow_empty=True)


def show_html(html: str) -> None:
    """Display ``html``, with the page style, as a notebook output (raises as :func:`styled`)."""
    from IPython.display import HTML, display

    display(HTML(styled(html)))
