"""The curator's review page (run by curate/review.py): draft rows from a pasted or uploaded text, review each,
write the accepted ones into the data folder followed by a validated build.

Everything a visitor sends is hostile data: the file name, address, date, text and every edited cell are checked
(cityiso/draft/review.py) before anything is drafted or written, refused values are shown with their invisible
characters escaped (safe_text.visible) and as text, never markup. The page runs only on a loopback server."""

import datetime as dt
import ipaddress
import logging
from pathlib import Path

import streamlit as st

from cityiso.app import ui
from cityiso.draft.__main__ import source_id_for
from cityiso.draft.core import draft
from cityiso.draft.output import plain_rows
from cityiso.draft.review import (
    MAX_NAME_CHARS,
    MAX_TEXT_BYTES,
    TABLES,
    SaveBusy,
    control_problem,
    curator_data_dir,
    document_name_problem,
    highlight_html,
    input_problem,
    recover,
    write_accepted,
)
from cityiso.labels import t
from cityiso.paths import served_db_path
from cityiso.safe_text import code, md, visible

log = logging.getLogger(__name__)
DECISIONS = ("accept", "edit", "reject")


def on_loopback(address: str | None) -> bool:
    """Whether a server bound to this address is reachable from this computer alone (unset: every interface)."""
    if not address:
        return False
    if address.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(address.strip().strip("[]")).is_loopback
    except ValueError:
        return False


def loopback_hosts_only(hosts: list[str] | None) -> bool:
    """Whether server.allowedHosts lets a websocket name only this computer. Empty (Streamlit's default) lets any
    Host in, which is what DNS rebinding needs: a foreign site whose name resolves to 127.0.0.1 reaching the page."""
    return bool(hosts) and all(on_loopback(h.strip()) for h in hosts)


def _text(upload, pasted: str, lang: str) -> tuple[str | None, str | None]:
    """The document's text and None, or None and why it cannot be one."""
    if upload is None:
        data = pasted.encode("utf-8")
        text = pasted
    else:
        data = upload.getvalue()
        text = None
    if len(data) > MAX_TEXT_BYTES:
        return None, t("review.too_big", lang, max=MAX_TEXT_BYTES // 1000)
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            return None, t("review.not_utf8", lang, byte=exc.start)
    if (ch := control_problem(text, multiline=True)) is not None:
        return None, t("review.control.text", lang, char=md(visible(ch)))
    return text, None


def _draft_input(lang: str, upload, pasted: str, name: str, url: str, published: str):
    """The text, the publication date and the problems of the page's input (each a message to show)."""
    problems = []
    text, why = _text(upload, pasted, lang)
    if why:
        problems.append(why)
    if (key := document_name_problem(name)) is not None:
        problems.append(t(key, lang, name=md(visible(name)), max=MAX_NAME_CHARS))
    when = None
    for field, value in (("review.url", url), ("review.published", published)):
        if control_problem(value) is not None:
            problems.append(t("review.control.field", lang, field=md(t(field, lang)), value=md(visible(value))))
    if published.strip() and control_problem(published) is None:
        try:
            when = dt.date.fromisoformat(published.strip())
        except ValueError:
            problems.append(t("review.bad_date", lang, value=md(visible(published))))
    return text, when, problems


def render() -> None:
    lang = ui.lang()
    st.title(t("review.title", lang))
    address = st.get_option("server.address")
    if not on_loopback(address):
        st.error(t("review.not_loopback", lang, address=md(visible(address or "0.0.0.0 / ::"))))
        st.stop()
    if not loopback_hosts_only(st.get_option("server.allowedHosts")):
        st.error(t("review.hosts", lang))
        st.stop()
    data_dir = curator_data_dir()
    try:
        if recover(data_dir, served_db_path()):
            st.warning(t("review.recovered", lang))
    except SaveBusy:
        st.error(t("review.busy", lang))
        st.stop()
    st.caption(t("review.caption", lang, folder=code(str(data_dir))))

    upload = st.file_uploader(t("review.upload", lang), type=["txt"], key="upload")
    pasted = st.text_area(t("review.paste", lang), key="pasted", height=200)
    name = st.text_input(t("review.file_name", lang), key="file_name", value=upload.name if upload else "draft.txt")
    url = st.text_input(t("review.url", lang), key="url")
    published = st.text_input(t("review.published", lang), key="published")

    if st.button(t("review.draft", lang), key="draft", type="primary"):
        st.session_state.pop("drafted", None)
        st.session_state.pop("written", None)
        text, when, problems = _draft_input(lang, upload, pasted, name, url, published)
        for problem in problems:
            st.error(problem)
        if problems:
            st.stop()
        st.session_state["drafted"] = (
            text,
            name,
            draft(
                text,
                source_id=source_id_for(Path(name)),
                url=url.strip() or None,
                published=when,
                file_name=name,
                data_dir=data_dir,
            ),
        )

    if "drafted" not in st.session_state:
        st.stop()
    text, drafted_name, d = st.session_state["drafted"]
    st.subheader(t("review.text_marked", lang))
    st.html(highlight_html(text, d, lang))

    columns = {c: t(f"review.col.{c}", lang) for c in ("column", "value", "confidence", "reason")}
    written = st.session_state.get("written")
    for table in TABLES:
        cells = plain_rows(d, table, data_dir)
        if not cells:
            continue
        st.subheader(md(table))
        for i, row in enumerate(d.tables[table]):
            with st.container(border=True):
                decision = st.radio(
                    t("review.row", lang, table=md(table), n=i + 1),
                    DECISIONS,
                    format_func=lambda c: t(f"review.decision.{c}", lang),
                    key=f"decision-{table}-{i}",
                    horizontal=True,
                )
                facts = [
                    {
                        columns["column"]: c,
                        columns["value"]: str(v.value),
                        columns["confidence"]: v.confidence,
                        columns["reason"]: v.reason,
                    }
                    for c, v in row.items()
                ]
                st.dataframe(
                    facts,
                    hide_index=True,
                    width="stretch",
                    column_config={  # the reason is the long text: give it the room a number does not need
                        columns["column"]: st.column_config.TextColumn(width="small"),
                        columns["value"]: st.column_config.TextColumn(width="medium"),
                        columns["confidence"]: st.column_config.NumberColumn(width="small", format="%.2f"),
                        columns["reason"]: st.column_config.TextColumn(width="large"),
                    },
                )
                if decision == "edit":
                    for column in cells[i]:
                        st.text_input(md(column), value=cells[i][column], key=f"edit-{table}-{i}-{column}")
                if written:
                    for problem in written.for_row(table, i):
                        st.error(md(str(problem)))

    def accepted() -> dict[str, list[tuple[int, dict[str, str]]]]:
        out: dict[str, list[tuple[int, dict[str, str]]]] = {}
        for table in TABLES:
            for i, cells in enumerate(plain_rows(d, table, data_dir)):
                choice = st.session_state.get(f"decision-{table}-{i}", "accept")
                if choice == "reject":
                    continue
                if choice == "edit":
                    cells = {c: st.session_state.get(f"edit-{table}-{i}-{c}", v) for c, v in cells.items()}
                out.setdefault(table, []).append((i, cells))
        return out

    if st.button(t("review.write", lang), key="write", type="primary"):
        rows = accepted()
        # The name the text was drafted with: the box may have been changed since (and is checked again anyway).
        refused = input_problem(text, drafted_name, rows, lang)
        if refused is not None:
            st.error(md(refused))
            st.stop()
        try:
            result = write_accepted(data_dir, text, drafted_name, rows, served_db_path(), lang)
        except Exception:
            log.exception("the curator's save failed")
            st.error(t("review.write_error", lang))
            st.stop()
        st.session_state["written"] = result
        st.rerun()
    if written and not written.problems:
        st.success(t("review.written", lang))
    elif written:
        st.error(t("review.failed", lang, n=len(written.problems)))
        for problem in written.unplaced():
            st.error(md(str(problem)))
