"""cityiso: curated evidence on ISO certification of Polish city halls, and the dashboard behind it."""
