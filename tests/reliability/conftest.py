"""The reliability suite (issue 9): faults injected into real processes, outcomes recorded.

Each test records what it tried with ``harness.record_outcome``; a test that fails or is skipped
is recorded here too, so ``docs/reliability.md`` never hides a fault that was not survived.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.reliability.harness import record_outcome


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    outcome = yield
    report = outcome.get_result()
    area = getattr(item.module, "AREA", item.module.__name__) if item.module else "?"
    if report.failed:
        text = str(call.excinfo.value) if call.excinfo else ""
        message = (text.splitlines() or [call.excinfo.typename if call.excinfo else "?"])[0]
        record_outcome(
            area, item.name, repetitions=0, result=f"FAILED ({report.when}): {message[:200]}"
        )
    elif report.skipped and report.when in ("setup", "call"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else "skipped"
        record_outcome(area, item.name, repetitions=0, result=f"not run: {reason}")
