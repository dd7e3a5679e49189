"""IR -> files in memory, through the Jinja templates in `templates/`.

One environment, StrictUndefined (a typo in a template is an error, not an
empty string), autoescape off (we emit Python, not HTML). Spec text reaches a
template only through the escaping filters defined here, so nothing in a spec
can change the meaning of generated code.
"""

from __future__ import annotations

import json
import keyword
import math
import re
from pathlib import Path
from typing import Any

import jinja2

from . import fixtures, ir, views
from .diagnostics import GeneratorBug
from .format import LINE_LENGTH, TARGET_VERSION

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

PRIMITIVES = {
    "str": "str",
    "int": "int",
    "float": "float",
    "bool": "bool",
    "bytes": "bytes",
    "datetime": "datetime.datetime",
    "date": "datetime.date",
}

#: builtin type names a generated method or field may shadow inside a class body
_BUILTIN_TYPES = frozenset({"list", "dict", "str", "int", "float", "bool", "bytes"})

def pyrepr(value: Any) -> str:
    """A Python literal that evaluates to `value` (JSON-like data only)."""
    if value is None or isinstance(value, (bool, int)):
        return repr(value)
    if isinstance(value, float):
        if math.isnan(value):
            return 'float("nan")'
        if math.isinf(value):
            return 'float("inf")' if value > 0 else 'float("-inf")'
        return repr(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(pyrepr(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{pyrepr(str(k))}: {pyrepr(v)}" for k, v in value.items()) + "}"
    raise GeneratorBug(f"cannot write {type(value).__name__} as a literal")


def _string(value: str) -> str:
    """repr's literal (it escapes quotes, backslashes and every non-printable character),
    in double quotes unless that needs more escapes: the quotes black would choose."""
    text = repr(value)
    if text[0] == '"':  # repr chose double quotes itself (the value has a "'" and no '"')
        return text
    if "'" not in value:  # no quote of either kind needs escaping: swap the quotes
        return '"' + text[1:-1] + '"' if '"' not in value else text
    if value.count('"') > value.count("'"):
        return text
    body: list[str] = []
    i = 1
    while i < len(text) - 1:
        if text[i] == "\\":
            pair = text[i:i + 2]
            body.append("'" if pair == "\\'" else pair)
            i += 2
            continue
        body.append('\\"' if text[i] == '"' else text[i])
        i += 1
    return '"' + "".join(body) + '"'


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u2028\u2029\ufeff]")


def _clean(text: Any) -> str:
    text = str(text).replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    return _CONTROL.sub(" ", text)


def docstring(text: Any, indent: int = 0) -> str:
    """A triple-quoted docstring whose content cannot end or escape the string."""
    body = _clean(text).strip()
    body = body.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    if body.endswith('"'):
        # An unescaped quote right before the closing quotes would end the string early.
        backslashes = len(body[:-1]) - len(body[:-1].rstrip("\\"))
        if backslashes % 2 == 0:
            body = body[:-1] + '\\"'
    lines = [line.rstrip() for line in body.split("\n")]
    pad = " " * indent
    if len(lines) == 1:
        return f'"""{lines[0]}"""'
    rest = "\n".join((pad + line) if line else "" for line in lines[1:])
    return f'"""{lines[0]}\n{rest}\n{pad}"""'


def comment(text: Any) -> str:
    """One line of text, safe inside a docstring or after `#`."""
    line = " ".join(_clean(text).split())
    return line.replace("\\", "\\\\").replace('"', '\\"')


def markdown(text: Any) -> str:
    return _clean(text).strip()


def ident(name: Any) -> str:
    """Assert that a name chosen by `naming` is a safe identifier (defence in depth)."""
    text = str(name)
    if not text.isidentifier() or keyword.iskeyword(text) or not text.isascii():
        raise GeneratorBug(f"a generated name is not a safe identifier: {text!r}")
    return text


def tomlstr(value: Any) -> str:
    return json.dumps(_clean(value), ensure_ascii=True)


# -- environment -------------------------------------------------------------


def environment(templates: Path = TEMPLATES) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
        extensions=["jinja2.ext.do"],
    )
    env.filters.update(pyrepr=pyrepr, docstring=docstring, comment=comment, md=markdown, ident=ident, tomlstr=tomlstr)
    env.globals["PRIMITIVES"] = PRIMITIVES
    env.globals["shadowed"] = frozenset()
    return env


def _aliases_in_order(api: ir.Api) -> list[ir.Alias]:
    """Aliases are runtime expressions: each must come after the aliases it mentions."""
    by_name = {a.name: a for a in api.aliases}
    ordered: list[ir.Alias] = []
    state: dict[str, int] = {}

    def visit(alias: ir.Alias) -> None:
        if state.get(alias.name) is not None:
            return
        state[alias.name] = 1
        for name in sorted(alias.type.referenced_names()):
            if name in by_name:
                visit(by_name[name])
        state[alias.name] = 2
        ordered.append(alias)

    for alias in api.aliases:
        visit(alias)
    return ordered


def render(api: ir.Api, *, package_version: str = "0.1.0", templates: Path = TEMPLATES) -> dict[str, str]:
    """Every file of the generated project, by path relative to the output folder."""
    views.attach_views(api)
    env = environment(templates)
    sdk = api.sdk
    enums = {e.name: e for e in api.enums}
    env.globals["default_of"] = lambda f: views.default_of(f, enums)
    env.globals["enums_by_name"] = enums
    path_defaults = [
        {
            "wire": wire,
            "name": wire,
            "env": env_var,
            "description": sdk.path_default_descriptions.get(wire, ""),
        }
        for wire, env_var in sdk.path_defaults.items()
    ]
    default_base_url = api.servers[0].url if api.servers and "{" not in api.servers[0].url else "http://localhost"
    if default_base_url.startswith("/"):
        default_base_url = "http://localhost" + default_base_url
    base_url_arg = "host" if sdk.base_url_env.endswith("_HOST") else "base_url"
    raw_example = next(
        (
            f"{r.view.path.removeprefix('client.')}.with_raw_response.{o.name}(...)"
            for r in api.resources
            for o in r.operations
            if not o.pagination and not o.view.stream
        ),
        "...",
    )
    cli_commands = views.cli_commands(api)
    context: dict[str, Any] = {
        "api": api,
        "line_length": LINE_LENGTH,
        "target_version": TARGET_VERSION,
        "sdk": sdk,
        "package_version": package_version,
        "path_defaults": path_defaults,
        "default_base_url": default_base_url,
        "base_url_arg": base_url_arg,
        "other_servers": len(api.servers) > 1,
        "root_resources": [r for r in api.resources if r.namespace is None],
        "cli": True,
        "has_long_running": any(o.long_running for o in api.operations),
        "has_stream": any(o.view.stream for o in api.operations),
        "raw_example": raw_example,
        "cli_example": next(
            (
                " ".join(c["groups"] + [c["name"]] + ["<" + a["metavar"] + ">" for a in c["arguments"]])
                for c in cli_commands
                if c["paginated"]
            ),
            "--help",
        ) + " --all -o table",
        "client_doc": _client_doc(api, base_url_arg),
    }
    pkg = sdk.package_name
    files: dict[str, str] = {}

    def emit(template: str, path: str, **extra: Any) -> None:
        files[path] = env.get_template(template).render(**context, **extra)

    emit("project/pyproject.toml.jinja", "pyproject.toml")
    emit("project/README.md.jinja", "README.md")
    for name in ("__init__.py", "_base_client.py", "_client.py", "_models.py", "_pagination.py", "_polling.py",
                 "_streaming.py", "_types.py", "_version.py", "errors.py", "py.typed"):
        emit(f"package/{name}.jinja", f"{pkg}/{name}")
    exported = [e.name for e in api.enums] + [m.name for m in api.models] + [a.name for a in api.aliases]
    model_types = [f.type for m in api.models for f in m.fields] + [a.type for a in api.aliases]
    model_shadowed = _BUILTIN_TYPES & {f.name for m in api.models for f in m.fields} & _builtins_used(model_types)
    emit("package/models.py.jinja", f"{pkg}/models.py", exported=exported, aliases_in_order=_aliases_in_order(api),
         model_imports=_model_imports(api, enums, model_shadowed), shadowed=model_shadowed)
    emit("package/resources/__init__.py.jinja", f"{pkg}/resources/__init__.py")
    testing = {
        "invalid_key": "phx_invalid",
        "read_only_key": "phx_read_only",
        "fixture_name": f"{pkg}_mock",
        "example_operation": api.operations[0].operation_id if api.operations else "",
    }
    for name in ("__init__.py", "_mock.py", "_validator.py", "pytest_plugin.py", "server.py"):
        emit(f"package/testing/{name}.jinja", f"{pkg}/testing/{name}", **testing)
    files[f"{pkg}/testing/spec.json"] = fixtures.mock_spec(api)
    cli_context = {
        "cli_commands": cli_commands,
        "cli_groups": views.cli_groups(api),
        "cli_root_help": (api.title + ": " if api.title else "") + "every API operation from the terminal.",
    }
    for name in ("__init__.py", "__main__.py", "_app.py", "_commands.py"):
        emit(f"package/cli/{name}.jinja", f"{pkg}/cli/{name}", **cli_context)
    files[f"{pkg}/cli/commands.json"] = json.dumps(
        {"groups": cli_context["cli_groups"], "commands": cli_commands}, indent=1, ensure_ascii=False
    ) + "\n"
    fixture_texts = fixtures.fixtures(api)
    for name, text in fixture_texts.items():
        files[f"{pkg}/testing/fixtures/{name}"] = text
    by_op = {json.loads(text)["operation_id"]: json.loads(text) for text in fixture_texts.values()}
    cases = views.contract_cases(api, by_op)
    emit("project/tests/test_contract.py.jinja", "tests/test_contract.py", contract_cases=cases,
         contract_needs_datetime=any("datetime." in e for c in cases for e in c["expected"]),
         contract_needs_unknown=any("UnknownVariant" in c["expected"] for c in cases))
    for resource in api.resources:
        shadowed = _BUILTIN_TYPES & {op.name for op in resource.operations} & _builtins_used(_resource_types(resource))
        emit("package/resources/resource.py.jinja", f"{pkg}/resources/{resource.module}.py", resource=resource,
             imports=_resource_imports(resource, shadowed), shadowed=shadowed)
    return files


def _client_doc(api: ir.Api, base_url_arg: str) -> str:
    sdk = api.sdk
    lines = [f"Client for the {api.title}." if api.title else "API client."]
    attrs = [f"`{r.attribute}`" for r in api.resources if r.namespace is None] + [f"`{n.name}`" for n in api.namespaces]
    if attrs:
        lines.append("Operations are grouped by resource: " + ", ".join(attrs) + ".")
    lines.append(f"Settings default to the environment: {sdk.api_key_env}, {sdk.base_url_env}"
                 + "".join(f", {v}" for v in sdk.path_defaults.values()) + ".")
    return "\n\n".join(lines)


def _builtins_used(types: list[ir.TypeRef]) -> set[str]:
    used: set[str] = set()
    for root in types:
        for t in views.walk(root):
            if t.kind == ir.LIST:
                used.add("list")
            elif t.kind == ir.MAP:
                used |= {"dict", "str"}
            elif t.kind == ir.PRIMITIVE:
                used.add(t.name)
    return used


def _resource_types(resource: ir.Resource) -> list[ir.TypeRef]:
    types: list[ir.TypeRef] = []
    for op in resource.operations:
        v = op.view
        for _, specs in v.responses:
            types += [s.type for s in specs if s.type is not None]
        types += v.returns + [a.type for a in v.positional + v.required + v.optional + v.defaulted]
        types += [t for t in (v.item_type, v.wait.result_type if v.wait else None) if t is not None]
    return types


def _resource_imports(resource: ir.Resource, shadowed: frozenset[str]) -> dict[str, Any]:
    """The exact imports a resource module needs (ruff would flag any unused one), as data:
    a list of (module, names) per block; no names means `import module`."""
    ops = resource.operations
    types = _resource_types(resource)
    arg_types = [a.type for op in ops for a in op.view.positional + op.view.required + op.view.optional]
    needs = views.module_typing_needs(types, arg_types)
    has_pages = any(o.pagination for o in ops)
    has_stream = any(o.view.stream for o in ops)
    has_wait = any(o.view.wait for o in ops)
    stdlib: list[tuple[str, list[str]]] = []
    if shadowed:
        stdlib.append(("builtins", []))
    if needs["datetime"]:
        stdlib.append(("datetime", []))
    abc = sorted(({"AsyncIterator", "Iterator"} if has_stream else set()) | ({"Callable"} if has_wait else set()))
    if abc:
        stdlib.append(("collections.abc", abc))
    stdlib.append(("functools", ["cached_property"]))
    stdlib.append(("typing", sorted({"cast"} | {n for n in ("Any", "Literal") if needs[n]})))
    base = ["AsyncAPIClient", "Operation", "ResponseSpec", "SyncAPIClient"]
    if not all(o.pagination or o.view.stream for o in ops):
        base += ["async_to_raw_response_wrapper", "to_raw_response_wrapper"]
    package: list[tuple[str, list[str]]] = [(".._base_client", base)]
    if has_pages:
        package.append((".._pagination", ["AsyncPage", "PageStyle", "SyncPage"]))
    if has_wait:
        package.append((".._polling", ["LongRunningSpec", "Progress", "async_run_to_completion", "run_to_completion"]))
    if has_stream:
        package.append((".._streaming", ["ServerSentEvent", "aiter_events", "iter_events"]))
    type_names = ["NOT_GIVEN"] + (["Body"] if any(o.body for o in ops) else []) + ["Headers", "NotGiven", "Query"]
    package.append((".._types", type_names))
    return {"stdlib": stdlib, "package": package, "models": views.referenced_names(types + arg_types)}


def _model_imports(api: ir.Api, enums: dict[str, ir.Enum], shadowed: frozenset[str]) -> list[list[tuple[str, list[str]]]]:
    """The import blocks of models.py, as data (see _resource_imports)."""
    types = [f.type for m in api.models for f in m.fields] + [a.type for a in api.aliases]
    needs = views.module_typing_needs(types, [])
    discriminated = any(a.discriminator for a in api.aliases)
    aliased = any(f.aliased for m in api.models for f in m.fields)
    typing_names = sorted(
        {n for n in ("Any", "Literal") if needs[n]}
        | ({"Annotated"} if discriminated else set())
        | ({"TypeAlias"} if api.aliases else set())
    )
    stdlib: list[tuple[str, list[str]]] = []
    if shadowed:
        stdlib.append(("builtins", []))
    if needs["datetime"]:
        stdlib.append(("datetime", []))
    if typing_names:
        stdlib.append(("typing", typing_names))
    pydantic_names = (["Discriminator"] if discriminated else []) + (["Field"] if aliased else []) + (["Tag"] if discriminated else [])
    ours = (["BaseModel"] if api.models else [])
    ours += ["ForwardCompatibleEnum"] if any(e.value_type == "str" for e in api.enums) else []
    ours += ["ForwardCompatibleIntEnum"] if any(e.value_type == "int" for e in api.enums) else []
    ours += ["UnknownVariant", "discriminate"] if discriminated else []
    blocks = [stdlib, [("pydantic", pydantic_names)] if pydantic_names else [], [("._models", ours)] if ours else []]
    return [block for block in blocks if block]
