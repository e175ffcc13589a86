/* SPDX-License-Identifier: GPL-3.0-or-later */
/* value_dsl.h — values (doc/output.md §3, as JSON) in one short line each, so
 * that tests and expected files can state them readably:
 *   D 2 week b=min r=lead_time     duration (from=…, vague; D - minute vague: no value)
 *   P 99.99 b=min r=target         percent
 *   C 7 generation                 count
 *   F 1 month / F - year           frequency (- for 数回)
 *   T 10:00-17:00 weekdays         time_range
 *   S 24x365                       schedule
 *   V TLS 1.2 b=min / V TLS 1.0 disabled
 *   L certification ISO/IEC 27001|ISMS
 * Values are joined with "; " in order. */
#ifndef SLX_VALUE_DSL_H
#define SLX_VALUE_DSL_H

#include <json-glib/json-glib.h>

static inline void
dsl_number(GString *s, JsonObject *o, const char *name)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    g_ascii_formatd(buf, sizeof buf, "%.15g", json_object_get_double_member(o, name));
    g_string_append(s, buf);
}

static inline void
dsl_opt(GString *s, JsonObject *o, const char *name, const char *label)
{
    if (json_object_has_member(o, name))
        g_string_append_printf(s, " %s=%s", label, json_object_get_string_member(o, name));
}

static inline char *
value_dsl(JsonArray *values)
{
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < json_array_get_length(values); i++) {
        JsonObject *v = json_array_get_object_element(values, i);
        const char *k = json_object_get_string_member(v, "kind");
        if (i)
            g_string_append(s, "; ");
        if (!strcmp(k, "duration")) {
            g_string_append(s, "D ");
            if (json_object_has_member(v, "value"))
                dsl_number(s, v, "value");
            else
                g_string_append(s, "-");
            g_string_append_printf(s, " %s", json_object_get_string_member(v, "unit"));
            if (json_object_has_member(v, "from")) {
                g_string_append(s, " from=");
                dsl_number(s, v, "from");
            }
            dsl_opt(s, v, "bound", "b");
            dsl_opt(s, v, "role", "r");
            if (json_object_has_member(v, "vague"))
                g_string_append(s, " vague");
        } else if (!strcmp(k, "percent")) {
            g_string_append(s, "P ");
            dsl_number(s, v, "value");
            dsl_opt(s, v, "bound", "b");
            dsl_opt(s, v, "role", "r");
        } else if (!strcmp(k, "count")) {
            g_string_append(s, "C ");
            dsl_number(s, v, "value");
            g_string_append_printf(s, " %s", json_object_get_string_member(v, "unit"));
            dsl_opt(s, v, "bound", "b");
            dsl_opt(s, v, "role", "r");
        } else if (!strcmp(k, "frequency")) {
            JsonNode *c = json_object_get_member(v, "count");
            if (JSON_NODE_HOLDS_NULL(c))
                g_string_append(s, "F -");
            else
                g_string_append_printf(s, "F %" G_GINT64_FORMAT, json_node_get_int(c));
            g_string_append_printf(s, " %s", json_object_get_string_member(v, "per"));
        } else if (!strcmp(k, "time_range")) {
            g_string_append_printf(s, "T %s-%s", json_object_get_string_member(v, "from"),
                                   json_object_get_string_member(v, "to"));
            if (json_object_has_member(v, "days"))
                g_string_append_printf(s, " %s", json_object_get_string_member(v, "days"));
        } else if (!strcmp(k, "schedule")) {
            g_string_append_printf(s, "S %s", json_object_get_string_member(v, "value"));
        } else if (!strcmp(k, "version")) {
            g_string_append_printf(s, "V %s %s", json_object_get_string_member(v, "name"),
                                   json_object_get_string_member(v, "value"));
            dsl_opt(s, v, "bound", "b");
            if (json_object_has_member(v, "disabled"))
                g_string_append(s, " disabled");
        } else if (!strcmp(k, "list")) {
            g_string_append_printf(s, "L %s ", json_object_get_string_member(v, "role"));
            JsonArray *items = json_object_get_array_member(v, "items");
            for (guint j = 0; j < json_array_get_length(items); j++)
                g_string_append_printf(s, "%s%s", j ? "|" : "", json_array_get_string_element(items, j));
        } else {
            g_string_append_printf(s, "? %s", k);
        }
    }
    return g_string_free(s, FALSE);
}

#endif
