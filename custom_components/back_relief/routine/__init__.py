"""The routine itself, as plain Python: activities, days, sessions, streaks, the plan.

Nothing here imports Home Assistant; every rule takes the clock it is given.
"""
