"""The model: notes become a network (the second stage of the pipeline).

``builder`` makes the ``vault`` from the notes and keeps it up to date as they change,
resolving ``links``; a ``contact`` has a timeline of interactions, a ``commitment`` is a
circle or an event. What rules and the summary read of it is worked out once, in one
place each: ``health`` (where a relationship stands), ``giveback`` (what was received
and promised), ``budget`` (what circles and events cost), ``identity`` (who a contact is).
"""
