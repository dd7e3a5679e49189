"""Swagger 2.0 read as OpenAPI 3.0: the document is converted in memory, and every
later stage sees OpenAPI 3.0.3. The packages come out as swagger2openapi's conversion
would lead to, but for differences on purpose (docs/sweep-history.md, "Swagger 2.0").

Go-swagger, swaggo, Swashbuckle before version 5, Docker's engine API and many services
still publish 2.0. What changes, following the mapping the OpenAPI 3.0 specification
describes:

- `host`, `basePath` and `schemes` become `servers` (https first; a document with no
  host gets its base path as a relative server, or none);
- `definitions`, `parameters`, `responses` and `securityDefinitions` move under
  `components`; a root parameter that is a body becomes a request body there, and every
  `$ref` is rewritten to match;
- a `body` parameter becomes the operation's request body, in each media type the
  operation `consumes`; `formData` parameters become one object schema, sent as
  `multipart/form-data` when a file is among them or the operation consumes it, else as
  `application/x-www-form-urlencoded`;
- a response's `schema` goes into `content`, once per media type the operation
  `produces` (JSON where nothing says); `examples` by media type go with it;
- a parameter's or header's `type`, `format`, `items`, bounds and enum become its
  `schema`; `collectionFormat` becomes `style` and `explode` (2.0's default for arrays,
  csv, is `explode: false`: `?tags=a,b`, where 3.0's default would repeat the name);
- in schemas, `type: file` is a binary string, the widespread `x-nullable` becomes
  `nullable`, and a discriminator's property name becomes a discriminator object;
- OAuth 2's flows get their 3.0 names (`accessCode` is `authorizationCode`,
  `application` is `clientCredentials`), `basic` is HTTP basic;
- AutoRest's `x-ms-parameterized-host` is a server with variables, and its `x-ms-paths`
  (paths with a query part, kept apart in 2.0) join the paths.

`Document.origin` maps each moved node back to where it is written, so that every
error, warning and lint finding points at the 2.0 text the user edits. The conversion
takes what it finds: a node of the wrong type is left as it is, for validation to report
at its place. A 2.0 document split across files is bundled first (load.py knows 2.0's
layout too: what another file's `$ref` names goes under `definitions`, `parameters` or
`responses`), then converted.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from typing import Any

from .load import Document, escape_pointer, unescape_pointer

_METHODS = ("get", "put", "post", "delete", "options", "head", "patch")
_FORMS = ("multipart/form-data", "application/x-www-form-urlencoded")
#: what a 2.0 parameter, header or items object says of its value: its 3.0 schema
_VALUE_KEYS = (
    "type", "format", "items", "default", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum",
    "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "enum", "multipleOf",
)
#: a schema's keys whose values are schemas, one or a list or a map of them
_SCHEMA_ONE = ("items", "additionalProperties", "not")
_SCHEMA_LIST = ("allOf", "anyOf", "oneOf")
_SCHEMA_MAP = ("properties",)
#: collectionFormat -> (style, explode), by where the parameter is
_COLLECTION = {
    "csv": ("form", False),
    "ssv": ("spaceDelimited", False),
    "pipes": ("pipeDelimited", False),
    "tsv": ("form", False),  # no 3.0 style: read as csv, as swagger2openapi does
    "multi": ("form", True),
}
_FLOWS = {"implicit": "implicit", "password": "password", "application": "clientCredentials", "accessCode": "authorizationCode"}


def is_swagger2(data: Any) -> bool:
    return isinstance(data, dict) and str(data.get("swagger", "")).strip() == "2.0"


def convert(doc: Document) -> Document:
    """The OpenAPI 3.0.3 form of a Swagger 2.0 document, located in the text as written."""
    converter = _Converter(doc.data)
    return dataclasses.replace(doc, data=converter.document(), origin=converter.origin, converted_from="Swagger 2.0")


def _media(value: Any) -> list[str]:
    return [item for item in value if isinstance(item, str) and item.strip()] if isinstance(value, list) else []


def _extensions(node: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in node.items() if key.startswith("x-")}


class _Converter:
    def __init__(self, src: dict[str, Any]) -> None:
        self.src = src
        #: pointer in the converted document -> pointer in the 2.0 document
        self.origin: dict[str, str] = {}
        self.consumes = _media(src.get("consumes"))
        self.produces = _media(src.get("produces"))
        parameters = src.get("parameters")
        self.root_parameters: dict[str, Any] = parameters if isinstance(parameters, dict) else {}

    def moved(self, new: str, old: str) -> None:
        if new != old:
            self.origin[new] = old

    # -- the document ----------------------------------------------------------

    def document(self) -> dict[str, Any]:
        src = self.src
        out: dict[str, Any] = {"openapi": "3.0.3"}
        self.moved("/openapi", "/swagger")
        for key in ("info", "externalDocs"):
            if key in src:
                out[key] = src[key]
        servers = self.servers()
        if servers:
            out["servers"] = servers
            self.moved("/servers", "/host" if "host" in src else "/basePath")
        if "tags" in src:
            out["tags"] = src["tags"]
        paths = src.get("paths")
        out["paths"] = self.paths(paths) if isinstance(paths, dict) else paths
        components = self.components()
        if components:
            out["components"] = components
        if "security" in src:
            out["security"] = src["security"]
        out.update({k: v for k, v in _extensions(src).items() if k not in ("x-ms-paths", "x-ms-parameterized-host")})
        return out

    def servers(self) -> list[dict[str, Any]]:
        src = self.src
        host = src.get("host")
        base = src.get("basePath")
        base = base.strip().rstrip("/") if isinstance(base, str) else ""
        if base and not base.startswith("/"):
            base = "/" + base  # `basePath: v1`: 2.0 wants the slash, many omit it
        if not isinstance(host, str) or not host.strip():
            return [{"url": base}] if base else []
        host = host.strip().rstrip("/")
        written = re.match(r"(?i)(https?)://", host)  # `host: https://api.example.com`, a common slip
        if written:
            host = host[written.end():]
        schemes = [s.lower() for s in src.get("schemes") or [] if isinstance(s, str) and s.lower() in ("http", "https")]
        if not schemes and written:
            schemes = [written.group(1).lower()]
        schemes = sorted(dict.fromkeys(schemes), key=lambda s: s != "https") or ["https"]
        parameterized = src.get("x-ms-parameterized-host")
        if isinstance(parameterized, dict) and isinstance(parameterized.get("hostTemplate"), str):
            return [self.parameterized_host(parameterized, schemes[0], base)]
        return [{"url": f"{scheme}://{host}{base}"} for scheme in schemes]

    def parameterized_host(self, spec: dict[str, Any], scheme: str, base: str) -> dict[str, Any]:
        """AutoRest's x-ms-parameterized-host (Azure's data planes: `{accountName}.blob.core.windows.net`,
        `{Endpoint}/vision/v3.2`) as a server with variables. A variable with no default
        or enum has none, so that the client asks for its address rather than call a
        host made of an empty name."""
        template = spec["hostTemplate"].strip().rstrip("/")
        prefix = "" if spec.get("useSchemePrefix") is False else f"{scheme}://"
        variables: dict[str, Any] = {}
        for param in spec.get("parameters") or []:
            param, _ = self.resolved(param, "")
            if not isinstance(param, dict) or not isinstance(param.get("name"), str):
                continue
            enum = [str(v) for v in param["enum"]] if isinstance(param.get("enum"), list) and param["enum"] else None
            default = str(param["default"]) if param.get("default") is not None else enum[0] if enum else ""
            variable: dict[str, Any] = {"default": default}
            if enum:
                variable["enum"] = enum
            if isinstance(param.get("description"), str):
                variable["description"] = param["description"]
            variables[param["name"]] = variable
        for name in re.findall(r"\{([^{}]+)\}", template):
            variables.setdefault(name, {"default": ""})
        self.moved("/servers/0", "/x-ms-parameterized-host")
        self.moved("/servers/0/url", "/x-ms-parameterized-host/hostTemplate")
        return {"url": prefix + template + base, "variables": variables} if variables else {"url": prefix + template + base}

    def components(self) -> dict[str, Any]:
        src = self.src
        out: dict[str, Any] = {}
        definitions = src.get("definitions")
        if isinstance(definitions, dict):
            out["schemas"] = {name: self.schema(value) for name, value in definitions.items()}
            self.moved("/components/schemas", "/definitions")
        parameters: dict[str, Any] = {}
        bodies: dict[str, Any] = {}
        for name, param in self.root_parameters.items():
            old = "/parameters/" + escape_pointer(name)
            if isinstance(param, dict) and param.get("in") == "body":
                new = "/components/requestBodies/" + escape_pointer(name)
                bodies[name] = self.request_body(param, self.consumes, new, old)
            elif isinstance(param, dict) and param.get("in") == "formData":
                continue  # a form field is no 3.0 component: inlined where it is used
            else:
                new = "/components/parameters/" + escape_pointer(name)
                parameters[name] = self.parameter(param, new, old)
        if parameters:
            out["parameters"] = parameters
        if bodies:
            out["requestBodies"] = bodies
        responses = src.get("responses")
        if isinstance(responses, dict):
            out["responses"] = {
                name: self.response(value, self.produces, f"/components/responses/{escape_pointer(name)}",
                                    f"/responses/{escape_pointer(name)}")
                for name, value in responses.items()
            }
        schemes = src.get("securityDefinitions")
        if isinstance(schemes, dict):
            out["securitySchemes"] = {name: self.security_scheme(value) for name, value in schemes.items()}
            self.moved("/components/securitySchemes", "/securityDefinitions")
        return out

    # -- paths -----------------------------------------------------------------

    def paths(self, paths: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for path, item in paths.items():
            pointer = "/paths/" + escape_pointer(path)
            out[path] = self.path_item(item, pointer, pointer) if isinstance(item, dict) else item
        # AutoRest's x-ms-paths: operations on a path that differs from another by a query
        # part (`/{container}?restype=container`), kept apart because 2.0's paths may not
        # hold one; a path with a query part is one the generator sends as written
        more = self.src.get("x-ms-paths")
        for path, item in (more.items() if isinstance(more, dict) else ()):
            if path not in out and isinstance(item, dict):
                new, old = "/paths/" + escape_pointer(path), "/x-ms-paths/" + escape_pointer(path)
                self.moved(new, old)
                out[path] = self.path_item(item, new, old)
        return out

    def path_item(self, item: dict[str, Any], pointer: str, old: str) -> dict[str, Any]:
        out: dict[str, Any] = {}
        shared = item.get("parameters")
        shared_list = shared if isinstance(shared, list) else []
        # the path's own body and form parameters go into each operation's request body
        kept = [(i, p) for i, p in enumerate(shared_list) if self.where(p) not in ("body", "formData")]
        for key, value in item.items():
            if key == "parameters":
                if kept or not isinstance(shared, list):
                    out[key] = self.parameter_list(kept, pointer + "/parameters", old + "/parameters") if isinstance(shared, list) else shared
            elif key in _METHODS and isinstance(value, dict):
                self.moved(f"{pointer}/{key}", f"{old}/{key}")
                out[key] = self.operation(value, f"{pointer}/{key}", f"{old}/{key}", shared_list, old + "/parameters")
            else:
                out[key] = value  # $ref, extensions
        return out

    def where(self, param: Any) -> str:
        """A parameter's `in`, through a `$ref` to the document's parameters."""
        if isinstance(param, dict) and isinstance(param.get("$ref"), str):
            ref = param["$ref"]
            if ref.startswith("#/parameters/"):
                target = self.root_parameters.get(unescape_pointer(ref[len("#/parameters/"):]))
                return str(target.get("in", "")) if isinstance(target, dict) else ""
            return ""
        return str(param.get("in", "")) if isinstance(param, dict) else ""

    def resolved(self, param: Any, pointer: str) -> tuple[Any, str]:
        """A parameter with its `$ref` to the document's parameters followed, and where it is."""
        if isinstance(param, dict) and isinstance(param.get("$ref"), str) and param["$ref"].startswith("#/parameters/"):
            name = unescape_pointer(param["$ref"][len("#/parameters/"):])
            if name in self.root_parameters:
                return self.root_parameters[name], "/parameters/" + escape_pointer(name)
        return param, pointer

    def operation(self, op: dict[str, Any], pointer: str, old: str, shared: list[Any], shared_at: str) -> dict[str, Any]:
        consumes = _media(op["consumes"]) if "consumes" in op else self.consumes
        produces = _media(op["produces"]) if "produces" in op else self.produces
        own = op.get("parameters")
        own_list = own if isinstance(own, list) else []
        own_keys = {self.key(p) for p in own_list}
        # the path's parameters an operation does not redefine, then its own
        inherited = [(f"{shared_at}/{i}", p) for i, p in enumerate(shared) if self.key(p) not in own_keys]
        mine = [(f"{old}/parameters/{i}", p) for i, p in enumerate(own_list)]
        body = [(at, p) for at, p in inherited + mine if self.where(p) == "body"]
        form = [(at, p) for at, p in inherited + mine if self.where(p) == "formData"]
        plain = [(i, p) for i, p in enumerate(own_list) if self.where(p) not in ("body", "formData")]

        out: dict[str, Any] = {}
        for key, value in op.items():
            if key in ("consumes", "produces", "schemes"):
                continue
            if key == "parameters":
                if plain or not isinstance(own, list):
                    out[key] = self.parameter_list(plain, pointer + "/parameters", old + "/parameters") if isinstance(own, list) else own
                if body:
                    out["requestBody"] = self.body_of(body[-1], consumes, pointer + "/requestBody")
                elif form:
                    out["requestBody"] = self.form_of(form, consumes, pointer + "/requestBody")
            elif key == "responses" and isinstance(value, dict):
                out[key] = {
                    code: self.response(answer, produces, f"{pointer}/responses/{escape_pointer(str(code))}",
                                        f"{old}/responses/{escape_pointer(str(code))}")
                    for code, answer in value.items()
                }
            else:
                out[key] = value
        if "requestBody" not in out and (body or form):  # the path's own body, the operation naming no parameters
            out["requestBody"] = (self.body_of(body[-1], consumes, pointer + "/requestBody") if body
                                  else self.form_of(form, consumes, pointer + "/requestBody"))
        return out

    def key(self, param: Any) -> tuple[str, str]:
        target, _ = self.resolved(param, "")
        if isinstance(target, dict):
            return str(target.get("name", "")), str(target.get("in", ""))
        return "", ""

    def parameter_list(self, params: Iterable[tuple[int, Any]], new_at: str, old_at: str) -> list[Any]:
        out = []
        for new_index, (old_index, param) in enumerate(params):
            out.append(self.parameter(param, f"{new_at}/{new_index}", f"{old_at}/{old_index}"))
        return out

    # -- parameters and bodies -------------------------------------------------

    def parameter(self, param: Any, new: str, old: str) -> Any:
        self.moved(new, old)
        if not isinstance(param, dict):
            return param
        if isinstance(param.get("$ref"), str):
            return {**param, "$ref": _ref(param["$ref"])}
        out: dict[str, Any] = {}
        for key in ("name", "in", "description", "required", "deprecated", "allowEmptyValue"):
            if key in param:
                out[key] = param[key]
        if param.get("in") == "path":
            out["required"] = True
        out["schema"] = self.value_schema(param)
        self.moved(new + "/schema", old)
        if param.get("type") == "array":
            style, explode = _COLLECTION.get(str(param.get("collectionFormat") or "csv"), ("form", False))
            if param.get("in") in ("path", "header"):
                style = "simple"
            out["style"] = style
            out["explode"] = explode
        if "x-example" in param:
            out["example"] = param["x-example"]
        out.update({k: v for k, v in _extensions(param).items() if k not in ("x-example", "x-nullable")})
        return out

    def value_schema(self, node: dict[str, Any]) -> dict[str, Any]:
        """The 3.0 schema of a 2.0 parameter, header or items object."""
        schema: dict[str, Any] = {}
        for key in _VALUE_KEYS:
            if key in node:
                value = node[key]
                if key == "items" and isinstance(value, dict):
                    value = self.value_schema(value) if "$ref" not in value else self.schema(value)
                schema[key] = value
        if schema.get("type") == "file":
            schema["type"] = "string"
            schema["format"] = "binary"
        enum, items = schema.get("enum"), schema.get("items")
        if (schema.get("type") == "array" and isinstance(enum, list) and isinstance(items, dict)
                and not any(isinstance(value, list) for value in enum)):
            # the values a list's items take, written beside the list (2.0 leaves it open;
            # an array's enum of strings would admit no value): the items' enum in 3.0
            del schema["enum"]
            schema["items"] = {**items, "enum": items.get("enum", enum)}
        if node.get("x-nullable") is True:
            schema["nullable"] = True
        return schema

    def request_body(self, param: dict[str, Any], consumes: list[str], new: str, old: str) -> dict[str, Any]:
        """A 2.0 body parameter as a 3.0 request body."""
        self.moved(new, old)
        media = [m for m in consumes if m not in _FORMS] or consumes or ["application/json"]
        schema = param.get("schema", {})
        content: dict[str, Any] = {}
        for mt in media:
            content[mt] = {"schema": self.schema(schema)}
            self.moved(f"{new}/content/{escape_pointer(mt)}/schema", old + "/schema")
        out: dict[str, Any] = {"content": content}
        if "description" in param:
            out["description"] = param["description"]
        if param.get("required") is True:
            out["required"] = True
        name = param.get("name")
        if isinstance(name, str) and name:
            out["x-codegen-request-body-name"] = name
        out.update({k: v for k, v in _extensions(param).items() if k != "x-codegen-request-body-name"})
        return out

    def body_of(self, found: tuple[str, Any], consumes: list[str], new: str) -> dict[str, Any]:
        at, param = found
        if isinstance(param, dict) and isinstance(param.get("$ref"), str):
            self.moved(new, at)
            return {"$ref": _ref(param["$ref"], body=True)}
        return self.request_body(param, consumes, new, at)

    def form_of(self, fields: list[tuple[str, Any]], consumes: list[str], new: str) -> dict[str, Any]:
        """formData parameters as one object schema, sent as a form."""
        properties: dict[str, Any] = {}
        required: list[str] = []
        files = False
        self.moved(new, fields[0][0])
        for at, param in fields:
            param, at = self.resolved(param, at)
            if not isinstance(param, dict) or not isinstance(param.get("name"), str):
                continue
            name = param["name"]
            schema = self.value_schema(param)
            files = files or schema.get("format") == "binary" or (
                isinstance(schema.get("items"), dict) and schema["items"].get("format") == "binary")
            if "description" in param:
                schema["description"] = param["description"]
            properties[name] = schema
            if param.get("required") is True:
                required.append(name)
        media = [m for m in consumes if m in _FORMS]
        if not media:
            media = ["multipart/form-data" if files else "application/x-www-form-urlencoded"]
        elif files and "multipart/form-data" in media:
            media = ["multipart/form-data"]  # a file goes in a part of its own
        object_schema: dict[str, Any] = {"type": "object", "properties": properties}
        if required:
            object_schema["required"] = required
        # a list in a form is written as its collectionFormat says (csv unless it says):
        # 3.0 repeats the name unless told otherwise; a multipart form repeats its parts
        styles: dict[str, Any] = {}
        for _, param in fields:
            param, _ = self.resolved(param, "")
            if isinstance(param, dict) and param.get("type") == "array" and isinstance(param.get("name"), str):
                style, explode = _COLLECTION.get(str(param.get("collectionFormat") or "csv"), ("form", False))
                styles[param["name"]] = {"style": style, "explode": explode}
        content: dict[str, Any] = {}
        for mt in media:
            content[mt] = {"schema": object_schema if len(media) == 1 else _copy(object_schema)}
            if styles and mt == "application/x-www-form-urlencoded":
                content[mt]["encoding"] = _copy(styles)
            for (at, param) in fields:
                param, at = self.resolved(param, at)
                if isinstance(param, dict) and isinstance(param.get("name"), str):
                    self.moved(f"{new}/content/{escape_pointer(mt)}/schema/properties/{escape_pointer(param['name'])}", at)
        out: dict[str, Any] = {"content": content}
        if required:
            out["required"] = True
        return out

    # -- responses ---------------------------------------------------------------

    def response(self, answer: Any, produces: list[str], new: str, old: str) -> Any:
        self.moved(new, old)
        if not isinstance(answer, dict):
            return answer
        if isinstance(answer.get("$ref"), str):
            return {**answer, "$ref": _ref(answer["$ref"])}
        out: dict[str, Any] = {"description": answer.get("description", "")}
        if "schema" in answer:
            examples = answer.get("examples")
            examples = examples if isinstance(examples, dict) else {}
            media = produces or ["application/json"]
            content: dict[str, Any] = {}
            for mt in media:
                content[mt] = {"schema": self.schema(answer["schema"])}
                self.moved(f"{new}/content/{escape_pointer(mt)}/schema", old + "/schema")
                if mt in examples:
                    content[mt]["example"] = examples[mt]
            out["content"] = content
        elif isinstance(answer.get("examples"), dict) and answer["examples"]:
            # an example with no schema still says what the answer holds
            out["content"] = {str(mt): {"example": example} for mt, example in answer["examples"].items()}
        headers = answer.get("headers")
        if isinstance(headers, dict):
            out["headers"] = {}
            for name, header in headers.items():
                at = f"/headers/{escape_pointer(name)}"
                self.moved(new + at + "/schema", old + at)
                if isinstance(header, dict):
                    converted: dict[str, Any] = {"schema": self.value_schema(header)}
                    if "description" in header:
                        converted["description"] = header["description"]
                    converted.update(_extensions(header))
                    out["headers"][name] = converted
                else:
                    out["headers"][name] = header
        out.update(_extensions(answer))
        return out

    # -- schemas and security ------------------------------------------------------

    def schema(self, node: Any) -> Any:
        """A 2.0 schema in 3.0 terms: its `$ref`s rewritten, files binary, `x-nullable`
        as `nullable`, a discriminator an object. The shape stays, so its origin does too."""
        if not isinstance(node, dict):
            return node
        out: dict[str, Any] = {}
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                out[key] = _ref(value)
            elif key in _SCHEMA_ONE:
                out[key] = self.schema(value)
            elif key in _SCHEMA_LIST and isinstance(value, list):
                out[key] = [self.schema(item) for item in value]
            elif key in _SCHEMA_MAP and isinstance(value, dict):
                out[key] = {name: self.schema(item) for name, item in value.items()}
            elif key == "discriminator" and isinstance(value, str):
                out[key] = {"propertyName": value}
            elif key == "x-nullable" and "nullable" not in node:
                out["nullable"] = value
            else:
                out[key] = value
        if out.get("type") == "file":
            out["type"] = "string"
            out["format"] = "binary"
        elif out.get("type") == "null":  # not 2.0: written where an example held null, so any value or null
            del out["type"]
            out["nullable"] = True
        return out

    def security_scheme(self, scheme: Any) -> Any:
        if not isinstance(scheme, dict):
            return scheme
        kind = scheme.get("type")
        out: dict[str, Any]
        if kind == "basic":
            out = {"type": "http", "scheme": "basic"}
        elif kind == "oauth2":
            flow: dict[str, Any] = {}
            for key in ("authorizationUrl", "tokenUrl"):
                if key in scheme:
                    flow[key] = scheme[key]
            flow["scopes"] = scheme.get("scopes") if isinstance(scheme.get("scopes"), dict) else {}
            out = {"type": "oauth2", "flows": {_FLOWS.get(str(scheme.get("flow")), str(scheme.get("flow"))): flow}}
        else:
            out = {key: value for key, value in scheme.items() if key in ("type", "name", "in")}
        if "description" in scheme:
            out["description"] = scheme["description"]
        out.update(_extensions(scheme))
        return out


#: a converted `$ref`'s prefix -> the 2.0 one it was
_WRITTEN = (
    ("#/components/schemas/", "#/definitions/"), ("#/components/parameters/", "#/parameters/"),
    ("#/components/requestBodies/", "#/parameters/"), ("#/components/responses/", "#/responses/"),
    ("#/components/securitySchemes/", "#/securityDefinitions/"),
)


def written_refs(message: str) -> str:
    """A message about the converted document, quoting `$ref`s (and the dotted names of
    components, `components.schemas.Pet`) as the 2.0 text has them."""
    if "components" in message:
        for converted, written in _WRITTEN:
            message = message.replace(converted, written)
            message = message.replace(converted[2:].replace("/", "."), written[2:].replace("/", "."))
    return message


def _ref(ref: str, body: bool = False) -> str:
    """A 2.0 `$ref` into the document, where its target is in the 3.0 form."""
    for old, new in (("#/definitions/", "#/components/schemas/"), ("#/responses/", "#/components/responses/"),
                     ("#/parameters/", "#/components/requestBodies/" if body else "#/components/parameters/")):
        if ref.startswith(old):
            return new + ref[len(old):]
    return ref


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value
