"""Two rules, X101 and X102: an example of an mdnet rule plugin."""
