"""Fixtures for the ranking and evaluation tests."""
