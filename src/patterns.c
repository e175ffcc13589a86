/* SPDX-License-Identifier: GPL-3.0-or-later */
/* patterns.c — load the pattern files: item catalogs and the vocabulary.
 *
 * Every error (unknown key, bad number, broken regular expression) is
 * reported as "file:line: message" at the line it comes from (ini.h). */
#include "patterns.h"
#include "error.h"
#include "ini.h"
#include "normalize.h"
#include "paths.h"
#include "similarity.h"

#include <stdlib.h>
#include <string.h>

/* ---- value helpers --------------------------------------------------- */

static char *
norm(const char *s)
{
    return slx_normalize(s, -1, SLX_NORM_DEFAULT);
}

/* A ';'-separated list, each entry normalized; empty entries dropped. */
static GPtrArray *
get_list(GKeyFile *kf, const char *group, const char *key)
{
    GPtrArray *entries = slx_ini_get_strings(kf, group, key);
    GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < entries->len; i++) {
        char *n = norm(g_ptr_array_index(entries, i));
        if (*n)
            g_ptr_array_add(out, n);
        else
            g_free(n);
    }
    g_ptr_array_unref(entries);
    return out;
}

static char *
get_text(GKeyFile *kf, const char *group, const char *key)
{
    char *raw = g_key_file_get_value(kf, group, key, NULL);
    if (raw == NULL)
        return NULL;
    char *n = norm(raw);
    g_free(raw);
    if (*n == '\0') {
        g_free(n);
        return NULL;
    }
    return n;
}

static gboolean
get_uint(GKeyFile *kf, const SlxIniSource *src, const char *group, const char *key,
         guint *out, GError **error)
{
    char *raw = g_key_file_get_value(kf, group, key, NULL);
    if (raw == NULL)
        return TRUE;
    guint64 v;
    gboolean ok = g_ascii_string_to_unsigned(g_strstrip(raw), 10, 0, 100000, &v, NULL);
    if (ok)
        *out = (guint)v;
    else
        slx_ini_fail(error, src, group, key, "'%s' is not a whole number", raw);
    g_free(raw);
    return ok;
}

/* Compile the one regular expression of KEY into *OUT (NULL if absent). */
static gboolean
get_regex(const SlxVocabulary *v, GKeyFile *kf, const SlxIniSource *src, const char *group,
          const char *key, GRegex **out, GError **error)
{
    char *raw = g_key_file_get_value(kf, group, key, NULL);
    if (raw == NULL)
        return TRUE;
    g_strstrip(raw);
    GError *e = NULL;
    *out = g_regex_new(raw, G_REGEX_CASELESS | v->compile_flags, 0, &e);
    g_free(raw);
    if (*out == NULL) {
        slx_ini_fail(error, src, group, key, "bad regular expression: %s", e->message);
        g_error_free(e);
        return FALSE;
    }
    return TRUE;
}

/* Compile the ';'-separated regular expressions of KEY onto LIST. */
static gboolean
add_regexes(const SlxVocabulary *v, GPtrArray *list, GKeyFile *kf, const SlxIniSource *src, const char *group,
            const char *key, GError **error)
{
    /* Verbatim: normalizing would rewrite the syntax ([:：] → [::]). */
    GPtrArray *patterns = slx_ini_get_strings(kf, group, key);
    gboolean ok = TRUE;
    for (guint i = 0; i < patterns->len && ok; i++) {
        GError *e = NULL;
        GRegex *re = g_regex_new(g_ptr_array_index(patterns, i), G_REGEX_CASELESS | v->compile_flags,
                                 0, &e);
        if (re == NULL) {
            ok = slx_ini_fail(error, src, group, key, "bad regular expression: %s", e->message);
            g_error_free(e);
        } else {
            g_ptr_array_add(list, re);
        }
    }
    g_ptr_array_unref(patterns);
    return ok;
}

/* A pattern RE of [layout] KEY must have the named GROUPS (NULL-ended):
 * without them it could say nothing (a label_value without name and value
 * makes no item). */
static gboolean
check_regex_groups(const GRegex *re, const SlxIniSource *src, const char *key,
                   const char *const *groups, GError **error)
{
    for (const char *const *g = groups; *g; g++)
        if (g_regex_get_string_number(re, *g) < 0)
            return slx_ini_fail(error, src, "layout", key, "a %s pattern needs the group (?<%s>…): '%s'",
                                key, *g, g_regex_get_pattern(re));
    return TRUE;
}

static gboolean
check_groups(GPtrArray *list, const SlxIniSource *src, const char *key,
             const char *const *groups, GError **error)
{
    for (guint i = 0; i < list->len; i++)
        if (!check_regex_groups(g_ptr_array_index(list, i), src, key, groups, error))
            return FALSE;
    return TRUE;
}

/* ---- catalogs -------------------------------------------------------- */

static void
section_free(gpointer p)
{
    SlxCatalogSection *s = p;
    g_free(s->name);
    g_ptr_array_unref(s->aliases);
    g_free(s);
}

static void
item_free(gpointer p)
{
    SlxCatalogItem *it = p;
    g_free(it->id);
    g_free(it->key);
    g_free(it->category);
    g_free(it->name);
    g_ptr_array_unref(it->aliases);
    g_ptr_array_unref(it->keywords);
    if (it->keyword_keys)
        g_ptr_array_unref(it->keyword_keys);
    g_free(it->template_text);
    g_free(it->example);
    g_free(it->unit);
    g_free(it->quantity);
    g_ptr_array_unref(it->headline);
    g_free(it->duration_role);
    g_free(it->list_role);
    if (it->not_applicable)
        g_regex_unref(it->not_applicable);
    if (it->met_by_denial)
        g_regex_unref(it->met_by_denial);
    g_ptr_array_unref(it->name_keys);
    slx_key_free(it->template_key);
    g_free(it);
}

static void
catalog_free(gpointer p)
{
    SlxCatalog *c = p;
    g_free(c->id);
    g_free(c->name);
    g_free(c->file);
    g_ptr_array_unref(c->sections);
    g_ptr_array_unref(c->items);
    g_hash_table_unref(c->by_id);
    slx_key_index_free(c->name_index);
    slx_key_index_free(c->template_index);
    g_free(c->name_first);
    if (c->category_keys) {
        g_hash_table_unref(c->category_keys);
        g_hash_table_unref(c->unit_keys);
        g_hash_table_unref(c->section_keys);
    }
    g_free(c);
}

/* Index C's name and template keys, once its items are all loaded. */
static void
catalog_index_keys(SlxCatalog *c)
{
    c->name_index = slx_key_index_new();
    c->template_index = slx_key_index_new();
    c->name_first = g_new(guint, c->items->len + 1);
    for (guint i = 0; i < c->items->len; i++) {
        const SlxCatalogItem *it = g_ptr_array_index(c->items, i);
        c->name_first[i] = slx_key_index_size(c->name_index);
        for (guint k = 0; k < it->name_keys->len; k++)
            slx_key_index_add(c->name_index, g_ptr_array_index(it->name_keys, k));
        slx_key_index_add(c->template_index, it->template_key);
    }
    c->name_first[c->items->len] = slx_key_index_size(c->name_index);

    c->category_keys = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    c->unit_keys = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    c->section_keys = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (guint i = 0; i < c->items->len; i++) {
        const SlxCatalogItem *it = g_ptr_array_index(c->items, i);
        if (it->category)
            g_hash_table_add(c->category_keys, slx_match_key(it->category));
        if (it->unit)
            g_hash_table_add(c->unit_keys, slx_match_key(it->unit));
    }
    /* Vendors put the section in the 種別 column too (アプリケーション運用). */
    for (guint s = 0; s < c->sections->len; s++) {
        const SlxCatalogSection *sec = g_ptr_array_index(c->sections, s);
        for (guint a = 0; a <= sec->aliases->len; a++) {
            const char *name = a == 0 ? sec->name : g_ptr_array_index(sec->aliases, a - 1);
            g_hash_table_add(c->category_keys, slx_match_key(name));
            char *key = slx_match_key(name);
            if (!g_hash_table_contains(c->section_keys, key))
                g_hash_table_insert(c->section_keys, key, GUINT_TO_POINTER(sec->number));
            else
                g_free(key);
        }
    }
}

const SlxCatalogItem *
slx_catalog_lookup(const SlxCatalog *c, const char *id)
{
    return g_hash_table_lookup(c->by_id, id);
}

static const char *const section_keys[] = {"name", "aliases", "first", "last", NULL};
static const char *const item_keys[] = {
    "key", "category", "name", "aliases", "keywords", "template", "example", "unit",
    "quantity", "limit", "headline", "role", "list", "not_applicable", "met_by_denial", NULL};

static gboolean
load_section(SlxCatalog *c, GKeyFile *kf, const SlxIniSource *src, const char *group,
             GError **error)
{
    guint64 number;
    if (!g_ascii_string_to_unsigned(group + strlen("section "), 10, 1, 1000, &number, NULL))
        return slx_ini_fail(error, src, group, NULL, "a section is [section N] with N a number");
    if (!slx_ini_check_keys(kf, src, group, section_keys, error))
        return FALSE;
    SlxCatalogSection *s = g_new0(SlxCatalogSection, 1);
    s->number = (guint)number;
    s->name = get_text(kf, group, "name");
    s->aliases = get_list(kf, group, "aliases");
    g_ptr_array_add(c->sections, s);
    if (s->name == NULL)
        return slx_ini_fail(error, src, group, NULL, "[%s] has no name", group);
    if (!get_uint(kf, src, group, "first", &s->first, error) ||
        !get_uint(kf, src, group, "last", &s->last, error))
        return FALSE;
    if (s->first == 0 || s->last < s->first)
        return slx_ini_fail(error, src, group, NULL, "[%s] needs first and last item numbers, first <= last", group);
    return TRUE;
}

static gboolean
load_item(SlxCatalog *c, GKeyFile *kf, const SlxIniSource *src, const char *group,
          const SlxVocabulary *vocab, GError **error)
{
    const char *id = group + strlen("item ");
    if (*id == '\0' || strchr(id, ' '))
        return slx_ini_fail(error, src, group, NULL, "an item is [item ID] with an ID of one word");
    if (!slx_ini_check_keys(kf, src, group, item_keys, error))
        return FALSE;

    SlxCatalogItem *it = g_new0(SlxCatalogItem, 1);
    it->id = g_strdup(id);
    guint64 number;
    if (g_ascii_string_to_unsigned(id, 10, 1, 100000, &number, NULL))
        it->number = (guint)number;
    it->key = get_text(kf, group, "key");
    it->category = get_text(kf, group, "category");
    it->name = get_text(kf, group, "name");
    it->aliases = get_list(kf, group, "aliases");
    it->keywords = get_list(kf, group, "keywords");
    it->template_text = get_text(kf, group, "template");
    it->example = get_text(kf, group, "example");
    it->unit = get_text(kf, group, "unit");
    it->quantity = get_text(kf, group, "quantity");
    it->headline = get_list(kf, group, "headline");
    it->duration_role = g_key_file_get_value(kf, group, "role", NULL);
    it->list_role = g_key_file_get_value(kf, group, "list", NULL);
    if (it->duration_role)
        g_strstrip(it->duration_role);
    if (it->list_role)
        g_strstrip(it->list_role);
    it->name_keys = g_ptr_array_new_with_free_func(slx_key_free);
    g_ptr_array_add(c->items, it);   /* owned by the catalog from here on */

    if (it->key == NULL || it->name == NULL)
        return slx_ini_fail(error, src, group, NULL, "[%s] needs at least 'key' and 'name'", group);
    static const char *const kinds[] = {"duration", "percent", "count", "frequency",
                                        "time_range", "schedule", "version", "list", NULL};
    for (guint i = 0; i < it->headline->len; i++)
        if (!g_strv_contains(kinds, g_ptr_array_index(it->headline, i)))
            return slx_ini_fail(error, src, group, "headline", "unknown value kind '%s' (expected one "
                        "of: duration, percent, count, frequency, time_range, schedule, "
                        "version, list)", (char *)g_ptr_array_index(it->headline, i));
    static const char *const list_roles[] = {"certification", "format", "location", "channel", NULL};
    if (it->list_role && !g_strv_contains(list_roles, it->list_role))
        return slx_ini_fail(error, src, group, "list", "unknown list '%s' (expected certification, "
                    "format, location or channel)", it->list_role);
    if (g_hash_table_contains(c->by_id, it->id))
        return slx_ini_fail(error, src, group, NULL, "item id %s appears twice", it->id);
    g_hash_table_insert(c->by_id, it->id, it);

    char *limit = g_key_file_get_value(kf, group, "limit", NULL);
    if (limit) {
        g_strstrip(limit);
        gboolean ok = TRUE;
        if (g_strcmp0(limit, "true") == 0)
            it->limit = TRUE;
        else if (g_strcmp0(limit, "false") != 0)
            ok = slx_ini_fail(error, src, group, "limit", "limit is 'true' or 'false', not '%s'", limit);
        g_free(limit);
        if (!ok)
            return FALSE;
    }
    if (it->quantity && !g_hash_table_contains(vocab->quantities, it->quantity))
        return slx_ini_fail(error, src, group, "quantity",
                    "unknown quantity '%s' (define it in a [quantity %s] group)",
                    it->quantity, it->quantity);
    if (!get_regex(vocab, kf, src, group, "not_applicable", &it->not_applicable, error) ||
        !get_regex(vocab, kf, src, group, "met_by_denial", &it->met_by_denial, error))
        return FALSE;

    g_ptr_array_add(it->name_keys, slx_key_new(it->name));
    for (guint i = 0; i < it->aliases->len; i++)
        g_ptr_array_add(it->name_keys, slx_key_new(g_ptr_array_index(it->aliases, i)));
    it->template_key = slx_key_new(it->template_text ? it->template_text : "");
    it->keyword_keys = g_ptr_array_new_full(it->keywords->len, g_free);
    for (guint i = 0; i < it->keywords->len; i++)
        g_ptr_array_add(it->keyword_keys, slx_match_key(g_ptr_array_index(it->keywords, i)));
    return TRUE;
}

static gboolean
load_catalog(SlxPatterns *p, GKeyFile *kf, const SlxIniSource *src, GError **error)
{
    static const char *const catalog_keys[] = {"id", "name", "min_items", NULL};
    if (!slx_ini_check_keys(kf, src, "catalog", catalog_keys, error))
        return FALSE;
    SlxCatalog *c = g_new0(SlxCatalog, 1);
    c->id = g_key_file_get_value(kf, "catalog", "id", NULL);
    c->name = get_text(kf, "catalog", "name");
    c->file = g_strdup(src->file);
    c->sections = g_ptr_array_new_with_free_func(section_free);
    c->items = g_ptr_array_new_with_free_func(item_free);
    c->by_id = g_hash_table_new(g_str_hash, g_str_equal);
    c->min_items = 1;

    gboolean ok = TRUE;
    if (c->id)
        g_strstrip(c->id);
    if (c->id == NULL || *c->id == '\0')
        ok = slx_ini_fail(error, src, "catalog", NULL, "[catalog] needs an id");
    else
        ok = get_uint(kf, src, "catalog", "min_items", &c->min_items, error);

    gsize n;
    char **groups = g_key_file_get_groups(kf, &n);
    for (gsize i = 0; i < n && ok; i++) {
        if (g_str_has_prefix(groups[i], "section "))
            ok = load_section(c, kf, src, groups[i], error);
        else if (g_str_has_prefix(groups[i], "item "))
            ok = load_item(c, kf, src, groups[i], &p->vocab, error);
    }
    g_strfreev(groups);
    if (ok && c->items->len == 0)
        ok = slx_ini_fail(error, src, "catalog", NULL, "catalog '%s' has no [item …] groups", c->id);
    if (!ok) {
        catalog_free(c);
        return FALSE;
    }
    catalog_index_keys(c);
    for (guint i = 0; i < p->catalogs->len; i++) {
        SlxCatalog *old = g_ptr_array_index(p->catalogs, i);
        if (strcmp(old->id, c->id) == 0) {
            g_ptr_array_remove_index(p->catalogs, i);
            break;
        }
    }
    g_ptr_array_add(p->catalogs, c);
    return TRUE;
}

/* ---- vocabulary ------------------------------------------------------ */

static const char *const column_keys[SLX_COL_N + 1] = {
    "no", "category", "name", "template", "unit", "example", "answer", "remarks", "other", NULL};
static const char *const marker_keys[SLX_MARK_N + 1] = {
    "yes", "partial", "no", "not_applicable", "same_as_previous", NULL};
static const char *const phrase_keys[] = {
    "undisclosed", "negative", "negative_ignore", "partial", "limit_none",
    "none_occurred", "lead_in", "supplement", "same_as_previous", "risk_denial", "contrast", "affirmative", NULL};
static const char *const document_keys[] = {"title", "service", "not_service", NULL};
static const char *const layout_keys[] = {"label_value",  "question",    "answer",
                                          "rule",         "heading_mark", "closing",
                                          "other_sheet",  "item_number",  "section_number",
                                          "numbered_heading", "glued_number", NULL};

/* ---- the words of values (values.ini) -------------------------------- */

/* The groups of values.ini and the keys each allows (NULL: any key, such
 * as the canonical names of a list). */
static const struct {
    const char *group;
    const char *const *keys;
    gboolean verbatim;      /* the entries are names, not regular expressions */
} value_groups[] = {
    {"duration units", (const char *const[]){"second", "minute", "hour", "day", "business_day",
                                             "week", "month", "year", NULL}, FALSE},
    {"count units", NULL, FALSE},
    {"vague", NULL, FALSE},
    {"bounds after", (const char *const[]){"max", "max_exclusive", "min", "min_exclusive",
                                           "approx", NULL}, FALSE},
    {"bounds before", (const char *const[]){"max", "max_exclusive", "min", "min_exclusive",
                                            "approx", NULL}, FALSE},
    {"lead time", (const char *const[]){"after", "at_least", NULL}, FALSE},
    {"intervals", (const char *const[]){"before", "after", NULL}, FALSE},
    {"interval words", (const char *const[]){"second", "minute", "hour", "day", "week", "month",
                                              "year", NULL}, FALSE},
    {"duration words", NULL, FALSE},
    {"roles", (const char *const[]){"target", "actual", "retention", "window", "distributive",
                                    NULL}, FALSE},
    {"frequency words", (const char *const[]){"day", "week", "month", "year", "half_year", NULL},
     FALSE},
    {"frequency periods", (const char *const[]){"day", "week", "month", "year", "half_year",
                                                NULL}, FALSE},
    {"days before", (const char *const[]){"weekdays", "everyday", "business_days", NULL}, FALSE},
    {"days after", (const char *const[]){"weekdays", "everyday", "business_days", NULL}, FALSE},
    {"schedules", (const char *const[]){"24x365", "24x7", NULL}, FALSE},
    {"versions", (const char *const[]){"disabled", NULL}, FALSE},
    {"not values", NULL, FALSE},
    {"kanji words", (const char *const[]){"keep", NULL}, FALSE},
    {"list certification", NULL, FALSE},
    {"list format", NULL, FALSE},
    {"list location", NULL, FALSE},
    {"list channel", NULL, FALSE},
    {"list subsumed", NULL, TRUE},
    {"list implies", NULL, TRUE},
    {"list context", (const char *const[]){"certification", "format", "location", "channel",
                                            NULL}, FALSE},
    {"list not context", (const char *const[]){"certification", "format", "location", "channel",
                                                NULL}, FALSE},
};

static gssize
value_group(const char *group)
{
    for (gsize i = 0; i < G_N_ELEMENTS(value_groups); i++)
        if (strcmp(value_groups[i].group, group) == 0)
            return (gssize)i;
    return -1;
}

static void
term_free(gpointer p)
{
    SlxTerm *t = p;
    g_free(t->name);
    g_ptr_array_unref(t->patterns);
    g_free(t);
}

GPtrArray *
slx_value_terms(const SlxVocabulary *v, const char *group)
{
    return g_hash_table_lookup(v->value_words, group);
}

/* The unit words of V as one alternation, for {units} in a pattern. */
static char *
unit_alternation(const SlxVocabulary *v, const char *const *groups)
{
    GString *alt = g_string_new("(?:");
    gboolean first = TRUE;
    for (const char *const *g = groups; *g; g++) {
        GPtrArray *terms = slx_value_terms(v, *g);
        for (guint i = 0; terms && i < terms->len; i++) {
            const SlxTerm *t = g_ptr_array_index(terms, i);
            for (guint k = 0; k < t->patterns->len; k++) {
                g_string_append_printf(alt, "%s(?:%s)", first ? "" : "|",
                                       (char *)g_ptr_array_index(t->patterns, k));
                first = FALSE;
            }
        }
    }
    if (first)
        g_string_append(alt, "(?!)");   /* no unit words: matches nothing */
    g_string_append_c(alt, ')');
    return g_string_free(alt, FALSE);
}

char *
slx_expand_units(const SlxVocabulary *v, const char *pattern)
{
    static const struct { const char *name; const char *const groups[3]; } places[] = {
        {"{units}", {"duration units", "count units", NULL}},
        {"{duration_units}", {"duration units", NULL, NULL}},
        {"{count_units}", {"count units", NULL, NULL}},
    };
    char *out = g_strdup(pattern);
    for (gsize i = 0; i < G_N_ELEMENTS(places); i++) {
        if (strstr(out, places[i].name) == NULL)
            continue;
        char *alt = unit_alternation(v, places[i].groups);
        char **parts = g_strsplit(out, places[i].name, -1);
        g_free(out);
        out = g_strjoinv(alt, parts);
        g_strfreev(parts);
        g_free(alt);
    }
    return out;
}

/* PATTERN with each unit place holder as a plain word, to check it. */
static char *
without_placeholders(const char *pattern)
{
    static const char *const names[] = {"{units}", "{duration_units}", "{count_units}"};
    char *out = g_strdup(pattern);
    for (gsize i = 0; i < G_N_ELEMENTS(names); i++) {
        char **parts = g_strsplit(out, names[i], -1);
        g_free(out);
        out = g_strjoinv("x", parts);
        g_strfreev(parts);
    }
    return out;
}

/* Add the entries of GROUP to the vocabulary: a key already known gets
 * more words, a new key becomes a new term after the others.  Every
 * regular expression is compiled here, so a broken one is reported at its
 * line (a {units} place holder stands for a plain word while checking). */
static gboolean
load_value_words(SlxVocabulary *v, GKeyFile *kf, const SlxIniSource *src, const char *group,
                 GError **error)
{
    gssize g = value_group(group);
    if (value_groups[g].keys && !slx_ini_check_keys(kf, src, group, value_groups[g].keys, error))
        return FALSE;
    GPtrArray *terms = g_hash_table_lookup(v->value_words, group);
    if (terms == NULL) {
        terms = g_ptr_array_new_with_free_func(term_free);
        g_hash_table_insert(v->value_words, g_strdup(group), terms);
    }
    gsize n;
    char **keys = g_key_file_get_keys(kf, group, &n, NULL);
    gboolean ok = TRUE;
    for (gsize i = 0; i < n && ok; i++) {
        SlxTerm *term = NULL;
        for (guint k = 0; k < terms->len && term == NULL; k++)
            if (strcmp(((SlxTerm *)g_ptr_array_index(terms, k))->name, keys[i]) == 0)
                term = g_ptr_array_index(terms, k);
        if (term == NULL) {
            term = g_new0(SlxTerm, 1);
            term->name = g_strdup(keys[i]);
            term->patterns = g_ptr_array_new_with_free_func(g_free);
            g_ptr_array_add(terms, term);
        }
        GPtrArray *patterns = slx_ini_get_strings(kf, group, keys[i]);
        for (guint k = 0; k < patterns->len && ok; k++) {
            const char *pat = g_ptr_array_index(patterns, k);
            if (!value_groups[g].verbatim) {
                char *check = without_placeholders(pat);
                GError *e = NULL;
                GRegex *re = g_regex_new(check, G_REGEX_CASELESS, 0, &e);
                g_free(check);
                if (re == NULL) {
                    ok = slx_ini_fail(error, src, group, keys[i], "bad regular expression '%s': %s", pat,
                              e->message);
                    g_error_free(e);
                } else {
                    g_regex_unref(re);
                }
            }
            if (ok)
                g_ptr_array_add(term->patterns, g_strdup(pat));
        }
        g_ptr_array_unref(patterns);
    }
    g_strfreev(keys);
    return ok;
}

static void
ocr_fix_free(gpointer p)
{
    SlxOcrFix *f = p;
    g_free(f->name);
    if (f->match)
        g_regex_unref(f->match);
    g_free(f->replace);
    g_free(f);
}

/* [ocr fix NAME]: a regular expression and its replacement.  The
 * replacement is checked here, so that a broken one is FILE:LINE. */
static gboolean
load_ocr_fix(SlxVocabulary *v, GKeyFile *kf, const SlxIniSource *src, const char *group,
             GError **error)
{
    static const char *const fix_keys[] = {"match", "replace", NULL};
    if (!slx_ini_check_keys(kf, src, group, fix_keys, error))
        return FALSE;
    SlxOcrFix *f = g_new0(SlxOcrFix, 1);
    f->name = g_strdup(group + strlen("ocr fix "));
    g_ptr_array_add(v->ocr_fixes, f);   /* owned by the vocabulary from here on */
    if (!get_regex(v, kf, src, group, "match", &f->match, error))
        return FALSE;
    if (f->match == NULL)
        return slx_ini_fail(error, src, group, NULL, "[%s] needs 'match'", group);
    /* Verbatim, like the expression: a replacement may end in a space. */
    f->replace = g_key_file_get_value(kf, group, "replace", NULL);
    if (f->replace == NULL)
        return slx_ini_fail(error, src, group, NULL, "[%s] needs 'replace'", group);
    GError *e = NULL;
    if (!g_regex_check_replacement(f->replace, NULL, &e)) {
        slx_ini_fail(error, src, group, "replace", "bad replacement: %s", e->message);
        g_error_free(e);
        return FALSE;
    }
    return TRUE;
}

static void
quantity_free(gpointer p)
{
    SlxQuantity *q = p;
    g_ptr_array_unref(q->kinds);
    g_ptr_array_unref(q->units);
    g_ptr_array_unref(q->figure);
    g_free(q);
}

/* [quantity NAME]: kinds, units and figure add to what the group had. */
static gboolean
load_quantity(SlxVocabulary *v, GKeyFile *kf, const SlxIniSource *src, const char *group,
              GError **error)
{
    static const char *const quantity_keys[] = {"kinds", "units", "figure", NULL};
    if (!slx_ini_check_keys(kf, src, group, quantity_keys, error))
        return FALSE;
    const char *name = group + strlen("quantity ");
    SlxQuantity *q = g_hash_table_lookup(v->quantities, name);
    if (q == NULL) {
        q = g_new0(SlxQuantity, 1);
        q->kinds = g_ptr_array_new_with_free_func(g_free);
        q->units = g_ptr_array_new_with_free_func(g_free);
        q->figure = g_ptr_array_new_with_free_func((GDestroyNotify)g_regex_unref);
        g_hash_table_insert(v->quantities, g_strdup(name), q);
    }
    static const char *const kinds[] = {"duration", "percent", "count", "frequency",
                                        "time_range", "schedule", "version", "list", NULL};
    GPtrArray *k = get_list(kf, group, "kinds");
    for (guint i = 0; i < k->len; i++)
        if (!g_strv_contains(kinds, g_ptr_array_index(k, i))) {
            slx_ini_fail(error, src, group, "kinds", "unknown value kind '%s'", (char *)g_ptr_array_index(k, i));
            g_ptr_array_unref(k);
            return FALSE;
        }
    g_ptr_array_extend_and_steal(q->kinds, k);
    g_ptr_array_extend_and_steal(q->units, get_list(kf, group, "units"));
    return add_regexes(v, q->figure, kf, src, group, "figure", error);
}

static GPtrArray **
phrase_list(SlxVocabulary *v, const char *key)
{
    GPtrArray **lists[] = {&v->undisclosed, &v->negative, &v->negative_ignore,
                           &v->partial, &v->limit_none, &v->none_occurred,
                           &v->lead_in, &v->supplement, &v->same_as_previous,
                           &v->risk_denial, &v->contrast, &v->affirmative};
    for (gsize i = 0; i < G_N_ELEMENTS(lists); i++)
        if (strcmp(phrase_keys[i], key) == 0)
            return lists[i];
    return NULL;
}

/* [layout] glued_number: its patterns are kept as written, checked here
 * with each unit place holder a plain word, and compiled by
 * patterns_compile_glued() once the units of every file loaded so far
 * are known (values.ini comes after common.ini). */
static gboolean
add_glued_number(SlxVocabulary *v, GKeyFile *kf, const SlxIniSource *src, GError **error)
{
    GPtrArray *patterns = slx_ini_get_strings(kf, "layout", "glued_number");
    gboolean ok = TRUE;
    for (guint i = 0; i < patterns->len && ok; i++) {
        g_autofree char *check = without_placeholders(g_ptr_array_index(patterns, i));
        GError *e = NULL;
        GRegex *re = g_regex_new(check, 0, 0, &e);
        if (re == NULL) {
            ok = slx_ini_fail(error, src, "layout", "glued_number", "bad regular expression: %s",
                              e->message);
            g_error_free(e);
        } else {
            ok = check_regex_groups(re, src, "glued_number", (const char *[]){"no", "name", NULL},
                                    error);
            g_regex_unref(re);
        }
    }
    for (guint i = 0; i < patterns->len && ok; i++)
        g_ptr_array_add(v->glued_number_patterns, g_strdup(g_ptr_array_index(patterns, i)));
    g_ptr_array_unref(patterns);
    return ok;
}

/* Compile glued_number's patterns with the unit words known now; matched
 * as written (a unit's case is its own: 「H」 is no hour). */
static void
patterns_compile_glued(SlxVocabulary *v)
{
    g_ptr_array_set_size(v->glued_number, 0);
    for (guint i = 0; i < v->glued_number_patterns->len; i++) {
        g_autofree char *pat = slx_expand_units(v, g_ptr_array_index(v->glued_number_patterns, i));
        GRegex *re = g_regex_new(pat, v->compile_flags, 0, NULL);
        if (re)   /* checked on load; a unit word that breaks it is values.ini's error */
            g_ptr_array_add(v->glued_number, re);
    }
}

static gboolean
load_vocabulary(SlxVocabulary *v, GKeyFile *kf, const SlxIniSource *src, GError **error)
{
    gboolean ok = TRUE;
    if (g_key_file_has_group(kf, "columns")) {
        ok = slx_ini_check_keys(kf, src, "columns", column_keys, error);
        for (int r = 0; ok && r < SLX_COL_N; r++) {
            GPtrArray *labels = get_list(kf, "columns", column_keys[r]);
            for (guint i = 0; i < labels->len; i++) {
                const char *l = g_ptr_array_index(labels, i);
                char *key = slx_match_key(l[0] == '*' ? l + 1 : l);
                g_ptr_array_add(v->labels[r], l[0] == '*' ? g_strconcat("*", key, NULL)
                                                          : g_strdup(key));
                g_free(key);
            }
            g_ptr_array_unref(labels);
        }
    }
    if (ok && g_key_file_has_group(kf, "markers")) {
        ok = slx_ini_check_keys(kf, src, "markers", marker_keys, error);
        for (int m = 0; ok && m < SLX_MARK_N; m++) {
            g_ptr_array_extend_and_steal(v->markers[m], get_list(kf, "markers", marker_keys[m]));
            for (guint i = 0; i < v->markers[m]->len; i++) {
                const char *word = g_ptr_array_index(v->markers[m], i);
                v->marker_chars = MAX(v->marker_chars, g_utf8_strlen(word, -1));
                /* A word listed twice is the marker it was listed under first. */
                if (!g_hash_table_contains(v->marker_words, word))
                    g_hash_table_insert(v->marker_words, g_strdup(word), GINT_TO_POINTER(m + 1));
            }
        }
    }
    if (ok && g_key_file_has_group(kf, "phrases")) {
        ok = slx_ini_check_keys(kf, src, "phrases", phrase_keys, error);
        for (const char *const *k = phrase_keys; ok && *k; k++)
            ok = add_regexes(v, *phrase_list(v, *k), kf, src, "phrases", *k, error);
    }
    if (ok && g_key_file_has_group(kf, "document")) {
        ok = slx_ini_check_keys(kf, src, "document", document_keys, error) &&
             add_regexes(v, v->title, kf, src, "document", "title", error) &&
             add_regexes(v, v->service, kf, src, "document", "service", error) &&
             add_regexes(v, v->not_service, kf, src, "document", "not_service", error);
    }
    if (ok && g_key_file_has_group(kf, "layout")) {
        ok = slx_ini_check_keys(kf, src, "layout", layout_keys, error) &&
             add_regexes(v, v->label_value, kf, src, "layout", "label_value", error) &&
             add_regexes(v, v->question, kf, src, "layout", "question", error) &&
             add_regexes(v, v->answer, kf, src, "layout", "answer", error) &&
             add_regexes(v, v->rule, kf, src, "layout", "rule", error) &&
             add_regexes(v, v->heading_mark, kf, src, "layout", "heading_mark", error) &&
             add_regexes(v, v->closing, kf, src, "layout", "closing", error) &&
             add_regexes(v, v->other_sheet, kf, src, "layout", "other_sheet", error) &&
             add_regexes(v, v->item_number, kf, src, "layout", "item_number", error) &&
             add_regexes(v, v->section_number, kf, src, "layout", "section_number", error) &&
             add_regexes(v, v->numbered_heading, kf, src, "layout", "numbered_heading", error) &&
             add_glued_number(v, kf, src, error) &&
             check_groups(v->label_value, src, "label_value", (const char *[]){"name", "value", NULL},
                          error) &&
             check_groups(v->section_number, src, "section_number",
                          (const char *[]){"no", "name", NULL}, error) &&
             check_groups(v->numbered_heading, src, "numbered_heading",
                          (const char *[]){"no", "name", NULL}, error);
    }
    gsize n;
    char **groups = g_key_file_get_groups(kf, &n);
    for (gsize i = 0; i < n && ok; i++) {
        if (g_str_has_prefix(groups[i], "quantity "))
            ok = load_quantity(v, kf, src, groups[i], error);
        else if (g_str_has_prefix(groups[i], "ocr fix "))
            ok = load_ocr_fix(v, kf, src, groups[i], error);
        else if (value_group(groups[i]) >= 0)
            ok = load_value_words(v, kf, src, groups[i], error);
    }
    g_strfreev(groups);
    return ok;
}

static gboolean
is_known_group(const char *g)
{
    static const char *const fixed[] = {"catalog", "columns", "markers", "phrases", "document", "layout",
                                      NULL};
    return g_strv_contains(fixed, g) || g_str_has_prefix(g, "section ") ||
           g_str_has_prefix(g, "item ") || g_str_has_prefix(g, "quantity ") || g_str_has_prefix(g, "ocr fix ") ||
           value_group(g) >= 0;
}

/* ---- markers --------------------------------------------------------- */

/* WORD without surrounding brackets: 【有】 → 有. */
/* The length of WORD's inside when a pair of brackets encloses it whole
 * (【有】, (可)), else its length; *INNER is where the inside starts. */
static gsize
patterns_unbracket(const char *word, const char **inner)
{
    static const char *const pairs[][2] = {{"【", "】"}, {"[", "]"}, {"(", ")"}, {"〔", "〕"}, {"「", "」"}};
    gsize len = strlen(word);
    *inner = word;
    for (gsize i = 0; i < G_N_ELEMENTS(pairs); i++) {
        gsize open = strlen(pairs[i][0]), close = strlen(pairs[i][1]);
        if (len > open + close && g_str_has_prefix(word, pairs[i][0]) &&
            g_str_has_suffix(word, pairs[i][1])) {
            *inner = word + open;
            return len - open - close;
        }
    }
    return len;
}

int
slx_marker_of_normalized(const SlxVocabulary *v, const char *word)
{
    const char *inner;
    gsize len = patterns_unbracket(word, &inner);
    if (len > (gsize)v->marker_chars * 4)
        return -1;   /* longer than any marker can be in UTF-8 */
    g_autofree char *bracketed = inner != word ? g_strndup(inner, len) : NULL;
    gpointer m = g_hash_table_lookup(v->marker_words, bracketed ? bracketed : word);
    return m ? GPOINTER_TO_INT(m) - 1 : -1;
}

int
slx_marker_of(const SlxVocabulary *v, const char *word)
{
    g_autofree char *w = slx_normalize(word, -1, SLX_NORM_DEFAULT);
    return slx_marker_of_normalized(v, w);
}

char *
slx_first_word(const char *text)
{
    if (g_str_has_prefix(text, "【")) {
        const char *close = strstr(text, "】");
        if (close)
            return g_strndup(text, (gsize)(close - text) + strlen("】"));
    }
    const char *p = text;
    while (*p) {
        gunichar c = g_utf8_get_char(p);
        if (c == ' ' || c == 0x3002 || c == 0x3001 || c == ',' || c == ':' ||
            c == '(' || c == '.' || c == 0xFF0C)
            break;
        p = g_utf8_next_char(p);
    }
    return g_strndup(text, (gsize)(p - text));
}

/* ---- public ---------------------------------------------------------- */

SlxPatterns *
slx_patterns_new(void)
{
    SlxPatterns *p = g_new0(SlxPatterns, 1);
    SlxVocabulary *v = &p->vocab;
    v->compile_flags = G_REGEX_OPTIMIZE;
    for (int r = 0; r < SLX_COL_N; r++)
        v->labels[r] = g_ptr_array_new_with_free_func(g_free);
    for (int m = 0; m < SLX_MARK_N; m++)
        v->markers[m] = g_ptr_array_new_with_free_func(g_free);
    v->marker_words = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (const char *const *k = phrase_keys; *k; k++)
        *phrase_list(v, *k) = g_ptr_array_new_with_free_func((GDestroyNotify)g_regex_unref);
    v->title = g_ptr_array_new_with_free_func((GDestroyNotify)g_regex_unref);
    v->service = g_ptr_array_new_with_free_func((GDestroyNotify)g_regex_unref);
    v->not_service = g_ptr_array_new_with_free_func((GDestroyNotify)g_regex_unref);
    GPtrArray **layout[] = {&v->label_value, &v->question,   &v->answer,
                            &v->rule,        &v->heading_mark, &v->closing,
                            &v->other_sheet, &v->item_number,  &v->section_number,
                            &v->numbered_heading, &v->glued_number};
    v->glued_number_patterns = g_ptr_array_new_with_free_func(g_free);
    for (gsize i = 0; i < G_N_ELEMENTS(layout); i++)
        *layout[i] = g_ptr_array_new_with_free_func((GDestroyNotify)g_regex_unref);
    v->quantities = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, quantity_free);
    v->ocr_fixes = g_ptr_array_new_with_free_func(ocr_fix_free);
    v->value_words = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify)g_ptr_array_unref);
    p->catalogs = g_ptr_array_new_with_free_func(catalog_free);
    slx_sha256_init(&p->sources);
    return p;
}

/* Compiling every pattern to machine code (pcre2's JIT) takes about 12 ms
 * at start-up and saves about 3 ms of each text document's reading (both
 * measured over the corpus's text documents): it pays from 4 documents on. */
#define PATTERNS_JIT_DOCUMENTS 4

SlxPatterns *
slx_patterns_new_for(gsize n_documents)
{
    SlxPatterns *p = slx_patterns_new();
    if (n_documents < PATTERNS_JIT_DOCUMENTS)
        p->vocab.compile_flags &= ~G_REGEX_OPTIMIZE;
    return p;
}

void
slx_patterns_free(SlxPatterns *p)
{
    if (p == NULL)
        return;
    SlxVocabulary *v = &p->vocab;
    for (int r = 0; r < SLX_COL_N; r++)
        g_ptr_array_unref(v->labels[r]);
    for (int m = 0; m < SLX_MARK_N; m++)
        g_ptr_array_unref(v->markers[m]);
    g_hash_table_unref(v->marker_words);
    for (const char *const *k = phrase_keys; *k; k++)
        g_ptr_array_unref(*phrase_list(v, *k));
    g_ptr_array_unref(v->title);
    g_ptr_array_unref(v->service);
    g_ptr_array_unref(v->not_service);
    g_ptr_array_unref(v->label_value);
    g_ptr_array_unref(v->question);
    g_ptr_array_unref(v->answer);
    g_ptr_array_unref(v->rule);
    g_ptr_array_unref(v->heading_mark);
    g_ptr_array_unref(v->closing);
    g_ptr_array_unref(v->item_number);
    g_ptr_array_unref(v->section_number);
    g_ptr_array_unref(v->numbered_heading);
    g_ptr_array_unref(v->glued_number);
    g_ptr_array_unref(v->glued_number_patterns);
    g_ptr_array_unref(v->other_sheet);
    g_hash_table_unref(v->quantities);
    g_ptr_array_unref(v->ocr_fixes);
    g_hash_table_unref(v->value_words);
    g_ptr_array_unref(p->catalogs);
    g_free(p);
}

const char *
slx_patterns_digest(const SlxPatterns *p)
{
    /* Taking the digest spends the context: a copy answers, the original
     * goes on. */
    SlxSha256 copy = p->sources;
    g_autofree char *hex = slx_sha256_hex(&copy);
    return g_intern_string(hex);
}

gboolean
slx_patterns_load_data(SlxPatterns *p, const char *name, const char *data, gsize len,
                       GError **error)
{
    if (len == (gsize)-1)
        len = strlen(data);
    SlxIniSource src = {name, g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL)};
    slx_sha256_update(&p->sources, name, strlen(name) + 1);
    slx_sha256_update(&p->sources, data, len);
    GKeyFile *kf = g_key_file_new();
    GError *e = NULL;
    gboolean ok = slx_ini_index(&src, data, len, error);

    if (ok && !g_key_file_load_from_data(kf, data, len, G_KEY_FILE_NONE, &e)) {
        g_set_error(error, SLX_ERROR, SLX_ERROR_PATTERNS, "%s: %s", name, e->message);
        g_error_free(e);
        ok = FALSE;
    }
    if (ok) {
        gsize n;
        char **groups = g_key_file_get_groups(kf, &n);
        for (gsize i = 0; i < n && ok; i++)
            if (!is_known_group(groups[i]))
                ok = slx_ini_fail(error, &src, groups[i], NULL,
                          "unknown group [%s] (expected [catalog], [section N], [item ID], "
                          "[columns], [markers], [phrases], [document], [quantity NAME], "
                          "[ocr fix NAME] or a group of values.ini)",
                          groups[i]);
        gboolean has_items = FALSE;
        for (gsize i = 0; i < n; i++)
            has_items |= g_str_has_prefix(groups[i], "item ") ||
                         g_str_has_prefix(groups[i], "section ");
        g_strfreev(groups);
        /* The vocabulary first: items refer to its quantities. */
        if (ok)
            ok = load_vocabulary(&p->vocab, kf, &src, error);
        if (ok && g_key_file_has_group(kf, "catalog"))
            ok = load_catalog(p, kf, &src, error);
        else if (ok && has_items)
            ok = slx_ini_fail(error, &src, NULL, NULL, "[item …] or [section …] groups without a [catalog] group");
        if (ok)
            patterns_compile_glued(&p->vocab);
    }
    g_key_file_free(kf);
    g_hash_table_unref(src.lines);
    return ok;
}

gboolean
slx_patterns_load_file(SlxPatterns *p, const char *path, GError **error)
{
    char *data;
    gsize len;
    GError *e = NULL;
    if (!g_file_get_contents(path, &data, &len, &e)) {
        g_set_error(error, SLX_ERROR, SLX_ERROR_PATTERNS, "%s", e->message);
        g_error_free(e);
        return FALSE;
    }
    gboolean ok = slx_patterns_load_data(p, path, data, len, error);
    g_free(data);
    return ok;
}

static int
cmp_str(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

gboolean
slx_patterns_load_dir(SlxPatterns *p, const char *dir, GError **error)
{
    GError *e = NULL;
    GDir *d = g_dir_open(dir, 0, &e);
    if (d == NULL) {
        g_set_error(error, SLX_ERROR, SLX_ERROR_PATTERNS, "pattern directory: %s", e->message);
        g_error_free(e);
        return FALSE;
    }
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    const char *name;
    while ((name = g_dir_read_name(d)) != NULL)
        if (g_str_has_suffix(name, ".ini"))
            g_ptr_array_add(names, g_build_filename(dir, name, NULL));
    g_dir_close(d);
    /* common.ini defines the quantities that catalogs refer to: load the
     * files without a catalog first, then the rest, each set by name. */
    g_ptr_array_sort(names, cmp_str);
    gboolean ok = TRUE;
    for (int pass = 0; pass < 2 && ok; pass++) {
        for (guint i = 0; i < names->len && ok; i++) {
            const char *path = g_ptr_array_index(names, i);
            char *data;
            gsize len;
            if (!g_file_get_contents(path, &data, &len, NULL))
                continue;
            gboolean is_catalog = strstr(data, "\n[catalog]") != NULL ||
                                  g_str_has_prefix(data, "[catalog]");
            if (is_catalog == (pass == 1))
                ok = slx_patterns_load_data(p, path, data, len, error);
            g_free(data);
        }
    }
    g_ptr_array_unref(names);
    if (ok && p->catalogs->len == 0)
        ok = (g_set_error(error, SLX_ERROR, SLX_ERROR_PATTERNS,
                          "%s: no catalog found (no file with a [catalog] group)", dir), FALSE);
    return ok;
}

char *
slx_patterns_default_dir(void)
{
    const char *env = g_getenv("SLAXTRACT_PATTERNS_DIR");
    if (env && *env)
        return g_strdup(env);
    return g_strdup(slx_path_uninstalled() ? SLX_SOURCE_PATTERNS_DIR : SLX_PATTERNS_DIR);
}

gboolean
slx_phrases_match(GPtrArray *list, const char *text)
{
    for (guint i = 0; i < list->len; i++)
        if (g_regex_match(g_ptr_array_index(list, i), text, 0, NULL))
            return TRUE;
    return FALSE;
}
