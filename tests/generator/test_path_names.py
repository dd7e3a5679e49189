"""Method names from paths (generator/path_names.py), on the shapes of the directory's
documents that give no operationId or one that only spells the method and path."""

from __future__ import annotations

import pytest

from generator.path_names import PathOperation, made_up, names, singular, without_group


def _named(tag: str | None, *ops: tuple[str, str, bool]) -> dict[str, str]:
    requests = [PathOperation(method, path, listing, f"old_{i}") for i, (method, path, listing) in enumerate(ops)]
    found = names(tag, requests, {(op.path, op.method) for op in requests})
    return {f"{op.method.upper()} {op.path}": name for op, name in zip(requests, found, strict=True)}


@pytest.mark.parametrize(("operation_id", "method", "path", "expected"), [
    ("getV3ApplicationSettings", "get", "/v3/application/settings", True),  # GitLab
    ("GET_access_settings-whitelist", "get", "/access_settings/whitelist", True),  # SendGrid
    ("GetCustomersCustomerSourcesId", "get", "/v1/customers/{customer}/sources/{id}", True),  # Stripe
    ("get-companies-companyId-androidApps", "get", "/companies/{companyId}/androidApps", True),  # Adyen
    ("getCharginglocationsCharginglocationid", "get", "/charging-locations/{chargingLocationId}", True),  # enode
    ("get_alliances_alliance_id", "get", "/alliances/{alliance_id}/", True),  # ESI
    ("getUser", "get", "/users/{user}", False),  # a literal left out: a person's name
    ("listPets", "get", "/pets", False),
    ("repos/list-for-org", "get", "/orgs/{org}/repos", False),
    ("getPets", "post", "/pets", False),  # another method's word
])
def test_an_operation_id_that_only_spells_the_method_and_path_is_made_up(
    operation_id: str, method: str, path: str, expected: bool
) -> None:
    assert made_up(operation_id, method, path) is expected


def test_a_resource_named_by_its_tag_is_crud_on_what_follows_it() -> None:  # Hetzner
    assert _named(
        "Certificates",
        ("get", "/certificates", False), ("post", "/certificates", False), ("get", "/certificates/{id}", False),
        ("put", "/certificates/{id}", False), ("delete", "/certificates/{id}", False),
    ) == {"GET /certificates": "list", "POST /certificates": "create", "GET /certificates/{id}": "get",
          "PUT /certificates/{id}": "update", "DELETE /certificates/{id}": "delete"}
    assert _named(
        "Floating IP Actions",
        ("get", "/floating_ips/{id}/actions", True), ("post", "/floating_ips/{id}/actions/assign", False),
        ("post", "/floating_ips/{id}/actions/change_dns_ptr", False),
        ("post", "/firewalls/{id}/actions/apply_to_resources", False),
        ("get", "/floating_ips/{id}/actions/{action_id}", False),
    ) == {"GET /floating_ips/{id}/actions": "list", "POST /floating_ips/{id}/actions/assign": "assign",
          "POST /floating_ips/{id}/actions/change_dns_ptr": "change_dns_ptr",
          "POST /firewalls/{id}/actions/apply_to_resources": "apply_to_resources",
          "GET /floating_ips/{id}/actions/{action_id}": "get"}


def test_what_follows_the_resource_names_the_method_each_noun_before_a_parameter_singular() -> None:
    repo = "/repositories/{workspace}/{repo_slug}/pullrequests"  # Bitbucket
    assert _named(
        "Pullrequests",
        ("get", repo + "/{pull_request_id}/comments", True), ("post", repo + "/{pull_request_id}/comments", False),
        ("get", repo + "/{pull_request_id}/comments/{comment_id}", False),
        ("post", repo + "/{pull_request_id}/approve", False), ("delete", repo + "/{pull_request_id}/approve", False),
        ("get", repo + "/{pull_request_id}/diff", False),
    ) == {f"GET {repo}/{{pull_request_id}}/comments": "list_comments",
          f"POST {repo}/{{pull_request_id}}/comments": "create_comment",
          f"GET {repo}/{{pull_request_id}}/comments/{{comment_id}}": "get_comment",
          f"POST {repo}/{{pull_request_id}}/approve": "approve",
          f"DELETE {repo}/{{pull_request_id}}/approve": "delete_approve",
          f"GET {repo}/{{pull_request_id}}/diff": "get_diff"}


def test_operations_named_alike_are_told_apart_by_what_comes_before_then_by_their_parameter() -> None:
    assert _named(  # ESI's contacts
        "Contacts",
        ("get", "/alliances/{alliance_id}/contacts/", True), ("get", "/characters/{character_id}/contacts/", True),
        ("get", "/characters/{character_id}/contacts/labels/", True),
        ("get", "/corporations/{corporation_id}/contacts/labels/", True),
    ) == {"GET /alliances/{alliance_id}/contacts/": "list_for_alliance",
          "GET /characters/{character_id}/contacts/": "list_for_character",
          "GET /characters/{character_id}/contacts/labels/": "list_labels_for_character",
          "GET /corporations/{corporation_id}/contacts/labels/": "list_labels_for_corporation"}
    assert _named(None, ("get", "/account", False), ("get", "/accounts/{account}", False)) == {  # Stripe's
        "GET /account": "get_account", "GET /accounts/{account}": "get_account_by_account"}
    # nothing tells them apart: the old names
    assert _named("Things", ("get", "/a/{x}/things", True), ("get", "/a/{y}/things", True)) == {
        "GET /a/{x}/things": "old_0", "GET /a/{y}/things": "old_1"}


def test_the_clients_own_methods_keep_every_segment_but_the_version() -> None:  # Stripe: no tags
    assert _named(
        None,
        ("get", "/v1/customers", True), ("post", "/v1/customers", False), ("get", "/v1/customers/{customer}", False),
        ("post", "/v1/customers/{customer}", False), ("post", "/v1/account_links", False),
        ("post", "/v1/payment_intents/{intent}/confirm", False),
        ("get", "/v1/customers/{customer}/sources/{id}", False),
    ) == {"GET /v1/customers": "list_customers", "POST /v1/customers": "create_customer",
          "GET /v1/customers/{customer}": "get_customer", "POST /v1/customers/{customer}": "update_customer",
          "POST /v1/account_links": "create_account_link",
          "POST /v1/payment_intents/{intent}/confirm": "confirm_payment_intent",
          "GET /v1/customers/{customer}/sources/{id}": "get_customer_source"}


def test_a_tag_no_segment_names_keeps_every_segment() -> None:  # SendGrid
    # (dropping what every path begins with would rename them all when one is added elsewhere)
    assert _named(
        "IP Access Management",
        ("get", "/access_settings/activity", False), ("get", "/access_settings/whitelist", False),
        ("post", "/access_settings/whitelist", False), ("get", "/access_settings/whitelist/{rule_id}", False),
    ) == {"GET /access_settings/activity": "get_access_settings_activity",
          "GET /access_settings/whitelist": "list_access_settings_whitelist",
          "POST /access_settings/whitelist": "create_access_settings_whitelist",
          "GET /access_settings/whitelist/{rule_id}": "get_access_settings_whitelist"}
    assert _named("Weather", ("get", "/forecast", False)) == {"GET /forecast": "get_forecast"}


def test_methods_that_share_a_path_are_named_by_what_they_do_there() -> None:
    # PUT beside PATCH: replace and patch (Kubernetes' words); POST to an item beside PUT creates
    assert _named(
        "Repositories",
        ("put", "/repositories/{w}/{r}", False), ("patch", "/repositories/{w}/{r}", False),
        ("post", "/repositories/{w}/{r}", False),
    ) == {"PUT /repositories/{w}/{r}": "replace", "PATCH /repositories/{w}/{r}": "patch",
          "POST /repositories/{w}/{r}": "create"}


@pytest.mark.parametrize(("word", "expected"), [
    ("categories", "category"), ("addresses", "address"), ("boxes", "box"), ("batches", "batch"), ("ips", "ip"),
    ("status", "status"), ("settings", "settings"), ("dns", "dns"), ("access", "access"), ("people", "people"),
    ("apis", "api"), ("analysis", "analysis"),
])
def test_singular(word: str, expected: str) -> None:
    assert singular(word) == expected


def test_a_segment_run_together_takes_the_operation_ids_words() -> None:  # AWS API Gateway
    requests = [PathOperation("get", "/restapis", False, "get_rest_apis", ("get", "rest", "apis")),
                PathOperation("get", "/restapis/{restapi_id}", False, "get_rest_api", ("get", "rest", "api"))]
    assert names(None, requests, {(r.path, r.method) for r in requests}) == ["list_rest_apis", "get_rest_api"]


def test_a_last_segment_that_is_a_verb_comes_first() -> None:
    assert _named(
        None,
        ("post", "/v1/payment_intents/{intent}/confirm", False), ("get", "/v1/customers/search", True),
        ("get", "/filters/create", False),
    ) == {"POST /v1/payment_intents/{intent}/confirm": "confirm_payment_intent",
          "GET /v1/customers/search": "search_customers",  # a search's noun stays plural
          "GET /filters/create": "create_filter"}  # StackExchange's: a GET that creates
    assert _named("Pullrequests", ("post", "/r/{w}/pullrequests/{id}/comments/{c}/approve", False)) == {
        "POST /r/{w}/pullrequests/{id}/comments/{c}/approve": "approve_comment"}


@pytest.mark.parametrize(("name", "group", "expected"), [
    ("get_guild", "guilds", "get"), ("list_guild_audit_log_entries", "guilds", "list_audit_log_entries"),
    ("guilds_list", "guilds", "list"), ("describe_voice_connector", "voice_connectors", "describe"),
    ("update_my_application", "applications", "update_my_application"), ("get", "guilds", "get"),
])
def test_a_method_of_a_group_loses_the_groups_name(name: str, group: str, expected: str) -> None:
    assert without_group(name, group) == expected
