"""The project's x- extensions (spec/README.md): shared helpers, x-sdk-namespace, x-aliases
and x-lint-waive.

x-pagination, x-long-running and x-cli have a module each.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..load import escape_pointer
from .context import Context, as_dict
from .index import Operation
from .registry import RULES, Rule, check, rule

X_SDK_NAMESPACE = rule("x-sdk-namespace", "error", "x-sdk-namespace names a namespace declared in the root x-sdk.namespaces.")
X_ALIASES = rule("x-aliases", "error", "A server's x-aliases lists absolute http(s) URLs that no other server uses.")
X_LINT_WAIVE = rule("x-lint-waive", "error", "x-lint-waive maps known rule ids to the reason for waiving them.")
# Reported by generator/lint.py, which applies the waivers once every check has run.
UNUSED_WAIVER = rule("unused-waiver", "warning", "An x-lint-waive entry waives a finding that no longer exists.")


def extension_uses(ctx: Context, key: str, rule_: Rule, shape: type,
                   may_be_false: bool = False) -> Iterator[tuple[Operation, Any, str]]:
    """(operation, value, pointer) of each operation's `key` extension that has the expected
    shape; `may_be_false`: `false` (the extension's behaviour turned off) is allowed too."""
    for op in ctx.index.operations:
        if key in op.node:
            pointer = f"{op.pointer}/{key}"
            if isinstance(op.node[key], shape):
                yield op, op.node[key], pointer
            elif not (may_be_false and op.node[key] is False):
                ctx.report(rule_, pointer, f"{key} must be a {'list' if shape is list else 'mapping'}"
                           + (" or false" if may_be_false else ""))


def unknown_keys(ctx: Context, rule_: Rule, node: dict[str, Any], known: set[str], pointer: str, what: str) -> None:
    """Typos in an extension's keys would silently fall back to defaults: name them."""
    for key in node:
        if key not in known and not str(key).startswith("x-"):
            ctx.report(rule_, f"{pointer}/{escape_pointer(str(key))}", f"{what} has no key {key!r} (known: {', '.join(sorted(known))})")


def written_at(pointer: str, spec: dict[str, Any], key: str) -> str:
    """The pointer of `key` when it is written, else of the extension itself (its default applies)."""
    return f"{pointer}/{escape_pointer(key)}" if key in spec else pointer


@check(X_SDK_NAMESPACE)
def sdk_namespaces(ctx: Context) -> None:
    declared = as_dict(as_dict(ctx.data.get("x-sdk")).get("namespaces"))
    for op in ctx.index.operations:
        namespace = op.node.get("x-sdk-namespace")
        if "x-sdk-namespace" in op.node and (not isinstance(namespace, str) or namespace not in declared):
            ctx.report(X_SDK_NAMESPACE, op.pointer + "/x-sdk-namespace", f"namespace {namespace!r} is not declared in x-sdk.namespaces")


@check(X_ALIASES)
def server_aliases(ctx: Context) -> None:
    from ..parse import ALIAS_URL

    servers = ctx.data.get("servers")
    servers = servers if isinstance(servers, list) else []
    claimed = {str(s.get("url")).rstrip("/").lower(): f"/servers/{i}" for i, s in enumerate(servers) if isinstance(s, dict)}
    for i, server in enumerate(servers):
        if not isinstance(server, dict) or "x-aliases" not in server:
            continue
        where = f"/servers/{i}/x-aliases"
        aliases = server["x-aliases"]
        if not isinstance(aliases, list):
            ctx.report(X_ALIASES, where, "x-aliases must be a list of URLs")
            continue
        for n, alias in enumerate(aliases):
            if not isinstance(alias, str) or not ALIAS_URL.fullmatch(alias):
                ctx.report(X_ALIASES, f"{where}/{n}", f"{str(alias)[:60]!r} is not an absolute http(s) URL")
                continue
            key = alias.rstrip("/").lower()
            if key in claimed:
                ctx.report(X_ALIASES, f"{where}/{n}", f"{alias} already names {claimed[key]} (its url or another alias)")
            claimed.setdefault(key, f"/servers/{i}")


@check(X_LINT_WAIVE)
def waiver_shapes(ctx: Context) -> None:
    for pointer, waivers in ctx.index.waivers.items():
        where = pointer + "/x-lint-waive"
        if not isinstance(waivers, dict):
            ctx.report(X_LINT_WAIVE, where, "x-lint-waive must map rule ids to reasons")
            continue
        for rule_id, reason in waivers.items():
            at = f"{where}/{escape_pointer(str(rule_id))}"
            if rule_id not in RULES:
                ctx.report(X_LINT_WAIVE, at, f"x-lint-waive names an unknown rule {rule_id!r}")
            elif not isinstance(reason, str) or not reason.strip():
                ctx.report(X_LINT_WAIVE, at, f"the waiver of {rule_id!r} gives no reason")


def valid_waivers(waivers: Any) -> dict[str, str]:
    """The entries of an x-lint-waive value that actually waive something."""
    return {
        str(rule_id): reason
        for rule_id, reason in as_dict(waivers).items()
        if rule_id in RULES and isinstance(reason, str) and reason.strip()
    }
