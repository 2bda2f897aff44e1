"""The site of the shipped catalog in a real browser: headless Chromium through Selenium.

One browser session for the module, on one site built from the shipped catalog. Expected
values come from the catalog's files and exports/, not from the site. Screenshots of the
front page and of a category page go to tests/artifacts/ (ignored by git) for a person to
look at. Needs Debian's ``chromium`` and ``chromium-driver`` (CI installs them with apt).
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from delbib.catalog import model as catalog_mod
from delbib.export import site

from .conftest import CATALOG, EXPORTS, ROOT
from .test_site import _Refs, bib_entries, listed_in_order, ris_records, taxonomy

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
ARTIFACTS = ROOT / "tests" / "artifacts"

pytestmark = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER),
    reason="needs chromium and chromedriver (apt install chromium chromium-driver)",
)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("browser-site") / "site"
    site.write(catalog_mod.load(CATALOG), out)
    return out


@pytest.fixture(scope="module")
def browser():
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--window-size=1200,1500",
    ):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.execute_cdp_cmd(
        "Browser.grantPermissions",
        {"permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]},
    )
    yield driver
    driver.quit()


def open_page(driver, path: Path) -> None:
    driver.get(path.as_uri())
    driver.get_log("browser")  # start each page with an empty log


def errors(driver) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def search(driver, text: str = "", **filters: str) -> list[str]:
    """Type a query and pick filters as a person would; the keys of the results shown."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.select import Select
    from selenium.webdriver.support.ui import WebDriverWait

    box = driver.find_element(By.ID, "q")
    box.clear()
    box.send_keys(text)
    for name in ("category", "year", "venue"):
        Select(driver.find_element(By.ID, f"filter-{name}")).select_by_value(filters.get(name, ""))
    WebDriverWait(driver, 5).until(
        lambda d: d.find_element(By.ID, "search").get_attribute("data-results") is not None
    )
    links = driver.find_elements(By.CSS_SELECTOR, "#results a.result-title")
    return [unquote(a.get_attribute("href").rsplit("#", 1)[1]) for a in links]


def count(driver) -> int:
    from selenium.webdriver.common.by import By

    return int(driver.find_element(By.ID, "search").get_attribute("data-results"))


def resolved(key: str) -> dict:
    path = CATALOG / "resolved" / f"{key}.json"
    return json.loads(path.read_text("utf-8")).get("csl", {}) if path.exists() else {}


def test_front_page_reads_and_is_photographed(browser, built):
    from selenium.webdriver.common.by import By

    open_page(browser, built / "index.html")
    assert browser.find_element(By.ID, "search").is_displayed()  # the script showed the form
    assert browser.find_element(By.CSS_SELECTOR, "svg.chart").is_displayed()
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "site-front.png"))
    assert errors(browser) == []


def test_search_finds_a_paper_by_title_word_author_and_venue(browser, built):
    open_page(browser, built / "index.html")
    papers = listed_in_order()
    families = {}
    for p in papers:
        for person in resolved(p["key"]).get("author", []):
            families.setdefault(person.get("family"), set()).add(p["key"])
    # a paper whose first author's family name no other listed paper has, and a short venue
    paper = next(
        p
        for p in papers
        if (csl := resolved(p["key"])).get("author")
        and len(families[csl["author"][0].get("family")]) == 1
        and csl.get("container-title-short")
    )
    csl = resolved(paper["key"])
    word = max(re.findall(r"[A-Za-z]{5,}", paper["clean_title"]), key=len)
    assert paper["key"] in search(browser, word)
    assert paper["key"] in search(browser, csl["author"][0]["family"])
    venue = csl["container-title-short"]
    found = search(browser, venue)
    assert paper["key"] in found or count(browser) > len(found)  # shown, or past the first page
    assert paper["key"] in search(browser, f"{venue} {word}")
    assert errors(browser) == []


def test_each_filter_narrows_the_results(browser, built):
    open_page(browser, built / "index.html")
    papers = listed_in_order()
    search(browser, "data")
    everything = count(browser)
    assert everything > 0
    cat = taxonomy()[0]
    in_cat = search(browser, "", category="0")
    assert len(in_cat) == min(50, sum(cat["name"] in p["categories"] for p in papers))
    from collections import Counter

    venues = Counter(resolved(p["key"]).get("container-title-short") for p in papers)
    venue = next(v for v, _ in venues.most_common() if v)
    for name, value in (("category", "0"), ("year", "2024"), ("venue", venue)):
        search(browser, "data", **{name: value})
        assert 0 < count(browser) < everything, name
    search(browser, "data", category="0", year="2024")
    both = count(browser)
    search(browser, "data", category="0")
    assert both <= count(browser)
    shown = search(browser, "", year="2025")
    years = {p["key"]: p["year"] for p in papers}
    for key in shown:
        issued = resolved(key).get("issued", {}).get("date-parts", [[years[key]]])[0][0]
        assert issued == 2025, key
    assert errors(browser) == []


def test_copy_puts_the_exported_bibtex_and_ris_on_the_clipboard(browser, built):
    from selenium.webdriver.common.by import By

    slug = taxonomy()[0]["slug"]
    open_page(browser, built / "category" / f"{slug}.html")
    first = next(p for p in listed_in_order() if taxonomy()[0]["name"] in p["categories"])
    entry = browser.find_element(By.ID, first["key"])
    entry.find_element(By.CSS_SELECTOR, "details.cite summary").click()
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "site-category.png"))
    read = (
        "var done = arguments[0]; navigator.clipboard.readText().then(done, e => done('ERR ' + e));"
    )
    for fmt, expected in (
        ("bibtex", bib_entries(EXPORTS / "bibtex" / "all.bib")[first["key"]]),
        ("ris", ris_records(EXPORTS / "ris" / "all.ris")[first["key"]]),
    ):
        entry.find_element(
            By.CSS_SELECTOR, f'button[data-copy="cite-{first["key"]}-{fmt}"]'
        ).click()
        browser.implicitly_wait(0)
        assert browser.execute_async_script(read) == expected, fmt
    assert "copied" in browser.find_element(By.ID, "copy-status").get_attribute("textContent")
    assert errors(browser) == []


def test_keyboard_reaches_search_and_copy(browser, built):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    open_page(browser, built / "index.html")
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    reached = []
    for _ in range(4):
        reached.append(browser.switch_to.active_element.get_attribute("id") or "")
        browser.switch_to.active_element.send_keys(Keys.TAB)
    assert "q" in reached
    open_page(browser, built / "category" / "survey.html")
    summary = browser.find_element(By.CSS_SELECTOR, "details.cite summary")
    browser.execute_script("arguments[0].focus()", summary)
    summary.send_keys(Keys.ENTER)
    browser.switch_to.active_element.send_keys(Keys.TAB)
    assert browser.switch_to.active_element.get_attribute("class") == "copy"


def test_every_internal_link_resolves(browser, built):
    """Every relative href/src of every page, and of search results, names a file that
    exists, and a fragment names an id on the page it points to."""
    pages = [built / "index.html", *sorted((built / "category").glob("*.html"))]
    ids = {}
    refs = {}
    for page in pages:
        parsed = _Refs()
        parsed.feed(page.read_text("utf-8"))
        ids[page.resolve()] = set(parsed.ids)
        refs[page] = parsed.refs
    open_page(browser, built / "index.html")
    search(browser, "data")
    refs[built / "index.html"] = refs[built / "index.html"] + [
        a.get_attribute("href") for a in browser.find_elements("css selector", "#results a")
    ]
    checked = 0
    for page, links in refs.items():
        for link in links:
            parts = urlsplit(link)
            if parts.scheme in ("http", "https", "data", "mailto"):
                continue
            target = (
                Path(unquote(parts.path))
                if parts.scheme == "file"
                else page.parent / unquote(parts.path)
            )
            target = target.resolve() if parts.path else page
            assert target.is_file(), (page.name, link)
            if parts.fragment:
                assert unquote(parts.fragment) in ids.get(target, set()), (page.name, link)
            checked += 1
    assert checked > 100


def test_site_bench_runs_at_a_small_size(tmp_path):
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "site_bench.py"), "--papers", "150", "--loads", "2"]
        + ["--keep", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "site of 150 papers" in done.stdout and "console errors: 0" in done.stdout
    assert "bar (load < 1000 ms, search < 100 ms): met" in done.stdout
    data = (tmp_path / "site" / "assets" / "search-data.js").read_text("utf-8")
    assert data.count('["paper0') == 150  # every synthetic paper is searchable


def test_pages_read_with_javascript_off(browser, built):
    from selenium.webdriver.common.by import By

    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        open_page(browser, built / "index.html")
        assert not browser.find_element(By.ID, "search").is_displayed()
        assert browser.find_element(By.CSS_SELECTOR, "svg.chart").is_displayed()
        open_page(browser, built / "category" / "survey.html")
        first = browser.find_element(By.CSS_SELECTOR, "li.paper")
        first.find_element(By.CSS_SELECTOR, "details.cite summary").click()
        pre = first.find_element(By.CSS_SELECTOR, "pre")
        assert pre.is_displayed() and pre.text.startswith("@")
        assert not first.find_element(By.CSS_SELECTOR, "button.copy").is_displayed()
    finally:
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
