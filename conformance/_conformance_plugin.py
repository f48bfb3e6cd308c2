"""pytest plugin for conformance/conformance.py: records one outcome per test (and per test file
that fails to collect) and writes them as JSON to $CONFORMANCE_RESULTS when the session
ends. Loaded into the reference's suite with `-p _conformance_plugin`.
"""

from __future__ import annotations

import json
import os
from typing import Any

import pytest

# nodeid -> {"outcome": "passed" | "failed" | "skipped", "detail": str}
_results: dict[str, dict[str, str]] = {}


def _record(nodeid: str, outcome: str, detail: str = "") -> None:
    previous = _results.get(nodeid)
    # A failure in any phase (setup, call, teardown) makes the test failed.
    if previous is not None and previous["outcome"] == "failed":
        return
    if previous is not None and outcome == "passed":
        return
    _results[nodeid] = {"outcome": outcome, "detail": detail}


def pytest_collectreport(report: pytest.CollectReport) -> None:
    if report.failed:
        _record(report.nodeid, "failed", report.longreprtext)


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.failed:
        _record(report.nodeid, "failed", report.longreprtext)
    elif report.skipped:
        _record(report.nodeid, "skipped")
    elif report.when == "call":
        _record(report.nodeid, "passed")


def pytest_sessionfinish(session: pytest.Session) -> None:
    config: Any = session.config
    # Under pytest-xdist the workers' reports reach the controller, which writes the file.
    if hasattr(config, "workerinput"):
        return
    path = os.environ.get("CONFORMANCE_RESULTS")
    if path:
        with open(path, "w", encoding="utf-8") as f:
            json.dump(_results, f, indent=0, sort_keys=True)
