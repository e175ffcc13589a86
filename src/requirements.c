/* SPDX-License-Identifier: GPL-3.0-or-later */
/* requirements.c — load the requirements file (doc/output.md §7).
 *
 * The file is INI, one group per requirement; every error is reported at
 * its line (ini.h).  A duration limit is read in the grammar vendors' text
 * is read in (so 24時間, 1日 and 3営業日 mean what they mean in a response),
 * after the short forms of the file format (30s, 15min, 24h, 7d, 2w, 3mo,
 * 1y). */
#include "requirements.h"
#include "error.h"
#include "ini.h"
#include "normalize.h"

#include <stdlib.h>
#include <string.h>

static const char *const requirement_keys[] = {
    "label", "item", "kind", "max", "min", "role", "disabled", "contains", "excludes", "answer",
    NULL};

static const char *const kind_names[] = {"duration", "percent", "count", "version", "list",
                                         "answer", NULL};

static void
requirement_free(gpointer p)
{
    SlxRequirement *r = p;
    g_free(r->id);
    g_free(r->label);
    g_free(r->item);
    g_free(r->max_text);
    g_free(r->min_text);
    g_free(r->role);
    g_array_free(r->disabled, TRUE);
    g_ptr_array_unref(r->contains);
    g_ptr_array_unref(r->excludes);
    g_array_free(r->answers, TRUE);
    g_free(r);
}

double
slx_version_number(const char *version)
{
    char *end;
    long major = strtol(version, &end, 10);
    if (end == version || major < 0 || major > 99)
        return -1;
    long minor = 0;
    if (*end == '.') {
        char *mend;
        minor = strtol(end + 1, &mend, 10);
        if (mend == end + 1 || minor < 0 || minor > 99)
            return -1;
        end = mend;
    }
    return *end ? -1 : (double)(major * 100 + minor);
}

/* A duration limit in seconds, or a negative number. */
static double
duration_seconds(const char *text, const SlxExtractor *x)
{
    static const struct { const char *unit; double s; } shorts[] = {
        {"s", 1}, {"sec", 1}, {"min", 60}, {"h", 3600}, {"d", 86400}, {"w", 604800},
        {"mo", 2592000}, {"y", 31536000},
    };
    char *n = slx_normalize(text, -1, SLX_NORM_DEFAULT);
    char *end;
    double v = g_ascii_strtod(n, &end);
    if (end != n) {
        while (*end == ' ')
            end++;
        for (gsize i = 0; i < G_N_ELEMENTS(shorts); i++)
            if (g_ascii_strcasecmp(end, shorts[i].unit) == 0) {
                g_free(n);
                return v * shorts[i].s;
            }
    }
    /* Otherwise exactly one duration as a vendor would write it. */
    GPtrArray *values = slx_extract_values(x, n, NULL);
    double seconds = -1;
    if (values->len == 1)
        seconds = slx_value_seconds(g_ptr_array_index(values, 0));
    g_ptr_array_unref(values);
    g_free(n);
    return seconds;
}

/* The limit KEY of GROUP as a number for KIND; TRUE if absent. */
static gboolean
get_limit(GKeyFile *kf, const SlxIniSource *src, const char *group, const char *key,
          SlxRequirementKind kind, const SlxExtractor *x, gboolean *has, double *out,
          char **text, GError **error)
{
    char *raw = g_key_file_get_value(kf, group, key, NULL);
    if (raw == NULL)
        return TRUE;
    g_strstrip(raw);
    double v = -1;
    const char *expect = NULL;
    if (kind == SLX_REQ_DURATION) {
        v = duration_seconds(raw, x);
        expect = "a duration (24h, 24時間, 1日, 3営業日, 30min)";
    } else if (kind == SLX_REQ_VERSION) {
        v = slx_version_number(raw);
        expect = "a version (1.2)";
    } else if (kind == SLX_REQ_PERCENT || kind == SLX_REQ_COUNT) {
        char *end;
        v = g_ascii_strtod(raw, &end);
        if (kind == SLX_REQ_PERCENT && *end == '%')
            end++;
        if (end == raw || *end || v < 0)
            v = -1;
        expect = kind == SLX_REQ_PERCENT ? "a percentage (99.9)" : "a number";
    } else {
        g_free(raw);
        return TRUE;            /* check_shape says the key does not apply */
    }
    if (v < 0) {
        slx_ini_fail(error, src, group, key, "'%s' is not %s", raw, expect);
        g_free(raw);
        return FALSE;
    }
    *has = TRUE;
    *out = v;
    *text = raw;
    return TRUE;
}

/* The catalog id that KEY_OR_ID names in any catalog of P, or NULL. */
static const char *
resolve_item(const SlxPatterns *p, const char *key_or_id)
{
    for (guint c = 0; c < p->catalogs->len; c++) {
        const SlxCatalog *cat = g_ptr_array_index(p->catalogs, c);
        for (guint i = 0; i < cat->items->len; i++) {
            const SlxCatalogItem *it = g_ptr_array_index(cat->items, i);
            if (strcmp(it->key, key_or_id) == 0 || strcmp(it->id, key_or_id) == 0)
                return it->id;
        }
    }
    return NULL;
}

/* What each kind needs, and the keys it may not have. */
static gboolean
check_shape(GKeyFile *kf, const SlxIniSource *src, const char *group, const SlxRequirement *r,
            GError **error)
{
    static const struct { SlxRequirementKind kind; const char *needs; const char *const bad[6]; } shapes[] = {
        {SLX_REQ_DURATION, "max or min", {"disabled", "contains", "excludes", "answer", NULL}},
        {SLX_REQ_PERCENT, "max or min", {"disabled", "contains", "excludes", "answer", NULL}},
        {SLX_REQ_COUNT, "max or min", {"disabled", "contains", "excludes", "answer", NULL}},
        {SLX_REQ_VERSION, "min or disabled", {"max", "role", "contains", "excludes", "answer", NULL}},
        {SLX_REQ_LIST, "contains or excludes", {"max", "min", "disabled", "answer", NULL}},
        {SLX_REQ_ANSWER, "answer", {"max", "min", "role", "disabled", "contains", "excludes"}},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(shapes); i++) {
        if (shapes[i].kind != r->kind)
            continue;
        for (gsize b = 0; b < G_N_ELEMENTS(shapes[i].bad) && shapes[i].bad[b]; b++)
            if (g_key_file_has_key(kf, group, shapes[i].bad[b], NULL))
                return slx_ini_fail(error, src, group, shapes[i].bad[b],
                                    "'%s' does not apply to kind %s", shapes[i].bad[b],
                                    kind_names[r->kind]);
        gboolean has = r->kind == SLX_REQ_VERSION ? r->has_min || r->disabled->len
                       : r->kind == SLX_REQ_LIST  ? r->contains->len || r->excludes->len
                       : r->kind == SLX_REQ_ANSWER ? r->answers->len > 0
                                                  : r->has_max || r->has_min;
        if (!has)
            return slx_ini_fail(error, src, group, "kind", "[%s] of kind %s needs %s", group,
                                kind_names[r->kind], shapes[i].needs);
    }
    return TRUE;
}

static gboolean
load_requirement(GKeyFile *kf, const SlxIniSource *src, const char *group, const SlxPatterns *p,
                 const SlxExtractor *x, SlxRequirement *r, GError **error)
{
    if (!slx_ini_check_keys(kf, src, group, requirement_keys, error))
        return FALSE;
    char *item = g_key_file_get_value(kf, group, "item", NULL);
    char *kind = g_key_file_get_value(kf, group, "kind", NULL);
    gboolean ok = TRUE;
    if (item == NULL || kind == NULL) {
        ok = slx_ini_fail(error, src, group, NULL, "[%s] needs 'item' and 'kind'", group);
    } else {
        g_strstrip(item);
        g_strstrip(kind);
        const char *id = resolve_item(p, item);
        gssize k = -1;
        for (gsize i = 0; kind_names[i]; i++)
            if (strcmp(kind_names[i], kind) == 0)
                k = (gssize)i;
        if (id == NULL)
            ok = slx_ini_fail(error, src, group, "item", "unknown item '%s' (a catalog key such "
                              "as rpo, or an id such as 29)", item);
        else if (k < 0)
            ok = slx_ini_fail(error, src, group, "kind", "unknown kind '%s' (expected duration, "
                              "percent, count, version, list or answer)", kind);
        else {
            r->item = g_strdup(id);
            r->kind = (SlxRequirementKind)k;
        }
    }
    g_free(item);
    g_free(kind);
    if (!ok)
        return FALSE;
    char *label = g_key_file_get_value(kf, group, "label", NULL);
    r->label = label ? g_strstrip(label) : g_strdup(group);
    r->role = g_key_file_get_value(kf, group, "role", NULL);
    if (r->role)
        g_strstrip(r->role);
    g_ptr_array_extend_and_steal(r->contains, slx_ini_get_strings(kf, group, "contains"));
    g_ptr_array_extend_and_steal(r->excludes, slx_ini_get_strings(kf, group, "excludes"));
    GPtrArray *disabled = slx_ini_get_strings(kf, group, "disabled");
    for (guint i = 0; i < disabled->len && ok; i++) {
        double v = slx_version_number(g_ptr_array_index(disabled, i));
        if (v < 0)
            ok = slx_ini_fail(error, src, group, "disabled", "'%s' is not a version (1.0)",
                              (char *)g_ptr_array_index(disabled, i));
        else
            g_array_append_val(r->disabled, v);
    }
    g_ptr_array_unref(disabled);
    GPtrArray *answers = slx_ini_get_strings(kf, group, "answer");
    static const SlxAnswer all[] = {SLX_ANSWER_YES, SLX_ANSWER_PARTIAL, SLX_ANSWER_NO,
                                    SLX_ANSWER_UNDISCLOSED, SLX_ANSWER_NOT_APPLICABLE,
                                    SLX_ANSWER_UNKNOWN};
    for (guint i = 0; i < answers->len && ok; i++) {
        const char *a = g_ptr_array_index(answers, i);
        gssize found = -1;
        for (gsize k = 0; k < G_N_ELEMENTS(all); k++)
            if (strcmp(slx_answer_name(all[k]), a) == 0)
                found = (gssize)k;
        if (found < 0)
            ok = slx_ini_fail(error, src, group, "answer", "unknown answer '%s' (expected yes, "
                              "partial, no, undisclosed, not_applicable or unknown)", a);
        else
            g_array_append_val(r->answers, all[found]);
    }
    g_ptr_array_unref(answers);
    return ok &&
           get_limit(kf, src, group, "max", r->kind, x, &r->has_max, &r->max, &r->max_text, error) &&
           get_limit(kf, src, group, "min", r->kind, x, &r->has_min, &r->min, &r->min_text, error) &&
           check_shape(kf, src, group, r, error);
}

GPtrArray *
slx_requirements_load_data(const char *name, const char *data, gsize len, const SlxPatterns *p,
                           const SlxExtractor *x, GError **error)
{
    SlxIniSource src = {name, g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL)};
    GKeyFile *kf = g_key_file_new();
    GPtrArray *out = g_ptr_array_new_with_free_func(requirement_free);
    GError *e = NULL;
    gboolean ok = slx_ini_index(&src, data, len, error);
    if (ok && !g_key_file_load_from_data(kf, data, len, G_KEY_FILE_NONE, &e)) {
        g_set_error(error, SLX_ERROR, SLX_ERROR_PATTERNS, "%s: %s", name, e->message);
        g_error_free(e);
        ok = FALSE;
    }
    gsize n = 0;
    char **groups = ok ? g_key_file_get_groups(kf, &n) : NULL;
    for (gsize i = 0; i < n && ok; i++) {
        SlxRequirement *r = g_new0(SlxRequirement, 1);
        r->id = g_strdup(groups[i]);
        r->disabled = g_array_new(FALSE, FALSE, sizeof(double));
        r->answers = g_array_new(FALSE, FALSE, sizeof(SlxAnswer));
        r->contains = g_ptr_array_new_with_free_func(g_free);
        r->excludes = g_ptr_array_new_with_free_func(g_free);
        g_ptr_array_add(out, r);
        ok = load_requirement(kf, &src, groups[i], p, x, r, error);
    }
    if (ok && n == 0)
        ok = slx_ini_fail(error, &src, NULL, NULL, "no requirements (one [group] per requirement)");
    g_strfreev(groups);
    g_key_file_free(kf);
    g_hash_table_unref(src.lines);
    if (!ok) {
        g_ptr_array_unref(out);
        return NULL;
    }
    return out;
}

GPtrArray *
slx_requirements_load_file(const char *path, const SlxPatterns *p, const SlxExtractor *x,
                           GError **error)
{
    char *data;
    gsize len;
    GError *e = NULL;
    if (!g_file_get_contents(path, &data, &len, &e)) {
        g_set_error(error, SLX_ERROR, SLX_ERROR_PATTERNS, "%s", e->message);
        g_error_free(e);
        return NULL;
    }
    GPtrArray *out = slx_requirements_load_data(path, data, len, p, x, error);
    g_free(data);
    return out;
}
