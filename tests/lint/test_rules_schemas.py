"""required, enum, nullable, discriminator, unused components, named success responses."""

from __future__ import annotations

from spec_builders import CLEAN_SPEC, LintYaml, add_schemas

SPEC_30 = """\
openapi: 3.0.3
info: {title: Old API, version: '1'}
paths: {}
components:
  schemas:
    Maybe:
      nullable: true
      allOf:
        - {type: string}
"""

def _use(spec: str, schema: str) -> str:
    """Make ItemPage.results use `schema` too, so it is not an unused component."""
    return spec.replace(
        "          items:\n            $ref: '#/components/schemas/Item'\n",
        f"          items:\n            anyOf:\n              - $ref: '#/components/schemas/Item'\n              - $ref: '#/components/schemas/{schema}'\n",
    )


def test_required_defined(lint_yaml: LintYaml) -> None:
    result = lint_yaml(CLEAN_SPEC.replace("required: [id, name]", "required: [id, name, colour]"))
    assert result.positions("schema-required-defined") == [result.at("colour")]


def test_required_defined_sees_allof_members_and_the_parent_of_oneof_branches(lint_yaml: LintYaml) -> None:
    spec = add_schemas(
        _use(CLEAN_SPEC, "Named"),
        """\
        Named:
          allOf:
            - $ref: '#/components/schemas/Item'
            - required: [name, label]
              properties:
                label: {type: string}
          oneOf:
            - required: [label]
            - required: [nickname]
        """,
    )
    result = lint_yaml(spec)
    assert result.positions("schema-required-defined") == [result.at("nickname")]


def test_enum_unique_and_typed(lint_yaml: LintYaml) -> None:
    result = lint_yaml(CLEAN_SPEC.replace("enum: [small, large, null]", "enum: [tiny, large, tiny, 42, null]"))
    assert result.positions("schema-enum") == [result.at("tiny", 2), result.at("42")]
    assert result.messages("schema-enum") == ["enum value 'tiny' is listed twice", "enum value 42 is not of type string or null"]


def test_nullable_in_31(lint_yaml: LintYaml) -> None:
    result = lint_yaml(CLEAN_SPEC.replace("detail: {type: string}", "detail: {type: string, nullable: true}"))
    assert result.positions("schema-nullable") == [result.after("nullable: ")]


def test_nullable_type_without_null_in_enum(lint_yaml: LintYaml) -> None:
    result = lint_yaml(CLEAN_SPEC.replace("enum: [small, large, null]", "enum: [small, large]"))
    assert result.positions("schema-nullable") == [result.at("[small, large]")]


def test_nullable_in_30_needs_a_type(lint_yaml: LintYaml) -> None:
    result = lint_yaml(SPEC_30)
    assert result.positions("schema-nullable") == [result.after("nullable: ")]


def test_discriminator(lint_yaml: LintYaml) -> None:
    spec = add_schemas(
        _use(CLEAN_SPEC, "Pet"),
        """\
        Pet:
          oneOf:
            - $ref: '#/components/schemas/Cat'
            - $ref: '#/components/schemas/Dog'
          discriminator:
            propertyName: kind
            mapping:
              cat: Cat
              dog: '#/components/schemas/Dog'
              bird: Bird
        Cat:
          type: object
          required: [kind]
          properties:
            kind: {type: string}
        Dog:
          type: object
          properties:
            kind: {type: string}
        """,
    )
    result = lint_yaml(spec)
    assert result.positions("schema-discriminator") == [result.after("dog: "), result.after("bird: ")]
    assert result.messages("schema-discriminator") == [
        "Dog does not require the discriminator property 'kind'",
        "discriminator mapping target '#/components/schemas/Bird' does not exist",
    ]


def test_unused_component_follows_references(lint_yaml: LintYaml) -> None:
    spec = add_schemas(
        CLEAN_SPEC,
        """\
        Orphan:
          title: An orphan
          type: object
          properties:
            child: {$ref: '#/components/schemas/OrphanChild'}
        OrphanChild: {type: string}
        """,
    )
    result = lint_yaml(spec)
    assert result.positions("unused-component") == [result.at("title: An orphan"), result.after("OrphanChild: ")]


def test_success_response_named_schema(lint_yaml: LintYaml) -> None:
    inline = "                type: object\n                properties:\n                  id: {type: string}\n"
    result = lint_yaml(CLEAN_SPEC.replace("                $ref: '#/components/schemas/Item'\n        '404'", inline + "        '404'"))
    assert result.positions("success-response-named-schema") == [result.at("type: object\n                properties")]


def test_pattern_written_as_a_javascript_literal(lint_yaml: LintYaml) -> None:
    spec = add_schemas(
        _use(CLEAN_SPEC, "Code"),
        """\
        Code:
          type: object
          properties:
            name: {type: string, pattern: '/^.*[a-z]+.*$/i'}
            base: {type: string, pattern: '/^[0-9]+$/'}
            route: {type: string, pattern: '/users/.+/'}
            plain: {type: string, pattern: '^[a-z]+$'}
        """,
    )
    result = lint_yaml(spec)
    lines = [line for line, _ in result.positions("schema-pattern-literal")]
    assert lines == [result.at("'/^.*[a-z]+.*$/i'")[0], result.at("'/^[0-9]+$/'")[0]]
    assert "write '^.*[a-z]+.*$'; flags (i) cannot be given" in result.messages("schema-pattern-literal")[0]


def test_an_allof_whose_members_admit_no_common_type(lint_yaml: LintYaml) -> None:
    spec = add_schemas(
        _use(_use(CLEAN_SPEC, "Impossible"), "Fine"),
        """\
        Count: {type: integer}
        Impossible:
          type: object
          properties:
            both:
              allOf: [{type: string}, {$ref: '#/components/schemas/Count'}]
        Fine:
          type: object
          properties:
            whole: {type: number, allOf: [{$ref: '#/components/schemas/Count'}]}
            either: {allOf: [{type: [string, 'null']}, {type: ['null', integer]}]}
            untyped: {allOf: [{type: string}, {minLength: 1}]}
        """,
    )
    result = lint_yaml(spec)
    assert result.positions("schema-allof-types") == [result.at("[{type: string}, {$ref")]
    [finding] = [f for f in result.findings if f.code == "schema-allof-types"]
    assert finding.message == "allOf of string and integer admits no value: no value is of all these types"


def test_a_loop_of_required_properties(lint_yaml: LintYaml) -> None:
    """ReadMe's circular-request-bodies: a TreeNode that requires a TreeNode `parent`. A
    loop through an allOf and an array of at least one item counts; a nullable or
    optional step breaks it."""
    spec = add_schemas(
        _use(_use(_use(_use(CLEAN_SPEC, "TreeNode"), "Person"), "Root"), "Chain"),
        """\
        TreeNode:
          type: object
          required: [parent]
          properties:
            parent: {$ref: '#/components/schemas/TreeNode'}
        Person:
          type: object
          required: [employer]
          properties:
            employer: {$ref: '#/components/schemas/Company'}
        Company:
          allOf:
            - $ref: '#/components/schemas/Staffed'
        Staffed:
          type: object
          required: [staff]
          properties:
            staff: {type: array, minItems: 1, items: {$ref: '#/components/schemas/Person'}}
        Root:
          type: object
          required: [parent]
          properties:
            parent: {$ref: '#/components/schemas/Optional'}
        Optional:
          type: [object, 'null']
          required: [root]
          properties:
            root: {$ref: '#/components/schemas/Root'}
        Chain:
          type: object
          required: [next]
          properties:
            next: {type: array, items: {$ref: '#/components/schemas/Chain'}}
        """,
    )
    result = lint_yaml(spec)
    found = [(f.pointer, f.message) for f in result.findings if f.code == "schema-required-cycle"]
    assert found == [
        ("/components/schemas/TreeNode/properties/parent",
         "required properties loop (TreeNode.parent -> TreeNode): no finite value meets TreeNode; make one of them optional or nullable"),
        ("/components/schemas/Person/properties/employer",
         "required properties loop (Person.employer -> Company.staff -> Person): no finite value meets Person; "
         "make one of them optional or nullable"),
    ]


def test_a_oneof_that_lists_a_branch_twice(lint_yaml: LintYaml) -> None:
    """App Store Connect's `oneOf: [$ref AppCategory, $ref AppCategory]`: a value matching
    the branch matches two, which oneOf rejects. anyOf may repeat a branch harmlessly."""
    spec = add_schemas(
        _use(_use(CLEAN_SPEC, "Twice"), "Fine"),
        """\
        Twice:
          type: object
          properties:
            category:
              oneOf: [{$ref: '#/components/schemas/Item'}, {type: string}, {$ref: '#/components/schemas/Item'}]
            nothing:
              oneOf: [{type: 'null'}, {type: 'null'}]
        Fine:
          type: object
          properties:
            any: {anyOf: [{$ref: '#/components/schemas/Item'}, {$ref: '#/components/schemas/Item'}]}
            distinct: {oneOf: [{type: string}, {type: string, format: date}]}
        """,
    )
    result = lint_yaml(spec)
    found = [(f.pointer, f.message) for f in result.findings if f.code == "schema-oneof-duplicate"]
    assert found == [
        ("/components/schemas/Twice/properties/category/oneOf/2",
         "oneOf lists #/components/schemas/Item twice (branches 0 and 2): a value matching it matches two branches, "
         "which oneOf rejects; list it once"),
        ("/components/schemas/Twice/properties/nothing/oneOf/1",
         "oneOf lists the same schema twice (branches 0 and 1): a value matching it matches two branches, "
         "which oneOf rejects; list it once"),
    ]


def test_one_of_branches_alike_but_for_descriptions_and_examples(lint_yaml: LintYaml) -> None:
    """Otoroshi's JWT `source`: oneOf InQueryParam, InHeader, InCookie, where the first and
    the last are `{type, name}` objects that differ in their descriptions and examples
    alone: a value of one is a value of the other, so no value meets the oneOf (Prism
    refused every one the contract tests sent)."""
    spec = add_schemas(
        _use(_use(_use(_use(_use(CLEAN_SPEC, "Source"), "Told"), "Tagged"), "AssetId"), "Stamp"),
        """\
        Source:
          oneOf: [{$ref: '#/components/schemas/InQuery'}, {$ref: '#/components/schemas/InHeader'},
                  {$ref: '#/components/schemas/InCookie'}]
        InQuery:
          type: object
          required: [type, name]
          properties:
            type: {type: string, description: String with value InQuery, example: InQuery}
            name: {type: string, description: Name of the query param}
        InHeader:
          type: object
          required: [type, name, remove]
          properties:
            type: {type: string}
            name: {type: string}
            remove: {type: string}
        InCookie:
          type: object
          description: JWT location in a cookie
          required: [type, name]
          properties:
            type: {type: string, description: String with value InCookie, example: InCookie}
            name: {type: string, description: Name of the cookie}
        Tagged:
          oneOf: [{$ref: '#/components/schemas/InQuery'}, {$ref: '#/components/schemas/InCookie'}]
          discriminator: {propertyName: type}
        Told:
          oneOf:
            - {type: object, properties: {kind: {type: string, enum: [query]}, description: {type: string}}}
            - {type: object, properties: {kind: {type: string, enum: [cookie]}, title: {type: string}}}
        AssetId:
          oneOf: [{type: string, format: asset-upload-id}, {type: string, format: asset-id}]
        Stamp:
          oneOf: [{type: string, format: date-time}, {type: string, format: uuid}]
        """,
    )
    result = lint_yaml(spec)
    found = [(f.pointer, f.message) for f in result.findings if f.code == "schema-oneof-duplicate"]
    assert sorted(found) == [
        # Shutterstock's asset id: two strings whose formats no validator knows
        ("/components/schemas/AssetId/oneOf/1",
         "oneOf branches 0 and 1 differ only in descriptions, examples or formats no validator knows: a value matching "
         "one matches both, which oneOf rejects; list one, or tell them apart (an enum or const on a property such as "
         "`type`, a pattern)"),
        ("/components/schemas/Source/oneOf/2",
         "oneOf branches 0 and 2 differ only in descriptions, examples or formats no validator knows: a value matching "
         "one matches both, which oneOf rejects; list one, or tell them apart (an enum or const on a property such as "
         "`type`, a pattern)"),
    ]


def test_bounds_that_no_value_meets(lint_yaml: LintYaml) -> None:
    """Zuora's query job id: a uuid of exactly 64 characters. The contract test could send
    no value the mock accepts; lint names why."""
    spec = add_schemas(
        _use(_use(CLEAN_SPEC, "Bounded"), "Fine"),
        """\
        Bounded:
          type: object
          properties:
            job: {type: string, format: uuid, minLength: 64, maxLength: 64}
            day: {type: string, format: date, maxLength: 8}
            size: {type: integer, minimum: 10, maximum: 1}
            tags: {type: array, minItems: 3, maxItems: 2, items: {type: string}}
        Fine:
          type: object
          properties:
            job: {type: string, format: uuid, minLength: 36, maxLength: 36}
            day: {type: string, format: date, minLength: 1, maxLength: 10}
            size: {type: number, minimum: 1.5, maximum: 1.5}
        """,
    )
    result = lint_yaml(spec)
    found = [(f.pointer, f.message) for f in result.findings if f.code == "schema-bounds"]
    assert found == [
        ("/components/schemas/Bounded/properties/job/minLength",
         "a uuid is 36 characters long, which minLength 64 excludes: no value meets both"),
        ("/components/schemas/Bounded/properties/day/maxLength",
         "a date is 10 characters long, which maxLength 8 excludes: no value meets both"),
        ("/components/schemas/Bounded/properties/size/minimum", "minimum 10 is more than maximum 1: no value meets both"),
        ("/components/schemas/Bounded/properties/tags/minItems", "minItems 3 is more than maxItems 2: no value meets both"),
    ]
