"""`python -m cityiso.loadtest`: real browser sessions click through every page while the database is rebuilt.

Builds a small synthetic package (cityiso.synth: cityiso/loadtest/data.py) into a temporary folder, serves it on
127.0.0.1 the way ./run start does (its own process group, stopped at the end whatever happens: cityiso/server.py)
and drives N headless Chromium tabs, each its own Streamlit session, round the pages until --seconds have passed
and it has gone --rounds times round: a fresh visit by URL, then the sidebar links, a look at each page (--think)
before the next click; viewers arrive over --ramp-up (cityiso/loadtest/sessions.py). Meanwhile it rebuilds the
database --rebuilds times, each rebuild adding a source document (so the source line under every
chart counts one more), and moves each build onto the served path with os.replace. A session that has not seen
the last rebuild's data takes one last look after the deadline.

It reports page loads, errors (an exception or error message on the page, a traceback, a failed navigation, a
JavaScript error, a page not drawn within --page-timeout), how many sessions saw each rebuild's data, page times
from the navigation to the heading shown and to the charts drawn, the server's and the browser's CPU and memory,
and how fast /_stcore/health answered. Exit status 0 when there were no errors and every session saw every
rebuild, 1 otherwise, 3 without Chromium.

    python -m cityiso.loadtest [--sessions 20] [--seconds 60] [--rebuilds 2] [--rounds 0] [--port P] [--json PATH]
"""
