"""A clean little spec for the lint tests to break, and what linting it gives."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from dataclasses import dataclass

from generator.diagnostics import Diagnostic as Finding

#: A small OpenAPI 3.1 document with no findings; each test breaks one thing in it.
CLEAN_SPEC = """\
openapi: 3.1.0
info:
  title: Test API
  version: '1.0'
tags:
  - name: items
    description: Things we keep.
security:
  - Key: ['items:read']
x-sdk:
  namespaces:
    environments:
      description: The same operations under /environments/.
paths:
  /items/:
    get:
      operationId: items_list
      tags: [items]
      summary: List items
      description: Lists the items, a page at a time.
      x-pagination:
        style: offset
      parameters:
        - $ref: '#/components/parameters/Limit'
        - $ref: '#/components/parameters/Offset'
      responses:
        '200':
          description: A page of items.
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/ItemPage'
              example:
                count: 1
                next: null
                results:
                  - {id: a1, name: First, kind: small}
        '400':
          $ref: '#/components/responses/BadRequest'
    post:
      operationId: items_create
      tags: [items]
      summary: Create an item
      description: Creates an item.
      security:
        - Key: ['items:write']
      requestBody:
        required: true
        content:
          application/json:
            schema:
              $ref: '#/components/schemas/Item'
            example: {name: First}
      responses:
        '201':
          description: The new item.
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Item'
  /items/{item_id}/:
    parameters:
      - name: item_id
        in: path
        required: true
        schema: {type: string}
    get:
      operationId: items_retrieve
      tags: [items]
      summary: Get an item
      description: Reads one item.
      responses:
        '200':
          description: The item.
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Item'
        '404':
          description: No such item.
components:
  securitySchemes:
    Key:
      type: http
      scheme: bearer
      x-scopes:
        items:read: Read items.
        items:write: Create items.
  parameters:
    Limit:
      name: limit
      in: query
      schema: {type: integer, minimum: 1}
    Offset:
      name: offset
      in: query
      schema: {type: integer, minimum: 0}
  responses:
    BadRequest:
      description: The request was invalid.
      content:
        application/json:
          schema:
            $ref: '#/components/schemas/Error'
  schemas:
    Error:
      type: object
      properties:
        detail: {type: string}
    Item:
      type: object
      required: [id, name]
      properties:
        id: {type: string, readOnly: true}
        name: {type: string}
        kind:
          type: [string, 'null']
          enum: [small, large, null]
    ItemPage:
      type: object
      required: [count, results]
      properties:
        count: {type: integer}
        next: {type: [string, 'null']}
        results:
          type: array
          items:
            $ref: '#/components/schemas/Item'
"""


def add_paths(spec: str, yaml_text: str) -> str:
    """`spec` with more path items (given at the indentation of `paths:` entries)."""
    return spec.replace("components:\n", textwrap.indent(textwrap.dedent(yaml_text), "  ") + "components:\n", 1)


def add_schemas(spec: str, yaml_text: str) -> str:
    """`spec` with more component schemas (given unindented)."""
    return spec + textwrap.indent(textwrap.dedent(yaml_text), "    ")


@dataclass
class Linted:
    text: str
    findings: list[Finding]

    def at(self, needle: str, occurrence: int = 1) -> tuple[int, int]:
        """1-based (line, column) where the `occurrence`-th `needle` starts in the spec text."""
        start = -1
        for _ in range(occurrence):
            start = self.text.index(needle, start + 1)
        line = self.text.count("\n", 0, start) + 1
        return line, start - (self.text.rfind("\n", 0, start) + 1) + 1

    def after(self, needle: str, occurrence: int = 1) -> tuple[int, int]:
        """Where the text right after `needle` starts: `after("x-public: ")` is the value's position."""
        line, col = self.at(needle, occurrence)
        return line, col + len(needle)

    def rules(self) -> set[str]:
        return {f.code for f in self.findings}

    def positions(self, rule: str) -> list[tuple[int, int]]:
        return [(f.location.line, f.location.col) for f in self.findings if f.code == rule]

    def messages(self, rule: str) -> list[str]:
        return [f.message for f in self.findings if f.code == rule]


#: A long-running query operation with its poll and cancel operations (add with add_paths).
QUERY_PATHS = """\
/queries/:
  post:
    operationId: queries_create
    tags: [items]
    summary: Run a query
    description: Runs a query, or starts it in the background.
    x-long-running:
      start: {mode: async}
      status: query_status
      poll: queries_retrieve
      poll-params: {show_progress: true}
      cancel: queries_cancel
    x-cli:
      - name: run
        help: Run a query to completion.
        argument: {name: sql, field: /query/sql}
        body: {mode: blocking}
        wait: true
    requestBody:
      required: true
      content:
        application/json:
          schema:
            $ref: '#/components/schemas/QueryRequest'
    responses:
      '200':
        description: The query's status.
        content:
          application/json:
            schema:
              $ref: '#/components/schemas/QueryStatusResponse'
/queries/{query_id}/:
  parameters:
    - {name: query_id, in: path, required: true, schema: {type: string}}
  get:
    operationId: queries_retrieve
    tags: [items]
    summary: Poll a query
    description: Reads a query's status.
    parameters:
      - {name: show_progress, in: query, schema: {type: boolean}}
    responses:
      '200':
        description: The query's status.
        content:
          application/json:
            schema:
              $ref: '#/components/schemas/QueryStatusResponse'
  delete:
    operationId: queries_cancel
    tags: [items]
    summary: Cancel a query
    description: Cancels a running query.
    responses:
      '204':
        description: Cancelled.
"""

QUERY_SCHEMAS = """\
QueryRequest:
  type: object
  properties:
    mode: {type: string}
    query:
      type: object
      properties:
        sql: {type: string}
QueryStatusResponse:
  type: object
  properties:
    query_status:
      anyOf:
        - $ref: '#/components/schemas/QueryStatus'
        - type: 'null'
QueryStatus:
  type: object
  properties:
    id: {type: string}
    complete: {type: boolean}
"""


def with_queries(spec: str = CLEAN_SPEC) -> str:
    return add_schemas(add_paths(spec, QUERY_PATHS), QUERY_SCHEMAS)


#: the `lint_yaml` fixture (tests/lint/conftest.py): lint YAML text, with extra files and a config
LintYaml = Callable[..., Linted]
