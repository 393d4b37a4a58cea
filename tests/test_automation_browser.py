"""Back Relief's triggers and conditions in the automation editor, in a real browser.

Home Assistant is started as for the card's browser tests (``test_card_browser``, whose
helpers this module shares): the automation editor must list Back Relief's triggers and
conditions with their names and descriptions, in English and in German, and dashboard
cards shown by Back Relief's ``session_running`` condition must come and go with the session.

Screenshots go where ``test_card_browser`` puts them (BACK_RELIEF_SCREENSHOTS, e.g.
docs/images): ``automation-triggers-en.png``, ``automation-conditions-de.png`` and the
German triggers and English conditions beside them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .test_card_browser import (
    CARD,
    RealHomeAssistant,
    _page,
    _set_languages,
    _shoot,
    _wait_for_card,
    auto_enable_custom_integrations,
    browser,
    config_dir,
    home_assistant,
    screenshots,
)

# Heavy: runs once, on the newest target (scripts/test).
pytestmark = [pytest.mark.browser, pytest.mark.heavy]

__all__ = [  # the shared fixtures, used by name
    "auto_enable_custom_integrations",
    "browser",
    "config_dir",
    "home_assistant",
    "screenshots",
]

# What the editor must show of each, by language: (name, description) as in translations/.
TRIGGERS = {
    "en": [
        ("Check-in", "Triggers when a check-in question is answered or goes unanswered."),
        ("Daily goal met", "Triggers when today's exercise, rest or inversion goal is reached."),
        ("Pain level logged", "Triggers when a pain level is logged."),
        ("Reminder", "Triggers when a reminder falls due, whether it is spoken or not."),
        ("Session ended", "Triggers when a Back Relief session ends: finished at its end, "),
        ("Session started", "Triggers when a Back Relief session starts."),
    ],
    "de": [
        ("Sitzung gestartet", "Löst aus, wenn eine Back-Relief-Sitzung startet."),
        ("Sitzung beendet", "Löst aus, wenn eine Back-Relief-Sitzung endet: "),
        ("Tagesziel erreicht", "Löst aus, wenn das heutige Trainings-, Ruhe- oder "),
        ("Schmerzstufe eingetragen", "Löst aus, wenn eine Schmerzstufe eingetragen wird."),
        ("Nachfrage", "Löst aus, wenn eine Nachfrage beantwortet wird "),
        ("Erinnerung", "Löst aus, wenn eine Erinnerung fällig wird"),
    ],
}
CONDITIONS = {
    "en": [
        ("Flare-up day", "Tests if today is a flare-up day."),
        ("Goal met today", "Tests if today's goals are met."),
        ("Pain at least", "Tests if the last pain level logged is at or above a level."),
        ("Session running", "Tests if a Back Relief session is running."),
    ],
    "de": [
        ("Schmerzschub-Tag", "Prüft, ob heute ein Schmerzschub-Tag ist."),
        ("Ziel heute erreicht", "Prüft, ob die heutigen Ziele erreicht sind."),
        ("Schmerz mindestens", "Prüft, ob die zuletzt eingetragene Schmerzstufe "),
        ("Sitzung läuft", "Prüft, ob eine Back-Relief-Sitzung läuft."),
    ],
}
# The editor's words around them.
WORDS = {
    "en": {"trigger": "Add trigger", "condition": "Add condition", "by_type": "By type"},
    "de": {
        "trigger": "Auslöser hinzufügen",
        "condition": "Bedingung hinzufügen",
        "by_type": "Nach Typ",
    },
}


def _open_back_relief_list(page: Any, language: str, kind: str) -> Any:
    """Open Add trigger (or condition) → By type → Back Relief; return the dialog."""
    words = WORDS[language]
    page.get_by_text(words[kind], exact=True).first.click(timeout=60_000)
    dialog = page.locator("add-automation-element-dialog")
    dialog.get_by_text(words["by_type"], exact=True).first.click()
    dialog.get_by_text("Back Relief", exact=True).first.click()
    return dialog


def _check_list(dialog: Any, expected: list[tuple[str, str]]) -> None:
    for name, description in expected:
        item = dialog.locator("ha-automation-add-items ha-list-item-button").filter(has_text=name)
        item.first.wait_for(timeout=20_000)
        texts = " ".join(item.all_inner_texts())
        assert description in texts, f"{name!r} shows {texts!r}"


def _check_session_ended_form(page: Any, dialog: Any, screenshots: Path) -> None:
    """Session ended, added: its target and fields, with their words and choices."""
    dialog.locator("ha-automation-add-items ha-list-item-button").filter(
        has_text="Session ended"
    ).first.click()
    for text in ("Add target", "Activities", "Stretching", "How it ended", "Stopped early"):
        page.get_by_text(text, exact=True).first.wait_for(timeout=20_000)
    page.get_by_text("Only sessions that ended this way. None chosen: any way.").wait_for()
    _shoot(page, screenshots, "automation-session-ended-en.png")


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_editor_lists_back_reliefs_triggers_and_conditions(
    browser: Any, home_assistant: RealHomeAssistant, screenshots: Path, language: str
) -> None:
    """By type → Back Relief lists each trigger and condition with its name and description."""
    ha = home_assistant
    if "alex" not in ha.entries:
        ha.entries["alex"] = _add_person(ha, "Alex")
    _set_languages(ha, browser, language)
    try:
        for kind, expected in (("trigger", TRIGGERS), ("condition", CONDITIONS)):
            with _page(browser, ha, "/config/automation/edit/new", language=language) as page:
                dialog = _open_back_relief_list(page, language, kind)
                _check_list(dialog, expected[language])
                _shoot(page, screenshots, f"automation-{kind}s-{language}.png")
                if kind == "trigger" and language == "en":
                    _check_session_ended_form(page, dialog, screenshots)
                assert page.dialogs == []
    finally:
        _set_languages(ha, browser, "en")


def test_a_card_shown_only_while_a_session_runs(
    browser: Any, home_assistant: RealHomeAssistant
) -> None:
    """A card shown by Back Relief's session_running condition comes and goes with the session.

    One conditional card and one card with a visibility condition, both for Alex's
    device and counting a paused session; Home Assistant tells the dashboard each change.
    """
    ha = home_assistant
    if "alex" not in ha.entries:
        ha.entries["alex"] = _add_person(ha, "Alex")
    entry_id = ha.entries["alex"]
    device_id = ha.call(
        "POST", "/api/template", {"template": "{{ device_id('sensor.alex_session') | to_json }}"}
    )
    running = {
        "condition": "back_relief.session_running",
        "target": {"device_id": device_id},
        "options": {"paused": True},
    }
    _save_dashboard(
        ha,
        browser,
        {
            "title": "While a session runs",
            "views": [
                {
                    "title": "Now",
                    "path": "now",
                    "cards": [
                        {"type": "markdown", "content": "Always here"},
                        {
                            "type": "conditional",
                            "conditions": [running],
                            "card": {"type": f"custom:{CARD}", "config_entry_id": entry_id},
                        },
                        {"type": "markdown", "content": "Resting now", "visibility": [running]},
                    ],
                }
            ],
        },
    )
    with _page(browser, ha, "/back-relief-now/now") as page:
        page.get_by_text("Always here").wait_for(timeout=60_000)
        resting = page.get_by_text("Resting now")
        page.wait_for_timeout(1500)
        assert not page.locator(CARD).first.is_visible()
        assert not resting.first.is_visible()
        ha.action("start_session", activity="rest", config_entry_id=entry_id)
        _wait_for_card(page, "Alex")
        resting.first.wait_for()
        ha.action("pause_session", config_entry_id=entry_id)
        page.locator(f"{CARD} button", has_text="Resume").wait_for()
        assert page.locator(CARD).first.is_visible()  # paused counts, as the options say
        ha.action("stop_session", config_entry_id=entry_id)
        page.locator(CARD).first.wait_for(state="hidden", timeout=20_000)
        resting.first.wait_for(state="hidden", timeout=20_000)
        ha.action("start_session", activity="inversion", duration=5, config_entry_id=entry_id)
        _wait_for_card(page, "Alex")
        ha.action("cancel_session", config_entry_id=entry_id)
        page.locator(CARD).first.wait_for(state="hidden", timeout=20_000)
        assert page.dialogs == []


def _add_person(ha: RealHomeAssistant, name: str) -> str:
    from .test_card_browser import _add_person as add  # noqa: PLC0415

    return add(ha, name)


def _save_dashboard(ha: RealHomeAssistant, browser: Any, config: dict[str, Any]) -> None:
    with _page(browser, ha, "/profile") as page:
        page.wait_for_function("window.hassConnection !== undefined")
        page.evaluate(
            """async (config) => {
                const { conn } = await window.hassConnection;
                await conn.sendMessagePromise({
                    type: "lovelace/dashboards/create", url_path: "back-relief-now",
                    title: "Now", mode: "storage", show_in_sidebar: false, require_admin: false,
                });
                await conn.sendMessagePromise({
                    type: "lovelace/config/save", url_path: "back-relief-now", config,
                });
            }""",
            config,
        )
