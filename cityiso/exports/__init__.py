"""Static exports of the deck: images (PNG, SVG), a PowerPoint deck and a PDF handout."""
