"""Fetch one review page by its URL, safely.

* only ``http`` and ``https`` (``file://``, ``ftp://``, ``data:``, ``javascript:`` … are
  refused, and so is a redirect to any of them);
* a timeout on connecting and on every read, one deadline for the whole fetch (headers
  and body), and a size cap on the body;
* by default, addresses on this machine or its private network (``127.0.0.1``,
  ``10.x``, ``192.168.x`` …, and IPv6 addresses that wrap one: NAT64, 6to4, Teredo,
  IPv4-mapped) are refused, both when the host name is looked up and when the connection
  is made, so a shared dashboard cannot be used to probe the network it runs in. Set
  ``DASHBOARD_ALLOW_PRIVATE_URLS=1`` (or pass ``allow_private``) to allow them, or a list
  of addresses or networks to allow just those (``127.0.0.1``: a local server).

What comes back is bytes: ``ingest.read_url`` reads them as an uploaded file is read.
"""

from __future__ import annotations

import http.client
import ipaddress
import os
import socket
import threading
import urllib.error
import urllib.parse
import urllib.request
from email.message import Message

from dashboard.records import IngestError

FETCH_TIMEOUT_S = 10.0
MAX_FETCH_BYTES = 5 * 1024 * 1024
MAX_REDIRECTS = 5
ALLOWED_SCHEMES = ("http", "https")
_TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "text/markdown")
USER_AGENT = "critics-dashboard/0.1 (fetching one review page)"


class FetchError(IngestError):
    """A URL that could not be fetched; the message names the URL."""


def _allow_private_default() -> bool | tuple:
    """``DASHBOARD_ALLOW_PRIVATE_URLS``: "1" allows every private address; a list of
    addresses or networks ("127.0.0.1, 10.0.0.0/8") allows just those."""
    value = os.environ.get("DASHBOARD_ALLOW_PRIVATE_URLS", "").strip()
    if value.lower() in {"1", "true", "yes"}:
        return True
    networks = []
    for part in value.split(","):
        try:
            networks.append(ipaddress.ip_network(part.strip(), strict=False))
        except ValueError:
            pass
    return tuple(networks)


def _allowed(address: str, allow_private) -> bool:
    """May ``address`` be reached? A public one always; a private one as ``allow_private``
    says: True (any), False (none) or the networks it lists."""
    if allow_private is True or _is_global(address):
        return True
    ip = ipaddress.ip_address(address.split("%")[0])
    return bool(allow_private) and any(ip in network for network in allow_private)


def short_url(url: str) -> str:
    url = safe_name_url(url)
    return url if len(url) <= 120 else url[:100] + "…"


def safe_name_url(url: str) -> str:
    return "".join(ch for ch in str(url) if ch.isprintable()).strip()


def check_url(url: str, allow_private: bool | tuple | None = None) -> str:
    """The URL, stripped, if it may be fetched; otherwise ``FetchError`` saying why."""
    url = (url or "").strip()
    if allow_private is None:
        allow_private = _allow_private_default()
    if not url:
        raise FetchError("no URL given")
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        raise FetchError(f"{short_url(url)}: not a valid URL") from None
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        shown = f"'{scheme}:'" if scheme else "no scheme"
        raise FetchError(f"{short_url(url)}: only http:// and https:// addresses can be fetched ({shown} refused)")
    if not parts.hostname:
        raise FetchError(f"{short_url(url)}: the address has no host name")
    if parts.username or parts.password:
        raise FetchError(f"{short_url(url)}: addresses with a user name or password are refused")
    if allow_private is not True:
        _refuse_private(parts.hostname, parts.port or (443 if scheme == "https" else 80), url, allow_private)
    return url


_PRIVATE = "addresses on this machine or a private network are refused"


def _refuse_private(host: str, port: int, url: str, allow_private) -> None:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError):
        raise FetchError(f"{short_url(url)}: the host name could not be found") from None
    for info in infos:
        if not _allowed(info[4][0], allow_private):
            raise FetchError(f"{short_url(url)}: {_PRIVATE}")


_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))


def _is_global(address: str) -> bool:
    """A public address, and so is every IPv4 address it wraps: an IPv6 address that
    carries one (IPv4-mapped, 6to4, Teredo, NAT64) reaches that one, so ``2002:7f00:1::``
    is this machine."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if ip.version == 6 and ip.sixtofour is not None:
        # 6to4 is as public as the address it wraps (older Pythons, Debian's 3.11.2 among them,
        # count all of 2002::/16 as private)
        return ip.sixtofour.is_global
    if not ip.is_global:
        return False
    if ip.version == 4:
        return True
    wrapped = [ip.ipv4_mapped, ip.sixtofour, *(ip.teredo or ())]
    if any(ip in network for network in _NAT64):
        wrapped.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    return all(v4.is_global for v4 in wrapped if v4 is not None)


class _Deadline:
    """One deadline for a whole fetch, redirects, headers and body alike: when it passes,
    every connection the fetch opened is shut, so a read waiting on a server that sends a
    byte now and then (of the body or of its headers) ends at once."""

    def __init__(self, seconds: float, allow_private: bool | tuple) -> None:
        self.allow_private = allow_private
        self.passed = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._shut)
        self._timer.daemon = True

    def __enter__(self) -> "_Deadline":
        _current.deadline = self
        self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self._timer.cancel()
        _current.deadline = None

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            passed = self.passed
        if passed:
            self._shut()

    def _shut(self) -> None:
        with self._lock:
            self.passed = True
            sockets = list(self._sockets)
        for sock in sockets:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


_current = threading.local()  # the deadline of the fetch running in this thread


def _connect(address, *args, **kwargs) -> socket.socket:
    """Connect under the fetch's deadline; unless private addresses are allowed, check the
    address actually reached before a byte is sent: a host name may resolve to a public
    address when checked and to a private one when connected ("DNS rebinding")."""
    sock = socket.create_connection(address, *args, **kwargs)
    deadline = getattr(_current, "deadline", None)
    if deadline is not None:
        deadline.watch(sock)
    if not _allowed(sock.getpeername()[0], deadline.allow_private if deadline else False):
        sock.close()
        raise FetchError(f"{address[0]}: {_PRIVATE}")
    return sock


def _watch_connected(sock) -> None:
    """The connection's socket as it is read (over TLS, the wrapper of the socket
    ``_connect`` made, which shutting that one no longer reaches)."""
    deadline = getattr(_current, "deadline", None)
    if deadline is not None and sock is not None:
        deadline.watch(sock)


class _CheckedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._create_connection = _connect


class _CheckedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._create_connection = _connect

    def connect(self) -> None:
        super().connect()
        _watch_connected(self.sock)


class _CheckedHTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req):
        return self.do_open(_CheckedHTTPConnection, req)


class _CheckedHTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req):
        return self.do_open(_CheckedHTTPSConnection, req, context=self._context)


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def __init__(self, allow_private: bool):
        super().__init__()
        self.allow_private = allow_private

    def http_error_302(self, req, fp, code, msg, headers):
        target = headers.get("Location") or headers.get("URI")
        if target:
            check_url(urllib.parse.urljoin(req.full_url, target), self.allow_private)
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        check_url(urllib.parse.urljoin(req.full_url, newurl), self.allow_private)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _read_body(response, limit: int, deadline: _Deadline) -> bytes:
    """At most ``limit`` bytes of the body, until the deadline passes."""
    chunks, size = [], 0
    while size < limit and not deadline.passed:
        chunk = response.read1(min(_CHUNK, limit - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


_CHUNK = 64 * 1024


def _seconds(value: float) -> str:
    return f"{value:g} second" + ("" if value == 1 else "s")


def fetch_bytes(url: str, timeout: float = FETCH_TIMEOUT_S, max_bytes: int = MAX_FETCH_BYTES,
                allow_private: bool | tuple | None = None) -> tuple[bytes, str, str]:
    """(body, content type, final URL) of an http(s) page, or ``FetchError``."""
    if allow_private is None:
        allow_private = _allow_private_default()
    url = check_url(url, allow_private)
    # No proxies from the environment, no file/ftp/data handlers: http(s) only.
    opener = urllib.request.OpenerDirector()
    for handler in (urllib.request.ProxyHandler({}), _CheckedHTTPHandler(), _CheckedHTTPSHandler(),
                    urllib.request.HTTPDefaultErrorHandler(), urllib.request.HTTPErrorProcessor(),
                    _Redirects(allow_private)):
        opener.add_handler(handler)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": ", ".join(_TEXT_TYPES)})
    deadline = _Deadline(timeout, allow_private)
    answered = False
    try:
        with deadline, opener.open(request, timeout=timeout) as response:
            answered = True
            headers: Message = response.headers
            length = headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise FetchError(f"{short_url(url)}: the page is {int(length) / 1e6:.1f} MB, over the "
                                 f"{max_bytes / 1e6:.0f} MB limit for a fetched page")
            body = _read_body(response, max_bytes + 1, deadline)
            if deadline.passed:
                raise _late(url, timeout, answered)
            if len(body) > max_bytes:
                raise FetchError(f"{short_url(url)}: the page is over the {max_bytes / 1e6:.0f} MB limit for a fetched page")
            return body, headers.get_content_type(), response.geturl()
    except FetchError:
        raise
    except Exception as exc:
        if deadline.passed:  # the connection was shut under a read: whatever that raised
            raise _late(url, timeout, answered) from None
        raise _fetch_error(exc, url, timeout) from None


def _late(url: str, timeout: float, answered: bool) -> FetchError:
    if answered:
        return FetchError(f"{short_url(url)}: the page did not arrive within {_seconds(timeout)}")
    return FetchError(f"{short_url(url)}: no answer within {_seconds(timeout)}")


def _fetch_error(exc: Exception, url: str, timeout: float) -> Exception:
    """What a failed fetch tells the reader; an unforeseen error as it is."""
    if isinstance(exc, urllib.error.HTTPError):
        return FetchError(f"{short_url(url)}: the server answered {exc.code} {exc.reason}")
    if isinstance(exc, urllib.error.URLError) and not isinstance(exc.reason, TimeoutError):
        return FetchError(f"{short_url(url)}: could not be fetched ({exc.reason})")
    if isinstance(exc, (TimeoutError, urllib.error.URLError)):
        return FetchError(f"{short_url(url)}: no answer within {_seconds(timeout)}")
    if isinstance(exc, (OSError, ValueError)):
        return FetchError(f"{short_url(url)}: could not be fetched ({type(exc).__name__})")
    return exc
