"""Curator-only page: draft rows from a pasted or uploaded text, review each, write the accepted ones into the data
folder followed by a validated build. Listed by dashboard.py only when ./run curate sets CITYISO_CURATE=1; the page
itself (cityiso/app/review_page.py) runs only on a server bound to loopback."""

from cityiso.app.review_page import render

render()
