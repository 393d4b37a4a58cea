"""The report for the person and their chiropractor: an authenticated page, or CSV.

``GET /api/back_relief/report/<config_entry_id>?days=N[&format=csv][&lang=xx]``: in
the language of whoever opens it (the card passes its user's), else the house's. The
report of a person linked to a Home Assistant user (their ``person.*`` entity's
user) opens for that user and for administrators only; a person with no linked
user's for every signed-in user. The event loop only takes a frozen copy of the
history (a few references a year); the period's days are read, and the report
built and written, in an executor.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from http import HTTPStatus
import re

from aiohttp import web
from homeassistant.auth.models import User
from homeassistant.components.http import KEY_HASS_USER, HomeAssistantView
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.helpers.http import KEY_HASS
from homeassistant.helpers.translation import async_get_exception_message

from ..const import CONF_PERSON, DOMAIN, MAX_SUMMARY_DAYS
from ..coordinator import BackReliefCoordinator
from ..data import BackReliefConfigEntry
from ..language.phrases import language
from ..language.texts import GROUPS
from ..routine.day import Activity
from .insights import Words, insight_minutes
from .report import Report, build_report, period
from .report_html import render_csv, render_html, report_filename, report_words

DEFAULT_REPORT_DAYS = 30
FORMATS = ("html", "csv")
# The languages the report is written in: those of the language files.
LANGUAGES = tuple(sorted(GROUPS))
# A whole number of days, written plainly: no sign, no decimals, no spaces.
DAYS = re.compile(r"[0-9]{1,6}")


class ReportView(HomeAssistantView):
    """Serves a person's report to a signed-in user."""

    url = f"/api/{DOMAIN}/report/{{config_entry_id}}"
    name = f"api:{DOMAIN}:report"
    requires_auth = True

    async def get(self, request: web.Request, config_entry_id: str) -> web.Response:
        """Return the report, or say plainly what is wrong with the request."""
        hass = request.app[KEY_HASS]
        entry: BackReliefConfigEntry | None = hass.config_entries.async_get_entry(config_entry_id)
        if entry is None or entry.domain != DOMAIN or entry.state is not ConfigEntryState.LOADED:
            return self._refuse(
                HTTPStatus.NOT_FOUND, "unknown_person", config_entry_id=config_entry_id[:64]
            )
        if not may_open(hass, entry, request[KEY_HASS_USER]):
            return self._refuse(HTTPStatus.FORBIDDEN, "report_not_yours")
        asked = self._asked(hass, request.query)
        if isinstance(asked, web.Response):
            return asked
        days, kind, report_language = asked
        build = person_report(entry.runtime_data.coordinator, days)
        page_words, insight_words = report_words(report_language)
        body, filename = await hass.async_add_executor_job(
            _write, build, kind, page_words, insight_words
        )
        if kind == "csv":
            return self._respond(body, "text/csv", f'attachment; filename="{filename}"')
        return self._respond(body, "text/html", f'inline; filename="{filename}"')

    def _asked(
        self, hass: HomeAssistant, query: Mapping[str, str]
    ) -> tuple[int, str, str] | web.Response:
        """Return the days, format and language asked for, or the refusal of a wrong one."""
        raw_days = query.get("days", str(DEFAULT_REPORT_DAYS))
        if not DAYS.fullmatch(raw_days) or not 1 <= int(raw_days) <= MAX_SUMMARY_DAYS:
            return self._refuse(
                HTTPStatus.BAD_REQUEST,
                "report_days_out_of_range",
                value=raw_days[:20],
                minimum="1",
                maximum=str(MAX_SUMMARY_DAYS),
            )
        if (kind := query.get("format", "html")) not in FORMATS:
            return self._refuse(HTTPStatus.BAD_REQUEST, "report_format", format=kind[:20])
        report_language = query.get("lang", language(hass))
        if report_language not in LANGUAGES:
            return self._refuse(
                HTTPStatus.BAD_REQUEST,
                "report_language",
                lang=report_language[:20],
                languages=", ".join(LANGUAGES),
            )
        return int(raw_days), kind, report_language

    @staticmethod
    def _respond(body: str, content_type: str, disposition: str) -> web.Response:
        return web.Response(
            text=body,
            content_type=content_type,
            charset="utf-8",
            headers={
                "Cache-Control": "no-store",
                "Content-Disposition": disposition,
                # Nothing on the page runs or loads: its style is inline and it has no script.
                "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
                "X-Content-Type-Options": "nosniff",
            },
        )

    def _refuse(self, status: HTTPStatus, key: str, **placeholders: str) -> web.Response:
        """Return a JSON refusal with the translated message."""
        message = async_get_exception_message(DOMAIN, key, placeholders)
        return self.json_message(message, status, message_code=key)


def linked_user(hass: HomeAssistant, entry: BackReliefConfigEntry) -> str | None:
    """Return the id of the Home Assistant user a person is linked to, None for none."""
    person = entry.data.get(CONF_PERSON)
    state = hass.states.get(person) if isinstance(person, str) else None
    user_id = state.attributes.get("user_id") if state is not None else None
    return user_id if isinstance(user_id, str) else None


def may_open(hass: HomeAssistant, entry: BackReliefConfigEntry, user: User) -> bool:
    """Return whether a signed-in user may open a person's report: theirs, or an administrator."""
    owner = linked_user(hass, entry)
    return owner is None or user.is_admin or user.id == owner


def person_report(coordinator: BackReliefCoordinator, days: int) -> Callable[[], Report]:
    """Return what builds the report of the last days, today included, anywhere.

    The history is frozen as it is now, so that the report can be built in an
    executor while the routine goes on changing; only the period's days are read.
    """
    first, last = period(coordinator.reader.today(), days)
    goals = coordinator.reader.day_goals()
    flare_up_notes = coordinator.reader.flare_ups.notes_between(first, last)
    name, frozen = coordinator.name, coordinator.reader.history.frozen()
    insights = insight_minutes(goals.configured, coordinator.reader.durations[Activity.STRETCH])
    return lambda: build_report(
        name, frozen.thaw().days_between(first, last), goals, insights, flare_up_notes
    )


def _write(
    build: Callable[[], Report], kind: str, page_words: Words, insight_words: Words
) -> tuple[str, str]:
    """Build the report and write it as CSV or a page; return it and its file name."""
    report = build()
    filename = report_filename(report.name, report.last, kind)
    if kind == "csv":
        return render_csv(report), filename
    return render_html(report, page_words, insight_words), filename


def async_register_report(hass: HomeAssistant) -> None:
    """Serve the report, where Home Assistant serves HTTP."""
    if hass.http is not None:
        hass.http.register_view(ReportView())
