"""Fixtures for the service tests (Redis, app, client, live server)."""
