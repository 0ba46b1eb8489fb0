"""HTML to plain text without running or fetching anything.

trafilatura finds the main text of a page; pages too short or too plain for
it fall back to lxml's text of the body with scripts, styles and embedded
frames removed. Neither follows a link, loads an image or runs a script.
"""

from __future__ import annotations

import logging


def html_to_text(html: str) -> tuple[str, str | None]:
    """Return (main text, title or None)."""
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    body = trafilatura.extract(
        html, include_comments=False, include_tables=True, include_images=False,
        include_links=False, favor_recall=True, deduplicate=False,
    )
    title = None
    meta = trafilatura.extract_metadata(html)
    if meta is not None and meta.title:
        title = meta.title.strip()
    if not body or not body.strip():
        body = _fallback_text(html)
    return body.strip(), title


def _fallback_text(html: str) -> str:
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(html)
    except Exception:  # lxml raises several types on junk; any of them means "no text"
        return ""
    for bad in tree.xpath("//script|//style|//iframe|//noscript|//object|//embed|//template"):
        bad.drop_tree()
    lines = (line.strip() for line in tree.text_content().splitlines())
    return "\n".join(line for line in lines if line)
