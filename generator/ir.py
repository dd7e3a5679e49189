"""The typed intermediate model between the OpenAPI document and the templates.

Plain dataclasses: `parse` builds them, templates read them. Every name here is
already a valid, unique Python identifier (see `naming`); every piece of spec
text is kept raw and reaches code only through the templates' escaping filters.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .diagnostics import Diagnostic

# TypeRef kinds
PRIMITIVE = "primitive"  # name: str int float bool bytes datetime date uuid
LIST = "list"
MAP = "map"
MODEL = "model"
ENUM = "enum"
UNION = "union"
LITERAL = "literal"
ALIAS = "alias"  # a named union or other non-class type
ANY = "any"
NONE = "none"
#: the kinds whose TypeRef names a class or an alias
_NAMED = frozenset({MODEL, ENUM, ALIAS})


@dataclass(frozen=True)
class TypeRef:
    kind: str
    name: str = ""  # primitive name, or the class / alias name
    item: TypeRef | None = None  # list items, map values
    variants: tuple[TypeRef, ...] = ()  # union members
    value: Any = None  # literal value
    nullable: bool = False

    def with_nullable(self, nullable: bool = True) -> TypeRef:
        return TypeRef(self.kind, self.name, self.item, self.variants, self.value, nullable)

    def referenced_names(self) -> set[str]:
        """Class and alias names this type mentions."""
        if self.item is None and not self.variants:  # a leaf, most types: no set to merge into
            return {self.name} if self.kind in _NAMED else set()
        names: set[str] = set()
        if self.kind in (MODEL, ENUM, ALIAS):
            names.add(self.name)
        if self.item is not None:
            names |= self.item.referenced_names()
        for variant in self.variants:
            names |= variant.referenced_names()
        return names


@dataclass
class Field:
    name: str  # Python attribute name
    wire_name: str  # JSON property name
    type: TypeRef
    required: bool
    description: str = ""
    has_default: bool = False
    default: Any = None
    read_only: bool = False
    write_only: bool = False
    deprecated: bool = False

    @property
    def aliased(self) -> bool:
        return self.name != self.wire_name


@dataclass
class Model:
    name: str
    pointer: str  # where the schema is in the bundled document
    description: str = ""
    fields: list[Field] = field(default_factory=list)
    #: the type of additional properties when the schema constrains them
    additional: TypeRef | None = None
    closed: bool = False  # additionalProperties: false
    discriminator_values: dict[str, str] = field(default_factory=dict)  # wire prop -> value
    #: the model this one extends, where its allOf names a polymorphic base (subtypes.py);
    #: `fields` holds the base's fields too, `inherited` names those written in the base only
    base: str | None = None
    inherited: list[str] = field(default_factory=list)
    #: on a polymorphic base: the wire name of the property that tells its subclasses
    #: apart, and each value of it -> the subclass it names
    discriminator: str | None = None
    subtypes: dict[str, str] = field(default_factory=dict)


@dataclass
class EnumMember:
    name: str
    value: Any


@dataclass
class Enum:
    name: str
    pointer: str
    value_type: str  # "str" or "int"
    members: list[EnumMember]
    description: str = ""
    #: the name of `Enum | Literal[values]`, what arguments of this type accept (set when
    #: an operation takes one)
    param_alias: str | None = None


@dataclass
class UnionVariant:
    type: TypeRef
    tag: str | None = None  # discriminator value


@dataclass
class Alias:
    """A named type that is not a class: a union, or a list/map/primitive schema."""

    name: str
    pointer: str
    type: TypeRef
    description: str = ""
    discriminator: str | None = None  # wire property name
    variants: list[UnionVariant] = field(default_factory=list)
    fallback: str | None = None  # model accepting unknown discriminator values


#: the style of a parameter the document describes by a JSON media type (`content`)
#: rather than a schema: its whole value is one JSON text, not written in any OpenAPI style
JSON_STYLE = "json"


@dataclass
class Parameter:
    name: str  # Python argument name
    wire_name: str
    location: str  # path query header cookie
    type: TypeRef
    required: bool
    description: str = ""
    has_default: bool = False
    default: Any = None
    style: str = ""  # OpenAPI's, or JSON_STYLE
    explode: bool = True
    #: a path parameter whose value is a path of its own, its `/` kept
    #: (`x-ms-skip-url-encoding`: Azure's `scope`, `resourceUri`)
    slashed: bool = False
    client_default: str | None = None  # filled from the client's configuration
    #: a required query or header parameter the caller may leave out: what the client
    #: sends then (its schema's default or only enum value, or, for Azure's `api-version`,
    #: the document's version)
    sent_default: str | int | float | bool | None = None
    deprecated: bool = False
    schema: Any = None  # the JSON schema, as in the document (for fixtures and the mock server)
    example: Any = None
    has_example: bool = False

    @property
    def must_give(self) -> bool:
        """Whether the caller must give it: required, and nothing the client sends instead."""
        return self.required and self.sent_default is None


@dataclass
class BodyField:
    """A top-level body property exposed as a keyword argument."""

    name: str
    wire_name: str
    type: TypeRef
    required: bool
    description: str = ""
    #: where this field may choose a stream (streams.stream_flag): the value that asks for
    #: it (a boolean `stream`: True; a format whose enum lists "sse": "sse") and the others
    stream_value: Any = None
    other_values: tuple[Any, ...] = ()


@dataclass
class Body:
    media_type: str  # application/json, multipart/form-data, ...
    encoding: str  # json form multipart binary text
    type: TypeRef
    required: bool
    description: str = ""
    #: set when the body is an object whose properties become keyword arguments
    fields: list[BodyField] = field(default_factory=list)
    model: str | None = None  # the body schema's class, if it has one
    schema: Any = None
    example: Any = None
    has_example: bool = False
    #: a form field's style where its media type's `encoding` gives one: wire name ->
    #: (form, spaceDelimited, pipeDelimited or deepObject; explode)
    form_styles: dict[str, tuple[str, bool]] = field(default_factory=dict)

    @property
    def sends_null(self) -> bool:
        """Whether None is sent as JSON `null`: a required JSON body, not made of fields,
        that null is a value of. Elsewhere None sends no body, as an optional one's
        default does."""
        t = self.type
        takes_null = t.nullable or t.kind == NONE or (t.kind == UNION and any(v.kind == NONE or v.nullable for v in t.variants))
        return self.required and not self.fields and self.encoding == "json" and takes_null

    @property
    def sent_media_type(self) -> str:
        """The Content-Type to send where it is not what the client sends for the encoding
        anyway (application/json, text/plain, application/octet-stream): a server may
        refuse another name (Kubernetes' PATCH takes application/merge-patch+json, not
        application/json), so the document's goes, its parameters too. Wildcards
        (image/*) name no type to send; form and multipart bodies have their own."""
        usual = {"json": "application/json", "text": "text/plain", "binary": "application/octet-stream",
                 "ndjson": "application/x-ndjson"}.get(self.encoding)
        base = self.media_type.split(";")[0].strip().lower()
        if usual is None or "*" in base or base == usual:
            return ""
        return self.media_type.strip()


@dataclass
class Response:
    status: str  # "200", "2XX", "default"
    description: str
    media_type: str | None  # None when there is no body
    decoding: str  # json text binary sse lines none location (a redirect: its address)
    type: TypeRef | None  # lines: the type of each line's value
    example: Any = None
    has_example: bool = False
    schema: Any = None  # lines: each value's
    member: str = ""  # lines: the key each line holds its value under (grpc-gateway's `result`)


@dataclass
class Pagination:
    style: str  # offset page cursor; token after link (paging.py)
    items: str
    count: str | None
    next: str | None
    has_more: str | None
    item_type: TypeRef | None
    limit_param: str | None = None  # Python names of the paging parameters
    offset_param: str | None = None
    page_param: str | None = None
    token_param: str | None = None  # token, after: takes the next token or the last item's id
    next_in: str | None = None  # the answer's object that holds `next`, where it is not the answer
    pages: str | None = None  # page: the answer's field that counts the pages
    #: the answer's object that holds `count` and `pages`, where it is not the answer
    #: (Giphy's `pagination.total_count`, Xero's `pagination.pageCount`)
    count_in: str | None = None
    #: the answer's object that holds the items, where it is not the answer (HAL's `_embedded`)
    items_in: str | None = None
    next_href: bool = False  # `next` is an object whose `href` is the link (HAL's)
    #: token: `token_param` is a field of the body, which each page sends again (AWS's
    #: JSON operations' `NextToken`)
    token_in_body: bool = False


@dataclass
class LongRunning:
    start: dict[str, Any]
    status: str
    id: str
    complete: str
    error: str
    error_message: str
    results: str
    progress: str
    poll: str  # operationId
    poll_params: dict[str, Any]
    cancel: str | None
    #: how many of these jobs the server runs at once for one account (more wait or fail)
    max_concurrent: int | None = None


@dataclass
class CliShortcut:
    name: str
    help: str
    argument_name: str
    argument_field: list[str]  # body path
    body: dict[str, Any]
    wait: bool


@dataclass(frozen=True)
class Overload:
    """x-sdk-overloads: when the argument is of type `argument`, the call returns `returns`."""

    parameter: str  # the Python name of the argument
    argument: TypeRef
    returns: TypeRef


@dataclass
class Operation:
    operation_id: str
    method: str  # lower case
    path: str
    tag: str
    namespace: str | None
    name: str  # the Python method name
    pointer: str
    summary: str = ""
    description: str = ""
    deprecated: bool = False
    parameters: list[Parameter] = field(default_factory=list)
    body: Body | None = None
    responses: list[Response] = field(default_factory=list)
    errors: list[Response] = field(default_factory=list)
    scopes: list[str] = field(default_factory=list)
    #: a call needs no credentials (the API has a scheme the client sends, but this
    #: operation's requirement asks for none, or may: `security: []`, `{}`, or none at all)
    public: bool = False
    #: the ways of authenticating its own requirement offers (SdkSettings.ways), where
    #: they differ from the document's; None otherwise
    security: list[list[str]] | None = None
    idempotent: bool = False
    pagination: Pagination | None = None
    long_running: LongRunning | None = None
    cli: list[CliShortcut] = field(default_factory=list)
    overloads: list[Overload] = field(default_factory=list)
    #: the address (ending in "/") the document serves this operation from, where its own
    #: servers name another than the API's first; "" otherwise
    server: str = ""
    #: an Azure long-running operation (`x-ms-long-running-operation`): where its result
    #: is once done (`final-state-via`: "original-uri", "location", "azure-async-operation",
    #: "" for what the method implies); None for any other operation
    arm_polling: str | None = None
    #: the header parameter that asks for another answer than JSON (parse.accept_argument),
    #: by its Python name; "" where there is none
    accept_param: str = ""
    #: the field and the value by which a success status's body says the call failed,
    #: where the document's `default` answer has that constant and its success another
    #: (Slack's `ok`: true, or false with the error); None for most operations
    failure: tuple[str, Any] | None = None

    @property
    def path_params(self) -> list[Parameter]:
        return [p for p in self.parameters if p.location == "path"]

    @property
    def query_params(self) -> list[Parameter]:
        return [p for p in self.parameters if p.location == "query"]

    @property
    def header_params(self) -> list[Parameter]:
        return [p for p in self.parameters if p.location == "header"]



@dataclass
class Resource:
    """The operations of one tag within one namespace: a class of the client."""

    tag: str
    namespace: str | None
    attribute: str  # client attribute: client.<attribute>
    class_name: str  # e.g. Query or EnvironmentsQuery
    module: str  # resources module name
    description: str
    operations: list[Operation] = field(default_factory=list)


@dataclass
class Namespace:
    name: str  # attribute on the client
    class_name: str
    description: str
    resources: list[Resource] = field(default_factory=list)
    #: why the namespace is deprecated (x-sdk namespaces.<name>.deprecated), if it is: its
    #: operations are then offered on their tag's resource too, and using it warns
    deprecated: str | None = None


@dataclass
class Credential:
    """A credential the API wants beside the API key, in the same security requirement
    (Neutrino's `user-id` header beside its `api-key`): a setting of its own."""

    name: str  # the client's keyword argument
    env: str  # the environment variable it is read from
    location: str  # header, query, cookie, bearer (an Authorization header), aws-secret or aws-token
    wire: str  # the header, query parameter or cookie name
    scheme: str  # the security scheme's name
    description: str = ""
    #: a way of authenticating instead of the API key (another of the requirements'
    #: alternatives), optional; else the key's requirement wants it beside the key
    alternative: bool = False


@dataclass
class TokenFlow:
    """OAuth 2's client-credentials or password flow of a scheme the client sends a bearer
    token for: the client fetches that token itself from the client ID and secret, or the
    user's name and password, it is given."""

    setting: str  # the setting whose token it fetches ("api_key" or a credential's name)
    client_id: str  # the settings (credentials) of the client's ID and secret (password:
    client_secret: str  # the user's name and password)
    token_url: str
    scopes: list[str] = field(default_factory=list)  # asked for, space-separated
    scheme: str = ""
    grant: str = "client_credentials"  # or "password" (RFC 6749, sections 4.4 and 4.3)


@dataclass
class SdkSettings:
    client_name: str
    package_name: str
    distribution_name: str
    cli_name: str
    api_key_env: str
    base_url_env: str
    log_env: str
    path_defaults: dict[str, str]  # param wire name -> environment variable
    path_default_descriptions: dict[str, str]
    auth_scheme: str  # bearer, header, query, none
    auth_header: str
    security_scheme: str | None
    #: what the security requirement of the API key wants beside it
    credentials: list[Credential] = field(default_factory=list)
    #: param wire name -> the client's keyword for it, where it is not the wire name
    #: (Azure's subscriptionId: subscription_id)
    path_default_arguments: dict[str, str] = field(default_factory=dict)
    #: where the requirements offer other ways than the key's (alternative credentials):
    #: every way, as the settings it wants ("api_key" and credentials' names), the
    #: document's own requirement first; empty where the key's way is the only one
    ways: list[list[str]] = field(default_factory=list)
    #: the ways the document's own requirement offers (operations that name none)
    security: list[list[str]] = field(default_factory=list)
    #: where a scheme's token can be fetched with client credentials (OAuth 2)
    token_flow: TokenFlow | None = None
    #: where the key's scheme is AWS Signature Version 4: the service and the region a
    #: request is signed for (the region where its host names none)
    aws_signing: tuple[str, str] | None = None


@dataclass
class ServerVariable:
    name: str
    default: str
    values: list[str]  # its enum; empty when any value goes
    description: str = ""


@dataclass
class Server:
    url: str  # as the document writes it, {variables} and all
    description: str
    #: x-aliases: other addresses users may give for this server (normalised: lower
    #: case, no trailing slash); the client sends their requests to `address`
    aliases: list[str] = field(default_factory=list)
    #: `url` with each variable's default in its place (`url` where it has none)
    address: str = ""
    variables: list[ServerVariable] = field(default_factory=list)


@dataclass
class Api:
    title: str
    version: str
    description: str
    openapi_version: str
    sdk: SdkSettings
    servers: list[Server]
    models: list[Model]
    enums: list[Enum]
    aliases: list[Alias]
    operations: list[Operation]
    resources: list[Resource]
    namespaces: list[Namespace]
    diagnostics: list[Diagnostic] = field(default_factory=list)
    #: components.schemas of the bundled document, for fixtures and request validation
    schemas: dict[str, Any] = field(default_factory=dict)
    #: the bundled document itself: the fixtures resolve the references of raw schemas in it
    document: dict[str, Any] = field(default_factory=dict)

    def operation(self, operation_id: str) -> Operation:
        for op in self.operations:
            if op.operation_id == operation_id:
                return op
        raise KeyError(operation_id)
