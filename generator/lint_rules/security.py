"""Security requirements name real schemes and declared scopes; no operation is open by accident."""

from __future__ import annotations

from typing import Any

from ..load import escape_pointer
from .context import Context, as_dict, as_list
from .registry import check, rule

SCHEME_DEFINED = rule("security-scheme-defined", "error", "Every security requirement names a scheme in components.securitySchemes.")
SCOPES_DECLARED = rule(
    "security-scopes-declared", "error",
    "Every scope a requirement uses is declared (oauth2: in its flows; other schemes: in x-scopes, with a "
    "description; without x-scopes, OpenAPI 3.1's undeclared role names pass, and 3.0 wants none).",
)
OPERATION_SECURITY = rule("operation-security", "warning", "Every operation requires security unless it is marked `x-public: true`.")
REQUIREMENT_SENDABLE = rule(
    "security-requirement-sendable", "error",
    "A requirement's credentials go to different places: two in one (basic credentials and a bearer token in the "
    "Authorization header, a key named Authorization beside either) cannot be sent together.",
)


def credential_place(scheme: dict[str, Any]) -> tuple[str, str, str] | None:
    """Where a request carries a scheme's credential, and in what form: a header (by its
    lower-case name; every HTTP, OAuth 2 and OpenID Connect scheme uses Authorization), a
    query parameter or a cookie; a bearer token, basic credentials, another HTTP scheme's
    or a key's value. None where it is none of these (mutual TLS)."""
    kind = scheme.get("type")
    if kind in ("oauth2", "openIdConnect"):
        return ("header", "authorization", "bearer")
    if kind == "http":
        return ("header", "authorization", str(scheme.get("scheme") or "").lower())
    if kind == "apiKey" and scheme.get("in") in ("header", "query", "cookie"):
        where, name = str(scheme["in"]), str(scheme.get("name") or "")
        return (where, name.lower() if where == "header" else name, "key")
    return None


def _declared_scopes(scheme: dict[str, Any], version: str) -> set[str] | None:
    """The scopes a scheme declares; None when they cannot be known: OpenID Connect
    discovery, and OpenAPI 3.1's role names on another scheme with no x-scopes of ours
    (3.1 lets a requirement list roles "not otherwise defined"; 3.0 wants none there)."""
    if scheme.get("type") == "oauth2":
        return {str(scope) for flow in as_dict(scheme.get("flows")).values() for scope in as_dict(as_dict(flow).get("scopes"))}
    if "x-scopes" in scheme:
        return {str(scope) for scope in as_dict(scheme.get("x-scopes"))}
    return None if scheme.get("type") == "openIdConnect" or version == "3.1" else set()


def _requirements(ctx: Context) -> list[tuple[Any, str]]:
    found = [(ctx.data.get("security"), "/security")] if "security" in ctx.data else []
    found += [(op.node["security"], op.pointer + "/security") for op in ctx.index.operations if "security" in op.node]
    return found


@check(SCHEME_DEFINED, SCOPES_DECLARED)
def requirements_are_declared(ctx: Context) -> None:
    schemes = as_dict(as_dict(ctx.data.get("components")).get("securitySchemes"))
    for name, raw in schemes.items():
        scheme, pointer = ctx.resolve(raw, "/components/securitySchemes/" + escape_pointer(str(name)))
        for scope, text in as_dict(as_dict(scheme).get("x-scopes")).items():
            if not isinstance(text, str) or not text.strip():
                ctx.report(SCOPES_DECLARED, f"{pointer}/x-scopes/{escape_pointer(str(scope))}", f"scope {scope!r} has no description")
    for requirements, pointer in _requirements(ctx):
        for i, requirement in enumerate(as_list(requirements)):
            for name, scopes in as_dict(requirement).items():
                where = f"{pointer}/{i}/{escape_pointer(str(name))}"
                if name not in schemes:
                    ctx.report(SCHEME_DEFINED, where, f"security scheme {name!r} is not defined in components.securitySchemes")
                    continue
                scheme, _ = ctx.resolve(schemes[name], "")
                declared = _declared_scopes(as_dict(scheme), ctx.version)
                if declared is None:
                    continue
                kind = as_dict(scheme).get("type")
                if not declared and kind != "oauth2" and as_list(scopes):
                    # (HubSpot's API keys, listing OAuth scopes: once per requirement, not per scope)
                    ctx.report(SCOPES_DECLARED, where, f"{name!r} is not an OAuth 2 scheme: OpenAPI 3.0 wants this "
                               "list empty, and its scopes are declared nowhere (declare them in the scheme's "
                               "x-scopes, or move to OpenAPI 3.1, whose requirements may name roles)")
                    continue
                for j, scope in enumerate(as_list(scopes)):
                    if str(scope) not in declared:
                        place = "its flows" if kind == "oauth2" else "its x-scopes"
                        ctx.report(SCOPES_DECLARED, f"{where}/{j}", f"scope {scope!r} is not declared by {name!r} in {place}")


@check(OPERATION_SECURITY)
def operations_are_secured(ctx: Context) -> None:
    default = ctx.data.get("security")
    for op in ctx.index.operations:
        security = op.node.get("security", default)
        secured = any(as_dict(requirement) for requirement in as_list(security))
        public = op.node.get("x-public")
        if "x-public" in op.node and not isinstance(public, bool):
            ctx.report(OPERATION_SECURITY, op.pointer + "/x-public", "x-public must be true or false")
        elif public is True and secured:
            ctx.report(OPERATION_SECURITY, op.pointer + "/x-public", f"{op.label} is marked x-public but requires security")
        elif public is not True and not secured:
            where = op.pointer + "/security" if "security" in op.node else op.pointer
            ctx.report(OPERATION_SECURITY, where, f"{op.label} requires no security; add a requirement or mark it `x-public: true`")


@check(REQUIREMENT_SENDABLE)
def requirements_are_sendable(ctx: Context) -> None:
    schemes = as_dict(as_dict(ctx.data.get("components")).get("securitySchemes"))
    for requirements, pointer in _requirements(ctx):
        for i, requirement in enumerate(as_list(requirements)):
            taken: dict[tuple[str, str], tuple[str, str]] = {}
            for name in as_dict(requirement):
                scheme, _ = ctx.resolve(schemes[name], "") if name in schemes else (None, "")
                found = credential_place(as_dict(scheme))
                if found is None:
                    continue
                where, place, form = found
                other, other_form = taken.setdefault((where, place), (str(name), form))
                if other_form != form:  # (two OAuth flows together are one bearer token)
                    ctx.report(REQUIREMENT_SENDABLE, f"{pointer}/{i}/{escape_pointer(str(name))}",
                               f"{other!r} and {name!r} both go in the {place!r} {where}: no request "
                               "can carry both; make them alternatives (two requirements)")
                    break
