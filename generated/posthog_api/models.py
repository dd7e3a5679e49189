"""Typed models for every schema of the PostHog API API.

Generated from the OpenAPI document: do not edit; change the spec and run
`make generate`.
"""

from __future__ import annotations

import datetime
from typing import Annotated, Any, Literal, TypeAlias

from pydantic import Discriminator, Field, Tag

from ._models import (
    BaseModel,
    ForwardCompatibleEnum,
    ForwardCompatibleIntEnum,
    UnknownVariant,
    discriminate,
)

__all__ = [
    "SeriesMathType",
    "ActionsNodeMathGroupTypeIndex",
    "PropertyOperator",
    "PropertyGroupFilterType",
    "HogQLQueryModifiersPersonsOnEventsMode",
    "HogQLQueryModifiersPersonsJoinMode",
    "HogQLQueryModifiersPersonsArgMaxVersion",
    "HogQLQueryModifiersInCohortVia",
    "HogQLQueryModifiersMaterializationMode",
    "HogQLQueryModifiersPropertyGroupsMode",
    "HogQLQueryModifiersSessionTableVersion",
    "HogQLQueryModifiersBounceRatePageViewMode",
    "BreakdownType",
    "DataWarehouseSavedQueryDefinitionKind",
    "RoleAtOrganizationEnum",
    "SavedQueryStatusEnum",
    "SavedQueryOriginEnum",
    "ExternalDataSourceTypeEnum",
    "ExternalDataSourceAccessMethodEnum",
    "EndpointDataFreshnessSeconds",
    "EndpointRefreshMode",
    "EngineEnum",
    "EventsNodeMathGroupTypeIndex",
    "ExternalDataSourceCreatedViaEnum",
    "ExternalDataSourceCdcPrerequisitesRequestSourceType",
    "ExternalDataSourceCdcPrerequisitesRequestCdcManagementMode",
    "FunnelsFilterFunnelVizType",
    "FunnelsFilterFunnelOrderType",
    "FunnelsFilterFunnelWindowIntervalUnit",
    "FunnelsFilterFunnelStepReference",
    "FunnelsFilterBreakdownAttributionType",
    "IntervalType",
    "InsightVariableTypeEnum",
    "LifecycleFilterToggledLifecyclesItem",
    "PathsFilterIncludeEventTypesItem",
    "PersonType",
    "QueryChatMessageRole",
    "QueryLimitContext",
    "RetentionEntityType",
    "RetentionFilterRetentionType",
    "RetentionFilterPeriod",
    "StickinessFilterComputedAs",
    "RefreshType",
    "EnvironmentsPersonsPathRetrieveFormat",
    "EnvironmentsSessionRecordingsListOrder",
    "EnvironmentsSessionRecordingsListOrderDirection",
    "ActionsNode",
    "AnyPropertyFilter",
    "ActorsQuery",
    "PropertyGroupFilter",
    "HogQLQueryModifiers",
    "QueryLogTags",
    "BreakdownFilter",
    "ClickhouseQueryProgress",
    "CompareFilter",
    "DashboardFilter",
    "DataWarehouseNode",
    "DataWarehouseSavedQuery",
    "DataWarehouseSavedQueryDefinition",
    "UserBasic",
    "DataWarehouseSavedQueryMinimal",
    "DatabaseSchemaRequest",
    "DateRange",
    "EndpointColumn",
    "EndpointLastExecutionTimesRequest",
    "EndpointMaterialization",
    "EndpointQuery",
    "EndpointRequest",
    "EndpointResponse",
    "EndpointRunRequest",
    "EndpointRunResponse",
    "EndpointVersionResponse",
    "ErrorResponse",
    "EventsNode",
    "EventsQuery",
    "ExternalDataSource",
    "ExternalDataSourceRevenueAnalyticsConfig",
    "ExternalDataSourceCdcPrerequisitesRequest",
    "ExternalDataSourceCdcPrerequisitesResult",
    "ExternalDataSourceConnectionOption",
    "ExternalDataSourceExternalWebhookStatus",
    "ExternalDataSourceIncrementalField",
    "ExternalDataSourcePrefixRequest",
    "ExternalDataSourceReloadResult",
    "ExternalDataSourceTableColumn",
    "ExternalDataSourceTablePreview",
    "ExternalDataSourceWebhookHogFunction",
    "ExternalDataSourceWebhookInfo",
    "ExternalDataSourceWebhookInputsRequest",
    "ExternalDataSourceWebhookInputsResult",
    "ExternalDataSourceWizard",
    "ExternalDataSourceWizardSourceConfig",
    "FunnelsFilter",
    "FunnelsQuery",
    "GenericQueryResponse",
    "QueryStatus",
    "HogQLFilters",
    "HogQLQuery",
    "HogQLVariable",
    "HogQLQueryResponse",
    "QueryTiming",
    "ResolvedDateRange",
    "InsightVariable",
    "LifecycleFilter",
    "LifecycleQuery",
    "MinimalPerson",
    "OtherQueryNode",
    "PaginatedDataWarehouseSavedQueryMinimalList",
    "PaginatedEndpointResponseList",
    "PaginatedEndpointVersionResponseList",
    "PaginatedInsightVariableList",
    "PatchedDataWarehouseSavedQuery",
    "PatchedEndpointRequest",
    "PatchedExternalDataSourceRevenueAnalyticsConfig",
    "PatchedInsightVariable",
    "PatchedSessionRecording",
    "PathsFilter",
    "PathsQuery",
    "Person",
    "PersonMatchedRecording",
    "PersonMatchedRecordingEvent",
    "PersonPropertyValue",
    "PersonsActorGroup",
    "PersonsPathFilter",
    "PersonsPathResponse",
    "PersonsRetentionAppearance",
    "PersonsRetentionResponse",
    "PersonsStickinessResponse",
    "QueryAuthCheckResponse",
    "QueryCancelResponse",
    "QueryChatEvent",
    "QueryChatMessage",
    "QueryChatRequest",
    "QueryDraftSqlResponse",
    "TrendsQuery",
    "TrendsFilter",
    "RetentionQuery",
    "RetentionFilter",
    "RetentionEntity",
    "StickinessQuery",
    "StickinessFilter",
    "QueryRequest",
    "QueryStatusResponse",
    "QueryUpgradeRequest",
    "QueryUpgradeResponse",
    "SessionRecording",
    "SessionRecordingList",
    "SessionRecordingUpdateResult",
    "SharePassword",
    "SharingConfiguration",
    "ExternalDataSourceConnectionOptionList",
    "ExternalDataSourceTablePreviewList",
    "InsightSeriesNode",
    "InsightProperties",
    "PersonPropertyValues",
    "QueryChatStream",
    "QueryNode",
    "QueryResponse",
]


class SeriesMathType(ForwardCompatibleEnum):
    """Aggregation of a series: counts (`total`, `dau`, `weekly_active`,
    `monthly_active`, `unique_session`, `unique_group`, first-time variants),
    property maths over `math_property` (`avg`, `sum`, `min`, `max`, `median`,
    `p75`...`p99`), per-actor counts (`avg_count_per_actor`...), or `hogql`
    over `math_hogql`.
    """

    TOTAL = "total"
    DAU = "dau"
    WEEKLY_ACTIVE = "weekly_active"
    MONTHLY_ACTIVE = "monthly_active"
    UNIQUE_SESSION = "unique_session"
    FIRST_TIME_FOR_USER = "first_time_for_user"
    FIRST_MATCHING_EVENT_FOR_USER = "first_matching_event_for_user"
    FIRST_TIME_FOR_USER_WITH_FILTERS = "first_time_for_user_with_filters"
    AVG = "avg"
    SUM = "sum"
    MIN = "min"
    MAX = "max"
    MEDIAN = "median"
    P75 = "p75"
    P90 = "p90"
    P95 = "p95"
    P99 = "p99"
    AVG_COUNT_PER_ACTOR = "avg_count_per_actor"
    MIN_COUNT_PER_ACTOR = "min_count_per_actor"
    MAX_COUNT_PER_ACTOR = "max_count_per_actor"
    MEDIAN_COUNT_PER_ACTOR = "median_count_per_actor"
    P75_COUNT_PER_ACTOR = "p75_count_per_actor"
    P90_COUNT_PER_ACTOR = "p90_count_per_actor"
    P95_COUNT_PER_ACTOR = "p95_count_per_actor"
    P99_COUNT_PER_ACTOR = "p99_count_per_actor"
    UNIQUE_GROUP = "unique_group"
    HOGQL = "hogql"


class ActionsNodeMathGroupTypeIndex(ForwardCompatibleIntEnum):
    V_0 = 0
    V_1 = 1
    V_2 = 2
    V_3 = 3
    V_4 = 4


class PropertyOperator(ForwardCompatibleEnum):
    """How a property filter compares the property with `value`."""

    EXACT = "exact"
    IS_NOT = "is_not"
    ICONTAINS = "icontains"
    NOT_ICONTAINS = "not_icontains"
    REGEX = "regex"
    NOT_REGEX = "not_regex"
    GT = "gt"
    GTE = "gte"
    LT = "lt"
    LTE = "lte"
    IS_SET = "is_set"
    IS_NOT_SET = "is_not_set"
    IS_DATE_EXACT = "is_date_exact"
    IS_DATE_BEFORE = "is_date_before"
    IS_DATE_AFTER = "is_date_after"
    BETWEEN = "between"
    NOT_BETWEEN = "not_between"
    MIN = "min"
    MAX = "max"
    IN = "in"
    NOT_IN = "not_in"
    IS_CLEANED_PATH_EXACT = "is_cleaned_path_exact"
    FLAG_EVALUATES_TO = "flag_evaluates_to"


class PropertyGroupFilterType(ForwardCompatibleEnum):
    AND = "AND"
    OR = "OR"


class HogQLQueryModifiersPersonsOnEventsMode(ForwardCompatibleEnum):
    DISABLED = "disabled"
    PERSON_ID_NO_OVERRIDE_PROPERTIES_ON_EVENTS = "person_id_no_override_properties_on_events"
    PERSON_ID_OVERRIDE_PROPERTIES_ON_EVENTS = "person_id_override_properties_on_events"
    PERSON_ID_OVERRIDE_PROPERTIES_JOINED = "person_id_override_properties_joined"


class HogQLQueryModifiersPersonsJoinMode(ForwardCompatibleEnum):
    INNER = "inner"
    LEFT = "left"


class HogQLQueryModifiersPersonsArgMaxVersion(ForwardCompatibleEnum):
    AUTO = "auto"
    V1 = "v1"
    V2 = "v2"


class HogQLQueryModifiersInCohortVia(ForwardCompatibleEnum):
    AUTO = "auto"
    LEFTJOIN = "leftjoin"
    SUBQUERY = "subquery"
    LEFTJOIN_CONJOINED = "leftjoin_conjoined"


class HogQLQueryModifiersMaterializationMode(ForwardCompatibleEnum):
    AUTO = "auto"
    LEGACY_NULL_AS_STRING = "legacy_null_as_string"
    LEGACY_NULL_AS_NULL = "legacy_null_as_null"
    DISABLED = "disabled"


class HogQLQueryModifiersPropertyGroupsMode(ForwardCompatibleEnum):
    ENABLED = "enabled"
    DISABLED = "disabled"
    OPTIMIZED = "optimized"


class HogQLQueryModifiersSessionTableVersion(ForwardCompatibleEnum):
    AUTO = "auto"
    V1 = "v1"
    V2 = "v2"
    V3 = "v3"


class HogQLQueryModifiersBounceRatePageViewMode(ForwardCompatibleEnum):
    COUNT_PAGEVIEWS = "count_pageviews"
    UNIQ_URLS = "uniq_urls"
    UNIQ_PAGE_SCREEN_AUTOCAPTURES = "uniq_page_screen_autocaptures"


class BreakdownType(ForwardCompatibleEnum):
    COHORT = "cohort"
    PERSON = "person"
    EVENT = "event"
    EVENT_METADATA = "event_metadata"
    GROUP = "group"
    SESSION = "session"
    HOGQL = "hogql"
    DATA_WAREHOUSE = "data_warehouse"
    DATA_WAREHOUSE_PERSON_PROPERTY = "data_warehouse_person_property"
    REVENUE_ANALYTICS = "revenue_analytics"


class DataWarehouseSavedQueryDefinitionKind(ForwardCompatibleEnum):
    HOG_QL_QUERY = "HogQLQuery"


class RoleAtOrganizationEnum(ForwardCompatibleEnum):
    ENGINEERING = "engineering"
    DATA = "data"
    PRODUCT = "product"
    FOUNDER = "founder"
    LEADERSHIP = "leadership"
    MARKETING = "marketing"
    SALES = "sales"
    OTHER = "other"
    EMPTY = ""


class SavedQueryStatusEnum(ForwardCompatibleEnum):
    """Status of a view's last materialization run."""

    CANCELLED = "Cancelled"
    MODIFIED = "Modified"
    COMPLETED = "Completed"
    FAILED = "Failed"
    RUNNING = "Running"


class SavedQueryOriginEnum(ForwardCompatibleEnum):
    """`data_warehouse`: created in the SQL editor or through this API.
    `endpoint`: created for a PostHog endpoint.
    `managed_viewset`: created and managed by PostHog (e.g. revenue analytics views).
    """

    DATA_WAREHOUSE = "data_warehouse"
    ENDPOINT = "endpoint"
    MANAGED_VIEWSET = "managed_viewset"


class ExternalDataSourceTypeEnum(ForwardCompatibleEnum):
    """The kind of external source."""

    ASHBY = "Ashby"
    SUPABASE = "Supabase"
    CUSTOMER_IO = "CustomerIO"
    GITHUB = "Github"
    STRIPE = "Stripe"
    HUBSPOT = "Hubspot"
    POSTGRES = "Postgres"
    ZENDESK = "Zendesk"
    SNOWFLAKE = "Snowflake"
    SALESFORCE = "Salesforce"
    MY_SQL = "MySQL"
    MONGO_DB = "MongoDB"
    MSSQL = "MSSQL"
    VITALLY = "Vitally"
    BIG_QUERY = "BigQuery"
    CHARGEBEE = "Chargebee"
    CLERK = "Clerk"
    GOOGLE_ADS = "GoogleAds"
    TEMPORAL_IO = "TemporalIO"
    DO_IT = "DoIt"
    GOOGLE_SHEETS = "GoogleSheets"
    META_ADS = "MetaAds"
    KLAVIYO = "Klaviyo"
    MAILCHIMP = "Mailchimp"
    BRAZE = "Braze"
    MAILJET = "Mailjet"
    REDSHIFT = "Redshift"
    POLAR = "Polar"
    REVENUE_CAT = "RevenueCat"
    LINKEDIN_ADS = "LinkedinAds"
    REDDIT_ADS = "RedditAds"
    TIK_TOK_ADS = "TikTokAds"
    BING_ADS = "BingAds"
    SHOPIFY = "Shopify"
    ATTIO = "Attio"
    SNAPCHAT_ADS = "SnapchatAds"
    LINEAR = "Linear"
    INTERCOM = "Intercom"
    AMPLITUDE = "Amplitude"
    MIXPANEL = "Mixpanel"
    JIRA = "Jira"
    ACTIVE_CAMPAIGN = "ActiveCampaign"
    MARKETO = "Marketo"
    ADJUST = "Adjust"
    APPS_FLYER = "AppsFlyer"
    FRESHDESK = "Freshdesk"
    GOOGLE_ANALYTICS = "GoogleAnalytics"
    PIPEDRIVE = "Pipedrive"
    SEND_GRID = "SendGrid"
    SLACK = "Slack"
    PAGER_DUTY = "PagerDuty"
    ASANA = "Asana"
    NOTION = "Notion"
    AIRTABLE = "Airtable"
    GREENHOUSE = "Greenhouse"
    BAMBOO_HR = "BambooHR"
    LEVER = "Lever"
    GIT_LAB = "GitLab"
    DATADOG = "Datadog"
    SENTRY = "Sentry"
    PENDO = "Pendo"
    FULL_STORY = "FullStory"
    AMAZON_ADS = "AmazonAds"
    PINTEREST_ADS = "PinterestAds"
    APPLE_SEARCH_ADS = "AppleSearchAds"
    QUICK_BOOKS = "QuickBooks"
    XERO = "Xero"
    NET_SUITE = "NetSuite"
    WOO_COMMERCE = "WooCommerce"
    BIG_COMMERCE = "BigCommerce"
    PAY_PAL = "PayPal"
    SQUARE = "Square"
    ZOOM = "Zoom"
    TRELLO = "Trello"
    MONDAY = "Monday"
    CLICK_UP = "ClickUp"
    CONFLUENCE = "Confluence"
    RECURLY = "Recurly"
    SALES_LOFT = "SalesLoft"
    OUTREACH = "Outreach"
    GONG = "Gong"
    CALENDLY = "Calendly"
    TYPEFORM = "Typeform"
    ITERABLE = "Iterable"
    ZOHO_CRM = "ZohoCRM"
    CLOSE = "Close"
    ORACLE = "Oracle"
    DYNAMO_DB = "DynamoDB"
    ELASTICSEARCH = "Elasticsearch"
    KAFKA = "Kafka"
    LAUNCH_DARKLY = "LaunchDarkly"
    BRAINTREE = "Braintree"
    RECHARGE = "Recharge"
    HELP_SCOUT = "HelpScout"
    GORGIAS = "Gorgias"
    INSTAGRAM = "Instagram"
    YOU_TUBE_ANALYTICS = "YouTubeAnalytics"
    FACEBOOK_PAGES = "FacebookPages"
    TWITTER_ADS = "TwitterAds"
    WORKDAY = "Workday"
    SERVICE_NOW = "ServiceNow"
    PARDOT = "Pardot"
    COPPER = "Copper"
    FRONT = "Front"
    CHART_MOGUL = "ChartMogul"
    ZUORA = "Zuora"
    PADDLE = "Paddle"
    CIRCLE_CI = "CircleCI"
    COCKROACH_DB = "CockroachDB"
    FIREBASE = "Firebase"
    AZURE_BLOB = "AzureBlob"
    GOOGLE_DRIVE = "GoogleDrive"
    ONE_DRIVE = "OneDrive"
    SHARE_POINT = "SharePoint"
    BOX = "Box"
    SFTP = "SFTP"
    MICROSOFT_TEAMS = "MicrosoftTeams"
    AIRCALL = "Aircall"
    WEBFLOW = "Webflow"
    OKTA = "Okta"
    AUTH0 = "Auth0"
    PRODUCTBOARD = "Productboard"
    SMARTSHEET = "Smartsheet"
    WRIKE = "Wrike"
    PLAID = "Plaid"
    SURVEY_MONKEY = "SurveyMonkey"
    EVENTBRITE = "Eventbrite"
    RING_CENTRAL = "RingCentral"
    TWILIO = "Twilio"
    FRESHSALES = "Freshsales"
    SHORTCUT = "Shortcut"
    CONVERT_KIT = "ConvertKit"
    DRIP = "Drip"
    CAMPAIGN_MONITOR = "CampaignMonitor"
    MAILER_LITE = "MailerLite"
    OMNISEND = "Omnisend"
    BREVO = "Brevo"
    POSTMARK = "Postmark"
    GRANOLA = "Granola"
    BUILD_BETTER = "BuildBetter"
    CONVEX = "Convex"
    CLICK_HOUSE = "ClickHouse"
    PLAIN = "Plain"
    RESEND = "Resend"


class ExternalDataSourceAccessMethodEnum(ForwardCompatibleEnum):
    """`warehouse`: tables are synced into PostHog's warehouse.
    `direct`: tables are queried live on the source (Postgres only).
    """

    WAREHOUSE = "warehouse"
    DIRECT = "direct"


class EndpointDataFreshnessSeconds(ForwardCompatibleIntEnum):
    """How fresh an endpoint's data must be, in seconds: 900 (15 min), 1800 (30 min),
    3600 (1 h), 21600 (6 h), 43200 (12 h), 86400 (24 h, the default) or 604800 (7 d).
    It sets both the cache TTL of inline runs and the sync frequency of a
    materialized endpoint.
    """

    V_900 = 900
    V_1800 = 1800
    V_3600 = 3600
    V_21600 = 21600
    V_43200 = 43200
    V_86400 = 86400
    V_604800 = 604800


class EndpointRefreshMode(ForwardCompatibleEnum):
    """How a run uses cached and materialized results:
    - `cache`: return cached results when they are fresh enough, otherwise compute (default);
    - `force`: always recompute, ignoring the cache;
    - `direct`: skip the materialized table and run the original query (materialized endpoints only).
    """

    CACHE = "cache"
    FORCE = "force"
    DIRECT = "direct"


class EngineEnum(ForwardCompatibleEnum):
    """Backend engine of a direct connection."""

    DUCKDB = "duckdb"
    POSTGRES = "postgres"


class EventsNodeMathGroupTypeIndex(ForwardCompatibleIntEnum):
    """Group type counted by `math: unique_group`."""

    V_0 = 0
    V_1 = 1
    V_2 = 2
    V_3 = 3
    V_4 = 4


class ExternalDataSourceCreatedViaEnum(ForwardCompatibleEnum):
    WEB = "web"
    API = "api"
    MCP = "mcp"


class ExternalDataSourceCdcPrerequisitesRequestSourceType(ForwardCompatibleEnum):
    """Must be `Postgres`; any other value is rejected with 400."""

    POSTGRES = "Postgres"


class ExternalDataSourceCdcPrerequisitesRequestCdcManagementMode(ForwardCompatibleEnum):
    """`posthog`: PostHog creates the publication and the replication slot.
    `self_managed`: your DBA creates the publication and PostHog only
    creates the slot.
    """

    POSTHOG = "posthog"
    SELF_MANAGED = "self_managed"


class FunnelsFilterFunnelVizType(ForwardCompatibleEnum):
    STEPS = "steps"
    TIME_TO_CONVERT = "time_to_convert"
    TRENDS = "trends"


class FunnelsFilterFunnelOrderType(ForwardCompatibleEnum):
    """Whether steps must happen in order (`ordered`), back to back (`strict`) or in any order."""

    STRICT = "strict"
    UNORDERED = "unordered"
    ORDERED = "ordered"


class FunnelsFilterFunnelWindowIntervalUnit(ForwardCompatibleEnum):
    SECOND = "second"
    MINUTE = "minute"
    HOUR = "hour"
    DAY = "day"
    WEEK = "week"
    MONTH = "month"


class FunnelsFilterFunnelStepReference(ForwardCompatibleEnum):
    TOTAL = "total"
    PREVIOUS = "previous"


class FunnelsFilterBreakdownAttributionType(ForwardCompatibleEnum):
    FIRST_TOUCH = "first_touch"
    LAST_TOUCH = "last_touch"
    ALL_EVENTS = "all_events"
    STEP = "step"


class IntervalType(ForwardCompatibleEnum):
    """The time bucket of an insight."""

    SECOND = "second"
    MINUTE = "minute"
    HOUR = "hour"
    DAY = "day"
    WEEK = "week"
    MONTH = "month"


class InsightVariableTypeEnum(ForwardCompatibleEnum):
    """The type of an insight variable, which controls how its value is rendered
    and substituted in HogQL.
    """

    STRING = "String"
    NUMBER = "Number"
    BOOLEAN = "Boolean"
    LIST = "List"
    DATE = "Date"


class LifecycleFilterToggledLifecyclesItem(ForwardCompatibleEnum):
    NEW = "new"
    RESURRECTING = "resurrecting"
    RETURNING = "returning"
    DORMANT = "dormant"


class PathsFilterIncludeEventTypesItem(ForwardCompatibleEnum):
    PAGEVIEW = "$pageview"
    SCREEN = "$screen"
    CUSTOM_EVENT = "custom_event"
    HOGQL = "hogql"


class PersonType(ForwardCompatibleEnum):
    """The actor type; always `person` in these lists."""

    PERSON = "person"


class QueryChatMessageRole(ForwardCompatibleEnum):
    USER = "user"
    ASSISTANT = "assistant"


class QueryLimitContext(ForwardCompatibleEnum):
    """Execution limit profile. `posthog_ai` is the only value a client may send."""

    POSTHOG_AI = "posthog_ai"


class RetentionEntityType(ForwardCompatibleEnum):
    EVENTS = "events"
    ACTIONS = "actions"
    NEW_ENTITY = "new_entity"
    DATA_WAREHOUSE = "data_warehouse"


class RetentionFilterRetentionType(ForwardCompatibleEnum):
    RETENTION_RECURRING = "retention_recurring"
    RETENTION_FIRST_TIME = "retention_first_time"
    RETENTION_FIRST_EVER_OCCURRENCE = "retention_first_ever_occurrence"


class RetentionFilterPeriod(ForwardCompatibleEnum):
    HOUR = "Hour"
    DAY = "Day"
    WEEK = "Week"
    MONTH = "Month"


class StickinessFilterComputedAs(ForwardCompatibleEnum):
    NON_CUMULATIVE = "non_cumulative"
    CUMULATIVE = "cumulative"


class RefreshType(ForwardCompatibleEnum):
    """How to calculate results and how much to rely on the cache:

    - `blocking`: calculate synchronously (returning only when the query is done), unless there are very fresh results in the cache.
    - `async`: kick off a background calculation and return at once with a query status, unless there are very fresh results in the cache.
    - `lazy_async`: kick off a background calculation, unless there are somewhat fresh results in the cache.
    - `force_blocking`: calculate synchronously, even if fresh results are already cached.
    - `force_async`: kick off a background calculation, even if fresh results are already cached.
    - `force_cache`: return cached data or a cache miss; never calculates. On this endpoint the server calculates synchronously when the cache is stale.
    - `async_except_on_cache_miss`: use the cache, calculate in the background when it is stale, but synchronously on a cache miss.

    A background calculation is tracked through the `query_status` field of the response.
    """

    ASYNC = "async"
    ASYNC_EXCEPT_ON_CACHE_MISS = "async_except_on_cache_miss"
    BLOCKING = "blocking"
    FORCE_ASYNC = "force_async"
    FORCE_BLOCKING = "force_blocking"
    FORCE_CACHE = "force_cache"
    LAZY_ASYNC = "lazy_async"


class EnvironmentsPersonsPathRetrieveFormat(ForwardCompatibleEnum):
    CSV = "csv"
    JSON = "json"


class EnvironmentsSessionRecordingsListOrder(ForwardCompatibleEnum):
    START_TIME = "start_time"
    DURATION = "duration"
    RECORDING_DURATION = "recording_duration"
    ACTIVE_SECONDS = "active_seconds"
    INACTIVE_SECONDS = "inactive_seconds"
    CONSOLE_ERROR_COUNT = "console_error_count"
    CLICK_COUNT = "click_count"
    KEYPRESS_COUNT = "keypress_count"
    MOUSE_ACTIVITY_COUNT = "mouse_activity_count"
    ACTIVITY_SCORE = "activity_score"
    RECORDING_TTL = "recording_ttl"


class EnvironmentsSessionRecordingsListOrderDirection(ForwardCompatibleEnum):
    ASC = "ASC"
    DESC = "DESC"


class ActionsNode(BaseModel):
    """A series of the events matching a saved action."""

    kind: Literal["ActionsNode"] = "ActionsNode"
    id: int
    """The action's id."""

    name: str | None = None
    custom_name: str | None = None
    math: SeriesMathType | None = None
    math_property: str | None = None
    math_hogql: str | None = None
    math_group_type_index: ActionsNodeMathGroupTypeIndex | None = None
    properties: list[AnyPropertyFilter] | None = None
    fixed_properties: list[AnyPropertyFilter] | None = Field(default=None, alias="fixedProperties")
    version: float | None = None
    """Version of the node, used for schema migrations."""


class AnyPropertyFilter(BaseModel):
    """One property filter. `type` says what the property belongs to: `event`,
    `person`, `element`, `event_metadata`, `session`, `cohort`, `recording`,
    `group` (with `group_type_index`), `feature`, `flag`, `hogql` (then `key`
    is a HogQL boolean expression), `data_warehouse`,
    `data_warehouse_person_property`, `error_tracking_issue`, `log`,
    `revenue_analytics` or `empty`.
    """

    type: str = "event"
    key: str | None = None
    """The property name (for a cohort filter `id`, for a `hogql` filter the expression)."""

    value: Any = None
    """The value or values to compare with; a list matches any of its items."""

    operator: PropertyOperator | None = None
    label: str | None = None
    group_type_index: int | None = None
    """The group type of a `group` filter."""


class ActorsQuery(BaseModel):
    """List persons or groups, optionally the actors behind an insight (`source`)."""

    kind: Literal["ActorsQuery"] = "ActorsQuery"
    select: list[str] | None = None
    """HogQL expressions to return, e.g. `["person", "id", "created_at"]`."""

    search: str | None = None
    """Search persons by name, email, distinct id or uuid."""

    properties: list[AnyPropertyFilter] | PropertyGroupFilter | None = None
    """Person property filters, as a list or a property group."""

    fixed_properties: list[AnyPropertyFilter] | None = Field(default=None, alias="fixedProperties")
    """Additional person filters that cannot be edited in the interface."""

    source: dict[str, Any] | None = None
    """The query whose actors to list, e.g. an `InsightActorsQuery` or a `HogQLQuery` returning actor ids."""

    order_by: list[str] | None = Field(default=None, alias="orderBy")
    limit: int | None = None
    offset: int | None = None
    modifiers: HogQLQueryModifiers | None = None
    tags: QueryLogTags | None = None
    version: float | None = None
    """Version of the node, used for schema migrations."""


class PropertyGroupFilter(BaseModel):
    """Property filters combined with AND or OR, in nested groups."""

    type: PropertyGroupFilterType
    values: list[dict[str, Any]]
    """Groups, each `{type: AND|OR, values: [filters or groups]}`."""


class HogQLQueryModifiers(BaseModel):
    """Settings that change how HogQL is translated to ClickHouse SQL. The most
    used ones are listed; PostHog accepts others as well, which pass through.
    """

    persons_on_events_mode: HogQLQueryModifiersPersonsOnEventsMode | None = Field(
        default=None, alias="personsOnEventsMode"
    )
    persons_join_mode: HogQLQueryModifiersPersonsJoinMode | None = Field(
        default=None, alias="personsJoinMode"
    )
    persons_arg_max_version: HogQLQueryModifiersPersonsArgMaxVersion | None = Field(
        default=None, alias="personsArgMaxVersion"
    )
    in_cohort_via: HogQLQueryModifiersInCohortVia | None = Field(default=None, alias="inCohortVia")
    materialization_mode: HogQLQueryModifiersMaterializationMode | None = Field(
        default=None, alias="materializationMode"
    )
    property_groups_mode: HogQLQueryModifiersPropertyGroupsMode | None = Field(
        default=None, alias="propertyGroupsMode"
    )
    session_table_version: HogQLQueryModifiersSessionTableVersion | None = Field(
        default=None, alias="sessionTableVersion"
    )
    bounce_rate_page_view_mode: HogQLQueryModifiersBounceRatePageViewMode | None = Field(
        default=None, alias="bounceRatePageViewMode"
    )
    data_warehouse_events_modifiers: list[dict[str, Any]] | None = Field(
        default=None, alias="dataWarehouseEventsModifiers"
    )
    """Data warehouse tables to expose as event sources, each `{table_name, id_field, timestamp_field, distinct_id_field}`."""

    convert_to_project_timezone: bool | None = Field(default=None, alias="convertToProjectTimezone")
    """Convert timestamps to the project's timezone."""

    use_materialized_views: bool | None = Field(default=None, alias="useMaterializedViews")
    optimize_joined_filters: bool | None = Field(default=None, alias="optimizeJoinedFilters")
    debug: bool | None = None
    """Return the error and extra debugging output instead of failing."""

    timings: bool | None = None
    """Return detailed timings."""


class QueryLogTags(BaseModel):
    """Tags recorded with the query in the query log."""

    product_key: str | None = Field(default=None, alias="productKey")
    """Product responsible for this query."""

    scene: str | None = None
    """Scene of the UI where this query is shown."""


class BreakdownFilter(BaseModel):
    """How to break an insight's results down by a property or cohort."""

    breakdown_type: BreakdownType | None = None
    breakdown: str | int | list[str | int] | None = None
    """The property name, HogQL expression, cohort id or list of cohort ids to break down by."""

    breakdowns: list[dict[str, Any]] | None = None
    """Several breakdowns at once, each `{property, type, group_type_index, normalize_url, histogram_bin_count}`."""

    breakdown_limit: int | None = None
    """Maximum number of breakdown values; the rest are grouped as "Other"."""

    breakdown_group_type_index: int | None = None
    breakdown_normalize_url: bool | None = None
    breakdown_hide_other_aggregation: bool | None = None
    breakdown_histogram_bin_count: int | None = None


class ClickhouseQueryProgress(BaseModel):
    """Progress of a running query, summed over its ClickHouse queries."""

    active_cpu_time: int
    """CPU time used so far, in microseconds."""

    bytes_read: int
    estimated_rows_total: int
    """ClickHouse's estimate of the rows to read in total."""

    rows_read: int
    time_elapsed: int
    """Seconds since the query started."""


class CompareFilter(BaseModel):
    """Compare the date range with an earlier one."""

    compare: bool | None = False
    compare_to: str | None = None
    """The earlier range, as a relative date such as `-1y`, `-14d` or `-30h`."""


class DashboardFilter(BaseModel):
    """Filters of a dashboard, applied over a query through `filters_override`."""

    date_from: str | None = None
    """Start of the date range, absolute (`2025-11-01`) or relative (`-7d`)."""

    date_to: str | None = None
    """End of the date range, absolute or relative; `null` means now."""

    properties: list[AnyPropertyFilter] | None = None
    """Property filters added to the query."""

    breakdown_filter: BreakdownFilter | None = None


class DataWarehouseNode(BaseModel):
    """A series read from a data warehouse table instead of events."""

    kind: Literal["DataWarehouseNode"] = "DataWarehouseNode"
    id: str
    """Identifier of the series, usually the table name."""

    table_name: str
    id_field: str
    """Column holding the row id."""

    timestamp_field: str
    """Column holding the row timestamp."""

    distinct_id_field: str
    """Column holding the distinct id of the actor."""

    name: str | None = None
    custom_name: str | None = None
    math: SeriesMathType | None = None
    math_property: str | None = None
    math_hogql: str | None = None
    properties: list[AnyPropertyFilter] | None = None
    version: float | None = None
    """Version of the node, used for schema migrations."""


class DataWarehouseSavedQuery(BaseModel):
    """A data warehouse view: a saved HogQL query that can be queried as a table
    by its `name`, and optionally materialized on a schedule.

    As a request body (create), the read-only fields are ignored and only
    `name` is required. The write-only fields (`edited_history_id`,
    `soft_update`, `dag_id`) are accepted on input and never returned.
    """

    id: str
    deleted: bool | None = None
    """Whether the view is deleted. Set it to true to soft-delete the view."""

    name: str
    """Unique name of the view. It is the table name in HogQL queries and the node name in the data modeling DAG."""

    query: DataWarehouseSavedQueryDefinition | None = None
    """The HogQL query that defines the view, as `{"kind": "HogQLQuery",
    "query": "<SQL>"}`. Columns are inferred from it on save unless
    `soft_update` is true.
    """

    created_by: UserBasic
    created_at: datetime.datetime
    sync_frequency: str | None
    """How often the materialized view is refreshed (e.g. `24hour`), or null
    when the view is not materialized on a schedule.
    """

    columns: list[dict[str, Any]]
    """The view's columns as HogQL sees them, each with fields such as `key`,
    `name`, `type`, `schema_valid`, `table` and `chain`.
    """

    status: SavedQueryStatusEnum | None
    """The status of the view's last materialization run, or null if it never ran."""

    last_run_at: datetime.datetime | None
    """When the view was last materialized."""

    managed_viewset_kind: str | None
    """Kind of the managed viewset the view belongs to (e.g. `revenue_analytics`), or null for a user-defined view."""

    folder_id: str | None = None
    """Optional folder used to organize the view in the SQL editor sidebar."""

    folder_name: str | None
    """Name of the folder the view is in."""

    latest_error: str | None
    """Error of the latest materialization run, if it failed."""

    edited_history_id: str | None = None
    """Activity log id of the last edit the client has seen (the
    `latest_history_id` it read), used for conflict detection. An update
    that changes `query` without `soft_update` fails with 400 ("The query
    was modified by someone else.") unless it matches the latest edit.
    """

    latest_history_id: str | None
    """Id (a UUID) of the activity log entry of the latest edit of the view;
    send it back as `edited_history_id` when updating the query. PostHog's
    published schema says integer, but activity log ids are UUIDs and the
    server returns them as strings.
    """

    soft_update: bool | None = None
    """If true, skip column inference and validation (for saving drafts)."""

    dag_id: str | None = None
    """Optional data modeling DAG to place the view into."""

    is_materialized: bool | None
    """Whether the view is materialized into a table."""

    origin: SavedQueryOriginEnum | None
    """Where the view was created."""

    is_test: bool | None = None
    """Whether the view is for testing only and will expire automatically."""

    expires_at: datetime.datetime | None
    """When a test view will be deleted automatically."""

    user_access_level: str | None
    """The effective access level the requesting user has for this view (e.g. `viewer`, `editor`)."""


class DataWarehouseSavedQueryDefinition(BaseModel):
    """A view's query definition."""

    kind: DataWarehouseSavedQueryDefinitionKind = DataWarehouseSavedQueryDefinitionKind.HOG_QL_QUERY
    query: str
    """The HogQL SELECT statement."""


class UserBasic(BaseModel):
    """The user who created an object."""

    id: int
    uuid: str
    distinct_id: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    email: str
    is_email_verified: bool | None = None
    hedgehog_config: dict[str, Any] | None
    role_at_organization: RoleAtOrganizationEnum | None = None
    """The user's role in their organization."""


class DataWarehouseSavedQueryMinimal(BaseModel):
    """A view as the list operation returns it: every field of a view except the
    query definition and the edit history id, to keep lists small. Retrieve
    the view by id for its `query`.
    """

    id: str
    deleted: bool | None
    name: str
    """Unique name of the view; its table name in HogQL queries."""

    created_by: UserBasic
    created_at: datetime.datetime
    sync_frequency: str | None
    """How often the materialized view is refreshed (e.g. `24hour`), or null."""

    columns: list[dict[str, Any]]
    """The view's columns as HogQL sees them."""

    status: SavedQueryStatusEnum | None
    """The status of the view's last materialization run, or null if it never ran."""

    last_run_at: datetime.datetime | None
    managed_viewset_kind: str | None
    folder_id: str | None
    folder_name: str | None
    latest_error: str | None
    is_materialized: bool | None
    origin: SavedQueryOriginEnum | None
    """Where the view was created."""

    is_test: bool
    """Whether the view is for testing only and will expire automatically."""

    expires_at: datetime.datetime | None
    user_access_level: str | None
    """The effective access level the requesting user has for this view."""


class DatabaseSchemaRequest(BaseModel):
    """Credentials to validate and preview the tables of a source. The body holds
    `source_type` plus the flat, source-specific credential fields (for
    Postgres: `host`, `port`, `database`, `user`, `password`, `schema`). The
    fields each source type takes are listed by the wizard operation.
    """

    source_type: ExternalDataSourceTypeEnum
    """The source type to validate against."""

    access_method: ExternalDataSourceAccessMethodEnum = ExternalDataSourceAccessMethodEnum.WAREHOUSE
    """Connection mode to validate the credentials for (only Postgres supports `direct`)."""


class DateRange(BaseModel):
    """A date range. Dates are absolute (`2025-11-01`, `2025-11-01T10:00:00Z`) or relative (`-7d`, `-1m`, `mStart`)."""

    date_from: str | None = None
    date_to: str | None = None
    """End of the range; `null` means now."""

    explicit_date: bool | None = Field(default=False, alias="explicitDate")
    """Whether date_from and date_to should be used verbatim. Disables rounding to the start and end of period."""


class EndpointColumn(BaseModel):
    """A column of the endpoint's query result."""

    name: str
    """Column name from the query's SELECT clause."""

    type: str
    """Serialized column type: integer, float, string, datetime, date, boolean, array, json or unknown."""


class EndpointLastExecutionTimesRequest(BaseModel):
    """The endpoints whose last execution times to look up."""

    names: list[str]
    """Endpoint names. Each must be a valid endpoint name; an empty list returns no results."""


class EndpointMaterialization(BaseModel):
    """Materialization status of an endpoint version. When the version is
    materialized the object carries `status`, `last_materialized_at`, `error` and
    `saved_query_id`; otherwise it says whether it could be (`can_materialize`)
    and, if not, why (`reason`).
    """

    name: str | None = None
    """URL-safe endpoint name. Present only in the materialization status answer, not inside an endpoint."""

    status: str | None = None
    """Current materialization status, e.g. `Completed`, `Running`, `Failed`."""

    can_materialize: bool
    """Whether this endpoint's query can be materialized."""

    reason: str | None = None
    """Why materialization is not possible (only when `can_materialize` is false)."""

    last_materialized_at: datetime.datetime | None = None
    """When the last successful materialization ran."""

    error: str | None = None
    """The last materialization error, or an empty string."""

    saved_query_id: str | None = None
    """The warehouse saved query backing the materialization. Only set when the version is materialized."""


class EndpointQuery(BaseModel):
    """The query an endpoint runs: a `HogQLQuery` node or an insight query node
    (`TrendsQuery`, `FunnelsQuery`, `RetentionQuery`, `PathsQuery`,
    `StickinessQuery`, `LifecycleQuery`), as accepted by the query API. The node
    schemas themselves are described with the query tag.
    """

    kind: str
    """The query node kind, e.g. `HogQLQuery` or `TrendsQuery`."""

    query: str | None = None
    """For a `HogQLQuery`, the HogQL text. Variables are referenced as `{variables.code_name}`."""

    variables: dict[str, Any] | None = None
    """For a `HogQLQuery`, the insight variables the query uses, keyed by variable id."""


class EndpointRequest(BaseModel):
    """The body of a create request. `name` and `query` are required; everything
    else is optional.
    """

    name: str
    """Unique URL-safe name. Must start with a letter and contain only letters, digits, hyphens and underscores; at most 128 characters."""

    query: EndpointQuery
    """The query an endpoint runs: a `HogQLQuery` node or an insight query node
    (`TrendsQuery`, `FunnelsQuery`, `RetentionQuery`, `PathsQuery`,
    `StickinessQuery`, `LifecycleQuery`), as accepted by the query API. The node
    schemas themselves are described with the query tag.
    """

    description: str | None = None
    """Human-readable description of what this endpoint returns."""

    data_freshness_seconds: EndpointDataFreshnessSeconds | None = None
    """How fresh the data must be. Defaults to 86400 (24 hours)."""

    is_active: bool | None = None
    """Whether the endpoint can be run through the API. Defaults to true."""

    is_materialized: bool | None = None
    """Whether to materialize the query's results to S3 so runs read a pre-computed table."""

    derived_from_insight: str | None = None
    """Short ID of the insight this endpoint was created from."""

    bucket_overrides: dict[str, str] | None = None
    """Per-column bucket overrides for materializing range variables: column name to bucket key, e.g. `{"timestamp": "hour"}`."""


class EndpointResponse(BaseModel):
    """An endpoint as returned by list, retrieve, create and update."""

    id: str
    """Unique endpoint identifier."""

    name: str
    """URL-safe endpoint name, unique per project. Used in the endpoint's paths."""

    description: str | None
    """Human-readable description of the endpoint."""

    query: EndpointQuery
    """The query an endpoint runs: a `HogQLQuery` node or an insight query node
    (`TrendsQuery`, `FunnelsQuery`, `RetentionQuery`, `PathsQuery`,
    `StickinessQuery`, `LifecycleQuery`), as accepted by the query API. The node
    schemas themselves are described with the query tag.
    """

    is_active: bool
    """Whether the endpoint can be run through the API."""

    data_freshness_seconds: EndpointDataFreshnessSeconds
    """How fresh an endpoint's data must be, in seconds: 900 (15 min), 1800 (30 min),
    3600 (1 h), 21600 (6 h), 43200 (12 h), 86400 (24 h, the default) or 604800 (7 d).
    It sets both the cache TTL of inline runs and the sync frequency of a
    materialized endpoint.
    """

    endpoint_path: str
    """Relative API path that runs this endpoint, e.g. `/api/environments/12345/endpoints/weekly-signups/run`."""

    url: str | None
    """Absolute URL that runs this endpoint."""

    ui_url: str | None
    """Absolute URL of this endpoint in the PostHog app."""

    created_at: datetime.datetime
    """When the endpoint was created."""

    updated_at: datetime.datetime
    """When the endpoint was last updated."""

    created_by: UserBasic
    """The user who created the endpoint."""

    is_materialized: bool
    """Whether the current version's results are pre-computed to S3."""

    current_version: int
    """Latest version number."""

    current_version_id: str | None
    """Identifier of the current version."""

    versions_count: int
    """Number of versions of this endpoint."""

    derived_from_insight: str | None
    """Short ID of the insight this endpoint was created from, if any."""

    last_executed_at: datetime.datetime | None
    """When the endpoint was last run with an API key, or null if never. Updated at most every 30 minutes."""

    materialization: EndpointMaterialization
    """Materialization status of an endpoint version. When the version is
    materialized the object carries `status`, `last_materialized_at`, `error` and
    `saved_query_id`; otherwise it says whether it could be (`can_materialize`)
    and, if not, why (`reason`).
    """

    bucket_overrides: dict[str, Any] | None
    """Per-column bucket overrides for materializing range variables."""

    columns: list[EndpointColumn]
    """Column names and types of the query's result."""

    tags: list[str] | None = None
    """Tags attached to the endpoint (newer servers only)."""

    optional_breakdown_properties: list[str] | None = None
    """Breakdown properties that callers may leave out when running a materialized insight endpoint (newer servers only)."""

    materialization_error: str | None = None
    """Only in an update answer, when the update succeeded but enabling materialization failed."""


class EndpointRunRequest(BaseModel):
    """How to run an endpoint. Every field is optional; an empty body runs the
    current version with cached results allowed. Unknown fields are rejected.
    """

    client_query_id: str | None = None
    """Client-provided query ID, to find the query in logs or cancel it through the query API."""

    debug: bool | None = False
    """Include debug information (such as the executed HogQL and timings) in the answer."""

    filters_override: DashboardFilter | None = None
    """Deprecated: a dashboard filter (`date_from`, `date_to`, `properties`,
    `breakdown_filter`) applied to an insight endpoint. Rejected for HogQL
    endpoints; use `variables` instead.
    """

    limit: int | None = None
    """Maximum number of rows to return. Without it all rows are returned."""

    offset: int | None = None
    """Number of rows to skip. Requires `limit`; only HogQL endpoints support it."""

    refresh: EndpointRefreshMode | None = EndpointRefreshMode.CACHE
    """How to use cached and materialized results. Defaults to `cache`."""

    variables: dict[str, Any] | None = None
    """Values for the endpoint's variables. For HogQL endpoints the keys are the
    variable `code_name`s used in the query (`{variables.code_name}`), e.g.
    `{"event_name": "$pageview"}`. For insight endpoints that are not
    materialized, `date_from` and `date_to` filter the date range; for
    materialized insight endpoints the breakdown property name filters by
    breakdown value, e.g. `{"$browser": "Chrome"}`. Unknown names are
    rejected with a 400.
    """

    version: int | None = None
    """The version to run. Defaults to the current version."""


class EndpointRunResponse(BaseModel):
    """The result of running an endpoint. Besides the fields below, the answer
    carries the underlying query response's other fields (for example `types`,
    `is_cached`, `last_refresh`, `endpoint_version_created_at`, and for
    insight endpoints their own result shape).
    """

    name: str
    """Name of the endpoint that was run."""

    execution_id: str | None = None
    """Identifier of this run, matching the entry in the endpoint's logs."""

    results: list[Any] | None = None
    """Result rows. For HogQL endpoints each row is a list of values in `columns` order."""

    columns: list[str] | None = None
    """Column names from the query's SELECT clause."""

    has_more: bool | None = Field(default=None, alias="hasMore")
    """Whether more rows are available beyond `limit`."""

    endpoint_version: int | None = None
    """Version number of the endpoint that was run."""


class EndpointVersionResponse(BaseModel):
    """One version of an endpoint: the endpoint's fields as of that version
    (`query`, `description`, `is_active`, `columns`, `materialization` and
    `last_executed_at` are the version's own) plus the version's identity.
    """

    id: str
    """Identifier of the endpoint (not of the version, see `version_id`)."""

    name: str
    """URL-safe endpoint name, unique per project."""

    description: str | None
    """Human-readable description, as of this version."""

    query: EndpointQuery
    """The query an endpoint runs: a `HogQLQuery` node or an insight query node
    (`TrendsQuery`, `FunnelsQuery`, `RetentionQuery`, `PathsQuery`,
    `StickinessQuery`, `LifecycleQuery`), as accepted by the query API. The node
    schemas themselves are described with the query tag.
    """

    is_active: bool
    """Whether this version can be run."""

    data_freshness_seconds: EndpointDataFreshnessSeconds
    """How fresh an endpoint's data must be, in seconds: 900 (15 min), 1800 (30 min),
    3600 (1 h), 21600 (6 h), 43200 (12 h), 86400 (24 h, the default) or 604800 (7 d).
    It sets both the cache TTL of inline runs and the sync frequency of a
    materialized endpoint.
    """

    endpoint_path: str
    """Relative API path that runs this endpoint."""

    url: str | None
    """Absolute URL that runs this endpoint. Null in version answers."""

    ui_url: str | None
    """Absolute URL of this endpoint in the PostHog app. Null in version answers."""

    created_at: datetime.datetime
    """When the endpoint was created."""

    updated_at: datetime.datetime
    """When the endpoint was last updated."""

    created_by: UserBasic
    """The user who created the endpoint."""

    is_materialized: bool
    """Whether this version's results are pre-computed to S3."""

    current_version: int
    """The endpoint's latest version number."""

    current_version_id: str | None
    """Identifier of this version (same as `version_id`)."""

    versions_count: int
    """Number of versions of this endpoint."""

    derived_from_insight: str | None
    """Short ID of the insight this endpoint was created from, if any."""

    last_executed_at: datetime.datetime | None
    """When this version was last run with an API key, or null if never."""

    materialization: EndpointMaterialization
    """Materialization status of an endpoint version. When the version is
    materialized the object carries `status`, `last_materialized_at`, `error` and
    `saved_query_id`; otherwise it says whether it could be (`can_materialize`)
    and, if not, why (`reason`).
    """

    bucket_overrides: dict[str, Any] | None
    """Per-column bucket overrides of this version."""

    columns: list[EndpointColumn]
    """Column names and types of this version's query result."""

    tags: list[str] | None = None
    """Tags attached to the endpoint (newer servers only)."""

    optional_breakdown_properties: list[str] | None = None
    """Breakdown properties that callers may leave out when running this version materialized (newer servers only)."""

    version: int
    """Version number."""

    version_id: str
    """Identifier of this version."""

    endpoint_is_active: bool
    """Whether the endpoint itself is active (`is_active` is the version's flag)."""

    version_created_at: datetime.datetime
    """When this version was created."""

    version_updated_at: datetime.datetime | None
    """When this version was last updated."""

    version_created_by: UserBasic | None
    """The user who created this version."""


class ErrorResponse(BaseModel):
    """PostHog's error body, produced by its DRF exception handler for every 4xx and 5xx response."""

    type: str
    """The error family, e.g. `validation_error`, `authentication_error`, `throttled_error`, `server_error`."""

    code: str
    """A machine-readable code, e.g. `invalid_input`, `permission_denied`, `not_found`, `throttled`."""

    detail: str
    """A human-readable message."""

    attr: str | None = None
    """The request field the error is about, when there is one."""


class EventsNode(BaseModel):
    """A series of events with one name (or all events), with an aggregation (`math`) and filters."""

    kind: Literal["EventsNode"] = "EventsNode"
    event: str | None = None
    """The event name, or `null` for all events."""

    name: str | None = None
    """Display name of the series, usually the event name."""

    custom_name: str | None = None
    """A custom label for the series."""

    math: SeriesMathType | None = None
    """How to aggregate the events; `total` (count) when absent."""

    math_property: str | None = None
    """The property aggregated by property maths (`sum`, `avg`, `p90`...)."""

    math_property_type: str | None = None
    math_property_revenue_currency: dict[str, Any] | None = None
    """Currency settings of a revenue property (`{property}` or `{static}`)."""

    math_hogql: str | None = None
    """The HogQL expression aggregated when `math` is `hogql`."""

    math_group_type_index: EventsNodeMathGroupTypeIndex | None = None
    """Group type counted by `math: unique_group`."""

    math_multiplier: float | None = None
    properties: list[AnyPropertyFilter] | None = None
    """Property filters on the events."""

    fixed_properties: list[AnyPropertyFilter] | None = Field(default=None, alias="fixedProperties")
    """Additional property filters that cannot be edited in the interface."""

    order_by: list[str] | None = Field(default=None, alias="orderBy")
    """Columns to order by."""

    limit: int | None = None
    response: dict[str, Any] | None = None
    version: float | None = None
    """Version of the node, used for schema migrations."""


class EventsQuery(BaseModel):
    """Select columns of raw events, filtered and ordered, as in PostHog's event explorer."""

    kind: Literal["EventsQuery"] = "EventsQuery"
    select: list[str]
    """HogQL expressions to return, e.g. `["*", "event", "person", "timestamp"]`."""

    where: list[str] | None = None
    """HogQL conditions, all of which must hold."""

    order_by: list[str] | None = Field(default=None, alias="orderBy")
    """Columns to order by, e.g. `["timestamp DESC"]`."""

    limit: int | None = None
    """Number of rows to return."""

    offset: int | None = None
    """Number of rows to skip before returning rows."""

    after: str | None = None
    """Only fetch events that happened after this timestamp (absolute or relative, e.g. `-24h`)."""

    before: str | None = None
    """Only fetch events that happened before this timestamp."""

    event: str | None = None
    """Limit to events with this name."""

    action_id: int | None = Field(default=None, alias="actionId")
    """Show events matching this action."""

    person_id: str | None = Field(default=None, alias="personId")
    """Show events of this person (uuid)."""

    properties: list[AnyPropertyFilter] | None = None
    """Property filters."""

    fixed_properties: list[AnyPropertyFilter] | None = Field(default=None, alias="fixedProperties")
    """Additional property filters that cannot be edited in the interface (e.g. scoping down by person)."""

    filter_test_accounts: bool | None = Field(default=None, alias="filterTestAccounts")
    """Exclude internal and test users."""

    modifiers: HogQLQueryModifiers | None = None
    tags: QueryLogTags | None = None
    version: float | None = None
    """Version of the node, used for schema migrations."""


class ExternalDataSource(BaseModel):
    """A connection to an external database or SaaS source whose tables are synced
    into (or queried live from) the data warehouse. Credentials in `job_inputs`
    are never returned: the server strips secret fields from responses.

    `client_secret` and `account_id` are write-only legacy fields. PostHog's
    published schema lists them as required because DRF marks write-only fields
    required for input, but the server never returns them, and none of the
    operations in this document accepts this schema as a request body, so they
    are left out of `required` here: a response is valid without them.
    """

    id: str
    created_at: datetime.datetime
    created_by: str | None
    """Email address of the user who created the source, or null when it was created without a user."""

    created_via: ExternalDataSourceCreatedViaEnum | None = None
    """How the source was created: `web` for the in-app UI, `api` for direct API
    callers, `mcp` for agent/MCP tool calls. Defaults to `api` on create when
    omitted; ignored on update.
    """

    status: str
    """Overall sync status derived from the source's active schemas, e.g.
    `Running`, `Completed`, `Failed`, `Paused`, `Billing limits` or
    `Billing limits too low`.
    """

    client_secret: str | None = None
    """Legacy write-only credential field. Never returned."""

    account_id: str | None = None
    """Legacy write-only account identifier. Never returned."""

    source_type: ExternalDataSourceTypeEnum
    latest_error: str | None
    """The latest sync error of any of the source's schemas, if any."""

    prefix: str | None = None
    """Prefix of the source's table names in HogQL (e.g. `stripe_prod` gives
    `stripe_prod_stripe_charge`). For direct-query sources it is the
    user-facing name of the connection.
    """

    description: str | None = None
    """Human-readable description of the source."""

    access_method: ExternalDataSourceAccessMethodEnum
    engine: EngineEnum | None
    """Backend engine detected for a direct connection; null for warehouse (synced) sources."""

    last_run_at: datetime.datetime | None
    """When the latest completed sync job of this source started, or null if none completed yet."""

    schemas: list[dict[str, Any]]
    """The source's tables (external data schemas), each with fields such as
    `id`, `name`, `should_sync`, `sync_type`, `status`, `last_synced_at`
    and `table`.
    """

    job_inputs: dict[str, Any] | None = None
    """Source-specific connection settings (host, database, account, selected
    options...). Secret fields such as passwords and API keys are removed
    from responses.
    """

    revenue_analytics_config: ExternalDataSourceRevenueAnalyticsConfig
    user_access_level: str | None
    """The effective access level the requesting user has for this source (e.g. `viewer`, `editor`)."""

    supports_webhooks: bool
    """Whether this source type can receive data through webhooks."""


class ExternalDataSourceRevenueAnalyticsConfig(BaseModel):
    """Whether the source feeds PostHog revenue analytics, and how."""

    enabled: bool
    """Whether revenue analytics views are built from this source."""

    include_invoiceless_charges: bool
    """Whether charges that have no invoice are counted as revenue."""


class ExternalDataSourceCdcPrerequisitesRequest(BaseModel):
    """Postgres connection settings plus the CDC (change data capture) options to
    check. The connection fields are those of a Postgres source as the wizard
    lists them (typically `host`, `port`, `database`, `user`, `password`,
    `schema`, optionally `ssh_tunnel`); the server validates them like a new
    Postgres source and answers 400 when they are incomplete. Only Postgres is
    supported.
    """

    source_type: ExternalDataSourceCdcPrerequisitesRequestSourceType
    """Must be `Postgres`; any other value is rejected with 400."""

    host: str | None = None
    port: int = 5432
    database: str | None = None
    user: str | None = None
    password: str | None = None
    schema_: str = Field(default="public", alias="schema")
    """The Postgres schema whose tables are checked."""

    cdc_management_mode: ExternalDataSourceCdcPrerequisitesRequestCdcManagementMode = (
        ExternalDataSourceCdcPrerequisitesRequestCdcManagementMode.POSTHOG
    )
    """`posthog`: PostHog creates the publication and the replication slot.
    `self_managed`: your DBA creates the publication and PostHog only
    creates the slot.
    """

    tables: list[str] | None = None
    """The tables to check (e.g. that they have a primary key and are in the publication)."""

    cdc_slot_name: str | None = None
    """Replication slot name to check; PostHog picks one when omitted."""

    cdc_publication_name: str | None = None
    """Publication name to check (required in practice for `self_managed`)."""


class ExternalDataSourceCdcPrerequisitesResult(BaseModel):
    """Whether the Postgres database satisfies the CDC prerequisites."""

    valid: bool
    """True when `errors` is empty."""

    errors: list[str]
    """One human-readable message per unmet prerequisite."""


class ExternalDataSourceConnectionOption(BaseModel):
    """A direct-query (live) Postgres connection that HogQL queries can target."""

    id: str
    prefix: str | None
    """The connection's user-facing name."""

    engine: EngineEnum | None
    """Backend engine detected for the direct connection."""


class ExternalDataSourceExternalWebhookStatus(BaseModel):
    """The webhook endpoint as the external service reports it (e.g. a Stripe webhook endpoint)."""

    exists: bool
    """Whether the external service has a webhook pointing at PostHog."""

    url: str | None = None
    enabled_events: list[str] | None = None
    status: str | None = None
    """The status the external service reports, e.g. `enabled`."""

    description: str | None = None
    created_at: str | None = None
    """Creation time as the external service reports it."""

    error: str | None = None
    """Why the external webhook could not be read, if it could not."""


class ExternalDataSourceIncrementalField(BaseModel):
    """A column that can drive incremental syncs."""

    label: str
    """Label shown in the UI."""

    type: str
    """Field type shown in the UI, e.g. `integer`, `numeric`, `datetime`, `date`, `timestamp`."""

    field: str
    """The column actually read."""

    field_type: str
    """The column's actual type (same values as `type`)."""


class ExternalDataSourcePrefixRequest(BaseModel):
    """The table prefix (or, for direct-query sources, the name) to check for a new source."""

    source_type: ExternalDataSourceTypeEnum
    """The kind of external source."""

    prefix: str | None = None
    """The prefix to check. Required once the project already has a source of
    this type, and must not be used by another source of the same type.
    """

    access_method: ExternalDataSourceAccessMethodEnum = ExternalDataSourceAccessMethodEnum.WAREHOUSE
    """Connection mode of the new source. `direct` is only supported for Postgres and then `prefix` is required."""


class ExternalDataSourceReloadResult(BaseModel):
    """Result of reloading a source. For warehouse (synced) sources the server
    answers 200 with an empty body once the sync has been triggered, so
    neither field is present. For direct-query sources a reload refreshes the
    table list, and the body gives the number of tables added and removed.
    """

    added: int | None = None
    """Number of tables newly found in the source (direct-query sources only)."""

    deleted: int | None = None
    """Number of tables that no longer exist in the source (direct-query sources only)."""


class ExternalDataSourceTableColumn(BaseModel):
    """A column of a previewed table."""

    field: str
    label: str
    type: str
    """The column type as the source reports it."""

    nullable: bool


class ExternalDataSourceTablePreview(BaseModel):
    """One table of a source, with the sync options it supports."""

    table: str
    """The table (schema) name."""

    should_sync: bool
    """Always false in a preview."""

    incremental_fields: list[ExternalDataSourceIncrementalField]
    """Columns that can drive incremental or append syncs."""

    incremental_available: bool
    append_available: bool
    cdc_available: bool | None
    """Whether CDC sync is available; null when CDC is not enabled for the project."""

    incremental_field: str | None
    """The suggested incremental field (the first of `incremental_fields`)."""

    sync_type: None
    """Always null in a preview."""

    rows: int | None
    """Approximate row count, when the source reports one."""

    supports_webhooks: bool
    description: str | None
    should_sync_default: bool
    """Whether the wizard preselects this table."""

    available_columns: list[ExternalDataSourceTableColumn]
    detected_primary_keys: list[str] | None


class ExternalDataSourceWebhookHogFunction(BaseModel):
    """The hog function that receives the source's webhook calls."""

    id: str
    name: str | None
    enabled: bool
    created_at: datetime.datetime
    status: dict[str, Any] | None = None
    """Runtime state of the hog function (e.g. whether it is degraded or disabled for errors)."""


class ExternalDataSourceWebhookInfo(BaseModel):
    """The state of the webhook that feeds the source. When the source type does
    not support webhooks, or no webhook was created yet, only
    `supports_webhooks` and `exists` are meaningful.
    """

    supports_webhooks: bool
    """Whether this source type can receive data through webhooks."""

    exists: bool
    """Whether PostHog has a webhook (a warehouse-source hog function) for this source."""

    webhook_url: str | None = None
    """The PostHog URL that the external service posts events to."""

    schema_mapping: dict[str, Any] | None = None
    """Map from external event or object type to the schema (table) it is written to."""

    hog_function: ExternalDataSourceWebhookHogFunction | None = None
    """The hog function that receives the source's webhook calls."""

    external_status: ExternalDataSourceExternalWebhookStatus | None = None
    """The webhook as registered in the external service, or null when it could not be read."""


class ExternalDataSourceWebhookInputsRequest(BaseModel):
    """New values for the inputs of the source's webhook (e.g. a signing secret)."""

    inputs: dict[str, Any]
    """Map from webhook field name (as listed in the source type's
    `webhookFields` in the wizard) to its value. Unknown keys and missing
    required fields are rejected with 400.
    """


class ExternalDataSourceWebhookInputsResult(BaseModel):
    """Confirmation that the webhook inputs were saved."""

    success: bool


class ExternalDataSourceWizard(BaseModel):
    """Map from source type (an `ExternalDataSourceTypeEnum` value, e.g. `Stripe`)
    to the configuration the new-source wizard renders for it.
    """


class ExternalDataSourceWizardSourceConfig(BaseModel):
    """How one source type is set up: its label, icon, docs link and the form
    fields its credentials need. The field list varies by PostHog version, so
    further keys may appear.
    """

    name: ExternalDataSourceTypeEnum
    """The kind of external source."""

    label: str | None = None
    caption: str | None = None
    """Markdown help shown above the form."""

    category: str | None = None
    """Catalog bucket the source is grouped under in the wizard."""

    icon_path: str = Field(alias="iconPath")
    icon_class_name: str | None = Field(default=None, alias="iconClassName")
    docs_url: str | None = Field(default=None, alias="docsUrl")
    fields_: list[dict[str, Any]] = Field(alias="fields")
    """The form fields (inputs, selects, switch groups, OAuth, file upload, SSH
    tunnel), each an object with at least `type` and `name`.
    """

    webhook_fields: list[dict[str, Any]] | None = Field(default=None, alias="webhookFields")
    """Fields the webhook setup needs, same shape as `fields`."""

    feature_flag: str | None = Field(default=None, alias="featureFlag")
    featured: bool | None = None
    disabled_reason: str | None = Field(default=None, alias="disabledReason")
    existing_source: bool | None = Field(default=None, alias="existingSource")
    unreleased_source: bool | None = Field(default=None, alias="unreleasedSource")
    release_status: str | None = Field(default=None, alias="releaseStatus")
    """Release stage of the source type, e.g. `alpha`, `beta`."""

    keywords: list[str] | None = None
    permissions_caption: str | None = Field(default=None, alias="permissionsCaption")
    suggested_tables: list[dict[str, Any]] | None = Field(default=None, alias="suggestedTables")


class FunnelsFilter(BaseModel):
    """Settings of a funnel insight."""

    funnel_viz_type: FunnelsFilterFunnelVizType | None = Field(default=None, alias="funnelVizType")
    funnel_order_type: FunnelsFilterFunnelOrderType | None = Field(
        default=None, alias="funnelOrderType"
    )
    """Whether steps must happen in order (`ordered`), back to back (`strict`) or in any order."""

    funnel_window_interval: int | None = Field(default=14, alias="funnelWindowInterval")
    """The conversion window, in `funnelWindowIntervalUnit`s."""

    funnel_window_interval_unit: FunnelsFilterFunnelWindowIntervalUnit | None = Field(
        default=None, alias="funnelWindowIntervalUnit"
    )
    funnel_step_reference: FunnelsFilterFunnelStepReference | None = Field(
        default=None, alias="funnelStepReference"
    )
    funnel_from_step: int | None = Field(default=None, alias="funnelFromStep")
    funnel_to_step: int | None = Field(default=None, alias="funnelToStep")
    """Last step of the range for trends and time-to-convert funnels (0-indexed)."""

    breakdown_attribution_type: FunnelsFilterBreakdownAttributionType | None = Field(
        default=None, alias="breakdownAttributionType"
    )
    exclusions: list[dict[str, Any]] | None = None
    """Events or actions that drop an actor out of the funnel between two steps."""


class FunnelsQuery(BaseModel):
    """A funnel insight. Conversion through the series as ordered steps."""

    kind: Literal["FunnelsQuery"] = "FunnelsQuery"
    series: list[InsightSeriesNode]
    """The funnel steps, in order."""

    funnels_filter: FunnelsFilter | None = Field(default=None, alias="funnelsFilter")
    interval: IntervalType | None = None
    date_range: DateRange | None = Field(default=None, alias="dateRange")
    properties: InsightProperties | None = None
    """Property filters for all series, as a list or as a property group."""

    filter_test_accounts: bool | None = Field(default=False, alias="filterTestAccounts")
    """Exclude internal and test users by applying the respective filters."""

    breakdown_filter: BreakdownFilter | None = Field(default=None, alias="breakdownFilter")
    aggregation_group_type_index: int | None = None
    """Aggregate by this group type instead of persons."""

    sampling_factor: float | None = Field(default=None, alias="samplingFactor")
    modifiers: HogQLQueryModifiers | None = None
    tags: QueryLogTags | None = None
    version: float | None = None
    """Version of the node, used for schema migrations."""


class GenericQueryResponse(BaseModel):
    """The response of any other query kind (insights, events, actors, web
    analytics...). Its fields depend on the kind: usually `results`, often
    `columns`, `types`, `hasMore`, `hogql` and `timings`, plus the cache
    fields of `HogQLQueryResponse`.
    """

    results: Any = None
    """The results, in the shape of the query kind."""

    is_cached: bool | None = None
    last_refresh: datetime.datetime | None = None
    cache_key: str | None = None
    timezone: str | None = None
    query_status: QueryStatus | None = None


class QueryStatus(BaseModel):
    """The state of an asynchronous query. When `complete` is true, either
    `results` holds the query's response (e.g. a `HogQLQueryResponse`) or
    `error` is true and `error_message` says why.
    """

    id: str
    """The query's id (the `client_query_id`), used to poll and cancel it."""

    team_id: int
    """The project the query runs in."""

    complete: bool | None = False
    """Whether the query has finished. True also when it errored."""

    error: bool | None = False
    """Whether the query failed; `error_message` says why when the error is safe to show."""

    error_message: str | None = None
    query_async: bool = True
    """Always true; only asynchronous queries have a status."""

    results: Any = None
    """The query's full response once it is complete, otherwise `null`."""

    start_time: datetime.datetime | None = None
    """When the query was enqueued."""

    pickup_time: datetime.datetime | None = None
    """When a worker picked the query up."""

    end_time: datetime.datetime | None = None
    """When the query finished, successfully or not."""

    expiration_time: datetime.datetime | None = None
    """When the status and results expire (20 minutes after the last update)."""

    task_id: str | None = None
    """Id of the background task running the query."""

    dashboard_id: int | None = None
    insight_id: int | None = None
    labels: list[str] | None = None
    query_progress: ClickhouseQueryProgress | None = None
    """Progress of the running query, when polled with `show_progress=true`."""


class HogQLFilters(BaseModel):
    """Filters that a HogQL query pulls in with the `{filters}` placeholder."""

    date_range: DateRange | None = Field(default=None, alias="dateRange")
    filter_test_accounts: bool | None = Field(default=None, alias="filterTestAccounts")
    """Exclude internal and test users, using the project's test account filters."""

    properties: list[AnyPropertyFilter] | None = None


class HogQLQuery(BaseModel):
    """A SQL query in HogQL, PostHog's dialect of ClickHouse SQL. Without a `LIMIT` it returns at most 100 rows; an explicit `LIMIT` allows up to 50,000."""

    kind: Literal["HogQLQuery"] = "HogQLQuery"
    query: str
    """The HogQL statement, e.g. `select event, count() from events group by event`."""

    values: dict[str, Any] | None = None
    """Constant values that can be referenced with the `{placeholder}` syntax in the query."""

    variables: dict[str, HogQLVariable] | None = None
    """Insight variables to substitute into the query (`{variables.code_name}`), keyed by variable id."""

    filters: HogQLFilters | None = None
    """Filters that replace the `{filters}` placeholder in the query."""

    modifiers: HogQLQueryModifiers | None = None
    """Modifiers used when performing the query."""

    name: str | None = None
    """Client provided name of the query."""

    explain: bool | None = None
    """Return ClickHouse's `EXPLAIN` output in the response's `explain` field."""

    tags: QueryLogTags | None = None
    """Tags recorded in the query log."""

    connection_id: str | None = Field(default=None, alias="connectionId")
    """Run the query directly against this external data source (its id) instead of PostHog's warehouse."""

    send_raw_query: bool | None = Field(default=None, alias="sendRawQuery")
    """With `connectionId`, send the query text to the external source as is."""

    version: float | None = None
    """Version of the node, used for schema migrations."""


class HogQLVariable(BaseModel):
    """The value of one insight variable used in a HogQL query."""

    variable_id: str = Field(alias="variableId")
    """Id of the insight variable."""

    code_name: str
    """The name the query uses, as in `{variables.code_name}`."""

    value: Any = None
    """The value to substitute; any JSON value."""

    is_null: bool | None = Field(default=None, alias="isNull")
    """Substitute `NULL` instead of `value`."""


class HogQLQueryResponse(BaseModel):
    """The rows of a HogQL query. As served by `POST query/` this is PostHog's
    cached variant: the result fields plus the cache fields `cache_key`,
    `is_cached`, `last_refresh`, `next_allowed_client_refresh` and `timezone`
    (absent when the response is embedded elsewhere, e.g. in a finished
    `QueryStatus`).
    """

    results: list[list[Any]]
    """The rows; each row is an array of values in the order of `columns`."""

    columns: list[Any] | None = None
    """The names of the returned columns."""

    types: list[Any] | None = None
    """The types of the returned columns, each `[name, ClickHouse type]`."""

    has_more: bool | None = Field(default=None, alias="hasMore")
    """Whether more rows exist beyond `limit`."""

    limit: int | None = None
    offset: int | None = None
    query: str | None = None
    """The input query string."""

    hogql: str | None = None
    """The HogQL that was run, after placeholders and filters were applied."""

    clickhouse: str | None = None
    """The ClickHouse SQL that was executed."""

    timings: list[QueryTiming] | None = None
    """Measured timings for different parts of the query generation process."""

    error: str | None = None
    """Query error. Returned only if `explain` or `modifiers.debug` is true; otherwise an error fails the request."""

    explain: list[str] | None = None
    """Query explanation output."""

    metadata: dict[str, Any] | None = None
    """HogQL metadata (errors, warnings, notices, table names) when requested."""

    modifiers: HogQLQueryModifiers | None = None
    """Modifiers used when performing the query."""

    resolved_date_range: ResolvedDateRange | None = None
    """The absolute date range the query ran over."""

    cache_key: str | None = None
    """Key of the cached result."""

    is_cached: bool | None = None
    """Whether the result came from the cache."""

    last_refresh: datetime.datetime | None = None
    """When the result was calculated."""

    next_allowed_client_refresh: datetime.datetime | None = None
    """Before this time a `force_*` refresh returns the cached result."""

    cache_target_age: datetime.datetime | None = None
    """When the cached result is due to be recalculated."""

    calculation_trigger: str | None = None
    """What caused the calculation, when it was not a direct request."""

    timezone: str | None = None
    """The project's timezone, which dates in the result use."""

    query_status: QueryStatus | None = None
    """Set when, next to the returned data, a calculation is still running in the background."""


class QueryTiming(BaseModel):
    """The time spent in one step of running a query."""

    k: str
    """Key of the step, e.g. `./hogql/parse`."""

    t: float
    """Time in seconds."""


class ResolvedDateRange(BaseModel):
    """The absolute bounds a relative date range resolved to."""

    date_from: datetime.datetime
    date_to: datetime.datetime


class InsightVariable(BaseModel):
    """A variable (SQL variable) that HogQL queries and insights of the project
    reference as `{variables.code_name}`. The same schema is the body of a
    create; read-only fields are ignored there.
    """

    id: str
    """UUID of the variable."""

    name: str
    """Human-readable name of the variable. Its `code_name` is derived from it and must be unique in the project."""

    type: InsightVariableTypeEnum
    """The type of an insight variable, which controls how its value is rendered
    and substituted in HogQL.
    """

    default_value: Any = None
    """The value used when a query references the variable without overriding it. Any JSON value, or null."""

    created_by: int | None
    """ID of the user who created the variable."""

    created_at: datetime.datetime
    """When the variable was created."""

    code_name: str | None
    """The name to use in HogQL as `{variables.code_name}`: the name lowercased,
    with spaces turned into underscores and other characters that are not
    letters, digits or underscores removed. Generated by the server at
    creation and not changed when `name` changes.
    """

    values: Any = None
    """The allowed values of a `List` variable, as an array (the server returns them as strings); null for other types."""

    is_multi: bool | None = None
    """Whether a `List` variable accepts several selected values (then `default_value` is an array). Returned by newer PostHog versions."""

    values_query: str | None = None
    """A HogQL query whose first column supplies the allowed values of a `List` variable (an optional second column supplies labels). Returned by newer PostHog versions."""

    values_query_connection_id: str | None = None
    """ID of the external data source connection that `values_query` runs against; null runs it against PostHog. Returned by newer PostHog versions."""


class LifecycleFilter(BaseModel):
    """Settings of a lifecycle insight."""

    toggled_lifecycles: list[LifecycleFilterToggledLifecyclesItem] | None = Field(
        default=None, alias="toggledLifecycles"
    )
    show_legend: bool | None = Field(default=False, alias="showLegend")
    show_values_on_series: bool | None = Field(default=None, alias="showValuesOnSeries")
    stacked: bool | None = True


class LifecycleQuery(BaseModel):
    """A lifecycle insight. New, returning, resurrecting and dormant actors per interval."""

    kind: Literal["LifecycleQuery"] = "LifecycleQuery"
    series: list[InsightSeriesNode]
    """The event or action defining activity (one series)."""

    interval: IntervalType | None = None
    date_range: DateRange | None = Field(default=None, alias="dateRange")
    properties: InsightProperties | None = None
    """Property filters for all series, as a list or as a property group."""

    filter_test_accounts: bool | None = Field(default=False, alias="filterTestAccounts")
    """Exclude internal and test users by applying the respective filters."""

    lifecycle_filter: LifecycleFilter | None = Field(default=None, alias="lifecycleFilter")
    aggregation_group_type_index: int | None = None
    sampling_factor: float | None = Field(default=None, alias="samplingFactor")
    modifiers: HogQLQueryModifiers | None = None
    tags: QueryLogTags | None = None
    version: float | None = None
    """Version of the node, used for schema migrations."""


class MinimalPerson(BaseModel):
    """The person who was recorded, with at most 10 of their distinct IDs. When
    no person matches the recording's distinct ID, `id`, `name` and
    `created_at` are null and `distinct_ids` holds only that distinct ID.
    """

    id: int | None
    """The person's numeric ID."""

    name: str | None
    """Display name (email or another display name property, otherwise a distinct ID)."""

    distinct_ids: list[str]
    """Up to 10 of the person's distinct IDs, identified ones first."""

    properties: dict[str, Any] | None = None
    """The person's properties."""

    created_at: datetime.datetime | None
    uuid: str


class OtherQueryNode(BaseModel):
    """Any other query node kind PostHog supports (`WebOverviewQuery`,
    `ErrorTrackingQuery`, `FunnelCorrelationQuery`, ...), passed through
    unchanged: `kind` plus that node's fields.
    """

    kind: str
    """The node kind."""


class PaginatedDataWarehouseSavedQueryMinimalList(BaseModel):
    """A page of views (page-number pagination)."""

    count: int
    """Total number of views matching the request."""

    next: str | None = None
    """URL of the next page, or null on the last page."""

    previous: str | None = None
    """URL of the previous page, or null on the first page."""

    results: list[DataWarehouseSavedQueryMinimal]


class PaginatedEndpointResponseList(BaseModel):
    """A page of endpoints."""

    count: int
    """Total number of endpoints matching the filters."""

    next: str | None = None
    """URL of the next page, or null on the last page."""

    previous: str | None = None
    """URL of the previous page, or null on the first page."""

    results: list[EndpointResponse]


class PaginatedEndpointVersionResponseList(BaseModel):
    """A page of an endpoint's versions, latest first."""

    count: int
    """Total number of versions."""

    next: str | None = None
    """URL of the next page, or null on the last page."""

    previous: str | None = None
    """URL of the previous page, or null on the first page."""

    results: list[EndpointVersionResponse]


class PaginatedInsightVariableList(BaseModel):
    """A page of insight variables."""

    count: int
    """Total number of variables in the project."""

    next: str | None = None
    """URL of the next page, or null on the last page."""

    previous: str | None = None
    """URL of the previous page, or null on the first page."""

    results: list[InsightVariable]


class PatchedDataWarehouseSavedQuery(BaseModel):
    """The fields of a view to change; omitted fields keep their value. Changing
    `query` re-infers the columns, marks a materialized view `Modified`, and
    requires `edited_history_id` (the `latest_history_id` last read) unless
    `soft_update` is true.
    """

    deleted: bool | None = None
    """Set to true to soft-delete the view."""

    name: str | None = None
    """Unique name of the view. It is the table name in HogQL queries."""

    query: DataWarehouseSavedQueryDefinition | None = None
    """The HogQL query that defines the view, as `{"kind": "HogQLQuery", "query": "<SQL>"}`."""

    folder_id: str | None = None
    """Folder used to organize the view in the SQL editor sidebar."""

    edited_history_id: str | None = None
    """Activity log id of the last edit the client has seen, for conflict detection."""

    soft_update: bool | None = None
    """If true, skip column inference and validation (for saving drafts)."""

    dag_id: str | None = None
    """Data modeling DAG to place the view into."""

    is_test: bool | None = None
    """Whether the view is for testing only and will expire automatically."""


class PatchedEndpointRequest(BaseModel):
    """The body of a partial update. Every field is optional; fields left out are
    unchanged. Changing `query` creates a new version.
    """

    name: str | None = None
    """Unique URL-safe name. Must start with a letter and contain only letters, digits, hyphens and underscores; at most 128 characters."""

    query: EndpointQuery | None = None
    """The new query. A changed query creates a new version of the endpoint."""

    description: str | None = None
    """Human-readable description of what this endpoint returns."""

    data_freshness_seconds: EndpointDataFreshnessSeconds | None = None
    """How fresh the data must be."""

    is_active: bool | None = None
    """Whether the endpoint (or, with `version`, that version) can be run through the API."""

    is_materialized: bool | None = None
    """Turn materialization of the query's results on or off. Cannot be enabled on an inactive endpoint."""

    derived_from_insight: str | None = None
    """Short ID of the insight this endpoint was created from."""

    version: int | None = None
    """Apply the update to this version instead of the current one. The answer then describes that version."""

    bucket_overrides: dict[str, str] | None = None
    """Per-column bucket overrides for materializing range variables: column name to bucket key, e.g. `{"timestamp": "hour"}`."""


class PatchedExternalDataSourceRevenueAnalyticsConfig(BaseModel):
    """The revenue analytics settings to change; omitted fields keep their value."""

    enabled: bool | None = None
    """Whether revenue analytics views are built from this source."""

    include_invoiceless_charges: bool | None = None
    """Whether charges that have no invoice are counted as revenue."""


class PatchedInsightVariable(BaseModel):
    """The fields of an insight variable to change; all are optional and read-only fields are ignored."""

    id: str | None = None
    """UUID of the variable."""

    name: str | None = None
    """Human-readable name of the variable."""

    type: InsightVariableTypeEnum | None = None
    """The type of an insight variable, which controls how its value is rendered
    and substituted in HogQL.
    """

    default_value: Any = None
    """The value used when a query references the variable without overriding it. Any JSON value, or null."""

    created_by: int | None = None
    """ID of the user who created the variable."""

    created_at: datetime.datetime | None = None
    """When the variable was created."""

    code_name: str | None = None
    """The name to use in HogQL as `{variables.code_name}`. Generated by the server."""

    values: Any = None
    """The allowed values of a `List` variable, as an array (the server returns them as strings); null for other types."""

    is_multi: bool | None = None
    """Whether a `List` variable accepts several selected values (then `default_value` is an array). Returned by newer PostHog versions."""

    values_query: str | None = None
    """A HogQL query whose first column supplies the allowed values of a `List` variable (an optional second column supplies labels). Returned by newer PostHog versions."""

    values_query_connection_id: str | None = None
    """ID of the external data source connection that `values_query` runs against; null runs it against PostHog. Returned by newer PostHog versions."""


class PatchedSessionRecording(BaseModel):
    """What a partial update of a recording accepts. The server records that the
    calling user viewed or analyzed the recording; no field of the recording
    itself can be changed. At least one of `viewed` and `analyzed` must be true.
    """

    viewed: bool | None = None
    """Mark the recording as viewed by the calling user."""

    analyzed: bool | None = None
    """Record that the calling user analyzed the recording."""

    player_metadata: dict[str, Any] | None = None
    """Details about the player session (e.g. `recording_duration`, `snapshot_source`), used only for PostHog's usage analytics."""


class PathsFilter(BaseModel):
    """Settings of a paths insight."""

    include_event_types: list[PathsFilterIncludeEventTypesItem] | None = Field(
        default=None, alias="includeEventTypes"
    )
    start_point: str | None = Field(default=None, alias="startPoint")
    end_point: str | None = Field(default=None, alias="endPoint")
    step_limit: int | None = Field(default=5, alias="stepLimit")
    edge_limit: int | None = Field(default=50, alias="edgeLimit")
    exclude_events: list[str] | None = Field(default=None, alias="excludeEvents")
    path_groupings: list[str] | None = Field(default=None, alias="pathGroupings")
    """Wildcard patterns that merge similar paths, e.g. `/product/*`."""

    paths_hog_ql_expression: str | None = Field(default=None, alias="pathsHogQLExpression")


class PathsQuery(BaseModel):
    """A paths insight. The most common sequences of pageviews, screens or events."""

    kind: Literal["PathsQuery"] = "PathsQuery"
    paths_filter: PathsFilter = Field(alias="pathsFilter")
    """Settings of a paths insight."""

    funnel_paths_filter: dict[str, Any] | None = Field(default=None, alias="funnelPathsFilter")
    """Restrict the paths to those around a funnel step (`{funnelSource, funnelPathType, funnelStep}`)."""

    date_range: DateRange | None = Field(default=None, alias="dateRange")
    properties: InsightProperties | None = None
    """Property filters for all series, as a list or as a property group."""

    filter_test_accounts: bool | None = Field(default=False, alias="filterTestAccounts")
    """Exclude internal and test users by applying the respective filters."""

    aggregation_group_type_index: int | None = None
    sampling_factor: float | None = Field(default=None, alias="samplingFactor")
    modifiers: HogQLQueryModifiers | None = None
    tags: QueryLogTags | None = None
    version: float | None = None
    """Version of the node, used for schema migrations."""


class Person(BaseModel):
    """A person as it appears in an actor list (PostHog's `SerializedPerson`).
    In these lists `id` is the person's UUID, not the integer primary key that
    `/persons/` returns.
    """

    type: PersonType | None = None
    """The actor type; always `person` in these lists."""

    id: str
    """The person's UUID (the same value as `uuid`)."""

    uuid: str | None = None
    name: str
    """Display name: the first person property that is set among the project's
    display name properties (`email`, `name`, `username`, ... by default),
    otherwise the person's first identified distinct ID.
    """

    distinct_ids: list[str]
    """The person's distinct IDs, identified ones first."""

    properties: dict[str, Any]
    """The person's properties."""

    created_at: datetime.datetime | None
    is_identified: bool | None = None
    """Whether the person has been identified (`$identify` was called for one of its distinct IDs)."""

    matched_recordings: list[PersonMatchedRecording] | None = None
    """Session recordings matching the insight's events, when `include_recordings` was requested; otherwise empty."""

    value_at_data_point: float | None = None
    """The actor's value at the insight data point, when the insight computes one."""


class PersonMatchedRecording(BaseModel):
    """A session recording in which a person performed some of the insight's events."""

    session_id: str
    """The recording's session ID."""

    events: list[PersonMatchedRecordingEvent]
    """The matching events in that session."""


class PersonMatchedRecordingEvent(BaseModel):
    """One event of a matched recording."""

    uuid: str
    """The event's UUID."""

    timestamp: datetime.datetime
    window_id: str | None = None
    """The browser window the event happened in."""


class PersonPropertyValue(BaseModel):
    """A value of a person property and how many persons have it."""

    name: str
    """The property value, as a string (booleans as `true`/`false`, objects and arrays as JSON)."""

    count: int
    """Number of persons with this value."""


class PersonsActorGroup(BaseModel):
    """One page of people behind an insight data point, with how many are on the page."""

    people: list[Person]
    count: int
    """Number of people in `people` (the size of this page, not the total)."""


class PersonsPathFilter(BaseModel):
    """The filter of the paths insight whose people to list (PostHog's legacy
    `PathFilter`), as JSON. Any filter field of the insight is accepted; the
    ones below select the step whose people are returned. The same fields may
    be sent as query parameters instead.
    """

    date_from: str | None = None
    """Start of the date range, absolute (`2025-11-01`) or relative (`-7d`)."""

    date_to: str | None = None
    """End of the date range; null means now."""

    path_type: str | None = None
    """Which events make up the paths, e.g. `$pageview`, `$screen` or `custom_event`."""

    start_point: str | None = None
    """Only paths starting at this URL, screen or event."""

    end_point: str | None = None
    """Only paths ending at this URL, screen or event."""

    path_start_key: str | None = None
    """List people who started at this step (a key like `1_/pricing`)."""

    path_end_key: str | None = None
    """List people who reached this step (a key like `2_/signup`)."""

    path_dropoff_key: str | None = None
    """List people who dropped off after this step."""

    properties: list[dict[str, Any]] | dict[str, Any] | None = None
    """Property filters applied to the events, as a list or a property group."""

    funnel_filter: dict[str, Any] | None = None
    """The filter of a funnel, to list people of paths before or after a funnel step."""

    limit: int | None = None
    """Number of people per page (default 100)."""

    offset: int | None = None
    """Index of the first person to return."""


class PersonsPathResponse(BaseModel):
    """The people who followed a path step of a paths insight. `results` holds a
    single group; follow `next` for the following page.
    """

    results: list[PersonsActorGroup]
    next: str | None
    """URL of the next page, or null on the last page."""

    initial: str | None = None
    """URL of the first page."""

    missing_persons: int | None = None
    """Actors matched by the query that no longer exist as persons (e.g. deleted), so are missing from `people`."""

    is_cached: bool | None = None
    """Whether the result came from PostHog's cache."""

    last_refresh: datetime.datetime | None = None
    """When the cached result was calculated."""


class PersonsRetentionAppearance(BaseModel):
    """A person of a retention cohort and the intervals in which they came back."""

    person: Person
    """A person as it appears in an actor list (PostHog's `SerializedPerson`).
    In these lists `id` is the person's UUID, not the integer primary key that
    `/persons/` returns.
    """

    appearances: list[int]
    """One entry per interval of the cohort; 1 if the person performed the returning event in that interval, 0 otherwise."""

    appearance_count: int | None = None
    """Number of intervals in which the person came back (returned by older PostHog versions)."""


class PersonsRetentionResponse(BaseModel):
    """The people of one retention cohort. Unlike the other actor lists, the
    people are under `result` (singular) and each carries its appearances.
    """

    result: list[PersonsRetentionAppearance]
    next: str | None
    """URL of the next page, or null on the last page."""

    missing_persons: int | None = None
    """Actors matched by the query that no longer exist as persons, so are missing from `result`."""


class PersonsStickinessResponse(BaseModel):
    """The people who performed an event on exactly the given number of intervals
    of a stickiness insight. `results` holds a single group; follow `next` for
    the following page.
    """

    results: list[PersonsActorGroup]
    next: str | None
    """URL of the next page, or null on the last page."""


class QueryAuthCheckResponse(BaseModel):
    """Confirms that the caller may run asynchronous queries in the project."""

    user: str
    """Always `ok`."""


class QueryCancelResponse(BaseModel):
    """The outcome of cancelling a query."""

    message: str
    """What was done: `Cancelled query on clickhouse`, `Only tried to dequeue,
    not cancelling query on clickhouse` (with `dequeue_only=true`) or
    `Query already complete`.
    """


class QueryChatEvent(BaseModel):
    """One chunk of the chat stream."""

    reasoning_steps: list[str] | None = None
    """The assistant's reasoning so far."""

    answer: dict[str, Any] | None = None
    """The generated insight query so far (a trends query), once the assistant has one."""


class QueryChatMessage(BaseModel):
    """One message of a conversation."""

    role: QueryChatMessageRole
    content: str


class QueryChatRequest(BaseModel):
    """A conversation with the trends assistant."""

    messages: list[QueryChatMessage]
    """The conversation so far, oldest first; the first message is the question."""


class QueryDraftSqlResponse(BaseModel):
    """A HogQL query written by PostHog AI from a prompt."""

    sql: str
    """The drafted HogQL query."""


class TrendsQuery(BaseModel):
    """A trends insight. Counts or aggregates the series over time, per `interval`."""

    kind: Literal["TrendsQuery"] = "TrendsQuery"
    series: list[InsightSeriesNode]
    """Events and actions to include."""

    interval: IntervalType | None = None
    date_range: DateRange | None = Field(default=None, alias="dateRange")
    properties: InsightProperties | None = None
    """Property filters for all series, as a list or as a property group."""

    filter_test_accounts: bool | None = Field(default=False, alias="filterTestAccounts")
    """Exclude internal and test users by applying the respective filters."""

    breakdown_filter: BreakdownFilter | None = Field(default=None, alias="breakdownFilter")
    compare_filter: CompareFilter | None = Field(default=None, alias="compareFilter")
    trends_filter: TrendsFilter | None = Field(default=None, alias="trendsFilter")
    aggregation_group_type_index: int | None = None
    """Aggregate by this group type instead of persons."""

    sampling_factor: float | None = Field(default=None, alias="samplingFactor")
    """Sampling rate, e.g. `0.1` for 10 %."""

    modifiers: HogQLQueryModifiers | None = None
    tags: QueryLogTags | None = None
    version: float | None = None
    """Version of the node, used for schema migrations."""


class TrendsFilter(BaseModel):
    """Display and formula settings of a trends insight."""

    display: str | None = None
    """Chart type, e.g. `ActionsLineGraph`, `ActionsBar`, `ActionsTable`, `BoldNumber`, `ActionsPie`, `WorldMap`."""

    formula: str | None = None
    """A formula over the series by letter, e.g. `A / B`."""

    formulas: list[str] | None = None
    smoothing_intervals: int | None = Field(default=1, alias="smoothingIntervals")
    show_legend: bool | None = Field(default=None, alias="showLegend")
    show_values_on_series: bool | None = Field(default=None, alias="showValuesOnSeries")
    aggregation_axis_format: str | None = Field(default=None, alias="aggregationAxisFormat")
    """Number format of the y axis, e.g. `numeric`, `duration`, `percentage`, `currency`."""


class RetentionQuery(BaseModel):
    """A retention insight. How many actors who did the target event come back to do the returning event."""

    kind: Literal["RetentionQuery"] = "RetentionQuery"
    retention_filter: RetentionFilter = Field(alias="retentionFilter")
    """Settings of a retention insight."""

    date_range: DateRange | None = Field(default=None, alias="dateRange")
    properties: InsightProperties | None = None
    """Property filters for all series, as a list or as a property group."""

    filter_test_accounts: bool | None = Field(default=False, alias="filterTestAccounts")
    """Exclude internal and test users by applying the respective filters."""

    breakdown_filter: BreakdownFilter | None = Field(default=None, alias="breakdownFilter")
    aggregation_group_type_index: int | None = None
    """Aggregate by this group type instead of persons."""

    sampling_factor: float | None = Field(default=None, alias="samplingFactor")
    modifiers: HogQLQueryModifiers | None = None
    tags: QueryLogTags | None = None
    version: float | None = None
    """Version of the node, used for schema migrations."""


class RetentionFilter(BaseModel):
    """Settings of a retention insight."""

    target_entity: RetentionEntity | None = Field(default=None, alias="targetEntity")
    """The event or action that puts an actor in a cohort."""

    returning_entity: RetentionEntity | None = Field(default=None, alias="returningEntity")
    """The event or action that counts as returning."""

    retention_type: RetentionFilterRetentionType | None = Field(default=None, alias="retentionType")
    period: RetentionFilterPeriod | None = None
    total_intervals: int | None = Field(default=8, alias="totalIntervals")
    cumulative: bool | None = None


class RetentionEntity(BaseModel):
    """An event or action used by a retention insight."""

    id: str | int | None = None
    """The event name or the action id."""

    type: RetentionEntityType | None = None
    name: str | None = None
    properties: list[AnyPropertyFilter] | None = None


class StickinessQuery(BaseModel):
    """A stickiness insight. How many actors did the series on how many intervals of the range."""

    kind: Literal["StickinessQuery"] = "StickinessQuery"
    series: list[InsightSeriesNode]
    """Events and actions to include."""

    interval: IntervalType | None = None
    interval_count: int | None = Field(default=None, alias="intervalCount")
    """How many intervals make one period. Defaults to 1."""

    date_range: DateRange | None = Field(default=None, alias="dateRange")
    properties: InsightProperties | None = None
    """Property filters for all series, as a list or as a property group."""

    filter_test_accounts: bool | None = Field(default=False, alias="filterTestAccounts")
    """Exclude internal and test users by applying the respective filters."""

    compare_filter: CompareFilter | None = Field(default=None, alias="compareFilter")
    stickiness_filter: StickinessFilter | None = Field(default=None, alias="stickinessFilter")
    sampling_factor: float | None = Field(default=None, alias="samplingFactor")
    modifiers: HogQLQueryModifiers | None = None
    tags: QueryLogTags | None = None
    version: float | None = None
    """Version of the node, used for schema migrations."""


class StickinessFilter(BaseModel):
    """Settings of a stickiness insight."""

    display: str | None = None
    computed_as: StickinessFilterComputedAs | None = Field(default=None, alias="computedAs")
    show_legend: bool | None = Field(default=None, alias="showLegend")
    show_values_on_series: bool | None = Field(default=None, alias="showValuesOnSeries")


class QueryRequest(BaseModel):
    """The body of `POST query/`. Only `query` is required."""

    query: QueryNode
    """A query node, told apart by its `kind`. The kinds modelled here are the
    ones documented for API use (`HogQLQuery` first of all) plus the insight
    and series nodes. PostHog supports many more kinds (web analytics, error
    tracking, revenue analytics, experiments, taxonomy queries and others);
    those pass through unchanged as an `OtherQueryNode`: send them as an
    object with their `kind` and fields, and their responses come back as a
    `GenericQueryResponse`.
    """

    client_query_id: str | None = None
    """Client provided query ID. Can be used to retrieve the status or cancel
    the query. When absent the server generates one (a UUIDv7 in hex).
    """

    refresh: RefreshType | None = RefreshType.BLOCKING
    """Whether results should be calculated sync or async, and how much to rely on the cache. Defaults to `blocking`."""

    async_: bool | None = Field(default=None, alias="async")
    """Legacy switch, kept for old clients: `true` behaves like
    `refresh: async` and overrides `refresh`. Use `refresh` instead.
    """

    filters_override: DashboardFilter | None = None
    """Dashboard filters (date range, property filters, breakdown) applied on top of the query before it runs."""

    variables_override: dict[str, dict[str, Any]] | None = None
    """Values for the query's insight variables, keyed by variable id. Each
    value is an object such as `{"code_name": "country", "variableId": "...", "value": "DE"}`.
    """

    name: str | None = None
    """Name given to a query. It is used to identify the query in the UI and
    is recorded in the `query_log` table. Up to 128 characters.
    """

    limit_context: QueryLimitContext | None = None
    """The execution limits to apply. Only `posthog_ai` may be set by a client; leave it out otherwise."""


class QueryStatusResponse(BaseModel):
    """The status of an asynchronous query."""

    query_status: QueryStatus
    """The state of an asynchronous query. When `complete` is true, either
    `results` holds the query's response (e.g. a `HogQLQueryResponse`) or
    `error` is true and `error_message` says why.
    """


class QueryUpgradeRequest(BaseModel):
    """A query node to migrate to the latest node versions."""

    query: QueryNode
    """A query node, told apart by its `kind`. The kinds modelled here are the
    ones documented for API use (`HogQLQuery` first of all) plus the insight
    and series nodes. PostHog supports many more kinds (web analytics, error
    tracking, revenue analytics, experiments, taxonomy queries and others);
    those pass through unchanged as an `OtherQueryNode`: send them as an
    object with their `kind` and fields, and their responses come back as a
    `GenericQueryResponse`.
    """


class QueryUpgradeResponse(BaseModel):
    """The query node with all nested nodes migrated to their latest version."""

    query: QueryNode
    """A query node, told apart by its `kind`. The kinds modelled here are the
    ones documented for API use (`HogQLQuery` first of all) plus the insight
    and series nodes. PostHog supports many more kinds (web analytics, error
    tracking, revenue analytics, experiments, taxonomy queries and others);
    those pass through unchanged as an `OtherQueryNode`: send them as an
    object with their `kind` and fields, and their responses come back as a
    `GenericQueryResponse`.
    """


class SessionRecording(BaseModel):
    """A session recording's metadata. Every field is read-only: recordings are
    created by PostHog's ingestion, not through the API.
    """

    id: str
    """The recording's session ID (a UUID generated by the PostHog SDK that recorded it)."""

    distinct_id: str | None
    """The distinct ID of the user who was recorded."""

    viewed: bool
    """Whether the calling user has watched this recording."""

    viewers: list[str]
    """Email addresses of the other users of the project who have watched this recording."""

    recording_duration: int
    """Length of the recording in seconds."""

    active_seconds: int | None
    """Seconds in which the user was active (mouse, keyboard or scroll activity)."""

    inactive_seconds: int | None
    """Seconds without user activity."""

    start_time: datetime.datetime | None
    end_time: datetime.datetime | None
    click_count: int | None
    keypress_count: int | None
    mouse_activity_count: int | None
    """Number of mouse movements and other pointer activity."""

    console_log_count: int | None
    console_warn_count: int | None
    console_error_count: int | None
    start_url: str | None
    """The first URL of the recording, without its query string."""

    person: MinimalPerson | None = None
    """The person who was recorded, with at most 10 of their distinct IDs. When
    no person matches the recording's distinct ID, `id`, `name` and
    `created_at` are null and `distinct_ids` holds only that distinct ID.
    """

    storage: str
    """Where the recording's snapshots are stored, e.g. `object_storage` or `object_storage_lts` (long-term storage)."""

    retention_period_days: int | None
    """The retention period, in days, that applies to this recording."""

    expiry_time: datetime.datetime | None
    """When the recording will be deleted under the retention period."""

    recording_ttl: int | None
    """Whole days left before the recording expires. PostHog's published
    schema types this (untyped) serializer field as a string; the server
    returns a number of days, as PostHog's own `SessionRecordingType`
    (`recording_ttl: float | None`, "Number of whole days left until the
    recording expires") says.
    """

    snapshot_source: str | None
    """The kind of client that was recorded, `web` or `mobile`."""

    ongoing: bool
    """Whether the session is still being recorded."""

    activity_score: float | None
    """PostHog's estimate of how eventful the recording is, used to sort recordings."""


class SessionRecordingList(BaseModel):
    """A page of session recordings. PostHog's server returns no total count and
    no `next`/`previous` URLs: `has_next` says whether another page exists;
    ask for it with a larger `offset`.
    """

    results: list[SessionRecording]
    has_next: bool
    """Whether more recordings match beyond this page."""

    version: int | None = None
    """Version of the listing response format (currently 4)."""


class SessionRecordingUpdateResult(BaseModel):
    """The answer to a partial update of a recording."""

    success: bool
    """Always true when the update was accepted."""


class SharePassword(BaseModel):
    """A password that unlocks a password-protected share link. The password itself is never returned."""

    id: int
    created_at: datetime.datetime
    note: str | None = None
    """A note to tell the passwords apart."""

    created_by_email: str
    """Email of the user who created the password, or `deleted user`."""

    is_active: bool


class SharingConfiguration(BaseModel):
    """The sharing settings of a recording: whether it can be viewed by anyone
    with its share link, and the token in that link. A recording that was
    never shared has a configuration that is not yet stored (`enabled` false,
    `access_token` null).
    """

    created_at: datetime.datetime | None
    """When sharing was first configured; null if it never was."""

    enabled: bool | None = None
    """Whether the share link works."""

    access_token: str | None
    """The token of the share link (`/shared/<access_token>`)."""

    settings: dict[str, Any] | None = None
    """Display options of the shared page (e.g. `whitelabel`, `noHeader`, `showInspector`)."""

    password_required: bool | None = None
    """Whether viewers must enter one of the share passwords."""

    share_passwords: list[SharePassword]
    """The active passwords of the share link."""


ExternalDataSourceConnectionOptionList: TypeAlias = list[ExternalDataSourceConnectionOption]
"""All direct-query connections of the project, newest first. The server
returns a plain JSON array, not a paginated envelope.
"""


ExternalDataSourceTablePreviewList: TypeAlias = list[ExternalDataSourceTablePreview]
"""The tables the source exposes, as the server returns them (a plain JSON array)."""


InsightSeriesNode: TypeAlias = Annotated[
    Annotated[EventsNode, Tag("EventsNode")]
    | Annotated[ActionsNode, Tag("ActionsNode")]
    | Annotated[DataWarehouseNode, Tag("DataWarehouseNode")]
    | Annotated[UnknownVariant, Tag("__unknown__")],
    Discriminator(
        discriminate("kind", frozenset({"EventsNode", "ActionsNode", "DataWarehouseNode"}))
    ),
]
"""One series of an insight query, told apart by its `kind`."""


InsightProperties: TypeAlias = list[AnyPropertyFilter] | PropertyGroupFilter
"""Property filters for all series, as a list or as a property group."""


PersonPropertyValues: TypeAlias = list[PersonPropertyValue]
"""The most common values of a person property, most frequent first (at most 50)."""


QueryChatStream: TypeAlias = str
"""A `text/event-stream` body. Each event's `data:` line carries one JSON
chunk, a `QueryChatEvent`; later chunks refine earlier ones and the last
one is the final answer. Versions of the endpoint wrote the JSON chunks
back to back without the `data:` prefix, so a client should accept both.
"""


QueryNode: TypeAlias = Annotated[
    Annotated[HogQLQuery, Tag("HogQLQuery")]
    | Annotated[EventsQuery, Tag("EventsQuery")]
    | Annotated[ActorsQuery, Tag("ActorsQuery")]
    | Annotated[TrendsQuery, Tag("TrendsQuery")]
    | Annotated[FunnelsQuery, Tag("FunnelsQuery")]
    | Annotated[RetentionQuery, Tag("RetentionQuery")]
    | Annotated[PathsQuery, Tag("PathsQuery")]
    | Annotated[StickinessQuery, Tag("StickinessQuery")]
    | Annotated[LifecycleQuery, Tag("LifecycleQuery")]
    | Annotated[EventsNode, Tag("EventsNode")]
    | Annotated[ActionsNode, Tag("ActionsNode")]
    | Annotated[DataWarehouseNode, Tag("DataWarehouseNode")]
    | Annotated[OtherQueryNode, Tag("OtherQueryNode")]
    | Annotated[UnknownVariant, Tag("__unknown__")],
    Discriminator(
        discriminate(
            "kind",
            frozenset(
                {
                    "HogQLQuery",
                    "EventsQuery",
                    "ActorsQuery",
                    "TrendsQuery",
                    "FunnelsQuery",
                    "RetentionQuery",
                    "PathsQuery",
                    "StickinessQuery",
                    "LifecycleQuery",
                    "EventsNode",
                    "ActionsNode",
                    "DataWarehouseNode",
                    "OtherQueryNode",
                }
            ),
        )
    ),
]
"""A query node, told apart by its `kind`. The kinds modelled here are the
ones documented for API use (`HogQLQuery` first of all) plus the insight
and series nodes. PostHog supports many more kinds (web analytics, error
tracking, revenue analytics, experiments, taxonomy queries and others);
those pass through unchanged as an `OtherQueryNode`: send them as an
object with their `kind` and fields, and their responses come back as a
`GenericQueryResponse`.
"""


QueryResponse: TypeAlias = HogQLQueryResponse | GenericQueryResponse
"""The result of a query that completed (HTTP 200). For a `HogQLQuery` it is
a `HogQLQueryResponse`; other kinds return their own response shape,
covered by `GenericQueryResponse`. Both carry the cache fields
(`is_cached`, `last_refresh`, ...).
"""
