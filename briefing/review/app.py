"""The review server: one draft, one session token, a handful of routes (see briefing.review)."""
from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import tempfile
import threading
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import BriefingError, DraftError
from ..render.json import brief_from_dict, load_draft, write_brief_json
from . import HOST, ReviewError, require_flask

#: The page's own assets; nothing else is served from the package.
ASSETS = {"review.js": "text/javascript", "review.css": "text/css"}
TOKEN_HEADER = "X-Briefing-Token"
DOWNLOADS = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
             "md": "text/markdown; charset=utf-8"}


def _asset(name: str) -> str:
    return resources.files(__package__).joinpath("static", name).read_text(encoding="utf-8")


def create_app(draft: str | Path, token: str | None = None, config_path: str | None = None,
               template: str | None = None) -> Any:
    """The Flask app that edits `draft`; `token` (random when not given) must come with every API call;
    `template` shapes the Markdown download as `render --template` does."""
    require_flask()
    from flask import Flask, Response, abort, request

    path = Path(draft)
    load_draft(path)  # a draft that does not fit fails here, before anything is served
    if template:
        from ..render.markdown import check_template

        check_template(template)  # and a template that does not parse
    app = Flask(__name__, static_folder=None)
    app.config.update(TOKEN=token or secrets.token_urlsafe(32), DRAFT=path, MAX_CONTENT_LENGTH=64 << 20)
    lock = threading.Lock()

    app.before_request(lambda: _guard(app.config["TOKEN"]))
    app.after_request(_secure)

    @app.get("/")
    def page() -> Response:
        html = _asset("index.html").replace("{{TOKEN}}", app.config["TOKEN"]).replace("{{NAME}}", _escape(path.name))
        return Response(html, mimetype="text/html")

    @app.get("/static/<name>")
    def asset(name: str) -> Response:
        if name not in ASSETS:
            abort(404)
        return Response(_asset(name), mimetype=ASSETS[name])

    @app.get("/api/draft")
    def get_draft() -> Response:
        with lock:
            data = path.read_bytes()
        return Response(data, mimetype="application/json", headers={"ETag": _version(data)})

    @app.get("/api/version")
    def get_version() -> Response:
        """What the draft file is now: the page polls it to notice a change made outside."""
        with lock:
            version = _version(path.read_bytes())
        return Response(json.dumps({"version": version}), mimetype="application/json")

    @app.get("/api/outside")
    def get_outside() -> Response:
        """The draft file as changed outside the page, checked: the draft, or why it is no draft now."""
        with lock:
            on_disk = path.read_bytes()
        return _json(_outside(on_disk, path.name))

    @app.get("/api/publish-number")
    def publish_number() -> Response:
        """The 第N期 and 总第N期 `render --publish` would give the draft now, and why (nothing is recorded)."""
        from ..render.draft import numbered, output_config
        from ..render.numbering import IssueCounter, state_path

        try:
            with lock:
                brief = load_draft(path)
            config = output_config(config_path, None, None)
            (issue, total), origin = numbered(brief, config.issue, IssueCounter(state_path(config_path)))
        except BriefingError as error:  # a counter or config that cannot be read: said, not a crash
            return _json({"error": str(error)}, 409)
        return _json({"issue": issue, "total": total, "origin": origin})

    @app.post("/api/preview")
    def post_preview() -> Response:
        """The posted draft as the Word brief prints it, paragraph by paragraph (render.preview): the page
        shows these, so its preview and its download come from one renderer. Nothing is saved."""
        from ..render.draft import output_config
        from ..render.preview import preview

        if not request.is_json:
            abort(415)
        try:
            brief = brief_from_dict(request.get_json(silent=True), path.name)
            config = output_config(config_path, None, None)
            paragraphs = preview(brief, config.reference_doc, config.line_spacing_pt)
        except BriefingError as error:  # a draft that does not fit, a config that cannot be read
            return _json({"error": str(error)}, 400)
        return _json({"paragraphs": paragraphs})

    @app.put("/api/draft")
    def put_draft() -> Response:
        if not request.is_json:
            abort(415)
        try:
            brief = brief_from_dict(request.get_json(silent=True), path.name)
        except DraftError as error:
            return _json({"error": str(error)}, 400)
        with lock:
            on_disk = path.read_bytes()
            if request.headers.get("If-Match") != _version(on_disk):
                # changed outside the page (an editor, another page, `render --publish`): never overwritten
                # silently; the page shows what is there and lets the reviewer choose
                return _json({"error": "the draft file was changed outside this page", **_outside(on_disk, path.name)},
                             409)
            write_brief_json(brief, path)  # atomic: the draft on disk is always whole
            version = _version(path.read_bytes())
        return _json({"saved": True, "version": version})

    @app.get("/download/<kind>")
    def download(kind: str) -> Response:
        if kind not in DOWNLOADS:
            abort(404)
        data = _rendered(path, kind, config_path, lock, template if kind == "md" else None)
        name = f"{path.stem}.{kind}"
        return Response(data, mimetype=DOWNLOADS[kind],
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})

    return app


def _outside(data: bytes, name: str) -> dict[str, Any]:
    """What the page is offered when the file changed outside it: its version and the draft, or (a file
    left half-edited, not JSON, not a draft) no draft and the reason, so only keeping the page's is offered."""
    from ..render.json import brief_to_dict

    try:
        draft = brief_to_dict(brief_from_dict(json.loads(data.decode("utf-8")), name))
        return {"version": _version(data), "draft": draft, "invalid": ""}
    except (UnicodeDecodeError, ValueError, DraftError) as error:
        reason = str(error) if isinstance(error, DraftError) else f"{name}: not JSON ({error})"
        return {"version": _version(data), "draft": None, "invalid": reason}


def _version(data: bytes) -> str:
    """The draft file's version: a digest of its bytes (a change outside the page changes it)."""
    return '"' + hashlib.sha256(data).hexdigest()[:32] + '"'


def _json(data: dict, status: int = 200) -> Any:
    from flask import Response

    return Response(json.dumps(data, ensure_ascii=False), status, mimetype="application/json")


def _guard(token: str) -> None:
    """403 unless the request names us by our loopback address and, for the API, carries the token."""
    from flask import abort, request

    host = (request.host or "").rsplit(":", 1)[0]
    if host not in (HOST, "localhost"):  # a DNS-rebinding page reaches us under its own name
        abort(403)
    if request.path.startswith(("/api/", "/download/")):
        given = request.headers.get(TOKEN_HEADER) or request.args.get("token", "")
        if not hmac.compare_digest(given.encode("utf-8", "replace"), token.encode()):
            abort(403)


def _secure(response: Any) -> Any:
    """Headers that keep the page to its own origin: no scripts, styles or frames from anywhere else."""
    response.headers["Content-Security-Policy"] = ("default-src 'none'; script-src 'self'; style-src 'self'; "
                                                   "connect-src 'self'; img-src 'self'; form-action 'none'; "
                                                   "frame-ancestors 'none'")
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["Cache-Control"] = "no-store"
    return response


def _rendered(path: Path, kind: str, config_path: str | None, lock: threading.Lock,
              template: str | None = None) -> bytes:
    """The draft rendered by the same code as `briefing render`, read back from a temporary file."""
    from ..render.draft import render_draft

    with tempfile.TemporaryDirectory(prefix="briefing-review-") as folder:
        out = Path(folder) / f"brief.{kind}"
        with lock:
            render_draft(path, out, force=True, template=template, config_path=config_path)
        return out.read_bytes()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def make_server(draft: str | Path, port: int, config_path: str | None = None, token: str | None = None,
                template: str | None = None):
    """A threaded WSGI server for the draft on 127.0.0.1:port (0: a free port); `.server_port` says which."""
    from werkzeug.serving import make_server as werkzeug_server

    app = create_app(draft, token, config_path, template)
    _check_port(port)  # werkzeug prints and exits on a taken port; we say it in one line instead
    try:
        server = werkzeug_server(HOST, port, app, threaded=True)
    except (OSError, SystemExit):
        raise ReviewError(f"127.0.0.1:{port}: cannot listen (the port is taken); pass another --port") from None
    server.app = app
    return server


def _check_port(port: int) -> None:
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as werkzeug binds: TIME_WAIT is no obstacle
        try:
            probe.bind((HOST, port))
        except OSError as error:
            raise ReviewError(f"127.0.0.1:{port}: cannot listen ({error.strerror}); pass another --port") from None


def url_of(server) -> str:
    """The page's address."""
    return f"http://{HOST}:{server.server_port}/"


def serve(draft: str | Path, port: int, open_browser: bool, config_path: str | None = None, say=print,
          template: str | None = None) -> None:
    """Serve until Ctrl-C; open the page in the default browser unless told not to."""
    import logging

    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no line on stderr for every request
    server = make_server(draft, port, config_path, template=template)
    say(f"reviewing {draft} at {url_of(server)} (Ctrl-C to stop; every change is saved to the draft)")
    if open_browser:
        import webbrowser

        threading.Timer(0.3, webbrowser.open, (url_of(server),)).start()
    try:
        server.serve_forever()
    finally:
        server.server_close()


__all__ = ["create_app", "make_server", "serve", "url_of", "ReviewError"]
