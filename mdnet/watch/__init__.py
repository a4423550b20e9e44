"""``mdnet watch``: a front end that follows file events and keeps the summary current."""
