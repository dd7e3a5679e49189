"""Contract tests: every operation, called through the client against the mock
server over real HTTP on loopback, must send a request the API document accepts
and parse the answer into the documented type.

Generated from the OpenAPI document: do not edit; change the spec and run `make generate`.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from posthog_api import PostHog, SyncPage, models
from posthog_api.testing.server import MockServer


@pytest.fixture(scope="module")
def client() -> Iterator[PostHog]:
    with (
        MockServer() as server,
        PostHog(
            api_key="contract-test-key",
            host=server.url,
            project_id="1",
            max_retries=0,
        ) as client,
    ):
        yield client


def test_environments_query_create(client: PostHog) -> None:
    result = client.environments.query.create(
        query={
            "dateRange": {"date_from": "-7d"},
            "filterTestAccounts": True,
            "interval": "day",
            "kind": "TrendsQuery",
            "series": [{"event": "$pageview", "kind": "EventsNode", "math": "dau"}],
        },
        refresh="async",
    )
    assert isinstance(
        result, (models.HogQLQueryResponse, models.GenericQueryResponse, models.QueryStatusResponse)
    )


def test_environments_query_chat_create(client: PostHog) -> None:
    result = client.environments.query.chat(
        messages=[
            {
                "content": "How many daily active users did we have over the last 30 days?",
                "role": "user",
            }
        ],
    )
    assert list(result)


def test_environments_query_draft_sql_retrieve(client: PostHog) -> None:
    result = client.environments.query.draft_sql(
        prompt="Top 10 pages by pageviews in the last 7 days",
    )
    assert isinstance(result, (models.QueryDraftSqlResponse,))


def test_environments_query_retrieve(client: PostHog) -> None:
    result = client.environments.query.retrieve(
        "0193f0a1b2c37d4e8f9a0b1c2d3e4f50",
    )
    assert isinstance(result, (models.QueryStatusResponse,))


def test_environments_query_destroy(client: PostHog) -> None:
    result = client.environments.query.cancel(
        "0193f0a1b2c37d4e8f9a0b1c2d3e4f50",
    )
    assert isinstance(result, (models.QueryCancelResponse,))


def test_query_create(client: PostHog) -> None:
    result = client.query.create(
        client_query_id="0193f0a1b2c37d4e8f9a0b1c2d3e4f50",
        name="weekly_top_events",
        query={
            "kind": "HogQLQuery",
            "query": "select event, count() as c from events where timestamp > now() - interval 7 day group by event order by c desc limit 3",
        },
        refresh="blocking",
    )
    assert isinstance(
        result, (models.HogQLQueryResponse, models.GenericQueryResponse, models.QueryStatusResponse)
    )


def test_query_check_auth_for_async_create(client: PostHog) -> None:
    result = client.query.check_auth_for_async()
    assert isinstance(result, (models.QueryAuthCheckResponse,))


def test_query_draft_sql_retrieve(client: PostHog) -> None:
    result = client.query.draft_sql(
        prompt="Top 10 pages by pageviews in the last 7 days",
    )
    assert isinstance(result, (models.QueryDraftSqlResponse,))


def test_query_upgrade_create(client: PostHog) -> None:
    result = client.query.upgrade(
        query={"event": "$pageview", "kind": "EventsNode", "math": "total"},
    )
    assert isinstance(result, (models.QueryUpgradeResponse,))


def test_query_retrieve(client: PostHog) -> None:
    result = client.query.retrieve(
        "0193f0a1b2c37d4e8f9a0b1c2d3e4f50",
    )
    assert isinstance(result, (models.QueryStatusResponse,))


def test_query_destroy(client: PostHog) -> None:
    result = client.query.cancel(
        "0193f0a1b2c37d4e8f9a0b1c2d3e4f50",
    )
    assert isinstance(result, (models.QueryCancelResponse,))


def test_environments_persons_path_retrieve(client: PostHog) -> None:
    result = client.environments.persons.path()
    assert isinstance(result, (models.PersonsPathResponse, str))


def test_environments_persons_path_create(client: PostHog) -> None:
    result = client.environments.persons.create_path(
        date_from="-30d",
        limit=100,
        path_end_key="2_/signup",
        path_type="$pageview",
        start_point="/pricing",
    )
    assert isinstance(result, (models.PersonsPathResponse, str))


def test_environments_persons_retention_retrieve(client: PostHog) -> None:
    result = client.environments.persons.retention()
    assert isinstance(result, (models.PersonsRetentionResponse, str))


def test_environments_persons_stickiness_retrieve(client: PostHog) -> None:
    result = client.environments.persons.stickiness()
    assert isinstance(result, (models.PersonsStickinessResponse, str))


def test_environments_persons_values_retrieve(client: PostHog) -> None:
    result = client.environments.persons.values(
        key="plan",
    )
    assert isinstance(result, (list, str))


def test_environments_session_recordings_list(client: PostHog) -> None:
    result = client.environments.session_recordings.list()
    assert isinstance(result, SyncPage)
    assert result.items
    for item in result.items:
        assert isinstance(item, (models.SessionRecording,))


def test_environments_session_recordings_retrieve(client: PostHog) -> None:
    result = client.environments.session_recordings.retrieve(
        "019a4b2c-5d6e-7f80-9a1b-2c3d4e5f6a7b",
    )
    assert isinstance(result, (models.SessionRecording,))


def test_environments_session_recordings_partial_update(client: PostHog) -> None:
    result = client.environments.session_recordings.partial_update(
        "019a4b2c-5d6e-7f80-9a1b-2c3d4e5f6a7b",
        viewed=True,
    )
    assert isinstance(result, (models.SessionRecordingUpdateResult,))


def test_environments_session_recordings_destroy(client: PostHog) -> None:
    result = client.environments.session_recordings.destroy(
        "019a4b2c-5d6e-7f80-9a1b-2c3d4e5f6a7b",
    )
    assert result is None


def test_environments_session_recordings_sharing_list(client: PostHog) -> None:
    result = client.environments.session_recordings.retrieve_sharing(
        "019a4b2c-5d6e-7f80-9a1b-2c3d4e5f6a7b",
    )
    assert isinstance(result, (models.SharingConfiguration,))


def test_environments_endpoints_retrieve(client: PostHog) -> None:
    result = client.environments.endpoints.list()
    assert isinstance(result, SyncPage)
    assert result.items
    for item in result.items:
        assert isinstance(item, (models.EndpointResponse,))


def test_environments_endpoints_create(client: PostHog) -> None:
    result = client.environments.endpoints.create(
        data_freshness_seconds=86400,
        description="Daily active users per billing plan over the last 30 days.",
        name="active-users-by-plan",
        query={
            "kind": "HogQLQuery",
            "query": "SELECT toDate(timestamp) AS day, person.properties.plan AS plan, count(DISTINCT person_id) AS users FROM events WHERE timestamp >= now() - INTERVAL 30 DAY GROUP BY day, plan ORDER BY day",
        },
    )
    assert isinstance(result, (models.EndpointResponse,))


def test_environments_endpoints_last_execution_times_create(client: PostHog) -> None:
    result = client.environments.endpoints.last_execution_times(
        names=["weekly-signups", "active-users-by-plan"],
    )
    assert isinstance(result, (models.QueryStatusResponse,))


def test_environments_endpoints_retrieve_2(client: PostHog) -> None:
    result = client.environments.endpoints.retrieve(
        "weekly-signups",
    )
    assert isinstance(result, (models.EndpointResponse,))


def test_environments_endpoints_partial_update(client: PostHog) -> None:
    result = client.environments.endpoints.partial_update(
        "weekly-signups",
        data_freshness_seconds=3600,
        description="Sign-ups per week, refreshed hourly.",
    )
    assert isinstance(result, (models.EndpointResponse,))


def test_environments_endpoints_destroy(client: PostHog) -> None:
    result = client.environments.endpoints.destroy(
        "weekly-signups",
    )
    assert result is None


def test_environments_endpoints_run_retrieve(client: PostHog) -> None:
    result = client.environments.endpoints.run_get(
        "weekly-signups",
    )
    assert isinstance(result, (models.EndpointRunResponse,))


def test_environments_endpoints_run_create(client: PostHog) -> None:
    result = client.environments.endpoints.run(
        "weekly-signups",
        limit=100,
        refresh="cache",
        variables={"event_name": "user signed up"},
    )
    assert isinstance(result, (models.EndpointRunResponse,))


def test_environments_endpoints_versions_retrieve(client: PostHog) -> None:
    result = client.environments.endpoints.list_versions(
        "weekly-signups",
    )
    assert isinstance(result, SyncPage)
    assert result.items
    for item in result.items:
        assert isinstance(item, (models.EndpointVersionResponse,))


def test_environments_endpoints_versions_retrieve_2(client: PostHog) -> None:
    result = client.environments.endpoints.retrieve_version(
        "weekly-signups",
        "2",
    )
    assert isinstance(result, (models.EndpointVersionResponse,))


def test_endpoints_retrieve(client: PostHog) -> None:
    result = client.endpoints.list()
    assert isinstance(result, SyncPage)
    assert result.items
    for item in result.items:
        assert isinstance(item, (models.EndpointResponse,))


def test_endpoints_create(client: PostHog) -> None:
    result = client.endpoints.create(
        data_freshness_seconds=86400,
        description="Daily active users per billing plan over the last 30 days.",
        name="active-users-by-plan",
        query={
            "kind": "HogQLQuery",
            "query": "SELECT toDate(timestamp) AS day, person.properties.plan AS plan, count(DISTINCT person_id) AS users FROM events WHERE timestamp >= now() - INTERVAL 30 DAY GROUP BY day, plan ORDER BY day",
        },
    )
    assert isinstance(result, (models.EndpointResponse,))


def test_endpoints_retrieve_2(client: PostHog) -> None:
    result = client.endpoints.retrieve(
        "weekly-signups",
    )
    assert isinstance(result, (models.EndpointResponse,))


def test_endpoints_partial_update(client: PostHog) -> None:
    result = client.endpoints.partial_update(
        "weekly-signups",
        data_freshness_seconds=3600,
        description="Sign-ups per week, refreshed hourly.",
    )
    assert isinstance(result, (models.EndpointResponse,))


def test_external_data_sources_check_cdc_prerequisites_create(client: PostHog) -> None:
    result = client.external_data_sources.check_cdc_prerequisites(
        cdc_management_mode="self_managed",
        cdc_publication_name="posthog_pub",
        database="app",
        host="db.example.com",
        password="s3cr3t-passw0rd",
        port=5432,
        schema="public",
        source_type="Postgres",
        tables=["orders", "customers"],
        user="posthog_replication",
    )
    assert isinstance(result, (models.ExternalDataSourceCdcPrerequisitesResult,))


def test_external_data_sources_connections_list(client: PostHog) -> None:
    result = client.external_data_sources.list_connections()
    assert isinstance(result, (list,))


def test_external_data_sources_database_schema_create(client: PostHog) -> None:
    result = client.external_data_sources.database_schema(
        source_type="Postgres",
        extra_body={
            "database": "app",
            "host": "db.example.com",
            "password": "s3cr3t-passw0rd",
            "port": 5432,
            "schema": "public",
            "user": "posthog_reader",
        },
    )
    assert isinstance(result, (list,))


def test_external_data_sources_source_prefix_create(client: PostHog) -> None:
    result = client.external_data_sources.source_prefix(
        prefix="stripe_eu",
        source_type="Stripe",
    )
    assert result is None


def test_external_data_sources_wizard_retrieve(client: PostHog) -> None:
    result = client.external_data_sources.wizard()
    assert isinstance(result, (models.ExternalDataSourceWizard,))


def test_external_data_sources_reload_create(client: PostHog) -> None:
    result = client.external_data_sources.reload(
        "01890000-0000-7000-8000-000000000001",
    )
    assert isinstance(result, (models.ExternalDataSourceReloadResult,))


def test_external_data_sources_revenue_analytics_config_partial_update(client: PostHog) -> None:
    result = client.external_data_sources.update_revenue_analytics_config(
        "01890000-0000-7000-8000-000000000001",
        enabled=True,
        include_invoiceless_charges=False,
    )
    assert isinstance(result, (models.ExternalDataSource,))


def test_external_data_sources_update_webhook_inputs_create(client: PostHog) -> None:
    result = client.external_data_sources.update_webhook_inputs(
        "01890000-0000-7000-8000-000000000001",
        inputs={"signing_secret": "whsec_5f8c2a9d1e7b4c3a6f0d9e8b7a6c5d4e"},
    )
    assert isinstance(result, (models.ExternalDataSourceWebhookInputsResult,))


def test_external_data_sources_webhook_info_retrieve(client: PostHog) -> None:
    result = client.external_data_sources.webhook_info(
        "01890000-0000-7000-8000-000000000001",
    )
    assert isinstance(result, (models.ExternalDataSourceWebhookInfo,))


def test_insight_variables_list(client: PostHog) -> None:
    result = client.insight_variables.list()
    assert isinstance(result, SyncPage)
    assert result.items
    for item in result.items:
        assert isinstance(item, (models.InsightVariable,))


def test_insight_variables_create(client: PostHog) -> None:
    result = client.insight_variables.create(
        default_value=50,
        name="Minimum order value",
        type="Number",
    )
    assert isinstance(result, (models.InsightVariable,))


def test_insight_variables_retrieve(client: PostHog) -> None:
    result = client.insight_variables.retrieve(
        "0193a1f2-4b5c-7d6e-8f90-a1b2c3d4e5f6",
    )
    assert isinstance(result, (models.InsightVariable,))


def test_insight_variables_partial_update(client: PostHog) -> None:
    result = client.insight_variables.partial_update(
        "0193a1f2-4b5c-7d6e-8f90-a1b2c3d4e5f6",
        default_value="enterprise",
        values=["free", "scale", "enterprise", "startup"],
    )
    assert isinstance(result, (models.InsightVariable,))


def test_insight_variables_destroy(client: PostHog) -> None:
    result = client.insight_variables.destroy(
        "0193a1f2-4b5c-7d6e-8f90-a1b2c3d4e5f6",
    )
    assert result is None


def test_warehouse_saved_queries_list(client: PostHog) -> None:
    result = client.warehouse_saved_queries.list()
    assert isinstance(result, SyncPage)
    assert result.items
    for item in result.items:
        assert isinstance(item, (models.DataWarehouseSavedQueryMinimal,))


def test_warehouse_saved_queries_create(client: PostHog) -> None:
    result = client.warehouse_saved_queries.create(
        name="daily_signups",
        query={
            "kind": "HogQLQuery",
            "query": "SELECT\n    toDate(timestamp) AS day,\n    count() AS signups\nFROM events\nWHERE event = 'user signed up'\nGROUP BY day",
        },
    )
    assert isinstance(result, (models.DataWarehouseSavedQuery,))


def test_warehouse_saved_queries_retrieve(client: PostHog) -> None:
    result = client.warehouse_saved_queries.retrieve(
        "01890000-0000-7000-8000-000000000001",
    )
    assert isinstance(result, (models.DataWarehouseSavedQuery,))


def test_warehouse_saved_queries_partial_update(client: PostHog) -> None:
    result = client.warehouse_saved_queries.partial_update(
        "01890000-0000-7000-8000-000000000001",
        edited_history_id="0193a1f4-6c2e-7b85-9d40-3e1f8a2c5b67",
        query={
            "kind": "HogQLQuery",
            "query": "SELECT\n    toDate(timestamp) AS day,\n    count() AS signups\nFROM events\nWHERE event = 'user signed up'\n  AND timestamp >= now() - INTERVAL 90 DAY\nGROUP BY day",
        },
    )
    assert isinstance(result, (models.DataWarehouseSavedQuery,))
