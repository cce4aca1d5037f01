"""The Streamlit side: page helpers, URL state and the launcher; pages only lay out views through these."""
