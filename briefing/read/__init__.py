"""Reading: bytes to text, files and pages to articles (plain pages, .docx, JSONL records, e-paper HTML,
layout pages, PDF, .doc/.wps), with site furniture cleaned away. Imports nothing of the later stages."""
