"""What the load test expects of the app: its pages (heading, charts, the count of documents), the route a session
clicks round, and the scripts that tell, in the browser, when a page is drawn."""

import dataclasses
import re

# Pages whose scripts a browser context compiles and caches before the clock starts (Plotly, the data grid, the
# code block, the slide layout).
WARM_UP = ("cycles", "sources", "presentation")


@dataclasses.dataclass(frozen=True)
class Page:
    """A page of the app: its URL path, the label key of its heading, and how many charts it draws on the load
    test's package (at least)."""

    name: str
    path: str
    title_key: str | None  # None: the heading is the first office's label (the office profile)
    charts: int
    counts: bool = True  # the page names the number of source documents (under its charts or in the citation)


PAGES = {
    p.name: p
    for p in (
        Page("overview", "", "overview.title", 3),  # the map, activity by year, the chosen trend
        Page("cycles", "cycles", "cycles.title", 1),
        Page("praised", "praised", "praised.title", 3),
        Page("compare", "compare", "compare.title", 4),
        Page("office", "office", None, 1),
        Page("sources", "sources", "sources.title", 0),
        Page("presentation", "presentation", "present.title", 0, counts=False),
    )
}
# The order a session clicks through the sidebar, round and round. Moving by the sidebar straight from one page with
# the offices filter to another loses the selection (see README, "Load test"): a defect of the pages, not of serving
# under load. So filter pages alternate with the others, and a session goes from presentation round to cycles by
# a fresh visit to the URL.
FILTER_PAGES = frozenset({"cycles", "praised", "compare", "presentation"})
ROUTE = ("cycles", "overview", "praised", "office", "compare", "sources", "presentation")

# The source line under every chart and the citation on the sources page name the number of documents.
# "1 dokument źródłowy", "3 dokumenty źródłowe", "5 dokumentów źródłowych"; "1 source document", "5 source documents".
# \S: JavaScript's \w is ASCII; \s*: a wrapped source line's parts join in the SVG's text without a space.
DOCUMENTS = re.compile(r"(\d+)\s*(?:dokument\S*?\s*źródłow\S*|source\s*documents?)")

# Resolves to {ok: true, text} when the page's script run has finished with its heading shown and, when asked,
# its charts drawn (each with its source line, Plotly's last stroke) and the count of documents shown; to {error}
# as soon as Streamlit shows an exception or an error message; false keeps waiting.
READY_JS = """(exp) => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app) return false;
  const exception = document.querySelector('[data-testid="stException"]');
  if (exception) return {error: 'exception', detail: exception.innerText.slice(0, 300)};
  const alert = document.querySelector('[data-testid="stAlertContentError"]');
  if (alert) return {error: 'error message', detail: alert.innerText.slice(0, 300)};
  if (app.dataset.testScriptState !== 'notRunning') return false;
  if (location.pathname.replace(/\\/$/, '') !== exp.pathname) return false;
  if (document.querySelector('[data-stale="true"]')) return false;
  const main = document.querySelector('[data-testid="stMain"]');
  const h1 = main && main.querySelector('h1');
  if (!h1 || h1.innerText.trim() !== exp.title) return false;
  const drawn = [...main.querySelectorAll('.js-plotly-plot')].filter(p => p.textContent.includes('cityiso'));
  if (drawn.length < exp.charts) return false;
  if (exp.counts && !/\\d+\\s*(dokument\\S*?\\s*źródłow\\S*|source\\s*documents?)/.test(main.textContent)) return false;
  return {ok: true, text: main.textContent};
}"""
# What a page shows when it did not get ready in time, for the error's detail.
STATE_JS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  const main = document.querySelector('[data-testid="stMain"]');
  return {
    href: location.href,
    script: app && app.dataset.testScriptState,
    connection: app && app.dataset.testConnectionState,
    h1: main && main.querySelector('h1') ? main.querySelector('h1').innerText : null,
    charts: document.querySelectorAll('.js-plotly-plot').length,
    drawn: [...document.querySelectorAll('.js-plotly-plot')].filter(p => p.textContent.includes('cityiso')).length,
    stale: document.querySelectorAll('[data-stale="true"]').length,
    skeletons: document.querySelectorAll('[data-testid="stSkeleton"]').length,
    alerts: [...document.querySelectorAll('[data-testid="stAlertContainer"]')].map(a => a.innerText.slice(0, 120)),
  };
}"""


def how_next(route: tuple, position: int) -> str:
    """How to reach the page after route[position]: the sidebar, unless both pages have the offices filter."""
    following = route[(position + 1) % len(route)]
    return "url" if {route[position], following} <= FILTER_PAGES else "sidebar"
