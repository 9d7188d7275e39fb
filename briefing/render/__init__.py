"""Renderers: Jinja2 templates (Markdown, terminal text) and python-docx (Word)."""
