"""Method names from paths, for operations whose operationId names nothing a person chose.

12,664 operations in 636 of the APIs.guru directory's documents have no operationId
(Bitbucket, Hetzner, Keycloak, Mastodon, StackExchange...) or one that only spells the
method and the path (GitLab's `getV3ApplicationSettings`, SendGrid's
`GET_access_settings-whitelist`, Stripe's `GetCustomersCustomerSourcesId`, ESI's
`get_alliances_alliance_id`). Named from those, a method read
`client.pullrequests.get_repositories_workspace_repo_slug_pullrequests_pull_request_id_comments_comment_id`.
Named from the path within its resource, it reads `client.pullrequests.get_comment`:

- the part of the path that names the resource is dropped: up to the last segment that
  is the tag (`/repositories/{workspace}/{repo_slug}/pullrequests/...` under the tag
  "Pullrequests"; "Certificate Actions" is found in `actions`); version segments (`v1`,
  `api`) name nothing and are dropped everywhere. (Not the segments every path of a
  resource begins with: an operation added elsewhere would rename all the others.)
- a last segment that is a verb comes first, what it acts on after it (Stripe's
  `.../payment_intents/{intent}/confirm`: `confirm_payment_intent`);
- else the verb is the method's: `list` (a GET whose answer is a list or pages, or whose
  path ends in a collection: a plural, or a segment another path follows with a
  parameter), `get`, `create` (a POST to a collection), `update` (PUT, PATCH,
  a POST to an item; `replace` and `patch` where a path takes both PUT and PATCH),
  `delete`; a POST to a segment that is no collection (no GET, no parameter after it)
  and begins with a verb or ends in no plural is that action (`retry`,
  `apply_to_resources`);
- what is left of the path follows, a noun before a parameter made singular
  (`/customers/{customer}/sources/{id}`: `get_customer_source`);
- where two operations of a resource come out alike (ESI's contacts of alliances,
  characters and corporations, all `list`), each is told apart by what the path holds
  before the resource (`list_for_alliance`, `list_for_character`), then by its last
  parameter (`list_by_selected_user`); where that is not enough, by its old name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from . import naming, openapi

#: segments that name a version or the API itself, not a thing: v1, v2beta1, 2.0, api, rest
_VERSION = re.compile(r"(?:v\d+(?:[._]?\d+)*(?:alpha|beta|preview)?\d*|\d+(?:\.\d+)*|api|apis|rest)", re.IGNORECASE)
_EXTENSION = re.compile(r"\.(?:json|xml|yaml|csv|txt)$", re.IGNORECASE)
_BRACED = re.compile(r"\{([^{}]*)\}")
_ACTION = re.compile(r"\}:([A-Za-z][\w-]*)$")  # Google's `{name}:cancel`

#: words that end in "s" and are no plural (or whose plural is no collection)
_NOT_PLURAL = frozenset({
    "alias", "analytics", "aws", "bonus", "canvas", "dns", "gps", "https", "ios", "kms", "news",
    "series", "settings", "sms", "species", "stats", "statistics", "status", "preferences",
    "details", "metrics", "permissions", "credentials", "access", "address", "process", "progress",
})

#: plurals that end as "analysis" does
_ACRONYM_PLURALS = frozenset({"apis", "uris", "kpis", "guis"})

#: first words that make a POST's last segment an action rather than a collection:
#: Hetzner's `apply_to_resources`, Stripe's `confirm`, Bitbucket's `approve`
_VERBS = frozenset({
    "accept", "activate", "add", "apply", "approve", "archive", "assign", "attach", "authorize", "batch",
    "bulk", "cancel", "capture", "change", "check", "clone", "close", "complete", "confirm", "copy",
    "deactivate", "decline", "detach", "disable", "download", "enable", "execute", "export", "finalize",
    "generate", "import", "invite", "lock", "mark", "merge", "move", "pause", "preview",
    "publish", "reboot", "rebuild", "refresh", "refund", "register", "reject", "remove", "rename", "reopen",
    "request", "reset", "resize", "restart", "restore", "resume", "retry", "revoke", "rotate", "run",
    "search", "send", "set", "start", "stop", "submit", "subscribe", "sync", "test", "transfer", "trigger",
    "unarchive", "unassign", "unlock", "unpublish", "unsubscribe", "upload", "validate", "verify", "void",
})


#: verbs a last segment may be whatever the method (StackExchange's GET /filters/create)
_CRUD = frozenset({"create", "update", "delete", "invalidate", "expire", "find", "list", "get"})
#: first words of a method name that are its verb (without_group's after_verb_only)
_METHOD_VERBS = _VERBS | _CRUD | frozenset({
    "read", "replace", "patch", "watch", "connect", "put", "post", "head", "fetch", "retrieve", "show", "count",
    "query", "summarise", "summarize", "save", "edit", "modify", "insert", "describe", "view", "start", "end",
    "upsert", "destroy", "make", "open", "share", "follow", "unfollow", "like", "unlike", "ban", "unban", "block",
    "unblock", "mute", "unmute", "join", "leave", "invite", "calculate", "estimate", "process", "convert", "parse",
})
#: verbs that act on many: the noun before them stays plural (search_users)
_ON_MANY = frozenset({"search", "find", "list", "export", "import", "sync", "bulk", "batch"})


@dataclass(frozen=True)
class Segment:
    words: tuple[str, ...]  # lower case
    param: bool
    version: bool = False


@dataclass(frozen=True)
class PathOperation:
    """What naming reads of an operation."""

    method: str  # lower case
    path: str
    listing: bool  # the answer is a list, or pages
    old_name: str  # the name from its operationId, the last resort
    #: the operationId's words, lower case, where it has one: where a segment is several of
    #: them run together, they are its words (AWS's `GetRestApis` for `/restapis`: rest_apis)
    hint: tuple[str, ...] = ()


def segments(path: str) -> list[Segment]:
    result: list[Segment] = []
    for raw in path.split("/"):
        if not raw:
            continue
        if "{" in raw:
            names = _BRACED.findall(raw)
            result.append(Segment(tuple(w.lower() for n in names for w in naming.words(n)), True))
            action = _ACTION.search(raw)
            if action:
                result.append(Segment(tuple(w.lower() for w in naming.words(action.group(1))), False))
            continue
        text = _EXTENSION.sub("", raw)
        found = tuple(w.lower() for w in naming.words(text))
        if found:
            result.append(Segment(found, False, bool(_VERSION.fullmatch(text))))
    return result


def made_up(operation_id: str, method: str, path: str) -> bool:
    """Whether the operationId is the method and the path spelled out, compared without
    case or separators (enode's `getCharginglocationsCharginglocationid`): every literal
    segment in order, any parameter or version segment left out or not."""
    text = "".join(naming.words(operation_id)).lower()
    if not text.startswith(method):
        return False
    # where in the text the segments so far may have ended (a set, not a search over the
    # ways to skip segments: a path of many parameters costs no more than its length)
    ends = {len(method)}
    for seg in segments(path):
        part = "".join(seg.words)
        found = {i + len(part) for i in ends if text.startswith(part, i)}
        ends = found | ends if seg.param or seg.version else found
        if not ends:
            return False
    return len(text) in ends


def route_name(operation_id: str, path: str) -> str | None:
    """The route function's name where the operationId is FastAPI's default for it: that
    name, then the path with each character other than a letter, digit or underscore made
    an underscore, then the method (`read_flow_flows__id__get` for `read_flow` at
    `/flows/{id}`); None for any other operationId."""
    spelled = re.sub(r"\W", "_", path)
    for method in openapi.METHODS:
        suffix = f"{spelled}_{method}"
        if operation_id.endswith(suffix):
            name = operation_id[: -len(suffix)]
            return name if re.fullmatch(r"[^\W\d]\w*", name) else None
    return None


def singular(word: str) -> str:
    if not plural(word):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes", "zzes")):
        return word[:-2]
    return word[:-1]


def plural(word: str) -> bool:
    if word in _ACRONYM_PLURALS:
        return True
    return (
        len(word) > 2 and word.endswith("s") and not word.endswith(("ss", "us", "is"))
        and word not in _NOT_PLURAL
    )


def _key(words: Sequence[str]) -> str:
    """A name compared without case, separators or a plural's "s": "Pull Requests" is
    `pullrequests`, "Alliance" is `alliances`."""
    return "".join(words[:-1]) + singular(words[-1]) if words else ""


def names(tag: str | None, ops: Sequence[PathOperation], methods: set[tuple[str, str]]) -> list[str]:
    """A method name for each of `ops`, the operations of one resource to name from their
    paths; `tag` None for the client's own methods (no part of the path is dropped);
    `methods` the (path, method) of every operation of the resource."""
    paths = [[_split(s, op.hint) for s in segments(op.path) if not s.version] for op in ops]
    tag_words = [w.lower() for w in naming.words(tag)] if tag else []
    tag_keys = {_key(tag_words), _key(tag_words[-1:])} - {""}
    anchors: list[int | None] = []
    for segs in paths:
        found = [i for i, s in enumerate(segs) if not s.param and _key(s.words) in tag_keys]
        anchors.append(found[-1] if found else None)
    rests: list[list[Segment]] = []
    befores: list[list[Segment]] = []
    for segs, anchor in zip(paths, anchors, strict=True):
        cut = anchor + 1 if anchor is not None else 0
        rests.append(segs[cut:])
        befores.append([s for s in segs[:cut] if not s.param][:-1] if anchor is not None else [])
    collections = _collections(path for path, _ in methods)
    base = [
        _name(op, rest, paths[i][anchor].words if anchor is not None else (), methods, _key_of(paths[i]) in collections)
        for i, (op, rest, anchor) in enumerate(zip(ops, rests, anchors, strict=True))
    ]
    result = list(base)
    groups: dict[str, list[int]] = {}
    for i, name in enumerate(base):
        groups.setdefault(name, []).append(i)
    for name, members in groups.items():
        if len(members) < 2:
            continue
        for level in (1, 2, 3):
            candidates = [name + _qualifier(befores[i], rests[i], level) for i in members]
            if len(set(candidates)) == len(candidates):
                break
        else:
            candidates = [ops[i].old_name for i in members]
        for i, candidate in zip(members, candidates, strict=True):
            result[i] = candidate
    return result


def _split(seg: Segment, hint: tuple[str, ...]) -> Segment:
    """A segment of one word as the words of the operationId it runs together, or their
    plural (`restapis`: rest, apis from GetRestApis or GetRestApi); else as it is."""
    if seg.param or len(seg.words) != 1 or len(hint) < 2:
        return seg
    word = seg.words[0]
    for start in range(len(hint)):
        joined = ""
        for end in range(start, len(hint)):
            joined += hint[end]
            if end > start and joined in (word, word[:-1]) and word.startswith(joined):
                run = list(hint[start:end + 1])
                run[-1] += word[len(joined):]
                return Segment(tuple(run), False)
            if len(joined) >= len(word):
                break
    return seg


def _noun(rest: list[Segment], singular_last: bool) -> list[str]:
    """The words of the path's literal segments, each one before a parameter singular."""
    words: list[str] = []
    for i, seg in enumerate(rest):
        if seg.param:
            continue
        last = all(s.param for s in rest[i + 1:])
        followed = i + 1 < len(rest) and rest[i + 1].param
        make_singular = singular_last if last else followed
        words.extend(seg.words[:-1])
        words.append(singular(seg.words[-1]) if make_singular else seg.words[-1])
    return words


def without_group(name: str, group: str, after_verb_only: bool = False) -> str:
    """A method name less its group's name, where that is all of its words after the
    verb or the prefix before it: `get_guild` in `guilds` is `get`, `list_things` in
    `things` is `list`, `guilds_list` is `list`; anything else as it is. `after_verb_only`:
    not the prefix (`upload_form` in `uploads` has its verb first), and only after a word
    that is a verb."""
    words = name.split("_")
    group_words = [w.lower() for w in naming.words(group)]
    size = len(group_words)
    if not group_words or len(words) <= size:
        return name
    if after_verb_only and words[0] not in _METHOD_VERBS:
        return name  # (Google's `adsense_accounts_list`: its first word is the API's name)
    if _key(words[:size]) == _key(group_words) and not after_verb_only:
        return "_".join(words[size:])
    if _key(words[1:1 + size]) == _key(group_words):
        return "_".join([words[0], *words[1 + size:]])
    return name


def _key_of(segs: Sequence[Segment]) -> tuple[tuple[str, ...], ...]:
    return tuple(("{}",) if s.param else s.words for s in segs)


def _collections(paths: Iterable[str]) -> set[tuple[tuple[str, ...], ...]]:
    """The paths (as _key_of) that end in a literal segment another path follows with a
    parameter: `/access_settings/whitelist` beside `/access_settings/whitelist/{rule_id}`
    is a collection, whatever its noun."""
    found: set[tuple[tuple[str, ...], ...]] = set()
    for path in paths:
        segs = [s for s in segments(path) if not s.version]
        for i in range(1, len(segs)):
            if segs[i].param and not segs[i - 1].param:
                found.add(_key_of(segs[:i]))
    return found


def _name(
    op: PathOperation, rest: list[Segment], anchor: tuple[str, ...], both: set[tuple[str, str]], collection: bool
) -> str:
    item = bool(rest) and rest[-1].param
    lits = [s for s in rest if not s.param]
    last_word = lits[-1].words[-1] if lits else (anchor[-1] if anchor else "")
    method = op.method
    action = lits[-1].words[0] if lits and not item and len(lits[-1].words) == 1 else ""
    if method in ("get", "post") and (action in _VERBS or action in _CRUD):
        # the verb first, then what it acts on: Stripe's .../payment_intents/{intent}/confirm
        # is confirm_payment_intent, StackExchange's GET /filters/create is create
        return "_".join([action, *_noun(rest[:-1], singular_last=action not in _ON_MANY)])
    if method == "get":
        if op.listing or (not item and (plural(last_word) or collection)):
            words = ["list", *_noun(rest, singular_last=False)]
        else:
            words = ["get", *_noun(rest, singular_last=item)]
    elif method == "post":
        if item:  # Stripe's update; Bitbucket's create, where PUT updates
            replaced = (op.path, "put") in both or (op.path, "patch") in both
            words = ["create" if replaced else "update", *_noun(rest, singular_last=True)]
        elif not lits or collection or (op.path, "get") in both:
            words = ["create", *_noun(rest, singular_last=True)]
        elif lits[-1].words[0] in _VERBS or not plural(last_word):
            words = _noun(rest, singular_last=False)  # an action: .../actions/retry, .../apply_to_resources
        else:  # Stripe's POST /v1/account_links
            words = ["create", *_noun(rest, singular_last=True)]
    elif method in ("put", "patch"):
        pair = (op.path, "patch" if method == "put" else "put") in both
        verb = ("replace" if method == "put" else "patch") if pair else "update"
        words = [verb, *_noun(rest, singular_last=item)]
    elif method == "delete":
        words = ["delete", *_noun(rest, singular_last=item)]
    else:
        words = [method, *_noun(rest, singular_last=item)]
    return "_".join(words)


def _qualifier(before: list[Segment], rest: list[Segment], level: int) -> str:
    """What tells apart operations named alike: level 1 what the path names before the
    resource (`_for_alliance`), 2 its last parameter (`_by_selected_user`), 3 both."""
    parts: list[str] = []
    if level in (1, 3) and before:
        parts.append("for_" + "_".join(w for seg in before for w in (*seg.words[:-1], singular(seg.words[-1]))))
    params = [s for s in rest if s.param]
    if level in (2, 3) and params and params[-1].words:
        parts.append("by_" + "_".join(params[-1].words))
    return "".join("_" + p for p in parts)
