"""The review page's preview: the Word brief's own paragraphs, so that what the page shows is what prints.

The preview is not drawn a second time from the draft: the draft is rendered by the same function as
`briefing render` and the page's download (draft.render_to, with the configuration's reference document
and spacing), and the document's paragraphs are read back with their style names and bold runs.
"""
from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from ..models import Brief


def preview(brief: Brief, reference_doc: str | Path | None = None,
            line_spacing_pt: float | None = None) -> list[dict[str, Any]]:
    """The brief's printed paragraphs in order: {"style": "Heading 1", "runs": [[text, bold], …]}; runs of
    the same weight are joined, empty paragraphs left out. Warnings (no 版记) are the page's to show."""
    import docx
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    from .draft import render_to

    with tempfile.TemporaryDirectory(prefix="briefing-preview-") as folder:
        target = Path(folder) / "preview.docx"
        render_to(brief, target, None, reference_doc, line_spacing_pt, warn=lambda line: None)
        document = docx.Document(str(target))
    paragraphs = []
    # every paragraph in reading order, those of text boxes too (the 版记 sits in one at the page foot)
    for element in document.element.body.iter(qn("w:p")):
        paragraph = Paragraph(element, document)
        runs: list[list[Any]] = []
        for run in paragraph.runs:
            bold = bool(run.bold)
            if runs and runs[-1][1] == bold:
                runs[-1][0] += run.text
            elif run.text:
                runs.append([run.text, bold])
        if any(text.strip() for text, _ in runs):
            paragraphs.append({"style": paragraph.style.name, "runs": runs})
    return paragraphs
