"""AWS Signature Version 4 (the runtime's _sigv4.py, in every generated package): the
signature of AWS's own test suite, and the region a host names."""

from __future__ import annotations

from datetime import datetime, timezone

import httpx
import pytest

from posthog_api import _sigv4

#: AWS's published example credentials (the signature test suite's, and the docs')
ACCESS_KEY_ID = "AKIDEXAMPLE"
SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"


def test_the_signature_of_aws_test_suite_get_vanilla() -> None:
    headers = httpx.Headers({"Host": "example.amazonaws.com", "X-Amz-Date": "20150830T123600Z"})
    header = _sigv4.authorization(
        "GET", httpx.URL("https://example.amazonaws.com/"), headers, b"",
        access_key_id=ACCESS_KEY_ID, secret_access_key=SECRET_ACCESS_KEY, service="service", region="us-east-1",
    )
    assert header == (
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
        "SignedHeaders=host;x-amz-date, "
        "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"
    )


def test_signing_writes_the_date_the_token_and_a_space_as_percent_20() -> None:
    request = httpx.Request("GET", "https://sqs.eu-west-1.amazonaws.com/q", params={"Queue Name": "a b"})
    _sigv4.sign(request, access_key_id="AKID", secret_access_key="secret", session_token="tok", service="sqs",
                region="eu-west-1", now=datetime(2026, 12, 7, 11, 0, tzinfo=timezone.utc))
    assert request.headers["x-amz-date"] == "20261207T110000Z"
    assert request.headers["x-amz-security-token"] == "tok"
    assert request.url.query == b"Queue%20Name=a%20b"
    assert request.headers["authorization"].startswith(
        "AWS4-HMAC-SHA256 Credential=AKID/20261207/eu-west-1/sqs/aws4_request, "
        "SignedHeaders=host;x-amz-date;x-amz-security-token, Signature="
    )


@pytest.mark.parametrize(
    ("host", "region"),
    [
        ("dynamodb.eu-west-1.amazonaws.com", "eu-west-1"),
        ("bucket.s3.us-west-2.amazonaws.com", "us-west-2"),
        ("sts.cn-north-1.amazonaws.com.cn", "cn-north-1"),
        ("ec2.us-gov-west-1.amazonaws.com", "us-gov-west-1"),
        ("iam.amazonaws.com", "us-east-1"),  # a global endpoint: the default
        ("127.0.0.1", "us-east-1"),  # a mock or a proxy: the default
    ],
)
def test_the_region_is_the_hosts(host: str, region: str) -> None:
    assert _sigv4.region_of(host, "us-east-1") == region
