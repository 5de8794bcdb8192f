"""Getting packages over HTTP(S): a published folder's ``course.json`` or a ``.zip``.

``http.open_http_source`` is what ``player.core.install.open_source`` calls for http(s)
locations; ``plan`` holds the default quality for the learner's link. The package itself
imports neither, so the install (below ``plan``) can use ``http`` without a cycle.
"""
