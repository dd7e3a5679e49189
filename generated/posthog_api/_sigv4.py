"""AWS Signature Version 4: how AWS's APIs authenticate a request.

AWS's API documents (351 of APIs.guru's 354 amazonaws.com ones) name an `apiKey` scheme in
the Authorization header marked `x-amazon-apigateway-authtype: awsSigv4`: the header is
not a key but a signature of the request, made with the caller's access key ID and
secret access key for the service and region the request goes to. The client signs
each attempt (a retry is signed anew: the signature holds the time).

What is here does no I/O, so that the sync and the async client share it.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from datetime import datetime, timezone
from urllib.parse import quote, unquote

import httpx

__all__ = ["authorization", "region_of", "sign"]

_ALGORITHM = "AWS4-HMAC-SHA256"
#: headers a proxy or the HTTP stack may change on the way: never signed (as botocore)
_UNSIGNED = frozenset(
    {
        "user-agent",
        "expect",
        "x-amzn-trace-id",
        "authorization",
        "accept-encoding",
        "connection",
        "content-length",
    }
)
#: `<service>[-fips].<region>.amazonaws.com[.cn]` (a bucket's `<bucket>.s3.<region>...`):
#: the region a request goes to
_REGIONAL_HOST = re.compile(r"\.([a-z]{2}(?:-[a-z]+)+-\d+)\.amazonaws\.com(?:\.cn)?$")


def region_of(host: str, default: str) -> str:
    """The region an AWS host names (`dynamodb.eu-west-1.amazonaws.com`: eu-west-1), else
    `default` (a global endpoint such as `iam.amazonaws.com` signs for us-east-1, a mock
    or a proxy for the document's region)."""
    found = _REGIONAL_HOST.search(host.lower())
    return found.group(1) if found else default


def sign(
    request: httpx.Request,
    *,
    access_key_id: str,
    secret_access_key: str,
    session_token: str | None,
    service: str,
    region: str,
    now: datetime | None = None,
) -> None:
    """Put the signature of `request` in its Authorization header, with the X-Amz-Date it
    holds (and the session token of temporary credentials)."""
    moment = (now or datetime.now(timezone.utc)).astimezone(timezone.utc)
    request.headers["X-Amz-Date"] = moment.strftime("%Y%m%dT%H%M%SZ")
    if session_token:
        request.headers["X-Amz-Security-Token"] = session_token
    if b"+" in request.url.query:  # (httpx writes a space "+"; AWS reads %20 unambiguously)
        request.url = request.url.copy_with(query=request.url.query.replace(b"+", b"%20"))
    body = request.read()
    if service == "s3":  # S3 wants the payload's hash in a header of its own
        request.headers["X-Amz-Content-Sha256"] = hashlib.sha256(body).hexdigest()
    request.headers["Authorization"] = authorization(
        request.method,
        request.url,
        request.headers,
        body,
        access_key_id=access_key_id,
        secret_access_key=secret_access_key,
        service=service,
        region=region,
    )


def authorization(
    method: str,
    url: httpx.URL,
    headers: httpx.Headers,
    body: bytes,
    *,
    access_key_id: str,
    secret_access_key: str,
    service: str,
    region: str,
) -> str:
    """The Authorization header of a request (its headers hold X-Amz-Date and Host)."""
    stamp = headers["x-amz-date"]
    scope = f"{stamp[:8]}/{region}/{service}/aws4_request"
    names = sorted({name.lower() for name in headers} - _UNSIGNED)
    canonical_headers = "".join(
        f"{name}:{' '.join(','.join(headers.get_list(name)).split())}\n" for name in names
    )
    signed = ";".join(names)
    canonical = "\n".join(
        [
            method.upper(),
            _canonical_path(url.raw_path.split(b"?", 1)[0].decode("ascii"), service),
            _canonical_query(url),
            canonical_headers,
            signed,
            hashlib.sha256(body).hexdigest(),
        ]
    )
    to_sign = "\n".join([_ALGORITHM, stamp, scope, hashlib.sha256(canonical.encode()).hexdigest()])
    key = ("AWS4" + secret_access_key).encode()
    for part in (stamp[:8], region, service, "aws4_request"):
        key = hmac.new(key, part.encode(), hashlib.sha256).digest()
    signature = hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest()
    return (
        f"{_ALGORITHM} Credential={access_key_id}/{scope}, SignedHeaders={signed}, "
        f"Signature={signature}"
    )


def _encoded(text: str) -> str:
    """RFC 3986 encoding, every character but the unreserved ones."""
    return quote(text, safe="-_.~")


def _canonical_path(path: str, service: str) -> str:
    """The path as sent, each segment encoded once more (S3: as sent)."""
    if not path:
        return "/"
    if service == "s3":
        return path
    return "/".join(_encoded(segment) for segment in path.split("/"))


def _canonical_query(url: httpx.URL) -> str:
    pairs = [
        (_encoded(unquote(name)), _encoded(unquote(value)))
        for name, _, value in (
            item.partition("=") for item in url.query.decode("ascii").split("&") if item
        )
    ]
    return "&".join(f"{name}={value}" for name, value in sorted(pairs))
