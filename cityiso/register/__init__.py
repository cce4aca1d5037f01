"""Reference registers the drafter and the build use: GUS's TERC (territorial units) and GeoNames (places)."""
