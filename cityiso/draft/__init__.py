"""Draft register rows from a saved press release or web page; a curator reviews them (see README)."""
