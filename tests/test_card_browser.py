"""The dashboard card in a real browser, against a real Home Assistant.

The module starts Home Assistant once (`hass -c <tmp>`: 15 to 45 s, about 80 s in a fresh
environment, where it first installs the frontend and other requirements from PyPI), creates
the owner through the onboarding API, adds Back Relief for two people through the config flow,
and saves a dashboard holding their cards. Debian's headless Chromium, driven by Playwright,
opens it logged in and presses the card's buttons as a person would; Home Assistant's REST API
says what happened.

Screenshots go to the folder named by BACK_RELIEF_SCREENSHOTS (e.g. docs/images) or else to a
temporary folder; the run prints which. BACK_RELIEF_RENDER_SECONDS sets how long the render
count is watched while a session runs (default 5 s).
"""

from __future__ import annotations

from collections.abc import Generator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
import json
import os
from pathlib import Path
import re
import socket
import subprocess
import sys
import threading
import time
from typing import Any
from urllib.error import HTTPError, URLError
from urllib.parse import urlencode
from urllib.request import Request, urlopen
from zoneinfo import ZoneInfo

import pytest
import pytest_socket

# Heavy: runs once, on the newest target (scripts/test).
pytestmark = [pytest.mark.browser, pytest.mark.heavy]

REPO = Path(__file__).parent.parent
CARD_FILE = REPO / "custom_components" / "back_relief" / "frontend" / "back-relief-card.js"
CHROMIUM = "/usr/bin/chromium"
# Headless, as root, and quiet on a machine with no internet: without the networking
# flags Chromium keeps trying to reach Google's services.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-quic",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
]
START_TIMEOUT = 900  # seconds; a fresh environment installs the frontend on the first start
TIME_ZONE = "Europe/Berlin"
XSS_NAME = "<img src=x onerror=alert(1)>"
TABLET = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
CARD = "back-relief-card"
DASHBOARD = "back-relief"


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations() -> None:
    """Replace conftest's: the browser talks to a Home Assistant of its own, not the test one."""


@pytest.fixture(autouse=True)
def config_dir() -> None:
    """Replace conftest's, which needs the test instance."""


@dataclass
class RealHomeAssistant:
    """A Home Assistant process, its owner's tokens and the Back Relief entries."""

    url: str
    config: Path
    process: subprocess.Popen[bytes]
    tokens: dict[str, Any] = field(default_factory=dict)
    entries: dict[str, str] = field(default_factory=dict)
    # What Robin's generated twelve weeks should show: days met per goal, flare-up days.
    history_met: dict[str, int] = field(default_factory=dict)
    history_flare_ups: int = 0
    dashboard_config: dict[str, Any] = field(default_factory=dict)

    @property
    def client_id(self) -> str:
        """Return the client id: the frontend uses its own origin."""
        return f"{self.url}/"

    def call(
        self, method: str, path: str, payload: dict[str, Any] | None = None, *, form: bool = False
    ) -> Any:
        """Call the HTTP API as the owner (once there is one)."""
        headers = {}
        body = None
        if payload is not None:
            if form:
                body = urlencode(payload).encode()
                headers["Content-Type"] = "application/x-www-form-urlencoded"
            else:
                body = json.dumps(payload).encode()
                headers["Content-Type"] = "application/json"
        if "access_token" in self.tokens:
            headers["Authorization"] = f"Bearer {self.tokens['access_token']}"
        request = Request(f"{self.url}{path}", data=body, headers=headers, method=method)  # noqa: S310
        try:
            with urlopen(request, timeout=60) as response:  # noqa: S310  # our own instance
                text = response.read().decode()
        except HTTPError as err:
            raise AssertionError(f"{method} {path}: {err.code} {err.read().decode()}") from err
        return json.loads(text) if text else None

    def state(self, entity_id: str) -> dict[str, Any]:
        """Return an entity's state object."""
        return dict(self.call("GET", f"/api/states/{entity_id}"))

    def action(self, service: str, **data: Any) -> None:
        """Call a Back Relief action."""
        self.call("POST", f"/api/services/back_relief/{service}", data)

    def wait_for(self, entity_id: str, predicate: Any, timeout: float = 15) -> dict[str, Any]:
        """Wait until an entity's state object satisfies the predicate."""
        deadline = time.monotonic() + timeout
        while True:
            state = self.state(entity_id)
            if predicate(state):
                return state
            if time.monotonic() > deadline:
                raise AssertionError(f"{entity_id} stayed {state}")
            time.sleep(0.2)

    def log_tail(self) -> str:
        """Return the end of Home Assistant's output, for a failure message."""
        log = self.config / "output.log"
        return log.read_text(errors="replace")[-4000:] if log.exists() else ""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _write_config(config: Path, port: int) -> None:
    """Write a minimal instance: what the dashboard needs, and Back Relief."""
    (config / "configuration.yaml").write_text(
        f"""homeassistant:
  name: Back Relief card test
  latitude: 52.52
  longitude: 13.40
  elevation: 0
  unit_system: metric
  time_zone: {TIME_ZONE}
  country: DE
  currency: EUR
  language: en
http:
  server_host: 127.0.0.1
  server_port: {port}
logger:
  default: warning
# The frontend's list of actions imports the base components (camera, assist_satellite
# and others); these two make Home Assistant install what they need to import.
assist_pipeline:
camera:
config:
frontend:
person:
""",
        encoding="utf-8",
    )
    storage = config / ".storage"
    storage.mkdir()
    # The owner is created through the onboarding API; the other steps are marked done
    # so that no online service (weather, analytics) is set up.
    (storage / "onboarding").write_text(
        json.dumps(
            {
                "version": 4,
                "minor_version": 1,
                "key": "onboarding",
                "data": {"done": ["core_config", "analytics", "integration"]},
            }
        ),
        encoding="utf-8",
    )
    # The same HTTP settings as stored ones: Home Assistant 2026.10 and later take the
    # YAML as a trial otherwise, and ask in the browser to confirm it.
    (storage / "http").write_text(
        json.dumps(
            {
                "version": 1,
                "minor_version": 1,
                "key": "http",
                "data": {"server_host": ["127.0.0.1"], "server_port": port},
            }
        ),
        encoding="utf-8",
    )
    (config / "custom_components").mkdir()
    (config / "custom_components" / "back_relief").symlink_to(
        REPO / "custom_components" / "back_relief", target_is_directory=True
    )


def _wait_until_up(ha: RealHomeAssistant) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if ha.process.poll() is not None:
            pytest.fail(f"Home Assistant stopped while starting:\n{ha.log_tail()}")
        try:
            ha.call("GET", "/api/onboarding")
        except URLError, ConnectionError, TimeoutError, AssertionError:
            time.sleep(1)
            continue
        return
    pytest.fail(f"Home Assistant did not answer within {START_TIMEOUT} s:\n{ha.log_tail()}")


def _wait_until_running(ha: RealHomeAssistant) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while (state := ha.call("GET", "/api/config")["state"]) != "RUNNING":
        if time.monotonic() > deadline or ha.process.poll() is not None:
            pytest.fail(f"Home Assistant stayed {state}:\n{ha.log_tail()}")
        time.sleep(1)


def _add_person(ha: RealHomeAssistant, name: str) -> str:
    """Add Back Relief for a person through the config flow; return the entry id."""
    flow = ha.call("POST", "/api/config/config_entries/flow", {"handler": "back_relief"})
    result = ha.call("POST", f"/api/config/config_entries/flow/{flow['flow_id']}", {"name": name})
    assert result["type"] == "create_entry", result
    return str(result["result"]["entry_id"])


@pytest.fixture(scope="module")
def home_assistant(tmp_path_factory: pytest.TempPathFactory) -> Generator[RealHomeAssistant]:
    """Start a real Home Assistant with Back Relief for Alex and for a hostile name."""
    # The test plugin blocks sockets per test; this module talks to its own server.
    pytest_socket.enable_socket()
    config = tmp_path_factory.mktemp("home-assistant")
    port = _free_port()
    _write_config(config, port)
    hass_bin = Path(sys.executable).parent / "hass"
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    with (config / "output.log").open("wb") as output:
        process = subprocess.Popen(  # noqa: S603  # our own venv's hass
            [str(hass_bin), "--config", str(config)],
            stdout=output,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env=env,
        )
    ha = RealHomeAssistant(url=f"http://127.0.0.1:{port}", config=config, process=process)
    try:
        started = time.monotonic()
        _wait_until_up(ha)
        print(f"Home Assistant answered after {time.monotonic() - started:.0f} s")  # noqa: T201
        owner = ha.call(
            "POST",
            "/api/onboarding/users",
            {
                "client_id": ha.client_id,
                "name": "Owner",
                "username": "owner",
                "password": "a-test-password",
                "language": "en",
            },
        )
        ha.tokens = ha.call(
            "POST",
            "/auth/token",
            {
                "grant_type": "authorization_code",
                "code": owner["auth_code"],
                "client_id": ha.client_id,
            },
            form=True,
        )
        # The HTTP API answers while integrations still install their requirements;
        # the frontend caches what it reads first, so wait for the start to finish.
        _wait_until_running(ha)
        print(f"Home Assistant was running after {time.monotonic() - started:.0f} s")  # noqa: T201
        ha.entries["alex"] = _add_person(ha, "Alex")
        ha.entries["xss"] = _add_person(ha, XSS_NAME)
        ha.entries["robin"] = _add_person(ha, "Robin")
        # Kim is added today and has done nothing yet: the first day of the first weeks.
        ha.entries["kim"] = _add_person(ha, "Kim")
        # Some of today's routine, so the card has progress and a streak to show.
        alex = {"config_entry_id": ha.entries["alex"]}
        ha.action("log_activity", activity="exercise", minutes=12, **alex)
        ha.action("log_activity", activity="rest", minutes=15, **alex)
        ha.action("log_activity", activity="inversion", minutes=5, **alex)
        ha.action("log_pain", level=3, **alex)
        yield ha
    finally:
        process.terminate()
        try:
            process.wait(60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def _chromium() -> Iterator[Any]:
    """Debian's Chromium, headless, driven by Playwright (which downloads no browser).

    Opened per test, not per module: Playwright's synchronous API keeps an event loop
    running, and the test plugin's fixtures need to run their own between tests.
    """
    from playwright.sync_api import sync_playwright  # noqa: PLC0415

    assert Path(CHROMIUM).exists(), "Chromium is missing: apt-get install chromium"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()
    # Playwright's event loop shuts its worker threads down without waiting for them;
    # the test plugin fails a test that leaves a thread behind, so wait for them here.
    for thread in threading.enumerate():
        if thread.name.startswith("asyncio_"):
            thread.join(timeout=10)


@pytest.fixture
def browser(home_assistant: RealHomeAssistant, socket_enabled: None) -> Generator[Any]:
    """Return a fresh headless Chromium for one test, which may talk to Home Assistant."""
    with _chromium() as chromium:
        yield chromium


@contextmanager
def _page(
    browser: Any,
    ha: RealHomeAssistant,
    path: str,
    *,
    viewport: dict[str, int] = TABLET,
    dark: bool = False,
    language: str = "en",
) -> Iterator[Any]:
    """Open a dashboard logged in as the owner, in light or dark mode, in a language."""
    context = browser.new_context(
        viewport=viewport,
        color_scheme="dark" if dark else "light",
        timezone_id=TIME_ZONE,
        locale="en-GB" if language == "en" else language,
    )
    # The frontend keeps its tokens in localStorage; with them it opens logged in.
    tokens = {
        **ha.tokens,
        "hassUrl": ha.url,
        "clientId": ha.client_id,
        "expires": int(time.time() * 1000) + int(ha.tokens["expires_in"]) * 1000,
    }
    context.add_init_script(
        f"localStorage.setItem('hassTokens', {json.dumps(json.dumps(tokens))});"
        f"localStorage.setItem('selectedLanguage', {json.dumps(json.dumps(language))});"
    )
    page = context.new_page()
    page.dialogs = []  # alerts, confirms: none may open
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    try:
        page.goto(f"{ha.url}{path}")
        yield page
    finally:
        context.close()


@pytest.fixture(scope="module")
def dashboard(home_assistant: RealHomeAssistant) -> RealHomeAssistant:
    """Add a dashboard: Alex's card in a panel view, the other person's in a sections view."""
    ha = home_assistant
    config = {
        "title": "Back Relief",
        "views": [
            {
                "title": "Alex",
                "path": "alex",
                "type": "panel",
                "cards": [{"type": f"custom:{CARD}", "config_entry_id": ha.entries["alex"]}],
            },
            {
                "title": "Robin",
                "path": "robin",
                "type": "panel",
                "cards": [{"type": f"custom:{CARD}", "config_entry_id": ha.entries["robin"]}],
            },
            {
                "title": "Kim",
                "path": "kim",
                "type": "panel",
                "cards": [{"type": f"custom:{CARD}", "config_entry_id": ha.entries["kim"]}],
            },
            {
                "title": "Sections",
                "path": "sections",
                "type": "sections",
                "sections": [
                    {
                        "type": "grid",
                        "cards": [{"type": f"custom:{CARD}", "config_entry_id": ha.entries["xss"]}],
                    }
                ],
            },
        ],
    }
    ha.dashboard_config = config
    with _chromium() as browser, _page(browser, ha, "/profile") as page:
        page.wait_for_function("window.hassConnection !== undefined")
        page.evaluate(
            """async ([urlPath, config]) => {
                const { conn } = await window.hassConnection;
                await conn.sendMessagePromise({
                    type: "lovelace/dashboards/create",
                    url_path: urlPath,
                    title: "Back Relief",
                    icon: "mdi:human-handsdown",
                    show_in_sidebar: true,
                    require_admin: false,
                    mode: "storage",
                });
                await conn.sendMessagePromise({
                    type: "lovelace/config/save", url_path: urlPath, config,
                });
            }""",
            [DASHBOARD, config],
        )
        _give_robin_twelve_weeks(ha, page)
    return ha


def _twelve_weeks(today: date) -> dict[str, Any]:
    """Return 84 days of Robin's routine as Back Relief stores it: varied, with flare-ups."""
    berlin = ZoneInfo(TIME_ZONE)
    days: dict[str, Any] = {}
    for back in range(84):
        day = today - timedelta(days=back)
        exercise = 10 if back % 3 == 0 else 25
        minutes = {"exercise": exercise, "rest": 15 if back % 2 == 0 else 5}
        if back % 4 < 2:
            minutes["inversion"] = 15
        log: dict[str, Any] = {"minutes": minutes}
        if back % 6 != 5:  # some days without a pain level
            level = (6 if exercise < 20 else 3) + back % 2
            logged = datetime(day.year, day.month, day.day, 9, tzinfo=berlin)
            log["pain"] = [[logged.isoformat(), level, None]]
        if back in (9, 10, 40):
            log["flare_up"] = True
        days[day.isoformat()] = log
    return days


def _give_robin_twelve_weeks(ha: RealHomeAssistant, page: Any) -> None:
    """Write twelve weeks of history into Robin's storage while the entry is disabled.

    Activity can be logged at most 60 days back and pain only for now, so the history
    is a storage fixture: the entry is unloaded (which writes its file), the file is
    replaced, and the entry is loaded again from it.
    """
    entry_id = ha.entries["robin"]
    today = datetime.now(ZoneInfo(TIME_ZONE)).date()
    history = _twelve_weeks(today)
    disable = """async ([entryId, disabledBy]) => {
        const { conn } = await window.hassConnection;
        await conn.sendMessagePromise({
            type: "config_entries/disable", entry_id: entryId, disabled_by: disabledBy,
        });
    }"""
    page.evaluate(disable, [entry_id, "user"])
    (ha.config / ".storage" / f"back_relief.{entry_id}").write_text(
        json.dumps(
            {
                "version": 1,
                "minor_version": 1,
                "key": f"back_relief.{entry_id}",
                "data": {"history": history, "session": None},
            }
        ),
        encoding="utf-8",
    )
    page.evaluate(disable, [entry_id, None])
    ha.wait_for("sensor.robin_rest_streak", lambda state: state["state"] != "unavailable")
    # The calendar shows twelve weeks from Monday, up to today.
    first = today - timedelta(days=today.weekday()) - timedelta(weeks=11)
    shown = [log for day, log in history.items() if date.fromisoformat(day) >= first]
    goals = {"exercise": 20, "rest": 15, "inversion": 15}
    ha.history_met = {
        goal: sum(1 for log in shown if log["minutes"].get(goal, 0) >= minutes)
        for goal, minutes in goals.items()
    }
    ha.history_flare_ups = sum(1 for log in shown if log.get("flare_up"))


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return where screenshots go: BACK_RELIEF_SCREENSHOTS, else a temporary folder."""
    if folder := os.environ.get("BACK_RELIEF_SCREENSHOTS"):
        path = (REPO / folder).resolve()
        path.mkdir(parents=True, exist_ok=True)
    else:
        path = tmp_path_factory.mktemp("screenshots")
    print(f"screenshots of the card go to {path}")  # noqa: T201
    return path


def _wait_for_card(page: Any, name: str) -> None:
    page.locator(f"{CARD} .name").wait_for(timeout=60_000)
    assert page.locator(f"{CARD} .name").inner_text() == name


def _countdown_seconds(page: Any) -> int:
    text = page.locator(f"{CARD} .countdown").inner_text()
    match = re.fullmatch(r"(?:(\d+):)?(\d+):(\d\d)", text)
    assert match, f"countdown shows {text!r}"
    hours, minutes, seconds = (int(part or 0) for part in match.groups())
    return hours * 3600 + minutes * 60 + seconds


def _renders(page: Any) -> int:
    return int(page.evaluate("window.__backReliefRenders ?? 0"))


def _ticks(page: Any) -> int:
    return int(page.evaluate("window.__backReliefTicks ?? 0"))


def _shoot(page: Any, folder: Path, name: str) -> None:
    page.wait_for_timeout(400)  # let the ripple of a press and the fonts settle
    page.screenshot(path=folder / name)


def _shoot_running_session(browser: Any, ha: RealHomeAssistant, screenshots: Path) -> None:
    """Take the README's pictures: a tablet and a phone, in light and dark mode."""
    for viewport, size in ((TABLET, "tablet"), (PHONE, "phone")):
        for dark in (False, True):
            with _page(browser, ha, f"/{DASHBOARD}/alex", viewport=viewport, dark=dark) as page:
                _wait_for_card(page, "Alex")
                page.locator(f"{CARD} .countdown").wait_for()
                _shoot(page, screenshots, f"card-session-{size}-{'dark' if dark else 'light'}.png")


def test_card_is_registered_and_shows_the_person(
    browser: Any, dashboard: RealHomeAssistant, screenshots: Path
) -> None:
    """With no resource added by hand, the dashboard loads the card, versioned, and shows Alex."""
    ha = dashboard
    with _page(browser, ha, f"/{DASHBOARD}/alex") as page:
        _wait_for_card(page, "Alex")
        loaded = page.evaluate(
            "performance.getEntriesByType('resource').map((entry) => entry.name)"
            ".filter((name) => name.includes('back-relief-card.js'))"
        )
        assert len(loaded) == 1, loaded
        assert re.search(r"/back_relief/back-relief-card\.js\?v=[0-9a-f]{12}$", loaded[0]), loaded
        # Today's progress and streaks come from the entities, the start buttons from
        # the duration numbers.
        exercise = page.locator(f"{CARD} .goal[data-goal=exercise]")
        assert re.sub(r"\s+", " ", exercise.locator(".amount").inner_text()) == "12 / 20 min"
        assert "met" in (page.locator(f"{CARD} .goal[data-goal=rest]").get_attribute("class") or "")
        assert "Streak 1 day" in page.locator(f"{CARD} .goal[data-goal=rest] .streak").inner_text()
        starts = page.locator(f"{CARD} button.start")
        # Alex is new to the table: inversion starts at the gentle plan's first length.
        assert [re.sub(r"\s+", " ", text) for text in starts.all_inner_texts()] == [
            "Inversion 2 min",
            "Stretch 15 min",
            "Rest 15 min",
            "Exercise 20 min",
        ]
        assert page.locator(f"{CARD} .level[aria-pressed=true]").inner_text() == "3"
        _shoot(page, screenshots, "card-idle-tablet-light.png")
        assert page.dialogs == []

    with urlopen(loaded[0], timeout=30) as response:  # noqa: S310  # our own instance
        assert response.read() == CARD_FILE.read_bytes()
        assert "max-age" in response.headers.get("Cache-Control", "")


def test_start_countdown_pause_and_stop(
    browser: Any, dashboard: RealHomeAssistant, screenshots: Path
) -> None:
    """Start begins a session in Home Assistant, the countdown runs, pause holds, stop ends."""
    ha = dashboard
    session = "sensor.alex_session"
    assert ha.state(session)["state"] == "idle"
    with _page(browser, ha, f"/{DASHBOARD}/alex") as page:
        _wait_for_card(page, "Alex")
        page.wait_for_timeout(500)
        renders_before_start = _renders(page)
        page.locator(f"{CARD} button.start[data-activity=inversion]").click()
        running = ha.wait_for(session, lambda state: state["state"] == "inversion")
        assert running["attributes"]["status"] == "running"
        # Alex is new: the gentle plan's first length.
        assert running["attributes"]["planned_minutes"] == 2
        # The session's event says the card started it.
        ha.wait_for(
            "event.alex_session",
            lambda state: (
                state["attributes"].get("event_type") == "started"
                and state["attributes"].get("source") == "card"
            ),
        )

        page.locator(f"{CARD} .countdown").wait_for()
        page.wait_for_timeout(1000)  # every entity's update has reached the browser
        start_renders = _renders(page) - renders_before_start
        first = _countdown_seconds(page)
        assert 1 * 60 <= first <= 2 * 60
        page.wait_for_timeout(2500)
        second = _countdown_seconds(page)
        assert first - 4 <= second <= first - 2, (first, second)

        # While the session runs and nothing else changes, the card never renders:
        # only the countdown's text changes, once a second.
        watch = float(os.environ.get("BACK_RELIEF_RENDER_SECONDS", "5"))
        renders, ticks = _renders(page), _ticks(page)
        page.wait_for_timeout(watch * 1000)
        renders, ticks = _renders(page) - renders, _ticks(page) - ticks
        assert renders == 0
        assert watch - 1 <= ticks <= watch + 1

        _shoot_running_session(browser, ha, screenshots)

        page.locator(f"{CARD} button.pause").click()
        paused = ha.wait_for(session, lambda state: state["attributes"].get("status") == "paused")
        assert paused["attributes"]["paused_at"]
        page.locator(f"{CARD} .badge").wait_for()
        held = _countdown_seconds(page)
        page.wait_for_timeout(1500)
        assert _countdown_seconds(page) == held

        page.locator(f"{CARD} button.resume").click()
        ha.wait_for(session, lambda state: state["attributes"].get("status") == "running")

        page.wait_for_timeout(1000)
        renders_before_stop = _renders(page)
        page.locator(f"{CARD} button.stop").click()
        ha.wait_for(session, lambda state: state["state"] == "idle")
        page.locator(f"{CARD} button.start").first.wait_for()
        page.wait_for_timeout(1000)
        stop_renders = _renders(page) - renders_before_stop
        print(  # noqa: T201  # the figures for the issue note
            f"card renders: {start_renders} for the start, {renders} in {watch:.0f} s of "
            f"countdown ({ticks} text ticks), {stop_renders} for the stop"
        )
        assert page.locator(f"{CARD} .countdown").count() == 0
        assert page.locator(f"{CARD} .error").inner_text() == ""
        assert page.dialogs == []


def test_pain_and_flare_up_from_the_card(browser: Any, dashboard: RealHomeAssistant) -> None:
    """A tap logs the pain level; the flare-up button shows and switches the flare-up state."""
    ha = dashboard
    with _page(browser, ha, f"/{DASHBOARD}/alex") as page:
        _wait_for_card(page, "Alex")
        page.locator(f"{CARD} .level", has_text=re.compile(r"^\s*5\s*$")).click()
        ha.wait_for("sensor.alex_pain_level", lambda state: state["state"] == "5")
        page.locator(f"{CARD} .level[aria-pressed=true]", has_text="5").wait_for()

        flare = page.locator(f"{CARD} button.flare")
        assert flare.get_attribute("aria-pressed") == "false"
        flare.click()
        ha.wait_for("switch.alex_flare_up", lambda state: state["state"] == "on")
        page.locator(f"{CARD} button.flare[aria-pressed=true]").wait_for()
        assert "streaks paused" in flare.inner_text()
        flare.click()
        ha.wait_for("switch.alex_flare_up", lambda state: state["state"] == "off")
        page.locator(f"{CARD} button.flare[aria-pressed=false]").wait_for()
        assert page.dialogs == []


def test_a_name_is_shown_as_text_never_as_html(
    browser: Any, dashboard: RealHomeAssistant, screenshots: Path
) -> None:
    """A person named like an HTML tag is shown as those characters; nothing runs."""
    with _page(browser, dashboard, f"/{DASHBOARD}/sections") as page:
        _wait_for_card(page, XSS_NAME)
        assert page.locator(f"{CARD} img").count() == 0
        page.wait_for_timeout(500)  # an image that failed to load would have fired by now
        assert page.dialogs == []
        _shoot(page, screenshots, "card-sections-tablet-light.png")


def test_the_editor_picks_the_person(browser: Any, dashboard: RealHomeAssistant) -> None:
    """The visual editor is Home Assistant's own form with a config-entry picker."""
    ha = dashboard
    with _page(browser, ha, f"/{DASHBOARD}/alex") as page:
        _wait_for_card(page, "Alex")
        result = page.evaluate(
            """async (alex) => {
                const hass = document.querySelector("home-assistant").hass;
                const card = customElements.get("back-relief-card");
                const editor = card.getConfigElement();
                editor.hass = hass;
                editor.setConfig({ type: "custom:back-relief-card" });
                document.body.append(editor);
                await customElements.whenDefined("ha-form");
                await new Promise((resolve) => setTimeout(resolve, 1000));
                await editor.updateComplete;
                const form = editor.shadowRoot.querySelector("ha-form");
                await form.updateComplete;
                const changed = new Promise((resolve) =>
                    editor.addEventListener("config-changed", (e) => resolve(e.detail.config)));
                form.dispatchEvent(new CustomEvent("value-changed", {
                    detail: { value: { type: "custom:back-relief-card", config_entry_id: alex } },
                }));
                const element = document.createElement("back-relief-card");
                return {
                    schema: form.schema,
                    picker: !!form.shadowRoot.querySelector("ha-selector"),
                    label: form.computeLabel({ name: "config_entry_id" }),
                    config: await changed,
                    stub: card.getStubConfig(hass),
                    grid: element.getGridOptions(),
                };
            }""",
            ha.entries["alex"],
        )
    assert result["schema"] == [
        {"name": "config_entry_id", "selector": {"config_entry": {"integration": "back_relief"}}}
    ]
    assert result["picker"]
    assert result["label"] == "Person"
    assert result["config"] == {
        "type": f"custom:{CARD}",
        "config_entry_id": ha.entries["alex"],
    }
    assert result["stub"]["config_entry_id"] in ha.entries.values()
    assert result["grid"] == {"columns": 12, "rows": "auto", "min_columns": 6, "min_rows": 8}


def _text(page: Any, selector: str) -> str:
    return re.sub(r"\s+", " ", page.locator(f"{CARD} {selector}").inner_text()).strip()


def _seconds(text: str) -> int:
    match = re.fullmatch(r"(?:(\d+):)?(\d+):(\d\d)", text)
    assert match, f"a countdown shows {text!r}"
    hours, minutes, seconds = (int(part or 0) for part in match.groups())
    return hours * 3600 + minutes * 60 + seconds


def _shoot_views(
    browser: Any, ha: RealHomeAssistant, screenshots: Path, view: str, name: str, *, history: bool
) -> None:
    """Take a view's pictures on a tablet and a phone, in light and dark mode."""
    for viewport, size in ((TABLET, "tablet"), (PHONE, "phone")):
        for dark in (False, True):
            with _page(browser, ha, f"/{DASHBOARD}/{view}", viewport=viewport, dark=dark) as page:
                page.locator(f"{CARD} .name").wait_for(timeout=60_000)
                if history:
                    page.locator(f"{CARD} button.tab").click()
                    page.locator(f"{CARD} .chart").wait_for()
                else:
                    page.locator(f"{CARD} .step-countdown").wait_for()
                _shoot(page, screenshots, f"card-{name}-{size}-{'dark' if dark else 'light'}.png")


def _check_the_first_step(page: Any) -> None:
    """Check the first step of the gentle back routine, with its own countdown running."""
    page.locator(f"{CARD} .step-of", has_text="Step 1 of 9").wait_for()
    assert _text(page, ".step-name") == "Before you start"
    assert "feels comfortable" in _text(page, ".cue")
    first = _seconds(_text(page, ".step-countdown"))
    assert 14 <= first <= 20, first
    page.wait_for_timeout(2500)
    second = _seconds(_text(page, ".step-countdown"))
    assert first - 4 <= second <= first - 2, (first, second)
    # The session's own countdown runs beside the step's.
    assert 6 * 60 <= _seconds(_text(page, ".countdown")) <= 7 * 60


def _walk_on(page: Any, ha: RealHomeAssistant, session: str, numbers: range) -> None:
    """Press Next step for each step number, the card following Home Assistant each time."""
    for number in numbers:
        page.locator(f"{CARD} button.next-step").click()
        state = ha.wait_for(
            session, lambda state, number=number: state["attributes"]["step_number"] == number
        )
        page.locator(f"{CARD} .step-of", has_text=f"Step {number} of 9").wait_for()
        name = _text(page, ".step-name")
        side = state["attributes"]["step_side"]
        assert name.startswith(state["attributes"]["step"]), (name, state["attributes"])
        assert (f"{side} side" in name) if side else ("side" not in name), name
        assert _text(page, ".cue") == state["attributes"]["step_cue"]


def test_a_guided_routine_step_by_step(
    browser: Any, dashboard: RealHomeAssistant, screenshots: Path
) -> None:
    """The stretch button starts the chosen routine; the card shows and moves every step."""
    ha = dashboard
    session = "sensor.alex_session"
    ha.call(
        "POST",
        "/api/services/select/select_option",
        {"entity_id": "select.alex_stretch_routine", "option": "gentle_back"},
    )
    exercise_before = int(float(ha.state("sensor.alex_exercise_today")["state"]))
    with _page(browser, ha, f"/{DASHBOARD}/alex") as page:
        _wait_for_card(page, "Alex")
        stretch = page.locator(f"{CARD} button.start[data-activity=stretch]")
        page.wait_for_function("() => document.querySelector('home-assistant').hass !== undefined")
        assert re.sub(r"\s+", " ", stretch.inner_text()).strip() == "Stretch Gentle back"
        page.wait_for_timeout(500)
        renders_before = _renders(page)
        pressed_before = ha.state("button.alex_start_stretch")["state"]
        stretch.click()
        started = time.monotonic()
        running = ha.wait_for(session, lambda state: state["attributes"].get("step_number") == 1)
        # The card pressed the stretch button entity, which started the chosen routine.
        assert ha.state("button.alex_start_stretch")["state"] != pressed_before
        assert running["attributes"]["routine"] == "gentle_back"
        _check_the_first_step(page)

        _shoot_views(browser, ha, screenshots, "alex", "guided", history=False)

        # The first step ends by itself; only the step's change renders the card.
        renders_in_step = _renders(page)
        page.locator(f"{CARD} .step-of", has_text="Step 2 of 9").wait_for(timeout=30_000)
        assert _text(page, ".step-name") == "Knees to chest"
        page.wait_for_timeout(1000)
        renders_in_step = _renders(page) - renders_in_step

        # Repeat starts the step again: it ends later than it would have.
        page.wait_for_timeout(2000)
        ends_before = ha.state(session)["attributes"]["step_ends_at"]
        page.locator(f"{CARD} button.repeat-step").click()
        repeated = ha.wait_for(
            session, lambda state: state["attributes"]["step_ends_at"] > ends_before
        )
        assert repeated["attributes"]["step_number"] == 2
        page.wait_for_timeout(300)
        assert _seconds(_text(page, ".step-countdown")) >= 44

        _walk_on(page, ha, session, range(3, 10))
        # On from the last step, the routine is done and its time is credited.
        page.locator(f"{CARD} button.next-step").click()
        ha.wait_for(session, lambda state: state["state"] == "idle")
        ran = time.monotonic() - started
        page.locator(f"{CARD} button.start").first.wait_for()
        page.wait_for_timeout(1000)
        renders = _renders(page) - renders_before
        exercise_after = int(float(ha.state("sensor.alex_exercise_today")["state"]))
        print(  # noqa: T201  # the figures for the issue note
            f"card renders over a guided routine of 9 steps walked in {ran:.0f} s with 8 "
            f"presses: {renders} ({renders_in_step} when a step ended by itself)"
        )
        if abs(ran % 60 - 30) > 3:  # not too close to a half minute
            assert exercise_after - exercise_before == int((ran + 30) // 60)
        assert renders_in_step <= 2
        assert page.locator(f"{CARD} .error").inner_text() == ""
        assert page.dialogs == []
    ha.call(
        "POST",
        "/api/services/select/select_option",
        {"entity_id": "select.alex_stretch_routine", "option": "timer"},
    )


def test_the_history_view(browser: Any, dashboard: RealHomeAssistant, screenshots: Path) -> None:
    """Twelve weeks of goals, flare-ups and pain against minutes, fetched when the view opens."""
    ha = dashboard
    with _page(browser, ha, f"/{DASHBOARD}/robin") as page:
        _wait_for_card(page, "Robin")
        page.wait_for_timeout(500)
        renders_before = _renders(page)
        page.locator(f"{CARD} button.tab", has_text="History").click()
        page.locator(f"{CARD} .chart").wait_for()
        page.wait_for_timeout(500)
        opening_renders = _renders(page) - renders_before
        assert page.locator(f"{CARD} .calendar").count() == 3
        for goal, met in ha.history_met.items():
            calendar = page.locator(f"{CARD} .calendar[data-goal={goal}]")
            assert calendar.locator(".day.met").count() == met, goal
            assert calendar.locator("figcaption strong").inner_text() == str(met)
            assert calendar.locator(".day.flare-day").count() == ha.history_flare_ups
            assert calendar.locator(".day").count() == 84
        assert 0 < ha.history_met["inversion"] < ha.history_met["exercise"]
        assert page.locator(f"{CARD} .chart g.bar").count() == 56
        assert page.locator(f"{CARD} .chart .pain-line").get_attribute("d")
        href = page.locator(f"{CARD} a.report[data-format=html]").get_attribute("href") or ""
        assert href.startswith(
            f"/api/back_relief/report/{ha.entries['robin']}?days=30&lang=en&authSig="
        ), href
        # Open, the view stays still: nothing renders it while nothing changes.
        settled = _renders(page)
        page.wait_for_timeout(2000)
        assert _renders(page) == settled
        print(f"card renders to open the history view: {opening_renders}")  # noqa: T201
        page.locator(f"{CARD} button.tab", has_text="Today").click()
        page.locator(f"{CARD} .goals").wait_for()
        assert page.dialogs == []
    _shoot_views(browser, ha, screenshots, "robin", "history", history=True)


def _set_languages(ha: RealHomeAssistant, browser: Any, language: str) -> None:
    """Set the house language and the owner's profile language, as a person would."""
    with _page(browser, ha, "/profile") as page:
        page.wait_for_function("window.hassConnection !== undefined")
        page.evaluate(
            """async (language) => {
                const { conn } = await window.hassConnection;
                await conn.sendMessagePromise({ type: "config/core/update", language });
                await conn.sendMessagePromise({
                    type: "frontend/set_user_data",
                    key: "language",
                    value: {
                        language,
                        number_format: "language",
                        time_format: "language",
                        date_format: "language",
                        time_zone: "local",
                        first_weekday: "language",
                    },
                });
            }""",
            language,
        )


def test_the_card_in_german(browser: Any, dashboard: RealHomeAssistant, screenshots: Path) -> None:
    """In German, the card's words, the history and a guided step are all German."""
    ha = dashboard
    robin = {"config_entry_id": ha.entries["robin"]}
    _set_languages(ha, browser, "de")
    try:
        with _page(browser, ha, f"/{DASHBOARD}/robin", language="de") as page:
            _wait_for_card(page, "Robin")
            try:
                page.locator(f"{CARD} .goals .heading", has_text="Heute").wait_for()
            except Exception as err:  # say which language the page ended up in
                language = page.evaluate(
                    "document.querySelector('home-assistant').hass.locale.language"
                )
                heading = _text(page, ".goals .heading")
                raise AssertionError(f"in {language!r} the card says {heading!r}") from err
            assert _text(page, "button.start[data-activity=stretch] .activity") == "Dehnen"
            assert _text(page, ".pain .heading").startswith("Wie geht es deinem Rücken?")
            page.locator(f"{CARD} button.tab", has_text="Verlauf").click()
            page.locator(f"{CARD} .chart").wait_for()
            headings = page.locator(f"{CARD} .history .heading").all_inner_texts()
            assert headings[0].startswith("Die letzten 12 Wochen"), headings
            assert _text(page, "a.report[data-format=html]") == "Bericht öffnen"
            assert _text(page, "a.report[data-format=csv]") == "CSV herunterladen"
            _shoot(page, screenshots, "card-history-tablet-de.png")
            page.locator(f"{CARD} button.tab", has_text="Heute").click()

            ha.action("start_session", activity="stretch", routine="gentle_back", **robin)
            state = ha.wait_for(
                "sensor.robin_session", lambda state: state["attributes"].get("step_number") == 1
            )
            page.locator(f"{CARD} .step-of", has_text="Schritt 1 von 9").wait_for()
            assert _text(page, ".step-name") == state["attributes"]["step"]
            assert _text(page, ".cue") == state["attributes"]["step_cue"]
            assert state["attributes"]["step"] != "Before you start"
            assert _text(page, "button.next-step") == "Nächster Schritt"
            _shoot(page, screenshots, "card-guided-tablet-de.png")
            assert page.dialogs == []
    finally:
        if ha.state("sensor.robin_session")["state"] != "idle":
            ha.action("cancel_session", **robin)
        _set_languages(ha, browser, "en")


def _summary(ha: RealHomeAssistant, person: str, days: int = 7) -> dict[str, Any]:
    """Return get_summary's answer for a person."""
    answer = ha.call(
        "POST",
        "/api/services/back_relief/get_summary?return_response",
        {"config_entry_id": ha.entries[person], "days": days},
    )
    return dict(answer["service_response"])


def _offers(ha: RealHomeAssistant, service: str, field: str | None = None) -> bool:
    """Return whether Home Assistant offers a Back Relief action (and field), as the card reads."""
    domains = {domain["domain"]: domain["services"] for domain in ha.call("GET", "/api/services")}
    description = domains.get("back_relief", {}).get(service)
    return description is not None and (field is None or field in description.get("fields", {}))


def _login_failures(ha: RealHomeAssistant, page: Any) -> list[str]:
    """Return what says a login failed: persistent notifications and http.ban's log lines."""
    notifications = page.evaluate(
        """async () => {
            const { conn } = await window.hassConnection;
            const found = await conn.sendMessagePromise({ type: "persistent_notification/get" });
            return found.map((notification) => notification.title + ": " + notification.message);
        }"""
    )
    log = (ha.config / "output.log").read_text(errors="replace")
    banned = [line for line in log.splitlines() if "http.ban" in line or "Login attempt" in line]
    return [text for text in notifications if "login" in text.casefold()] + banned


def test_a_mis_tapped_pain_level_is_put_right(
    browser: Any, dashboard: RealHomeAssistant, screenshots: Path
) -> None:
    """6 tapped by mistake, then 4: the 4 replaces the 6, and the card says so.

    A server without log_pain's replace (the card meets older ones) keeps both, and the
    card claims no correction.
    """
    ha = dashboard
    pain = "sensor.kim_pain_level"
    if not _offers(ha, "log_pain", "replace"):
        with _page(browser, ha, f"/{DASHBOARD}/kim") as page:
            _wait_for_card(page, "Kim")
            for level in ("6", "4"):
                page.locator(f"{CARD} .level", has_text=re.compile(rf"^\s*{level}\s*$")).click()
                ha.wait_for(pain, lambda state, level=level: state["state"] == level)
            page.wait_for_timeout(500)
            assert _text(page, ".notice") == ""
            assert page.locator(f"{CARD} .error").inner_text() == ""
        assert _summary(ha, "kim")["days"][-1]["pain"] == 5  # 6 and 4, both kept
        return
    with _page(browser, ha, f"/{DASHBOARD}/kim") as page:
        _wait_for_card(page, "Kim")
        page.locator(f"{CARD} .level", has_text=re.compile(r"^\s*6\s*$")).click()
        ha.wait_for(pain, lambda state: state["state"] == "6")
        page.locator(f"{CARD} .level[aria-pressed=true]", has_text="6").wait_for()
        assert _text(page, ".notice") == ""  # nothing to put right: the first level of the day
        page.locator(f"{CARD} .level", has_text=re.compile(r"^\s*4\s*$")).click()
        ha.wait_for(pain, lambda state: state["state"] == "4")
        page.locator(f"{CARD} .notice", has_text="6 changed to 4").wait_for()
        _shoot(page, screenshots, "card-pain-corrected-tablet-light.png")
        assert page.locator(f"{CARD} .error").inner_text() == ""
        assert page.dialogs == []
    # One entry, not two: the day's pain is 4, not the 5.0 of 6 and 4.
    assert _summary(ha, "kim")["days"][-1]["pain"] == 4
    with _page(browser, ha, f"/{DASHBOARD}/kim", viewport=PHONE) as page:
        _wait_for_card(page, "Kim")
        for slip, meant in ((4, 5), (5, 4)):
            page.locator(f"{CARD} .level", has_text=re.compile(rf"^\s*{meant}\s*$")).click()
            ha.wait_for(pain, lambda state, meant=meant: state["state"] == str(meant))
            page.locator(f"{CARD} .notice", has_text=f"{slip} changed to {meant}").wait_for()
        page.locator(f"{CARD} .notice").scroll_into_view_if_needed()
        _shoot(page, screenshots, "card-pain-corrected-phone-light.png")
    assert _summary(ha, "kim")["days"][-1]["pain"] == 4


def test_a_person_added_today(
    browser: Any, dashboard: RealHomeAssistant, screenshots: Path
) -> None:
    """Kim's history is blank before today, and the inversion bar asks the plan's 2 minutes.

    A server that doesn't say a today sensor's met, nor get_summary's first_day, gets the
    card it had: the goal's own minutes, and no tomorrow.
    """
    ha = dashboard
    inversion = ha.state("sensor.kim_inversion_today")["attributes"]
    if "met" not in inversion:
        assert "first_day" not in _summary(ha, "kim")
        with _page(browser, ha, f"/{DASHBOARD}/kim") as page:
            _wait_for_card(page, "Kim")
            amount = _text(page, ".goal[data-goal=inversion] .amount")
            assert amount == f"0 / {inversion['goal']} min"
            assert page.locator(f"{CARD} .goal .tomorrow").count() == 0
            page.locator(f"{CARD} button.tab", has_text="History").click()
            page.locator(f"{CARD} .chart").wait_for()
            assert page.locator(f"{CARD} .day.before").count() == 0
        return
    assert inversion["goal"] == 2
    assert inversion["met"] is False
    with _page(browser, ha, f"/{DASHBOARD}/kim") as page:
        _wait_for_card(page, "Kim")
        assert _text(page, ".goal[data-goal=inversion] .amount") == "0 / 2 min"
        assert _text(page, ".goal[data-goal=inversion] .tomorrow") == (
            f"Tomorrow: {inversion['tomorrow_goal']} min"
        )
        page.locator(f"{CARD} button.tab", has_text="History").click()
        page.locator(f"{CARD} .chart").wait_for()
        for goal in ("exercise", "rest", "inversion"):
            calendar = page.locator(f"{CARD} .calendar[data-goal={goal}]")
            # Only today can be "not met"; every day before Kim was added is blank.
            assert calendar.locator(".day.missed").count() <= 1, goal
            assert calendar.locator(".day.before").count() >= 7 * 11, goal
        _shoot(page, screenshots, "card-first-day-history-tablet-light.png")
        assert page.dialogs == []
    with _page(browser, ha, f"/{DASHBOARD}/kim", viewport=PHONE) as page:
        _wait_for_card(page, "Kim")
        page.locator(f"{CARD} .goal[data-goal=inversion] .tomorrow").scroll_into_view_if_needed()
        _shoot(page, screenshots, "card-first-day-phone-light.png")
        page.locator(f"{CARD} button.tab").click()
        page.locator(f"{CARD} .chart").wait_for()
        _shoot(page, screenshots, "card-first-day-history-phone-light.png")


def test_a_stop_undone_and_five_minutes_more(
    browser: Any, dashboard: RealHomeAssistant, screenshots: Path
) -> None:
    """+5 min lengthens the session; Stop, then Undo, brings it back where it was.

    A server without undo_session gets no Undo button.
    """
    ha = dashboard
    session = "sensor.kim_session"
    with _page(browser, ha, f"/{DASHBOARD}/kim") as page:
        _wait_for_card(page, "Kim")
        page.locator(f"{CARD} button.start[data-activity=rest]").click()
        running = ha.wait_for(session, lambda state: state["state"] == "rest")
        planned = running["attributes"]["planned_minutes"]
        # The session's event says the card started it.
        ha.wait_for(
            "event.kim_session",
            lambda state: (
                state["attributes"].get("event_type") == "started"
                and state["attributes"].get("source") == "card"
            ),
        )
        page.locator(f"{CARD} .countdown").wait_for()
        assert _text(page, "button.extend") == "+5 min"
        page.locator(f"{CARD} button.extend").click()
        longer = ha.wait_for(
            session, lambda state: state["attributes"]["planned_minutes"] == planned + 5
        )
        page.wait_for_timeout(500)
        assert (planned + 4) * 60 <= _countdown_seconds(page) <= (planned + 5) * 60
        _shoot(page, screenshots, "card-extended-tablet-light.png")

        page.locator(f"{CARD} button.stop").click()
        stopped = ha.wait_for(session, lambda state: state["state"] == "idle")
        if not _offers(ha, "undo_session"):
            # A server without undo: the card offers none.
            page.locator(f"{CARD} button.start").first.wait_for()
            assert page.locator(f"{CARD} button.undo").count() == 0
            return
        assert stopped["attributes"]["undo_until"]
        page.locator(f"{CARD} button.undo").wait_for()
        _shoot(page, screenshots, "card-undo-tablet-light.png")
        page.locator(f"{CARD} button.undo").click()
        back = ha.wait_for(session, lambda state: state["state"] == "rest")
        assert ha.state("event.kim_session")["attributes"]["source"] == "card"
        assert back["attributes"]["planned_minutes"] == planned + 5
        assert back["attributes"]["ends_at"] >= longer["attributes"]["ends_at"]
        page.locator(f"{CARD} .countdown").wait_for()
        assert page.locator(f"{CARD} button.undo").count() == 0
        assert page.locator(f"{CARD} .error").inner_text() == ""
        page.locator(f"{CARD} button.stop").click()
        ha.wait_for(session, lambda state: state["state"] == "idle")
        assert page.dialogs == []
    with _page(browser, ha, f"/{DASHBOARD}/kim", viewport=PHONE) as page:
        _wait_for_card(page, "Kim")
        page.locator(f"{CARD} button.undo").wait_for()
        _shoot(page, screenshots, "card-undo-phone-light.png")


def test_the_report_from_the_card(
    browser: Any, dashboard: RealHomeAssistant, screenshots: Path
) -> None:
    """365 days as CSV: a file arrives; 7 days as a page opens; no failed login anywhere."""
    ha = dashboard
    with _page(browser, ha, f"/{DASHBOARD}/robin") as page:
        _wait_for_card(page, "Robin")
        page.locator(f"{CARD} button.tab", has_text="History").click()
        page.locator(f"{CARD} a.report[data-format=csv]").wait_for()
        before = _login_failures(ha, page)
        page.locator(f"{CARD} button.period[data-days='365']").click()
        page.locator(f"{CARD} button.period[data-days='365'][aria-checked=true]").wait_for()
        page.locator(f"{CARD} a.report[data-format=csv]").scroll_into_view_if_needed()
        _shoot(page, screenshots, "card-report-tablet-light.png")
        with page.expect_download() as download_info:
            page.locator(f"{CARD} a.report[data-format=csv]").click()
        download = download_info.value
        assert download.suggested_filename.endswith(".csv"), download.suggested_filename
        rows = Path(download.path()).read_text(encoding="utf-8").splitlines()
        assert len(rows) == 1 + 365
        assert rows[0].startswith("date,")

        page.locator(f"{CARD} button.period[data-days='7']").click()
        with page.context.expect_page() as opened:
            page.locator(f"{CARD} a.report[data-format=html]").click()
        report = opened.value
        report.wait_for_load_state()
        assert report.title() == "Back Relief report for Robin"
        assert ", 7 days" in report.locator("body").inner_text()
        report.close()
        page.wait_for_timeout(1000)
        assert _login_failures(ha, page) == before == []
        assert page.dialogs == []
    with _page(browser, ha, f"/{DASHBOARD}/robin", viewport=PHONE) as page:
        _wait_for_card(page, "Robin")
        page.locator(f"{CARD} button.tab").click()
        page.locator(f"{CARD} a.report[data-format=csv]").scroll_into_view_if_needed()
        _shoot(page, screenshots, "card-report-phone-light.png")


def test_the_report_in_the_readers_language(
    browser: Any, dashboard: RealHomeAssistant, screenshots: Path
) -> None:
    """A German profile in an English house: the card's report is German."""
    ha = dashboard
    with _page(browser, ha, "/profile", language="de") as page:
        page.wait_for_function("window.hassConnection !== undefined")
        page.evaluate(
            """async () => {
                const { conn } = await window.hassConnection;
                await conn.sendMessagePromise({
                    type: "frontend/set_user_data", key: "language",
                    value: { language: "de", number_format: "language", time_format: "language",
                             date_format: "language", time_zone: "local",
                             first_weekday: "language" },
                });
            }"""
        )
    assert ha.call("GET", "/api/config")["language"] == "en"
    try:
        with _page(browser, ha, f"/{DASHBOARD}/robin", language="de") as page:
            _wait_for_card(page, "Robin")
            page.locator(f"{CARD} button.tab", has_text="Verlauf").click()
            link = page.locator(f"{CARD} a.report[data-format=html]")
            link.wait_for()
            assert "lang=de" in (link.get_attribute("href") or "")
            with page.context.expect_page() as opened:
                link.click()
            report = opened.value
            report.wait_for_load_state()
            assert report.title() == "Back-Relief-Bericht für Robin"
            assert report.locator("html").get_attribute("lang") == "de"
            report.screenshot(path=screenshots / "report-de.png")
            report.close()
            assert _login_failures(ha, page) == []
    finally:
        _set_languages(ha, browser, "en")


def test_the_card_picker_suggests_the_card_for_a_persons_entity(
    browser: Any, dashboard: RealHomeAssistant, screenshots: Path
) -> None:
    """Add card, By entity, one of Kim's entities: the card is offered, set up for Kim."""
    ha = dashboard
    with _page(browser, ha, f"/{DASHBOARD}/sections?edit=1") as page:
        _wait_for_card(page, XSS_NAME)
        page.get_by_role("button", name="Create section").click()
        page.get_by_role("button", name="Add card").last.click()
        page.get_by_text("By entity").first.click()
        search = page.get_by_placeholder("Search entities")
        search.fill("Kim session")
        page.get_by_text("Sensor", exact=True).first.click()
        community = page.get_by_text("Back Relief - Kim")
        community.wait_for()
        offered = page.locator(f"hui-suggestion-picker {CARD}, hui-dialog-create-card {CARD}")
        offered.locator(".name", has_text="Kim").first.wait_for()
        _shoot(page, screenshots, "card-picker-by-entity.png")
        assert page.dialogs == []
    # The section made to open the picker goes again.
    with _page(browser, ha, "/profile") as page:
        page.wait_for_function("window.hassConnection !== undefined")
        saved = page.evaluate(
            """async ([urlPath, config]) => {
                const { conn } = await window.hassConnection;
                await conn.sendMessagePromise({
                    type: "lovelace/config/save", url_path: urlPath, config,
                });
                return conn.sendMessagePromise({ type: "lovelace/config", url_path: urlPath });
            }""",
            [DASHBOARD, ha.dashboard_config],
        )
        assert saved == ha.dashboard_config
