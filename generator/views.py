"""Derived data the templates need: argument lists, docstrings, the CLI table, the
contract tests.

The IR says what the API is; a view says how a generated file presents it (which
arguments are positional, which builtins a module must qualify, ...). `build` computes
them all once, as typed values; nothing is attached to the IR.
"""

from __future__ import annotations

import functools
import json
import re
import shlex
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from . import answers, display, fixtures, ir, naming, openapi, streams
from .fragments import Fragments

#: builtin type names a generated method or field may shadow inside a class body
BUILTIN_TYPES = frozenset({"list", "dict", "str", "int", "float", "bool", "bytes"})


@dataclass(frozen=True)
class Arg:
    name: str
    type: ir.TypeRef
    description: str = ""
    #: "content" (a raw binary body) or "field" (a multipart part) where the argument is
    #: bytes to upload, which a file opened in binary mode may give too; else ""
    upload: str = ""


@dataclass(frozen=True)
class ResponseSpecView:
    decoding: str
    type: ir.TypeRef | None
    member: str = ""


@dataclass(frozen=True)
class ResponsesOfStatus:
    status: str
    specs: list[ResponseSpecView]


@dataclass
class WaitView:
    """A long-running operation's `run`: start it and poll until it completes."""

    method: str
    poll_const: str
    cancel_const: str | None
    id_param: str
    result_type: ir.TypeRef
    docstring: str


@dataclass(frozen=True)
class OverloadView:
    """One typed overload: the argument's narrower type, and what the method and its
    `run` then return (the success type the overload refines, replaced)."""

    parameter: str
    argument: ir.TypeRef
    returns: list[ir.TypeRef]
    wait_returns: ir.TypeRef | None
    default: bool = False  # the argument may be left out (its default is in the overload)


@dataclass
class OperationView:
    op: ir.Operation
    const: str  # the module constant holding its descriptor
    positional: list[Arg]
    required: list[Arg]
    optional: list[Arg]
    defaulted: list[Arg]  # path parameters the client fills in from its settings
    docstring: str
    responses: list[ResponsesOfStatus]
    returns: list[ir.TypeRef]  # the return type's members; empty: returns None
    query_styles: list[tuple[str, str, bool]]
    #: the Accept header its successes' media types call for; "": the client's usual one
    accept: str = ""
    item_type: ir.TypeRef | None = None
    page_wire: dict[str, str | None] = field(default_factory=dict)
    stream: bool = False  # returns an iterator: of events, or of stream_item
    #: a stream of JSON values (ir.Response `lines`): each value's type; None: SSE events
    stream_item: ir.TypeRef | None = None
    #: the argument that asks for a stream (streams.stream_flag), its overloads (true: the
    #: stream; false or left out: the JSON answer) and the Accept header the stream wants
    stream_flag: str = ""
    flag_overloads: list[OverloadView] = field(default_factory=list)
    stream_accept: str = ""
    stream_test: str = "is True"  # how the method tells the stream is asked for
    #: an event stream's: the type of each event's data (ServerSentEvent.parse)
    event_type: ir.TypeRef = field(default_factory=lambda: ir.TypeRef(ir.ANY))
    wait: WaitView | None = None
    overloads: list[OverloadView] = field(default_factory=list)

    @property
    def all_args(self) -> list[Arg]:
        return self.positional + self.required + self.optional + self.defaulted


@dataclass
class ResourceView:
    resource: ir.Resource
    operations: list[OperationView]
    docstring: str
    path: str  # how users reach it: client.environments.query (client: on_client)
    example: str
    #: builtin names the class's own methods shadow, written `builtins.x` in its annotations
    shadowed: frozenset[str]
    #: every type its signatures and descriptors mention
    types: list[ir.TypeRef] = field(default_factory=list)
    #: models module -> the names this resource module imports from it
    model_imports: dict[str, list[str]] = field(default_factory=dict)
    #: its operations are methods of the client itself too (the `default` resource: those
    #: the document gives no tag), still reached as `client.default` as well
    on_client: bool = False


@dataclass
class NamespaceView:
    namespace: ir.Namespace
    resources: list[ResourceView]


@dataclass(frozen=True)
class DefaultValue:
    """How a model field's default is written: kind none (no default we can express),
    value (a literal) or enum (a member)."""

    kind: str
    value: Any = None
    enum: str = ""
    member: str = ""


@dataclass(frozen=True)
class PathDefault:
    name: str  # the path parameter's wire name
    env: str
    description: str
    argument: str  # the client's keyword (and the CLI's --option) for it
    test_value: str = "1"  # what the contract tests set it to (fixtures.path_setting_value)


@dataclass(frozen=True)
class Host:
    name: str
    url: str


@dataclass
class SettingsView:
    #: "" where the document names no address (no_server says why): one must be given
    default_base_url: str
    base_url_arg: str  # the client's keyword for the server address: host or base_url
    env_prefix: str  # of the variables without their own x-sdk name (POSTHOG_TIMEOUT, ...)
    hosts: list[Host]
    path_defaults: list[PathDefault]
    cli_root_help: str
    #: the operations that need no credentials (ir.Operation.public): where there are
    #: none, a client made without credentials is refused; else only a call of one of the
    #: others is
    public_operations: int = 0
    #: why there is no default address: "names no server", "names only a path, /v3,"
    no_server: str = ""
    #: the path the document's server gives where it gives no host (/api/v3), else ""
    server_path: str = ""
    #: how the API key is sent, for its docstring and the README: "as a bearer token ..."
    api_key_sent: str = ""


def _stream_flag(op: ir.Operation) -> streams.StreamFlag | None:
    """The argument that asks for the operation's stream, where its method can take one:
    not beside typed overloads, nor beside pages unless a query flag asks (Kubernetes'
    lists: pages by `continue`, a watch with `watch=True`)."""
    flag = streams.stream_flag(op) if not op.overloads else None
    return flag if flag is not None and (op.pagination is None or flag.in_query) else None


def _key_sent(sdk: ir.SdkSettings) -> str:
    """How the API key goes in each request, as a user needs to know it to give the right
    value: an API key scheme in the Authorization header takes the header's whole value
    (Kubernetes' `BearerToken`: `Bearer <token>`, which the client does not add)."""
    name = sdk.auth_header
    if sdk.auth_scheme == "header" and name.lower() == "authorization":
        return f"as the `{name}` header, as it is given (the whole value: `Bearer <token>` where the API wants a bearer token)"
    return {"bearer": "as a bearer token (`Authorization: Bearer <key>`)",
            "basic": "as HTTP basic credentials (`user:password`)",
            "header": f"as the `{name}` header", "query": f"as the `{name}` query parameter",
            "cookie": f"as the `{name}` cookie"}.get(sdk.auth_scheme, "")


@dataclass
class ModelModule:
    """One module of the `models` package: the schemas of one tag, or those several tags
    share (`common`). A tag module imports from `common` only; `common` imports nothing."""

    name: str
    enums: list[ir.Enum]
    models: list[ir.Model]
    aliases: list[ir.Alias]  # in dependency order
    #: module name -> names it takes from that module
    imports: dict[str, list[str]]
    shadowed: frozenset[str]
    #: polymorphic base -> its discriminator values -> "module.Class" of the subclass each names
    subtypes: dict[str, dict[str, str]] = field(default_factory=dict)
    #: the subclasses whose base is in another module: they write the fields they inherit
    #: too, since pydantic reads an inherited annotation in the subclass's module, where the
    #: types it names must then be imported
    whole: list[str] = field(default_factory=list)

    @property
    def exported(self) -> list[str]:
        enums = [n for e in self.enums for n in (e.name, e.param_alias) if n]
        return enums + [m.name for m in self.models] + [a.name for a in self.aliases]


@dataclass
class ModelsView:
    modules: list[ModelModule]
    #: every exported name -> the module defining it
    where: dict[str, str]
    defaults: dict[tuple[str, str], DefaultValue]  # (model, field) -> its default
    #: names re-exported by the package itself: the request and response types of operations
    top_level: list[str]
    #: enum name -> its <Enum>Param alias, for the enums arguments take

    def imports_for(self, names: set[str]) -> dict[str, list[str]]:
        """module -> names, for code that mentions `names`."""
        by_module: dict[str, list[str]] = {}
        for name in names:
            if name in self.where:
                by_module.setdefault(self.where[name], []).append(name)
        return {module: sorted(names) for module, names in sorted(by_module.items())}


@dataclass
class ContractCase:
    test: str
    operation_id: str
    target: str  # client.x.y
    module: str  # the resource's module: its tests are in tests/contract/test_<module>.py
    args: list[Any]
    kwargs: dict[str, Any]
    kind: str  # page stream plain
    expected: list[str]  # class names an isinstance check accepts
    deprecated: bool = False  # called through a deprecated namespace, which warns
    #: the annotations of `args` and `kwargs` (None: extra_body, which has none): a value
    #: is written as what its annotation takes (render.contract_argument)
    arg_types: list[ir.TypeRef | None] = field(default_factory=list)
    kwarg_types: dict[str, ir.TypeRef | None] = field(default_factory=dict)


@dataclass(frozen=True)
class ExampleValue:
    """An argument in a README example: a JSON-like literal, or a model built from its
    fields (when a typed overload wants the class)."""

    literal: Any = None
    model: str | None = None
    fields: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class CallExample:
    target: str  # client.query.create
    args: tuple[Any, ...]
    kwargs: tuple[tuple[str, ExampleValue], ...]
    paginated: bool = False
    #: attributes of the result worth printing (the wait example prints them)
    show: tuple[str, ...] = ()

    @property
    def raw_target(self) -> str:
        """The same method through `with_raw_response`."""
        owner, method = self.target.rsplit(".", 1)
        return f"{owner}.with_raw_response.{method}"

    @property
    def streaming_target(self) -> str:
        """The same method through `with_streaming_response`."""
        owner, method = self.target.rsplit(".", 1)
        return f"{owner}.with_streaming_response.{method}"


@dataclass
class Examples:
    """The calls the generated README shows, built from the operations' fixtures: real
    values, so that each code block type-checks (tests/generator/test_readme.py)."""

    by_resource: dict[str, CallExample] = field(default_factory=dict)  # ResourceView.path -> call
    listing: CallExample | None = None
    waiting: CallExample | None = None
    plain: CallExample | None = None  # a call that is neither a list nor a stream
    #: a call that streams (with stream=True where a field asks for it); of events or values
    streaming: CallExample | None = None
    streams_events: bool = True
    streaming_flag: str = ""  # how the call asks for it: `stream=True`
    #: a call that asks for another document than JSON (its `accept` argument given)
    document: CallExample | None = None
    document_binary: bool = False  # it returns bytes (else text)
    document_file: str = ""  # a name to save it under


@dataclass
class ApiView:
    api: ir.Api
    settings: SettingsView
    resources: list[ResourceView]
    namespaces: list[NamespaceView]
    models: ModelsView
    client_doc: str
    #: the CLI's groups, as the JSON data the CLI runtime reads (its commands: cli_commands)
    cli_groups: list[dict[str, Any]]
    #: the README's examples (set by build_examples once the fixtures exist)
    examples: Examples = field(default_factory=Examples)

    @property
    def own_resource(self) -> ResourceView | None:
        """The resource whose operations are the client's own methods too (on_client)."""
        return next((r for r in self.resources if r.on_client), None)

    @property
    def documented_resources(self) -> list[ResourceView]:
        """The resources the README presents: not those of a deprecated namespace."""
        deprecated = {id(r) for nv in self.namespaces if nv.namespace.deprecated for r in nv.resources}
        return [r for r in self.resources if id(r) not in deprecated]

    @property
    def webhook_example(self) -> tuple[str, str] | None:
        """The first webhook whose JSON payload is a named model, and that model's name:
        the README's example where the document has webhooks and no operations."""
        webhooks = self.api.document.get("webhooks")
        named = {model.pointer: model.name for model in self.api.models}
        for name, item in webhooks.items() if isinstance(webhooks, dict) else ():
            for operation in item.values() if isinstance(item, dict) else ():
                body = operation.get("requestBody") if isinstance(operation, dict) else None
                content = body.get("content") if isinstance(body, dict) else None
                for media, entry in content.items() if isinstance(content, dict) else ():
                    schema = entry.get("schema") if isinstance(entry, dict) and "json" in str(media) else None
                    ref = schema.get("$ref") if isinstance(schema, dict) else None
                    if isinstance(ref, str) and ref[1:] in named:
                        return str(name), named[ref[1:]]
        return None

    @property
    def root_resources(self) -> list[ResourceView]:
        return [r for r in self.resources if r.resource.namespace is None]

    @property
    def has_long_running(self) -> bool:
        return any(o.wait for r in self.resources for o in r.operations)

    @property
    def job_limit(self) -> int | None:
        """The API document's limit of long-running jobs at once, if it sets one."""
        limits = [o.op.long_running.max_concurrent for r in self.resources for o in r.operations if o.op.long_running]
        return next((limit for limit in limits if limit), None)

    @property
    def has_stream(self) -> bool:
        """Whether a method may yield events (ServerSentEvent is the package's then)."""
        return any(o.stream or o.stream_flag for r in self.resources for o in r.operations)

    @property
    def uploads(self) -> bool:
        """Some operation takes bytes to upload (a multipart file or a raw binary body)."""
        return any(a.upload for r in self.resources for o in r.operations for a in o.all_args)

    @property
    def arm_polling_example(self) -> str | None:
        """The method of the first Azure long-running operation, for the README."""
        for rv in self.documented_resources:
            for ov in rv.operations:
                if ov.op.arm_polling is not None:
                    return f"{rv.path}.{ov.op.name}"
        return None

    @property
    def subclass_example(self) -> tuple[str, str, str, str] | None:
        """The first polymorphic base, its discriminator, a value of it and the subclass
        that value names: the README's example of subclasses."""
        for model in self.api.models:
            for value, name in model.subtypes.items():
                return model.name, model.discriminator or "", value, name
        return None

    @property
    def extension_example(self) -> tuple[str, str] | None:
        """The first model that extends another, and that one: the README's example of
        subclasses."""
        return next(((m.name, m.base) for m in self.api.models if m.base), None)

    @property
    def read_only_example(self) -> tuple[str, str] | None:
        """The first model with a field required in responses only (readOnly), and that
        field: the README's example of what a model built to be sent may leave out."""
        for model in self.api.models:
            for f in model.fields:
                if f.required and f.read_only and not f.write_only and not f.has_default:
                    return model.name, f.name
        return None

    @property
    def has_raw_body(self) -> bool:
        """Some operation takes its body as text or raw bytes (the CLI's --data then takes
        that content as it is, not JSON)."""
        return any(o.op.body is not None and o.op.body.encoding in ("text", "binary")
                   for r in self.resources for o in r.operations)

    @functools.cached_property
    def cli_commands(self) -> list[dict[str, Any]]:
        """The CLI's command table, as the JSON data the CLI runtime reads: made when first
        asked for (the render child, which writes the modules, never asks)."""
        return cli_commands(self.api, self)

    @functools.cached_property
    def cli_table(self) -> _CliTable:
        """The command table's first pass (cli_commands finishes it)."""
        return _cli_table(self.api, self)

    @property
    def has_read_scopes(self) -> bool:
        """Whether an operation needs a scope ending in `:read` (the mock's read-only key
        may call only those)."""
        return any(scope.endswith(":read") for op in self.api.operations for scope in op.scopes)

    @property
    def scope_example(self) -> str:
        """A scope an operation needs, for the README's example error: a write scope where
        there is one ("" where no operation names a scope)."""
        scopes = [scope for op in self.api.operations for scope in op.scopes]
        return next((s for s in scopes if s.endswith(":write")), scopes[0] if scopes else "")

    @property
    def root_command(self) -> list[str]:
        """The first command the root has as one of the client's own methods, by its group's
        path (`["default", "get-status"]`); [] where there is none."""
        return next(([*c["groups"], c["name"]] for c, _op, _ov in self.cli_table.entries if c["alias_groups"] == []), [])

    @property
    def cli_example(self) -> str:
        """A command line for the README beside `--help`: a list printed whole, else the
        first command's own help ("" where there is no command)."""
        for c, _op, _ov in self.cli_table.entries:
            if c["paginated"]:
                words = _cli_path(c) + ["<" + a["metavar"] + ">" for a in c["arguments"]]
                return " ".join(words) + " --all -o table"
        for c, _op, _ov in self.cli_table.entries:
            return " ".join([*_cli_path(c), "--help"])
        return ""


# -- building ----------------------------------------------------------------


def build(api: ir.Api) -> ApiView:
    enums = {e.name: e for e in api.enums}
    aliases = {a.name: a for a in api.aliases}
    resources = [_resource_view(api, resource, aliases) for resource in api.resources]
    by_resource = {id(r.resource): r for r in resources}
    namespaces = [NamespaceView(ns, [by_resource[id(r)] for r in ns.resources]) for ns in api.namespaces]
    settings = _settings_view(api)
    models = _models_view(api, enums, resources)
    for rv in resources:
        rv.model_imports = models.imports_for(_mentioned(rv, enums))
    view = ApiView(
        api=api,
        settings=settings,
        resources=resources,
        namespaces=namespaces,
        models=models,
        client_doc=_client_doc(api, next((r for r in resources if r.on_client), None)),
        cli_groups=cli_groups(api, namespaces, resources),
    )
    return view


def _mentioned(rv: ResourceView, enums: dict[str, ir.Enum]) -> set[str]:
    """The named types a resource module's code mentions, as the resource template and
    render.signature write them: exactly, so that ruff has no import to remove (an extra
    one would cost it another pass over the module; a missing one would break it)."""
    types: list[ir.TypeRef] = []
    names: set[str] = set()
    for ov in rv.operations:
        types += [s.type for r in ov.responses for s in r.specs if s.type is not None]
        if not ov.stream:
            types += ov.returns
        if ov.stream_item is not None:
            types.append(ov.stream_item)
        if ov.stream or ov.stream_flag:
            types.append(ov.event_type)
        if ov.op.pagination and ov.item_type is not None:
            types.append(ov.item_type)
        if ov.wait:
            types.append(ov.wait.result_type)
        for overload in ov.overloads:
            types += [overload.argument, *overload.returns]
            if overload.wait_returns is not None:
                types.append(overload.wait_returns)
        types += [a.type for a in ov.defaulted]
        for a in ov.positional + ov.required + ov.optional:  # render.arg_hint
            enum = a.type.item if a.type.kind == ir.LIST and a.type.item is not None else a.type
            alias = enums[enum.name].param_alias if enum.kind == ir.ENUM else None
            if alias:
                names.add(alias)
            else:
                types.append(a.type)
    return names | referenced_names(types)


def referenced_names(types: list[ir.TypeRef]) -> set[str]:
    names: set[str] = set()
    for t in types:
        names |= t.referenced_names()
    return names


def walk(t: ir.TypeRef | None) -> list[ir.TypeRef]:
    if t is None:
        return []
    out = [t]
    if t.item is not None:
        out += walk(t.item)
    for v in t.variants:
        out += walk(v)
    return out


def builtins_used(types: list[ir.TypeRef], aliases: dict[str, ir.Alias] | None = None) -> set[str]:
    """The builtin names the annotations of `types` write. Given `aliases` (for a
    resource's signatures), also those render.arg_hint adds: a plain dict beside a model
    (`dict[str, Any]`), and beside an alias of a list or a map of models, a list or a map
    of them (PayPal's `PatchRequest | list[dict[str, Any]]` in a class with a `list`
    method, where `list` must be written `builtins.list`)."""
    used: set[str] = set()
    seen: set[str] = set()
    pending = list(types)
    while pending:
        for t in walk(pending.pop()):
            if t.kind == ir.LIST:
                used.add("list")
            elif t.kind == ir.MAP:
                used |= {"dict", "str"}
            elif t.kind == ir.PRIMITIVE:
                used.add(t.name)
            elif aliases is not None and t.kind == ir.MODEL:
                used |= {"dict", "str"}
            elif aliases is not None and t.kind == ir.ALIAS and t.name in aliases and t.name not in seen:
                seen.add(t.name)
                pending.append(aliases[t.name].type)
    return used


def _settings_view(api: ir.Api) -> SettingsView:
    sdk = api.sdk
    # (a network-path reference, //host/v1, takes https)
    addresses = ["https:" + s.address if s.address.startswith("//") else s.address for s in api.servers]
    first = addresses[0] if addresses else ""
    # The first server with a host. Where there is none (90 of the directory's
    # documents: no server, or a path only, /api/v3, relative to wherever the document is
    # served), the client wants an address, and says so, where it sent every request to
    # localhost before.
    default_base_url = next((a for a in addresses if "://" in a and "{" not in a), "")
    no_server = "" if default_base_url else (
        "names no server" if not first else f"names only a path, {first}," if first.startswith("/")
        else f"names no address the client can use ({first})")
    hosts: list[Host] = []
    for server in api.servers:
        if server.variables or "{" in server.url or "://" not in server.url:
            continue  # a short name for one choice of a server's variables would mislead
        hostname = server.url.split("://")[1].split("/")[0]
        short = hostname.split(".")[0]
        if hostname.count(".") >= 2 and short.isidentifier() and short not in [h.name for h in hosts]:
            hosts.append(Host(short, server.url))
    # The settings without their own x-sdk variable share the prefix of the log variable (POSTHOG_LOG -> POSTHOG_).
    env_prefix = sdk.log_env[:-4] if sdk.log_env.endswith("_LOG") else sdk.client_name.upper()
    return SettingsView(
        api_key_sent=_key_sent(sdk),
        default_base_url=default_base_url,
        no_server=no_server,
        server_path=first if not default_base_url and first.startswith("/") else "",
        base_url_arg="host" if sdk.base_url_env.endswith("_HOST") else "base_url",
        env_prefix=env_prefix,
        hosts=hosts,
        path_defaults=[
            PathDefault(wire, env, sdk.path_default_descriptions.get(wire, ""), sdk.path_default_arguments.get(wire, wire),
                        fixtures.path_setting_value(api, wire))
            for wire, env in sdk.path_defaults.items()
        ],
        cli_root_help=(display.clean(api.title) + ": " if api.title else "") + "every API operation from the terminal.",
        public_operations=sum(op.public for op in api.operations),
    )


def _client_doc(api: ir.Api, own: ResourceView | None) -> str:
    sdk = api.sdk
    lines = [f"Client for the {api.title}." if api.title else "API client."]
    attrs = [f"`{r.attribute}`" for r in api.resources if r.namespace is None and (own is None or r is not own.resource)]
    attrs += [f"`{n.name}`" for n in api.namespaces]
    if own is not None:
        lines.append(f"The operations the API document gives no tag are its own methods (and `{own.resource.attribute}`'s)"
                     + ("; the others are grouped by resource: " + ", ".join(attrs) if attrs else "") + ".")
    elif attrs:
        lines.append("Operations are grouped by resource: " + ", ".join(attrs) + ".")
    names = [sdk.api_key_env, sdk.base_url_env, *sdk.path_defaults.values()]
    lines.append("Settings default to the environment: " + ", ".join(names) + ".")
    return "\n\n".join(lines)


def _args(op: ir.Operation) -> tuple[list[Arg], list[Arg], list[Arg], list[Arg]]:
    positional: list[Arg] = []
    required: list[Arg] = []
    optional: list[Arg] = []
    defaulted: list[Arg] = []
    for p in op.parameters:
        if p.location == "cookie":
            continue  # sent through extra_headers; rare enough not to clutter signatures
        arg = Arg(p.name, p.type, described(p))
        if p.location == "path":
            (defaulted if p.client_default else positional).append(arg)
        elif p.must_give:
            required.append(arg)
        else:
            optional.append(arg)
    if op.body is not None:
        if op.body.fields:
            for f in op.body.fields:
                (required if f.required else optional).append(
                    Arg(f.name, f.type, f.description, _upload(f.type, op.body.encoding)))
        else:
            (required if op.body.required else optional).append(
                Arg("body", op.body.type, op.body.description, _upload(op.body.type, op.body.encoding)))
    return positional, required, optional, defaulted


def described(p: ir.Parameter) -> str:
    """A parameter's description, with what the client sends when the caller gives it none
    (ir.Parameter.sent_default)."""
    if p.sent_default is None:
        return p.description
    sent = json.dumps(p.sent_default) if not isinstance(p.sent_default, str) else p.sent_default
    return (p.description + " " if p.description else "") + f"Sent as `{sent}` where not given."


def _upload(t: ir.TypeRef, encoding: str) -> str:
    """Arg.upload of an argument of type `t` in a body of this encoding."""
    if t.kind == ir.PRIMITIVE and t.name == "bytes":
        return {"binary": "content", "multipart": "field"}.get(encoding, "")
    return ""


def summary_of(op: ir.Operation) -> str:
    """The operation's summary; where it has none, its operationId in words, less a prefix
    that is its HTTP method (AWS's `GET_GetCallerIdentity` and `POST_GetCallerIdentity`:
    "Get caller identity", the method's name tells the two apart)."""
    if op.summary.strip():
        return " ".join(op.summary.split())
    name = op.operation_id
    prefix = op.method.upper() + "_"
    if name.startswith(prefix) and len(name) > len(prefix):
        name = name[len(prefix):]
    return " ".join(naming.words(name)).capitalize()


def _docstring(op: ir.Operation, args: list[Arg], extra: list[tuple[str, str]] | None = None) -> str:
    parts: list[str] = []
    summary = summary_of(op)
    parts.append(summary)
    if op.description.strip() and op.description.strip() != op.summary.strip():
        parts.append(op.description.strip())
    if op.scopes:
        parts.append("Required API key scopes: " + ", ".join(op.scopes) + ".")
    if op.deprecated:
        parts.append("Deprecated.")
    if op.arm_polling is not None:
        parts.append("A long-running operation: waits until it is done (polling where the server says), then "
                     "returns its result; raises LongRunningError where it fails. `with_raw_response` returns "
                     "the first response, without waiting.")
    streamed = streams.streamed_values(op)
    flag = _stream_flag(op)
    if flag is not None:
        parts.append(f"With `{flag.name}={flag.stream_value!r}` it yields each "
                     f"{'event' if any(r.decoding == 'sse' for r in op.responses) else 'value'} the server streams "
                     "as it arrives, where it returns the whole answer otherwise"
                     + ("; `timeout` bounds each wait for the next value (None: no limit, for a watch)."
                        if flag.in_query else "."))
    elif streamed is not None:
        parts.append("Yields each value the server streams as it arrives; the response stays open until the "
                     "stream ends or the iterator is closed, and `timeout` bounds each wait for the next value "
                     "(None: no limit, for a watch)." + (" A line that reports an error raises APIStreamError."
                                                         if streamed.member else ""))
    if op.responses and all(r.decoding == "location" for r in op.responses):
        parts.append("Returns the address the API redirects to (its Location header), without following "
                     "it: fetch that address for the content.")
    documented = [(a.name, a.description) for a in args if a.description] + list(extra or [])
    if documented:
        lines = ["Args:"]
        for name, description in documented:
            lines.append(f"    {name}: {' '.join(description.split())}")
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


#: the type of no value (a frozen TypeRef: one will do)
_NONE = ir.TypeRef(ir.NONE)


def _returns(op: ir.Operation) -> list[ir.TypeRef]:
    returns: list[ir.TypeRef] = []
    for r in answers.asked_for(op):
        if r.decoding in ("sse", "lines"):
            continue
        rtype = r.type if r.decoding != "none" and r.type is not None else _NONE
        if rtype not in returns:
            returns.append(rtype)
    if any(t.kind == ir.ANY for t in returns):
        return [ir.TypeRef(ir.ANY)]
    if _NONE in returns:
        returns = [t for t in returns if t.kind != ir.NONE] + [_NONE]
    return [] if returns == [_NONE] else returns


def _refined(t: ir.TypeRef, narrower: ir.TypeRef, aliases: dict[str, ir.Alias]) -> ir.TypeRef:
    """`narrower` where `t` is a union (or an alias of one) it is a member of, else `t`."""
    members = aliases[t.name].type.variants if t.kind == ir.ALIAS and t.name in aliases else t.variants
    if t == narrower or any(m.name == narrower.name and m.kind == narrower.kind for m in members):
        return narrower.with_nullable(t.nullable)
    return t


def _success_media(op: ir.Operation, without_streams: bool = False) -> list[list[str]]:
    """The media types of each success status, in order of preference (a call whose body
    field asks for the stream asks for it alone: the others, for the rest)."""
    by_status: dict[str, list[str]] = {}
    for r in op.responses:
        if without_streams and r.decoding in ("sse", "lines"):
            continue
        by_status.setdefault(r.status, []).extend([r.media_type] if r.media_type else [])
    return list(by_status.values())


def _operation_view(op: ir.Operation, const: str, resource: ir.Resource, consts: dict[str, str],
                    aliases: dict[str, ir.Alias]) -> OperationView:
    positional, required, optional, defaulted = _args(op)
    lines = streams.streamed_values(op)
    flag = _stream_flag(op)
    responses: dict[str, list[ResponseSpecView]] = {}
    for r in answers.asked_for(op):
        rtype = r.type if r.decoding == "json" or r.decoding == "lines" and flag is None else None
        if r.decoding == "lines" and flag is not None:
            rtype = streams.flagged_values(op, flag, r)
        spec = ResponseSpecView(r.decoding, rtype, r.member)
        specs = responses.setdefault(r.status, [])
        if spec not in specs:  # several media types often decode alike (json, json;stream=watch)
            specs.append(spec)
    offered = answers.offered(op) if op.accept_param else []
    for r in offered:  # (read by their content type when the caller asks for them)
        spec = ResponseSpecView(r.decoding, None, r.member)
        specs = responses.setdefault(r.status, [])
        if spec not in specs:
            specs.append(spec)
    view = OperationView(
        op=op,
        const=const,
        positional=positional,
        required=required,
        optional=optional,
        defaulted=defaulted,
        docstring=_docstring(op, positional + required + optional + defaulted),
        responses=[ResponsesOfStatus(status, specs) for status, specs in responses.items()],
        returns=_returns(op),
        query_styles=[(p.wire_name, p.style, p.explode) for p in op.query_params if (p.style, p.explode) != ("form", True)],
        stream=flag is None and (any(r.decoding == "sse" for r in op.responses) or lines is not None),
        stream_item=None if lines is None else lines.type or ir.TypeRef(ir.ANY),
        accept=openapi.accept_header(_success_media(op, without_streams=flag is not None)),
    )
    events = next((r for r in op.responses if r.decoding == "sse" and r.status.startswith("2")), None)
    if events is not None and events.type is not None:
        view.event_type = events.type
    flagged = streams.flagged_stream(op) if flag is not None else None
    if flag is not None and flagged is not None:
        view.stream_flag = flag.name
        view.stream_item = streams.flagged_values(op, flag, flagged) if flagged.decoding == "lines" else None
        view.stream_accept = "text/event-stream" if flagged.decoding == "sse" else flagged.media_type or ""
        others = [ir.TypeRef(ir.LITERAL, value=v) for v in flag.other_values]
        off = others[0] if len(others) == 1 else ir.TypeRef(ir.UNION, variants=tuple(others))
        view.flag_overloads = [
            OverloadView(flag.name, ir.TypeRef(ir.LITERAL, value=flag.stream_value), [], None),
            OverloadView(flag.name, off.with_nullable(flag.type.nullable), view.returns, None, default=True),
        ]
        view.stream_test = "is True" if flag.stream_value is True else f"== {json.dumps(flag.stream_value)}"
    if op.pagination:
        view.item_type = op.pagination.item_type or ir.TypeRef(ir.ANY)
        by_name = {p.name: p.wire_name for p in op.query_params}
        if op.pagination.token_in_body and op.body is not None:
            by_name = {f.name: f.wire_name for f in op.body.fields}
        view.page_wire = {
            "limit": by_name.get(op.pagination.limit_param or ""),
            "offset": by_name.get(op.pagination.offset_param or ""),
            "page": by_name.get(op.pagination.page_param or ""),
            "token": by_name.get(op.pagination.token_param or ""),
        }
    if offered:
        view.overloads = _accept_overloads(op, offered, view.returns)
        view.returns = _with_offered(view.returns, [t for o in view.overloads[:-1] for t in o.returns])
    for overload in op.overloads:
        view.overloads.append(OverloadView(
            overload.parameter,
            overload.argument,
            [_refined(t, overload.returns, aliases) for t in view.returns],
            None,
        ))
    lro = op.long_running
    if lro and lro.poll in consts:
        poll = next(o for o in resource.operations if o.operation_id == lro.poll)
        id_param = next((p.wire_name for p in poll.path_params if not p.client_default), "id")
        success = next((r for r in op.responses if r.status in ("200", "201") and r.decoding == "json" and r.type), None)
        extra = [
            ("wait_timeout", "seconds to wait for the result; the job is cancelled on the server when it passes (None waits forever)."),
            ("on_progress", "called with a `Progress` (rows read, bytes read, elapsed) after each poll."),
        ]
        first, _, rest = _docstring(op, positional + required + optional + defaulted, extra).partition("\n\n")
        starts = ", ".join(f"{k}={v!r}" for k, v in lro.start.items()) or "the given arguments"
        doc = (
            f"{first.rstrip('.')}, and wait until it completes.\n\n"
            f"Starts the job with {starts} unless told otherwise, polls `{lro.poll}` with backoff while it "
            f"runs, and returns the result. Ctrl-C or `wait_timeout` cancels it on the server.\n\n{rest}"
        )
        view.wait = WaitView(
            method=_wait_name(op, resource),
            poll_const=consts[lro.poll],
            cancel_const=consts.get(lro.cancel or ""),
            id_param=id_param,
            result_type=success.type if success and success.type else ir.TypeRef(ir.ANY),
            docstring=doc.rstrip(),
        )
        view.overloads = [
            OverloadView(o.parameter, o.argument, o.returns, _refined(view.wait.result_type, ov_op.returns, aliases))
            for o, ov_op in zip(view.overloads, op.overloads, strict=True)
        ]
    return view


def _accept_overloads(op: ir.Operation, offered: list[ir.Response], returns: list[ir.TypeRef]) -> list[OverloadView]:
    """The overloads of a method whose `accept` argument may ask for another document than
    JSON: one for the types read as text (str), one for those read as bytes, then the
    one that leaves the argument out or names JSON (what the method returns otherwise)."""
    param = next(p for p in op.parameters if p.name == op.accept_param)
    values = [v.value for v in param.type.variants]
    overloads = []
    for decoding, returned in (("text", "str"), ("binary", "bytes")):
        media = [r.media_type.strip() for r in offered if r.decoding == decoding and r.media_type]
        if media:
            overloads.append(OverloadView(op.accept_param, _literals(media), [ir.TypeRef(ir.PRIMITIVE, returned)], None))
    overloads.append(OverloadView(op.accept_param, _literals(values[:1]), returns, None, default=True))
    return overloads


def _with_offered(returns: list[ir.TypeRef], offered: list[ir.TypeRef]) -> list[ir.TypeRef]:
    """A method's return type's members (empty: None) with those of the other documents
    it may be asked for, None last."""
    if any(t.kind == ir.ANY for t in returns):
        return returns
    base = returns or [_NONE]
    return [t for t in base if t != _NONE] + [t for t in offered if t not in base] + [t for t in base if t == _NONE]


def _literals(values: list[Any]) -> ir.TypeRef:
    """The type of an argument that takes any of `values`, each as it is."""
    literals = [ir.TypeRef(ir.LITERAL, value=v) for v in values]
    return literals[0] if len(literals) == 1 else ir.TypeRef(ir.UNION, variants=tuple(literals))


def _wait_name(op: ir.Operation, resource: ir.Resource) -> str:
    taken = {o.name for o in resource.operations}
    for candidate in ("run", f"{op.name}_and_wait"):
        if candidate not in taken:
            return candidate
    return naming.UniqueNames(taken).claim(f"{op.name}_and_wait")


#: names of the resource modules' own top-level definitions besides the operation constants
RESOURCE_MODULE_NAMES = frozenset(
    {"_Operation", "_ResponseSpec", "_PageStyle", "_SyncPage", "_AsyncPage", "_SyncAPIResource",
     "_AsyncAPIResource", "_NOT_GIVEN", "_NotGiven", "_Headers", "_Query", "_Body", "_Any", "_Literal",
     "_Callable", "_Iterator", "_AsyncIterator", "_LongRunningSpec", "_Progress", "_ServerSentEvent",
     "_run_to_completion", "_async_run_to_completion", "_iter_events", "_aiter_events",
     "_to_raw_response_wrapper", "_async_to_raw_response_wrapper", "_builtins", "_datetime", "_httpx",
     "_cached_property"}
)


def _resource_view(api: ir.Api, resource: ir.Resource, aliases: dict[str, ir.Alias]) -> ResourceView:
    consts: dict[str, str] = {}
    pool = naming.UniqueNames(RESOURCE_MODULE_NAMES)
    for op in resource.operations:
        consts[op.operation_id] = pool.claim("_" + naming.constant(op.name))
    operations = [_operation_view(op, consts[op.operation_id], resource, consts, aliases) for op in resource.operations]
    ns = next((n for n in api.namespaces if resource in n.resources), None)
    path = f"client.{ns.name}.{resource.attribute}" if ns else f"client.{resource.attribute}"
    types: list[ir.TypeRef] = []
    for o in operations:
        types += [s.type for r in o.responses for s in r.specs if s.type is not None]
        types += o.returns + [a.type for a in o.all_args]
        types += [t for t in (o.item_type, o.wait.result_type if o.wait else None) if t is not None]
        if o.op.body is not None:
            types.append(o.op.body.type)  # the request model, when its fields are the arguments
        types += [t for overload in o.op.overloads for t in (overload.argument, overload.returns)]
    method_names = {o.op.name for o in operations} | {o.wait.method for o in operations if o.wait}
    on_client = _on_client(api, resource, method_names)
    reached = f"`client` (the client's own methods) or `{path}`" if on_client else f"`{path}`"
    path = "client" if on_client else path
    return ResourceView(
        resource=resource,
        operations=operations,
        docstring=(resource.description or f"Operations tagged {resource.tag}.") + f"\n\nReached as {reached}.",
        on_client=on_client,
        path=path,
        example=_example(operations, path),
        shadowed=frozenset(BUILTIN_TYPES & method_names & builtins_used(types, aliases)),
        types=types,
    )


def _on_client(api: ir.Api, resource: ir.Resource, methods: set[str]) -> bool:
    """Whether a resource's operations are the client's own methods too: those of the
    `default` resource (the operations a document gives no tag: all of them in 632 of the
    directory's documents, some in 62 more; `client.get_status()`, not only
    `client.default.get_status()`), where none of their names is one of the client's."""
    if resource.tag != "default" or resource.namespace is not None:
        return False
    sdk = api.sdk
    attributes = {r.attribute for r in api.resources if r.namespace is None} | {n.name for n in api.namespaces}
    taken = naming.CLIENT_MEMBERS | attributes | set(sdk.path_defaults) | set(sdk.path_default_arguments.values())
    # (nor may the client's attributes take the members the resource gives it)
    return not methods & taken and not attributes & naming.RESOURCE_MEMBERS


def _example(operations: list[OperationView], path: str) -> str:
    """A short usage snippet for the README: the first operation with its required arguments."""
    view = next((o for o in operations if o.op.pagination), operations[0])
    args = [_placeholder(a) for a in view.positional] + [f"{a.name}={_placeholder(a)}" for a in view.required]
    call = f"{path}.{view.op.name}({', '.join(args)})"
    if view.op.pagination:
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


# -- models ------------------------------------------------------------------


def _aliases_in_order(aliases: list[ir.Alias]) -> list[ir.Alias]:
    """Aliases are runtime expressions: each must come after the aliases it mentions."""
    by_name = {a.name: a for a in aliases}
    ordered: list[ir.Alias] = []
    state: dict[str, int] = {}
    for start in aliases:
        stack: list[tuple[ir.Alias, bool]] = [(start, False)]
        while stack:
            alias, done = stack.pop()
            if done:
                state[alias.name] = 2
                ordered.append(alias)
                continue
            if alias.name in state:
                continue
            state[alias.name] = 1
            stack.append((alias, True))
            for name in sorted(alias.type.referenced_names(), reverse=True):
                if name in by_name and name not in state:
                    stack.append((by_name[name], False))
    return ordered


def _references(api: ir.Api) -> dict[str, set[str]]:
    """Named type -> the named types its definition mentions."""
    refs: dict[str, set[str]] = {}
    for e in api.enums:
        refs[e.name] = set()
    for m in api.models:
        types = [f.type for f in m.fields] + ([m.additional] if m.additional else [])
        # a subclass needs its base; a base's subclasses are imported when an object of theirs
        # is first read (their modules need not be loaded with the base's: Graph's would
        # take 552 more classes into `common`, 0.35 s more of its first call)
        refs[m.name] = referenced_names(types) | ({m.base} if m.base else set())
    for a in api.aliases:
        refs[a.name] = a.type.referenced_names() | {n for v in a.variants for n in v.type.referenced_names()}
    return refs


def _closure(start: set[str], refs: dict[str, set[str]]) -> set[str]:
    seen: set[str] = set()
    todo = [n for n in start if n in refs]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        todo.extend(n for n in refs[name] if n in refs and n not in seen)
    return seen


COMMON_MODULE = "common"
#: the module of the types no method takes or returns (GitHub's webhook payloads: four fifths of
#: its types), apart so that the first call of a method does not load them
UNREFERENCED_MODULE = "unreferenced"


def _models_view(api: ir.Api, enums: dict[str, ir.Enum], resources: list[ResourceView]) -> ModelsView:
    """Split the named types into modules: a type only one tag's operations reach lives in
    that tag's module, one several tags reach in `common`, together with everything it
    mentions, and one no operation reaches in `unreferenced`; so `common` imports from
    nowhere, tag modules from `common` only, `unreferenced` from both: there is no import
    cycle (a type a tag's or a common type mentions is reached as they are)."""
    refs = _references(api)
    reached_by: dict[str, set[str]] = {name: set() for name in refs}
    tag_module: dict[str, str] = {}
    names = naming.UniqueNames({COMMON_MODULE, UNREFERENCED_MODULE})
    for rv in resources:
        tag = rv.resource.tag
        if tag not in tag_module:
            tag_module[tag] = names.claim(naming.module_name(tag))
        for name in _closure(referenced_names(rv.types), refs):
            reached_by[name].add(tag_module[tag])
    home = {name: next(iter(tags)) if len(tags) == 1 else COMMON_MODULE if tags else UNREFERENCED_MODULE
            for name, tags in reached_by.items()}
    todo = [name for name, module in home.items() if module == COMMON_MODULE]
    while todo:  # what a common type mentions is common too
        for name in refs[todo.pop()]:
            if name in home and home[name] != COMMON_MODULE:
                home[name] = COMMON_MODULE
                todo.append(name)
    order = [COMMON_MODULE] + sorted(set(home.values()) - {COMMON_MODULE})
    members: dict[str, set[str]] = {}
    enums_in: dict[str, list[ir.Enum]] = {}
    models_in: dict[str, list[ir.Model]] = {}
    aliases_in: dict[str, list[ir.Alias]] = {}
    for name, where in home.items():
        members.setdefault(where, set()).add(name)
    for e in api.enums:
        enums_in.setdefault(home[e.name], []).append(e)
    for m in api.models:
        models_in.setdefault(home[m.name], []).append(m)
    for a in api.aliases:
        aliases_in.setdefault(home[a.name], []).append(a)
    modules: list[ModelModule] = []
    for module in order:
        mine = members.get(module, set())
        if not mine:
            continue
        module_enums = enums_in.get(module, [])
        module_models = models_in.get(module, [])
        module_aliases = _aliases_in_order(aliases_in.get(module, []))
        types = [f.type for m in module_models for f in m.fields] + [a.type for a in module_aliases]
        types += [m.additional for m in module_models if m.additional]
        used = referenced_names(types) | {n for a in module_aliases for v in a.variants for n in v.type.referenced_names()}
        used |= {m.base for m in module_models if m.base}
        imports: dict[str, list[str]] = {}
        for name in sorted(used - mine):
            if name in home:
                imports.setdefault(home[name], []).append(name)
        shadowed = BUILTIN_TYPES & {f.name for m in module_models for f in m.fields} & builtins_used(types)
        subtypes = {m.name: {value: f"{home[name]}.{name}" for value, name in m.subtypes.items()}
                    for m in module_models if m.subtypes}
        whole = [m.name for m in module_models if m.base and home[m.base] != module]
        modules.append(ModelModule(module, module_enums, module_models, module_aliases, imports, frozenset(shadowed),
                                   subtypes, whole))
    top_level: set[str] = set()
    aliases = {a.name: a for a in api.aliases}
    for rv in resources:
        for ov in rv.operations:
            for t in ov.returns + [a.type for a in ov.required + ov.optional] + ([ov.item_type] if ov.item_type else []):
                if t.kind in (ir.MODEL, ir.ALIAS):
                    top_level.add(t.name)
                if t.kind == ir.ALIAS and t.name in aliases:  # and the members of a union (HogQLQuery)
                    top_level |= {v.name for v in aliases[t.name].type.variants if v.kind == ir.MODEL}
    for e in api.enums:
        if e.param_alias:
            home[e.param_alias] = home[e.name]
    return ModelsView(
        modules=modules,
        where=home,
        defaults={(m.name, f.name): default_of(f, enums) for m in api.models for f in m.fields},
        top_level=sorted(top_level),
    )


def default_of(f: ir.Field, enums: dict[str, ir.Enum]) -> DefaultValue:
    """How a model field's default is written, or kind 'none' when it has none we can express."""
    none = DefaultValue("none")
    if not f.has_default or f.default is None:
        return none
    value = f.default
    t = f.type
    if t.kind == ir.ENUM:
        enum = enums.get(t.name)
        member = next((m.name for m in enum.members if m.value == value), None) if enum else None
        return DefaultValue("enum", enum=t.name, member=member) if member else none
    if t.kind == ir.LITERAL:
        return DefaultValue("value", value) if value == t.value else none
    if t.kind == ir.PRIMITIVE:
        ok = {
            "str": isinstance(value, str),
            "int": isinstance(value, int) and not isinstance(value, bool),
            "float": isinstance(value, (int, float)) and not isinstance(value, bool),
            "bool": isinstance(value, bool),
        }.get(t.name, False)
        return DefaultValue("value", value) if ok else none
    if t.kind == ir.LIST and isinstance(value, list) and not value:
        return DefaultValue("value", value)
    if t.kind == ir.MAP and isinstance(value, dict) and not value:
        return DefaultValue("value", value)
    return none


# -- the generated CLI -------------------------------------------------------


def _cli_kind(t: ir.TypeRef, enums: dict[str, ir.Enum]) -> tuple[str, list[Any]]:
    """How a CLI option parses its text (str, int, float, bool, choice or json), and its choices
    (as the API wants them: an integer enum's choices stay integers)."""
    if t.kind == ir.PRIMITIVE and t.name in ("int", "float", "bool"):
        return t.name, []
    if t.kind == ir.PRIMITIVE:
        return "str", []
    if t.kind == ir.ENUM and t.name in enums:
        return "choice", [m.value for m in enums[t.name].members]
    if t.kind == ir.LITERAL:
        return "choice", [t.value]
    if t.kind == ir.UNION and all(v.kind == ir.LITERAL for v in t.variants):
        return "choice", [v.value for v in t.variants]
    return "json", []  # objects, lists, unions and Any


#: words after which a full stop does not end a sentence
_CLI_ABBREVIATIONS = ("e.g.", "i.e.", "vs.", "cf.", "approx.")
#: sentences (or `;` clauses) about the API document rather than the API: the notes of
#: whoever wrote the document ("the docs page lists no body; this document models the
#: server"), which a command's user has no use for
_CLI_AUTHORING = re.compile(
    r"\bdocs?\s+pages?\b|\bthe\s+docs\b|\bdocumentation\s+pages?\b|\bthis\s+(?:api\s+)?document\b"
    r"|\b(?:described|modell?ed|documented|kept)\s+here\b|\bpublished\s+(?:api\s+)?schemas?\b"
    r"|\boperation\s?ids?\b|'s\s+(?:\d{4}\s+)?schema\b|\b(?:shape|schema|object|model)\s+below\b",
    re.IGNORECASE,
)
#: a word every _CLI_AUTHORING match contains: most text has none of them, and a search
#: for five words costs far less than the pattern's (on ASCII text, where case is ASCII)
_CLI_AUTHORING_WORDS = ("doc", "here", "schema", "operation", "below")
_CLI_CODE = re.compile(r"`([^`\n]+)`")
_CLI_LINK = re.compile(r"\[([^\]\n]+)\]\((https?://[^)\s]+)\)")
#: a paragraph that starts as a list or code block keeps its lines
_CLI_LIST_LINE = re.compile(r"^\s*(?:[-*+]|1[.)])\s|^ {4}|^\s*```|^\s*\|")
_CLI_HTTP_REF = re.compile(r"^(GET|PUT|POST|PATCH|DELETE|HEAD)\s+/?([^\s?]+)(?:\?(\S*))?$")
_CLI_PARENTHESES = re.compile(r" ?\(([^()]*)\)")


def _authoring(text: str) -> bool:
    """Whether `text` is about the API document rather than the API (_CLI_AUTHORING)."""
    if text.isascii():
        lower = text.lower()
        if not any(word in lower for word in _CLI_AUTHORING_WORDS):
            return False
    return _CLI_AUTHORING.search(text) is not None


def _cli_split(text: str, marks: str) -> Iterator[tuple[str, str]]:
    """`text` cut after each of `marks` that stands outside backticks and brackets: (piece,
    mark), as they are found (a caller may want the first few only)."""
    start, depth, code = 0, 0, False
    # only the characters that matter are visited: descriptions are long, marks few
    for found in _cli_split_pattern(marks).finditer(text):
        i, ch = found.start(), found.group()
        if ch == "`":
            code = not code
        elif code:
            continue
        elif ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth = max(depth - 1, 0)
        elif depth == 0:
            yield text[start:i], ch
            start = i + 1
    yield text[start:], ""


@functools.cache
def _cli_split_pattern(marks: str) -> re.Pattern[str]:
    return re.compile("[`()\\[\\]{}" + re.escape(marks) + "]")


def _cli_sentences(text: str) -> Iterator[str]:
    """One paragraph as sentences, as they are found. A full stop ends a sentence only
    outside backticks and brackets, before a space and a capital (or a quote, backtick,
    bracket or digit), and never after an abbreviation such as "e.g."."""
    text = " ".join(text.split())
    position = start = 0
    for piece, mark in _cli_split(text, ".!?"):
        position += len(piece) + len(mark)
        if not mark:
            continue
        end = position
        while text[end : end + 1] in ('"', "'"):  # a closing quote belongs to its sentence
            end += 1
        following = text[end : end + 2]
        if text[text.rfind(" ", 0, position) + 1 : position].lower().endswith(_CLI_ABBREVIATIONS):
            continue
        if following and not (following[:1] == " " and following[1:2] and (following[1].isupper() or following[1] in "`\"'(0123456789")):
            continue
        if sentence := text[start:end].strip():
            yield sentence
        start = end
    if sentence := text[start:].strip():
        yield sentence


def _first_sentence(text: str) -> str:
    """The first whole sentence of a description (never cut at "e.g.")."""
    first = re.split(r"\n\s*\n", text.strip(), maxsplit=1)[0]
    return next(_cli_sentences(first), "")


class _CliWords:
    """Turns a description written for the API document into help for the command line:
    operation ids and `METHOD path` references become the commands that run them, schema
    names (which mean nothing on a command line) are left out, and authoring notes about
    the document itself are dropped. Works on data only, for any API."""

    def __init__(self, api: ir.Api, commands: dict[str, list[str]], option_flags: dict[str, set[str]]) -> None:
        self.cli_name = api.sdk.cli_name
        self.commands = commands  # operationId -> command words
        self.option_flags = option_flags  # operationId -> its option flags
        self.operations = api.operations
        self._plain_first: dict[str, str] = {}
        values: set[str] = {str(m.value) for e in api.enums for m in e.members}
        for model in api.models:
            values |= set(model.discriminator_values.values())
            for f in model.fields:
                values |= {str(t.value) for t in walk(f.type) if t.kind == ir.LITERAL}
        for alias in api.aliases:
            values |= {v.tag for v in alias.variants if v.tag}
        pointers = [i.pointer for i in api.models] + [i.pointer for i in api.aliases] + [i.pointer for i in api.enums]
        named = [p for p in pointers if re.fullmatch(r"#?/components/schemas/[^/]+", p)]
        names = {p.rsplit("/", 1)[-1].replace("~1", "/").replace("~0", "~") for p in named}
        # A schema name that is also a value users send (a query's `kind`) stays.
        self.schema_names = frozenset(names - values)

    def inputs(self) -> tuple[Any, ...]:
        """Everything these words are made from (a key for what they write: fragments.py),
        sets sorted."""
        operations = [(o.method, o.path, o.operation_id, o.namespace, [(p.name, p.client_default) for p in o.path_params])
                      for o in self.operations]
        return (self.cli_name, self.commands, sorted((k, sorted(v)) for k, v in self.option_flags.items()),
                operations, sorted(self.schema_names))

    def command(self, operation_id: str) -> str:
        return " ".join([self.cli_name, *self.commands[operation_id]])

    def _http_command(self, method: str, path: str, query: str, op: ir.Operation) -> str | None:
        """The command of the operation that `METHOD path` names (the nearest one: same namespace first)."""
        wanted = "/" + path.strip("/") + "/"
        found = [
            o for o in self.operations
            if o.method == method.lower() and (o.path.rstrip("/") + "/").endswith(wanted) and o.operation_id in self.commands
        ]
        if not found:
            return None
        chosen = next((o for o in found if o.namespace == op.namespace), found[0])
        words = [self.command(chosen.operation_id)]
        words += [naming.kebab(p.name).upper() for p in chosen.path_params if not p.client_default]
        for pair in filter(None, query.split("&")):
            key, _, value = pair.partition("=")
            flag = naming.kebab(key)
            if flag not in self.option_flags.get(chosen.operation_id, set()):
                return None
            words.append(f"--{flag} {value}" if value else f"--{flag}")
        return " ".join(words)

    def _code(self, match: re.Match[str], op: ir.Operation) -> str:
        inner = match.group(1)
        if inner in self.commands:
            return f"`{self.command(inner)}`"
        http = _CLI_HTTP_REF.match(inner)
        if http:
            command = self._http_command(http.group(1), http.group(2), http.group(3) or "", op)
            return f"`{command}`" if command else match.group(0)
        if inner in self.schema_names:
            return " ".join(naming.words(inner)).lower()
        return match.group(0)

    def _drop_schema_asides(self, text: str) -> str:
        """`(SessionRecordingList)`, `(see Foo)`: short asides naming a schema go."""

        def aside(match: re.Match[str]) -> str:
            inside = match.group(1)
            names = [n for n in _CLI_CODE.findall(inside) if n in self.schema_names]
            if names and len(_CLI_CODE.sub("", inside).split()) <= 3:
                return ""
            return match.group(0)

        return _CLI_PARENTHESES.sub(aside, text)

    def sentence(self, text: str, op: ir.Operation) -> str:
        clauses = [piece for piece, _ in _cli_split(text, ";")]
        kept = [c.strip() for c in clauses if not _authoring(_CLI_CODE.sub("", c))]
        if not kept:
            return ""
        if len(kept) < len(clauses):
            ending = text.rstrip()[-1:] if text.rstrip()[-1:] in ".!?" else "."
            text = "; ".join(kept).rstrip(".!?") + ending
            text = text[:1].upper() + text[1:]
        text = self._drop_schema_asides(text)
        return _CLI_CODE.sub(lambda m: self._code(m, op), text)

    def text(self, text: str, op: ir.Operation) -> str:
        """A whole description, paragraph by paragraph; lists and code keep their lines."""
        paragraphs: list[str] = []
        for paragraph in re.split(r"\n\s*\n", text.strip()):
            paragraph = _CLI_LINK.sub(r"\1 (\2)", paragraph)
            lines = paragraph.splitlines()
            if _CLI_LIST_LINE.match(lines[0]):
                kept_lines = [_CLI_CODE.sub(lambda m: self._code(m, op), line) for line in lines]
                paragraphs.append("\b\n" + "\n".join(kept_lines))  # click keeps a \b paragraph as it is
                continue
            sentences = [self.sentence(s, op) for s in _cli_sentences(paragraph)]
            kept = " ".join(s for s in sentences if s)
            if kept:
                paragraphs.append(kept)
        return "\n\n".join(paragraphs)

    def first_sentence(self, text: str, op: ir.Operation) -> str:
        """An option's help: the first sentence of its description that is not an authoring note."""
        if "`" in text:  # code spans may name commands, found from `op`
            return self._first_sentence(text, op)
        known = self._plain_first.get(text)  # the same options recur on many operations
        if known is None:
            known = self._plain_first[text] = self._first_sentence(text, op)
        return known

    def _first_sentence(self, text: str, op: ir.Operation) -> str:
        for paragraph in re.split(r"\n\s*\n", text.strip()):
            for raw in _cli_sentences(_CLI_LINK.sub(r"\1 (\2)", paragraph)):
                kept = self.sentence(raw, op)
                if kept:
                    return kept
        return ""


#: where an example's line is continued on the next (with a backslash, as a shell reads it)
_CLI_EXAMPLE_WIDTH = 88


def _cli_quote(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return shlex.quote(text)


def _cli_bare_word(value: Any) -> bool:
    """A string a JSON option takes as it is, unquoted (the runtime's rule: what is not JSON
    and does not start like JSON)."""
    if not isinstance(value, str) or not value.strip() or value.strip()[0] in '{["' or value.strip()[0].isdigit():
        return False
    try:
        json.loads(value)
    except ValueError:
        return True
    return False


def _cli_subset(fixed: Any, given: Any) -> bool:
    """Every field of `fixed` is in `given` with the same value (nested objects compared alike)."""
    if isinstance(fixed, dict):
        return isinstance(given, dict) and all(k in given and _cli_subset(v, given[k]) for k, v in fixed.items())
    return bool(fixed == given)


def _cli_dig(data: Any, path: list[str]) -> Any:
    for key in path:
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
    return data


def _cli_example(api: ir.Api, op: ir.Operation, words: list[str], entry: dict[str, Any]) -> str:
    """A command line that does what the document's examples of the operation do."""
    line = [api.sdk.cli_name, *words]
    by_name = {p.name: p for p in op.parameters}
    for argument in entry["arguments"]:
        p = by_name.get(argument["name"])
        line.append(_cli_quote(str(p.example)) if p is not None and p.has_example else f"<{argument['metavar']}>")
    shortcut = entry["shortcut"]
    if shortcut is not None:
        value = None
        for candidate in [op, *api.operations]:  # the example of another operation the shortcut also fits
            body = candidate.body.example if candidate.body is not None and candidate.body.has_example else None
            if _cli_subset(shortcut["body"], body):
                value = _cli_dig(body, shortcut["field"])
                if isinstance(value, str):
                    break
        line.append(_cli_quote(value) if isinstance(value, str) else f"<{shortcut['argument'].upper()}>")
        return " ".join(line)
    required: list[str] = []
    optional: list[str] = []
    body = op.body.example if op.body is not None and op.body.has_example else None
    given: list[tuple[dict[str, Any], Any]] = []
    for option in entry["options"]:
        p = by_name.get(option["name"])
        if option["target"] == "arg" and p is not None and p.has_example:
            given.append((option, p.example))
    if isinstance(body, dict):  # in the example's order
        by_wire = {o["wire"]: o for o in entry["options"] if o["target"] == "body"}
        given += [(by_wire[k], v) for k, v in body.items() if k in by_wire and v is not None]
    for option, value in given:
        if option["kind"] == "bool":
            words_ = [f"--{option['flag']}" if value else f"--no-{option['flag']}"]
        elif option["kind"] == "json" and not _cli_bare_word(value):
            words_ = [f"--{option['flag']}", shlex.quote(json.dumps(value, ensure_ascii=False))]
        else:
            words_ = [f"--{option['flag']}", _cli_quote(str(value))]
        (required if option["required"] else optional).append(" ".join(words_))
    given_flags = {o["flag"] for o, _ in given}
    for option in entry["options"]:  # what must be given and has no example: a placeholder
        if option["required"] and option["flag"] not in given_flags and not option.get("hidden"):
            metavar = "JSON" if option["kind"] == "json" else naming.kebab(option["name"]).upper()
            required.append(f"--{option['flag']} <{metavar}>")
    # the body's option, as the CLI runtime names it (_body_flag): --body where the API
    # has a --data of its own
    data = "--body" if any(o["flag"] == "data" for o in entry["options"]) else "--data"
    if entry["body"] in ("whole", "raw") and op.body is not None and op.body.has_example:
        required.append(f"{data} " + _cli_quote(op.body.example))
    elif entry["body"] in ("whole", "raw") and entry["body_required"]:
        required.append(f"{data} <JSON>" if entry["body"] == "whole" else f"{data} <TEXT>")
    return " ".join(line + required + optional)


#: click prints a paragraph that starts with this line as it is, without filling it
_NO_REWRAP = "\b\n"


def _cli_example_block(example: str) -> str:
    """An example for help: long ones over several lines, each option whole on one."""
    pieces = re.split(r" (?=--[a-z0-9])", example)
    lines = [pieces[0]]
    for piece in pieces[1:]:
        if len(lines[-1]) + 1 + len(piece) <= _CLI_EXAMPLE_WIDTH:
            lines[-1] += " " + piece
        else:
            lines.append("    " + piece)
    return _NO_REWRAP + "Example:\n" + " \\\n".join("  " + line for line in lines)


def _cli_help(op: ir.Operation, example: str, words: _CliWords) -> str:
    summary = summary_of(op)
    parts = [summary]
    if op.description.strip() and op.description.strip() != op.summary.strip():
        description = words.text(op.description, op)
        if description:
            parts.append(description)
    if op.scopes:
        parts.append("Required API key scopes: " + ", ".join(op.scopes) + ".")
    if op.deprecated:
        parts.append("Deprecated.")
    parts.append(_cli_example_block(example))
    return "\n\n".join(parts)


#: where a command stands in its group's listing: the shortcuts, then the usual verbs
_CLI_RANK = {"list": 1, "retrieve": 2, "status": 2, "create": 3, "update": 4, "partial-update": 5,
             "destroy": 6, "delete": 6, "cancel": 6}


def cli_commands(api: ir.Api, view: ApiView) -> list[dict[str, Any]]:
    """One entry per operation (and per x-cli shortcut): what the CLI runtime needs, as plain data."""
    table = view.cli_table
    return [_cli_finished(api, table.words, op, entry) for entry, op, _ov in table.entries]


def cli_command_files(api: ir.Api, view: ApiView, pieces: Fragments | None = None) -> dict[str, list[str]]:
    """cli_commands, each entry as its line (display.json_entry) in the file of its
    top-level group (`cli/commands/`, named by the group's "commands"), which the CLI
    reads when that group is first used (Microsoft Graph's table is 20 MB; its biggest
    group's, 1.6 MB): first the commands under the group, then those its own commands
    reach by an alias. Every top-level group has a file. A line is the last run's (`pieces`) where the entry is
    made from the same inputs. An entry is finished from its first-pass data, its
    operation's view and the table's words (_cli_finished reads nothing else); a
    shortcut's example reads every operation's, so shortcuts are always made."""
    table = view.cli_table
    shared = pieces.key("command", table.words.inputs()) if pieces else ""
    file_of = {group["path"][0]: group["commands"] for group in view.cli_groups if len(group["path"]) == 1}
    files: dict[str, list[str]] = {file: [] for file in file_of.values()}
    made: dict[int, str] = {}  # a shortcut's line, for both of its files
    # the own commands of every file, then the aliases: the order each file holds them in,
    # as the pieces of a file are asked for
    for aliases in (False, True):
        for entry, op, ov in table.entries:
            top = entry["groups"][0]
            if aliases:
                if not entry["alias_groups"] or entry["alias_groups"][0] == top:
                    continue
                top = entry["alias_groups"][0]
            file = file_of[top]

            def make(entry: dict[str, Any] = entry, op: ir.Operation = op) -> str:
                return display.json_entry(_cli_finished(api, table.words, op, entry))

            if pieces is not None and entry["shortcut"] is None:
                # the entry as its JSON text: a key of strings alone is joined, not pickled
                # (EC2's 1,188 entries: 10 ms); it is JSON data (its command's line is made of it)
                key = pieces.key(shared, pieces.operation(ov), display.json_text(entry))
                files[file].append(pieces.piece("command", key, make, file=file))
            else:
                if id(entry) not in made:
                    made[id(entry)] = make()
                files[file].append(made[id(entry)])
    return files


@dataclass
class _CliTable:
    #: each command's first-pass entry (no help and example yet), its operation and view
    entries: list[tuple[dict[str, Any], ir.Operation, OperationView]]
    words: _CliWords


def _cli_table(api: ir.Api, view: ApiView) -> _CliTable:
    """The command table's first pass: every command's name, place and options, from
    which the help of each (which names other commands) is made."""
    enums = {e.name: e for e in api.enums}
    commands: list[dict[str, Any]] = []
    ops: dict[int, tuple[ir.Operation, OperationView]] = {}
    top_level: dict[tuple[str, str], str] = {}
    for rv in view.resources:
        resource = rv.resource
        ns = next((n for n in api.namespaces if resource in n.resources), None)
        groups = ([naming.kebab(ns.name)] if ns else []) + [naming.kebab(resource.attribute)]
        attrs = ([ns.name] if ns else []) + [resource.attribute]
        # A long-running job's poll and cancel operations read as `status ID` and `cancel ID`.
        taken = {naming.kebab(o.name) for o in resource.operations} | {s.name for o in resource.operations for s in o.cli}
        renamed: dict[str, str] = {}
        for o in resource.operations:
            lro = o.long_running
            for target, verb in ((lro.poll, "status"), (lro.cancel, "cancel")) if lro else ():
                if target and verb not in taken:
                    renamed[target] = verb
                    taken.add(verb)
        for ov in rv.operations:
            op = ov.op
            own_name = naming.kebab(op.name)
            name = renamed.get(op.operation_id, own_name)
            options: list[dict[str, Any]] = []
            for p in op.parameters:
                if p.location not in ("query", "header"):
                    continue
                kind, choices = _cli_kind(p.type, enums)
                options.append({"flag": naming.kebab(p.name), "name": p.name, "kind": kind, "choices": choices,
                                "required": p.must_give, "help": described(p), "target": "arg"})
            body_mode = None
            if op.body is not None:
                # a body sent as text or raw bytes is given as it is, not as JSON
                body_mode = "fields" if op.body.fields else "raw" if op.body.encoding in ("text", "binary") else "whole"
                for f in op.body.fields:
                    kind, choices = _cli_kind(f.type, enums)
                    options.append({"flag": naming.kebab(f.name), "name": f.name, "wire": f.wire_name, "kind": kind,
                                    "choices": choices, "required": f.required, "help": f.description,
                                    "target": "body"})
            lro = op.long_running
            entry: dict[str, Any] = {
                "groups": groups,
                "name": name,
                "aliases": [own_name] if name != own_name else [],
                "operation_id": op.operation_id,
                "attrs": attrs,
                "method": op.name,
                "help": "",
                "short_help": _first_sentence(op.summary) or summary_of(op),
                "example": "",
                "rank": _CLI_RANK.get(name, 9),
                "destructive": op.method == "delete",
                "arguments": [{"name": a.name, "metavar": naming.kebab(a.name).upper()} for a in ov.positional],
                "options": options,
                "body": body_mode,
                "body_required": bool(op.body and op.body.required),
                "paginated": op.pagination is not None,
                # where a page keeps its items, its total and whether more follow
                "page": {"items": op.pagination.items, "count": op.pagination.count, "next": op.pagination.next,
                         "has_more": op.pagination.has_more,
                         **({"next_in": op.pagination.next_in} if op.pagination.next_in else {}),
                         **({"count_in": op.pagination.count_in} if op.pagination.count_in else {}),
                         **({"items_in": op.pagination.items_in} if op.pagination.items_in else {})} if op.pagination else None,
                "stream": ov.stream,
                "alias_groups": None,
                "shortcut": None,
            }
            if op.arm_polling is not None:  # an Azure long-running operation: waits, unless --no-wait
                entry["arm_wait"] = True
            if op.public:  # needs no credentials: run without them
                entry["public"] = True
            commands.append(entry)
            ops[id(entry)] = (op, ov)
            if not ns:
                top_level[(groups[-1], name)] = op.operation_id
            for shortcut in op.cli:
                wait = shortcut.wait and ov.wait is not None and lro is not None
                poll_command = groups + [renamed.get(lro.poll, "")] if wait and lro else None
                alias = {
                    **entry,
                    "options": [dict(o) for o in options],
                    "name": shortcut.name,
                    "aliases": [],
                    "short_help": _first_sentence(shortcut.help) or entry["short_help"],
                    "rank": 0,
                    "destructive": False,
                    "shortcut": {
                        "argument": shortcut.argument_name,
                        "field": shortcut.argument_field,
                        "body": shortcut.body,
                        "wait": wait,
                        "wait_method": ov.wait.method if ov.wait else None,
                        # --no-wait: the fields that start the job in the background, and where its id is
                        "start": dict(lro.start) if wait and lro else None,
                        "job_id": [lro.status, lro.id] if wait and lro else None,
                        "status_command": poll_command if poll_command and poll_command[-1] else None,
                    },
                }
                for option in alias["options"]:  # the field the argument fills is no option here
                    if option["target"] == "body" and option["wire"] == shortcut.argument_field[0]:
                        option.update(required=False, hidden=True)
                commands.append(alias)
                ops[id(alias)] = (op, ov)
                if not ns:
                    top_level[(groups[-1], shortcut.name)] = op.operation_id
    # A namespaced command is also reachable from its tag's top-level group when no
    # root operation there has its name: `endpoints run` for `environments endpoints run`.
    for entry in commands:
        if len(entry["groups"]) > 1 and (entry["groups"][-1], entry["name"]) not in top_level:
            entry["alias_groups"] = entry["groups"][-1:]
            top_level[(entry["groups"][-1], entry["name"])] = entry["operation_id"]
    # The client's own methods (ResourceView.on_client) are commands of the root too, where
    # no top-level group (nor the root's `mcp`) has their name: `x get-status`, as the
    # client's `client.get_status()`; their group keeps them as well.
    own = view.own_resource
    if own is not None:
        own_group = [naming.kebab(own.resource.attribute)]
        root_names = {group["path"][0] for group in view.cli_groups} | {"mcp"}
        for entry in commands:
            if entry["groups"] == own_group and entry["shortcut"] is None and entry["name"] not in root_names:
                entry["alias_groups"] = []
                root_names.add(entry["name"])
    # Help and examples name commands by their shortest path.
    paths = {e["operation_id"]: _cli_path(e) for e in commands if e["shortcut"] is None}
    flags = {e["operation_id"]: {o["flag"] for o in e["options"]} for e in commands if e["shortcut"] is None}
    words = _CliWords(api, paths, flags)
    return _CliTable([(entry, *ops[id(entry)]) for entry in commands], words)


def _cli_path(entry: dict[str, Any]) -> list[str]:
    """A command's shortest path: by its alias group where it has one (`[]`: the root)."""
    shortest = entry["groups"] if entry["alias_groups"] is None else entry["alias_groups"]
    return [*shortest, entry["name"]]


def _cli_finished(api: ir.Api, words: _CliWords, op: ir.Operation, first: dict[str, Any]) -> dict[str, Any]:
    """A command's entry with its help and example, from its first-pass entry (left as it
    is), its operation and the table's words; a shortcut's example also reads the other
    operations' body examples."""
    entry = {**first, "options": [dict(option) for option in first["options"]]}
    path = _cli_path(entry)
    for option in entry["options"]:
        option["help"] = words.first_sentence(option["help"], op)
        if option["target"] == "body" and option["required"]:
            option["help"] = (option["help"] + " " if option["help"] else "") + "[required unless in --data]"
    entry["example"] = _cli_example(api, op, path, entry)
    if entry["shortcut"] is None:
        entry["help"] = _cli_help(op, entry["example"], words)
    else:
        shortcut = next(s for s in op.cli if s.name == entry["name"])
        entry["help"] = "\n\n".join(
            [words.text(shortcut.help, op) or entry["short_help"], _cli_example_block(entry["example"])]
        )
    return _displayable(entry)


def _displayable(entry: dict[str, Any]) -> dict[str, Any]:
    """A command or group entry whose texts shown in --help are cleaned of control and
    bidi characters (display.py); the values users send (choices) stay exact."""
    shown = {"help", "short_help", "example", "deprecated"}
    cleaned = {k: _clean_help(v) if k in shown and isinstance(v, str) else v for k, v in entry.items()}
    if isinstance(cleaned.get("options"), list):
        cleaned["options"] = [_displayable(o) if isinstance(o, dict) else o for o in cleaned["options"]]
    return cleaned


def _clean_help(text: str) -> str:
    """Cleaned help that keeps the example block's own no-rewrap marker (a backspace
    line, which click consumes and never prints)."""
    return _NO_REWRAP.join(display.clean(piece) for piece in text.split(_NO_REWRAP))


def cli_groups(api: ir.Api, namespaces: list[NamespaceView], resources: list[ResourceView]) -> list[dict[str, Any]]:
    """The command groups and their help: namespaces, then tags."""
    groups: list[dict[str, Any]] = []
    seen: set[tuple[str, ...]] = set()
    for nv in namespaces:
        ns = nv.namespace
        help_ = ns.description.strip() or f"Operations in the {ns.name} namespace."
        group: dict[str, Any] = {"path": [naming.kebab(ns.name)], "help": help_, "short_help": _first_sentence(help_)}
        if ns.deprecated:
            group.update(hidden=True, deprecated=ns.deprecated)
        groups.append(group)
        seen.add((naming.kebab(ns.name),))
    for rv in resources:
        resource = rv.resource
        ns_view = next((n for n in namespaces if rv in n.resources), None)
        path = ([naming.kebab(ns_view.namespace.name)] if ns_view else []) + [naming.kebab(resource.attribute)]
        for candidate in (path, path[-1:]):
            if tuple(candidate) not in seen:
                seen.add(tuple(candidate))
                help_ = resource.description.strip() or f"Operations tagged {resource.tag}."
                groups.append({"path": candidate, "help": help_, "short_help": _first_sentence(help_)})
                if rv.on_client:  # (its commands are the root's too: the root reads its file)
                    groups[-1]["root_commands"] = True
    # a top-level group's commands are in a file of their own (cli_command_files)
    files = naming.UniqueNames()
    for group in groups:
        if len(group["path"]) == 1:
            group["commands"] = files.claim(naming.file_stem(group["path"][0])) + ".json"
    return [_displayable(group) for group in groups]


# -- generated contract tests ---------------------------------------------------


def _expected_classes(t: ir.TypeRef | None, aliases: dict[str, ir.Alias]) -> list[str]:
    """Class names a parsed value of type `t` may have (for isinstance checks)."""
    if t is None or t.kind == ir.NONE:
        return ["None"]
    if t.kind in (ir.MODEL, ir.ENUM):
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
    return ["object"]


def contract_cases(view: ApiView, fixtures_by_op: dict[str, dict[str, Any]]) -> list[ContractCase]:
    """One contract test per operation: the call built from its fixture, and what must come back."""
    api = view.api
    aliases = {a.name: a for a in api.aliases}
    cases = []
    test_names = naming.UniqueNames()
    for rv in view.resources:
        resource = rv.resource
        ns = next((n for n in api.namespaces if resource in n.resources), None)
        for ov in rv.operations:
            op = ov.op
            request = fixtures_by_op[op.operation_id]["request"]
            args = [request["path"].get(next(p.wire_name for p in op.path_params if p.name == a.name)) for a in ov.positional]
            kwargs: dict[str, Any] = {}
            for location, values in (("query", request["query"]), ("header", request.get("headers", {}))):
                by_wire = {p.wire_name: p.name for p in op.parameters if p.location == location}
                kwargs.update({by_wire[w]: v for w, v in values.items() if w in by_wire})
            body = request.get("body")
            if op.body is not None and "body" in request:  # (null may be the only value it takes)
                if op.body.fields and isinstance(body, dict):
                    names = {f.wire_name: f.name for f in op.body.fields}
                    kwargs.update({names[w]: v for w, v in body.items() if w in names})
                    extra = {w: v for w, v in body.items() if w not in names}
                    if extra:
                        kwargs["extra_body"] = extra
                elif not op.body.fields:
                    # a binary body is bytes (its fixture, JSON, holds the text)
                    kwargs["body"] = body.encode() if op.body.encoding == "binary" and isinstance(body, str) else body
            kind = "page" if op.pagination else "stream" if ov.stream else "plain"
            if kind == "page":
                expected = _expected_classes(ov.item_type, aliases)
            elif kind == "stream":  # each value's class; events are the runtime's own
                expected = _expected_classes(ov.stream_item, aliases) if ov.stream_item else []
            else:
                # Any documented success may come back (e.g. 202 when a query starts in the background).
                expected = []
                for r in answers.asked_for(op):
                    if r.decoding == "sse":
                        continue
                    found = {"text": ["str"], "location": ["str"], "binary": ["bytes"], "none": ["None"]}.get(r.decoding) or _expected_classes(r.type, aliases)
                    expected += [e for e in found if e not in expected]
                if not expected:  # no success documented: the mock answers 200 with no body
                    expected = ["None"]
                if "None" in expected and len(expected) > 1:
                    expected = [e for e in expected if e != "None"] + ["type(None)"]
            annotations: dict[str, ir.TypeRef | None] = {a.name: a.type for a in ov.all_args}
            cases.append(ContractCase(
                test=test_names.claim("test_" + naming.snake(op.operation_id)),
                operation_id=op.operation_id,
                target=f"{rv.path}.{op.name}",
                module=resource.module,
                args=args,
                kwargs=kwargs,
                kind=kind,
                expected=expected,
                deprecated=bool(ns and ns.deprecated),
                arg_types=[a.type for a in ov.positional],
                kwarg_types={name: annotations.get(name) for name in kwargs},
            ))
            offered = answers.offered(op) if op.accept_param else []
            if offered and offered[0].media_type:
                # the same call asking for the first other document: its text or bytes
                media = offered[0].media_type.strip()
                subtype = openapi.media_base(media).rpartition("/")[2]
                named = subtype if re.fullmatch(r"[a-z0-9]{2,8}", subtype) else "document"
                cases.append(replace(
                    cases[-1],
                    test=test_names.claim(f"test_{naming.snake(op.operation_id)}_as_{named}"),
                    kwargs={**kwargs, op.accept_param: media},
                    kind="plain",
                    expected=["str" if offered[0].decoding == "text" else "bytes"],
                    kwarg_types={**cases[-1].kwarg_types, op.accept_param: annotations.get(op.accept_param)},
                ))
    return cases


def contract_modules(cases: list[ContractCase]) -> dict[str, list[ContractCase]]:
    """The contract tests by the module of their resource, in order: a test module each
    (tests/contract/test_<module>.py), so that one resource's tests run, and a big API's
    are collected, without compiling every other's (Microsoft Graph's 11,422 tests are
    114,000 lines)."""
    modules: dict[str, list[ContractCase]] = {}
    for case in cases:
        modules.setdefault(case.module, []).append(case)
    return modules


# -- README examples ---------------------------------------------------------------

#: argument types a JSON literal can stand for in typed code
_LITERAL_KINDS = (ir.PRIMITIVE, ir.LIST, ir.MAP, ir.MODEL, ir.ALIAS, ir.ENUM, ir.LITERAL, ir.UNION, ir.ANY)


def _writable(arg: Arg) -> bool:
    return all(t.kind in _LITERAL_KINDS and not (t.kind == ir.PRIMITIVE and t.name in ("datetime", "date", "bytes")) for t in walk(arg.type))


def build_examples(view: ApiView, cases: list[ContractCase]) -> Examples:
    by_target: dict[str, ContractCase] = {}
    for case in cases:
        by_target.setdefault(case.target, case)  # (the call as most make it, not one asking for a document)
    models = {m.name: m for m in view.api.models}
    examples = Examples()

    def call(rv: ResourceView, ov: OperationView, method: str | None = None) -> CallExample | None:
        case = by_target.get(f"{rv.path}.{ov.op.name}")
        if case is None or not all(_writable(a) for a in ov.positional + ov.required):
            return None
        required = {a.name for a in ov.required}
        kwargs = tuple((name, ExampleValue(value)) for name, value in case.kwargs.items() if name in required)
        return CallExample(f"{rv.path}.{method or ov.op.name}", tuple(case.args), kwargs, bool(ov.op.pagination))

    for rv in view.documented_resources:
        candidates = sorted(rv.operations, key=lambda o: (not o.op.pagination, o.stream))
        for ov in candidates:
            example = call(rv, ov)
            if example is not None:
                examples.by_resource[rv.path] = example
                break
        for ov in rv.operations:
            if ov.op.pagination and examples.listing is None:
                examples.listing = call(rv, ov)
            if not ov.op.pagination and not ov.stream and examples.plain is None:
                examples.plain = call(rv, ov)
            if ov.wait and examples.waiting is None:
                examples.waiting = _wait_example(call(rv, ov, ov.wait.method), ov, models)
            if ov.op.accept_param and examples.document is None and not ov.op.deprecated:
                _document_example(examples, call(rv, ov), ov)
            # (a call that asks for its stream, where there is one: it reads as its user writes it)
            better = examples.streaming is None or (ov.stream_flag and not examples.streaming_flag) or (
                ov.stream_flag and ov.flag_overloads[0].argument.value is True and not examples.streaming_flag.endswith("=True"))
            example = call(rv, ov) if (ov.stream or ov.stream_flag) and not ov.op.deprecated and better else None
            if example is not None:
                asked = ov.flag_overloads[0].argument.value if ov.stream_flag else None
                if ov.stream_flag:
                    example = replace(example, kwargs=(*example.kwargs, (ov.stream_flag, ExampleValue(asked))))
                examples.streaming = example
                examples.streams_events = ov.stream_item is None
                examples.streaming_flag = f"{ov.stream_flag}={'True' if asked is True else json.dumps(asked)}" \
                    if ov.stream_flag else ""
    return examples


def _document_example(examples: Examples, example: CallExample | None, ov: OperationView) -> None:
    """The README's call that asks for another document than JSON: the first the
    operation offers, saved to a file named for its type."""
    offered = answers.offered(ov.op)
    if example is None or not offered or not offered[0].media_type:
        return
    media = offered[0].media_type.strip()
    examples.document = replace(example, kwargs=(*example.kwargs, (ov.op.accept_param, ExampleValue(media))))
    examples.document_binary = offered[0].decoding == "binary"
    subtype = openapi.media_base(media).rpartition("/")[2]
    examples.document_file = "answer." + subtype if re.fullmatch(r"[a-z0-9]{2,8}", subtype) else "answer"


def _wait_example(example: CallExample | None, ov: OperationView, models: dict[str, ir.Model]) -> CallExample | None:
    """The run example: the argument an overload types is built as its model, so that the
    result has the overload's precise type (and its fields can be printed)."""
    if example is None:
        return None
    for overload in ov.op.overloads:
        model = models.get(overload.argument.name)
        value = dict(example.kwargs).get(overload.parameter)
        if model is None or value is None or not isinstance(value.literal, dict):
            continue
        fields = tuple(
            (f.name, value.literal[f.wire_name])
            for f in model.fields
            if f.wire_name in value.literal and not (f.type.kind == ir.LITERAL and f.required)
        )
        kwargs = tuple((name, ExampleValue(model=model.name, fields=fields) if name == overload.parameter else v) for name, v in example.kwargs)
        returned = models.get(overload.returns.name)
        show = tuple(f.name for f in returned.fields[:2]) if returned else ()
        return CallExample(example.target, example.args, kwargs, show=show)
    return example
