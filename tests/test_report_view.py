"""The report over HTTP: authenticated, validated, escaped, in the house language, and CSV."""

from __future__ import annotations

import csv
from datetime import timedelta
from http import HTTPStatus
import io

from freezegun.api import FrozenDateTimeFactory
from homeassistant.auth.const import GROUP_ID_USER
from homeassistant.components.http.auth import async_sign_path
from homeassistant.const import CONF_NAME
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, MockUser
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

from custom_components.back_relief.const import DOMAIN
from custom_components.back_relief.look_back.report import CSV_HEADER

from .conftest import advance, call, make_entry, set_up

HOSTILE = "<script>alert('x')</script>"
URL = "/api/back_relief/report/{}"


@pytest.fixture
async def http(hass: HomeAssistant) -> None:
    """Serve HTTP, as every Home Assistant does."""
    assert await async_setup_component(hass, "http", {})


@pytest.fixture
async def alex(
    hass: HomeAssistant, http: None, frozen_time: FrozenDateTimeFactory
) -> MockConfigEntry:
    """Set up Alex with a week of minutes, pain and a visit."""
    entry = await set_up(hass, make_entry())
    await call(hass, "log_activity", activity="inversion", minutes=15, date="2026-11-20")
    await call(hass, "log_activity", activity="exercise", minutes=25, date="2026-11-24")
    await call(hass, "log_activity", activity="stretch", minutes=10, date="2026-11-24")
    await call(hass, "start_session", activity="rest", duration=20)
    await advance(hass, frozen_time, minutes=20)
    await call(hass, "log_pain", level=3)
    await call(hass, "log_pain", level=6, note="stiff after the drive")
    await call(hass, "log_visit", date="2026-11-23", note="lower back adjusted")
    return entry


def signed(hass: HomeAssistant, access_token: str, path: str) -> str:
    """Return a path signed for a minute for the user of an access token, as the card signs."""
    refresh_token = hass.auth.async_validate_access_token(access_token)
    assert refresh_token is not None
    return async_sign_path(hass, path, timedelta(minutes=1), refresh_token_id=refresh_token.id)


async def test_without_authentication_the_report_is_refused(
    hass: HomeAssistant, alex: MockConfigEntry, hass_client_no_auth: ClientSessionGenerator
) -> None:
    """No token, no report: 401, for the page and the CSV alike."""
    client = await hass_client_no_auth()
    for query in ("", "?format=csv", "?days=7"):
        response = await client.get(URL.format(alex.entry_id) + query)
        assert response.status == HTTPStatus.UNAUTHORIZED
        assert "Alex" not in await response.text()


@pytest.mark.parametrize(
    "days", ["0", "366", "1000", "-5", "+5", "1.5", "abc", "", " 7", "1e2", "0x10", "٣"]
)
async def test_days_outside_1_to_365_or_not_a_number_are_refused(
    hass: HomeAssistant, alex: MockConfigEntry, hass_client: ClientSessionGenerator, days: str
) -> None:
    """400 with a clear message; never a report clamped to the nearest allowed length."""
    client = await hass_client()
    response = await client.get(URL.format(alex.entry_id), params={"days": days})
    assert response.status == HTTPStatus.BAD_REQUEST
    body = await response.json()
    assert body["code"] == "report_days_out_of_range"
    assert body["message"] == (f"A report of {days} days can't be made: use 1 to 365 days")


async def test_an_unknown_format_is_refused(
    hass: HomeAssistant, alex: MockConfigEntry, hass_client: ClientSessionGenerator
) -> None:
    """Only html and csv are made."""
    client = await hass_client()
    response = await client.get(URL.format(alex.entry_id), params={"format": "pdf"})
    assert response.status == HTTPStatus.BAD_REQUEST
    assert (await response.json())["message"] == ('"pdf" isn\'t a report format: use html or csv')


async def test_an_entry_that_is_not_a_loaded_person_is_not_found(
    hass: HomeAssistant, alex: MockConfigEntry, hass_client: ClientSessionGenerator
) -> None:
    """An unknown id, another integration's entry and an unloaded person: 404."""
    other = MockConfigEntry(domain="sun", entry_id="entry_sun")
    other.add_to_hass(hass)
    sam = await set_up(hass, make_entry("Sam"))
    assert await hass.config_entries.async_unload(sam.entry_id)
    client = await hass_client()
    for entry_id in ("no_such_entry", "entry_sun", sam.entry_id):
        response = await client.get(URL.format(entry_id))
        assert response.status == HTTPStatus.NOT_FOUND, entry_id
        assert (await response.json())["message"] == (
            f'No loaded Back Relief person has the entry id "{entry_id}"'
        )
    assert (await client.get(URL.format(alex.entry_id))).status == HTTPStatus.OK


async def test_the_page_shows_the_period_goals_pain_visits_and_notes(
    hass: HomeAssistant, alex: MockConfigEntry, hass_client: ClientSessionGenerator
) -> None:
    """Thirty days by default, ending today; the week's numbers and the notes are there."""
    client = await hass_client()
    response = await client.get(URL.format(alex.entry_id))
    assert response.status == HTTPStatus.OK
    assert response.content_type == "text/html"
    assert response.headers["Cache-Control"] == "no-store"
    page = await response.text()
    assert "<title>Back Relief report for Alex</title>" in page
    assert "2026-10-27 to 2026-11-25, 30 days" in page
    assert "lower back adjusted" in page
    assert "stiff after the drive" in page
    assert "Average pain 4.5 on 1 day with a level logged (lowest 3, highest 6)." in page
    # Exercise met on the 24th (25 minutes, and 10 of stretching); rest today. Goals count
    # from Alex's first day, the 20th (the earliest record, before being added on the 25th).
    assert "<td>Exercise</td><td class=n>20 min</td><td class=n>1 of 6</td>" in page
    assert "<td>Rest</td><td class=n>15 min</td><td class=n>1 of 6</td>" in page


async def test_a_person_added_today_is_counted_from_today(
    hass: HomeAssistant,
    http: None,
    frozen_time: FrozenDateTimeFactory,
    hass_client: ClientSessionGenerator,
) -> None:
    """Someone added today has met nothing "of 30": the days before them are blank."""
    entry = await set_up(hass, make_entry())
    client = await hass_client()
    page = await (await client.get(URL.format(entry.entry_id))).text()
    assert "2026-10-27 to 2026-11-25, 30 days" in page
    assert "<td>Exercise</td><td class=n>20 min</td><td class=n>0 of 1</td>" in page
    response = await client.get(URL.format(entry.entry_id), params={"days": "2", "format": "csv"})
    rows = list(csv.reader(io.StringIO(await response.text())))
    assert rows[1] == ["2026-11-24", "0", "0", "0", "0", "", "", "0", "", "", ""]
    assert rows[2] == ["2026-11-25", "0", "0", "0", "0", "", "", "0", "0", "0", "0"]


async def test_a_single_day_is_said_as_one(
    hass: HomeAssistant, alex: MockConfigEntry, hass_client: ClientSessionGenerator
) -> None:
    """A report of today alone: "1 day", and in German "1 Tag"."""
    client = await hass_client()
    page = await (await client.get(URL.format(alex.entry_id), params={"days": "1"})).text()
    assert "2026-11-25 to 2026-11-25, 1 day<" in page
    hass.config.language = "de"
    page = await (await client.get(URL.format(alex.entry_id), params={"days": "1"})).text()
    assert "2026-11-25 bis 2026-11-25, 1 Tag<" in page
    assert "1 von 1 Tag<" in page


async def test_hostile_text_in_the_name_and_notes_is_escaped(
    hass: HomeAssistant,
    http: None,
    frozen_time: FrozenDateTimeFactory,
    hass_client: ClientSessionGenerator,
) -> None:
    """A name, a pain note and a visit note made of markup come out as text."""
    entry = await set_up(
        hass,
        MockConfigEntry(domain=DOMAIN, title=HOSTILE, data={CONF_NAME: HOSTILE}, entry_id="x1"),
    )
    await call(hass, "log_pain", level=5, note=HOSTILE)
    await call(hass, "set_flare_up", start_date="2026-11-20", note=HOSTILE)
    await call(hass, "log_visit", note=f'"><img src=x onerror=alert(1)>{HOSTILE}')
    client = await hass_client()
    page = await (await client.get(URL.format(entry.entry_id))).text()
    assert "<script" not in page
    assert "<img" not in page
    # The title, the heading, the pain note, the flare-up's note and the visit's note.
    assert page.count("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;") == 5
    assert "<td>2026-11-20</td><td class=n></td><td>Flare-up: &lt;script&gt;" in page
    assert "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in page


async def test_the_csv_has_one_row_a_day_with_the_right_minutes(
    hass: HomeAssistant, alex: MockConfigEntry, hass_client: ClientSessionGenerator
) -> None:
    """A week: the header and seven rows, ISO dates, each day's minutes, pain and goals."""
    client = await hass_client()
    response = await client.get(URL.format(alex.entry_id), params={"days": "7", "format": "csv"})
    assert response.status == HTTPStatus.OK
    assert response.content_type == "text/csv"
    assert response.headers["Content-Disposition"] == (
        'attachment; filename="back-relief-alex-2026-11-25.csv"'
    )
    rows = list(csv.reader(io.StringIO(await response.text())))
    assert rows == [
        list(CSV_HEADER),
        # Before Alex's first day (the earliest record): neither met nor missed.
        ["2026-11-19", "0", "0", "0", "0", "", "", "0", "", "", ""],
        ["2026-11-20", "0", "0", "15", "0", "", "", "0", "0", "0", "1"],
        ["2026-11-21", "0", "0", "0", "0", "", "", "0", "0", "0", "0"],
        ["2026-11-22", "0", "0", "0", "0", "", "", "0", "0", "0", "0"],
        ["2026-11-23", "0", "0", "0", "0", "", "", "0", "0", "0", "0"],
        ["2026-11-24", "25", "10", "0", "0", "", "", "0", "1", "0", "0"],
        ["2026-11-25", "0", "0", "0", "20", "4.5", "6", "0", "0", "1", "0"],
    ]


async def test_a_year_has_365_rows(
    hass: HomeAssistant, alex: MockConfigEntry, hass_client: ClientSessionGenerator
) -> None:
    """The longest report: 365 days, the last one today."""
    client = await hass_client()
    response = await client.get(URL.format(alex.entry_id), params={"days": "365", "format": "csv"})
    rows = (await response.text()).splitlines()
    assert len(rows) == 1 + 365
    assert rows[1].startswith("2025-11-26,")
    assert rows[-1].startswith("2026-11-25,")


@pytest.mark.parametrize(
    ("language", "title", "heading"),
    [
        ("en", "Back Relief report for Alex", "Daily goals"),
        ("de", "Back-Relief-Bericht für Alex", "Tagesziele"),
        ("fr", "Rapport Back Relief de Alex", "Objectifs du jour"),
        ("es", "Informe de Back Relief de Alex", "Metas diarias"),
        ("nl", "Back Relief-overzicht van Alex", "Dagdoelen"),
    ],
)
async def test_the_page_is_in_the_house_language(
    hass: HomeAssistant,
    alex: MockConfigEntry,
    hass_client: ClientSessionGenerator,
    language: str,
    title: str,
    heading: str,
) -> None:
    """Titles, headings and numbers follow Home Assistant's language."""
    hass.config.language = language
    client = await hass_client()
    page = await (await client.get(URL.format(alex.entry_id))).text()
    assert f"<html lang={language}>" in page
    assert f"<title>{title}</title>" in page
    assert f"<h2>{heading}</h2>" in page
    assert ("4,5" if language != "en" else "4.5") in page


async def test_a_signed_link_opens_the_report_without_a_header(
    hass: HomeAssistant,
    alex: MockConfigEntry,
    hass_client_no_auth: ClientSessionGenerator,
    hass_access_token: str,
) -> None:
    """The card opens the report with a link signed for a short time, as Home Assistant signs."""
    path = signed(hass, hass_access_token, URL.format(alex.entry_id) + "?days=7")
    client = await hass_client_no_auth()
    response = await client.get(path)
    assert response.status == HTTPStatus.OK
    assert "2026-11-19 to 2026-11-25, 7 days" in await response.text()
    # The signature covers the query: another length is refused.
    assert (await client.get(path.replace("days=7", "days=8"))).status == HTTPStatus.UNAUTHORIZED


# ----- whose report -----


async def user_with_token(hass: HomeAssistant, name: str) -> tuple[MockUser, str]:
    """Return a signed-in user who is no administrator, and their access token."""
    user = MockUser(name=name, groups=[await hass.auth.async_get_group(GROUP_ID_USER)])
    user.add_to_hass(hass)
    refresh_token = await hass.auth.async_create_refresh_token(user, "https://example.com/app")
    return user, hass.auth.async_create_access_token(refresh_token)


@pytest.fixture
async def linked_alex(
    hass: HomeAssistant, http: None, frozen_time: FrozenDateTimeFactory
) -> tuple[MockConfigEntry, str]:
    """Set up Alex, whose person entity is linked to Alex's own user; return Alex's token."""
    user, token = await user_with_token(hass, "Alex")
    assert await async_setup_component(
        hass, "person", {"person": [{"id": "alex", "name": "Alex", "user_id": user.id}]}
    )
    await hass.async_block_till_done()
    assert hass.states.get("person.alex").attributes["user_id"] == user.id
    entry = await set_up(hass, make_entry(person="person.alex"))
    await call(hass, "log_pain", level=6, note="stiff after the drive")
    return entry, token


async def test_a_linked_persons_report_opens_for_them_and_administrators(
    hass: HomeAssistant,
    linked_alex: tuple[MockConfigEntry, str],
    hass_client: ClientSessionGenerator,
) -> None:
    """Alex's own user and an administrator read it, pain notes and all."""
    entry, token = linked_alex
    for client in (await hass_client(token), await hass_client()):
        response = await client.get(URL.format(entry.entry_id))
        assert response.status == HTTPStatus.OK
        assert "stiff after the drive" in await response.text()
        response = await client.get(URL.format(entry.entry_id) + "?format=csv")
        assert response.status == HTTPStatus.OK
        assert "2026-11-25,0,0,0,0,6.0,6," in await response.text()


async def test_a_linked_persons_report_is_refused_to_anyone_else(
    hass: HomeAssistant,
    linked_alex: tuple[MockConfigEntry, str],
    hass_client: ClientSessionGenerator,
    hass_client_no_auth: ClientSessionGenerator,
) -> None:
    """Another signed-in user gets 403 and nothing of Alex's: the page, the CSV, a signed link."""
    entry, _ = linked_alex
    sam, token = await user_with_token(hass, "Sam")
    client = await hass_client(token)
    for query in ("", "?format=csv", "?days=7"):
        response = await client.get(URL.format(entry.entry_id) + query)
        assert response.status == HTTPStatus.FORBIDDEN
        body = await response.json()
        assert body == {
            "code": "report_not_yours",
            "message": "Only the person this report belongs to and administrators may open it",
        }
    refresh_token = hass.auth.async_validate_access_token(token)
    assert refresh_token is not None
    assert refresh_token.user.id == sam.id
    path = signed(hass, token, URL.format(entry.entry_id))
    response = await (await hass_client_no_auth()).get(path)
    assert response.status == HTTPStatus.FORBIDDEN
    assert "stiff" not in await response.text()


async def test_an_unlinked_persons_report_opens_for_every_signed_in_user(
    hass: HomeAssistant, alex: MockConfigEntry, hass_client: ClientSessionGenerator
) -> None:
    """Alex linked to no user: as before, any signed-in user may read the report."""
    _, token = await user_with_token(hass, "Sam")
    response = await (await hass_client(token)).get(URL.format(alex.entry_id))
    assert response.status == HTTPStatus.OK
    assert "stiff after the drive" in await response.text()


@pytest.mark.parametrize(
    ("lang", "heading"),
    [("en", "Daily goals"), ("de", "Tagesziele"), ("fr", "Objectifs du jour"), ("nl", "Dagdoelen")],
)
async def test_the_page_is_in_the_language_asked_for(
    hass: HomeAssistant,
    alex: MockConfigEntry,
    hass_client: ClientSessionGenerator,
    lang: str,
    heading: str,
) -> None:
    """The card asks for its user's language; the house speaks Spanish."""
    hass.config.language = "es"
    client = await hass_client()
    response = await client.get(URL.format(alex.entry_id), params={"lang": lang})
    assert response.status == HTTPStatus.OK
    page = await response.text()
    assert f"<html lang={lang}>" in page
    assert f"<h2>{heading}</h2>" in page


async def test_without_a_language_the_page_is_in_the_house_language(
    hass: HomeAssistant, alex: MockConfigEntry, hass_client: ClientSessionGenerator
) -> None:
    """No lang: the house's, as before."""
    hass.config.language = "de"
    client = await hass_client()
    page = await (await client.get(URL.format(alex.entry_id), params={"days": "7"})).text()
    assert "<html lang=de>" in page
    assert "<h2>Tagesziele</h2>" in page


@pytest.mark.parametrize("lang", ["it", "", "DE", "de-CH", "en_GB", "english", "<b>"])
async def test_a_language_not_written_is_refused(
    hass: HomeAssistant, alex: MockConfigEntry, hass_client: ClientSessionGenerator, lang: str
) -> None:
    """400 with the languages there are, for the page and the CSV alike."""
    client = await hass_client()
    for kind in ("html", "csv"):
        response = await client.get(
            URL.format(alex.entry_id), params={"lang": lang, "format": kind}
        )
        assert response.status == HTTPStatus.BAD_REQUEST
        body = await response.json()
        assert body["code"] == "report_language"
        assert body["message"] == (
            f'"{lang}" isn\'t a report language: use one of de, en, es, fr, nl'
        )


async def test_a_signed_link_carries_the_language(
    hass: HomeAssistant,
    alex: MockConfigEntry,
    hass_client_no_auth: ClientSessionGenerator,
    hass_access_token: str,
) -> None:
    """The card signs the path with its lang; the signature covers it."""
    path = signed(
        hass, hass_access_token, URL.format(alex.entry_id) + "?days=365&format=csv&lang=de"
    )
    client = await hass_client_no_auth()
    response = await client.get(path)
    assert response.status == HTTPStatus.OK
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert len((await response.text()).splitlines()) == 366
    assert (await client.get(path.replace("lang=de", "lang=fr"))).status == (
        HTTPStatus.UNAUTHORIZED
    )
