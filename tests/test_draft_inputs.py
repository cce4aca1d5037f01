"""The drafter's real inputs: a page saved from a browser, a PDF, a text with its address on the first line, and a
folder of them (cityiso/draft/inputs.py, cityiso/draft/command.py). Fixtures are invented pages in
tests/draft_inputs/ or built here; the PDF was made by tools/make_draft_input_pdf.py."""

import csv
import io
import json
import shutil
import socket
from email import encoders
from pathlib import Path

import pypdf
import pytest

from cityiso.draft.command import main, source_id_for
from cityiso.draft.inputs import MAX_INPUT_BYTES, InputError, read_input

INPUTS = Path(__file__).with_name("draft_inputs")
REGISTER = Path(__file__).with_name("draft_register")
PAGE = INPUTS / "aktualnosc_iso.html"
BIP = INPUTS / "bip_windows1250.html"
PDF = INPUTS / "podsumowanie_audytu.pdf"
TEXT = INPUTS / "z_adresem.txt"


def _read(path: Path):
    return read_input(path.name, path.read_bytes())


def _flat(s: str) -> str:
    return " ".join(s.split())


def _sources_row(folder: Path) -> dict[str, str]:
    with (folder / "sources.csv").open(encoding="utf-8", newline="") as f:
        (row,) = csv.DictReader(f)
    return row


def _quotes(drafts: dict) -> list[str]:
    return [row["quote"]["value"] for rows in drafts["tables"].values() for row in rows if "quote" in row]


def test_saved_page_main_text_without_page_debris() -> None:
    """The article's headings, paragraphs, list and table, a blank line between blocks; no cookie banner, menu,
    breadcrumb, reader comment, side box or footer."""
    inp = _read(PAGE)
    assert inp.kind == "html"
    text = inp.text
    assert text.startswith("Brzozowo z certyfikatem jakości na kolejne lata\n\nUrząd Miejski w Brzozowie po raz")
    assert "\n\nCo sprawdzali audytorzy?\n\n" in text
    assert "- sprawną obsługę mieszkańców w Biurze Obsługi Interesanta,\n- czytelny system" in text
    assert "Wydział Finansowy\t5\nWydział Inwestycji\t3" in text
    assert "łączymy się w radości z całą załogą urzędu!" in text
    for debris in ("cookies", "Rozumiem", "Kontakt", "»", "Gratulacje dla urzędników", "Nabór wniosków", "Rynek 1"):
        assert debris not in text, debris
    assert "dataLayer" not in text and ".cookie" not in text


def test_saved_page_metadata_canonical_address_and_publication_date() -> None:
    """The canonical link beats og:url and the browser's 'saved from' note (which carries a tracking parameter);
    the publication date, not the modification date; each with where it came from."""
    inp = _read(PAGE)
    assert inp.url == "https://www.gmina-brzozowo.example.pl/aktualnosci/certyfikat-jakosci"
    assert inp.url_from == "the page's canonical link"
    assert inp.title == "Brzozowo z certyfikatem jakości na kolejne lata"
    assert inp.published.isoformat() == "2022-06-09"
    assert "article:published_time" in inp.published_from
    assert inp.origin.startswith("Main text extracted by trafilatura ")
    assert "canonical link" in inp.origin and "UTF-8" in inp.origin


def test_saved_from_note_is_the_address_when_the_page_names_none() -> None:
    page = (
        "<!DOCTYPE html>\n<!-- saved from url=(0041)https://bip.gmina-olszanka.example.pl/a/12 -->\n<html><head>"
        "<meta charset='utf-8'><title>Audyt</title></head><body><article><p>"
        + "Urząd Gminy Olszanka przeszedł audyt nadzoru systemu zarządzania jakością ISO 9001. " * 4
        + "</p></article></body></html>"
    )
    inp = read_input("olszanka.html", page.encode("utf-8"))
    assert inp.url == "https://bip.gmina-olszanka.example.pl/a/12"
    assert "saved from" in inp.url_from and "saved from" in inp.origin


def test_drafted_rows_of_a_page_carry_its_address_title_date_and_quote_its_saved_text(tmp_path: Path) -> None:
    """--out writes the text the drafts quote as <source_id>.txt; the sources row names that file and carries the
    page's address, title and metadata date (reasoned: the text states none), and the origin as its note; every
    drafted quote stands in the saved text."""
    out = tmp_path / "out"
    assert main([str(PAGE), "--out", str(out), "--data", str(REGISTER)]) == 0
    saved = (out / "aktualnosc-iso.txt").read_text(encoding="utf-8")
    assert saved == _read(PAGE).text
    row = _sources_row(out)
    assert row["file"] == "aktualnosc-iso.txt"
    assert row["url"] == "https://www.gmina-brzozowo.example.pl/aktualnosci/certyfikat-jakosci"
    assert row["title"] == "Brzozowo z certyfikatem jakości na kolejne lata"
    assert row["published_on"] == "2022-06-09"
    assert "article:published_time" in row["published_on_inferred_reason"]
    assert row["published_on_inferred_part"] == "whole" and row["published_on_as_written"] == ""
    assert row["note"] == _read(PAGE).origin
    drafts = json.loads((out / "drafts.json").read_text(encoding="utf-8"))
    quotes = _quotes(drafts)
    assert len(quotes) >= 2 and drafts["tables"]["certificates"]
    for quote in quotes:
        for part in quote.split(" [...] "):
            assert part in _flat(saved), part


def test_windows_1250_page_read_by_its_meta_charset_and_its_own_date_line_wins() -> None:
    """A BIP page in windows-1250: Polish letters right; the date line of its text beats the DC.date metadata; the
    address from the 'saved from' note; the layout table's cells as paragraphs."""
    data = BIP.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    inp = read_input(BIP.name, data)
    assert "Świadczy to o tym, że urząd działa sprawnie, a źródłem sukcesu" in inp.text
    assert "\n\nData publikacji: 04.03.2019 r.\n\nInformujemy, że w dniach 18–19 lutego 2019 r." in inp.text
    assert "windows-1250" in inp.origin
    assert inp.url == "http://bip.starostwo-lipno.example.pl/index.php?id=4411"
    assert "Wytworzył" not in inp.text  # the page's register footer
    row = _draft_sources(BIP)
    assert (row["published_on"], row["published_on_as_written"]) == ("2019-03-04", "04.03.2019 r.")
    assert row["published_on_inferred_reason"] == ""
    assert row["title"] == "Starostwo Powiatowe w Lipnie z certyfikatem ISO 9001"  # the text's heading, not <title>


def _draft_sources(path: Path) -> dict[str, str]:
    from cityiso.draft.command import draft_file
    from cityiso.draft.output import plain_rows

    _, d = draft_file(path, source_id_for(path), REGISTER)
    (row,) = plain_rows(d, "sources", REGISTER)
    return row


_LEGACY_PAGE = (
    "<html><head>{meta}<title>Certyfikat</title></head><body><div id='tresc'><h1>Certyfikat ISO dla urzędu</h1>"
    "<p>Starostwo Powiatowe w Łosicach otrzymało certyfikat ISO 9001. Świadczy to o tym, że źródłem sukcesu jest "
    "zaangażowanie pracowników, którzy przeszli szkolenia z zarządzania jakością i ryzykiem w urzędzie.</p>"
    "<p>Gratulujemy! Żółć, gęś, łąka, ćma, ńa.</p></div></body></html>"
)


@pytest.mark.parametrize(
    ("codec", "meta"),
    [
        ("iso-8859-2", ""),
        ("cp1250", ""),
        ("iso-8859-2", "<meta http-equiv='Content-Type' content='text/html; charset=iso-8859-2'>"),
        ("cp1250", "<meta charset='iso-8859-2'>"),  # labelled wrongly: the bytes of ś, ź read as C1 controls
        ("utf-8", "<meta charset='windows-1250'>"),  # labelled wrongly: the bytes are UTF-8
    ],
)
def test_legacy_polish_charsets_read_right(codec: str, meta: str) -> None:
    inp = read_input("strona.htm", _LEGACY_PAGE.format(meta=meta).encode(codec))
    assert "Starostwo Powiatowe w Łosicach otrzymało certyfikat ISO 9001. Świadczy to o tym, że źródłem" in inp.text
    assert "Żółć, gęś, łąka, ćma" in inp.text


def _mhtml(page: bytes, charset: str, location: str) -> bytes:
    """A web archive as Chromium writes one ('Web page, single file'): the page quoted-printable, then an image."""
    from email.mime.image import MIMEImage
    from email.mime.multipart import MIMEMultipart
    from email.mime.nonmultipart import MIMENonMultipart

    archive = MIMEMultipart("related", type="text/html")
    archive["Snapshot-Content-Location"] = location
    part = MIMENonMultipart("text", "html", charset=charset)
    part.set_payload(page)
    encoders.encode_quopri(part)
    part["Content-Location"] = location
    archive.attach(part)
    archive.attach(MIMEImage(b"\x89PNG\r\n\x1a\n", "png"))
    return b"From: <Saved by Blink>\r\n" + archive.as_bytes()


def test_web_archive_page_read_as_a_saved_page() -> None:
    """A browser's .mhtml: its HTML page (quoted-printable, in the archive's charset) read like a saved page; its
    address from the archive when the page names none."""
    page = _LEGACY_PAGE.format(meta="<meta charset='windows-1250'>")
    archive = _mhtml(page.encode("cp1250"), "windows-1250", "https://bip.losice.example.pl/artykul/7")
    inp = read_input("strona.mhtml", archive)
    assert "Starostwo Powiatowe w Łosicach otrzymało certyfikat ISO 9001. Świadczy to o tym, że źródłem" in inp.text
    assert inp.url == "https://bip.losice.example.pl/artykul/7" and inp.url_from.startswith("the address the web")
    assert "web archive" in inp.origin
    with pytest.raises(InputError, match=r"'pusty\.mhtml' is a web archive \(\.mhtml\) without an HTML page"):
        read_input("pusty.mhtml", b"MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nnic")


def test_page_with_tiny_main_text_gives_its_whole_visible_text_and_says_so() -> None:
    page = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Certyfikat ISO</title><style>p{}</style>"
        "<script>var x = 'skrypt';</script></head><body><div class='menu'><a href='/'>Start</a> | <a>BIP</a></div>"
        "<div><span>Urząd Gminy Olszanka</span><br><span>Certyfikat ISO 9001:2015</span><br>"
        "<span>ważny do 2025 r.</span></div><div hidden>ukryty tekst</div>"
        "<div class='stopka'>Kontakt</div></body></html>"
    )
    inp = read_input("olszanka.html", page.encode("utf-8"))
    assert inp.text == "Start | BIP\n\nUrząd Gminy Olszanka\nCertyfikat ISO 9001:2015\nważny do 2025 r.\n\nKontakt"
    assert "whole visible text" in inp.origin and "lxml" in inp.origin


def test_hostile_page_resolves_no_entity_reads_no_file_and_opens_no_connection(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = tmp_path / "sekret.txt"
    secret.write_text("TAJNE-HASLO-123", encoding="utf-8")

    def refuse(*args, **kwargs):
        raise AssertionError("the reader opened a connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    page = (
        f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY sekret SYSTEM "file://{secret}">]>'
        '<html><head><link rel="stylesheet" href="https://cdn.example.com/a.css">'
        '<meta property="og:image" content="https://cdn.example.com/a.png"></head><body><article>'
        "<p>&sekret; Urząd Gminy Olszanka przeszedł audyt nadzoru systemu zarządzania jakością ISO 9001 "
        "w zeszłym tygodniu, bez niezgodności, a audytorzy pochwalili obsługę mieszkańców i porządek w dokumentach."
        '</p><img src="https://cdn.example.com/b.png"><iframe src="https://example.com/x"></iframe></article>'
        "</body></html>"
    )
    inp = read_input("wrogi.html", page.encode("utf-8"))
    assert "TAJNE" not in inp.text and "Urząd Gminy Olszanka przeszedł audyt" in inp.text


def test_pdf_text_per_page_with_polish_letters_and_metadata_as_hints_only() -> None:
    """pypdf's text with ą, ę, ł, ż, ś, ź right and no ligature; pages joined by a blank line; the creation date is
    named in the origin, never the publication date."""
    inp = _read(PDF)
    assert inp.kind == "pdf"
    for words in ("żeglugą", "śródlądową", "Źródło", "gęś, łąka, żółć", "certyfikującej", "Opłat", "października"):
        assert words in inp.text, words
    assert not any("\ufb00" <= ch <= "\ufb06" for ch in inp.text)
    assert "niezgodności.\n\nObserwacje i zalecenia\n" in inp.text  # page 1 ends, page 2 begins
    assert inp.published is None and inp.url is None
    assert inp.title == "Podsumowanie audytu w Urzędzie Gminy Zielonowo" and "hint" in inp.title_from
    assert "pypdf" in inp.origin and "2 pages" in inp.origin
    assert "creation date" in inp.origin and "not a publication date" in inp.origin
    assert "Podsumowanie audytu w Urzędzie Gminy Zielonowo" in inp.origin  # the metadata title, as a hint


def _blank_pdf(pages: int = 2) -> bytes:
    writer = pypdf.PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def test_pdf_without_text_layer_is_refused() -> None:
    with pytest.raises(InputError, match=r"'skan\.pdf' is a PDF with no text layer .*OCR it first"):
        read_input("skan.pdf", _blank_pdf())


def test_broken_pdf_is_refused_with_its_name() -> None:
    with pytest.raises(InputError, match=r"'zepsuty\.pdf' is not a readable PDF"):
        read_input("zepsuty.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\nendobj\n%%EOF")


def test_text_with_its_address_on_the_first_line() -> None:
    """The address is taken out; the rest stays byte for byte."""
    raw = TEXT.read_text(encoding="utf-8")
    inp = _read(TEXT)
    assert inp.kind == "text"
    assert inp.url == "https://www.powiat-dębno.example.pl/aktualnosci/audyt-2021"
    assert inp.text == raw.split("\n", 2)[2]
    assert "https://" not in inp.text and "first line" in inp.origin


def test_text_without_address_stays_verbatim_and_loses_only_its_byte_order_mark() -> None:
    body = "Urząd Miasta Zielonowo otrzymał certyfikat.\r\nhttps://example.pl w drugiej linii zostaje.\n"
    inp = read_input("tekst.txt", b"\xef\xbb\xbf" + body.encode("utf-8"))
    assert (inp.text, inp.url) == (body, None)


def test_windows_1250_text_is_refused_with_a_clear_message() -> None:
    with pytest.raises(InputError, match=r"'stary\.txt' is not UTF-8 text \(byte 3\) \(it looks like windows-1250"):
        read_input("stary.txt", "Urząd Gminy Łąka".encode("cp1250"))


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("pismo.docx", b"PK\x03\x04\x14\x00word/document.xml", "a ZIP archive"),
        ("pismo.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office file"),
        ("skan.png", b"\x89PNG\r\n\x1a\n\x00\x00", "a PNG image: OCR it first"),
        ("skan.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image: OCR it first"),
        ("notatka.odt", b"zwykly tekst", "is a .odt file; the drafter reads .html, .htm, .mhtml, .pdf"),
        ("strona.pdf", b"<!DOCTYPE html><html><body>nie PDF</body></html>", "is not a PDF"),
        ("pusty.txt", b"  \n\n", "is empty"),
        ("sterujace.txt", b"Urz\x1bad", "control character U+001B on line 1"),
    ],
)
def test_other_files_are_refused_naming_the_file(name: str, data: bytes, says: str) -> None:
    with pytest.raises(InputError) as exc:
        read_input(name, data)
    assert f"'{name}'" in str(exc.value) and says in str(exc.value)


def test_size_limit() -> None:
    with pytest.raises(InputError, match=r"'duzy\.html' is 5\.0 MB; the drafter reads at most 5 MB"):
        read_input("duzy.html", b"<html>" + b" " * MAX_INPUT_BYTES)


@pytest.mark.parametrize(
    ("name", "source_id"),
    [("Urząd Łódź 2015.html", "urzad-lodz-2015"), ("ŻÓŁĆ_gęślą.pdf", "zolc-gesla"), ("___.txt", "draft")],
)
def test_source_ids_from_file_names(name: str, source_id: str) -> None:
    assert source_id_for(Path(name)) == source_id


def test_folder_drafts_every_file_and_a_bad_one_stops_none(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    """One line per file; a bad file (listed first) fails alone; exit code 1; each good file's folder holds its
    text, the draft CSVs and drafts.json."""
    folder, out = tmp_path / "zapisane", tmp_path / "szkice"
    folder.mkdir()
    shutil.copy(PAGE, folder / "Urząd Łódź 2015.html")
    shutil.copy(BIP, folder)
    shutil.copy(PDF, folder)
    shutil.copy(TEXT, folder)
    (folder / "a_skan.pdf").write_bytes(_blank_pdf())
    (folder / "b_pismo.docx").write_bytes(b"PK\x03\x04\x14\x00")
    (folder / ".ukryty.txt").write_text("pominięty", encoding="utf-8")
    (folder / "strona_pliki").mkdir()  # the folder a browser saves a page's images into
    assert main([str(folder), "--out", str(out), "--data", str(REGISTER)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 7 and lines[-1].startswith("4 of 6 files drafted into")
    by_file = {line.split("  ")[0].strip(): line for line in lines[:-1]}
    assert set(by_file) == {
        "a_skan.pdf",
        "b_pismo.docx",
        "Urząd Łódź 2015.html",
        "bip_windows1250.html",
        "podsumowanie_audytu.pdf",
        "z_adresem.txt",
    }
    assert "FAILED" in by_file["a_skan.pdf"] and "no text layer" in by_file["a_skan.pdf"]
    assert "FAILED" in by_file["b_pismo.docx"] and "ZIP archive" in by_file["b_pismo.docx"]
    assert " html " in by_file["Urząd Łódź 2015.html"] and " pdf " in by_file["podsumowanie_audytu.pdf"]
    assert "certificates 1" in by_file["Urząd Łódź 2015.html"]
    assert sorted(p.name for p in out.iterdir()) == [
        "bip-windows1250",
        "podsumowanie-audytu",
        "urzad-lodz-2015",
        "z-adresem",
    ]
    for source_id in ("urzad-lodz-2015", "podsumowanie-audytu", "z-adresem"):
        written = {p.name for p in (out / source_id).iterdir()}
        assert {f"{source_id}.txt", "sources.csv", "certificates.csv", "drafts.json"} <= written
        assert _sources_row(out / source_id)["file"] == f"{source_id}.txt"
    assert _sources_row(out / "z-adresem")["url"] == "https://www.powiat-dębno.example.pl/aktualnosci/audyt-2021"
    pdf_text = (out / "podsumowanie-audytu" / "podsumowanie-audytu.txt").read_text(encoding="utf-8")
    assert pdf_text == _read(PDF).text
    pdf_row = _sources_row(out / "podsumowanie-audytu")
    assert pdf_row["published_on"] == "" and "creation date" in pdf_row["note"]


def test_two_files_with_one_name_get_two_ids(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    shutil.copy(PAGE, folder / "audyt.html")
    shutil.copy(PDF, folder / "audyt.pdf")
    assert main([str(folder), "--out", str(out), "--data", str(REGISTER)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["audyt", "audyt-pdf"]


def test_single_file_pdf_as_json_and_a_bad_file_as_one_message(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main([str(PDF), "--json", "--data", str(REGISTER)]) == 0
    drafted = json.loads(capsys.readouterr().out)
    (source,) = drafted["tables"]["sources"]
    assert "pypdf" in source["note"]["value"]
    title = source["title"]
    # The text's heading line is the title; the metadata title, a hint, is named in its reason for the curator.
    assert title["value"] in _read(PDF).text and "Podsumowanie audytu w Urzędzie Gminy Zielonowo" in title["reason"]
    assert "published_on" not in source  # a creation date is no publication date
    for quote in _quotes(drafted):
        for part in quote.split(" [...] "):
            assert part in _flat(_read(PDF).text), part
    bad = tmp_path / "pismo.docx"
    bad.write_bytes(b"PK\x03\x04")
    assert main([str(bad), "--json", "--data", str(REGISTER)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: 'pismo.docx' is a ZIP archive (a .docx, .odt or .zip file): save the document")
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_relative_dates_count_from_the_metadata_date() -> None:
    """'W ubiegłym miesiącu' in a page dated only by its metadata counts back from that date."""
    from cityiso.draft.core import draft

    page = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Audyt w urzędzie</title>"
        "<meta property='article:published_time' content='2022-01-10T09:00:00+01:00'></head><body><article>"
        "<h1>Audyt w Urzędzie Gminy Olszanka</h1><p>W ubiegłym miesiącu w Urzędzie Gminy Olszanka odbył się audyt "
        "nadzoru systemu zarządzania jakością zgodnego z normą ISO 9001:2015. Audytorzy nie stwierdzili "
        "niezgodności i pochwalili obsługę mieszkańców.</p></article></body></html>"
    )
    inp = read_input("olszanka.html", page.encode("utf-8"))
    d = draft(inp.text, source_id="x", data_dir=REGISTER, source=inp)
    (event,) = d.tables["events"]
    assert event["event_on"].value == "2021-12"
    assert d.tables["sources"][0]["published_on"].value == "2022-01-10"


def test_folder_summary_keeps_one_line_per_file_whatever_its_name(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "zły\nplik\x1b.odt").write_bytes(b"tekst")
    assert main([str(folder), "--out", str(tmp_path / "out"), "--data", str(REGISTER)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and lines[0].startswith("zły?plik?.odt  FAILED  'zły?plik?.odt' is a .odt file")
