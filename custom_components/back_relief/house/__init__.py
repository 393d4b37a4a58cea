"""The house: speakers, satellites, phones, lights, cues, reminders and check-ins."""
