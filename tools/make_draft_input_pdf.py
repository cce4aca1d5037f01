"""Make tests/draft_inputs/podsumowanie_audytu.pdf: an invented two-page Polish audit summary with a real text layer.

Run once (the PDF is committed): python tools/make_draft_input_pdf.py. Needs playwright and Debian's chromium
(README, "Real browser"); the page is set from the HTML below, nothing is fetched."""

from pathlib import Path

from playwright.sync_api import sync_playwright

OUT = Path(__file__).resolve().parents[1] / "tests" / "draft_inputs" / "podsumowanie_audytu.pdf"
HTML = """<!DOCTYPE html><html lang="pl"><head><meta charset="utf-8">
<title>Podsumowanie audytu w Urzędzie Gminy Zielonowo</title>
<style>body { font-family: "DejaVu Sans", sans-serif; font-size: 12pt; } .page { page-break-before: always; }</style>
</head><body>
<h1>Podsumowanie audytu nadzoru w Urzędzie Gminy Zielonowo</h1>
<p>W dniu 14 października 2024 r. w Urzędzie Gminy Zielonowo odbył się pierwszy audyt nadzoru systemu zarządzania
jakością zgodnego z normą ISO 9001:2015, przeprowadzony przez audytora jednostki certyfikującej.</p>
<p>Audytem objęto Referat Gospodarki Komunalnej oraz Referat Podatków i Opłat. Nie stwierdzono niezgodności.</p>
<div class="page">
<h2>Obserwacje i zalecenia</h2>
<p>Zwrócono uwagę na następujące kwestie:</p>
<ul>
<li>należy uzupełnić rejestr ryzyk o zagrożenia związane z żeglugą śródlądową,</li>
<li>warto ujednolicić wzory pism kierowanych do mieszkańców.</li>
</ul>
<p>Certyfikat pozostaje ważny do 20 listopada 2026 r. Źródło: dokumentacja własna urzędu; gęś, łąka, żółć.</p>
</div>
</body></html>"""


def main() -> None:
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-sync"],
        )
        page = browser.new_page()
        page.route("**/*", lambda route: route.abort())  # nothing but the HTML set below
        page.set_content(HTML)
        OUT.write_bytes(page.pdf(format="A4", margin={"top": "2cm", "bottom": "2cm", "left": "2cm", "right": "2cm"}))
        browser.close()
    print(OUT)


if __name__ == "__main__":
    main()
