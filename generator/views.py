"""Derived data the templates need: argument lists, imports, docstrings.

The IR says what the API is; a view says how one generated file presents it
(which arguments are positional, which names a module imports, ...). Views are
plain data; the templates turn them into code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from . import ir, naming


@dataclass
class Arg:
    name: str
    type: ir.TypeRef
    description: str = ""


@dataclass
class ResponseSpecView:
    decoding: str
    type: ir.TypeRef | None


@dataclass
class WaitView:
    method: str
    poll_const: str
    cancel_const: str | None
    id_param: str
    result_type: ir.TypeRef
    docstring: str
    op: ir.Operation


@dataclass
class OperationView:
    const: str
    positional: list[Arg]
    required: list[Arg]
    optional: list[Arg]
    defaulted: list[Arg]
    docstring: str
    responses: list[tuple[str, list[ResponseSpecView]]]
    returns: list[ir.TypeRef]
    query_styles: list[tuple[str, str, bool]]
    item_type: ir.TypeRef | None = None
    page_wire: dict[str, str | None] = field(default_factory=dict)
    stream: bool = False
    wait: WaitView | None = None


@dataclass
class ResourceView:
    docstring: str
    path: str  # how users reach it: client.environments.query
    example: str


def walk(t: ir.TypeRef | None) -> list[ir.TypeRef]:
    if t is None:
        return []
    out = [t]
    if t.item is not None:
        out += walk(t.item)
    for v in t.variants:
        out += walk(v)
    return out


def _args(op: ir.Operation) -> tuple[list[Arg], list[Arg], list[Arg], list[Arg]]:
    positional, required, optional, defaulted = [], [], [], []
    for p in op.parameters:
        if p.location == "cookie":
            continue  # sent through extra_headers; rare enough not to clutter signatures
        arg = Arg(p.name, p.type, p.description)
        if p.location == "path":
            (defaulted if p.client_default else positional).append(arg)
        elif p.required:
            required.append(arg)
        else:
            optional.append(arg)
    if op.body is not None:
        if op.body.fields:
            for f in op.body.fields:
                (required if f.required else optional).append(Arg(f.name, f.type, f.description))
        else:
            (required if op.body.required else optional).append(Arg("body", op.body.type, op.body.description))
    return positional, required, optional, defaulted


def _docstring(op: ir.Operation, args: list[Arg], extra: list[tuple[str, str]] | None = None) -> str:
    parts: list[str] = []
    summary = " ".join(op.summary.split()) or " ".join(naming.words(op.operation_id)).capitalize()
    parts.append(summary)
    if op.description.strip() and op.description.strip() != op.summary.strip():
        parts.append(op.description.strip())
    if op.scopes:
        parts.append("Required API key scopes: " + ", ".join(op.scopes) + ".")
    if op.deprecated:
        parts.append("Deprecated.")
    documented = [(a.name, a.description) for a in args if a.description] + list(extra or [])
    if documented:
        lines = ["Args:"]
        for name, description in documented:
            text = " ".join(description.split())
            lines.append(f"    {name}: {text}")
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


def operation_view(op: ir.Operation, const: str, resource: ir.Resource, consts: dict[str, str]) -> OperationView:
    positional, required, optional, defaulted = _args(op)
    responses: dict[str, list[ResponseSpecView]] = {}
    returns: list[ir.TypeRef] = []
    for r in op.responses:
        spec = ResponseSpecView(r.decoding, r.type if r.decoding == "json" else None)
        specs = responses.setdefault(r.status, [])
        if spec not in specs:  # several media types often decode alike (json, json;stream=watch)
            specs.append(spec)
        rtype = r.type if r.decoding != "none" and r.type is not None else ir.TypeRef(ir.NONE)
        if r.decoding == "sse":
            continue
        if rtype not in returns:
            returns.append(rtype)
    if any(t.kind == ir.ANY for t in returns):
        returns = [ir.TypeRef(ir.ANY)]
    elif ir.TypeRef(ir.NONE) in returns:
        returns = [t for t in returns if t.kind != ir.NONE] + [ir.TypeRef(ir.NONE)]
    if returns == [ir.TypeRef(ir.NONE)]:
        returns = []
    styles = [
        (p.wire_name, p.style, p.explode)
        for p in op.query_params
        if (p.style, p.explode) != ("form", True)
    ]
    view = OperationView(
        const=const,
        positional=positional,
        required=required,
        optional=optional,
        defaulted=defaulted,
        docstring=_docstring(op, positional + required + optional + defaulted),
        responses=list(responses.items()),
        returns=returns,
        query_styles=styles,
        stream=any(r.decoding == "sse" for r in op.responses),
    )
    if op.pagination:
        view.item_type = op.pagination.item_type or ir.TypeRef(ir.ANY)
        by_name = {p.name: p.wire_name for p in op.query_params}
        view.page_wire = {
            "limit": by_name.get(op.pagination.limit_param or ""),
            "offset": by_name.get(op.pagination.offset_param or ""),
            "page": by_name.get(op.pagination.page_param or ""),
        }
    lro = op.long_running
    if lro and lro.poll in consts:
        poll = next(o for o in resource.operations if o.operation_id == lro.poll)
        id_param = next((p.wire_name for p in poll.path_params if not p.client_default), "id")
        success = next((r for r in op.responses if r.status in ("200", "201") and r.decoding == "json" and r.type), None)
        result_type = success.type if success and success.type else ir.TypeRef(ir.ANY)
        extra = [
            ("wait_timeout", "seconds to wait for the result; the job is cancelled on the server when it passes (None waits forever)."),
            ("on_progress", "called with a `Progress` (rows read, bytes read, elapsed) after each poll."),
        ]
        doc = _docstring(op, positional + required + optional + defaulted, extra)
        first, _, rest = doc.partition("\n\n")
        doc = (
            f"{first.rstrip('.')}, and wait until it completes.\n\n"
            f"Starts the job with {', '.join(f'{k}={v!r}' for k, v in lro.start.items()) or 'the given arguments'} "
            f"unless told otherwise, polls `{lro.poll}` with backoff while it runs, and returns the result. "
            f"Ctrl-C or `wait_timeout` cancels it on the server.\n\n{rest}"
        )
        view.wait = WaitView(
            method=_wait_name(op, resource),
            poll_const=consts[lro.poll],
            cancel_const=consts.get(lro.cancel or ""),
            id_param=id_param,
            result_type=result_type,
            docstring=doc.rstrip(),
            op=op,
        )
    return view


def _wait_name(op: ir.Operation, resource: ir.Resource) -> str:
    taken = {o.name for o in resource.operations}
    for candidate in ("run", f"{op.name}_and_wait"):
        if candidate not in taken:
            return candidate
    return naming.UniqueNames(taken).claim(f"{op.name}_and_wait")


def attach_views(api: ir.Api) -> None:
    """Compute the view of every resource and operation (stored on them as `.view`)."""
    for resource in api.resources:
        consts: dict[str, str] = {}
        pool = naming.UniqueNames()
        for op in resource.operations:
            consts[op.operation_id] = pool.claim("_" + naming.constant(op.name))
        for op in resource.operations:
            op.view = operation_view(op, consts[op.operation_id], resource, consts)  # type: ignore[attr-defined]
        ns = next((n for n in api.namespaces if resource in n.resources), None)
        path = f"client.{ns.name}.{resource.attribute}" if ns else f"client.{resource.attribute}"
        resource.view = ResourceView(  # type: ignore[attr-defined]
            docstring=(resource.description or f"Operations tagged {resource.tag}.")
            + f"\n\nReached as `{path}`.",
            path=path,
            example=_example(resource, path),
        )


def _example(resource: ir.Resource, path: str) -> str:
    """A short usage snippet for the README: the first operation with its required arguments."""
    op = next((o for o in resource.operations if o.pagination), resource.operations[0])
    view = op.view  # type: ignore[attr-defined]
    args = [_placeholder(a) for a in view.positional] + [f"{a.name}={_placeholder(a)}" for a in view.required]
    call = f"{path}.{op.name}({', '.join(args)})"
    if op.pagination:
        return f"for item in {call}:\n    print(item)"
    return f"result = {call}\nprint(result)"


def _placeholder(arg: Arg) -> str:
    t = arg.type
    if t.kind == ir.PRIMITIVE:
        return {"str": '"..."', "int": "1", "float": "1.0", "bool": "True"}.get(t.name, "...")
    if t.kind == ir.LIST:
        return "[]"
    if t.kind in (ir.MODEL, ir.MAP, ir.ALIAS):
        return "{...}"
    return "..."


def module_typing_needs(types: list[ir.TypeRef], args: list[ir.TypeRef]) -> dict[str, bool]:
    """Which typing names a module's annotations use, so it imports exactly those."""
    all_types = [t for root in types for t in walk(root)]
    arg_types = [t for root in args for t in walk(root)]
    return {
        "Any": any(t.kind == ir.ANY or (t.kind == ir.MAP) for t in all_types + arg_types)
        or any(t.kind in (ir.MODEL, ir.ALIAS) for t in args)
        or any(t.kind == ir.LIST and t.item is not None and t.item.kind in (ir.MODEL, ir.ALIAS) for t in args),
        "Literal": any(t.kind == ir.LITERAL for t in all_types + arg_types) or any(t.kind == ir.ENUM for t in args),
        "datetime": any(t.kind == ir.PRIMITIVE and t.name in ("datetime", "date") for t in all_types + arg_types),
    }


def referenced_names(types: list[ir.TypeRef]) -> list[str]:
    names: set[str] = set()
    for t in types:
        names |= t.referenced_names()
    return sorted(names)


def default_of(f: ir.Field, enums: dict[str, ir.Enum]) -> dict[str, Any]:
    """How a model field's default is written, or kind 'none' when it has none we can express."""
    if not f.has_default:
        return {"kind": "none"}
    value = f.default
    t = f.type
    if value is None:
        return {"kind": "none"}
    if t.kind == ir.ENUM:
        enum = enums.get(t.name)
        member = next((m.name for m in enum.members if m.value == value), None) if enum else None
        return {"kind": "enum", "enum": t.name, "member": member} if member else {"kind": "none"}
    if t.kind == ir.LITERAL:
        return {"kind": "value", "value": value} if value == t.value else {"kind": "none"}
    if t.kind == ir.PRIMITIVE:
        ok = {
            "str": isinstance(value, str),
            "int": isinstance(value, int) and not isinstance(value, bool),
            "float": isinstance(value, (int, float)) and not isinstance(value, bool),
            "bool": isinstance(value, bool),
        }.get(t.name, False)
        return {"kind": "value", "value": value} if ok else {"kind": "none"}
    if t.kind == ir.LIST and isinstance(value, list) and not value:
        return {"kind": "value", "value": value}
    if t.kind == ir.MAP and isinstance(value, dict) and not value:
        return {"kind": "value", "value": value}
    return {"kind": "none"}


# -- the generated CLI -------------------------------------------------------

def _cli_kind(t: ir.TypeRef, enums: dict[str, ir.Enum]) -> tuple[str, list[Any]]:
    """How a CLI option parses its text (str, int, float, bool, choice or json), and its choices."""
    if t.kind == ir.PRIMITIVE and t.name in ("int", "float", "bool"):
        return t.name, []
    if t.kind == ir.PRIMITIVE:
        return "str", []
    if t.kind == ir.ENUM and t.name in enums:
        return "choice", [m.value for m in enums[t.name].members]
    if t.kind == ir.LITERAL:
        return "choice", [t.value]
    return "json", []  # objects, lists, unions and Any


def _first_sentence(text: str) -> str:
    text = " ".join(text.split())
    end = text.find(". ")
    return text[: end + 1] if end > 0 else text


def _cli_help(op: ir.Operation, command: list[str], cli_name: str, args: list[Arg]) -> str:
    parts = [" ".join(op.summary.split()) or " ".join(naming.words(op.operation_id)).capitalize()]
    if op.description.strip() and op.description.strip() != op.summary.strip():
        parts.append(op.description.strip())
    if op.scopes:
        parts.append("Required API key scopes: " + ", ".join(op.scopes) + ".")
    example = " ".join([cli_name, *command] + [f"<{naming.kebab(a.name).upper()}>" for a in args])
    parts.append(f"Example: {example}")
    return "\n\n".join(parts)


def cli_commands(api: ir.Api) -> list[dict[str, Any]]:
    """One entry per operation (and per x-cli shortcut): what the CLI runtime needs, as plain data."""
    enums = {e.name: e for e in api.enums}
    commands: list[dict[str, Any]] = []
    top_level: dict[tuple[str, str], str] = {}
    for resource in api.resources:
        ns = next((n for n in api.namespaces if resource in n.resources), None)
        groups = ([naming.kebab(ns.name)] if ns else []) + [naming.kebab(resource.attribute)]
        attrs = ([ns.name] if ns else []) + [resource.attribute]
        for op in resource.operations:
            view: OperationView = op.view  # type: ignore[attr-defined]
            name = naming.kebab(op.name)
            options = []
            for p in op.parameters:
                if p.location not in ("query", "header"):
                    continue
                kind, choices = _cli_kind(p.type, enums)
                options.append({"flag": naming.kebab(p.name), "name": p.name, "kind": kind, "choices": choices,
                                "required": p.required, "help": _first_sentence(p.description), "target": "arg"})
            body_mode = None
            if op.body is not None:
                body_mode = "fields" if op.body.fields else "whole"
                for f in op.body.fields:
                    kind, choices = _cli_kind(f.type, enums)
                    options.append({"flag": naming.kebab(f.name), "name": f.name, "wire": f.wire_name, "kind": kind,
                                    "choices": choices, "required": f.required, "help": _first_sentence(f.description),
                                    "target": "body"})
            entry = {
                "groups": groups,
                "name": name,
                "operation_id": op.operation_id,
                "attrs": attrs,
                "method": op.name,
                "help": _cli_help(op, groups + [name], api.sdk.cli_name, view.positional),
                "short_help": " ".join(op.summary.split())[:80],
                "arguments": [{"name": a.name, "metavar": naming.kebab(a.name).upper()} for a in view.positional],
                "options": options,
                "body": body_mode,
                "body_required": bool(op.body and op.body.required),
                "paginated": op.pagination is not None,
                "stream": view.stream,
                "alias_groups": None,
                "shortcut": None,
            }
            commands.append(entry)
            if not ns:
                top_level[(groups[-1], name)] = op.operation_id
            for shortcut in op.cli:
                commands.append({
                    **entry,
                    "name": shortcut.name,
                    "help": (shortcut.help or entry["help"]) + "\n\n"
                    + f"Example: {api.sdk.cli_name} {' '.join(groups)} {shortcut.name} <{naming.kebab(shortcut.argument_name).upper()}>",
                    "short_help": shortcut.help[:80],
                    "shortcut": {
                        "argument": shortcut.argument_name,
                        "field": shortcut.argument_field,
                        "body": shortcut.body,
                        "wait": shortcut.wait and view.wait is not None,
                        "wait_method": view.wait.method if view.wait else None,
                    },
                })
    # A namespaced command is also reachable from its tag's top-level group when no
    # root operation there has its name: `endpoints run` for `environments endpoints run`.
    for entry in commands:
        if len(entry["groups"]) > 1 and (entry["groups"][-1], entry["name"]) not in top_level:
            entry["alias_groups"] = entry["groups"][-1:]
            top_level[(entry["groups"][-1], entry["name"])] = entry["operation_id"]
    return commands


def cli_groups(api: ir.Api) -> list[dict[str, Any]]:
    """The command groups and their help: namespaces, then tags."""
    groups: list[dict[str, Any]] = []
    seen: set[tuple[str, ...]] = set()
    for ns in api.namespaces:
        groups.append({"path": [naming.kebab(ns.name)], "help": ns.description.strip() or f"Operations in the {ns.name} namespace."})
        seen.add((naming.kebab(ns.name),))
    for resource in api.resources:
        ns = next((n for n in api.namespaces if resource in n.resources), None)
        path = ([naming.kebab(ns.name)] if ns else []) + [naming.kebab(resource.attribute)]
        for candidate in (path, path[-1:]):
            if tuple(candidate) not in seen:
                seen.add(tuple(candidate))
                groups.append({"path": candidate, "help": resource.description.strip() or f"Operations tagged {resource.tag}."})
    return groups


# -- generated contract tests ---------------------------------------------------


def _expected_classes(t: ir.TypeRef | None, aliases: dict[str, ir.Alias]) -> list[str]:
    """Class names a parsed value of type `t` may have (for isinstance checks)."""
    if t is None or t.kind == ir.NONE:
        return ["None"]
    if t.kind == ir.MODEL:
        return [f"models.{t.name}"]
    if t.kind == ir.ALIAS and t.name in aliases:
        alias = aliases[t.name]
        names: list[str] = []
        for variant in alias.type.variants or (alias.type,):
            names += [n for n in _expected_classes(variant, aliases) if n not in names]
        if alias.discriminator:
            names.append("UnknownVariant")
        return names
    if t.kind == ir.LIST:
        return ["list"]
    if t.kind == ir.MAP:
        return ["dict"]
    if t.kind == ir.PRIMITIVE:
        return [{"datetime": "datetime.datetime", "date": "datetime.date"}.get(t.name, t.name)]
    if t.kind == ir.ENUM:
        return [f"models.{t.name}"]
    return ["object"]


def contract_cases(api: ir.Api, fixtures_by_op: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """One contract test per operation: the call built from its fixture, and what must come back."""
    aliases = {a.name: a for a in api.aliases}
    cases = []
    test_names = naming.UniqueNames()
    for resource in api.resources:
        ns = next((n for n in api.namespaces if resource in n.resources), None)
        for op in resource.operations:
            view: OperationView = op.view  # type: ignore[attr-defined]
            fixture = fixtures_by_op[op.operation_id]
            request = fixture["request"]
            by_wire = {p.wire_name: p for p in op.parameters}
            args = [request["path"].get(next(p.wire_name for p in op.path_params if p.name == a.name)) for a in view.positional]
            kwargs: dict[str, Any] = {by_wire[w].name: v for w, v in request["query"].items() if w in by_wire}
            body = request.get("body")
            if op.body is not None and body is not None:
                if op.body.fields and isinstance(body, dict):
                    names = {f.wire_name: f.name for f in op.body.fields}
                    kwargs.update({names[w]: v for w, v in body.items() if w in names})
                    extra = {w: v for w, v in body.items() if w not in names}
                    if extra:
                        kwargs["extra_body"] = extra
                elif not op.body.fields:
                    kwargs["body"] = body
            kind = "page" if op.pagination else "stream" if view.stream else "plain"
            if kind == "page":
                expected = _expected_classes(view.item_type, aliases)
            else:
                # Any documented success may come back (e.g. 202 when a query starts in the background).
                expected = []
                for r in op.responses:
                    if r.decoding == "sse":
                        continue
                    found = {"text": ["str"], "binary": ["bytes"], "none": ["None"]}.get(r.decoding) or _expected_classes(r.type, aliases)
                    expected += [e for e in found if e not in expected]
                if "None" in expected and len(expected) > 1:
                    expected = [e for e in expected if e != "None"] + ["type(None)"]
            cases.append({
                "test": test_names.claim("test_" + naming.snake(op.operation_id)),
                "operation_id": op.operation_id,
                "target": ".".join(["client"] + ([ns.name] if ns else []) + [resource.attribute, op.name]),
                "args": args,
                "kwargs": kwargs,
                "kind": kind,
                "expected": expected,
            })
    return cases
