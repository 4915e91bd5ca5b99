#!/usr/bin/env python3
"""Generate dashboards/ion.ndjson, ION's Kibana saved objects.

    python3 dashboards/generate.py         # rewrites dashboards/ion.ndjson next to this file
    python3 dashboards/generate.py OUT     # writes OUT instead (DashboardsTest compares the two)

Kibana's export format nests JSON inside JSON strings (panelsJSON, searchSourceJSON, ...), which
is unreadable and easy to break by hand; this script is the readable source. Commit both files.
DashboardsTest (src/test/java/io/ion/deploy) validates the generated file against the index
templates: every field used must exist with a type that supports its aggregation.

Format notes (Kibana 8.x import; objects are migrated forward from the version they declare):
  * index-pattern  typeMigrationVersion 7.11.0 (attributes title/name/timeFieldName/runtimeFieldMap)
  * search         typeMigrationVersion 7.9.3  (columns, sort, searchSourceJSON.indexRefName)
  * lens           typeMigrationVersion 8.9.0  (state.datasourceStates.formBased, by-reference)
  * dashboard      typeMigrationVersion 8.7.0  (panelsJSON with panelRefName, controlGroupInput)
All ids are fixed, so re-importing with overwrite=true updates objects instead of duplicating them.
"""

import json
import os
import sys

CORE_MIGRATION_VERSION = "8.8.0"
PANEL_VERSION = "8.11.0"
LAYER = "layer1"  # every ION Lens visualization has a single data layer

# --------------------------------------------------------------------------------------------
# Data views: one per ION index pattern, with the index template's time field.
# --------------------------------------------------------------------------------------------

# The Campaign control filters on campaign_ids: posts, comments and post totals carry every campaign
# a record is attributed to there (by explicit id, hashtag, mention or roster; ion-posts' own
# campaign_id is only the producer's explicit id), and the indices with one campaign per document
# (metrics, alerts, rising terms) map campaign_ids as a field alias of campaign_id. No runtime
# fields: the filter and the control's options are plain term queries and aggregations.
CAMPAIGN_FILTER_FIELD = "campaign_ids"

DATA_VIEWS = [
    # id, index pattern (= template index_patterns), time field, display name, runtime fields
    ("ion-dv-posts", "ion-posts*", "created_at", "ION posts", {}),
    ("ion-dv-comments", "ion-comments*", "created_at", "ION comments", {}),
    ("ion-dv-post-totals", "ion-post-totals*", "updated_at", "ION post totals", {}),
    ("ion-dv-campaign-metrics", "ion-campaign-metrics*", "window_end", "ION campaign metrics", {}),
    ("ion-dv-influencer-metrics", "ion-influencer-metrics*", "window_end", "ION influencer metrics", {}),
    ("ion-dv-alerts", "ion-alerts*", "fired_at", "ION alerts", {}),
    ("ion-dv-campaign-terms", "ion-campaign-terms*", "window_end", "ION rising terms", {}),
]


def data_view(dv_id, pattern, time_field, name, runtime):
    return {
        "attributes": {
            "title": pattern,
            "name": name,
            "timeFieldName": time_field,
            "fields": "[]",  # Kibana reads the field list from the mappings at run time
            "runtimeFieldMap": json.dumps(runtime),
            "fieldFormatMap": "{}",
            "fieldAttrs": "{}",
            "typeMeta": "{}",
        },
        "coreMigrationVersion": CORE_MIGRATION_VERSION,
        "id": dv_id,
        "managed": False,
        "references": [],
        "type": "index-pattern",
        "typeMigrationVersion": "7.11.0",
    }


# --------------------------------------------------------------------------------------------
# Saved searches (document feeds)
# --------------------------------------------------------------------------------------------

def saved_search(search_id, title, description, dv_id, columns, query, sort_field):
    source = {
        "highlightAll": True,
        "version": True,
        "query": {"query": query, "language": "kuery"},
        "filter": [],
        "indexRefName": "kibanaSavedObjectMeta.searchSourceJSON.index",
    }
    return {
        "attributes": {
            "title": title,
            "description": description,
            "columns": columns,
            "sort": [[sort_field, "desc"]],
            "hits": 0,
            "version": 1,
            "kibanaSavedObjectMeta": {"searchSourceJSON": json.dumps(source)},
        },
        "coreMigrationVersion": CORE_MIGRATION_VERSION,
        "id": search_id,
        "managed": False,
        "references": [
            {"id": dv_id, "name": "kibanaSavedObjectMeta.searchSourceJSON.index", "type": "index-pattern"}
        ],
        "type": "search",
        "typeMigrationVersion": "7.9.3",
    }


# --------------------------------------------------------------------------------------------
# Lens columns (formBased datasource)
# --------------------------------------------------------------------------------------------

PERCENT = {"id": "percent", "params": {"decimals": 2}}
NUMBER0 = {"id": "number", "params": {"decimals": 0}}
NUMBER2 = {"id": "number", "params": {"decimals": 2}}


def date_histogram(field, interval="auto"):
    return {
        "label": field, "dataType": "date", "operationType": "date_histogram",
        "sourceField": field, "isBucketed": True, "scale": "interval",
        "params": {"interval": interval, "includeEmptyRows": True, "dropPartials": False},
    }


def terms(field, size, label, order_by=None, data_type="string", rank_by=None):
    """Top values of a keyword/boolean field; ordered by a metric column, else alphabetically.

    rank_by: (operation, field) of a metric the buckets are ordered by, ascending, without showing
    it (Lens "Rank by: Custom"); tiers use it to sort nano -> mega instead of alphabetically.
    """
    order = {"type": "column", "columnId": order_by} if order_by else {"type": "alphabetical", "fallback": False}
    extra = {}
    if rank_by:
        order = {"type": "custom"}
        op, rank_field = rank_by
        extra = {"orderAgg": {
            "label": f"{op} of {rank_field}", "dataType": "number", "operationType": op,
            "sourceField": rank_field, "isBucketed": False, "scale": "ratio", "params": {"emptyAsNull": True},
        }}
    column = {
        "label": label, "customLabel": True, "dataType": data_type, "operationType": "terms",
        "sourceField": field, "isBucketed": True, "scale": "ordinal",
        "params": {
            "size": size, "orderBy": order, "orderDirection": "desc" if order_by else "asc",
            "otherBucket": False, "missingBucket": False, "parentFormat": {"id": "terms"},
            "include": [], "exclude": [], "includeIsRegex": False, "excludeIsRegex": False,
            **extra,
        },
    }
    return column


def metric(op, field, label, fmt=None, kql=None):
    """op: sum | average | max | min | median (numeric fields only)."""
    col = {
        "label": label, "customLabel": True, "dataType": "number", "operationType": op,
        "sourceField": field, "isBucketed": False, "scale": "ratio",
        "params": {"emptyAsNull": True, **({"format": fmt} if fmt else {})},
    }
    if kql:
        col["filter"] = {"query": kql, "language": "kuery"}
    return col


def count(label, kql=None):
    col = {
        "label": label, "customLabel": True, "dataType": "number", "operationType": "count",
        "sourceField": "___records___", "isBucketed": False, "scale": "ratio",
        "params": {"emptyAsNull": False, "format": NUMBER0},
    }
    if kql:
        col["filter"] = {"query": kql, "language": "kuery"}
    return col


# --------------------------------------------------------------------------------------------
# Lens visualizations
# --------------------------------------------------------------------------------------------

def xy(series, x, ys, split=None, right=()):
    layer = {
        "layerId": LAYER, "layerType": "data", "seriesType": series,
        "xAccessor": x, "accessors": list(ys),
        "yConfig": [{"forAccessor": y, "axisMode": "right" if y in right else "left"} for y in ys],
    }
    if split:
        layer["splitAccessor"] = split
    return "lnsXY", {
        "legend": {"isVisible": True, "position": "bottom"},
        "valueLabels": "hide",
        "fittingFunction": "None",
        "preferredSeriesType": series,
        "axisTitlesVisibilitySettings": {"x": True, "yLeft": True, "yRight": True},
        "tickLabelsVisibilitySettings": {"x": True, "yLeft": True, "yRight": True},
        "gridlinesVisibilitySettings": {"x": True, "yLeft": True, "yRight": True},
        "yLeftExtent": {"mode": "full"},
        "yRightExtent": {"mode": "full"},
        "layers": [layer],
    }


def table(column_ids):
    return "lnsDatatable", {
        "layerId": LAYER, "layerType": "data",
        "columns": [{"columnId": c, "isTransposed": False} for c in column_ids],
    }


def metric_vis(primary, secondary=None):
    vis = {"layerId": LAYER, "layerType": "data", "metricAccessor": primary}
    if secondary:
        vis["secondaryMetricAccessor"] = secondary
    return "lnsMetric", vis


def lens(lens_id, title, description, dv_id, columns, vis, query=""):
    """columns: list of (column id, column definition) in display order."""
    vis_type, visualization = vis
    return {
        "attributes": {
            "title": title,
            "description": description,
            "visualizationType": vis_type,
            "state": {
                "visualization": visualization,
                "query": {"query": query, "language": "kuery"},
                "filters": [],
                "datasourceStates": {"formBased": {"layers": {LAYER: {
                    "columns": {cid: col for cid, col in columns},
                    "columnOrder": [cid for cid, _ in columns],
                    "incompleteColumns": {},
                }}}},
                "internalReferences": [],
                "adHocDataViews": {},
            },
        },
        "coreMigrationVersion": CORE_MIGRATION_VERSION,
        "id": lens_id,
        "managed": False,
        "references": [
            {"type": "index-pattern", "id": dv_id, "name": f"indexpattern-datasource-layer-{LAYER}"}
        ],
        "type": "lens",
        "typeMigrationVersion": "8.9.0",
    }


CAMPAIGN_TOTAL = 'dimension : "campaign" and window : "total"'
SCORED = 'sentiment.status : "scored"'  # unscored texts carry score 0.0, which would bias the mean

VISUALIZATIONS = [
    # ---- Launch pulse --------------------------------------------------------------------
    lens("ion-lens-pulse-comments", "Comments and sentiment per minute",
         "Comments received per minute and the mean sentiment score (-1..1) of the scored ones.",
         "ion-dv-comments",
         [("time", date_histogram("created_at", "1m")),
          ("comments", count("Comments / min")),
          ("sentiment", metric("average", "sentiment.score", "Mean sentiment", NUMBER2, kql=SCORED))],
         xy("line", "time", ["comments", "sentiment"], right=("sentiment",))),
    lens("ion-lens-pulse-engagement", "Engagements and engagement rate (15-minute windows)",
         "Engagements and engagement rate on impressions of the campaign's 15-minute windows, "
         "plotted at window end. ION does not compute 1-minute engagement windows.",
         "ion-dv-campaign-metrics",
         [("time", date_histogram("window_end", "1m")),
          ("engagements", metric("sum", "engagements", "Engagements (15 min)", NUMBER0)),
          ("er", metric("average", "engagement_rate_impressions", "Engagement rate", PERCENT))],
         xy("line", "time", ["engagements", "er"], right=("er",)),
         query='dimension : "campaign" and window : "15m"'),
    lens("ion-lens-pulse-top-posts", "Top posts right now",
         "Posts with the most engagements among those updated in the time range.",
         "ion-dv-post-totals",
         [("post", terms("post_id", 10, "Post", order_by="engagements")),
          ("handle", terms("handle", 1, "Influencer")),
          ("engagements", metric("max", "engagements", "Engagements", NUMBER0)),
          ("comments", metric("max", "comments", "Comments", NUMBER0)),
          ("er", metric("max", "engagement_rate", "Engagement rate", PERCENT))],
         table(["post", "handle", "engagements", "comments", "er"])),

    # ---- Campaign overview ---------------------------------------------------------------
    lens("ion-lens-overview-totals", "Campaign totals",
         "Campaign-to-date totals (window = total). The targets and their pace are in \"Pace of each target\".",
         "ion-dv-campaign-metrics",
         [("campaign", terms("campaign_id", 20, "Campaign", order_by="engagements")),
          ("posts", metric("sum", "posts", "Posts", NUMBER0)),
          ("engagements", metric("sum", "engagements", "Engagements", NUMBER0)),
          ("impressions", metric("sum", "impressions", "Impressions", NUMBER0)),
          ("reach", metric("sum", "reach", "Reach", NUMBER0)),
          ("emv", metric("sum", "emv", "EMV", NUMBER2)),
          ("er", metric("average", "engagement_rate_impressions", "Engagement rate", PERCENT))],
         table(["campaign", "posts", "engagements", "impressions", "reach", "emv", "er"]),
         query=CAMPAIGN_TOTAL),
    lens("ion-lens-overview-pace", "Pace of each target",
         "Projected value at ends_at ÷ target, per campaign target (100 % = on pace; behind_pace alerts below "
         "80 %). Linear on the time elapsed since starts_at; after two days of data, on the campaign's daily curve.",
         "ion-dv-campaign-metrics",
         [("campaign", terms("campaign_id", 20, "Campaign", order_by="engagements")),
          ("engagements", metric("max", "target_pace.engagements", "Engagements pace", PERCENT)),
          ("impressions", metric("max", "target_pace.impressions", "Impressions pace", PERCENT)),
          ("emv", metric("max", "target_pace.emv", "EMV pace", PERCENT))],
         xy("bar", "campaign", ["engagements", "impressions", "emv"]),
         query=CAMPAIGN_TOTAL),
    lens("ion-lens-overview-emv", "Earned media value",
         "Campaign-to-date EMV, with impressions as secondary value.",
         "ion-dv-campaign-metrics",
         [("emv", metric("sum", "emv", "EMV", NUMBER2)),
          ("impressions", metric("sum", "impressions", "Impressions", NUMBER0))],
         metric_vis("emv", "impressions"),
         query=CAMPAIGN_TOTAL),
    lens("ion-lens-overview-sentiment", "Sentiment trend (hourly)",
         "Mean sentiment and share of negative texts per hourly window.",
         "ion-dv-campaign-metrics",
         [("time", date_histogram("window_end")),
          ("mean", metric("average", "sentiment_mean", "Mean sentiment", NUMBER2)),
          ("negative", metric("average", "negative_share", "Negative share", PERCENT))],
         xy("line", "time", ["mean", "negative"], right=("negative",)),
         query='dimension : "campaign" and window : "1h"'),
    lens("ion-lens-overview-platform", "Engagements and EMV by platform",
         "Campaign-to-date engagements (left axis) and EMV (right axis) per platform.",
         "ion-dv-campaign-metrics",
         [("platform", terms("platform", 10, "Platform", order_by="engagements")),
          ("engagements", metric("sum", "engagements", "Engagements", NUMBER0)),
          ("emv", metric("sum", "emv", "EMV", NUMBER2))],
         xy("bar", "platform", ["engagements", "emv"], right=("emv",)),
         query='dimension : "platform" and window : "total"'),

    # ---- Influencers and tiers -----------------------------------------------------------
    lens("ion-lens-tiers-er", "Engagement rate by tier (nano vs mega)",
         "Follower-based engagement rate and median post engagement rate per influencer tier.",
         "ion-dv-campaign-metrics",
         [("tier", terms("tier", 10, "Tier", rank_by=("min", "tier_rank"))),
          ("er", metric("average", "engagement_rate_followers", "Engagement rate (followers)", PERCENT)),
          ("median", metric("average", "er_post_median", "Median post engagement rate", PERCENT))],
         xy("bar", "tier", ["er", "median"]),
         query='dimension : "tier" and window : "total"'),
    lens("ion-lens-influencer-leaderboard", "Influencer leaderboard",
         "Influencers ranked by campaign-to-date engagements.",
         "ion-dv-influencer-metrics",
         [("handle", terms("handle", 25, "Influencer", order_by="engagements")),
          ("tier", terms("tier", 1, "Tier")),
          ("engagements", metric("sum", "engagements", "Engagements", NUMBER0)),
          ("er", metric("average", "engagement_rate_followers", "Engagement rate", PERCENT)),
          ("posts", metric("sum", "posts", "Posts", NUMBER0)),
          ("emv", metric("sum", "emv", "EMV", NUMBER2)),
          ("followers", metric("max", "influencer_followers", "Followers", NUMBER0))],
         table(["handle", "tier", "engagements", "er", "posts", "emv", "followers"]),
         query='dimension : "influencer" and window : "total"'),
    lens("ion-lens-influencer-authenticity", "Authentic vs raw engagement by influencer",
         "Campaign-to-date engagements and engagement rate of each influencer, raw and counting only authentic "
         "comments, with the share of their comments judged suspicious (generic, duplicated, bursts, pods).",
         "ion-dv-influencer-metrics",
         [("handle", terms("handle", 25, "Influencer", order_by="engagements")),
          ("engagements", metric("sum", "engagements", "Engagements", NUMBER0)),
          ("authentic", metric("sum", "authentic_engagements", "Authentic engagements", NUMBER0)),
          ("er", metric("average", "engagement_rate_followers", "Engagement rate", PERCENT)),
          ("authentic_er", metric("average", "authentic_engagement_rate_followers", "Authentic engagement rate",
                                  PERCENT)),
          ("suspicious", metric("max", "suspicious_comment_share", "Suspicious comments", PERCENT))],
         table(["handle", "engagements", "authentic", "er", "authentic_er", "suspicious"]),
         query='dimension : "influencer" and window : "total"'),
    lens("ion-lens-disclosure-by-tier", "Disclosure compliance by tier",
         "Campaign posts per tier, split by whether the ad disclosure (#ad, paid partnership) is missing. "
         "Posts of no campaign are left out: nothing was required of them.",
         "ion-dv-posts",
         [("tier", terms("tier", 10, "Tier", rank_by=("min", "followers"))),
          ("missing", terms("disclosure_missing", 2, "Disclosure missing", data_type="boolean")),
          ("posts", count("Posts"))],
         xy("bar_stacked", "tier", ["posts"], split="missing"),
         query="campaign_ids : *"),
    lens("ion-lens-disclosure-offenders", "Posts missing disclosure by influencer",
         "Influencers with posts that lack the required disclosure.",
         "ion-dv-posts",
         [("handle", terms("handle", 20, "Influencer", order_by="posts")),
          ("posts", count("Posts without disclosure"))],
         table(["handle", "posts"]),
         query="disclosure_missing : true"),

    lens("ion-lens-pulse-rising-terms", "Rising terms",
         "Words, bigrams, hashtags and emoji whose share of the campaign's comments rose most in a "
         "15-minute window against the hour before it (log-likelihood G²; 10.8 is p = 0.001).",
         "ion-dv-campaign-terms",
         [("term", terms("term", 15, "Term", order_by="score")),
          ("score", metric("max", "score", "Rise (G²)", NUMBER0)),
          ("count", metric("max", "count", "Comments with it (15 min)", NUMBER0)),
          ("negative", metric("max", "negative_count", "Negative comments with it", NUMBER0)),
          ("baseline", metric("min", "baseline_rate", "Baseline share", PERCENT))],
         table(["term", "score", "count", "negative", "baseline"]),
         query="score > 0"),

    # ---- Alerts --------------------------------------------------------------------------
    lens("ion-lens-alerts-rising-negative-terms", "What the complaints are about",
         "Terms whose share of the negative comments rose most against the hour before: what a "
         "negative-sentiment surge is about.",
         "ion-dv-campaign-terms",
         [("campaign", terms("campaign_id", 5, "Campaign", order_by="score")),
          ("term", terms("term", 10, "Term", order_by="score")),
          ("score", metric("max", "negative_score", "Rise in negative comments (G²)", NUMBER0)),
          ("negative", metric("max", "negative_count", "Negative comments with it (15 min)", NUMBER0))],
         table(["campaign", "term", "score", "negative"]),
         query="negative_score > 0"),
    lens("ion-lens-alerts-timeline", "Alerts over time by severity", "",
         "ion-dv-alerts",
         [("time", date_histogram("fired_at")),
          ("severity", terms("severity", 5, "Severity", order_by="alerts")),
          ("alerts", count("Alerts"))],
         xy("bar_stacked", "time", ["alerts"], split="severity")),
    lens("ion-lens-alerts-by-rule", "Alerts by rule and status", "",
         "ion-dv-alerts",
         [("rule", terms("rule", 15, "Rule", order_by="alerts")),
          ("status", terms("status", 3, "Status", order_by="alerts")),
          ("alerts", count("Alerts"))],
         xy("bar_horizontal_stacked", "rule", ["alerts"], split="status")),
]

ALERT_COLUMNS = ["rule", "severity", "status", "message", "evidence.summary"]

SEARCHES = [
    saved_search("ion-search-live-alerts", "Live alerts",
                 "Alerts that are not resolved, newest first.", "ion-dv-alerts",
                 ALERT_COLUMNS + ["campaign_id"], 'not status : "resolved"', "fired_at"),
    saved_search("ion-search-alert-feed", "Alert feed",
                 "Every alert with its latest status (one document per alert), newest first.", "ion-dv-alerts",
                 ALERT_COLUMNS + ["campaign_id", "scope", "scope_key"], "", "fired_at"),
    saved_search("ion-search-underperformers", "Under-performing posts",
                 "Posts whose engagement rate stays below their tier's baseline (rule underperforming_post).",
                 "ion-dv-alerts",
                 ["scope_key", "campaign_id", "severity", "status", "value", "baseline", "evidence.summary"],
                 'rule : "underperforming_post"', "fired_at"),
    saved_search("ion-search-pace-authenticity", "Behind pace and suspicious engagement",
                 "Targets projected to be missed (behind_pace: projection, target, elapsed share, method in the "
                 "evidence) and suspicious engagement (suspicious_engagement), newest first.",
                 "ion-dv-alerts",
                 ["rule", "campaign_id", "scope", "scope_key", "status", "value", "threshold", "evidence.summary"],
                 'rule : ("behind_pace" or "suspicious_engagement")', "fired_at"),
]

# --------------------------------------------------------------------------------------------
# Dashboards
# --------------------------------------------------------------------------------------------

def campaign_control(dv_id):
    """One options-list control on campaign_ids; its filter reaches every panel (see CAMPAIGN_FILTER_FIELD)."""
    control_id = "ion-control-campaign"
    panels = {control_id: {
        "order": 0, "width": "medium", "grow": True, "type": "optionsListControl",
        "explicitInput": {"id": control_id, "fieldName": CAMPAIGN_FILTER_FIELD, "title": "Campaign",
                          "singleSelect": True, "enhancements": {}},
    }}
    control_input = {
        "controlStyle": "oneLine",
        "chainingSystem": "HIERARCHICAL",
        "panelsJSON": json.dumps(panels),
        "ignoreParentSettingsJSON": json.dumps({"ignoreFilters": False, "ignoreQuery": False,
                                                "ignoreTimerange": False, "ignoreValidations": False}),
    }
    reference = {"name": f"controlGroup_{control_id}:optionsListDataView", "type": "index-pattern", "id": dv_id}
    return control_input, reference


def dashboard(dash_id, title, description, panels, time_from, refresh_ms, refresh_paused, control_dv):
    """panels: list of (saved object type, saved object id, x, y, w, h, title or None)."""
    panels_json, references = [], []
    for n, (obj_type, obj_id, x, y, w, h, panel_title) in enumerate(panels, start=1):
        index = f"p{n}"
        panel = {
            "version": PANEL_VERSION, "type": obj_type,
            "gridData": {"x": x, "y": y, "w": w, "h": h, "i": index},
            "panelIndex": index, "embeddableConfig": {"enhancements": {}},
            "panelRefName": f"panel_{index}",
        }
        if panel_title:
            panel["title"] = panel_title
        panels_json.append(panel)
        references.append({"name": f"{index}:panel_{index}", "type": obj_type, "id": obj_id})
    control_input, control_ref = campaign_control(control_dv)
    references.append(control_ref)
    return {
        "attributes": {
            "title": title,
            "description": description,
            "panelsJSON": json.dumps(panels_json),
            "optionsJSON": json.dumps({"useMargins": True, "syncColors": False, "syncCursor": True,
                                       "syncTooltips": False, "hidePanelTitles": False}),
            "timeRestore": True,
            "timeFrom": time_from,
            "timeTo": "now",
            "refreshInterval": {"pause": refresh_paused, "value": refresh_ms},
            "controlGroupInput": control_input,
            "kibanaSavedObjectMeta": {
                "searchSourceJSON": json.dumps({"query": {"query": "", "language": "kuery"}, "filter": []})
            },
            "version": 1,
        },
        "coreMigrationVersion": CORE_MIGRATION_VERSION,
        "id": dash_id,
        "managed": False,
        "references": references,
        "type": "dashboard",
        "typeMigrationVersion": "8.7.0",
    }


DASHBOARDS = [
    dashboard("ion-dashboard-launch-pulse", "ION - Launch pulse",
              "The first hour of a launch, refreshed every 10 seconds. Pick the campaign above.",
              [("lens", "ion-lens-pulse-engagement", 0, 0, 24, 14, None),
               ("lens", "ion-lens-pulse-comments", 24, 0, 24, 14, None),
               ("search", "ion-search-live-alerts", 0, 14, 24, 16, None),
               ("lens", "ion-lens-pulse-top-posts", 24, 14, 24, 16, None),
               ("lens", "ion-lens-pulse-rising-terms", 0, 30, 48, 14, None)],
              "now-60m", 10000, False, "ion-dv-campaign-metrics"),
    dashboard("ion-dashboard-campaign-overview", "ION - Campaign overview",
              "Campaign-to-date totals, the pace of each target, EMV, impressions, sentiment and platforms.",
              [("lens", "ion-lens-overview-emv", 0, 0, 12, 10, None),
               ("lens", "ion-lens-overview-totals", 12, 0, 36, 10, None),
               ("lens", "ion-lens-overview-pace", 0, 10, 48, 12, None),
               ("lens", "ion-lens-overview-sentiment", 0, 22, 24, 14, None),
               ("lens", "ion-lens-overview-platform", 24, 22, 24, 14, None)],
              "now-30d", 60000, True, "ion-dv-campaign-metrics"),
    dashboard("ion-dashboard-influencers-tiers", "ION - Influencers and tiers",
              "Tier comparison, influencer leaderboard, authentic vs raw engagement, under-performing posts and "
              "disclosure compliance.",
              [("lens", "ion-lens-tiers-er", 0, 0, 24, 14, None),
               ("lens", "ion-lens-influencer-leaderboard", 24, 0, 24, 14, None),
               ("lens", "ion-lens-influencer-authenticity", 0, 14, 48, 14, None),
               ("search", "ion-search-underperformers", 0, 28, 24, 14, None),
               ("lens", "ion-lens-disclosure-by-tier", 24, 28, 12, 14, None),
               ("lens", "ion-lens-disclosure-offenders", 36, 28, 12, 14, None)],
              "now-30d", 60000, True, "ion-dv-campaign-metrics"),
    dashboard("ion-dashboard-alerts", "ION - Alerts",
              "Every alert ION raised: rule, severity, status, message and evidence; targets behind pace and "
              "suspicious engagement apart.",
              [("lens", "ion-lens-alerts-timeline", 0, 0, 24, 12, None),
               ("lens", "ion-lens-alerts-by-rule", 24, 0, 24, 12, None),
               ("lens", "ion-lens-alerts-rising-negative-terms", 0, 12, 48, 12, None),
               ("search", "ion-search-pace-authenticity", 0, 24, 48, 14, None),
               ("search", "ion-search-alert-feed", 0, 38, 48, 20, None)],
              "now-24h", 30000, False, "ion-dv-alerts"),
]


def main():
    objects = [data_view(*dv) for dv in DATA_VIEWS] + SEARCHES + VISUALIZATIONS + DASHBOARDS
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "ion.ndjson")
    with open(out, "w", encoding="utf-8") as f:
        for obj in objects:
            f.write(json.dumps(obj, separators=(",", ":"), ensure_ascii=False) + "\n")
    print(f"wrote {len(objects)} saved objects to {out}")


if __name__ == "__main__":
    main()
