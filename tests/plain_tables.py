"""The plain tables an AppTest run shows (cityiso.app.ui.plain_table: escaped HTML through st.html), read back as
frames of the text a visitor sees (every header and cell a str), and their HTML."""

import lxml.html
import pandas as pd

from cityiso.app.ui import is_plain_table


def plain_table_bodies(node) -> list[str]:
    """The HTML of every plain table under `node` (an AppTest, or a block such as an expander), in page order."""
    return [h.proto.body for h in node.get("html") if is_plain_table(h.proto.body)]


def plain_tables(node) -> list[pd.DataFrame]:
    """Every plain table under `node`, in page order, as the text it shows."""
    return [frame for body in plain_table_bodies(node) for frame in tables_in(body)]


def tables_in(body: str) -> list[pd.DataFrame]:
    """The tables of one HTML body, as the text they show."""
    frames = []
    for table in lxml.html.fromstring(body).iter("table"):
        head = [th.text_content() for th in table.xpath("./thead/tr/th")]
        rows = [[td.text_content() for td in tr.xpath("./td")] for tr in table.xpath("./tbody/tr")]
        frames.append(pd.DataFrame(rows, columns=head, dtype=object))
    return frames
