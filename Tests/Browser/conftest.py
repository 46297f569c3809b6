"""The browser for the report tests: Debian's chromium, never a downloaded build."""

import os
import shutil
from pathlib import Path

import pytest

ARTIFACTS = Path(os.environ.get("SCS_BROWSER_ARTIFACTS", ".build/browser-artifacts"))
REPORTS = Path(os.environ.get("SCS_BROWSER_REPORTS", ARTIFACTS / "reports"))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    executable = os.environ.get("SCS_CHROMIUM") or shutil.which("chromium")
    if not executable:
        pytest.fail("no chromium on PATH (scripts/test-browser installs Debian's chromium)")
    # Root in a container has no user namespace for Chromium's sandbox.
    return {**browser_type_launch_args, "executable_path": executable, "args": ["--no-sandbox"]}


@pytest.fixture(scope="session")
def artifacts():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
