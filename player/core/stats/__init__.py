"""``course-player stats``: what a publisher learns from a course's xAPI statements.

Qt-free. Reading (``read``): the xAPI ``GET statements`` API of an LRS, filtered by the course
activity with ``related_activities`` and followed through ``more`` links (bounded, resumable,
credentials only for the configured origin), or progress files carried by USB, read with the
bounded line reader of ``sync.usb``. Aggregation (``aggregate``): one streaming pass with a small
state per learner; every statement is hostile until checked (``safe``). Figures
(``figures``) print as text, as JSON with the stable keys of docs/stats.md, or as one
self-contained HTML file (``html``; charts with the optional ``[reports]`` extra, matplotlib).
"""
