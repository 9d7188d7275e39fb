"""Shipped Jinja2 templates and the reference Word template (package data of briefing)."""
