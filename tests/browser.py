"""A real headless Chromium for the tests that look at a page as a reader does: Debian's
`chromium` and `chromium-driver` (`.ci/run` installs them when missing), driven by Selenium
with the system driver, so nothing is downloaded. Tests skip with the reason when absent."""
from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

import pytest

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
DRIVERS = ("chromedriver", "/usr/lib/chromium/chromedriver")


def _found(names) -> str | None:
    for name in names:
        path = shutil.which(name) or (name if os.path.isfile(name) and os.access(name, os.X_OK) else None)
        if path:
            return path
    return None


@contextlib.contextmanager
def chromium(width: int = 1200, height: int = 900):
    """A headless Chromium session (a Selenium WebDriver), closed afterwards."""
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is a dev extra: pip install -e '.[dev]'")
    browser, driver = _found(BROWSERS), _found(DRIVERS)
    if not browser or not driver:
        pytest.skip("Debian's chromium and chromium-driver are not installed (apt-get install chromium "
                    "chromium-driver; .ci/run does it)")
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     f"--window-size={width},{height}", "--hide-scrollbars", "--force-device-scale-factor=1"):
        options.add_argument(argument)
    session = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=driver))
    try:
        yield session
    finally:
        session.quit()


ARTIFACTS = Path(__file__).resolve().parents[1] / "build" / "test-artifacts"


def save_artifact(png: bytes, name: str) -> Path:
    """Keep a screenshot as a test artifact: in COMMUNIQUE_ARTIFACTS (a folder) when set,
    else in build/test-artifacts/ of the checkout (ignored by git)."""
    path = Path(os.environ.get("COMMUNIQUE_ARTIFACTS") or ARTIFACTS) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(png)
    return path
