"""What Back Relief answers through Assist: short, concrete sentences in each language.

Plain Python with no Home Assistant imports. Each language is a table of format
strings; a key ending in ``.named`` is the variant that names the person, used
when several people share the house or the person was named.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta

from .phrases import PHRASES
from .routine import Activity, Goal

ENGLISH = "en"
# The answers kept in the language files (speech/<language>.json), beside this table.
ANSWERS = "answers"

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
        "time_left.paused": "{activity} ist pausiert, noch {remaining}.",
        "time_left.paused.named": "{activity} für {name} ist pausiert, noch {remaining}.",
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
        "error.session_active": (
            "Deine Sitzung läuft noch: {activity}. Beende sie zuerst oder brich sie ab."
        ),
        "error.session_active.named": (
            "Die Sitzung von {name} läuft noch: {activity}. Beende sie zuerst oder brich sie ab."
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
    "fr": {
        # Activities carry their article: "L'inversion, c'est parti pour 20 minutes."
        "activity.exercise": "l'exercice",
        "activity.stretch": "les étirements",
        "activity.inversion": "l'inversion",
        "activity.rest": "le repos",
        "streak.exercise": "série d'exercice",
        "streak.rest": "série de repos",
        "streak.inversion": "série d'inversion",
        "minutes.one": "{count} minute",
        "minutes.other": "{count} minutes",
        "days.one": "{count} jour",
        "days.other": "{count} jours",
        "less_than_a_minute": "moins d'une minute",
        "for_whom": " de {name}",
        "or": " ou ",
        "started": "{Activity}{for_whom}, c'est parti pour {duration}.",
        "started.inversion": " Je vous dirai quand remonter.",
        "started.stretch": " N'allez que jusqu'où c'est confortable.",
        "started.rest": " Détendez-vous.",
        "paused": "{Activity}{for_whom}, c'est en pause : il reste {remaining}.",
        "resumed": "{Activity}{for_whom}, c'est reparti : il reste {remaining}.",
        "stopped": "{Activity}{for_whom}, c'est terminé : je compte {credited}.",
        "stopped.nothing": (
            "{Activity}{for_whom}, c'est terminé, mais c'était trop court pour compter."
        ),
        "cancelled": "{Activity}{for_whom}, c'est annulé : rien n'est compté.",
        "time_left": "Il vous reste {remaining}.",
        "time_left.named": "Il reste {remaining} à {name}.",
        "time_left.paused": "Pause en cours pour {activity} : il reste {remaining}.",
        "time_left.paused.named": (
            "Pause en cours pour {activity} de {name} : il reste {remaining}."
        ),
        "streak": "Votre {streak} est de {days} ; votre record : {best}.",
        "streak.named": "La {streak} de {name} est de {days} ; son record : {best}.",
        "streaks": "Vos séries : exercice {exercise}, repos {rest}, inversion {inversion}.",
        "streaks.named": (
            "Les séries de {name} : exercice {exercise}, repos {rest}, inversion {inversion}."
        ),
        "logged": "C'est noté : {kind}{for_whom}, {duration}.",
        "pain_logged": "Douleur{for_whom} notée : niveau {level}.",
        "pain_logged.high": " Ménagez-vous aujourd'hui.",
        "which_person": "Pour qui : {names} ? Dites par exemple : {example}.",
        "example.BackReliefStartSession": "démarre l'inversion pour {name}",
        "example.BackReliefPauseSession": "mets en pause la séance de {name}",
        "example.BackReliefResumeSession": "reprends la séance de {name}",
        "example.BackReliefStopSession": "arrête la séance de {name}",
        "example.BackReliefCancelSession": "annule la séance de {name}",
        "example.BackReliefTimeLeft": "combien de temps reste-t-il à {name}",
        "example.BackReliefStreak": "quelle est la série d'exercice de {name}",
        "example.BackReliefLogActivity": "note 30 minutes de yoga pour {name}",
        "example.BackReliefLogPain": "la douleur de {name} est à 4",
        "not_available": "La routine de {name} n'est pas disponible pour le moment.",
        "no_people": "Personne n'est encore configuré dans Back Relief.",
        "error.session_active": (
            "Une séance est encore en cours pour {activity}. Arrêtez-la ou annulez-la d'abord."
        ),
        "error.session_active.named": (
            "Une séance est encore en cours pour {activity} de {name}. "
            "Arrêtez-la ou annulez-la d'abord."
        ),
        "error.no_session": "Aucune séance n'est en cours.",
        "error.no_session.named": "{name} n'a pas de séance en cours.",
        "error.not_running": "Votre séance est déjà en pause.",
        "error.not_running.named": "La séance de {name} est déjà en pause.",
        "error.not_paused": "Votre séance n'est pas en pause.",
        "error.not_paused.named": "La séance de {name} n'est pas en pause.",
        "error.wrong_activity": "C'est {running} qui est en cours, pas {asked}.",
        "error.wrong_activity.named": "Pour {name}, c'est {running} qui est en cours, pas {asked}.",
        "error.duration_out_of_range": (
            "{Activity}, c'est de {minimum} à {maximum} minutes par séance."
        ),
        "error.log_out_of_range": "Vous pouvez noter de {minimum} à {maximum} minutes à la fois.",
        "error.level_out_of_range": "La douleur se note de {minimum} à {maximum}.",
        "error.other": "Ça n'a pas marché : {message}",
    },
    "es": {
        "activity.exercise": "ejercicio",
        "activity.stretch": "estiramientos",
        "activity.inversion": "inversión",
        "activity.rest": "descanso",
        "streak.exercise": "racha de ejercicio",
        "streak.rest": "racha de descanso",
        "streak.inversion": "racha de inversión",
        "minutes.one": "{count} minuto",
        "minutes.other": "{count} minutos",
        "days.one": "{count} día",
        "days.other": "{count} días",
        "less_than_a_minute": "menos de un minuto",
        "for_whom": " para {name}",
        "or": " o ",
        "started": "{Activity}{for_whom} en marcha: {duration}.",
        "started.inversion": " Te avisaré cuando sea hora de subir.",
        "started.stretch": " Estira solo hasta donde te resulte cómodo.",
        "started.rest": " Relájate.",
        "paused": "{Activity}{for_whom} en pausa. Tiempo restante: {remaining}.",
        "resumed": "{Activity}{for_whom} de nuevo en marcha. Tiempo restante: {remaining}.",
        "stopped": "{Activity}{for_whom}: sesión terminada. He contado {credited}.",
        "stopped.nothing": (
            "{Activity}{for_whom}: sesión terminada. Ha sido demasiado corta para contar."
        ),
        "cancelled": "{Activity}{for_whom}: sesión cancelada. No he contado nada.",
        "time_left": "Tiempo restante: {remaining}.",
        "time_left.named": "Tiempo restante para {name}: {remaining}.",
        "time_left.paused": (
            "Tu sesión de {activity} está en pausa. Tiempo restante: {remaining}."
        ),
        "time_left.paused.named": (
            "La sesión de {activity} de {name} está en pausa. Tiempo restante: {remaining}."
        ),
        "streak": "Tu {streak} es de {days}; tu récord: {best}.",
        "streak.named": "La {streak} de {name} es de {days}; su récord: {best}.",
        "streaks": "Tus rachas: ejercicio {exercise}, descanso {rest}, inversión {inversion}.",
        "streaks.named": (
            "Rachas de {name}: ejercicio {exercise}, descanso {rest}, inversión {inversion}."
        ),
        "logged": "He anotado {duration} de {kind}{for_whom}.",
        "pain_logged": "Nivel de dolor {level} anotado{for_whom}.",
        "pain_logged.high": " Tómatelo con calma hoy.",
        "which_person": "¿Para quién: {names}? Di, por ejemplo: {example}.",
        "example.BackReliefStartSession": "empieza la inversión para {name}",
        "example.BackReliefPauseSession": "pausa la sesión de {name}",
        "example.BackReliefResumeSession": "reanuda la sesión de {name}",
        "example.BackReliefStopSession": "detén la sesión de {name}",
        "example.BackReliefCancelSession": "cancela la sesión de {name}",
        "example.BackReliefTimeLeft": "cuánto tiempo le queda a {name}",
        "example.BackReliefStreak": "cuál es la racha de ejercicio de {name}",
        "example.BackReliefLogActivity": "anota 30 minutos de yoga para {name}",
        "example.BackReliefLogPain": "el dolor de espalda de {name} está en 4",
        "not_available": "La rutina de {name} no está disponible ahora mismo.",
        "no_people": "Todavía no hay nadie configurado en Back Relief.",
        "error.session_active": (
            "Tu sesión de {activity} sigue en curso. Detenla o cancélala primero."
        ),
        "error.session_active.named": (
            "La sesión de {activity} de {name} sigue en curso. Detenla o cancélala primero."
        ),
        "error.no_session": "No hay ninguna sesión en curso.",
        "error.no_session.named": "{name} no tiene ninguna sesión en curso.",
        "error.not_running": "Tu sesión ya está en pausa.",
        "error.not_running.named": "La sesión de {name} ya está en pausa.",
        "error.not_paused": "Tu sesión no está en pausa.",
        "error.not_paused.named": "La sesión de {name} no está en pausa.",
        "error.wrong_activity": "Tienes en curso una sesión de {running}, no de {asked}.",
        "error.wrong_activity.named": (
            "{name} tiene en curso una sesión de {running}, no de {asked}."
        ),
        "error.duration_out_of_range": (
            "{Activity}: las sesiones pueden durar de {minimum} a {maximum} minutos."
        ),
        "error.log_out_of_range": "Puedes anotar de {minimum} a {maximum} minutos cada vez.",
        "error.level_out_of_range": "El dolor se anota de {minimum} a {maximum}.",
        "error.other": "No ha funcionado: {message}",
    },
    "nl": {
        "activity.exercise": "oefenen",
        "activity.stretch": "rekken",
        "activity.inversion": "inversie",
        "activity.rest": "rust",
        "streak.exercise": "oefenreeks",
        "streak.rest": "rustreeks",
        "streak.inversion": "inversiereeks",
        "minutes.one": "{count} minuut",
        "minutes.other": "{count} minuten",
        "days.one": "{count} dag",
        "days.other": "{count} dagen",
        "less_than_a_minute": "minder dan een minuut",
        "for_whom": " voor {name}",
        "or": " of ",
        "started": "{Activity}{for_whom} gestart: {duration}.",
        "started.inversion": " Ik zeg het wanneer je weer omhoog kunt komen.",
        "started.stretch": " Rek alleen zo ver als prettig voelt.",
        "started.rest": " Ontspan je.",
        "paused": "{Activity}{for_whom} gepauzeerd, nog {remaining} te gaan.",
        "resumed": "{Activity}{for_whom} gaat verder: nog {remaining}.",
        "stopped": "{Activity}{for_whom} gestopt: {credited} geteld.",
        "stopped.nothing": "{Activity}{for_whom} gestopt; dat was te kort om mee te tellen.",
        "cancelled": "{Activity}{for_whom} geannuleerd; er is niets geteld.",
        "time_left": "Je hebt nog {remaining}.",
        "time_left.named": "{name} heeft nog {remaining}.",
        "time_left.paused": "Pauze bij {activity}: nog {remaining} te gaan.",
        "time_left.paused.named": "Pauze bij {activity} voor {name}: nog {remaining} te gaan.",
        "streak": "Je {streak} is {days}; je record is {best}.",
        "streak.named": "De {streak} van {name} is {days}; het record is {best}.",
        "streaks": "Je reeksen: oefenen {exercise}, rust {rest}, inversie {inversion}.",
        "streaks.named": (
            "Reeksen van {name}: oefenen {exercise}, rust {rest}, inversie {inversion}."
        ),
        "logged": "{duration} {kind}{for_whom} genoteerd.",
        "pain_logged": "Pijnniveau {level}{for_whom} genoteerd.",
        "pain_logged.high": " Doe het vandaag rustig aan.",
        "which_person": "Voor wie: {names}? Zeg bijvoorbeeld: {example}.",
        "example.BackReliefStartSession": "start inversie voor {name}",
        "example.BackReliefPauseSession": "pauzeer de sessie van {name}",
        "example.BackReliefResumeSession": "hervat de sessie van {name}",
        "example.BackReliefStopSession": "stop de sessie van {name}",
        "example.BackReliefCancelSession": "annuleer de sessie van {name}",
        "example.BackReliefTimeLeft": "hoeveel tijd heeft {name} nog",
        "example.BackReliefStreak": "wat is de oefenreeks van {name}",
        "example.BackReliefLogActivity": "noteer 30 minuten yoga voor {name}",
        "example.BackReliefLogPain": "de rugpijn van {name} is 4",
        "not_available": "De routine van {name} is nu niet beschikbaar.",
        "no_people": "Er is nog niemand ingesteld in Back Relief.",
        "error.session_active": "Je bent nog bezig met {activity}. Stop of annuleer dat eerst.",
        "error.session_active.named": (
            "{name} is nog bezig met {activity}. Stop of annuleer dat eerst."
        ),
        "error.no_session": "Er loopt geen sessie.",
        "error.no_session.named": "{name} heeft geen lopende sessie.",
        "error.not_running": "Je sessie is al gepauzeerd.",
        "error.not_running.named": "De sessie van {name} is al gepauzeerd.",
        "error.not_paused": "Je sessie is niet gepauzeerd.",
        "error.not_paused.named": "De sessie van {name} is niet gepauzeerd.",
        "error.wrong_activity": "Je bent bezig met {running}, niet met {asked}.",
        "error.wrong_activity.named": "{name} is bezig met {running}, niet met {asked}.",
        "error.duration_out_of_range": "{Activity} kan {minimum} tot {maximum} minuten duren.",
        "error.log_out_of_range": "Je kunt {minimum} tot {maximum} minuten per keer noteren.",
        "error.level_out_of_range": "Pijn noteer je van {minimum} tot {maximum}.",
        "error.other": "Dat lukte niet: {message}",
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
        table = {**PHRASES[self.language][ANSWERS], **TEXTS[self.language]}
        if self.name is not None and f"{key}.named" in table:
            key = f"{key}.named"
        template = table.get(key) or TEXTS[ENGLISH][key]
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

    def checklist_item(self, uid: str) -> str:
        """Return the name of one of the checklist's own items."""
        return PHRASES[self.language]["checklist"].get(uid, uid)

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
