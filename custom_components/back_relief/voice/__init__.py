"""Voice: what Assist understands of a person's routine and how it answers."""
