"""Screenshot of the review page (docs/review.png): python scripts/review_screenshot.py DRAFT.json OUT.png

Serves a copy of the draft on a free port, opens it in headless chromium (Debian's chromium and
chromedriver) and saves the visible window.
"""
from __future__ import annotations

import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from briefing.review.app import make_server, url_of


def main(draft: str, out: str, width: int = 1200, height: int = 860) -> None:
    """Serve a copy of `draft`, load the page, wait for it to say 已保存, and save the window to `out`."""
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / Path(draft).name
        shutil.copy(draft, copy)
        server = make_server(copy, 0)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        options = webdriver.ChromeOptions()
        options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
        for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--no-first-run", f"--window-size={width},{height}", f"--user-data-dir={folder}/profile"):
            options.add_argument(flag)
        driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"),
                                  options=options)
        try:
            driver.get(url_of(server))
            end = time.monotonic() + 15
            while driver.find_element("id", "status").text != "已保存" and time.monotonic() < end:
                time.sleep(0.1)
            opener = driver.find_elements("css selector", "#editor fieldset.section button.read")
            if opener:  # one article's text open under its item, as a reviewer checks a summary against it
                driver.execute_script("arguments[0].click(); arguments[0].scrollIntoView({block: 'start'});"
                                      "window.scrollBy(0, -120)", opener[0])
            paper = driver.find_element("id", "paper")
            while (paper.get_attribute("data-pending") or not paper.text) and time.monotonic() < end:
                time.sleep(0.1)  # the preview is rendered by the server
            driver.save_screenshot(out)
        finally:
            driver.quit()
            server.shutdown()


if __name__ == "__main__":
    main(*sys.argv[1:3])
