"""Comparing two OpenAPI documents: what changed, how much it matters, what it does to
the generated package (`sdkgen diff`, `sdkgen release`, `sdkgen upstream`).

    rules     the catalogue of change rules (data), and docs/diff-rules.md from it
    source    BASE / HEAD arguments: a file, a split spec's root or folder, REV:path in git
    schema    schemas compared after resolving $refs and normalising their spellings
    spec      the spec-level comparison: operations, parameters, bodies, responses, security
    sdk       the SDK-level comparison of two parsed APIs (ir.Api), and the version bump
    report    findings as diagnostics; text, markdown, json, github, sarif
"""
