"""Stage 3: OpenAPI -> IR, and the naming rules it relies on."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator import ir, naming, openapi, views
from generator.load import load
from generator.parse import parse


def parse_spec(tmp_path: Path, spec: dict) -> ir.Api:
    path = tmp_path / "openapi.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False))
    return parse(load(path))


def spec_with(schemas: dict, paths: dict | None = None, version: str = "3.1.0") -> dict:
    return {"openapi": version, "info": {"title": "Test API", "version": "1"}, "paths": paths or {}, "components": {"schemas": schemas}}


def test_names_are_valid_unique_and_stable() -> None:
    assert naming.snake("getHTTPResponseCode") == "get_http_response_code"
    # an acronym's plural is one word, as a reader says it; a lowercase word after it is not eaten
    assert [naming.snake(t) for t in ("listAPIs", "userIDs", "getURLsForUser", "CPUs2", "APIsV2", "DNSsec")] == [
        "list_apis", "user_ids", "get_urls_for_user", "cpus2", "apis_v2", "dn_ssec"]
    assert naming.pascal("listAPIs") == "ListAPIs" and naming.constant("userIDs") == "USER_IDS"
    # OAuth is one word (20 of the directory's security schemes are named OAuth2: o_auth2 before)
    assert [naming.snake(t) for t in ("OAuth2", "oAuthScopes", "isOAuthEnabled", "noAuth", "OAuthority")] == [
        "oauth2", "oauth_scopes", "is_oauth_enabled", "no_auth", "o_authority"]
    assert naming.constant("OAuth2") == "OAUTH2" and naming.pascal("oAuth2Token") == "OAuth2Token"
    assert naming.pascal("pet-store item") == "PetStoreItem"
    assert naming.attribute_name("class") == "class_"
    assert naming.attribute_name("match") == "match_"  # soft keyword
    assert naming.attribute_name("1st") == "n_1st"
    assert naming.attribute_name("model_config") == "model_config_"  # would clash with pydantic
    assert naming.class_name("list") == "List"
    assert naming.class_name("str") == "Str"
    assert naming.enum_member("") == "EMPTY"
    assert naming.enum_member("a-b c") == "A_B_C"
    assert naming.enum_member(-1) == "MINUS_1"
    assert naming.snake("Zürich Straße") == "zurich_strae"
    assert naming.unique(["a", "a", "a_", "a"]) == ["a", "a2", "a_", "a3"]


def test_all_of_is_merged(tmp_path: Path) -> None:
    api = parse_spec(tmp_path, spec_with({
        "Base": {"type": "object", "required": ["id"], "properties": {"id": {"type": "integer"}}},
        "Pet": {"allOf": [{"$ref": "#/components/schemas/Base"}, {"type": "object", "properties": {"name": {"type": "string"}}}]},
    }))
    pet = next(m for m in api.models if m.name == "Pet")
    assert [(f.name, f.required) for f in pet.fields] == [("id", True), ("name", False)]


def test_discriminated_union_with_mapping(tmp_path: Path) -> None:
    api = parse_spec(tmp_path, spec_with({
        "Cat": {"type": "object", "required": ["kind"], "properties": {"kind": {"const": "cat"}, "lives": {"type": "integer"}}},
        "Dog": {"type": "object", "required": ["kind"], "properties": {"kind": {"type": "string", "enum": ["dog"]}}},
        "Pet": {"oneOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}],
                "discriminator": {"propertyName": "kind", "mapping": {"cat": "#/components/schemas/Cat", "dog": "#/components/schemas/Dog"}}},
    }))
    pet = next(a for a in api.aliases if a.name == "Pet")
    assert pet.discriminator == "kind"
    assert [(v.type.name, v.tag) for v in pet.variants] == [("Cat", "cat"), ("Dog", "dog")]
    assert pet.fallback == "UnknownVariant"


def test_nullable_in_both_versions(tmp_path: Path) -> None:
    api30 = parse_spec(tmp_path, spec_with({"T": {"type": "object", "properties": {"a": {"type": "string", "nullable": True}}}}, version="3.0.3"))
    api31 = parse_spec(tmp_path, spec_with({"T": {"type": "object", "properties": {"a": {"type": ["string", "null"]}}}}))
    for api in (api30, api31):
        field = api.models[0].fields[0]
        assert field.type == ir.TypeRef(ir.PRIMITIVE, "str", nullable=True)


def test_enums_with_awkward_values(tmp_path: Path) -> None:
    api = parse_spec(tmp_path, spec_with({"E": {"type": "string", "enum": ["a", "A", "", "1x", "class", "a"]}}))
    enum = api.enums[0]
    assert [m.value for m in enum.members] == ["a", "A", "", "1x", "class"]
    names = [m.name for m in enum.members]
    assert len(set(names)) == len(names) and all(n.isidentifier() for n in names)


def test_inline_schemas_get_deterministic_names(tmp_path: Path) -> None:
    paths = {"/pets/{pet id}/": {"post": {
        "operationId": "createPet",
        "parameters": [{"name": "pet id", "in": "path", "required": True, "schema": {"type": "string"}}],
        "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {"class": {"type": "string"}}}}}},
        "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"type": "object", "properties": {"inner": {"type": "object", "properties": {"x": {"type": "integer"}}}}}}}}},
    }}}
    api = parse_spec(tmp_path, spec_with({}, paths))
    assert [m.name for m in api.models] == ["CreatePetBody", "CreatePetResponse", "CreatePetResponseInner"]
    op = api.operations[0]
    assert op.path_params[0].name == "pet_id" and op.path_params[0].wire_name == "pet id"
    assert op.body.fields[0].name == "class_" and op.body.fields[0].wire_name == "class"


def test_project_extensions_are_read(tmp_path: Path) -> None:
    from tests.conftest import curated_api

    api = curated_api()
    create = api.operation("query_create")
    assert create.idempotent and create.long_running and create.long_running.poll == "query_retrieve"
    assert create.scopes == ["query:read"]
    listing = api.operation("insight_variables_list")
    assert listing.pagination.style == "page" and listing.pagination.item_type.name == "InsightVariable"
    env = api.operation("environments_query_create")
    assert env.namespace == "environments" and env.name == "create"
    assert [c.name for c in create.cli] == ["run"]


def test_an_allof_that_admits_no_value_is_warned_about_where_it_is(tmp_path: Path) -> None:
    """readmeio/oas-examples' `allOf: [{type: string}, {type: integer}]`: the generator
    types it as one of its members (the first that is a $ref) and says, located, that no
    value meets it."""
    api = parse_spec(tmp_path, spec_with({
        "Count": {"type": "integer"},
        "Odd": {"type": "object", "properties": {
            "both": {"allOf": [{"type": "string"}, {"$ref": "#/components/schemas/Count"}]},
            "whole": {"type": "number", "allOf": [{"$ref": "#/components/schemas/Count"}]},
            "object_and_text": {"allOf": [{"type": "object", "properties": {"a": {"type": "string"}}}, {"type": "string"}]},
        }},
    }))
    found = [(d.pointer, d.message) for d in api.diagnostics if "admits no value" in d.message]
    assert found == [
        ("/components/schemas/Odd/properties/both/allOf", "allOf of string and integer admits no value (no value is of all these types)"),
        ("/components/schemas/Odd/properties/object_and_text/allOf",
         "allOf of object and string admits no value (no value is of all these types)"),
    ]
    odd = next(m for m in api.models if m.name == "Odd")
    assert next(f for f in odd.fields if f.name == "both").type.name == "Count"
    assert all(d.location.line for d in api.diagnostics)


def test_a_path_parameter_the_path_does_not_hold_is_left_out_with_a_warning(tmp_path: Path) -> None:
    """openapi-generator's issue-17485: `username` declared `in: path` of `/user`. The
    method took it and no request carried it: what the caller gave was dropped."""
    api = parse_spec(tmp_path, spec_with({}, paths={"/user/{id}": {"get": {
        "operationId": "getUser",
        "parameters": [
            {"name": "username", "in": "path", "required": True, "schema": {"type": "string"}},
            {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}},
        ],
        "responses": {"204": {"description": "ok"}},
    }}}))
    [op] = api.operations
    assert [(p.wire_name, p.location) for p in op.parameters] == [("id", "path")]
    [warning] = [d for d in api.diagnostics if "does not appear" in d.message]
    assert warning.message == "path parameter 'username' does not appear in /user/{id}; it is left out"
    assert warning.pointer == "/paths/~1user~1{id}/get/parameters/0" and warning.location.line


def test_no_field_hides_what_the_models_base_class_has() -> None:
    """openapi-generator's model-attribute-alias.yaml: properties named model_dump and
    to_dict became fields that hid the base class's methods, which mypy --strict refused."""
    import sys

    from tests.conftest import GENERATED

    sys.path.insert(0, str(GENERATED))
    try:
        from posthog_api._models import BaseModel
    finally:
        sys.path.remove(str(GENERATED))
    public = {name for name in dir(BaseModel) if not name.startswith("_")}
    assert public <= naming.MODEL_RESERVED, sorted(public - naming.MODEL_RESERVED)
    assert [naming.attribute_name(n) for n in ("model_dump", "to_dict", "modelName")] == ["model_dump_", "to_dict_", "model_name"]


def test_server_aliases_are_normalised_urls_and_anything_else_is_warned_about(tmp_path: Path) -> None:
    spec = spec_with({})
    spec["servers"] = [
        {"url": "https://api.example.com", "x-aliases": ["https://Ingest.Example.com/", "javascript:alert(1)", 7]},
        {"url": "https://eu.example.com", "x-aliases": "https://x.example.com"},
    ]
    api = parse_spec(tmp_path, spec)
    assert [s.aliases for s in api.servers] == [["https://ingest.example.com"], []]
    assert len([d for d in api.diagnostics if "x-aliases" in d.pointer]) == 3
    assert all(d.location.line for d in api.diagnostics)  # located at file:line:col


def test_a_server_variable_with_no_default_leaves_no_default_address_with_a_located_warning(tmp_path: Path) -> None:
    spec = spec_with({})
    spec["servers"] = [{"url": "https://{tenant}.example.com/{v}", "variables": {"tenant": {"enum": ["a"]}, "v": {"default": 2}}}]
    api = parse_spec(tmp_path, spec)
    assert api.servers[0].address == "https://{tenant}.example.com/2"
    settings = views.build(api).settings
    assert settings.default_base_url == ""
    assert settings.no_server == "names no address the client can use (https://{tenant}.example.com/2)"
    found = [(d.pointer, d.message) for d in api.diagnostics if "server variable" in d.message]
    assert found == [("/servers/0/url", "server variable 'tenant' has no default that makes a host; unless another server has a host, "
                      "the client has no default address and wants base_url")]
    assert all(d.location.line for d in api.diagnostics if "server variable" in d.message)


@pytest.mark.parametrize(("successes", "accept"), [
    ([["application/json"], []], ""),  # JSON, or a 204: the client's usual header
    ([["application/json; charset=utf-8", "text/csv"]], ""),
    ([["application/xml", "application/json"]], ""),  # JSON is what the client reads
    ([["text/csv"]], "text/csv"),
    ([["application/xml", "text/xml"]], "application/xml, text/xml"),
    ([["application/vnd.api+json"]], "application/vnd.api+json"),
    ([["application/vnd.a+json"], ["application/vnd.b+json", "application/json"]], ""),
    ([["text/plain"], ["application/json"]], "application/json, text/plain"),  # each status asked for
    ([["application/json", "text/event-stream"]], "application/json, text/event-stream"),
    ([["*/*"]], ""),
    ([["application/pdf", "*/*"]], "application/pdf, */*"),
    ([["applicationjson"]], ""),  # loket.nl's name for JSON
    ([["PDF"]], "*/*"),  # truora's: no media type, and not JSON either
    ([["PDF"], ["application/json"]], "application/json, */*"),
    ([["text/plain\r\nX-Injected: 1", "image/*"]], "image/*"),  # no header can carry it
    ([["application/ld+json; profile=\"x\""]], ""),  # a quoted parameter: JSON, as usual
])
def test_accept_asks_for_every_success_the_document_lists(successes: list[list[str]], accept: str) -> None:
    assert openapi.accept_header(successes) == accept



def test_subclasses_of_polymorphic_bases_and_what_stays_flat(tmp_path: Path) -> None:
    """Each schema extending a base with a discriminator (allOf, at any depth) is its
    subclass, and the base's table names each by its mapping entry (the base's, then its
    bases'), x-ms-discriminator-value or schema name; a schema extending two bases of
    families, or extending one in a circle, stays a class of its own, the first with a
    warning. A base comes before its subclasses whatever the document's order. A subtype
    that names its own values of the base's enum (an enum of some, a const) takes the
    base's enum, and one that gives no type (Any) stays a subtype; a value the base's
    enum lacks is another type."""
    def extend(*bases: str, **properties: dict) -> dict:
        return {"allOf": [{"$ref": f"#/components/schemas/{b}"} for b in bases],
                "properties": properties or {"x": {"type": "string"}}}

    api = parse_spec(tmp_path, spec_with({
        "Leaf": {**extend("Middle", size={"type": "integer"}), "x-ms-discriminator-value": "leaf-value"},
        "Middle": extend("Root"),
        "Root": {"type": "object", "required": ["kind"], "properties": {"kind": {"type": "string"}},
                 "discriminator": {"propertyName": "kind", "mapping": {"mid": "Middle"}}},
        "Other": {"type": "object", "properties": {"type": {"type": "string"}}, "discriminator": {"propertyName": "type"}},
        "Both": extend("Root", "Other"),
        "LoopA": {**extend("LoopB"), "discriminator": {"propertyName": "kind"}},
        "LoopB": extend("LoopA"),
        # a subtype naming its own value in an enum, or giving no type: still a subclass
        "Animal": {"type": "object", "required": ["sort"], "discriminator": {"propertyName": "sort"},
                   "properties": {"sort": {"type": "string", "enum": ["cat", "dog", "emu"]}}},
        "Cat": extend("Animal", sort={"type": "string", "enum": ["cat"]}),
        "Dog": extend("Animal", sort={"type": "string", "const": "dog"}),
        "Emu": extend("Animal", sort={"description": "an emu"}),
        "Eel": extend("Animal", sort={"type": "string", "enum": ["eel"]}),
    }))
    models = {m.name: m for m in api.models}
    assert (models["Leaf"].base, models["Middle"].base, models["Root"].base) == ("Middle", "Root", None)
    assert models["Root"].discriminator == "kind"
    assert models["Root"].subtypes == {"mid": "Middle", "leaf-value": "Leaf"}
    assert models["Leaf"].inherited == ["kind", "x"] and [f.name for f in models["Leaf"].fields] == ["kind", "x", "size"]
    assert models["Both"].base is None and models["LoopA"].base is None and models["Other"].subtypes == {}
    warned = [d.message for d in api.diagnostics if "Both extends" in d.message]
    assert warned == ["Both extends Root and Other, each with subclasses of its own; a class has one base here, "
                      "so it is read as a class of its own"]
    order = [m.name for m in api.models]
    assert order.index("Root") < order.index("Middle") < order.index("Leaf")
    sort = {name: next(f.type for f in models[name].fields if f.wire_name == "sort") for name in ("Cat", "Dog", "Emu")}
    assert [models[name].base for name in ("Cat", "Dog", "Emu", "Eel")] == ["Animal", "Animal", "Animal", None]
    assert sort["Cat"] == sort["Dog"] == next(f.type for f in models["Animal"].fields) and sort["Emu"].kind == "any"
    assert any("Eel extends Animal but redefines property 'sort' as another type" in d.message for d in api.diagnostics)


@pytest.mark.parametrize(
    ("info", "server", "authtype", "signing"),
    [
        # the document's signing name first; the region its server's variable defaults to
        ({"x-aws-signingName": "sqs", "x-serviceName": "queues"}, "https://queues.{region}.amazonaws.com",
         "awsSigv4", ("sqs", "us-east-1")),
        # else the AWS host's endpoint prefix (APIs.guru's name differs: elasticloadbalancingv2)
        ({"x-serviceName": "elasticloadbalancingv2"}, "https://elasticloadbalancing.eu-west-2.amazonaws.com",
         "awsSigv4", ("elasticloadbalancing", "eu-west-2")),
        # else that name (S3's host has variables in it; its awsS3 takes Signature Version 4 too)
        ({"x-serviceName": "s3"}, "http://s3{dash-or-dot}{region}.amazonaws.com", "awsS3", ("s3", "us-east-1")),
        # an API Gateway API on a domain of its own
        ({}, "https://api.example.com/v1", "awsSigv4", ("execute-api", "us-east-1")),
        ({}, "https://abc123.execute-api.ap-south-1.amazonaws.com/prod", "awsSigv4", ("execute-api", "ap-south-1")),
    ],
)
def test_an_aws_signature_is_made_for_the_documents_service_and_region(
        tmp_path: Path, info: dict, server: str, authtype: str, signing: tuple[str, str]) -> None:
    spec = spec_with({}, {"/x": {"get": {"operationId": "getX", "responses": {"204": {"description": "none"}}}}}, "3.0.3")
    spec["info"].update(info)
    spec["servers"] = [{"url": server, "variables": {"region": {"default": "us-east-1"},
                                                      "dash-or-dot": {"default": "."}}}] if "{" in server else [{"url": server}]
    spec["components"]["securitySchemes"] = {"hmac": {"type": "apiKey", "in": "header", "name": "Authorization",
                                                      "x-amazon-apigateway-authtype": authtype}}
    spec["security"] = [{"hmac": []}]
    sdk = parse_spec(tmp_path, spec).sdk
    assert (sdk.auth_scheme, sdk.aws_signing, sdk.api_key_env) == ("aws-sigv4", signing, "AWS_ACCESS_KEY_ID")
    assert [(c.name, c.env, c.alternative) for c in sdk.credentials] == [
        ("aws_secret_access_key", "AWS_SECRET_ACCESS_KEY", False), ("aws_session_token", "AWS_SESSION_TOKEN", True)]


def test_an_aws_signature_that_is_not_the_keys_scheme_is_no_way_to_authenticate(tmp_path: Path) -> None:
    """DeepArtEffects names an API key and an awsSigv4 scheme: the client sends the key,
    and offers no setting it would never send."""
    op = {"operationId": "getX", "responses": {"204": {"description": "none"}}}
    spec = spec_with({}, {"/x": {"get": {**op, "security": [{"api_key": []}]}},
                          "/y": {"get": {**op, "operationId": "getY", "security": [{"sigv4": []}]}}}, "3.0.3")
    spec["components"]["securitySchemes"] = {
        "api_key": {"type": "apiKey", "in": "header", "name": "x-api-key"},
        "sigv4": {"type": "apiKey", "in": "header", "name": "Authorization", "x-amazon-apigateway-authtype": "awsSigv4"}}
    sdk = parse_spec(tmp_path, spec).sdk
    assert (sdk.auth_scheme, sdk.auth_header, sdk.aws_signing) == ("header", "x-api-key", None)
    assert all(not c.location.startswith("aws-") for c in sdk.credentials)


def test_a_summary_made_from_the_operation_id_leaves_out_its_http_method() -> None:
    """AWS's query operations are `GET_GetCallerIdentity` and `POST_GetCallerIdentity`,
    with no summary: "Get get caller identity" said the method's word twice."""
    def op(operation_id: str, method: str, summary: str = "") -> ir.Operation:
        return ir.Operation(operation_id=operation_id, method=method, path="/", tag="", namespace=None, name="x",
                            pointer="", summary=summary)
    assert views.summary_of(op("GET_GetCallerIdentity", "get")) == "Get caller identity"
    assert views.summary_of(op("POST_GetCallerIdentity", "post")) == "Get caller identity"
    assert views.summary_of(op("listListItems", "get")) == "List list items"  # (a word that is no prefix stays)
    assert views.summary_of(op("GET_x", "post")) == "Get x"
    assert views.summary_of(op("GET_x", "get", summary="Read  the  thing")) == "Read the thing"


def test_aws_signature_version_2_is_a_warning(tmp_path: Path) -> None:
    """SimpleDB's and Import/Export's scheme: a signature the client does not write."""
    spec = spec_with({}, {"/x": {"get": {"operationId": "getX", "responses": {"204": {"description": "none"}}}}}, "3.0.3")
    spec["components"]["securitySchemes"] = {"hmac": {"type": "apiKey", "in": "header", "name": "Authorization",
                                                      "x-amazon-apigateway-authtype": "awsSigv2"}}
    spec["security"] = [{"hmac": []}]
    api = parse_spec(tmp_path, spec)
    assert api.sdk.auth_scheme == "header" and api.sdk.aws_signing is None
    assert any("Signature Version 2" in d.message and d.pointer.endswith("/x-amazon-apigateway-authtype")
               for d in api.diagnostics)
