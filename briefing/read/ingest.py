"""Read inputs (txt, md, docx, jsonl, stdin), decode them, and split pages into articles."""
from __future__ import annotations

import codecs
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .clean import drop_restatements, is_furniture, original_title, unglue_lead, unmark, web_lines
from .decode import decode_bytes
from ..errors import InputError
from ..models import Article, Byline
from .text import CLOSERS, TERMINATORS, clean_display, ends_paragraph

TEXT_SUFFIXES = {".txt", ".md", ".text", ""}
READABLE_SUFFIXES = {".txt", ".md", ".docx", ".jsonl", ".html", ".htm", ".shtml", ".pdf", ".doc", ".wps"}
#: A line this long with no sentence punctuation is not prose (a dump, a hash, a minified file).
MAX_UNPUNCTUATED = 5000

_LEAD_RE = re.compile(r"^(?:本报讯|(?:新华社|中新社|人民网|央视网)[\u4e00-\u9fff]{0,10}?\d{1,2}月\d{1,2}日电)")
_NAME = r"[\u4e00-\u9fff·]{2,5}"
_BYLINE_RE = re.compile(
    rf"^[（(]?(?:(?:本报记者|记者|通讯员|实习生|见习记者|特约记者)[\s:：]*{_NAME}(?:[\s、]+{_NAME})*\s*)+[）)]?$"
)
_BYLINE_ROLE_RE = re.compile(r"(本报记者|见习记者|特约记者|记者|通讯员|实习生)")
_ENUMERATED_RE = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．])")
_DATE_IN_NAME_RE = re.compile(r"(?<!\d)(20\d\d|19\d\d)[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)")
_DATE_LINE_RE = re.compile(r"^(20\d\d|19\d\d)年(\d{1,2})月(\d{1,2})日")
_MAX_HEADLINE = 40
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_SENTENCE_END = TERMINATORS + "；;：:，,、."


def decode(data: bytes, source: str) -> tuple[str, str]:
    """Decode a file's bytes (briefing.read.decode: UTF-8, UTF-16/32, GB18030 or Big5, mojibake refused),
    newlines normalised; return (text, encoding)."""
    text, encoding = decode_bytes(data, source)
    _check_text(text, source)
    return normalise_newlines(text), encoding


def normalise_newlines(text: str) -> str:
    """CRLF and CR line ends as LF, lone surrogates dropped: text as every reader gets it."""
    return drop_surrogates(text.replace("\r\n", "\n").replace("\r", "\n"))


def drop_surrogates(text: str) -> str:
    """Remove lone surrogates (from JSON escapes or broken UTF-16): no encoder downstream accepts them."""
    return _SURROGATE_RE.sub("", text)


def _check_text(text: str, source: str) -> None:
    """Reject decoded text that is mostly control characters (a binary file that happened to decode)."""
    sample = text[:4096]
    controls = sum(1 for ch in sample if ch < " " and ch not in "\n\r\t\f")
    if controls > len(sample) * 0.02:
        raise InputError(source, "looks like a binary file", "give a .txt, .md, .docx or .jsonl file")


def check_prose(text: str, source: str) -> None:
    """Reject text with a very long line that has no sentence punctuation at all."""
    if not text.strip():
        raise InputError(source, "has no text", "give a file with article text")
    for number, line in enumerate(text.split("\n"), 1):
        if len(line) > MAX_UNPUNCTUATED and not re.search(r"[。！？!?；;，,.]", line):
            raise InputError(
                source, f"line {number} has {len(line)} characters and no punctuation",
                "this is not article text; split it into sentences or give the right file")


#: Years a date may have: outside them a date is a typo or an attack (9999-12-31 overflowed the week maths).
YEARS = range(1900, 2101)
_ISO_DATE_RE = re.compile(r"^\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[T\s].*)?$")


def calendar_date(text: str) -> str | None:
    """YYYY-MM-DD of a real calendar date written 2025-11-13, 2025/11/13, 2025年11月13日 (a time after it
    is ignored), or None."""
    import datetime as dt

    match = _ISO_DATE_RE.match(text)
    if not match:
        return None
    year, month, day = map(int, match.groups())
    if year not in YEARS:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def date_from_name(name: str) -> str | None:
    """A date in a file name (2023-04-21.txt, 20230421_page2.txt) as YYYY-MM-DD."""
    match = _DATE_IN_NAME_RE.search(name)
    return "-".join(match.groups()) if match else None


def is_byline(line: str) -> bool:
    """A line such as `记者 景静 通讯员 王垚` that closes an article."""
    return len(line) <= 60 and bool(_BYLINE_RE.match(line))


def parse_byline(line: str) -> Byline:
    """Split a byline into reporters and correspondents."""
    reporters: list[str] = []
    correspondents: list[str] = []
    target = reporters
    for part in _BYLINE_ROLE_RE.split(line.strip("（）() ")):
        if _BYLINE_ROLE_RE.fullmatch(part):
            target = correspondents if part in ("通讯员", "实习生") else reporters
            continue
        target.extend(name for name in re.split(r"[\s、:：]+", part) if name)
    return Byline(tuple(reporters), tuple(correspondents))


def is_lead(line: str) -> bool:
    """A paragraph that opens an article: `本报讯 …` or a news agency dateline."""
    return bool(_LEAD_RE.match(line))


def is_headline(line: str) -> bool:
    """A short line that does not end like a sentence: a title candidate (it may end in a quote)."""
    core = line.rstrip(CLOSERS)
    return (len(line) <= _MAX_HEADLINE and bool(core) and core[-1] not in _SENTENCE_END
            and not is_byline(line) and not is_lead(line))


def repair_breaks(paragraphs: list[str], min_chars: int = 0) -> list[str]:
    """Join a paragraph that ends without sentence-final punctuation to the next one.

    min_chars: only paragraphs longer than this are joined. A web record's lines are the page's own
    paragraphs: one without an end is a title, a keyword line or a sub-heading when it is short,
    and only a long one was cut (news_headlines: 488 such short lines, 17 long ones).
    """
    out: list[str] = []
    for para in paragraphs:
        if out and len(out[-1]) > min_chars and not ends_paragraph(out[-1]) and not _ENUMERATED_RE.match(out[-1]) \
                and not is_byline(out[-1]) and not is_byline(para):
            glue = " " if out[-1][-1].isascii() and out[-1][-1].isalpha() and para[0].isascii() else ""
            out[-1] = out[-1] + glue + para
        else:
            out.append(para)
    return out


def split_page(text: str, source: str = "-", date: str | None = None) -> list[Article]:
    """Split a newspaper page into articles: headline lines, a lead, body paragraphs, a byline."""
    lines = [line for line in map(clean_display, unmark(text).split("\n")) if line]
    date = date or _page_date(lines)  # a date line at the top is furniture too, once it is read
    lines = [line for line in lines if not is_furniture(line)]
    leads = [i for i, line in enumerate(lines) if is_lead(line)]
    if not leads:
        return _split_without_leads(lines, source, date)
    starts = [_headline_start(lines, lead, floor) for lead, floor in zip(leads, [0] + leads[:-1])]
    ends = starts[1:] + [len(lines)]
    return [
        _make_article(lines[start:lead], lines[lead:end], source, date, index)
        for index, (start, lead, end) in enumerate(zip(starts, leads, ends))
    ]


def _page_date(lines: list[str]) -> str | None:
    for line in lines[:3]:
        match = _DATE_LINE_RE.match(line)
        if match:
            year, month, day = match.groups()
            return f"{year}-{int(month):02d}-{int(day):02d}"
    return None


def _headline_start(lines: list[str], lead: int, floor: int) -> int:
    """Walk back from a lead over up to three headline lines, stopping at a byline or the last lead."""
    start = lead
    while start > floor + (1 if floor else 0) and lead - start < 3 and is_headline(lines[start - 1]):
        start -= 1
    return start


def _split_without_leads(lines: list[str], source: str, date: str | None) -> list[Article]:
    """No lead markers: each byline closes an article; otherwise the whole text is one article."""
    chunks, current = [], []
    for line in lines:
        current.append(line)
        if is_byline(line):
            chunks.append(current)
            current = []
    if current or not chunks:
        chunks.append(current)
    articles = []
    for index, chunk in enumerate(c for c in chunks if c):
        head = 1 if len(chunk) > 1 and is_headline(chunk[0]) else 0
        articles.append(_make_article(chunk[:head], chunk[head:], source, date, index))
    return articles


def _make_article(head: list[str], body: list[str], source: str, date: str | None, index: int) -> Article:
    byline_lines = []
    while body and is_byline(body[-1]):
        byline_lines.insert(0, body.pop())
    byline = parse_byline(" ".join(byline_lines)) if byline_lines else Byline()
    title = head[0] if head else ""
    subtitle = " ".join(head[1:]) or None
    return Article(title=title, subtitle=subtitle, paragraphs=tuple(unglue_lead(repair_breaks(body))),
                   byline=byline, date=date, source=source, index=index)


def read_text_file(data: bytes, source: str, date: str | None = None,
                   log: Callable[[str], None] | None = None) -> list[Article]:
    """Decode a page and split it into articles."""
    text, encoding = decode(data, source)
    if log and encoding not in ("utf-8", "utf-8-sig"):
        log(f"{source}: decoded as {encoding}")
    check_prose(text, source)
    return split_page(text, source, date)


#: A Word file whose parts inflate past this is refused before python-docx inflates them (a zip bomb
#: reached 8 GB); a long report's document.xml is a few MB.
MAX_DOCX_INFLATED = 128 * 1024 * 1024


def check_zip_sizes(path: Path, source: str, limit: int = MAX_DOCX_INFLATED) -> None:
    """Refuse a .docx whose members would inflate past `limit`, from the sizes its zip directory declares."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            total = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise InputError(source, f"is not a readable Word file ({type(error).__name__})",
                         "open it in Word or WPS and save it again as .docx") from None
    if total > limit:
        raise InputError(source, f"would inflate to {total // (1024 * 1024)} MB, more than a document holds "
                         f"({limit // (1024 * 1024)} MB)", "open it in Word or WPS and save it again, or save it as .txt")


def read_docx(path: Path, date: str | None = None) -> list[Article]:
    """The paragraph text of a Word file, split like a page."""
    import zipfile  # only .docx input needs it

    source = str(path)
    if not zipfile.is_zipfile(path):
        raise InputError(source, "is not a Word .docx file (not a zip archive)",
                         "open it in Word or WPS and save it as .docx, or save it as .txt")
    check_zip_sizes(path, source)
    import docx  # python-docx is slow to import; only .docx input needs it

    try:
        document = docx.Document(str(path))
    except Exception as error:  # python-docx raises several unrelated types for broken files
        raise InputError(source, f"cannot be read as a Word document ({type(error).__name__})",
                         "open it in Word or WPS and save it again as .docx") from None
    text = "\n".join(p.text for p in document.paragraphs)
    check_prose(text, source)
    return split_page(text, source, date)


@dataclass(frozen=True)
class JsonlLine:
    """A line of a .jsonl file, read but not parsed yet: with workers it is parsed in the worker that
    analyses it, so the parent only reads and writes."""

    line: str
    where: str  # file:line, for messages
    source: str
    date: str | None

    def article(self) -> Article:
        """The article of this line; a bad line raises InputError naming file and line."""
        return _record_article(self.line, self.where, self.source, self.date)


#: A page file larger than this is no page (a newspaper page is under 1 MB): refused, not read into memory.
MAX_PAGE_BYTES = 16 * 1024 * 1024
#: One .jsonl record larger than this is refused (its line is skipped); the file itself may be any size.
MAX_RECORD_BYTES = 8 * 1024 * 1024


def read_bounded(file, source: str, limit: int = MAX_PAGE_BYTES) -> bytes:
    """The bytes of a page, refusing (InputError) a page larger than `limit` instead of filling memory."""
    data = file.read(limit + 1)
    if len(data) > limit:
        raise InputError(source, f"is larger than {limit // (1024 * 1024)} MB, too large for one page",
                         "split it into pages, or give the articles as a .jsonl file (one article a line)")
    return data


#: A file read whole that is not a page (an eval set, its predictions) stops here: it is held as bytes and
#: as text at once, and must stay well under a gigabyte (the evaluation sets of ../shared are 0.1-3 MB).
MAX_WHOLE_FILE_BYTES = 128 * 1024 * 1024


def read_regular_file(path: str | Path, what: str, limit: int = MAX_WHOLE_FILE_BYTES) -> bytes:
    """The bytes of a regular file, at most `limit`. A folder, FIFO, device or socket is refused
    (InputError) before anything is read: a FIFO would block and /dev/zero would fill memory. The
    file is opened without blocking and checked by the descriptor, so a link to a device is refused too."""
    import os
    import stat

    source = str(path)
    try:
        fd = os.open(source, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise InputError(source, "no such file", f"check the path of {what}") from None
    except OSError as error:  # permissions, a name too long for the file system, a loop of links
        raise InputError(source, f"cannot be opened ({error.strerror})",
                         f"check the path of {what} and its permissions") from None
    with os.fdopen(fd, "rb") as file:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise InputError(source, "is not a regular file (a folder, device, pipe or socket)",
                             f"save {what} to a file and give that file")
        data = file.read(limit + 1)
    if len(data) > limit:
        raise InputError(source, f"is larger than {limit // (1024 * 1024)} MB", f"give {what} in a smaller file")
    return data


def read_jsonl_file(path: Path, source: str, date: str | None = None,
                    on_error: Callable[[InputError], None] | None = None,
                    parse: bool = True) -> Iterator[Article | JsonlLine]:
    """A .jsonl file read a line at a time (an archive may be larger than memory); lines as in read_jsonl."""
    try:
        file = path.open("rb")
    except OSError as error:
        raise InputError(source, f"cannot be read ({error.strerror})", "check its permissions") from None
    with file:
        head = file.read(65536)
        if not head.strip():
            raise InputError(source, "the file is empty", "give a file with one article a line")
        encoding = decode_bytes(head[:head.rfind(b"\n") + 1] or head, source)[1]
        encoding = "utf-8" if encoding in ("utf-8", "utf-8-sig") else encoding
        if encoding.startswith(("utf-16", "utf-32")):  # line ends are not single bytes: read it whole
            file.seek(0)
            yield from read_jsonl(read_bounded(file, source, 512 * 1024 * 1024), source, date, on_error, parse)
            return
        file.seek(0)
        lines = ((number, _record_line(raw[len(codecs.BOM_UTF8):] if number == 1 and raw.startswith(codecs.BOM_UTF8)
                                       else raw, encoding, source, number, on_error))
                 for number, raw in enumerate(file, 1))
        yield from _records(lines, source, date, on_error, parse)


def _records(lines: Iterator[tuple[int, str | None]], source: str, date: str | None,
             on_error: Callable[[InputError], None] | None, parse: bool) -> Iterator[Article | JsonlLine]:
    """(line number, text) pairs as articles, or as JsonlLine when a worker is to parse them; blank
    lines (None or spaces) are passed over, a bad one goes to on_error (or raises)."""
    for number, line in lines:
        if line is None or not line.strip():
            continue
        if not parse:
            yield JsonlLine(line, f"{source}:{number}", source, date)
            continue
        try:
            yield _record_article(line, f"{source}:{number}", source, date)
        except InputError as error:
            if on_error is None:
                raise
            on_error(error)


def _record_line(raw: bytes, encoding: str, source: str, number: int,
                 on_error: Callable[[InputError], None] | None) -> str | None:
    """One line of a .jsonl file as text, or None for a blank line or one that is reported."""
    problem = None
    if len(raw) > MAX_RECORD_BYTES:
        problem = InputError(f"{source}:{number}", f"is a record of {len(raw) // (1024 * 1024)} MB, larger than "
                             f"{MAX_RECORD_BYTES // (1024 * 1024)} MB", "split the article into several records")
    else:
        try:
            line = drop_surrogates(raw.decode(encoding).replace("\r", ""))
        except UnicodeDecodeError:
            problem = InputError(f"{source}:{number}", f"is not valid {encoding.upper()}", "save the file as UTF-8")
    if problem is None:
        return line if line.strip() else None
    if on_error is None:
        raise problem
    on_error(problem)
    return None


def read_jsonl(data: bytes, source: str, date: str | None = None, on_error: Callable[[InputError], None] | None = None,
               parse: bool = True) -> Iterator[Article | JsonlLine]:
    """One article a line: {"id", "title"?, "text", "date"?}; a bad line is reported and skipped.
    With parse=False the lines come unparsed, as JsonlLine."""
    text, _ = decode(data, source)
    yield from _records(enumerate(text.split("\n"), 1), source, date, on_error, parse)


def _record_article(line: str, where: str, source: str, date: str | None) -> Article:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(where, f"is not JSON ({error.msg})",
                         'each line must be one object like {"id": "1", "text": "…"}') from None
    except RecursionError:
        raise InputError(where, "is JSON nested too deeply to read",
                         'each line must be one flat object like {"id": "1", "text": "…"}') from None
    except ValueError as error:  # an integer of thousands of digits
        raise InputError(where, f"has a value JSON cannot hold ({str(error)[:60]})",
                         'write long ids as strings, like {"id": "123…"}') from None
    if not isinstance(record, dict) or not isinstance(record.get("text"), str) or not record["text"].strip():
        raise InputError(where, 'has no "text" string', 'each line must be one object like {"id": "1", "text": "…"}')
    text = normalise_newlines(record["text"])
    check_prose(text, where)
    title = clean_display(drop_surrogates(str(record.get("title") or "")))
    original, lines = original_title(web_lines(text))
    title = title or clean_display(original or "")
    paragraphs = [clean_display(line) for line in unglue_lead(drop_restatements(lines, title))]
    record_id, record_date = record.get("id"), record.get("date")
    if record_date not in (None, ""):
        record_date = calendar_date(str(record_date)) if isinstance(record_date, str) else None
        if record_date is None:
            raise InputError(where, f'"date" {str(record.get("date"))[:40]!r} is not a calendar date',
                             "write it as YYYY-MM-DD (years 1900-2100), or leave it out")
    return Article(
        title=title,
        paragraphs=tuple(repair_breaks([p for p in paragraphs if p], _MAX_HEADLINE)),
        date=record_date or date,
        source=source,
        id=None if record_id is None else str(record_id),
        paper=_named(record, "paper") or _named(record, "source"),  # the record's own outlet, for 来源
        page=_named(record, "page"),
    )


def _named(record: dict, key: str) -> str | None:
    """A record's text field such as "paper", trimmed; None when absent or not text."""
    value = record.get(key)
    return clean_display(str(value)) or None if isinstance(value, (str, int)) and not isinstance(value, bool) else None
