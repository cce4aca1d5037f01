"""A curator's saved file as a source document's text: a page saved from a browser (HTML), a PDF, or a UTF-8 text.

`read_input(name, data)` turns the file's bytes into an `Input`: the text that becomes data/sources/<id>.txt (the
drafter's quotes are taken from it), the address, title and publication date the file tells of itself besides its
text, each with where it came from, and one English sentence on how the text was obtained (the sources row's note).

- HTML (.html, .htm; or the page inside a browser's web archive, .mhtml): the main text by trafilatura (headings,
  paragraphs, lists and tables; no comments), a blank line between blocks, list items as "- item", table cells
  separated by tabs. A page whose main text is empty or tiny (fewer than MIN_MAIN_WORDS words) gives its whole
  visible text instead (lxml), menus included, and the origin says so. The address: the canonical link, else
  og:url, else where the browser saved it from (the "saved from url=" comment, a web archive's address). The date:
  only a publication date of the page's metadata (article:published_time, datePublished, DC.date...); never a
  modification date nor a date guessed from the text or address. The charset: a byte-order mark; UTF-8 when the
  bytes are valid UTF-8 (Polish text in a legacy charset never is); the page's meta charset; else windows-1250 or
  ISO-8859-2, whichever reads as more Polish letters (a page labelled ISO-8859-2 that holds windows-1250 too).
- PDF: pypdf's text of each page, pages joined with a blank line. Its metadata title and creation date are named in
  the origin as hints only: a creation date is not a publication date, and the title (unless a converter's
  placeholder) is the drafted title only when the text has no title line. A PDF without a text layer is refused.
- Text (.txt): UTF-8 (a byte-order mark is dropped). When the first non-empty line is an http(s) address alone, it
  is the address and is removed from the text; the rest stays as it is.

Everything else (a Word file, an image, an archive), a file over MAX_INPUT_BYTES, or text that is not UTF-8 raises
InputError, whose message names the file and says what to do. The bytes are treated as hostile: nothing is fetched,
no entity or external file is resolved, and nothing but the bytes given is read.

Drafting from a file or a folder (cityiso/draft/command.py):

    python -m cityiso.draft page.html --out drafts/page      # or a .pdf or .txt; --json prints instead
    python -m cityiso.draft saved/ --out drafts/             # every file of saved/, each into drafts/<id>/
"""

from __future__ import annotations

import codecs
import contextlib
import datetime as dt
import io
import json
import re
import unicodedata
from dataclasses import dataclass
from importlib import metadata

MAX_INPUT_BYTES = 5_000_000  # as a source document (cityiso.data.documents.MAX_DOCUMENT_BYTES)
MAX_PDF_PAGES = 2000
MIN_MAIN_WORDS = 25  # fewer words of main text than this: take the page's whole visible text
SUFFIXES = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".mht": "mhtml",
    ".mhtml": "mhtml",
    ".pdf": "pdf",
    ".txt": "text",
}

# Characters a source document may not hold (cityiso.data.documents): C0 but tab, line feed, form feed and carriage
# return; DEL; C1.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_POLISH = set("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ")
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})
# What other files start with, and what to do with them.
_MAGIC = [
    (b"PK\x03\x04", "a ZIP archive (a .docx, .odt or .zip file): save the document as PDF or as text first"),
    (b"\xd0\xcf\x11\xe0", "an old Office file (.doc, .xls): save it as PDF or as text first"),
    (b"{\\rtf", "an RTF document: save it as PDF or as text first"),
    (b"\x89PNG", "a PNG image: OCR it first and save the text"),
    (b"\xff\xd8\xff", "a JPEG image: OCR it first and save the text"),
    (b"GIF8", "a GIF image: OCR it first and save the text"),
    (b"II*\x00", "a TIFF image: OCR it first and save the text"),
    (b"MM\x00*", "a TIFF image: OCR it first and save the text"),
    (b"\x1f\x8b", "a gzip archive: unpack it first"),
    (b"Rar!", "a RAR archive: unpack it first"),
    (b"7z\xbc\xaf", "a 7-Zip archive: unpack it first"),
]
# Publication dates in a page's metadata, in order of trust: (attribute, its value) of a <meta> whose content is one.
_META_DATES = [
    ("property", "article:published_time"),
    ("name", "article:published_time"),
    ("itemprop", "datePublished"),
    ("name", "dcterms.issued"),
    ("name", "DC.date.issued"),
    ("name", "dc.date.issued"),
    ("name", "DC.date"),
    ("name", "dc.date"),
    ("name", "date"),
    ("name", "pubdate"),
    ("name", "publish-date"),
    ("name", "publication_date"),
]
_ISO_DAY = re.compile(r"\s*((?:19|20)\d\d)-(\d\d)-(\d\d)(?:$|[T\s])")
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)\s*(https?://[^\s>]+?)\s*-->", re.IGNORECASE)
_URL = re.compile(r"https?://[^\s<>\"']+")
_CHARSET = re.compile(rb"""<meta[^>]{1,300}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})""", re.IGNORECASE)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
# The labels a page may declare, and the codec a browser reads it with (the WHATWG Encoding Standard reads Latin-1
# and ASCII as windows-1252).
_LABELS = {
    **dict.fromkeys(("utf-8", "utf8", "unicode-1-1-utf-8"), "utf-8"),
    **dict.fromkeys(("windows-1250", "cp1250", "x-cp1250"), "cp1250"),
    **dict.fromkeys(("iso-8859-2", "iso8859-2", "latin2", "l2", "iso_8859-2", "csisolatin2"), "iso-8859-2"),
    **dict.fromkeys(("windows-1252", "cp1252", "iso-8859-1", "iso8859-1", "latin1", "us-ascii", "ascii"), "cp1252"),
}
_CODEC_NAMES = {"utf-8": "UTF-8", "cp1250": "windows-1250", "iso-8859-2": "ISO-8859-2", "cp1252": "windows-1252"}
_SKIP = {"script", "style", "noscript", "template", "head", "title", "svg", "math", "iframe", "object", "button"}
_BLOCK = {
    "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav",
    "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "ul", "option", "select",
}  # fmt: skip


class InputError(ValueError):
    """A file that cannot become a source document; the message names the file and says what to do."""


@dataclass(frozen=True)
class Input:
    """A saved file read as a source document: its text and what the file tells of itself besides the text."""

    text: str  # saved verbatim as data/sources/<id>.txt; the drafted quotes are taken from it
    kind: str  # "html", "pdf" or "text"
    origin: str  # one English sentence: how the text was obtained (the sources row's note)
    url: str | None = None
    title: str | None = None
    published: dt.date | None = None
    url_from: str = ""  # where each value came from, e.g. "the page's canonical link"
    title_from: str = ""
    published_from: str = ""


def read_input(name: str, data: bytes) -> Input:
    """The file `name` (used for its suffix and in messages) with content `data`, as a source document."""
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(
            f"'{name}' is {len(data) / 1e6:.1f} MB; the drafter reads at most {MAX_INPUT_BYTES / 1e6:.0f} MB"
        )
    if not data.strip():
        raise InputError(f"'{name}' is empty")
    suffix = ("." + name.rsplit(".", 1)[-1].lower()) if "." in name else ""
    if data.startswith(b"%PDF-") or (suffix == ".pdf" and b"%PDF-" in data[:1024]):
        return _checked(name, _pdf(name, data))
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"'{name}' is {what}")
    kind = SUFFIXES.get(suffix)
    if kind == "mhtml" or data.startswith((b"From: <Saved by ", b"MIME-Version:")):
        return _checked(name, _mhtml(name, data))
    if kind == "pdf":
        raise InputError(f"'{name}' is not a PDF (no %PDF- header): it may be a web page saved under a .pdf name")
    if kind is None:
        what = f"a {suffix} file" if suffix else "a file without a suffix"
        raise InputError(f"'{name}' is {what}; the drafter reads .html, .htm, .mhtml, .pdf and .txt files")
    if kind == "text" and _looks_like_html(data):
        return _checked(name, _html(name, data, what="a text file holding an HTML page"))
    return _checked(name, _html(name, data) if kind == "html" else _text(name, data))


def _checked(name: str, inp: Input) -> Input:
    if not inp.text.strip():
        raise InputError(f"'{name}' holds no text")
    size = len(inp.text.encode("utf-8"))
    if size > MAX_INPUT_BYTES:
        raise InputError(f"'{name}' gives {size / 1e6:.1f} MB of text; a source document is at most 5 MB: split it")
    return inp


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:  # pragma: no cover - installed with the curate extra
        return "?"


def _clean(text: str) -> tuple[str, int]:
    """Extracted text as a document may hold it: NFC, ligatures spelt out, control characters removed (with their
    count), no trailing spaces, no run of blank lines, no blank start or end."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n")).translate(_LIGATURES)
    text, removed = _CONTROL.subn("", text.replace("\xa0", " "))
    lines = [line.rstrip() for line in text.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    return text, removed


def _removed(count: int) -> str:
    return f"; {count} control character{'s' if count != 1 else ''} removed" if count else ""


# ---------------------------------------------------------------------------------------------------------- text


def _text(name: str, data: bytes) -> Input:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        hint = " (it looks like windows-1250 or ISO-8859-2)" if _decode_polish(data)[1] else ""
        raise InputError(f"'{name}' is not UTF-8 text (byte {exc.start}){hint}: save it as UTF-8") from None
    control = re.search(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]", text)
    if control:
        line = text.count("\n", 0, control.start()) + 1
        code = ord(control.group())
        raise InputError(f"'{name}' contains a control character U+{code:04X} on line {line}: save it as plain text")
    first = re.match(r"(?:[ \t]*\r?\n)*[ \t]*(https?://\S+)[ \t]*(?:\r?\n|$)(?:[ \t]*\r?\n)*", text)
    if first:
        return Input(
            text=text[first.end() :],
            kind="text",
            origin="UTF-8 text as saved; its first line, the address it was saved from, was taken out of the text.",
            url=first.group(1),
            url_from="the text's first line",
        )
    return Input(text=text, kind="text", origin="UTF-8 text as saved.")


def _decode_polish(data: bytes) -> tuple[str, str]:
    """Bytes in windows-1250 or ISO-8859-2, whichever reads as more Polish letters: (text, codec); ('', '') when
    neither reads as any."""
    best = ("", "", 0)
    for codec in ("cp1250", "iso-8859-2"):
        text = data.decode(codec, errors="replace")
        score = sum(ch in _POLISH for ch in text) - 5 * len(_CONTROL.findall(text)) - 5 * text.count("\ufffd")
        if score > best[2]:
            best = (text, codec, score)
    return best[0], best[1]


# ---------------------------------------------------------------------------------------------------------- HTML


def _looks_like_html(data: bytes) -> bool:
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html", b"<!-- saved from url="))


def _decode_html(data: bytes) -> tuple[str, str]:
    """The page's text and how its charset was found."""
    boms = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
    for bom, codec in boms:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec), f"{codec.upper()} by its byte-order mark"
            except UnicodeDecodeError:
                break
    declared = _CHARSET.search(data[:8192])
    label = declared.group(1).decode("ascii").lower() if declared else None
    codec = _LABELS.get(label or "")
    if not data.isascii():  # Polish text in a legacy charset is never valid UTF-8: UTF-8 that decodes is UTF-8
        try:
            text = data.decode("utf-8")
            if codec in (None, "utf-8"):
                return text, "UTF-8" + (" as its meta charset says" if codec else " (its meta charset names none)")
            return text, f"UTF-8, though its meta charset says '{label}'"
        except UnicodeDecodeError:
            pass
    elif codec in (None, "utf-8"):
        return data.decode("ascii"), "ASCII"
    if codec and codec != "utf-8":
        try:
            text = data.decode(codec)
            if not _CONTROL.search(text):  # C1 controls: a Polish page labelled wrongly
                return text, f"{_CODEC_NAMES[codec]} as its meta charset says"
        except UnicodeDecodeError:
            pass
    text, codec = _decode_polish(data)
    if not codec:
        text, codec = data.decode("cp1252", errors="replace"), "cp1252"
    if label:
        said = f"its meta charset '{label}' " + ("does not read it" if codec else "is not one the drafter knows")
    else:
        said = "it declares no charset"
    return text, f"{_CODEC_NAMES[codec]} by its letters ({said})"


def _parse(html: str):
    from lxml import etree
    from lxml import html as lxml_html

    parser = lxml_html.HTMLParser(no_network=True, remove_comments=False, remove_pis=True, huge_tree=False)
    try:
        root = lxml_html.document_fromstring(_XML_DECL.sub("", html, count=1), parser=parser)
    except (etree.ParserError, ValueError):
        return None
    return root


def _address(root, html: str, archived: str | None = None) -> tuple[str | None, str]:
    """The page's address and where it came from: its canonical link, og:url, or where the browser saved it from
    (the 'saved from' note it writes into a page, or a web archive's own address). A relative address is read
    against the latter only (never guessed)."""
    from urllib.parse import urljoin

    saved = _SAVED_FROM.search(html[:4096])
    saved_url, saved_where = (
        (saved.group(1), "the 'saved from' note the browser wrote into the page") if saved else (None, "")
    )
    if archived and not saved_url:
        saved_url, saved_where = archived, "the address the web archive was saved from"
    candidates = []
    if root is not None:
        for el in root.iter("link"):
            if "canonical" in (el.get("rel") or "").lower().split():
                candidates.append((el.get("href"), "the page's canonical link"))
        for el in root.iter("meta"):
            if (el.get("property") or el.get("name") or "").lower() == "og:url":
                candidates.append((el.get("content"), "the page's og:url"))
    for href, where in candidates:
        href = (href or "").strip()
        if href and not href.lower().startswith(("http://", "https://")) and saved_url:
            href = urljoin(saved_url, href)
        if _URL.fullmatch(href):
            return href, where
    if saved_url and _URL.fullmatch(saved_url):
        return saved_url, saved_where
    return None, ""


def _meta_date(root) -> tuple[dt.date | None, str]:
    """A publication date the page's metadata states, and where: a <meta> tag or a JSON-LD datePublished."""
    if root is None:
        return None, ""
    metas = [(el.attrib, (el.get("content") or "").strip()) for el in root.iter("meta")]
    for attr, value in _META_DATES:
        for attrib, content in metas:
            if (attrib.get(attr) or "").lower() == value.lower():
                when = _day(content)
                if when:
                    return when, f"meta {value} '{_shown(content)}'"
    for el in root.iter("script"):
        if (el.get("type") or "").lower() != "application/ld+json":
            continue
        try:
            found = _json_date(json.loads(el.text or ""))
        except (ValueError, RecursionError):
            continue
        if found:
            return found[0], f"JSON-LD datePublished '{_shown(found[1])}'"
    return None, ""


def _shown(value: str, limit: int = 30) -> str:
    return " ".join(_CONTROL.sub("", value[:limit]).split()).replace("'", "’")


def _json_date(node, depth: int = 0) -> tuple[dt.date, str] | None:
    if depth > 8:
        return None
    if isinstance(node, dict):
        value = node.get("datePublished")
        if isinstance(value, str) and (when := _day(value)):
            return when, value
        node = list(node.values())
    if isinstance(node, list):
        for item in node[:50]:
            if isinstance(item, dict | list) and (found := _json_date(item, depth + 1)):
                return found
    return None


def _day(value: str) -> dt.date | None:
    m = _ISO_DAY.match(value)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


_XML_BLOCKS = {"p", "head", "list", "quote", "table", "code", "div", "row", "cell", "item"}


def _squeeze(s: str) -> str:
    return "\n".join(" ".join(line.split()) for line in s.split("\n")).strip()


def _inline(el) -> str:
    """An element's text with line breaks kept and any nested block on a line of its own."""
    parts = [el.text or ""]
    for child in el:
        if child.tag == "lb":
            parts.append("\n")
        elif child.tag in _XML_BLOCKS:
            parts.append("\n" + _inline(child) + "\n")
        else:
            parts.append(_inline(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _blocks(el) -> list[str]:
    """trafilatura's XML as text blocks: headings and paragraphs, a list as '- item' lines, a table as rows of
    tab-separated cells (a layout table, whose cells hold paragraphs, as the blocks of each cell)."""
    out: list[str] = []
    pending = [el.text or ""]

    def flush() -> None:
        text = _squeeze("".join(pending))
        if text:
            out.append(text)
        pending.clear()

    for child in el:
        if child.tag == "list":
            flush()
            items = [" ".join(_inline(item).split()) for item in child.iter("item")]
            out.append("\n".join(f"- {item}" for item in items if item))
        elif child.tag == "table":
            flush()
            rows: list[str] = []
            for row in child.iter("row"):
                cells = [_blocks(cell) for cell in row.iter("cell")]
                if all(len(c) <= 1 and "\n" not in "".join(c) for c in cells):
                    line = "\t".join("".join(c) for c in cells)
                    if line.strip():
                        rows.append(line)
                    continue
                out.extend(["\n".join(rows)] if rows else [])
                rows = []
                out.extend(block for c in cells for block in c)
            out.extend(["\n".join(rows)] if rows else [])
        elif child.tag in _XML_BLOCKS:
            flush()
            out.extend(_blocks(child) if child.tag in ("div", "quote", "cell") else [_squeeze(_inline(child))])
        elif child.tag == "lb":
            pending.append("\n")
        else:
            pending.append(_inline(child))
        pending.append(child.tail or "")
    flush()
    return [b for b in out if b.strip()]


def _render(body) -> str:
    return "\n\n".join(_blocks(body))


def _visible_text(root) -> str:
    """The whole visible text of a page: block elements on lines of their own, script, style and the like left out."""
    out: list[str] = []

    def walk(el) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _SKIP or not tag:
            return
        if el.get("hidden") is not None or "display:none" in (el.get("style") or "").replace(" ", "").lower():
            return
        block = tag in _BLOCK
        if block:
            out.append("\n")
        if tag == "br":
            out.append("\n")
        if tag in ("td", "th"):
            out.append("\t")
        out.append(el.text or "")
        for child in el:
            walk(child)
            out.append(child.tail or "")
        if block:
            out.append("\n")

    walk(root)
    lines = (
        "\t".join(" ".join(cell.split()) for cell in line.strip("\t ").split("\t")) for line in "".join(out).split("\n")
    )
    text = "\n".join(line.strip() for line in lines)
    return re.sub(r"\n{2,}", "\n\n", text).strip()


def _html(name: str, data: bytes, what: str = "a saved HTML page", archived: str | None = None) -> Input:
    import copy

    try:
        import trafilatura
    except ImportError:
        raise InputError(
            f"'{name}' is a web page, and reading one needs trafilatura: ./run curate installs it"
        ) from None
    html, charset = _decode_html(data)
    root = _parse(html)
    if root is None:
        raise InputError(f"'{name}' is not a readable HTML page")
    url, url_from = _address(root, html, archived)
    published, date_tag = _meta_date(root)
    doc = None
    try:
        doc = trafilatura.bare_extraction(
            copy.deepcopy(root),
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            deduplicate=False,
            with_metadata=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception:  # a hostile page must not stop the drafter: the whole visible text instead
        doc = None
    body = getattr(doc, "body", None)
    main, removed = _clean(_render(body)) if body is not None else ("", 0)
    title = " ".join(_CONTROL.sub("", getattr(doc, "title", None) or "").split())[:300] or None
    if not title:
        element = root.find(".//title")
        title = " ".join(_CONTROL.sub("", element.text_content() if element is not None else "").split())[:300] or None
    trafilatura_v = f"trafilatura {_version('trafilatura')}"
    words = len(main.split())
    if words >= MIN_MAIN_WORDS:
        text = main
        how = f"Main text extracted by {trafilatura_v} from {what} ({charset})"
    else:
        text, removed = _clean(_visible_text(root))
        found = f"only {words} word{'s' if words != 1 else ''} of main text" if words else "no main text"
        how = (
            f"{trafilatura_v} found {found} in {what} ({charset}), so its whole visible text was taken with lxml "
            f"{_version('lxml')}, menus and footers included"
        )
    told = [f"a title ('{_shown(title, 300)}')"] if title else []
    told += [f"a publication date ({date_tag})"] if published else []
    address = f"address from {url_from}" if url else "no address found in it"
    metadata = f"its metadata gives {' and '.join(told)}" if told else "its metadata gives no title nor date"
    origin = f"{how}{_removed(removed)}; {address}; {metadata}."
    return Input(
        text=text,
        kind="html",
        origin=origin,
        url=url,
        title=title,
        published=published,
        url_from=url_from,
        title_from="the page's title (its metadata)",
        published_from=f"the page's metadata ({date_tag})" if published else "",
    )


def _mhtml(name: str, data: bytes) -> Input:
    """A web archive a browser saved ('Web page, single file'): its HTML page, read as a saved page."""
    from email import policy
    from email.parser import BytesParser

    try:
        message = BytesParser(policy=policy.compat32).parsebytes(data)
        parts = [p for p in message.walk() if p.get_content_type() == "text/html"]
        location = str(message.get("Snapshot-Content-Location") or "").strip()
        page = parts[0].get_payload(decode=True) if parts else None
    except Exception:  # a hostile archive: the email parser's many kinds of error
        raise InputError(f"'{name}' is not a readable web archive (.mhtml)") from None
    if not isinstance(page, bytes) or not page.strip():
        raise InputError(f"'{name}' is a web archive (.mhtml) without an HTML page in it")
    codec = _LABELS.get((parts[0].get_content_charset() or "").lower())
    if codec and codec != "utf-8":
        with contextlib.suppress(UnicodeDecodeError):
            page = page.decode(codec).encode("utf-8")  # valid UTF-8 is read as UTF-8 whatever the page declares
    location = location or str(parts[0].get("Content-Location") or "").strip()
    return _html(name, page, what="a web archive (.mhtml) a browser saved", archived=location or None)


# ----------------------------------------------------------------------------------------------------------- PDF


def _pdf(name: str, data: bytes) -> Input:
    import logging

    import pypdf

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # a malformed PDF's warnings are no news to a curator
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(f"'{name}' is a PDF protected by a password: save an unprotected copy")
        pages = reader.pages
        count = len(pages)
    except InputError:
        raise
    except Exception as exc:  # pypdf raises many kinds on broken files
        raise InputError(f"'{name}' is not a readable PDF ({type(exc).__name__}: {str(exc)[:120]})") from None
    if count > MAX_PDF_PAGES:
        raise InputError(f"'{name}' has {count} pages; the drafter reads at most {MAX_PDF_PAGES}: split it")
    texts, empty, failed = [], [], []
    for i in range(count):
        try:
            page = pages[i].extract_text() or ""
        except Exception:  # one broken page must not lose the others
            page = ""
            failed.append(i + 1)
        page, _ = _clean(page)
        if page.strip():
            texts.append(page)
        elif i + 1 not in failed:
            empty.append(i + 1)
    if not texts:
        raise InputError(f"'{name}' is a PDF with no text layer (a scan?): OCR it first and save the text")
    text, removed = _clean("\n\n".join(texts))
    title, created = _pdf_hints(reader)
    pages_word = f"{count} page{'s' if count != 1 else ''}"
    parts = [f"Text extracted by pypdf {_version('pypdf')} from a PDF of {pages_word}, pages joined with blank lines"]
    if empty:
        parts.append(f"page{'s' if len(empty) > 1 else ''} {_numbers(empty)} had no text (scanned? OCR to add them)")
    if failed:
        parts.append(f"page{'s' if len(failed) > 1 else ''} {_numbers(failed)} could not be read")
    hints = []
    if title:
        hints.append(f"title '{title}'")
    if created:
        hints.append(f"creation date {created.isoformat()}")
    if hints:
        what = "are hints only" if len(hints) > 1 else "is a hint only"
        parts.append(f"its metadata {' and '.join(hints)} {what} (a creation date is not a publication date)")
    origin = "; ".join(parts) + _removed(removed) + "."
    return Input(text=text, kind="pdf", origin=origin, title=title, title_from="the PDF's metadata title (a hint)")


def _numbers(pages: list[int]) -> str:
    shown = ", ".join(str(p) for p in pages[:10])
    return shown + (f" and {len(pages) - 10} more" if len(pages) > 10 else "")


def _pdf_hints(reader) -> tuple[str | None, dt.date | None]:
    """The PDF's metadata title (unless it is a file name or a converter's placeholder) and creation date."""
    try:
        meta = reader.metadata
    except Exception:  # pypdf's metadata parsing raises many kinds
        return None, None
    if meta is None:
        return None, None
    title, created = None, None
    try:
        raw = " ".join(str(meta.title or "").split())
        raw = _CONTROL.sub("", raw).replace("'", "’")[:200]
        if raw and not re.search(r"^(?:microsoft \w+ - |untitled$|bez tytułu$)|\.\w{2,4}$", raw, re.IGNORECASE):
            title = raw
    except Exception:  # pypdf's metadata parsing raises many kinds
        pass
    try:
        when = meta.creation_date
        created = when.date() if when else None
    except Exception:  # pypdf's metadata parsing raises many kinds
        pass
    return title, created


# ------------------------------------------------------------------------------------------------ the sources row


def complete_source(row: dict, text: str, source: Input | None) -> None:
    """Complete a drafted sources row with what the file told of itself: the address when none was given; the
    page's title when the text has no title line (else named in the reason); the metadata's date when the text
    states none (a date with no words of its own: its reason names where it came from, the whole date inferred);
    and the origin sentence as the note."""
    from cityiso.draft.model import Drafted

    if source is None:
        return
    whole = (0, len(text))
    if source.url and "url" not in row:
        row["url"] = Drafted(source.url, whole, 0.9, f"From {source.url_from}.")
    drafted = row.get("title")
    if source.title and (drafted is None or drafted.confidence < 0.5):  # no title line in the text: the page's
        at = text.find(source.title)
        span = (at, at + len(source.title)) if at >= 0 else whole
        row["title"] = Drafted(source.title[:500], span, 0.8, f"From {source.title_from}.")
    elif source.title and drafted.value != source.title:
        why = f"{drafted.reason} {source.title_from[0].upper()}{source.title_from[1:]} is '{source.title}'."
        row["title"] = Drafted(drafted.value, drafted.span, drafted.confidence, why)
    if source.published and "published_on" not in row:
        why = f"From {source.published_from}; the text itself states no date of publication."
        row["published_on"] = Drafted(source.published.isoformat(), whole, 0.8, why)
        row["published_on_inferred_reason"] = Drafted(why, whole, 0.8, why)
        row["published_on_inferred_part"] = Drafted("whole", whole, 0.8, why)
    row["note"] = Drafted(source.origin[:5000], whole, 1.0, "How the text was obtained from the saved file.")
