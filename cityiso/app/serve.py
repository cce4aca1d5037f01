"""Start the dashboard: `python -m cityiso.app.serve [streamlit options]` runs `streamlit run dashboard.py`.

Streamlit 1.67 treats any app with a pages/ folder beside its main script as a legacy multipage app
until the main script has called st.navigation once. A shared deep link (/cycles?lang=en) opened
first on a fresh server would then run the page without dashboard.py: no language switch, no
navigation. Our pages are listed with st.navigation, so legacy discovery is switched off up front.

Streamlit also asks an outside service (an HTTP "what is my IP" address) for the machine's external IP: when a
headless server starts without `server.address`, to print an "External URL", and whenever a websocket arrives
from an origin it does not know, as the last candidate of its origin allow-list. The dashboard calls no third
party, so that look-up answers "none" here: the URL printed is `browser.serverAddress` (.streamlit/config.toml),
and a foreign origin is refused without asking anyone.

Before it listens, the server imports what the pages import, opens the served database and starts the browser that
draws static images (cityiso.app.preload), so that the first visitor after a start does not wait for them.
"""

import sys

from streamlit import net_util
from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli

from cityiso.app import preload
from cityiso.paths import ROOT


def no_external_ip() -> None:
    """The external-IP look-up (see above) answers None without a request."""
    net_util.get_external_ip = lambda: None


def main(argv: list[str] | None = None) -> None:
    PagesManager.uses_pages_directory = False
    no_external_ip()
    preload.warm()
    args = ["run", str(ROOT / "dashboard.py"), *(sys.argv[1:] if argv is None else argv)]
    cli.main(args=args, prog_name="streamlit")


if __name__ == "__main__":
    main()
