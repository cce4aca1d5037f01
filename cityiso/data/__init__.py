"""The curated format (declared in data/datapackage.json), its validation and the build of the database."""
