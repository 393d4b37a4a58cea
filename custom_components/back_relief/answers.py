"""What Back Relief answers through Assist: short, concrete sentences in each language.

Plain Python with no Home Assistant imports. Each language is a table of format
strings; a key ending in ``.named`` is the variant that names the person, used
when several people share the house or the person was named.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta

from .routine import Activity, Goal

ENGLISH = "en"

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "activity.exercise": "exercise",
        "activity.stretch": "stretching",
        "activity.inversion": "inversion",
        "activity.rest": "rest",
        "streak.exercise": "exercise streak",
        "streak.rest": "rest streak",
        "streak.inversion": "inversion streak",
        "minutes.one": "{count} minute",
        "minutes.other": "{count} minutes",
        "days.one": "{count} day",
        "days.other": "{count} days",
        "less_than_a_minute": "less than a minute",
        "for_whom": " for {name}",
        "or": " or ",
        "started": "{Activity} started{for_whom}: {duration}.",
        "started.inversion": " I'll tell you when to come up.",
        "started.stretch": " Stretch only as far as it feels comfortable.",
        "started.rest": " Relax.",
        "paused": "{Activity} paused{for_whom}, with {remaining} left.",
        "resumed": "{Activity} resumed{for_whom}: {remaining} left.",
        "stopped": "{Activity} stopped{for_whom}: {credited} counted.",
        "stopped.nothing": "{Activity} stopped{for_whom}; it was too short to count.",
        "cancelled": "{Activity} cancelled{for_whom}; nothing was counted.",
        "time_left": "You have {remaining} left.",
        "time_left.named": "{name} has {remaining} left.",
        "time_left.paused": "Your {activity} is paused with {remaining} left.",
        "time_left.paused.named": "{name}'s {activity} is paused with {remaining} left.",
        "streak": "Your {streak} is {days}; your best is {best}.",
        "streak.named": "{name}'s {streak} is {days}; the best is {best}.",
        "streaks": "Your streaks: exercise {exercise}, rest {rest}, inversion {inversion}.",
        "streaks.named": (
            "{name}'s streaks: exercise {exercise}, rest {rest}, inversion {inversion}."
        ),
        "logged": "Logged {duration} of {kind}{for_whom}.",
        "pain_logged": "Pain level {level} logged{for_whom}.",
        "pain_logged.high": " Take it easy today.",
        "which_person": "Whose routine: {names}? Say, for example, {example}.",
        "example.BackReliefStartSession": "start inversion for {name}",
        "example.BackReliefPauseSession": "pause {name}'s session",
        "example.BackReliefResumeSession": "resume {name}'s session",
        "example.BackReliefStopSession": "stop {name}'s session",
        "example.BackReliefCancelSession": "cancel {name}'s session",
        "example.BackReliefTimeLeft": "how much time does {name} have left",
        "example.BackReliefStreak": "what's {name}'s exercise streak",
        "example.BackReliefLogActivity": "log 30 minutes of yoga for {name}",
        "example.BackReliefLogPain": "{name}'s back pain is 4",
        "not_available": "{name}'s routine isn't available right now.",
        "no_people": "Nobody is set up in Back Relief yet.",
        "error.session_active": "Your {activity} session is still going. Stop or cancel it first.",
        "error.session_active.named": (
            "{name}'s {activity} session is still going. Stop or cancel it first."
        ),
        "error.no_session": "There is no session going.",
        "error.no_session.named": "{name} has no session going.",
        "error.not_running": "Your session is already paused.",
        "error.not_running.named": "{name}'s session is already paused.",
        "error.not_paused": "Your session isn't paused.",
        "error.not_paused.named": "{name}'s session isn't paused.",
        "error.wrong_activity": "Your {running} session is going, not {asked}.",
        "error.wrong_activity.named": "{name}'s {running} session is going, not {asked}.",
        "error.duration_out_of_range": (
            "{Activity} sessions can be {minimum} to {maximum} minutes long."
        ),
        "error.log_out_of_range": "You can log {minimum} to {maximum} minutes at a time.",
        "error.level_out_of_range": "Pain is logged from {minimum} to {maximum}.",
        "error.other": "That didn't work: {message}",
    },
    "de": {
        "activity.exercise": "Training",
        "activity.stretch": "Dehnen",
        "activity.inversion": "Inversion",
        "activity.rest": "Ruhepause",
        "streak.exercise": "Trainingsserie",
        "streak.rest": "Ruheserie",
        "streak.inversion": "Inversionsserie",
        "minutes.one": "{count} Minute",
        "minutes.other": "{count} Minuten",
        "days.one": "{count} Tag",
        "days.other": "{count} Tage",
        "less_than_a_minute": "weniger als eine Minute",
        "for_whom": " für {name}",
        "or": " oder ",
        "started": "{Activity}{for_whom} gestartet: {duration}.",
        "started.inversion": " Ich sage dir, wann du langsam hochkommen sollst.",
        "started.stretch": " Dehne dich nur so weit, wie es sich angenehm anfühlt.",
        "started.rest": " Entspann dich.",
        "paused": "{Activity}{for_whom} pausiert, noch {remaining}.",
        "resumed": "{Activity}{for_whom} geht weiter: noch {remaining}.",
        "stopped": "{Activity}{for_whom} beendet: {credited} gezählt.",
        "stopped.nothing": "{Activity}{for_whom} beendet; das war zu kurz, um zu zählen.",
        "cancelled": "{Activity}{for_whom} abgebrochen; nichts wurde gezählt.",
        "time_left": "Du hast noch {remaining}.",
        "time_left.named": "{name} hat noch {remaining}.",
        "time_left.paused": "{Activity} ist pausiert, noch {remaining}.",
        "time_left.paused.named": "{Activity} für {name} ist pausiert, noch {remaining}.",
        "streak": "Deine {streak} ist {days} lang; dein Rekord: {best}.",
        "streak.named": "Die {streak} von {name} ist {days} lang; der Rekord: {best}.",
        "streaks": "Deine Serien: Training {exercise}, Ruhe {rest}, Inversion {inversion}.",
        "streaks.named": (
            "Serien von {name}: Training {exercise}, Ruhe {rest}, Inversion {inversion}."
        ),
        "logged": "{duration} {kind}{for_whom} eingetragen.",
        "pain_logged": "Schmerzstufe {level}{for_whom} eingetragen.",
        "pain_logged.high": " Mach heute langsam.",
        "which_person": "Für wen: {names}? Sag zum Beispiel: {example}.",
        "example.BackReliefStartSession": "starte Inversion für {name}",
        "example.BackReliefPauseSession": "pausiere die Sitzung für {name}",
        "example.BackReliefResumeSession": "setze {name}s Sitzung fort",
        "example.BackReliefStopSession": "beende die Sitzung für {name}",
        "example.BackReliefCancelSession": "brich {name}s Sitzung ab",
        "example.BackReliefTimeLeft": "wie viel Zeit hat {name} noch",
        "example.BackReliefStreak": "wie lang ist {name}s Trainingsserie",
        "example.BackReliefLogActivity": "trage 30 Minuten Yoga für {name} ein",
        "example.BackReliefLogPain": "{name}s Rückenschmerzen sind bei 4",
        "not_available": "Die Routine von {name} ist gerade nicht verfügbar.",
        "no_people": "In Back Relief ist noch niemand eingerichtet.",
        "error.session_active": "{Activity} läuft noch. Beende sie zuerst oder brich sie ab.",
        "error.session_active.named": (
            "{Activity} für {name} läuft noch. Beende sie zuerst oder brich sie ab."
        ),
        "error.no_session": "Es läuft gerade keine Sitzung.",
        "error.no_session.named": "Für {name} läuft gerade keine Sitzung.",
        "error.not_running": "Die Sitzung ist schon pausiert.",
        "error.not_running.named": "Die Sitzung von {name} ist schon pausiert.",
        "error.not_paused": "Die Sitzung ist nicht pausiert.",
        "error.not_paused.named": "Die Sitzung von {name} ist nicht pausiert.",
        "error.wrong_activity": "Gerade läuft {running}, nicht {asked}.",
        "error.wrong_activity.named": "Für {name} läuft gerade {running}, nicht {asked}.",
        "error.duration_out_of_range": "{Activity} kann {minimum} bis {maximum} Minuten dauern.",
        "error.log_out_of_range": "Du kannst {minimum} bis {maximum} Minuten auf einmal eintragen.",
        "error.level_out_of_range": "Die Schmerzstufe geht von {minimum} bis {maximum}.",
        "error.other": "Das hat nicht geklappt: {message}",
    },
}


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


@dataclass(frozen=True, slots=True)
class Answers:
    """The answers of one language, for one person.

    ``name`` is the person's name when the answer should say it, else None.
    """

    language: str
    name: str | None = None

    @classmethod
    def for_language(cls, language: str | None, name: str | None = None) -> Answers:
        """Return the answers of a language ("de-CH" speaks "de"); English otherwise."""
        base = (language or ENGLISH).replace("_", "-").split("-")[0].casefold()
        return cls(base if base in TEXTS else ENGLISH, name)

    def naming(self, name: str | None) -> Answers:
        """Return the same answers, naming this person (or nobody)."""
        return Answers(self.language, name)

    def text(self, key: str, **values: object) -> str:
        """Return one answer; the named variant when there is a name and one exists."""
        table = TEXTS[self.language]
        if self.name is not None and f"{key}.named" in table:
            key = f"{key}.named"
        template = table.get(key, TEXTS[ENGLISH][key])
        return template.format_map(
            {
                "name": self.name or "",
                "for_whom": table["for_whom"].format(name=self.name) if self.name else "",
                **values,
            }
        )

    def addition(self, key: str) -> str:
        """Return an optional addition to an answer, or nothing."""
        return TEXTS[self.language].get(key, "")

    def activity(self, activity: Activity) -> str:
        """Return an activity's name, as said mid-sentence."""
        return TEXTS[self.language][f"activity.{activity}"]

    def activity_title(self, activity: Activity) -> str:
        """Return an activity's name, as said at the start of a sentence."""
        return _capitalize(self.activity(activity))

    def streak_name(self, goal: Goal) -> str:
        """Return the name of a goal's streak."""
        return TEXTS[self.language][f"streak.{goal}"]

    def minutes(self, count: int) -> str:
        """Return "1 minute", "12 minutes"."""
        return self._count("minutes", count)

    def days(self, count: int) -> str:
        """Return "1 day", "5 days"."""
        return self._count("days", count)

    def remaining(self, remaining: timedelta) -> str:
        """Return the time left, to the nearest minute; under a minute, say so."""
        seconds = remaining.total_seconds()
        if seconds < 60:  # noqa: PLR2004
            return TEXTS[self.language]["less_than_a_minute"]
        return self.minutes(int((seconds + 30) // 60))

    def names(self, names: Iterable[str]) -> str:
        """Return "Alex, Kim or Sam"."""
        listed = list(names)
        if len(listed) < 2:  # noqa: PLR2004
            return "".join(listed)
        return ", ".join(listed[:-1]) + TEXTS[self.language]["or"] + listed[-1]

    def _count(self, unit: str, count: int) -> str:
        form = "one" if count == 1 else "other"
        return TEXTS[self.language][f"{unit}.{form}"].format(count=count)
