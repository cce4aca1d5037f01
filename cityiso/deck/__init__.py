"""The council deck: slides built from the shared views, and their PowerPoint and PDF renderings
(`python -m cityiso.deck`)."""
