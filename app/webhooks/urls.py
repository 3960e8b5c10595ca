"""Where a webhook may point: public https:// endpoints only (no SSRF into our own network).

A URL is checked when a subscription is created or changed, and again before every delivery:
every A/AAAA record of the host must be a public address, and the delivery connects to the
address that was checked, so a DNS answer that changes in between (rebinding) cannot redirect it.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass

import httpx

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# NAT64 (RFC 6052) embeds an IPv4 address in the last 32 bits.
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


class UrlRefused(Exception):
    """The URL may not be used. ``code`` is stable; the message never echoes the URL."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class Target:
    """A checked URL: its parts and the addresses it may be delivered to."""

    url: httpx.URL
    addresses: tuple[str, ...]


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def is_public(ip: IPAddress) -> bool:
    """False for private, loopback, link-local, multicast, reserved, unspecified and shared
    addresses, also when an IPv6 address carries one of them (IPv4-mapped, 6to4, Teredo, NAT64)."""
    if isinstance(ip, ipaddress.IPv6Address):
        inner = _embedded_ipv4(ip)
        if inner is not None and not is_public(inner):
            return False
    return not (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        or not ip.is_global
    )


def parse(raw: str, *, allow_private: bool) -> httpx.URL:
    try:
        url = httpx.URL(raw)
    except (httpx.InvalidURL, ValueError, TypeError):
        raise UrlRefused("invalid_url", "Not a valid absolute URL.") from None
    schemes = ("https", "http") if allow_private else ("https",)
    if url.scheme not in schemes:
        raise UrlRefused("https_required", "The URL must start with https://.")
    if not url.host:
        raise UrlRefused("invalid_url", "The URL has no host.")
    if url.userinfo:
        raise UrlRefused("credentials_in_url", "The URL must not carry a user name or password.")
    if url.fragment:
        raise UrlRefused("invalid_url", "The URL must not have a #fragment.")
    return url


def resolve(host: str, port: int) -> list[str]:
    """Every address the host resolves to (an IP literal resolves to itself)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    seen: list[str] = []
    for _family, _type, _proto, _name, sockaddr in infos:
        address = str(sockaddr[0]).split("%", 1)[0]
        if address not in seen:
            seen.append(address)
    return seen


def check(raw: str, *, allow_private: bool) -> Target:
    """Parse, resolve and check a webhook URL; raise :class:`UrlRefused` if it may not be used."""
    url = parse(raw, allow_private=allow_private)
    port = url.port or (443 if url.scheme == "https" else 80)
    try:
        addresses = resolve(url.host, port)
    except (OSError, UnicodeError):
        raise UrlRefused("unresolvable", "The host name does not resolve.") from None
    if not addresses:
        raise UrlRefused("unresolvable", "The host name does not resolve.")
    if not allow_private:
        for address in addresses:
            if not is_public(ipaddress.ip_address(address)):
                raise UrlRefused(
                    "private_address",
                    "The host resolves to a private, loopback, link-local or reserved address.",
                )
    return Target(url=url, addresses=tuple(addresses))
