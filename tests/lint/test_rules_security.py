"""Security requirements, scopes and unsecured operations."""

from __future__ import annotations

from spec_builders import CLEAN_SPEC, LintYaml

RETRIEVE = "      operationId: items_retrieve\n"


def test_security_scheme_defined(lint_yaml: LintYaml) -> None:
    result = lint_yaml(CLEAN_SPEC.replace("  - Key: ['items:read']", "  - Token: ['items:read']"))
    assert result.positions("security-scheme-defined") == [result.at("['items:read']")]


def test_security_scopes_declared(lint_yaml: LintYaml) -> None:
    result = lint_yaml(CLEAN_SPEC.replace("- Key: ['items:write']", "- Key: ['items:delete']"))
    assert result.positions("security-scopes-declared") == [result.at("'items:delete'")]


def test_security_scopes_need_a_description(lint_yaml: LintYaml) -> None:
    result = lint_yaml(CLEAN_SPEC.replace("items:write: Create items.", "items:write: ''"))
    assert result.positions("security-scopes-declared") == [result.at("''")]


def test_oauth2_scopes_come_from_the_flows(lint_yaml: LintYaml) -> None:
    oauth = """\
    Key:
      type: oauth2
      flows:
        clientCredentials:
          tokenUrl: https://example.com/token
          scopes:
            items:read: Read items.
"""
    spec = CLEAN_SPEC.replace(
        "    Key:\n      type: http\n      scheme: bearer\n      x-scopes:\n        items:read: Read items.\n        items:write: Create items.\n",
        oauth,
    )
    result = lint_yaml(spec)
    assert result.positions("security-scopes-declared") == [result.at("'items:write'")]


def test_operation_security(lint_yaml: LintYaml) -> None:
    result = lint_yaml(CLEAN_SPEC.replace(RETRIEVE, RETRIEVE + "      security: []\n"))
    assert result.positions("operation-security") == [result.after("security: ")]


def test_operation_security_public_operation(lint_yaml: LintYaml) -> None:
    result = lint_yaml(CLEAN_SPEC.replace(RETRIEVE, RETRIEVE + "      security: []\n      x-public: true\n"))
    assert result.findings == []


def test_operation_security_public_but_secured(lint_yaml: LintYaml) -> None:
    result = lint_yaml(CLEAN_SPEC.replace(RETRIEVE, RETRIEVE + "      x-public: true\n"))
    assert result.positions("operation-security") == [result.after("x-public: ")]


def test_security_requirement_sendable(lint_yaml: LintYaml) -> None:
    """Basic credentials and a bearer token, both in the Authorization header: ReadMe's
    security-multiple example; alternatives (two requirements) are fine."""
    basic = "    Basic:\n      type: http\n      scheme: basic\n"
    spec = CLEAN_SPEC.replace("  securitySchemes:\n", "  securitySchemes:\n" + basic)
    together = lint_yaml(spec.replace("        - Key: ['items:write']\n",
                                      "        - Key: ['items:write']\n          Basic: []\n"))
    assert together.positions("security-requirement-sendable") == [together.after("Basic: ")]
    assert "'Key' and 'Basic' both go in the 'authorization' header" in together.findings[0].message
    either = lint_yaml(spec.replace("        - Key: ['items:write']\n", "        - Key: ['items:write']\n        - Basic: []\n"))
    assert either.positions("security-requirement-sendable") == []


def test_two_oauth_flows_in_one_requirement_are_one_token(lint_yaml: LintYaml) -> None:
    """Google's documents name two OAuth 2 schemes (two flows) in each requirement: one
    bearer token meets both."""
    flows = "    Flow:\n      type: oauth2\n      flows:\n        implicit:\n          authorizationUrl: https://example.com/a\n" \
        "          scopes: {items:write: Create items.}\n"
    spec = CLEAN_SPEC.replace("  securitySchemes:\n", "  securitySchemes:\n" + flows)
    result = lint_yaml(spec.replace("        - Key: ['items:write']\n", "        - Key: ['items:write']\n          Flow: [items:write]\n"))
    assert result.positions("security-requirement-sendable") == []


def test_scopes_on_a_scheme_that_is_not_oauth2_and_declares_none(lint_yaml: LintYaml) -> None:
    """HubSpot's API keys list OAuth scopes (23 of its documents, thousands of findings,
    one per scope): OpenAPI 3.0 wants such a list empty, said once per requirement; 3.1
    lets a requirement name roles that nothing declares, so it says nothing."""
    no_scopes = CLEAN_SPEC.replace("      x-scopes:\n        items:read: Read items.\n        items:write: Create items.\n", "")
    assert no_scopes != CLEAN_SPEC
    result = lint_yaml(no_scopes.replace("openapi: 3.1.0", "openapi: 3.0.3"))
    assert result.positions("security-scopes-declared") == [result.at("['items:read']"), result.at("['items:write']")]
    assert result.messages("security-scopes-declared") == [
        "'Key' is not an OAuth 2 scheme: OpenAPI 3.0 wants this list empty, and its scopes are declared nowhere "
        "(declare them in the scheme's x-scopes, or move to OpenAPI 3.1, whose requirements may name roles)"] * 2
    assert lint_yaml(no_scopes).positions("security-scopes-declared") == []
