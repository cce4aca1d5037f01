"""Start the dashboard: `python -m cityiso.app.serve [streamlit options]` runs `streamlit run dashboard.py`.

Streamlit 1.67 treats any app with a pages/ folder beside its main script as a legacy multipage app
until the main script has called st.navigation once. A shared deep link (/cycles?lang=en) opened
first on a fresh server would then run the page without dashboard.py: no language switch, no
navigation. Our pages are listed with st.navigation, so legacy discovery is switched off up front.
"""

import sys

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli

from cityiso.paths import ROOT


def main(argv: list[str] | None = None) -> None:
    PagesManager.uses_pages_directory = False
    args = ["run", str(ROOT / "dashboard.py"), *(sys.argv[1:] if argv is None else argv)]
    cli.main(args=args, prog_name="streamlit")


if __name__ == "__main__":
    main()
