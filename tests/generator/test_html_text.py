"""Descriptions written in HTML read as the Markdown they stand for (generator/html_text.py)."""

from __future__ import annotations

import pytest

from generator.html_text import markdown


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        # AWS's usual: paragraphs, code, a note whose paragraph follows its label
        (
            "<p>Returns the caller.</p> <note> <p>No permission is needed for "
            "<code>sts:GetCallerIdentity</code>.</p> </note>",
            "Returns the caller.\n\nNote: No permission is needed for `sts:GetCallerIdentity`.",
        ),
        # links: absolute ones as Markdown links, entities decoded; relative ones as their text
        (
            'See <a href="https://docs.example.com/x?a=1&amp;b=2">the guide</a> and <a href="#top">above</a>.',
            "See [the guide](https://docs.example.com/x?a=1&b=2) and above.",
        ),
        # lists: nested, ordered, a paragraph inside an item, blank lines between blocks
        (
            "<p>Options:</p><ul><li><p><code>a</code> - first</p></li><li>second<ol><li>one</li>"
            "<li>two</li></ol></li></ul><p>After &amp; done &lt;x&gt;</p>",
            "Options:\n\n- `a` - first\n- second\n  1. one\n  2. two\n\nAfter & done <x>",
        ),
        # eBay's: line breaks, bold, a list after them
        (
            "Limits the results. <br><br><b>Valid values:</b> <ul><li><code>DRAFT</code></li> "
            "<li><code>ENDED</code></li></ul>",
            "Limits the results.\n\n**Valid values:**\n\n- `DRAFT`\n- `ENDED`",
        ),
        # Azure's `</br>` is a break, as browsers read it; an empty `<code/>` is nothing
        ("| a | b |</br>|---|---|</br>| 1 | 2 |", "| a | b |\n|---|---|\n| 1 | 2 |"),
        ("optional if the mode is<code/> <code>LIVE</code>", "optional if the mode is `LIVE`"),
        # tables, preformatted text (its spaces kept), italics, an image's alt text
        ("<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>", "A | B\n1 | 2"),
        ("<pre>code\n  indented &lt;</pre> after <i>this</i>", "```\ncode\n  indented <\n```\n\nafter *this*"),
        ('<p><img src="x.png" alt="a diagram"/></p><!-- hidden -->', "a diagram"),
        # a Markdown code span's tag is text (CommonMark reads no HTML in one)
        ("Wrap it in `<a>` or <b>bold</b>", "Wrap it in `<a>` or **bold**"),
        # placeholders are not HTML: kept as written beside tags that are
        ("Send Authorization: token <your-token> as <b>the</b> header", "Send Authorization: token <your-token> as **the** header"),
    ],
)
def test_html_reads_as_the_markdown_it_stands_for(html: str, expected: str) -> None:
    assert markdown(html) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Plain text, with **Markdown** and a list:\n\n- one\n- two",
        "Use the header `Authorization: token <your-token>`; List<String> and a < b > c.",
        "",
    ],
)
def test_a_text_with_no_html_is_returned_as_it_is(text: str) -> None:
    assert markdown(text) is text
