"""Descriptions written in HTML, as the Markdown they stand for.

OpenAPI's descriptions are CommonMark, which lets raw HTML through, and a third of the
APIs.guru directory's documents write theirs in it: AWS's `<p>`, `<code>`, `<a href>`,
`<note>` in every description (340 documents), Azure's, eBay's, GitHub's tables. Left as
they are, the tags fill docstrings, `--help` and the MCP tools' descriptions. Here a text
that holds HTML tags becomes the Markdown a renderer would show: paragraphs and line
breaks, lists, `code`, **bold**, *italic*, [links](address), entities decoded. A text
with no tag this module knows is returned as it is, so that Markdown descriptions and
placeholders such as `<your-token>` are never touched (in a text with tags, an unknown
tag is kept as written).
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

#: tags that start a block: a paragraph before and after
_BLOCKS = frozenset({"p", "div", "section", "article", "blockquote", "dl", "table", "fullname", "para",
                     "h1", "h2", "h3", "h4", "h5", "h6", "note", "important", "caution", "warning", "tip"})
#: AWS's admonitions, written as a paragraph that starts with their name
_ADMONITIONS = {"note": "Note: ", "important": "Important: ", "caution": "Caution: ", "warning": "Warning: ",
                "tip": "Tip: "}
#: tags kept as their text, in the Markdown of each
_INLINE = {"code": "`", "tt": "`", "kbd": "`", "samp": "`", "b": "**", "strong": "**", "i": "*", "em": "*"}
#: tags whose text stays and whose markup goes
_TRANSPARENT = frozenset({"span", "sup", "sub", "u", "small", "font", "abbr", "cite", "thead", "tbody",
                          "tfoot", "var", "dfn", "center"})
_KNOWN = (_BLOCKS | _INLINE.keys() | _TRANSPARENT
          | {"a", "br", "hr", "ul", "ol", "li", "dt", "dd", "tr", "td", "th", "pre", "img"})
#: a tag this module knows, opening or closing: whether a text is HTML at all
_KNOWN_TAG = re.compile(r"</?(?:" + "|".join(sorted(_KNOWN, key=len, reverse=True)) + r")\b[^<>]*>", re.IGNORECASE)
#: a tag, opening, closing or both (`<br/>`), and its attributes' text
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)((?:\s[^<>]*?)?)\s*(/?)>")
_ATTRIBUTE = re.compile(r"""\b(href|alt)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_CODE_SPAN = re.compile(r"`[^`\n]+`")
_SPACE = re.compile(r"\s+")
_BLANK_LINES = re.compile(r"\n{3,}")


@lru_cache(maxsize=1 << 16)
def markdown(text: str) -> str:
    """`text` with its HTML as Markdown (the module's docstring); `text` itself where it
    holds no tag this module knows. Documents repeat descriptions a great deal: cached."""
    if "<" not in text or not _KNOWN_TAG.search(text):
        return text
    converter = _Converter()
    text = _COMMENT.sub("", text)
    at = 0
    for span in _CODE_SPAN.finditer(text) if "`" in text else ():
        _convert(text[at:span.start()], converter)
        converter.handle_data(span.group(0))  # a Markdown code span: its `<a>` is text
        at = span.end()
    _convert(text[at:], converter)
    return converter.result()


def _convert(text: str, converter: _Converter) -> None:
    at = 0
    for tag in _TAG.finditer(text):
        if tag.start() > at:
            converter.handle_data(_unescaped(text[at:tag.start()]))
        at = tag.end()
        closing, name, attributes, empty = tag.groups()
        name = name.lower()
        if name not in _KNOWN:
            converter.literal(tag.group(0))
        elif name == "br" or not closing and (not empty or name in ("hr", "img")):  # (`</br>`: a break, as browsers read it)
            converter.handle_starttag(name, _attributes(attributes) if attributes else {})
        elif closing:
            converter.handle_endtag(name)
        # else an empty element (`<code/>`): nothing
    if at < len(text):
        converter.handle_data(_unescaped(text[at:]))


def _unescaped(text: str) -> str:
    return html.unescape(text) if "&" in text else text


def _attributes(text: str) -> dict[str, str]:
    return {m.group(1).lower(): html.unescape(next(g for g in m.groups()[1:] if g is not None))
            for m in _ATTRIBUTE.finditer(text)}


class _Converter:
    """Markdown written as the tags of a text are met (markdown() reads the tags)."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.tail = "\n"  # the last character written ("\n" at the start)
        self.lists: list[list[int]] = []  # per open list: [ordered (0/1), the next item's number]
        self.links: list[str | None] = []  # per open <a>: its address, where it is shown
        self.pre = 0
        self.cells = 0  # cells written in the current table row
        self.hold = False  # a list marker or a note's label was just written: no break until text

    def result(self) -> str:
        return _BLANK_LINES.sub("\n\n", "".join(self.parts)).strip()

    # -- what the text holds, in order -----------------------------------------------------

    def handle_starttag(self, tag: str, attrs: dict[str, str]) -> None:
        if tag in _BLOCKS:
            self._break(1 if self.lists else 2)
            if tag in _ADMONITIONS:
                self._write(_ADMONITIONS[tag])
                self.hold = True
            elif tag[0] == "h" and tag[1:].isdigit():
                self._write("#" * int(tag[1:]) + " ")
        elif tag in _INLINE:
            self._write(_INLINE[tag] if not self.pre else "")
        elif tag == "a":
            href = attrs.get("href") or ""
            shown = href if href.startswith(("http://", "https://", "mailto:")) and not self.pre else None
            self.links.append(shown)
            if shown:
                self._write("[")
        elif tag == "br":
            self._line()
        elif tag == "hr":
            self._break(2)
        elif tag in ("ul", "ol"):
            self._break(1 if self.lists else 2)
            self.lists.append([int(tag == "ol"), 1])
        elif tag == "li":
            self._item()
        elif tag in ("dt", "tr"):
            self._break(2 if tag == "dt" else 1)
            self.cells = 0
        elif tag == "dd":
            self._break(1)
        elif tag in ("td", "th"):
            if self.cells:
                self._write(" | ")
            self.cells += 1
        elif tag == "pre":
            self._break(2)
            self._append("```\n")
            self.pre += 1
        elif tag == "img":
            alt = attrs.get("alt")
            if alt:
                self._write(alt)

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS:
            self._break(1 if self.lists else 2)
        elif tag in _INLINE:
            self._write(_INLINE[tag] if not self.pre else "")
        elif tag == "a":
            shown = self.links.pop() if self.links else None
            if shown:
                self._write(f"]({shown})")
        elif tag in ("ul", "ol"):
            if self.lists:
                self.lists.pop()
            self._break(1 if self.lists else 2)
        elif tag == "pre" and self.pre:
            self.pre -= 1
            self._break(1)
            self._append("```")
            self._break(2)

    def handle_data(self, data: str) -> None:
        self._write(data)

    # -- writing --------------------------------------------------------------------------

    def _append(self, text: str) -> None:
        self.parts.append(text)
        self.tail = text[-1]

    def _indent(self, levels: int | None = None) -> str:
        if not self.lists:
            return ""
        open_lists = self.lists if levels is None else self.lists[:levels]
        return "".join(" " * (3 if ordered else 2) for ordered, _ in open_lists)

    def _write(self, text: str) -> None:
        if not self.pre:
            if "  " in text or not text.isprintable():  # (whitespace but " " is not printable)
                text = _SPACE.sub(" ", text)
            if self.tail in " \n":
                text = text.lstrip(" ")
                if text and self.tail == "\n":
                    text = self._indent() + text
        if not text:
            return
        self._append(text)
        self.hold = False

    def literal(self, text: str) -> None:
        """An unknown tag (a placeholder such as `<your-token>`), as written."""
        if self.tail == "\n" and not self.pre:
            text = self._indent() + text
        self._append(text)
        self.hold = False

    def _break(self, lines: int) -> None:
        """End the line (1) or the paragraph (2): trailing spaces go; nothing at the start,
        nor right after a list item's marker or a note's label (`<li><p>`)."""
        if self.hold:
            return
        if self.tail == " " and not self.pre:
            while self.parts and self.parts[-1].endswith(" "):
                self.parts[-1] = self.parts[-1].rstrip(" ")
                if not self.parts[-1]:
                    self.parts.pop()
            self.tail = self.parts[-1][-1] if self.parts else "\n"
        if not self.parts:
            return
        last = self.parts[-1]
        have = len(last) - len(last.rstrip("\n"))
        if have < lines:
            self._append("\n" * (lines - have))

    def _line(self) -> None:
        """A line break (`<br>`): each is one, so that two leave a blank line."""
        if self.hold:
            return
        self._break(0)
        if self.parts:
            self._append("\n")

    def _item(self) -> None:
        if not self.lists:  # an <li> outside any list: as a bullet
            self.lists.append([0, 1])
        self._break(1)
        ordered, number = self.lists[-1]
        self.lists[-1][1] += 1
        marker = f"{number}. " if ordered else "- "
        self._append(self._indent(len(self.lists) - 1) + marker)
        self.hold = True
