"""The `external_data_sources` operations.

Generated from the OpenAPI document: do not edit; change the spec and run `make generate`.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any, Literal, cast

import httpx

from .._base_client import (
    AsyncAPIClient,
    Operation,
    ResponseSpec,
    SyncAPIClient,
    async_to_raw_response_wrapper,
    to_raw_response_wrapper,
)
from .._types import NOT_GIVEN, Body, Headers, NotGiven, Query
from ..models import (
    ExternalDataSource,
    ExternalDataSourceAccessMethodEnum,
    ExternalDataSourceCdcPrerequisitesRequestCdcManagementMode,
    ExternalDataSourceCdcPrerequisitesRequestSourceType,
    ExternalDataSourceCdcPrerequisitesResult,
    ExternalDataSourceConnectionOptionList,
    ExternalDataSourceReloadResult,
    ExternalDataSourceTablePreviewList,
    ExternalDataSourceTypeEnum,
    ExternalDataSourceWebhookInfo,
    ExternalDataSourceWebhookInputsResult,
    ExternalDataSourceWizard,
)

__all__ = [
    "ExternalDataSourcesResource",
    "AsyncExternalDataSourcesResource",
]

_CHECK_CDC_PREREQUISITES = Operation(
    "external_data_sources_check_cdc_prerequisites_create",
    "post",
    "/api/projects/{project_id}/external_data_sources/check_cdc_prerequisites/",
    responses={
        "200": (ResponseSpec("json", ExternalDataSourceCdcPrerequisitesResult),),
    },
    scopes=("external_data_source:write",),
    idempotent=True,
)

_LIST_CONNECTIONS = Operation(
    "external_data_sources_connections_list",
    "get",
    "/api/projects/{project_id}/external_data_sources/connections/",
    responses={
        "200": (ResponseSpec("json", ExternalDataSourceConnectionOptionList),),
    },
    scopes=("external_data_source:read",),
)

_DATABASE_SCHEMA = Operation(
    "external_data_sources_database_schema_create",
    "post",
    "/api/projects/{project_id}/external_data_sources/database_schema/",
    responses={
        "200": (ResponseSpec("json", ExternalDataSourceTablePreviewList),),
    },
    scopes=("external_data_source:write",),
    idempotent=True,
)

_SOURCE_PREFIX = Operation(
    "external_data_sources_source_prefix_create",
    "post",
    "/api/projects/{project_id}/external_data_sources/source_prefix/",
    responses={
        "200": (ResponseSpec("none"),),
    },
    scopes=("external_data_source:write",),
    idempotent=True,
)

_WIZARD = Operation(
    "external_data_sources_wizard_retrieve",
    "get",
    "/api/projects/{project_id}/external_data_sources/wizard/",
    responses={
        "200": (ResponseSpec("json", ExternalDataSourceWizard),),
    },
    scopes=("external_data_source:read",),
)

_RELOAD = Operation(
    "external_data_sources_reload_create",
    "post",
    "/api/projects/{project_id}/external_data_sources/{id}/reload/",
    responses={
        "200": (ResponseSpec("json", ExternalDataSourceReloadResult),),
    },
    scopes=("external_data_source:write",),
)

_UPDATE_REVENUE_ANALYTICS_CONFIG = Operation(
    "external_data_sources_revenue_analytics_config_partial_update",
    "patch",
    "/api/projects/{project_id}/external_data_sources/{id}/revenue_analytics_config/",
    responses={
        "200": (ResponseSpec("json", ExternalDataSource),),
    },
    scopes=("external_data_source:write",),
    idempotent=True,
)

_UPDATE_WEBHOOK_INPUTS = Operation(
    "external_data_sources_update_webhook_inputs_create",
    "post",
    "/api/projects/{project_id}/external_data_sources/{id}/update_webhook_inputs/",
    responses={
        "200": (ResponseSpec("json", ExternalDataSourceWebhookInputsResult),),
    },
    scopes=("external_data_source:write",),
    idempotent=True,
)

_WEBHOOK_INFO = Operation(
    "external_data_sources_webhook_info_retrieve",
    "get",
    "/api/projects/{project_id}/external_data_sources/{id}/webhook_info/",
    responses={
        "200": (ResponseSpec("json", ExternalDataSourceWebhookInfo),),
    },
    scopes=("external_data_source:read",),
)


class ExternalDataSourcesResource:
    """Connections to external databases and SaaS sources for the data warehouse.

    Reached as `client.external_data_sources`.
    """

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> ExternalDataSourcesResourceWithRawResponse:
        """The same methods, returning the raw response (status, headers, body) with a `.parse()`."""
        return ExternalDataSourcesResourceWithRawResponse(self)

    def check_cdc_prerequisites(
        self,
        *,
        source_type: ExternalDataSourceCdcPrerequisitesRequestSourceType | Literal["Postgres"],
        host: str | NotGiven = NOT_GIVEN,
        port: int | NotGiven = NOT_GIVEN,
        database: str | NotGiven = NOT_GIVEN,
        user: str | NotGiven = NOT_GIVEN,
        password: str | NotGiven = NOT_GIVEN,
        schema: str | NotGiven = NOT_GIVEN,
        cdc_management_mode: (
            ExternalDataSourceCdcPrerequisitesRequestCdcManagementMode
            | Literal["posthog", "self_managed"]
            | NotGiven
        ) = NOT_GIVEN,
        tables: list[str] | NotGiven = NOT_GIVEN,
        cdc_slot_name: str | None | NotGiven = NOT_GIVEN,
        cdc_publication_name: str | None | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> ExternalDataSourceCdcPrerequisitesResult:
        """Check CDC prerequisites of a Postgres database

        Validate CDC (change data capture) prerequisites against a live Postgres
        connection: replication permissions, the replication slot, the
        publication and the tables. Used by the source wizard to show a check per
        prerequisite before creating a source, and to verify a publication a DBA
        created for a self-managed setup. Nothing is created.

        PostHog's published schema declares no request body; the server reads the
        Postgres connection fields and CDC options described here. A database
        that fails some checks still answers 200 with `valid: false`; a 400 means
        the settings were invalid, the host is not allowed, or the connection
        failed (body `{"message": "..."}`).

        Required API key scopes: external_data_source:write.

        Args:
            source_type: Must be `Postgres`; any other value is rejected with 400.
            schema: The Postgres schema whose tables are checked.
            cdc_management_mode: `posthog`: PostHog creates the publication and the replication slot. `self_managed`: your DBA creates the publication and PostHog only creates the slot.
            tables: The tables to check (e.g. that they have a primary key and are in the publication).
            cdc_slot_name: Replication slot name to check; PostHog picks one when omitted.
            cdc_publication_name: Publication name to check (required in practice for `self_managed`).
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "ExternalDataSourceCdcPrerequisitesResult",
            self._client.request(
                _CHECK_CDC_PREREQUISITES,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                },
                body={
                    "source_type": source_type,
                    "host": host,
                    "port": port,
                    "database": database,
                    "user": user,
                    "password": password,
                    "schema": schema,
                    "cdc_management_mode": cdc_management_mode,
                    "tables": tables,
                    "cdc_slot_name": cdc_slot_name,
                    "cdc_publication_name": cdc_publication_name,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    def list_connections(
        self,
        *,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> ExternalDataSourceConnectionOptionList:
        """List direct-query connections

        List the project's direct-query (live) Postgres connections that HogQL
        queries can target, newest first, limited to those the user can access.

        PostHog's published schema declares `limit`, `offset` and `search`
        parameters and a paginated `{count, next, previous, results}` envelope.
        The server does not paginate or search this action: it ignores those
        parameters and returns every connection as a plain JSON array, which is
        what is described here.

        Required API key scopes: external_data_source:read.

        Args:
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "ExternalDataSourceConnectionOptionList",
            self._client.request(
                _LIST_CONNECTIONS,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
            ),
        )

    def database_schema(
        self,
        *,
        source_type: (
            ExternalDataSourceTypeEnum
            | Literal[
                "Ashby",
                "Supabase",
                "CustomerIO",
                "Github",
                "Stripe",
                "Hubspot",
                "Postgres",
                "Zendesk",
                "Snowflake",
                "Salesforce",
                "MySQL",
                "MongoDB",
                "MSSQL",
                "Vitally",
                "BigQuery",
                "Chargebee",
                "Clerk",
                "GoogleAds",
                "TemporalIO",
                "DoIt",
                "GoogleSheets",
                "MetaAds",
                "Klaviyo",
                "Mailchimp",
                "Braze",
                "Mailjet",
                "Redshift",
                "Polar",
                "RevenueCat",
                "LinkedinAds",
                "RedditAds",
                "TikTokAds",
                "BingAds",
                "Shopify",
                "Attio",
                "SnapchatAds",
                "Linear",
                "Intercom",
                "Amplitude",
                "Mixpanel",
                "Jira",
                "ActiveCampaign",
                "Marketo",
                "Adjust",
                "AppsFlyer",
                "Freshdesk",
                "GoogleAnalytics",
                "Pipedrive",
                "SendGrid",
                "Slack",
                "PagerDuty",
                "Asana",
                "Notion",
                "Airtable",
                "Greenhouse",
                "BambooHR",
                "Lever",
                "GitLab",
                "Datadog",
                "Sentry",
                "Pendo",
                "FullStory",
                "AmazonAds",
                "PinterestAds",
                "AppleSearchAds",
                "QuickBooks",
                "Xero",
                "NetSuite",
                "WooCommerce",
                "BigCommerce",
                "PayPal",
                "Square",
                "Zoom",
                "Trello",
                "Monday",
                "ClickUp",
                "Confluence",
                "Recurly",
                "SalesLoft",
                "Outreach",
                "Gong",
                "Calendly",
                "Typeform",
                "Iterable",
                "ZohoCRM",
                "Close",
                "Oracle",
                "DynamoDB",
                "Elasticsearch",
                "Kafka",
                "LaunchDarkly",
                "Braintree",
                "Recharge",
                "HelpScout",
                "Gorgias",
                "Instagram",
                "YouTubeAnalytics",
                "FacebookPages",
                "TwitterAds",
                "Workday",
                "ServiceNow",
                "Pardot",
                "Copper",
                "Front",
                "ChartMogul",
                "Zuora",
                "Paddle",
                "CircleCI",
                "CockroachDB",
                "Firebase",
                "AzureBlob",
                "GoogleDrive",
                "OneDrive",
                "SharePoint",
                "Box",
                "SFTP",
                "MicrosoftTeams",
                "Aircall",
                "Webflow",
                "Okta",
                "Auth0",
                "Productboard",
                "Smartsheet",
                "Wrike",
                "Plaid",
                "SurveyMonkey",
                "Eventbrite",
                "RingCentral",
                "Twilio",
                "Freshsales",
                "Shortcut",
                "ConvertKit",
                "Drip",
                "CampaignMonitor",
                "MailerLite",
                "Omnisend",
                "Brevo",
                "Postmark",
                "Granola",
                "BuildBetter",
                "Convex",
                "ClickHouse",
                "Plain",
                "Resend",
            ]
        ),
        access_method: (
            ExternalDataSourceAccessMethodEnum | Literal["warehouse", "direct"] | NotGiven
        ) = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> ExternalDataSourceTablePreviewList:
        """Preview the tables of a source

        Validate a source's credentials and list the tables it exposes, with the
        sync options each supports (incremental fields, append, CDC, webhooks)
        and its columns. Used before creating a source to choose the tables to
        sync. Nothing is created.

        PostHog's published schema declares "No response body"; the server
        returns the table list described here as a plain JSON array. Invalid
        settings, bad credentials and connection failures give 400 with
        `{"message": "..."}`.

        Required API key scopes: external_data_source:write.

        Args:
            source_type: The source type to validate against.
            access_method: Connection mode to validate the credentials for (only Postgres supports `direct`).
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "ExternalDataSourceTablePreviewList",
            self._client.request(
                _DATABASE_SCHEMA,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                },
                body={
                    "source_type": source_type,
                    "access_method": access_method,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    def source_prefix(
        self,
        *,
        source_type: (
            ExternalDataSourceTypeEnum
            | Literal[
                "Ashby",
                "Supabase",
                "CustomerIO",
                "Github",
                "Stripe",
                "Hubspot",
                "Postgres",
                "Zendesk",
                "Snowflake",
                "Salesforce",
                "MySQL",
                "MongoDB",
                "MSSQL",
                "Vitally",
                "BigQuery",
                "Chargebee",
                "Clerk",
                "GoogleAds",
                "TemporalIO",
                "DoIt",
                "GoogleSheets",
                "MetaAds",
                "Klaviyo",
                "Mailchimp",
                "Braze",
                "Mailjet",
                "Redshift",
                "Polar",
                "RevenueCat",
                "LinkedinAds",
                "RedditAds",
                "TikTokAds",
                "BingAds",
                "Shopify",
                "Attio",
                "SnapchatAds",
                "Linear",
                "Intercom",
                "Amplitude",
                "Mixpanel",
                "Jira",
                "ActiveCampaign",
                "Marketo",
                "Adjust",
                "AppsFlyer",
                "Freshdesk",
                "GoogleAnalytics",
                "Pipedrive",
                "SendGrid",
                "Slack",
                "PagerDuty",
                "Asana",
                "Notion",
                "Airtable",
                "Greenhouse",
                "BambooHR",
                "Lever",
                "GitLab",
                "Datadog",
                "Sentry",
                "Pendo",
                "FullStory",
                "AmazonAds",
                "PinterestAds",
                "AppleSearchAds",
                "QuickBooks",
                "Xero",
                "NetSuite",
                "WooCommerce",
                "BigCommerce",
                "PayPal",
                "Square",
                "Zoom",
                "Trello",
                "Monday",
                "ClickUp",
                "Confluence",
                "Recurly",
                "SalesLoft",
                "Outreach",
                "Gong",
                "Calendly",
                "Typeform",
                "Iterable",
                "ZohoCRM",
                "Close",
                "Oracle",
                "DynamoDB",
                "Elasticsearch",
                "Kafka",
                "LaunchDarkly",
                "Braintree",
                "Recharge",
                "HelpScout",
                "Gorgias",
                "Instagram",
                "YouTubeAnalytics",
                "FacebookPages",
                "TwitterAds",
                "Workday",
                "ServiceNow",
                "Pardot",
                "Copper",
                "Front",
                "ChartMogul",
                "Zuora",
                "Paddle",
                "CircleCI",
                "CockroachDB",
                "Firebase",
                "AzureBlob",
                "GoogleDrive",
                "OneDrive",
                "SharePoint",
                "Box",
                "SFTP",
                "MicrosoftTeams",
                "Aircall",
                "Webflow",
                "Okta",
                "Auth0",
                "Productboard",
                "Smartsheet",
                "Wrike",
                "Plaid",
                "SurveyMonkey",
                "Eventbrite",
                "RingCentral",
                "Twilio",
                "Freshsales",
                "Shortcut",
                "ConvertKit",
                "Drip",
                "CampaignMonitor",
                "MailerLite",
                "Omnisend",
                "Brevo",
                "Postmark",
                "Granola",
                "BuildBetter",
                "Convex",
                "ClickHouse",
                "Plain",
                "Resend",
            ]
        ),
        prefix: str | None | NotGiven = NOT_GIVEN,
        access_method: (
            ExternalDataSourceAccessMethodEnum | Literal["warehouse", "direct"] | NotGiven
        ) = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """Check a table prefix for a new source

        Check that a table prefix (or, for a direct-query source, a name) can be
        used for a new source of the given type. A prefix is required once the
        project already has a source of that type, and must not be taken by
        another source of that type. Nothing is created.

        PostHog's published schema takes an external data source as the body;
        the server reads only `source_type`, `prefix` and `access_method`. It
        answers 200 with an empty body when the prefix can be used, and 400 with
        `{"message": "..."}` (e.g. "Prefix already exists") when it cannot.

        Required API key scopes: external_data_source:write.

        Args:
            source_type: The kind of external source.
            prefix: The prefix to check. Required once the project already has a source of this type, and must not be used by another source of the same type.
            access_method: Connection mode of the new source. `direct` is only supported for Postgres and then `prefix` is required.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "None",
            self._client.request(
                _SOURCE_PREFIX,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                },
                body={
                    "source_type": source_type,
                    "prefix": prefix,
                    "access_method": access_method,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    def wizard(
        self,
        *,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> ExternalDataSourceWizard:
        """Get the setup configuration of every source type

        Return, for every source type PostHog supports, what the new-source
        wizard needs: label, icon, docs link and the credential fields to ask
        for. Use it to learn which fields a `database_schema` request or a new
        source of a given type takes.

        PostHog's published schema declares "No response body"; the server
        returns the map described here.

        Required API key scopes: external_data_source:read.

        Args:
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "ExternalDataSourceWizard",
            self._client.request(
                _WIZARD,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
            ),
        )

    def reload(
        self,
        id: str,
        *,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> ExternalDataSourceReloadResult:
        """Sync a source now

        Start a sync of the source's tables now (for a direct-query source:
        refresh its table list instead). The source's status becomes `Running`;
        poll the source to follow the sync.

        PostHog's published schema requires an external data source as the
        request body and declares "No response body". The server reads no body,
        so none is described here. For warehouse sources it answers 200 with an
        empty body; for direct-query sources it answers with the number of
        tables added and removed. When the project's monthly sync limit is
        reached it answers 400 with `{"message": "..."}`.

        Required API key scopes: external_data_source:write.

        Args:
            id: A UUID string identifying this external data source.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "ExternalDataSourceReloadResult",
            self._client.request(
                _RELOAD,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                    "id": id,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
            ),
        )

    def update_revenue_analytics_config(
        self,
        id: str,
        *,
        enabled: bool | NotGiven = NOT_GIVEN,
        include_invoiceless_charges: bool | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> ExternalDataSource:
        """Update the revenue analytics settings of a source

        Update the revenue analytics configuration of the source and return the
        full external data source. Enabling it builds the revenue analytics
        views from the source's tables; disabling it removes them.

        PostHog's published schema takes a (patched) external data source as the
        body and declares "No response body". The server reads only the revenue
        analytics fields (`enabled`, `include_invoiceless_charges`) and returns
        the updated external data source.

        Required API key scopes: external_data_source:write.

        Args:
            id: A UUID string identifying this external data source.
            enabled: Whether revenue analytics views are built from this source.
            include_invoiceless_charges: Whether charges that have no invoice are counted as revenue.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "ExternalDataSource",
            self._client.request(
                _UPDATE_REVENUE_ANALYTICS_CONFIG,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                    "id": id,
                },
                body={
                    "enabled": enabled,
                    "include_invoiceless_charges": include_invoiceless_charges,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    def update_webhook_inputs(
        self,
        id: str,
        *,
        inputs: dict[str, Any],
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> ExternalDataSourceWebhookInputsResult:
        """Update the inputs of a source's webhook

        Set input values of the webhook that feeds the source, such as the
        signing secret the external service generated. The keys must be among
        the source type's `webhookFields`, all required fields must be given,
        and a webhook must already exist for the source.

        PostHog's published schema takes an external data source as the body
        and declares "No response body". The server reads only `inputs` and
        returns `{"success": true}`. Invalid or missing inputs, a source type
        without webhook support, or a missing webhook give 400 with
        `{"message": "..."}`.

        Required API key scopes: external_data_source:write.

        Args:
            id: A UUID string identifying this external data source.
            inputs: Map from webhook field name (as listed in the source type's `webhookFields` in the wizard) to its value. Unknown keys and missing required fields are rejected with 400.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "ExternalDataSourceWebhookInputsResult",
            self._client.request(
                _UPDATE_WEBHOOK_INPUTS,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                    "id": id,
                },
                body={
                    "inputs": inputs,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    def webhook_info(
        self,
        id: str,
        *,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> ExternalDataSourceWebhookInfo:
        """Get the webhook state of a source

        Return whether the source type supports webhooks, whether PostHog has a
        webhook for this source, its URL, which tables it writes to, and the
        webhook as registered in the external service.

        PostHog's published schema declares "No response body"; the server
        returns the object described here. Without webhook support or without a
        webhook only `supports_webhooks` and `exists` are meaningful.

        Required API key scopes: external_data_source:read.

        Args:
            id: A UUID string identifying this external data source.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "ExternalDataSourceWebhookInfo",
            self._client.request(
                _WEBHOOK_INFO,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                    "id": id,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
            ),
        )


class ExternalDataSourcesResourceWithRawResponse:
    """`external_data_sources` methods that return an `APIResponse` instead of the parsed value."""

    def __init__(self, resource: ExternalDataSourcesResource) -> None:
        self.check_cdc_prerequisites = to_raw_response_wrapper(resource.check_cdc_prerequisites)
        self.list_connections = to_raw_response_wrapper(resource.list_connections)
        self.database_schema = to_raw_response_wrapper(resource.database_schema)
        self.source_prefix = to_raw_response_wrapper(resource.source_prefix)
        self.wizard = to_raw_response_wrapper(resource.wizard)
        self.reload = to_raw_response_wrapper(resource.reload)
        self.update_revenue_analytics_config = to_raw_response_wrapper(
            resource.update_revenue_analytics_config
        )
        self.update_webhook_inputs = to_raw_response_wrapper(resource.update_webhook_inputs)
        self.webhook_info = to_raw_response_wrapper(resource.webhook_info)


class AsyncExternalDataSourcesResource:
    """Connections to external databases and SaaS sources for the data warehouse.

    Reached as `client.external_data_sources`.
    """

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AsyncExternalDataSourcesResourceWithRawResponse:
        """The same methods, returning the raw response (status, headers, body) with a `.parse()`."""
        return AsyncExternalDataSourcesResourceWithRawResponse(self)

    async def check_cdc_prerequisites(
        self,
        *,
        source_type: ExternalDataSourceCdcPrerequisitesRequestSourceType | Literal["Postgres"],
        host: str | NotGiven = NOT_GIVEN,
        port: int | NotGiven = NOT_GIVEN,
        database: str | NotGiven = NOT_GIVEN,
        user: str | NotGiven = NOT_GIVEN,
        password: str | NotGiven = NOT_GIVEN,
        schema: str | NotGiven = NOT_GIVEN,
        cdc_management_mode: (
            ExternalDataSourceCdcPrerequisitesRequestCdcManagementMode
            | Literal["posthog", "self_managed"]
            | NotGiven
        ) = NOT_GIVEN,
        tables: list[str] | NotGiven = NOT_GIVEN,
        cdc_slot_name: str | None | NotGiven = NOT_GIVEN,
        cdc_publication_name: str | None | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> ExternalDataSourceCdcPrerequisitesResult:
        """Check CDC prerequisites of a Postgres database

        Validate CDC (change data capture) prerequisites against a live Postgres
        connection: replication permissions, the replication slot, the
        publication and the tables. Used by the source wizard to show a check per
        prerequisite before creating a source, and to verify a publication a DBA
        created for a self-managed setup. Nothing is created.

        PostHog's published schema declares no request body; the server reads the
        Postgres connection fields and CDC options described here. A database
        that fails some checks still answers 200 with `valid: false`; a 400 means
        the settings were invalid, the host is not allowed, or the connection
        failed (body `{"message": "..."}`).

        Required API key scopes: external_data_source:write.

        Args:
            source_type: Must be `Postgres`; any other value is rejected with 400.
            schema: The Postgres schema whose tables are checked.
            cdc_management_mode: `posthog`: PostHog creates the publication and the replication slot. `self_managed`: your DBA creates the publication and PostHog only creates the slot.
            tables: The tables to check (e.g. that they have a primary key and are in the publication).
            cdc_slot_name: Replication slot name to check; PostHog picks one when omitted.
            cdc_publication_name: Publication name to check (required in practice for `self_managed`).
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "ExternalDataSourceCdcPrerequisitesResult",
            await self._client.request(
                _CHECK_CDC_PREREQUISITES,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                },
                body={
                    "source_type": source_type,
                    "host": host,
                    "port": port,
                    "database": database,
                    "user": user,
                    "password": password,
                    "schema": schema,
                    "cdc_management_mode": cdc_management_mode,
                    "tables": tables,
                    "cdc_slot_name": cdc_slot_name,
                    "cdc_publication_name": cdc_publication_name,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    async def list_connections(
        self,
        *,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> ExternalDataSourceConnectionOptionList:
        """List direct-query connections

        List the project's direct-query (live) Postgres connections that HogQL
        queries can target, newest first, limited to those the user can access.

        PostHog's published schema declares `limit`, `offset` and `search`
        parameters and a paginated `{count, next, previous, results}` envelope.
        The server does not paginate or search this action: it ignores those
        parameters and returns every connection as a plain JSON array, which is
        what is described here.

        Required API key scopes: external_data_source:read.

        Args:
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "ExternalDataSourceConnectionOptionList",
            await self._client.request(
                _LIST_CONNECTIONS,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
            ),
        )

    async def database_schema(
        self,
        *,
        source_type: (
            ExternalDataSourceTypeEnum
            | Literal[
                "Ashby",
                "Supabase",
                "CustomerIO",
                "Github",
                "Stripe",
                "Hubspot",
                "Postgres",
                "Zendesk",
                "Snowflake",
                "Salesforce",
                "MySQL",
                "MongoDB",
                "MSSQL",
                "Vitally",
                "BigQuery",
                "Chargebee",
                "Clerk",
                "GoogleAds",
                "TemporalIO",
                "DoIt",
                "GoogleSheets",
                "MetaAds",
                "Klaviyo",
                "Mailchimp",
                "Braze",
                "Mailjet",
                "Redshift",
                "Polar",
                "RevenueCat",
                "LinkedinAds",
                "RedditAds",
                "TikTokAds",
                "BingAds",
                "Shopify",
                "Attio",
                "SnapchatAds",
                "Linear",
                "Intercom",
                "Amplitude",
                "Mixpanel",
                "Jira",
                "ActiveCampaign",
                "Marketo",
                "Adjust",
                "AppsFlyer",
                "Freshdesk",
                "GoogleAnalytics",
                "Pipedrive",
                "SendGrid",
                "Slack",
                "PagerDuty",
                "Asana",
                "Notion",
                "Airtable",
                "Greenhouse",
                "BambooHR",
                "Lever",
                "GitLab",
                "Datadog",
                "Sentry",
                "Pendo",
                "FullStory",
                "AmazonAds",
                "PinterestAds",
                "AppleSearchAds",
                "QuickBooks",
                "Xero",
                "NetSuite",
                "WooCommerce",
                "BigCommerce",
                "PayPal",
                "Square",
                "Zoom",
                "Trello",
                "Monday",
                "ClickUp",
                "Confluence",
                "Recurly",
                "SalesLoft",
                "Outreach",
                "Gong",
                "Calendly",
                "Typeform",
                "Iterable",
                "ZohoCRM",
                "Close",
                "Oracle",
                "DynamoDB",
                "Elasticsearch",
                "Kafka",
                "LaunchDarkly",
                "Braintree",
                "Recharge",
                "HelpScout",
                "Gorgias",
                "Instagram",
                "YouTubeAnalytics",
                "FacebookPages",
                "TwitterAds",
                "Workday",
                "ServiceNow",
                "Pardot",
                "Copper",
                "Front",
                "ChartMogul",
                "Zuora",
                "Paddle",
                "CircleCI",
                "CockroachDB",
                "Firebase",
                "AzureBlob",
                "GoogleDrive",
                "OneDrive",
                "SharePoint",
                "Box",
                "SFTP",
                "MicrosoftTeams",
                "Aircall",
                "Webflow",
                "Okta",
                "Auth0",
                "Productboard",
                "Smartsheet",
                "Wrike",
                "Plaid",
                "SurveyMonkey",
                "Eventbrite",
                "RingCentral",
                "Twilio",
                "Freshsales",
                "Shortcut",
                "ConvertKit",
                "Drip",
                "CampaignMonitor",
                "MailerLite",
                "Omnisend",
                "Brevo",
                "Postmark",
                "Granola",
                "BuildBetter",
                "Convex",
                "ClickHouse",
                "Plain",
                "Resend",
            ]
        ),
        access_method: (
            ExternalDataSourceAccessMethodEnum | Literal["warehouse", "direct"] | NotGiven
        ) = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> ExternalDataSourceTablePreviewList:
        """Preview the tables of a source

        Validate a source's credentials and list the tables it exposes, with the
        sync options each supports (incremental fields, append, CDC, webhooks)
        and its columns. Used before creating a source to choose the tables to
        sync. Nothing is created.

        PostHog's published schema declares "No response body"; the server
        returns the table list described here as a plain JSON array. Invalid
        settings, bad credentials and connection failures give 400 with
        `{"message": "..."}`.

        Required API key scopes: external_data_source:write.

        Args:
            source_type: The source type to validate against.
            access_method: Connection mode to validate the credentials for (only Postgres supports `direct`).
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "ExternalDataSourceTablePreviewList",
            await self._client.request(
                _DATABASE_SCHEMA,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                },
                body={
                    "source_type": source_type,
                    "access_method": access_method,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    async def source_prefix(
        self,
        *,
        source_type: (
            ExternalDataSourceTypeEnum
            | Literal[
                "Ashby",
                "Supabase",
                "CustomerIO",
                "Github",
                "Stripe",
                "Hubspot",
                "Postgres",
                "Zendesk",
                "Snowflake",
                "Salesforce",
                "MySQL",
                "MongoDB",
                "MSSQL",
                "Vitally",
                "BigQuery",
                "Chargebee",
                "Clerk",
                "GoogleAds",
                "TemporalIO",
                "DoIt",
                "GoogleSheets",
                "MetaAds",
                "Klaviyo",
                "Mailchimp",
                "Braze",
                "Mailjet",
                "Redshift",
                "Polar",
                "RevenueCat",
                "LinkedinAds",
                "RedditAds",
                "TikTokAds",
                "BingAds",
                "Shopify",
                "Attio",
                "SnapchatAds",
                "Linear",
                "Intercom",
                "Amplitude",
                "Mixpanel",
                "Jira",
                "ActiveCampaign",
                "Marketo",
                "Adjust",
                "AppsFlyer",
                "Freshdesk",
                "GoogleAnalytics",
                "Pipedrive",
                "SendGrid",
                "Slack",
                "PagerDuty",
                "Asana",
                "Notion",
                "Airtable",
                "Greenhouse",
                "BambooHR",
                "Lever",
                "GitLab",
                "Datadog",
                "Sentry",
                "Pendo",
                "FullStory",
                "AmazonAds",
                "PinterestAds",
                "AppleSearchAds",
                "QuickBooks",
                "Xero",
                "NetSuite",
                "WooCommerce",
                "BigCommerce",
                "PayPal",
                "Square",
                "Zoom",
                "Trello",
                "Monday",
                "ClickUp",
                "Confluence",
                "Recurly",
                "SalesLoft",
                "Outreach",
                "Gong",
                "Calendly",
                "Typeform",
                "Iterable",
                "ZohoCRM",
                "Close",
                "Oracle",
                "DynamoDB",
                "Elasticsearch",
                "Kafka",
                "LaunchDarkly",
                "Braintree",
                "Recharge",
                "HelpScout",
                "Gorgias",
                "Instagram",
                "YouTubeAnalytics",
                "FacebookPages",
                "TwitterAds",
                "Workday",
                "ServiceNow",
                "Pardot",
                "Copper",
                "Front",
                "ChartMogul",
                "Zuora",
                "Paddle",
                "CircleCI",
                "CockroachDB",
                "Firebase",
                "AzureBlob",
                "GoogleDrive",
                "OneDrive",
                "SharePoint",
                "Box",
                "SFTP",
                "MicrosoftTeams",
                "Aircall",
                "Webflow",
                "Okta",
                "Auth0",
                "Productboard",
                "Smartsheet",
                "Wrike",
                "Plaid",
                "SurveyMonkey",
                "Eventbrite",
                "RingCentral",
                "Twilio",
                "Freshsales",
                "Shortcut",
                "ConvertKit",
                "Drip",
                "CampaignMonitor",
                "MailerLite",
                "Omnisend",
                "Brevo",
                "Postmark",
                "Granola",
                "BuildBetter",
                "Convex",
                "ClickHouse",
                "Plain",
                "Resend",
            ]
        ),
        prefix: str | None | NotGiven = NOT_GIVEN,
        access_method: (
            ExternalDataSourceAccessMethodEnum | Literal["warehouse", "direct"] | NotGiven
        ) = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """Check a table prefix for a new source

        Check that a table prefix (or, for a direct-query source, a name) can be
        used for a new source of the given type. A prefix is required once the
        project already has a source of that type, and must not be taken by
        another source of that type. Nothing is created.

        PostHog's published schema takes an external data source as the body;
        the server reads only `source_type`, `prefix` and `access_method`. It
        answers 200 with an empty body when the prefix can be used, and 400 with
        `{"message": "..."}` (e.g. "Prefix already exists") when it cannot.

        Required API key scopes: external_data_source:write.

        Args:
            source_type: The kind of external source.
            prefix: The prefix to check. Required once the project already has a source of this type, and must not be used by another source of the same type.
            access_method: Connection mode of the new source. `direct` is only supported for Postgres and then `prefix` is required.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "None",
            await self._client.request(
                _SOURCE_PREFIX,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                },
                body={
                    "source_type": source_type,
                    "prefix": prefix,
                    "access_method": access_method,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    async def wizard(
        self,
        *,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> ExternalDataSourceWizard:
        """Get the setup configuration of every source type

        Return, for every source type PostHog supports, what the new-source
        wizard needs: label, icon, docs link and the credential fields to ask
        for. Use it to learn which fields a `database_schema` request or a new
        source of a given type takes.

        PostHog's published schema declares "No response body"; the server
        returns the map described here.

        Required API key scopes: external_data_source:read.

        Args:
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "ExternalDataSourceWizard",
            await self._client.request(
                _WIZARD,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
            ),
        )

    async def reload(
        self,
        id: str,
        *,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> ExternalDataSourceReloadResult:
        """Sync a source now

        Start a sync of the source's tables now (for a direct-query source:
        refresh its table list instead). The source's status becomes `Running`;
        poll the source to follow the sync.

        PostHog's published schema requires an external data source as the
        request body and declares "No response body". The server reads no body,
        so none is described here. For warehouse sources it answers 200 with an
        empty body; for direct-query sources it answers with the number of
        tables added and removed. When the project's monthly sync limit is
        reached it answers 400 with `{"message": "..."}`.

        Required API key scopes: external_data_source:write.

        Args:
            id: A UUID string identifying this external data source.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "ExternalDataSourceReloadResult",
            await self._client.request(
                _RELOAD,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                    "id": id,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
            ),
        )

    async def update_revenue_analytics_config(
        self,
        id: str,
        *,
        enabled: bool | NotGiven = NOT_GIVEN,
        include_invoiceless_charges: bool | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> ExternalDataSource:
        """Update the revenue analytics settings of a source

        Update the revenue analytics configuration of the source and return the
        full external data source. Enabling it builds the revenue analytics
        views from the source's tables; disabling it removes them.

        PostHog's published schema takes a (patched) external data source as the
        body and declares "No response body". The server reads only the revenue
        analytics fields (`enabled`, `include_invoiceless_charges`) and returns
        the updated external data source.

        Required API key scopes: external_data_source:write.

        Args:
            id: A UUID string identifying this external data source.
            enabled: Whether revenue analytics views are built from this source.
            include_invoiceless_charges: Whether charges that have no invoice are counted as revenue.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "ExternalDataSource",
            await self._client.request(
                _UPDATE_REVENUE_ANALYTICS_CONFIG,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                    "id": id,
                },
                body={
                    "enabled": enabled,
                    "include_invoiceless_charges": include_invoiceless_charges,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    async def update_webhook_inputs(
        self,
        id: str,
        *,
        inputs: dict[str, Any],
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> ExternalDataSourceWebhookInputsResult:
        """Update the inputs of a source's webhook

        Set input values of the webhook that feeds the source, such as the
        signing secret the external service generated. The keys must be among
        the source type's `webhookFields`, all required fields must be given,
        and a webhook must already exist for the source.

        PostHog's published schema takes an external data source as the body
        and declares "No response body". The server reads only `inputs` and
        returns `{"success": true}`. Invalid or missing inputs, a source type
        without webhook support, or a missing webhook give 400 with
        `{"message": "..."}`.

        Required API key scopes: external_data_source:write.

        Args:
            id: A UUID string identifying this external data source.
            inputs: Map from webhook field name (as listed in the source type's `webhookFields` in the wizard) to its value. Unknown keys and missing required fields are rejected with 400.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "ExternalDataSourceWebhookInputsResult",
            await self._client.request(
                _UPDATE_WEBHOOK_INPUTS,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                    "id": id,
                },
                body={
                    "inputs": inputs,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    async def webhook_info(
        self,
        id: str,
        *,
        project_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> ExternalDataSourceWebhookInfo:
        """Get the webhook state of a source

        Return whether the source type supports webhooks, whether PostHog has a
        webhook for this source, its URL, which tables it writes to, and the
        webhook as registered in the external service.

        PostHog's published schema declares "No response body"; the server
        returns the object described here. Without webhook support or without a
        webhook only `supports_webhooks` and `exists` are meaningful.

        Required API key scopes: external_data_source:read.

        Args:
            id: A UUID string identifying this external data source.
            project_id: Project ID of the project you're trying to access. To find the ID of the project, make a call to /api/projects/.
        """
        return cast(
            "ExternalDataSourceWebhookInfo",
            await self._client.request(
                _WEBHOOK_INFO,
                path={
                    "project_id": self._client._path_default("project_id", project_id),
                    "id": id,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
            ),
        )


class AsyncExternalDataSourcesResourceWithRawResponse:
    """`external_data_sources` methods that return an `APIResponse` instead of the parsed value."""

    def __init__(self, resource: AsyncExternalDataSourcesResource) -> None:
        self.check_cdc_prerequisites = async_to_raw_response_wrapper(
            resource.check_cdc_prerequisites
        )
        self.list_connections = async_to_raw_response_wrapper(resource.list_connections)
        self.database_schema = async_to_raw_response_wrapper(resource.database_schema)
        self.source_prefix = async_to_raw_response_wrapper(resource.source_prefix)
        self.wizard = async_to_raw_response_wrapper(resource.wizard)
        self.reload = async_to_raw_response_wrapper(resource.reload)
        self.update_revenue_analytics_config = async_to_raw_response_wrapper(
            resource.update_revenue_analytics_config
        )
        self.update_webhook_inputs = async_to_raw_response_wrapper(resource.update_webhook_inputs)
        self.webhook_info = async_to_raw_response_wrapper(resource.webhook_info)
