"""Prepare the development instance once Home Assistant answers.

Started by scripts/develop beside Home Assistant, with the id of that Home Assistant's
process and its port. It creates the owner account through the onboarding API (no
wizard), then adds Back Relief for the demo person Alex through the same config flow a
user would click through, with demo speakers and lights chosen in the options, and the
demo sign "Inversion table occupied" as Alex's inversion sign. Every
step is skipped when it is already done, so restarts are quiet. Only the standard
library is used, and only http://127.0.0.1:<port> is contacted, and only once the
socket listening there belongs to the Home Assistant that scripts/develop started:
an instance someone else runs on that port is never configured.
"""

from __future__ import annotations

from http import HTTPStatus
import json
import os
from pathlib import Path
import secrets
import sys
import time
from typing import Any
from urllib.error import HTTPError, URLError
from urllib.parse import urlencode
from urllib.request import Request, urlopen

PORT = int(sys.argv[2]) if len(sys.argv) > 2 else 8123  # noqa: PLR2004
BASE_URL = f"http://127.0.0.1:{PORT}"
CLIENT_ID = f"{BASE_URL}/"
OWNER_NAME = "Alex"
USERNAME = "alex"
# Made on the first start and kept beside the instance (git-ignored), so that each
# machine has its own; Home Assistant listens on every network interface.
PASSWORD_FILE = Path(__file__).parent.parent / "config" / ".owner_password"
PERSON = "person.alex"
SPEAKERS = ("media_player.living_room", "media_player.bedroom")
REST_LIGHTS = ("light.bed_light", "light.ceiling_lights")
# The demo sign of config/configuration.yaml: switched by hand, it starts and stops inversions.
INVERSION_SIGN = "input_boolean.inversion_table_occupied"
START_TIMEOUT = 900  # seconds; the first start installs the frontend from PyPI
DEMO_TIMEOUT = 60  # seconds; the demo entities load in the background after start-up
TCP_LISTEN = "0A"  # the LISTEN state in /proc/net/tcp


class BootstrapError(Exception):
    """A step of the bootstrap failed."""

    def __init__(self, message: str, status: int | None = None) -> None:
        """Keep the HTTP status of a failed call, if there was one."""
        super().__init__(message)
        self.status = status


def call(
    method: str,
    path: str,
    payload: dict[str, Any] | None = None,
    *,
    token: str | None = None,
    form: bool = False,
) -> Any:
    """Call Home Assistant's HTTP API and return the decoded JSON answer."""
    headers = {}
    body = None
    if payload is not None:
        if form:
            body = urlencode(payload).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        else:
            body = json.dumps(payload).encode()
            headers["Content-Type"] = "application/json"
    if token:
        headers["Authorization"] = f"Bearer {token}"
    # The URL is always the local instance, never one given from outside.
    request = Request(f"{BASE_URL}{path}", data=body, headers=headers, method=method)  # noqa: S310
    try:
        with urlopen(request, timeout=60) as response:  # noqa: S310
            text = response.read().decode()
    except HTTPError as err:
        detail = err.read().decode(errors="replace")
        raise BootstrapError(f"{method} {path}: HTTP {err.code} {detail}", err.code) from err
    return json.loads(text) if text else None


def listening_sockets(port: int) -> set[str]:
    """Return the sockets (as /proc names them) that listen on a TCP port."""
    sockets = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            rows = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for row in rows:
            fields = row.split()
            local_address, state, inode = fields[1], fields[3], fields[9]
            if state == TCP_LISTEN and int(local_address.rsplit(":", 1)[1], 16) == port:
                sockets.add(f"socket:[{inode}]")
    return sockets


def listens_on(pid: int, port: int) -> bool:
    """Return whether the process holds a socket that listens on the port."""
    sockets = listening_sockets(port)
    if not sockets:
        return False
    for descriptor in Path(f"/proc/{pid}/fd").iterdir():
        try:
            if str(descriptor.readlink()) in sockets:
                return True
        except OSError:
            continue
    return False


def wait_for_home_assistant(hass_pid: int) -> bool:
    """Wait until our Home Assistant answers; return whether the owner exists already."""
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        try:
            os.kill(hass_pid, 0)
        except ProcessLookupError:
            raise BootstrapError("Home Assistant stopped before it was ready") from None
        if not listens_on(hass_pid, PORT):
            if listening_sockets(PORT):
                raise BootstrapError(
                    f"another program listens on port {PORT}; nothing was changed there"
                )
            time.sleep(2)
            continue
        try:
            steps: list[dict[str, Any]] = call("GET", "/api/onboarding")
        except BootstrapError as err:
            if err.status == HTTPStatus.NOT_FOUND:
                return True  # onboarding is finished, and its API is gone
            time.sleep(2)
            continue
        except URLError, ConnectionError, TimeoutError:
            time.sleep(2)
            continue
        return any(step["step"] == "user" and step["done"] for step in steps)
    raise BootstrapError(f"Home Assistant did not answer within {START_TIMEOUT} s")


def token_from_code(code: str) -> str:
    """Exchange an authorization code for an access token."""
    tokens = call(
        "POST",
        "/auth/token",
        {"grant_type": "authorization_code", "code": code, "client_id": CLIENT_ID},
        form=True,
    )
    return str(tokens["access_token"])


def owner_password() -> str:
    """Return the owner's password, making one on the first start."""
    if not PASSWORD_FILE.exists():
        PASSWORD_FILE.write_text(secrets.token_urlsafe(9) + "\n")
        PASSWORD_FILE.chmod(0o600)
    return PASSWORD_FILE.read_text().strip()


def log_in(*, owner_exists: bool, password: str) -> str:
    """Create the owner on the first start, or log in as the owner; return a token."""
    if not owner_exists:
        answer = call(
            "POST",
            "/api/onboarding/users",
            {
                "client_id": CLIENT_ID,
                "name": OWNER_NAME,
                "username": USERNAME,
                "password": password,
                "language": "en",
            },
        )
        print(f"==> created the owner account '{USERNAME}' and {PERSON}")
        return token_from_code(answer["auth_code"])
    flow = call(
        "POST",
        "/auth/login_flow",
        {"client_id": CLIENT_ID, "handler": ["homeassistant", None], "redirect_uri": CLIENT_ID},
    )
    result = call(
        "POST",
        f"/auth/login_flow/{flow['flow_id']}",
        {"client_id": CLIENT_ID, "username": USERNAME, "password": password},
    )
    if result.get("type") != "create_entry":
        raise BootstrapError(
            f"could not log in as '{USERNAME}' with the password in {PASSWORD_FILE}; "
            "to start afresh, stop Home Assistant and run `git clean -fdX config/`"
        )
    return token_from_code(result["result"])


def existing(entity_ids: tuple[str, ...], token: str) -> list[str]:
    """Return those of the entity ids that exist, waiting a little for the demo to load."""
    deadline = time.monotonic() + DEMO_TIMEOUT
    while True:
        states = {state["entity_id"] for state in call("GET", "/api/states", token=token)}
        found = [entity_id for entity_id in entity_ids if entity_id in states]
        if len(found) == len(entity_ids) or time.monotonic() > deadline:
            return found
        time.sleep(1)


def set_options(entry_id: str, step_id: str, values: dict[str, Any], token: str) -> None:
    """Fill one group of the options menu."""
    flow = call(
        "POST", "/api/config/config_entries/options/flow", {"handler": entry_id}, token=token
    )
    path = f"/api/config/config_entries/options/flow/{flow['flow_id']}"
    form = call("POST", path, {"next_step_id": step_id}, token=token)
    result = call("POST", path, values, token=token)
    if form.get("type") != "form" or result.get("type") != "create_entry":
        raise BootstrapError(f"options step {step_id} did not finish: {result}")


def add_back_relief(token: str) -> None:
    """Add Back Relief for Alex, unless an entry exists already."""
    entries = call("GET", "/api/config/config_entries/entry?domain=back_relief", token=token)
    if entries:
        return
    flow = call(
        "POST",
        "/api/config/config_entries/flow",
        {"handler": "back_relief", "show_advanced_options": False},
        token=token,
    )
    result = call(
        "POST",
        f"/api/config/config_entries/flow/{flow['flow_id']}",
        {"name": OWNER_NAME, "person": PERSON},
        token=token,
    )
    if result.get("type") != "create_entry":
        raise BootstrapError(f"the Back Relief config flow did not finish: {result}")
    entry_id = result["result"]["entry_id"]
    set_options(
        entry_id,
        "announcements",
        {
            "speakers": existing(SPEAKERS, token),
            "quiet_start": "22:00:00",
            "quiet_end": "07:00:00",
            "only_when_home": False,
        },
        token,
    )
    set_options(
        entry_id,
        "lights",
        {
            "rest_lights": existing(REST_LIGHTS, token),
            "rest_brightness": 20,
            "flash_on_inversion_end": False,
        },
        token,
    )
    signs: dict[str, Any] = {"sign_start_seconds": 20, "sign_stop_seconds": 60}
    if existing((INVERSION_SIGN,), token):
        signs["inversion_sign"] = INVERSION_SIGN
    set_options(entry_id, "signs", signs, token)
    print(f"==> added Back Relief for {OWNER_NAME}")


def wait_until_running(token: str) -> None:
    """Wait until Home Assistant has finished starting."""
    deadline = time.monotonic() + START_TIMEOUT
    while call("GET", "/api/config", token=token)["state"] != "RUNNING":
        if time.monotonic() > deadline:
            raise BootstrapError(f"Home Assistant did not finish starting in {START_TIMEOUT} s")
        time.sleep(1)


def main() -> int:
    """Run the bootstrap; return the exit code."""
    hass_pid = int(sys.argv[1])
    started = time.monotonic()
    try:
        owner_exists = wait_for_home_assistant(hass_pid)
        password = owner_password()
        token = log_in(owner_exists=owner_exists, password=password)
        # Once running, every integration is set up with its requirements installed.
        wait_until_running(token)
        add_back_relief(token)
    except BootstrapError as err:
        print(f"==> scripts/develop could not prepare the instance: {err}", file=sys.stderr)
        return 1
    print(
        f"\n==> Home Assistant is running ({time.monotonic() - started:.0f} s): {BASE_URL}\n"
        f"==> log in as '{USERNAME}' with password '{password}'\n",
        flush=True,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
