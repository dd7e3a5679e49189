"""The catalogue of change rules: every kind of change `sdkgen diff` and `sdkgen upstream`
report, as data.

Two families:

* spec-level rules (`RULES`), named the way oasdiff names its checks (kebab-case,
  area-subject-change: `request-property-became-required`), each with the area of the
  document it is about, the kind and action of the change, the direction of the data
  it affects (request / response / none) and a level: `breaking` (a client that worked
  may stop working), `warning` (it may, depending on what the client does) or `info`;
* SDK-level rules (`SDK_RULES`): what a change does to the generated package's public
  surface (`client.<resource>.<method>(...)`, models, enums), each with the semantic
  version bump it calls for.

Every rule is also a diagnostic code (`diagnostics.code`), so that findings print through
the one renderer every stage uses; levels map to severities as breaking -> error,
warning -> warning, info -> info (and major -> error, minor/patch -> info).

`python -m generator.diff.rules` prints docs/diff-rules.md; tests/diff/test_rules.py keeps that file
equal to the catalogue.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..diagnostics import CODES, code

LEVELS = ("breaking", "warning", "info")
BUMPS = ("major", "minor", "patch")
AREAS = ("paths", "parameters", "request-body", "responses", "schemas", "security")
KINDS = ("existence", "requiredness", "type", "values", "constraints", "structure", "lifecycle")
ACTIONS = ("add", "remove", "change")
DIRECTIONS = ("request", "response", "none")

SEVERITY_OF_LEVEL = {"breaking": "error", "warning": "warning", "info": "info"}
SEVERITY_OF_BUMP = {"major": "error", "minor": "info", "patch": "info"}


@dataclass(frozen=True)
class Rule:
    """One kind of spec-level change."""

    id: str
    area: str
    kind: str
    action: str
    direction: str
    level: str
    summary: str


@dataclass(frozen=True)
class SdkRule:
    """One kind of change to the generated package; `bump` is what it calls for (some
    changes call for less in a stated case, given in `note`)."""

    id: str
    bump: str
    summary: str
    note: str = ""


RULES: dict[str, Rule] = {}
SDK_RULES: dict[str, SdkRule] = {}


def _rule(rule_id: str, area: str, kind: str, action: str, direction: str, level: str, summary: str) -> None:
    assert area in AREAS and kind in KINDS and action in ACTIONS, rule_id
    assert direction in DIRECTIONS and level in LEVELS, rule_id
    assert rule_id not in RULES, rule_id
    RULES[rule_id] = Rule(rule_id, area, kind, action, direction, level, summary)
    if rule_id not in CODES:
        code(rule_id, SEVERITY_OF_LEVEL[level], summary)


def _sdk(rule_id: str, bump: str, summary: str, note: str = "") -> None:
    assert bump in BUMPS and rule_id not in SDK_RULES, rule_id
    SDK_RULES[rule_id] = SdkRule(rule_id, bump, summary, note)
    if rule_id not in CODES:
        code(rule_id, SEVERITY_OF_BUMP[bump], summary)


# -- paths: operations --------------------------------------------------------------

_rule("endpoint-added", "paths", "existence", "add", "none", "info", "an operation was added")
_rule("api-path-removed-without-deprecation", "paths", "existence", "remove", "none", "breaking",
      "a path and all its operations were removed without being deprecated first")
_rule("api-path-removed-with-deprecation", "paths", "existence", "remove", "none", "warning",
      "a path was removed whose operations were all deprecated (announced)")
_rule("api-removed-without-deprecation", "paths", "existence", "remove", "none", "breaking",
      "an operation was removed without being deprecated first")
_rule("api-removed-with-deprecation", "paths", "existence", "remove", "none", "warning",
      "a deprecated operation was removed (announced)")
_rule("endpoint-deprecated", "paths", "lifecycle", "add", "none", "info", "an operation was marked deprecated")
_rule("endpoint-reactivated", "paths", "lifecycle", "remove", "none", "info", "an operation is no longer deprecated")
_rule("api-operation-id-removed", "paths", "structure", "remove", "none", "warning",
      "an operation's operationId was removed or changed (generated method names follow it)")
_rule("api-operation-id-added", "paths", "structure", "add", "none", "info", "an operation got an operationId")
_rule("api-tag-removed", "paths", "structure", "remove", "none", "warning",
      "an operation lost a tag (the SDK groups operations by tag)")
_rule("api-tag-added", "paths", "structure", "add", "none", "info", "an operation got a new tag")

# -- parameters ------------------------------------------------------------------------

_rule("new-required-request-parameter", "parameters", "existence", "add", "request", "breaking",
      "a required parameter was added: existing calls lack it")
_rule("new-optional-request-parameter", "parameters", "existence", "add", "request", "info",
      "an optional parameter was added")
_rule("request-parameter-removed", "parameters", "existence", "remove", "request", "warning",
      "a parameter was removed: the server no longer reads what clients send")
_rule("request-parameter-became-required", "parameters", "requiredness", "change", "request", "breaking",
      "an optional parameter became required")
_rule("request-parameter-became-optional", "parameters", "requiredness", "change", "request", "info",
      "a required parameter became optional")
_rule("request-parameter-deprecated", "parameters", "lifecycle", "add", "request", "info",
      "a parameter was marked deprecated")
_rule("request-parameter-reactivated", "parameters", "lifecycle", "remove", "request", "info",
      "a parameter is no longer deprecated")
_rule("request-parameter-serialization-changed", "parameters", "structure", "change", "request", "warning",
      "a parameter's style or explode changed: the same value is sent differently")

# -- request bodies ----------------------------------------------------------------------

_rule("added-required-request-body", "request-body", "existence", "add", "request", "breaking",
      "a required request body was added")
_rule("added-optional-request-body", "request-body", "existence", "add", "request", "info",
      "an optional request body was added")
_rule("request-body-removed", "request-body", "existence", "remove", "request", "warning",
      "the request body was removed: the server ignores what clients send")
_rule("request-body-became-required", "request-body", "requiredness", "change", "request", "breaking",
      "the request body became required")
_rule("request-body-became-optional", "request-body", "requiredness", "change", "request", "info",
      "the request body became optional")
_rule("request-body-media-type-added", "request-body", "existence", "add", "request", "info",
      "the request body accepts a new media type")
_rule("request-body-media-type-removed", "request-body", "existence", "remove", "request", "breaking",
      "the request body no longer accepts a media type")

# -- responses ---------------------------------------------------------------------------

_rule("response-success-status-added", "responses", "existence", "add", "response", "info",
      "a success status was added")
_rule("response-success-status-removed", "responses", "existence", "remove", "response", "breaking",
      "a success status was removed")
_rule("response-non-success-status-added", "responses", "existence", "add", "response", "info",
      "an error status was added")
_rule("response-non-success-status-removed", "responses", "existence", "remove", "response", "info",
      "an error status was removed")
_rule("response-media-type-added", "responses", "existence", "add", "response", "info",
      "a success response has a new media type")
_rule("response-media-type-removed", "responses", "existence", "remove", "response", "breaking",
      "a success response lost a media type (or its body)")

# -- schemas: properties ------------------------------------------------------------------

_rule("new-required-request-property", "schemas", "existence", "add", "request", "breaking",
      "a required request property was added: existing requests lack it")
_rule("new-optional-request-property", "schemas", "existence", "add", "request", "info",
      "an optional request property was added")
_rule("request-property-removed", "schemas", "existence", "remove", "request", "warning",
      "a request property was removed (or became read-only): the server ignores it")
_rule("request-property-became-required", "schemas", "requiredness", "change", "request", "breaking",
      "an optional request property became required")
_rule("request-property-became-optional", "schemas", "requiredness", "change", "request", "info",
      "a required request property became optional")
_rule("request-property-deprecated", "schemas", "lifecycle", "add", "request", "info",
      "a request property was marked deprecated")
_rule("response-required-property-added", "schemas", "existence", "add", "response", "info",
      "a required response property was added")
_rule("response-optional-property-added", "schemas", "existence", "add", "response", "info",
      "an optional response property was added")
_rule("response-required-property-removed", "schemas", "existence", "remove", "response", "breaking",
      "a required response property was removed (or became write-only)")
_rule("response-optional-property-removed", "schemas", "existence", "remove", "response", "warning",
      "an optional response property was removed (or became write-only)")
_rule("response-property-became-optional", "schemas", "requiredness", "change", "response", "breaking",
      "a required response property became optional: clients may not get it")
_rule("response-property-became-required", "schemas", "requiredness", "change", "response", "info",
      "an optional response property became required")
_rule("response-property-deprecated", "schemas", "lifecycle", "add", "response", "info",
      "a response property was marked deprecated")

# -- schemas: what a value may be ------------------------------------------------------
#
# One family of changes, under three subjects per direction: the parameter's schema
# (request-parameter-...), the body as a whole (request-body-..., response-body-...) and
# any property or item inside it (request-property-..., response-property-...).
# (change, kind, action, request level, response level, summary); None: not reported.

SCHEMA_CHANGES: tuple[tuple[str, str, str, str | None, str | None, str], ...] = (
    ("type-changed", "type", "change", "breaking", "breaking", "the type or format changed"),
    ("type-generalized", "type", "change", "info", None, "the type or format was widened (accepts more)"),
    ("type-specialized", "type", "change", None, "info", "the type or format was narrowed (returns less)"),
    ("became-nullable", "type", "change", "info", "breaking", "null became a valid value"),
    ("became-not-nullable", "type", "change", "breaking", "info", "null is no longer a valid value"),
    ("enum-value-added", "values", "add", "info", "warning", "an enum gained a value"),
    ("enum-value-removed", "values", "remove", "breaking", "info", "an enum lost a value"),
    ("became-enum", "values", "add", "breaking", "info", "the values were restricted to an enum"),
    ("became-not-enum", "values", "remove", "info", "warning", "the values are no longer restricted to an enum"),
    ("default-value-changed", "values", "change", "warning", None, "the default value changed"),
    ("constraint-tightened", "constraints", "change", "breaking", "info",
     "a length, range, size or pattern constraint was added or tightened"),
    ("constraint-loosened", "constraints", "change", "info", "warning",
     "a length, range, size or pattern constraint was removed or loosened"),
    ("one-of-added", "structure", "add", "info", "warning", "a union (oneOf/anyOf) gained a variant"),
    ("one-of-removed", "structure", "remove", "breaking", "info", "a union (oneOf/anyOf) lost a variant"),
)

#: subject -> (direction, area, what it is about)
SUBJECTS = {
    "request-parameter": ("request", "parameters", "parameter"),
    "request-body": ("request", "schemas", "request body"),
    "request-property": ("request", "schemas", "request property or item"),
    "response-body": ("response", "schemas", "response body"),
    "response-property": ("response", "schemas", "response property or item"),
}

for _subject, (_direction, _area, _about) in SUBJECTS.items():
    for _change, _kind, _action, _request_level, _response_level, _summary in SCHEMA_CHANGES:
        _level = _request_level if _direction == "request" else _response_level
        if _level is None:
            continue
        if _change == "default-value-changed" and _subject == "request-body":
            continue
        _rule(f"{_subject}-{_change}", _area, _kind, _action, _direction, _level, f"{_summary} ({_about})")

# -- components and security ------------------------------------------------------------

_rule("api-schema-added", "schemas", "existence", "add", "none", "info", "a component schema was added")
_rule("api-schema-removed", "schemas", "existence", "remove", "none", "info", "a component schema was removed")
_rule("api-security-added", "security", "existence", "add", "none", "info",
      "an operation accepts a new security requirement (an alternative)")
_rule("api-security-removed", "security", "existence", "remove", "none", "breaking",
      "an operation no longer accepts a security requirement, or now needs one where it needed none")
_rule("api-security-scope-added", "security", "values", "add", "none", "breaking",
      "an operation's security requirement needs a new scope: existing keys may lack it")
_rule("api-security-scope-removed", "security", "values", "remove", "none", "info",
      "an operation's security requirement needs one scope fewer")
_rule("api-security-component-added", "security", "existence", "add", "none", "info",
      "a security scheme was added")
_rule("api-security-component-removed", "security", "existence", "remove", "none", "warning",
      "a security scheme was removed")
_rule("api-security-component-type-changed", "security", "type", "change", "none", "warning",
      "a security scheme's type or HTTP scheme changed")

# -- SDK level ---------------------------------------------------------------------------------

_sdk("sdk-method-added", "minor", "a client method was added")
_sdk("sdk-method-removed", "major", "a client method was removed")
_sdk("sdk-method-renamed", "major", "a client method was renamed or moved (same operation, new client.<path>)")
_sdk("sdk-parameter-added-required", "major", "a method gained a required keyword argument")
_sdk("sdk-parameter-added-optional", "minor", "a method gained an optional keyword argument")
_sdk("sdk-parameter-removed", "major", "a method lost a keyword argument")
_sdk("sdk-parameter-renamed", "major", "a keyword argument was renamed (same wire name)")
_sdk("sdk-parameter-retyped", "major", "a keyword argument's type changed")
_sdk("sdk-parameter-widened", "minor", "a keyword argument accepts more (None, or float for int)")
_sdk("sdk-parameter-became-required", "major", "a keyword argument became required")
_sdk("sdk-parameter-became-optional", "minor", "a keyword argument became optional")
_sdk("sdk-return-type-changed", "major", "a method's return type changed",
     "minor when the new type is narrower: every value it returns, the old type allowed")
_sdk("sdk-setting-added", "minor", "the client gained an optional setting (another way to authenticate)")
_sdk("sdk-setting-added-required", "major", "the client gained a required setting (a credential the API "
     "wants beside the key, a path default): a client made without it is refused")
_sdk("sdk-setting-removed", "major", "the client lost a setting (a keyword argument of its constructor)")
_sdk("sdk-setting-became-required", "major", "a client setting became required")
_sdk("sdk-setting-became-optional", "minor", "a client setting became optional")
_sdk("sdk-model-added", "minor", "a model class was added")
_sdk("sdk-model-removed", "major", "a model class was removed")
_sdk("sdk-model-field-added", "minor", "a model gained an optional field, or a required one in a model only returned")
_sdk("sdk-model-field-added-required", "major", "a model that callers build gained a required field")
_sdk("sdk-model-field-removed", "major", "a model lost a field")
_sdk("sdk-model-field-renamed", "major", "a model field's Python name changed (same wire name)")
_sdk("sdk-model-field-retyped", "major", "a model field's type changed",
     "minor when the new type only accepts more and the model is never returned")
_sdk("sdk-model-field-became-optional", "major", "a model field became optional (may be None)",
     "minor when the model is never returned")
_sdk("sdk-model-field-became-required", "major", "a model field became required",
     "minor when callers never build the model")
_sdk("sdk-enum-added", "minor", "an enum class was added")
_sdk("sdk-enum-removed", "major", "an enum class was removed")
_sdk("sdk-enum-member-added", "minor", "an enum gained a member")
_sdk("sdk-enum-member-removed", "major", "an enum lost a member")
_sdk("sdk-enum-member-renamed", "major", "an enum member's Python name changed (same value)")
_sdk("sdk-alias-added", "minor", "a type alias was added")
_sdk("sdk-alias-removed", "major", "a type alias was removed")
_sdk("sdk-alias-retyped", "major", "a type alias now stands for another type")
_sdk("sdk-regenerated", "patch", "the document changed without changing the package's interface (descriptions, examples, ...)")


def rule_for(subject: str, change: str) -> str:
    """The id of a schema-family change for a subject (`request-property`, `type-changed`)."""
    return f"{subject}-{change}"


def level_of(rule_id: str) -> str:
    return RULES[rule_id].level


# -- documentation ---------------------------------------------------------------------

_DOC_INTRO = """\
# Change rules of `sdkgen diff`, `sdkgen release` and `sdkgen upstream`

This file is generated from `generator/diff/rules.py` (`python -m generator.diff.rules >
docs/diff-rules.md`); `tests/diff/test_rules.py` fails when the two differ.

`sdkgen diff BASE HEAD` reports two kinds of change.

**Spec-level** changes are named the way [oasdiff](https://github.com/oasdiff/oasdiff)
names its checks. Each has an *area* of the document, a *kind* and *action*, the
*direction* of the data it affects, and a *level*:

* `breaking`: a client that worked against BASE may fail against HEAD;
* `warning`: it may, depending on what the client does (for instance a response enum
  that gains a value a client does not handle);
* `info`: nothing that worked stops working.

Direction decides most levels: a request that accepts more, or a response that promises
more, is safe; a request that accepts less, or a response that may return something new,
is not. So a new optional response field is `info`, a new required request field is
`breaking`, a response enum gaining a value is a `warning`, a request enum losing one is
`breaking`. Read-only properties are left out of requests and write-only ones out of
responses before comparing, so a property becoming read-only reads as removed from the
request. Schemas are compared after following `$ref`s, merging `allOf` and normalising
the spellings of null (3.0 `nullable`, 3.1 `type: [x, "null"]`, a `null` enum value or
union member), so moving a schema into a component or an enum into a `$ref` is no change.
Constraints compared: `maxLength`, `minLength`, `maximum`, `minimum`, `exclusiveMaximum`,
`exclusiveMinimum`, `maxItems`, `minItems`, `pattern` (oasdiff has one id per keyword;
here one pair, `...-constraint-tightened` / `...-constraint-loosened`, names the keyword
in the message). Success response bodies are compared; error response bodies are not.

In the text, GitHub and SARIF output a level prints as a severity: breaking as `error`,
warning as `warning`, info as `info` (a notice).

**SDK-level** changes compare what the generator makes of each side: client methods
(`client.<resource>.<method>`, matched by operationId), their keyword arguments (matched
by wire name), return types, models and their fields, enums and their members, type
aliases. Each calls for a version bump; the release's bump is the largest of them, `patch`
when the document changed without changing the package's interface, none when nothing
changed. While the version is `0.x`, a `major` bump raises the minor version instead
(0.3.1 -> 0.4.0). Major changes print as `error`, the others as `info`.
"""


def catalogue_markdown() -> str:
    lines = [_DOC_INTRO, "## Spec-level rules", ""]
    for area in AREAS:
        rules = sorted((r for r in RULES.values() if r.area == area), key=lambda r: r.id)
        if not rules:
            continue
        lines += [f"### {area}", "", "| id | level | direction | kind | action | what changed |",
                  "| --- | --- | --- | --- | --- | --- |"]
        lines += [f"| `{r.id}` | {r.level} | {r.direction} | {r.kind} | {r.action} | {r.summary} |" for r in rules]
        lines.append("")
    lines += ["## SDK-level rules", "", "| id | bump | what changed |", "| --- | --- | --- |"]
    for sdk in sorted(SDK_RULES.values(), key=lambda r: r.id):
        note = f" ({sdk.note})" if sdk.note else ""
        lines.append(f"| `{sdk.id}` | {sdk.bump} | {sdk.summary}{note} |")
    lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover - the docs generator
    import sys

    sys.stdout.write(catalogue_markdown())
