"""Porównanie / Compare: 2 to 4 offices side by side: cycles, clause and theme profiles, what sets each apart."""

import streamlit as st

from cityiso.app import ui
from cityiso.figures.praise import by_clause_bars, by_theme_bars
from cityiso.figures.timeline import certification_timeline
from cityiso.labels import localized, t
from cityiso.queries import findings_filters
from cityiso.safe_text import md
from cityiso.views.compare import themes_only_in
from cityiso.views.tables import certificates_table

lang = ui.lang()
st.title(t("compare.title", lang))
family = ui.family_input()
overview = ui.data_or_stop("offices_overview", family=family)
with_findings = overview.query("count_praised > 0")["office_id"].tolist()[:4]
offices = ui.offices_filter(t("compare.pick", lang), low=2, high=4, default=with_findings)
if len(offices) < 2:
    st.info(t("compare.pick", lang))
    st.stop()

source = ui.source_line()
names = ui.office_names()
spans = ui.data_or_stop("certificate_spans", offices=offices, family=family)
events = ui.data_or_stop("events_by_certificate", offices=offices, family=family)
transitions = ui.data_or_stop("edition_transitions", family=family)
ui.chart(certification_timeline(spans, events, transitions, lang, source), "compare_timeline", "compare_cycles")

praise = findings_filters(offices, family=family)
by_clause = ui.data_or_stop("praised_by_clause", **praise)
by_theme = ui.data_or_stop("praised_by_theme", **praise)
left, right = st.columns(2)
with left:
    ui.chart(
        by_clause_bars(by_clause, lang, "share", t("compare.clauses", lang), source),
        "cmp_clause",
        "compare_clause_profile",
    )
with right:
    ui.chart(
        by_theme_bars(by_theme, lang, "share", t("compare.themes", lang), source), "cmp_theme", "compare_theme_profile"
    )

st.subheader(t("compare.bodies", lang))
st.dataframe(certificates_table(spans, lang).iloc[:, :6], hide_index=True)

st.subheader(t("compare.only_in", lang))
columns = st.columns(len(offices))
label = localized("theme", lang)
for column, office_id in zip(columns, offices, strict=True):
    others = ", ".join(md(names[o]) for o in offices if o != office_id)
    with column:
        st.markdown(f"**{t('compare.only_in_one', lang, a=md(names[office_id]), others=others)}**")
        unique = themes_only_in(by_theme, office_id)
        if unique.empty:
            st.caption(t("compare.nothing_unique", lang))
        for row in unique.itertuples():
            st.markdown(f"- {md(getattr(row, label))} ({row.count_findings})")
