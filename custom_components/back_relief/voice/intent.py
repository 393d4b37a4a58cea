"""Voice control through Assist: one intent handler for each thing a person can say.

The intent platform (``intent.py`` at the package root) registers them. The sentences
that lead here are written by ``custom_sentences``; LLM agents reach the same
handlers as tools (see ``llm``). Every answer is a short spoken sentence, refusals included.
"""

from __future__ import annotations

from typing import Any, ClassVar

from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import config_validation as cv, intent
import voluptuous as vol

from ..coordinator import BackReliefCoordinator
from ..people import NO_SESSION, NOT_LOADED, Asker, PersonNotFound, find_person, person_name
from ..routine.day import Activity, Goal
from ..routine.goals import is_high_pain
from ..routine.source import Source
from .answers import Answers
from .follow_up import async_ask_whose
from .handover import async_hand_over
from .replies import Spoken, async_answers, check_activity, refusal, remaining
from .slots import (
    ACTIVITY,
    PERSON,
    SLOT_ACTIVITY,
    SLOT_KIND,
    SLOT_LEVEL,
    SLOT_MINUTES,
    SLOT_PERSON,
    SLOT_SAID_WITH,
    Slots,
)

INTENT_START_SESSION = "BackReliefStartSession"
INTENT_PAUSE_SESSION = "BackReliefPauseSession"
INTENT_RESUME_SESSION = "BackReliefResumeSession"
INTENT_STOP_SESSION = "BackReliefStopSession"
INTENT_CANCEL_SESSION = "BackReliefCancelSession"
INTENT_TIME_LEFT = "BackReliefTimeLeft"
INTENT_STREAK = "BackReliefStreak"
INTENT_LOG_ACTIVITY = "BackReliefLogActivity"
INTENT_LOG_PAIN = "BackReliefLogPain"


class BackReliefIntentHandler(intent.IntentHandler):
    """Finds whose routine a request is for and answers it in words."""

    title: ClassVar[str]
    tool_name: ClassVar[str]
    read_only: ClassVar[bool] = False
    # Whether carrying it out throws something away (for LLM agents).
    destructive: ClassVar[bool] = False
    # Whether the person may be told by who has a session going.
    session_bound: ClassVar[bool] = False
    slots: ClassVar[dict[vol.Marker, Any]] = {}
    # Refusals of a limit said with the limits, by the refusal's key.
    range_refusals: ClassVar[dict[str, str]] = {"level_out_of_range": "error.level_out_of_range"}

    @property
    def slot_schema(self) -> dict[vol.Marker, Any]:
        """Return the slots, with the optional person every request may name."""
        return {**self.slots, **PERSON}

    async def async_handle(self, intent_obj: intent.Intent) -> intent.IntentResponse:
        """Answer the request; a refusal is an error response with a spoken reason."""
        if (handed_over := await async_hand_over(intent_obj)) is not None:
            return handed_over
        response = intent_obj.create_response()
        answers = await async_answers(intent_obj.hass, intent_obj.language)
        slots = Slots(intent_obj.slots)
        try:
            coordinator, named = self._find_person(intent_obj, slots, answers)
            answers = answers.naming(coordinator.name if named else None)
            try:
                speech = self.answer(coordinator, slots, answers)
            except ServiceValidationError as err:
                raise Spoken(
                    refusal(err, coordinator, slots, answers, self.range_refusals)
                ) from err
        except Spoken as spoken:
            response.async_set_error(intent.IntentResponseErrorCode.FAILED_TO_HANDLE, spoken.text)
            return response
        if self.read_only:
            response.response_type = intent.IntentResponseType.QUERY_ANSWER
        response.async_set_speech(speech)
        return response

    def answer(self, coordinator: BackReliefCoordinator, slots: Slots, answers: Answers) -> str:
        """Carry out the request and return what to say."""
        raise NotImplementedError

    # ----- whose routine -----

    def _find_person(
        self, intent_obj: intent.Intent, slots: Slots, answers: Answers
    ) -> tuple[BackReliefCoordinator, bool]:
        """Return whose routine this is, and whether the answer should say the name."""
        asked = slots.value(SLOT_PERSON)
        asker = Asker(
            asked=None if asked is None else str(asked),
            by_name=True,
            satellite_id=intent_obj.satellite_id,
            device_id=intent_obj.device_id,
            user_id=intent_obj.context.user_id,
            session_bound=self.session_bound,
        )
        try:
            entry, named = find_person(intent_obj.hass, asker)
        except PersonNotFound as err:
            if err.reason == NOT_LOADED and err.entry is not None:
                raise Spoken(answers.naming(person_name(err.entry)).text("not_available")) from err
            if not err.loaded:
                raise Spoken(answers.text("no_people")) from err
            if err.reason == NO_SESSION:
                raise Spoken(answers.text("error.no_session")) from err
            names = sorted(person_name(entry) for entry in err.loaded)
            if async_ask_whose(intent_obj):  # The name alone answers, in this conversation.
                raise Spoken(answers.text("which_person.ask", names=answers.names(names))) from err
            example = answers.text(f"example.{self.intent_type}", name=names[0])
            raise Spoken(
                answers.text("which_person", names=answers.names(names), example=example)
            ) from err
        return entry.runtime_data.coordinator, named


class StartSessionHandler(BackReliefIntentHandler):
    """Start a session: "start inversion for 20 minutes"."""

    intent_type = INTENT_START_SESSION
    title = "Start a session"
    tool_name = "start_session"
    description = (
        "Starts a timed Back Relief session: exercise (yoga, core, workout), stretching, "
        "the inversion table, or rest. Minutes default to the person's usual length."
    )
    slots: ClassVar[dict[vol.Marker, Any]] = {
        vol.Required(SLOT_ACTIVITY): ACTIVITY,
        vol.Optional(SLOT_MINUTES): vol.Coerce(float),
    }

    def answer(self, coordinator: BackReliefCoordinator, slots: Slots, answers: Answers) -> str:
        """Start the session and say how long it runs."""
        activity = Activity(slots.value(SLOT_ACTIVITY))
        minutes = slots.number(SLOT_MINUTES)
        # Without a length, start as the button does: stretching runs the chosen routine.
        session = (
            coordinator.commands.start_with_defaults(activity, source=Source.VOICE)
            if minutes is None
            else coordinator.commands.start_session(activity, minutes, source=Source.VOICE)
        )
        return answers.text(
            "started",
            Activity=answers.activity_title(activity),
            duration=answers.minutes(session.planned_minutes),
        ) + answers.addition(f"started.{activity}")


class SessionHandler(BackReliefIntentHandler):
    """A request about the session going on now."""

    session_bound = True
    slots: ClassVar[dict[vol.Marker, Any]] = {vol.Optional(SLOT_ACTIVITY): ACTIVITY}


class PauseOrResumeHandler(SessionHandler):
    """Pause or resume, then say what is left."""

    answer_key: ClassVar[str]

    def change(self, coordinator: BackReliefCoordinator) -> None:
        """Pause or resume the session."""
        raise NotImplementedError

    def answer(self, coordinator: BackReliefCoordinator, slots: Slots, answers: Answers) -> str:
        """Change the session and say what is left."""
        check_activity(coordinator, slots, answers)
        self.change(coordinator)
        assert coordinator.reader.session is not None  # noqa: S101
        return answers.text(
            self.answer_key,
            Activity=answers.activity_title(coordinator.reader.session.activity),
            remaining=remaining(coordinator, answers),
        )


class PauseSessionHandler(PauseOrResumeHandler):
    """Pause: "pause my session"."""

    intent_type = INTENT_PAUSE_SESSION
    title = "Pause the session"
    tool_name = "pause_session"
    description = "Pauses the running Back Relief session; paused time doesn't count."
    answer_key = "paused"

    def change(self, coordinator: BackReliefCoordinator) -> None:
        """Pause the session."""
        coordinator.commands.pause_session(source=Source.VOICE)


class ResumeSessionHandler(PauseOrResumeHandler):
    """Resume: "resume my session"."""

    intent_type = INTENT_RESUME_SESSION
    title = "Resume the session"
    tool_name = "resume_session"
    description = "Resumes the paused Back Relief session."
    answer_key = "resumed"

    def change(self, coordinator: BackReliefCoordinator) -> None:
        """Resume the session."""
        coordinator.commands.resume_session(source=Source.VOICE)


class StopSessionHandler(SessionHandler):
    """Stop early, counting the minutes done: "stop my session", "I'm done stretching"."""

    intent_type = INTENT_STOP_SESSION
    title = "Stop the session"
    tool_name = "stop_session"
    description = "Ends the Back Relief session now and counts the minutes done."

    def answer(self, coordinator: BackReliefCoordinator, slots: Slots, answers: Answers) -> str:
        """Stop and say what was counted."""
        check_activity(coordinator, slots, answers)
        activity = coordinator.reader.session.activity if coordinator.reader.session else None
        credited = coordinator.commands.stop_session(source=Source.VOICE)
        assert activity is not None  # noqa: S101 - stop_session refuses when idle
        if credited == 0:
            return answers.text("stopped.nothing", Activity=answers.activity_title(activity))
        return answers.text(
            "stopped",
            Activity=answers.activity_title(activity),
            credited=answers.minutes(credited),
        )


class CancelSessionHandler(SessionHandler):
    """Cancel, counting nothing: "cancel my session"."""

    intent_type = INTENT_CANCEL_SESSION
    title = "Cancel the session"
    tool_name = "cancel_session"
    description = "Ends the Back Relief session now without counting it."
    destructive = True

    def answer(self, coordinator: BackReliefCoordinator, slots: Slots, answers: Answers) -> str:
        """Cancel and say that nothing counted."""
        check_activity(coordinator, slots, answers)
        activity = coordinator.reader.session.activity if coordinator.reader.session else None
        coordinator.commands.cancel_session(source=Source.VOICE)
        assert activity is not None  # noqa: S101 - cancel_session refuses when idle
        return answers.text("cancelled", Activity=answers.activity_title(activity))


class TimeLeftHandler(SessionHandler):
    """The time left: "how much time is left"."""

    intent_type = INTENT_TIME_LEFT
    title = "Time left in the session"
    tool_name = "time_left"
    description = "Tells how much time is left in the Back Relief session."
    read_only = True

    def answer(self, coordinator: BackReliefCoordinator, slots: Slots, answers: Answers) -> str:
        """Say the time left, and whether the session is paused."""
        session = coordinator.reader.session
        if session is None:
            return answers.text("error.no_session")
        check_activity(coordinator, slots, answers)
        key = "time_left.paused" if session.is_paused else "time_left"
        return answers.text(
            key,
            activity=answers.activity(session.activity),
            Activity=answers.activity_title(session.activity),
            remaining=remaining(coordinator, answers),
        )


class StreakHandler(BackReliefIntentHandler):
    """A streak: "what's my exercise streak"; all of them without an activity."""

    intent_type = INTENT_STREAK
    title = "Streaks"
    tool_name = "streak"
    description = (
        "Tells a Back Relief streak (days in a row meeting the daily goal) and the best "
        "one: exercise (stretching counts), rest or inversion; all three without an activity."
    )
    read_only = True
    slots: ClassVar[dict[vol.Marker, Any]] = {vol.Optional(SLOT_ACTIVITY): ACTIVITY}

    def answer(self, coordinator: BackReliefCoordinator, slots: Slots, answers: Answers) -> str:
        """Say the streak and the best one."""
        if (activity := slots.activity()) is None:
            return answers.text(
                "streaks",
                **{
                    str(goal): answers.days(coordinator.reader.streak(goal).current)
                    for goal in Goal
                },
            )
        goal = next(goal for goal in Goal if activity in goal.activities)
        streak = coordinator.reader.streak(goal)
        return answers.text(
            "streak",
            streak=answers.streak_name(goal),
            days=answers.days(streak.current),
            best=streak.best,
        )


class LogActivityHandler(BackReliefIntentHandler):
    """Minutes done away from a session: "log 30 minutes of yoga"."""

    intent_type = INTENT_LOG_ACTIVITY
    title = "Log an activity"
    tool_name = "log_activity"
    description = (
        "Adds minutes done today away from a Back Relief session, for example a yoga "
        "class; kind says what it was."
    )
    slots: ClassVar[dict[vol.Marker, Any]] = {
        vol.Required(SLOT_ACTIVITY): ACTIVITY,
        vol.Required(SLOT_MINUTES): vol.Coerce(float),
        vol.Optional(SLOT_KIND): vol.All(cv.string, vol.Length(max=50)),
    }
    range_refusals: ClassVar[dict[str, str]] = {"duration_out_of_range": "error.log_out_of_range"}

    def answer(self, coordinator: BackReliefCoordinator, slots: Slots, answers: Answers) -> str:
        """Log the minutes and repeat what was logged."""
        activity = Activity(slots.value(SLOT_ACTIVITY))
        minutes = slots.number(SLOT_MINUTES) or 0
        # "yoga" is kept as the kind; a plain "exercise" or "stretching" adds nothing, and
        # neither does a verb ("I rested", "I worked out").
        kind = slots.value(SLOT_KIND)
        if kind is None and slots.value(SLOT_SAID_WITH) != "verb":
            kind = slots.text(SLOT_ACTIVITY)
        plain = (str(activity), answers.activity(activity).casefold())
        if kind is not None and kind.casefold() in plain:
            kind = None
        coordinator.commands.log_activity(activity, minutes, kind=kind)
        return answers.text(
            "logged", duration=answers.minutes(minutes), kind=kind or answers.activity(activity)
        )


class LogPainHandler(BackReliefIntentHandler):
    """How the back feels: "my back pain is 4"."""

    intent_type = INTENT_LOG_PAIN
    title = "Log back pain"
    tool_name = "log_pain"
    description = "Records how the back feels, from 0 (no pain) to 10 (worst)."
    slots: ClassVar[dict[vol.Marker, Any]] = {vol.Required(SLOT_LEVEL): vol.Coerce(float)}

    def answer(self, coordinator: BackReliefCoordinator, slots: Slots, answers: Answers) -> str:
        """Log the level; a high one gets a word of care."""
        level = slots.number(SLOT_LEVEL)
        assert level is not None  # noqa: S101 - a required slot, a number by its schema
        coordinator.commands.log_pain(level)
        care = answers.addition("pain_logged.high") if is_high_pain(level) else ""
        return answers.text("pain_logged", level=level) + care


HANDLERS: tuple[type[BackReliefIntentHandler], ...] = (
    StartSessionHandler,
    PauseSessionHandler,
    ResumeSessionHandler,
    StopSessionHandler,
    CancelSessionHandler,
    TimeLeftHandler,
    StreakHandler,
    LogActivityHandler,
    LogPainHandler,
)
