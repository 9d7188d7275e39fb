"""A fast .docx writer: the reference package parsed once, then each file written from text templates.

python-docx opens the reference and serialises every part of it for each document (about 30 ms,
most of it re-compressing 800 KB of styles). Here the reference is prepared once with python-docx
(render/docx.py's open_reference: page setup, styles, page-number footers), each paragraph kind is
built once by render/docx.py's own functions and cut into the XML before and after its text, and
each document is then `document.xml` and `core.xml` filled in as strings, zipped together with the
other parts' already-compressed bytes. The parts come out byte for byte as python-docx writes them.
"""
from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from .files import atomic_write

DOCUMENT, CORE = "word/document.xml", "docProps/core.xml"
_MARK = "MARK{}KRAM"  # stands for a paragraph's text (or a property's value) while the templates are cut
_PARAGRAPH = re.compile(r"(<w:p>.*?)<w:t>MARK(\d+)KRAM</w:t>(</w:r></w:p>)")
_PROPERTY = re.compile(r"MARKp(\w+)KRAM")
_RUN_PARTS = re.compile(r"(\t|[\r\n])")
#: Properties filled in per document: (python-docx name, element in core.xml). Any other stays as saved.
PROPERTIES = (("title", "dc:title"), ("keywords", "cp:keywords"), ("comments", "dc:description"))
_DOS_EPOCH = (0, 33)  # 1980-01-01 00:00: a fixed time, so the same document gives the same bytes


def run_text(text: str) -> str:
    """A run's content as python-docx writes it: <w:t> chunks, a <w:tab/> per tab, a <w:br/> per line break."""
    out = []
    for chunk in _RUN_PARTS.split(text):
        if chunk == "\t":
            out.append("<w:tab/>")
        elif chunk in ("\r", "\n"):
            out.append("<w:br/>")
        elif chunk:
            space = ' xml:space="preserve"' if len(chunk.strip()) < len(chunk) else ""
            out.append(f"<w:t{space}>{escape(chunk)}</w:t>")
    return "".join(out)


@dataclass(frozen=True)
class _Part:
    """One zip member, compressed once: name, CRC-32, sizes, deflated bytes."""

    name: bytes
    crc: int
    size: int
    data: bytes

    @classmethod
    def of(cls, name: str, content: bytes) -> _Part:
        packer = zlib.compressobj(6, zlib.DEFLATED, -15)  # zipfile's default level, raw deflate
        return cls(name.encode(), zlib.crc32(content), len(content), packer.compress(content) + packer.flush())


def _zip(parts: Sequence[_Part]) -> bytes:
    """A zip archive of deflated parts (local headers, data, central directory, end record)."""
    body, directory = io.BytesIO(), io.BytesIO()
    for part in parts:
        offset = body.tell()
        fields = (20, 0, 8, *_DOS_EPOCH, part.crc, len(part.data), part.size, len(part.name))
        body.write(struct.pack("<4s5HL2L2H", b"PK\x03\x04", *fields, 0) + part.name + part.data)
        directory.write(struct.pack("<4s6HL2L5H2L", b"PK\x01\x02", 20, *fields, 0, 0, 0, 0, 0, offset) + part.name)
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(parts), len(parts), directory.tell(), body.tell(), 0)
    return body.getvalue() + directory.getvalue() + end


class Package:
    """A reference document ready to be filled: paragraph templates by name, the fixed parts compressed."""

    def __init__(self, saved: bytes, kinds: Sequence[str], properties: Sequence[str]) -> None:
        with zipfile.ZipFile(io.BytesIO(saved)) as archive:
            self.names = archive.namelist()
            contents = {name: archive.read(name) for name in self.names}
        xml = contents[DOCUMENT].decode("utf-8")
        found = {int(m.group(2)): (m.group(1), m.group(3)) for m in _PARAGRAPH.finditer(xml)}
        self.paragraphs = {kind: found[n] for n, kind in enumerate(kinds)}
        self.head, self.tail = xml[:xml.index("<w:body>") + 8], xml[xml.rindex("</w:p>") + 6:]
        self.core = contents[CORE].decode("utf-8")
        self.properties = tuple(properties)
        self.fixed = {name: _Part.of(name, data) for name, data in contents.items() if name not in (DOCUMENT, CORE)}

    @classmethod
    def build(cls, document, kinds: dict[str, Callable[[object, str], object]], properties: Iterable[str]) -> Package:
        """From a python-docx document with an empty body: `kinds` add one paragraph each (given the text)."""
        for n, add in enumerate(kinds.values()):
            add(document, _MARK.format(n))
        marks = {name: _MARK.format(f"p{name}") for name in properties}
        for name, mark in marks.items():
            setattr(document.core_properties, name, mark)
        saved = io.BytesIO()
        document.save(saved)
        return cls(saved.getvalue(), list(kinds), list(marks))

    def document_xml(self, paragraphs: Iterable[tuple[str, str]]) -> str:
        """The body: one paragraph of the named kind per (kind, text)."""
        body = []
        for kind, text in paragraphs:
            head, tail = self.paragraphs[kind]
            body.append(f"{head}{run_text(text)}{tail}")
        return self.head + "".join(body) + self.tail

    def core_xml(self, values: dict[str, str]) -> str:
        """core.xml with the given properties, each clipped to the 255 characters the format holds (as
        render/docx.py clips them for python-docx)."""
        return _PROPERTY.sub(lambda m: escape(values[m.group(1)][:255]), self.core)  # one pass: values are not re-read

    def save(self, path: str, document: str, core: str) -> None:
        """Write the package to `path` (a temporary file: callers rename it into place)."""
        made = {DOCUMENT: _Part.of(DOCUMENT, document.encode("utf-8")), CORE: _Part.of(CORE, core.encode("utf-8"))}
        Path(path).write_bytes(_zip([made.get(name) or self.fixed[name] for name in self.names]))

    def write(self, path: str | Path, paragraphs: Iterable[tuple[str, str]], properties: dict[str, str]) -> None:
        """Write one document atomically: it appears complete or not at all."""
        document, core = self.document_xml(paragraphs), self.core_xml(properties)
        atomic_write(path, lambda tmp: self.save(tmp, document, core))
