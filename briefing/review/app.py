"""The review server: one draft, one session token, a handful of routes (see briefing.review)."""
from __future__ import annotations

import hmac
import json
import secrets
import tempfile
import threading
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import DraftError
from ..render.json import brief_from_dict, load_draft, write_brief_json
from . import HOST, ReviewError, require_flask

#: The page's own assets; nothing else is served from the package.
ASSETS = {"review.js": "text/javascript", "review.css": "text/css"}
TOKEN_HEADER = "X-Briefing-Token"
DOWNLOADS = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
             "md": "text/markdown; charset=utf-8"}


def _asset(name: str) -> str:
    return resources.files(__package__).joinpath("static", name).read_text(encoding="utf-8")


def create_app(draft: str | Path, token: str | None = None, config_path: str | None = None) -> Any:
    """The Flask app that edits `draft`; `token` (random when not given) must come with every API call."""
    require_flask()
    from flask import Flask, Response, abort, request

    path = Path(draft)
    load_draft(path)  # a draft that does not fit fails here, before anything is served
    app = Flask(__name__, static_folder=None)
    app.config.update(TOKEN=token or secrets.token_urlsafe(32), DRAFT=path, MAX_CONTENT_LENGTH=16 << 20)
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
            return Response(path.read_text(encoding="utf-8"), mimetype="application/json")

    @app.put("/api/draft")
    def put_draft() -> Response:
        if not request.is_json:
            abort(415)
        try:
            brief = brief_from_dict(request.get_json(silent=True), path.name)
        except DraftError as error:
            return Response(json.dumps({"error": str(error)}, ensure_ascii=False), 400, mimetype="application/json")
        with lock:
            write_brief_json(brief, path)  # atomic: the draft on disk is always whole
        return Response(json.dumps({"saved": True}), mimetype="application/json")

    @app.get("/download/<kind>")
    def download(kind: str) -> Response:
        if kind not in DOWNLOADS:
            abort(404)
        data = _rendered(path, kind, config_path, lock)
        name = f"{path.stem}.{kind}"
        return Response(data, mimetype=DOWNLOADS[kind],
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})

    return app


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


def _rendered(path: Path, kind: str, config_path: str | None, lock: threading.Lock) -> bytes:
    """The draft rendered by the same code as `briefing render`, read back from a temporary file."""
    from ..render.draft import render_draft

    with tempfile.TemporaryDirectory(prefix="briefing-review-") as folder:
        out = Path(folder) / f"brief.{kind}"
        with lock:
            render_draft(path, out, force=True, config_path=config_path)
        return out.read_bytes()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def make_server(draft: str | Path, port: int, config_path: str | None = None, token: str | None = None):
    """A threaded WSGI server for the draft on 127.0.0.1:port (0: a free port); `.server_port` says which."""
    from werkzeug.serving import make_server as werkzeug_server

    app = create_app(draft, token, config_path)
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


def serve(draft: str | Path, port: int, open_browser: bool, config_path: str | None = None, say=print) -> None:
    """Serve until Ctrl-C; open the page in the default browser unless told not to."""
    import logging

    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no line on stderr for every request
    server = make_server(draft, port, config_path)
    say(f"reviewing {draft} at {url_of(server)} (Ctrl-C to stop; every change is saved to the draft)")
    if open_browser:
        import webbrowser

        threading.Timer(0.3, webbrowser.open, (url_of(server),)).start()
    try:
        server.serve_forever()
    finally:
        server.server_close()


__all__ = ["create_app", "make_server", "serve", "url_of", "ReviewError"]
