"""Reading notes: the first stage of the pipeline.

``scan`` finds the vault and lists and reads its notes (the only reader of notes);
``parse`` makes each note's text a ``Note``: ``frontmatter`` (YAML, with the line of
every key), ``fields`` (typed values), ``markdown`` and ``line_scanner`` (the blocks that
hold a date or a link). ``files`` is the other edge of the disk: atomic writes, safe
titles.
"""
