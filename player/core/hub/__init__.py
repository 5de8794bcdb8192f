"""The workshop hub: one laptop shares its courses and gathers progress over the local network.

- ``pairing``: the short code a trainer reads out, and the bearer token derived from it;
- ``catalog``: the installed courses, in the package form ``install`` reads;
- ``inbox``: statements received from learner laptops, queued exactly once and merged;
- ``server``: the aiohttp application, run in its own thread (beside Qt in the app);
- ``discovery``: DNS-SD (``_course-player._tcp``) announcement and browsing with zeroconf;
- ``learner``: the learner laptop's side (pairing, sending to the hub, never twice);
- ``updates``: the signed app updates the hub offers (``/app/updates``).
"""
