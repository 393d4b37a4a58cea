"""Tests for the Back Relief integration."""
