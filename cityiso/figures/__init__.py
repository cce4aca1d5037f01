"""Figure functions: DataFrame and language in, Plotly figure out; no Streamlit here."""
