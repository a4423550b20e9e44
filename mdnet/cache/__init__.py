"""The cache in ``<vault>/.mdnet/``: what a run keeps so that the next does only what changed.

``index`` keeps each note's parse result (SQLite), ``parser`` parses only the notes whose
size or time changed (on every core), ``snapshot`` keeps the model as a check left it.
Delete it and nothing changes but speed.
"""
