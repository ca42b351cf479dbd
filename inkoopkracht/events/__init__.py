"""Workshops and peer meetings: events, registrations, waiting list, attendance, participation."""
