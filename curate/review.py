"""Curator-only page: draft rows from a pasted or uploaded text, review each, write the accepted ones into the data
folder followed by a validated build. Listed by dashboard.py only when ./run curate sets CITYISO_CURATE=1."""

import datetime as dt
from pathlib import Path

import streamlit as st

from cityiso.draft.__main__ import source_id_for
from cityiso.draft.core import draft
from cityiso.draft.output import plain_rows
from cityiso.draft.review import TABLES, curator_data_dir, highlight_html, write_accepted
from cityiso.safe_text import code, md

data_dir = curator_data_dir()
st.title("Drafting from a press release")
st.caption(f"Curator's page, writes into {code(str(data_dir))}. Every value is a draft: accept, edit or reject it.")

upload = st.file_uploader("Upload a saved text (.txt)", type=["txt"], key="upload")
pasted = st.text_area("…or paste the text", key="pasted", height=200)
name = st.text_input("File name in data/sources/", key="file_name", value=upload.name if upload else "draft.txt")
url = st.text_input("Address the document states (optional)", key="url")
published = st.text_input("Publication date, YYYY-MM-DD (optional)", key="published")

if st.button("Draft", key="draft", type="primary"):
    text = upload.getvalue().decode("utf-8") if upload else pasted
    try:
        when = dt.date.fromisoformat(published) if published.strip() else None
    except ValueError:
        st.error(md(f"'{published}' is not a date (YYYY-MM-DD)."))
        when = None
    st.session_state["drafted"] = (
        text,
        draft(
            text,
            source_id=source_id_for(Path(name)),
            url=url or None,
            published=when,
            file_name=name,
            data_dir=data_dir,
        ),
    )
    st.session_state.pop("written", None)

if "drafted" not in st.session_state:
    st.stop()
text, d = st.session_state["drafted"]
st.subheader("The text, each drafted fact marked")
st.html(highlight_html(text, d))

written = st.session_state.get("written")
for table in TABLES:
    cells = plain_rows(d, table, data_dir)
    if not cells:
        continue
    st.subheader(md(table))
    for i, row in enumerate(d.tables[table]):
        with st.container(border=True):
            decision = st.radio(
                md(f"{table} row {i + 1}"), ["accept", "edit", "reject"], key=f"decision-{table}-{i}", horizontal=True
            )
            facts = [
                {"column": c, "value": str(v.value), "confidence": v.confidence, "reason": v.reason}
                for c, v in row.items()
            ]
            st.dataframe(
                facts,
                hide_index=True,
                width="stretch",
                column_config={  # the reason is the long text: give it the room a number does not need
                    "column": st.column_config.TextColumn(width="small"),
                    "value": st.column_config.TextColumn(width="medium"),
                    "confidence": st.column_config.NumberColumn(width="small", format="%.2f"),
                    "reason": st.column_config.TextColumn(width="large"),
                },
            )
            if decision == "edit":
                for column in cells[i]:
                    st.text_input(md(column), value=cells[i][column], key=f"edit-{table}-{i}-{column}")
            if written:
                for problem in written.for_row(table, i):
                    st.error(md(str(problem)))


def _accepted() -> dict[str, list[tuple[int, dict[str, str]]]]:
    out: dict[str, list[tuple[int, dict[str, str]]]] = {}
    for table in TABLES:
        for i, cells in enumerate(plain_rows(d, table, data_dir)):
            decision = st.session_state.get(f"decision-{table}-{i}", "accept")
            if decision == "reject":
                continue
            if decision == "edit":
                cells = {c: st.session_state.get(f"edit-{table}-{i}-{c}", v) for c, v in cells.items()}
            out.setdefault(table, []).append((i, cells))
    return out


if st.button("Write the accepted rows and build", key="write", type="primary"):
    result = write_accepted(data_dir, text, name, _accepted())
    st.session_state["written"] = result
    st.rerun()
if written and not written.problems:
    st.success("Written and built: the accepted rows are in the data folder.")
elif written:
    st.error(md(f"The build found {len(written.problems)} problem(s); the data folder was left as it was."))
    for problem in written.unplaced():
        st.error(md(str(problem)))
