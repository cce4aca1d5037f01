"""The curator's review page (run by curate/review.py): many documents at once. Each uploaded or pasted document is
drafted once and queued (cityiso/draft/queue.py); the curator moves through documents and rows by mouse or keyboard
(cityiso/app/review_keys.py), accepts, edits, rejects, or merges a row that tells one the data already holds
(cityiso/draft/merge.py: a second piece of evidence, never a duplicate), and saves each document's accepted rows into
the data folder followed by a validated build. A text the data folder holds already is refused.

Everything a visitor sends is hostile data: the file name, address, date, text and every edited cell are checked
(cityiso/draft/save.py) before anything is drafted or written, refused values are shown with their invisible
characters escaped (safe_text.visible) and as text, never markup. The page runs only on a loopback server."""

import datetime as dt
import ipaddress
import logging
from pathlib import Path

import streamlit as st

from cityiso.app import ui
from cityiso.app.review_keys import review_keys
from cityiso.draft.merge import merge_rows
from cityiso.draft.queue import (
    REFUSED,
    REVIEWED,
    SAVED,
    UPLOAD_TYPES,
    WAITING,
    Document,
    Queue,
    names_taken,
    read_document,
    texts_in_data,
)
from cityiso.draft.reasons import in_language
from cityiso.draft.save import (
    MAX_NAME_CHARS,
    MAX_TEXT_BYTES,
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


def _pasted_input(lang: str, pasted: str, name: str, url: str, published: str):
    """The pasted text's address, publication date and the problems of the page's fields (each a message)."""
    problems = []
    if len(pasted.encode("utf-8")) > MAX_TEXT_BYTES:
        problems.append(t("review.too_big", lang, max=MAX_TEXT_BYTES // 1000))
    elif (ch := control_problem(pasted, multiline=True)) is not None:
        problems.append(t("review.control.text", lang, char=md(visible(ch))))
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
    return url.strip() or None, when, problems


def _queue() -> Queue:
    if "queue" not in st.session_state:
        st.session_state["queue"] = Queue()
    return st.session_state["queue"]


def _enqueue(lang: str, data_dir: Path, uploads, pasted: str, name: str, url: str, published: str) -> None:
    """Draft each upload and the pasted text once and queue them; say what was refused and why."""
    queue = _queue()
    in_data = texts_in_data(data_dir)
    taken = names_taken(data_dir, queue)  # two uploads whose names make one slug get two names
    documents: list[Document] = []
    for upload in uploads or []:
        documents.append(
            read_document(upload.name, upload.getvalue(), data_dir, lang, in_data, upload=True, taken=taken)
        )
    if pasted.strip() or not uploads:
        address, when, problems = _pasted_input(lang, pasted, name, url, published)
        for problem in problems:
            st.error(problem)
        if problems:
            return
        if not pasted.strip():
            st.info(t("queue.nothing", lang))
            return
        documents.append(
            read_document(name, pasted.encode("utf-8"), data_dir, lang, in_data, url=address, published=when)
        )
    for document in documents:
        queued, new = queue.add(document)
        if not new:
            st.info(t("queue.already_queued", lang, name=code(queued.name)))
        elif queued.status == REFUSED:
            st.error(f"{code(queued.name)}: {queued.reason}")


def _status(doc: Document, data_dir: Path, lang: str) -> str:
    if doc.status == WAITING:
        return t("queue.status.waiting", lang, decided=doc.decided(data_dir), rows=len(doc.rows(data_dir)))
    if doc.status == REFUSED:
        return t("queue.status.refused", lang, reason=doc.reason)
    return t(f"queue.status.{doc.status}", lang)


def _decision_key(table: str, i: int) -> str:
    return f"decision-{table}-{i}"


def _edit_key(table: str, i: int, column: str) -> str:
    return f"edit-{table}-{i}-{column}"


def _on_decision(data_dir: Path, table: str, i: int, position: int) -> None:
    """A row's radio changed: the queue keeps the decision, and the row becomes the current one."""
    queue = _queue()
    choice = st.session_state.get(_decision_key(table, i))
    queue.row = position
    if choice is not None:
        queue.decide(choice, data_dir, row=(table, i), advance=False)


def _on_edit(table: str, i: int, column: str) -> None:
    doc = _queue().doc()
    if doc is not None:
        doc.edits[(table, i, column)] = st.session_state.get(_edit_key(table, i, column), "")


def _toolbar(lang: str, data_dir: Path, doc: Document) -> None:
    """The buttons the keys click (review_keys.KEYS), labelled with their keys."""
    queue = _queue()
    rows = doc.rows(data_dir)
    here = rows[min(queue.row, len(rows) - 1)] if rows else None
    open_doc = doc.status in (WAITING, REVIEWED) and here is not None
    can_merge = open_doc and here in doc.matches(data_dir)
    buttons = [
        ("kb_prev_doc", "queue.prev_doc", lambda: queue.move_document(-1), True),
        ("kb_next_doc", "queue.next_doc", lambda: queue.move_document(1), True),
        ("kb_prev_row", "queue.prev_row", lambda: queue.move_row(-1, data_dir), bool(rows)),
        ("kb_next_row", "queue.next_row", lambda: queue.move_row(1, data_dir), bool(rows)),
        ("kb_accept", "queue.accept", lambda: queue.decide("accept", data_dir), open_doc),
        ("kb_reject", "queue.reject", lambda: queue.decide("reject", data_dir), open_doc),
        ("kb_merge", "queue.merge", lambda: queue.decide("merge", data_dir), can_merge),
        ("kb_edit", "queue.edit", lambda: queue.decide("edit", data_dir, advance=False), open_doc),
        ("kb_accept_rest", "queue.accept_rest", lambda: queue.decide_rest("accept", data_dir), open_doc),
    ]
    for line in (buttons[:4], buttons[4:]):  # moving, then deciding
        for column, (key, label, action, enabled) in zip(st.columns(5), line, strict=False):
            with column:
                st.button(t(label, lang), key=key, on_click=action, disabled=not enabled, width="stretch")


def _overview(lang: str, data_dir: Path) -> None:
    queue = _queue()
    st.subheader(t("queue.title", lang))
    done, total = queue.progress()
    counts = queue.counts()
    st.markdown(
        f"**{t('queue.progress', lang, done=done, total=total, saved=counts[SAVED], refused=counts[REFUSED])}**"
    )
    lines = []
    for n, doc in enumerate(queue.documents.values(), start=1):
        marker = "▶" if doc.key == queue.current else "·"
        lines.append(f"{marker} {n}\\. {code(doc.name)} — {_status(doc, data_dir, lang)}")
    st.markdown("  \n".join(lines))
    st.caption(t("queue.keys", lang))


def _row(lang: str, data_dir: Path, doc: Document, table: str, i: int, cells: dict, position: int, match) -> None:
    queue = _queue()
    current = position == queue.row
    editable = doc.status in (WAITING, REVIEWED)
    columns = {c: t(f"review.col.{c}", lang) for c in ("column", "value", "confidence", "reason")}
    with st.container(border=True, key="cursor-row" if current else f"row-{table}-{i}"):
        if current:
            st.caption(t("queue.current_row", lang))
        choice = doc.decisions.get((table, i))
        options = [*DECISIONS, "merge"] if match is not None or choice == "merge" else list(DECISIONS)
        key = _decision_key(table, i)
        st.session_state[key] = choice  # the queue decides what the radio shows (keys change it too)
        st.radio(
            t("review.row", lang, table=md(table), n=i + 1),
            options,
            index=None,
            format_func=lambda c: t(f"review.decision.{c}", lang),
            key=key,
            horizontal=True,
            disabled=not editable,
            on_change=_on_decision,
            args=(data_dir, table, i, position),
        )
        if match is not None:
            st.info(t("queue.matches", lang, id=code(match.record_id), why=md(match.reason(lang))))
        facts = [
            {
                columns["column"]: c,
                columns["value"]: str(v.value),
                columns["confidence"]: v.confidence,
                columns["reason"]: in_language(v.reason, lang, data_dir),
            }
            for c, v in doc.draft.tables[table][i].items()
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
        if choice == "edit":
            for column in cells:
                edit_key = _edit_key(table, i, column)
                st.session_state[edit_key] = doc.edits.get((table, i, column), cells[column])
                st.text_input(md(column), key=edit_key, on_change=_on_edit, args=(table, i, column))
        written = doc.written
        if written:
            for problem in written.for_row(table, i):
                st.error(t("draft.build_problem", lang, problem=md(str(problem))))


def _save(lang: str, data_dir: Path, doc: Document) -> None:
    """Write the current document's accepted and merged rows through the validated save."""
    queue = _queue()
    if doc.status == SAVED:
        st.info(t("queue.saved_already", lang))
        return
    cells = doc.cells(data_dir)
    for (table, i), choice in doc.decisions.items():  # what the edit fields hold now, even before one was left
        for column in cells[table][i] if choice == "edit" else ():
            if (key := _edit_key(table, i, column)) in st.session_state:
                doc.edits[(table, i, column)] = st.session_state[key]
    undecided = len(doc.rows(data_dir)) - doc.decided(data_dir)
    if undecided:
        st.error(t("queue.undecided", lang, n=undecided))
        return
    if doc.key in (in_data := texts_in_data(data_dir)):  # saved meanwhile, from another session or server
        file, source = in_data[doc.key]
        doc.status, doc.reason = REFUSED, t("queue.in_data", lang, file=md(file), source=md(source or "?"))
        st.error(f"{code(doc.name)}: {doc.reason}")
        return
    rows, merges = doc.accepted(data_dir)
    gone = [(tb, i) for (tb, i), choice in doc.decisions.items() if choice == "merge" and (tb, i) not in merges]
    if gone:
        table, i = gone[0]
        doc.decisions.pop((table, i))
        doc.update_status(data_dir)
        st.error(t("queue.merge_gone", lang, table=md(table), n=i + 1))
        return
    if not rows:
        st.error(t("queue.nothing_accepted", lang))
        return
    rows = merge_rows(rows, merges, data_dir, doc.draft.source_id)
    refused = input_problem(doc.text, doc.name, rows, lang)
    if refused is not None:
        st.error(md(refused))
        return
    try:
        result = write_accepted(data_dir, doc.text, doc.name, rows, served_db_path(), lang)
    except Exception:
        log.exception("the curator's save failed")
        st.error(t("review.write_error", lang))
        return
    doc.written = result
    if not result.problems:
        doc.status = SAVED
        st.session_state["flash"] = f"{code(doc.name)}: {t('review.written', lang)}"
        queue.next_open()
    st.rerun()


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

    uploads = st.file_uploader(
        t("queue.upload", lang), type=list(UPLOAD_TYPES), key="upload", accept_multiple_files=True
    )
    pasted = st.text_area(t("review.paste", lang), key="pasted", height=120)
    left, middle, right = st.columns(3)
    with left:
        name = st.text_input(t("review.file_name", lang), key="file_name", value="draft.txt")
    with middle:
        url = st.text_input(t("review.url", lang), key="url")
    with right:
        published = st.text_input(t("review.published", lang), key="published")
    if st.button(t("queue.draft", lang), key="draft", type="primary"):
        _enqueue(lang, data_dir, uploads, pasted, name, url, published)

    queue = _queue()
    if not queue.documents:
        st.stop()
    _overview(lang, data_dir)
    doc = queue.doc()
    if doc is None:
        st.stop()
    st.html(f"<style>{ui.asset('review.css')}</style>")  # constant: no data in it
    with st.container(key="review_keys"):
        review_keys()
    rows = doc.rows(data_dir)
    queue.row = min(queue.row, max(len(rows) - 1, 0))
    keys = list(queue.documents)
    st.subheader(
        t("queue.document", lang, n=keys.index(doc.key) + 1, total=len(keys), name=code(doc.name)), anchor=False
    )
    st.caption(_status(doc, data_dir, lang))
    if flash := st.session_state.pop("flash", None):
        st.success(flash)
    _toolbar(lang, data_dir, doc)

    saving = st.button(
        f"{t('review.write', lang)} (s)", key="write", type="primary", disabled=doc.status not in (WAITING, REVIEWED)
    )
    if saving:
        _save(lang, data_dir, doc)
    written = doc.written
    if written and written.problems:
        st.error(t("review.failed", lang, n=len(written.problems)))
        for problem in written.unplaced():
            st.error(t("draft.build_problem", lang, problem=md(str(problem))))

    st.subheader(t("review.text_marked", lang), anchor=False)
    st.html(highlight_html(doc.text, doc.draft, lang))
    matches = doc.matches(data_dir) if doc.status in (WAITING, REVIEWED) else {}
    position = 0
    for table, table_rows in doc.cells(data_dir).items():
        st.subheader(md(table), anchor=False)
        for i, cells in enumerate(table_rows):
            _row(lang, data_dir, doc, table, i, cells, position, matches.get((table, i)))
            position += 1
