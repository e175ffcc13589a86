/* test_corpus.c — the corpus regression: every document of corpus/ against
 * its corpus/expected/<doc>.json, written by reading the document.
 *
 * An expected file lists what the document must yield: format, encoding,
 * title, service, catalog; per item id its printed number, answer, flags
 * (exactly) and, where given, its text; the extra rows in order; missing
 * ids; and one substring per warning.  An item the tool finds that the file
 * does not list is a failure too.  With "values_checked", every item's
 * values must equal its "values" (value_dsl.h notation; none if absent),
 * so a missing value and a value the file does not list both fail.  A
 * file with "same_as" names the UTF-8
 * original of another rendering of it (re-encoded, or HTML): the copy must
 * give the same extract.
 * Every difference is printed, one line each, before the test fails. */
#include "patterns.h"
#include "pipeline.h"
#include "write_jsonl.h"

#include <json-glib/json-glib.h>
#include <stdarg.h>
#include <stdio.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "value_dsl.h"

static SlxPatterns *patterns;
static SlxExtractor *extractor;
static guint answers_total, answers_right, docs_total, docs_right, values_total, values_right;

static JsonObject *
run(const char *document, JsonParser **keep)
{
    char *path = g_build_filename(SLX_SOURCE_DIR, "corpus", document, NULL);
    SlxRecord *r = slx_process_file(path, NULL, patterns, extractor);
    GString *line = g_string_new(NULL);
    slx_write_jsonl(line, r);
    slx_record_free(r);
    g_free(path);
    *keep = json_parser_new();
    GError *e = NULL;
    if (!json_parser_load_from_data(*keep, line->str, (gssize)line->len, &e))
        fail_msg("%s: the output is not JSON: %s", document, e->message);
    g_string_free(line, TRUE);
    return json_node_get_object(json_parser_get_root(*keep));
}

/* The member as text ("null" for null or absent) for comparisons. */
static char *
member_text(JsonObject *o, const char *name)
{
    if (!json_object_has_member(o, name))
        return g_strdup("(absent)");
    JsonNode *n = json_object_get_member(o, name);
    if (JSON_NODE_HOLDS_NULL(n))
        return g_strdup("null");
    if (JSON_NODE_HOLDS_VALUE(n) && json_node_get_value_type(n) == G_TYPE_STRING)
        return g_strdup_printf("\"%s\"", json_node_get_string(n));
    return json_to_string(n, FALSE);
}

static void
compare_member(GString *diff, const char *where, JsonObject *want, JsonObject *got,
               const char *name)
{
    if (!json_object_has_member(want, name))
        return;
    char *w = member_text(want, name), *g = member_text(got, name);
    if (strcmp(w, g) != 0)
        g_string_append_printf(diff, "  %s%s: expected %s, got %s\n", where, name, w, g);
    g_free(w);
    g_free(g);
}

/* Compare the values of one item or extra row (value_dsl.h notation). */
static void
compare_values(GString *diff, const char *where, JsonObject *want, JsonObject *got,
               gboolean checked)
{
    if (!checked && !json_object_has_member(want, "values"))
        return;
    const char *w = json_object_get_string_member_with_default(want, "values", "");
    char *g = value_dsl(json_object_get_array_member(got, "values"));
    values_total++;
    if (strcmp(w, g) == 0)
        values_right++;
    else
        g_string_append_printf(diff, "  %svalues:\n      expected %s\n      got      %s\n", where,
                               *w ? w : "(none)", *g ? g : "(none)");
    g_free(g);
}

static JsonObject *
find_item(JsonArray *items, const char *id)
{
    for (guint i = 0; i < json_array_get_length(items); i++) {
        JsonObject *it = json_array_get_object_element(items, i);
        if (g_strcmp0(json_object_get_string_member(it, "id"), id) == 0)
            return it;
    }
    return NULL;
}

static void
compare_items(GString *diff, JsonObject *want, JsonObject *got)
{
    gboolean checked = json_object_get_boolean_member_with_default(want, "values_checked", FALSE);
    JsonObject *wi = json_object_get_object_member(want, "items");
    JsonArray *gi = json_object_get_array_member(got, "items");
    GList *ids = json_object_get_members(wi);
    for (GList *l = ids; l; l = l->next) {
        const char *id = l->data;
        JsonObject *w = json_object_get_object_member(wi, id);
        JsonObject *g = find_item(gi, id);
        char *where = g_strdup_printf("item %s: ", id);
        if (g == NULL) {
            g_string_append_printf(diff, "  item %s: expected, not found\n", id);
            answers_total++;
        } else {
            if (json_object_has_member(w, "answer")) {
                answers_total++;
                if (g_strcmp0(json_object_get_string_member(w, "answer"),
                              json_object_get_string_member(g, "answer")) == 0)
                    answers_right++;
            }
            compare_member(diff, where, w, g, "no");
            compare_member(diff, where, w, g, "answer");
            compare_member(diff, where, w, g, "text");
            /* Flags are exact: none listed means none. */
            if (!json_object_has_member(w, "flags"))
                json_object_set_array_member(w, "flags", json_array_new());
            compare_member(diff, where, w, g, "flags");
            compare_values(diff, where, w, g, checked);
        }
        g_free(where);
    }
    for (guint i = 0; i < json_array_get_length(gi); i++) {
        JsonObject *g = json_array_get_object_element(gi, i);
        const char *id = json_object_get_string_member(g, "id");
        if (!json_object_has_member(wi, id))
            g_string_append_printf(diff, "  item %s: found (no %s, \"%s\"), not expected\n", id,
                                   json_object_get_string_member_with_default(g, "no", "null"),
                                   json_object_get_string_member(g, "text"));
    }
    g_list_free(ids);
}

static void
compare_extras(GString *diff, JsonObject *want, JsonObject *got)
{
    JsonArray *we = json_object_get_array_member(want, "extra_items");
    JsonArray *ge = json_object_get_array_member(got, "extra_items");
    guint nw = json_array_get_length(we), ng = json_array_get_length(ge);
    for (guint i = 0; i < MAX(nw, ng); i++) {
        char *where = g_strdup_printf("extra %u: ", i + 1);
        if (i >= ng) {
            g_string_append_printf(diff, "  %sexpected %s, not found\n", where,
                                   json_to_string(json_array_get_element(we, i), FALSE));
        } else if (i >= nw) {
            JsonObject *g = json_array_get_object_element(ge, i);
            g_string_append_printf(diff, "  %sfound \"%s\", not expected\n", where,
                                   json_object_get_string_member_with_default(g, "name", "?"));
        } else {
            JsonObject *w = json_array_get_object_element(we, i);
            JsonObject *g = json_array_get_object_element(ge, i);
            compare_member(diff, where, w, g, "no");
            compare_member(diff, where, w, g, "name");
            compare_member(diff, where, w, g, "answer");
            compare_member(diff, where, w, g, "text");
            compare_values(diff, where, w, g,
                           json_object_get_boolean_member_with_default(want, "values_checked", FALSE));
        }
        g_free(where);
    }
}

static void
compare_warnings(GString *diff, JsonObject *want, JsonObject *got)
{
    JsonArray *ww = json_object_get_array_member(want, "warnings");
    JsonArray *gw = json_object_get_array_member(got, "warnings");
    if (json_array_get_length(ww) != json_array_get_length(gw)) {
        char *g = json_to_string(json_object_get_member(got, "warnings"), FALSE);
        g_string_append_printf(diff, "  warnings: expected %u, got %u: %s\n",
                               json_array_get_length(ww), json_array_get_length(gw), g);
        g_free(g);
        return;
    }
    for (guint i = 0; i < json_array_get_length(ww); i++)
        if (!strstr(json_array_get_string_element(gw, i), json_array_get_string_element(ww, i)))
            g_string_append_printf(diff, "  warning %u: expected to contain \"%s\", got \"%s\"\n",
                                   i + 1, json_array_get_string_element(ww, i),
                                   json_array_get_string_element(gw, i));
}

/* Remove member NAME from every object of array MEMBER of O. */
static void
strip_from_rows(JsonObject *o, const char *member, const char *name)
{
    JsonArray *a = json_object_get_array_member(o, member);
    for (guint i = 0; i < json_array_get_length(a); i++) {
        JsonObject *row = json_array_get_object_element(a, i);
        if (json_object_has_member(row, name))
            json_object_remove_member(row, name);
    }
}

/* Remove the white space of the "text" of every row of array MEMBER of O. */
static void
fold_texts(JsonObject *o, const char *member)
{
    JsonArray *a = json_object_get_array_member(o, member);
    for (guint i = 0; i < json_array_get_length(a); i++) {
        JsonObject *row = json_array_get_object_element(a, i);
        const char *text = json_object_get_string_member_with_default(row, "text", NULL);
        if (text == NULL)
            continue;
        GString *f = g_string_new(NULL);
        for (const char *p = text; *p; p++)
            if (!g_ascii_isspace(*p))
                g_string_append_c(f, *p);
        json_object_set_string_member(row, "text", f->str);
        g_string_free(f, TRUE);
    }
}

/* Another rendering of a document (re-encoded, or HTML): everything but
 * file, format, encoding and sha256 must equal the original's, except the
 * members listed in "ignore" (a heading page numbers items 1.1 … 4.11; a
 * PDF has pages), with "fold_space" the texts compared without spaces. */
static void
compare_copy(GString *diff, JsonObject *want, JsonObject *got)
{
    JsonParser *keep;
    JsonObject *orig = run(json_object_get_string_member(want, "same_as"), &keep);
    compare_member(diff, "", want, got, "encoding");
    compare_member(diff, "", want, got, "format");
    if (json_object_has_member(want, "ignore")) {
        JsonArray *ign = json_object_get_array_member(want, "ignore");
        for (guint i = 0; i < json_array_get_length(ign); i++) {
            const char *name = json_array_get_string_element(ign, i);
            for (JsonObject *o = orig;; o = got) {
                strip_from_rows(o, "items", name);
                strip_from_rows(o, "extra_items", name);
                if (o == got)
                    break;
            }
        }
    }
    /* A PDF's text is equal once white space is folded (OUTPUT.md: cells
     * wrapped by the printer come back with or without a space). */
    if (json_object_get_boolean_member_with_default(want, "fold_space", FALSE)) {
        for (JsonObject *o = orig;; o = got) {
            fold_texts(o, "items");
            fold_texts(o, "extra_items");
            if (o == got)
                break;
        }
    }
    static const char *const same[] = {"title", "service", "catalog", "items",
                                       "extra_items", "missing", "warnings", "error"};
    for (gsize i = 0; i < G_N_ELEMENTS(same); i++) {
        char *o = member_text(orig, same[i]), *g = member_text(got, same[i]);
        if (strcmp(o, g) != 0) {
            g_string_append_printf(diff, "  %s differs from the original's\n", same[i]);
            if (strlen(o) < 2000)
                g_string_append_printf(diff, "      original %s\n      this     %s\n", o, g);
        }
        g_free(o);
        g_free(g);
    }
    g_object_unref(keep);
}

static void
test_document(void **state)
{
    const char *expected_path = *state;
    JsonParser *wp = json_parser_new();
    GError *e = NULL;
    if (!json_parser_load_from_file(wp, expected_path, &e))
        fail_msg("%s: %s", expected_path, e->message);
    JsonObject *want = json_node_get_object(json_parser_get_root(wp));
    const char *doc = json_object_get_string_member(want, "document");

    JsonParser *gp;
    JsonObject *got = run(doc, &gp);
    GString *diff = g_string_new(NULL);
    if (json_object_has_member(want, "same_as")) {
        compare_copy(diff, want, got);
    } else {
        static const char *const fields[] = {"format", "encoding", "title", "service",
                                             "catalog", "missing", "error"};
        for (gsize i = 0; i < G_N_ELEMENTS(fields); i++)
            compare_member(diff, "", want, got, fields[i]);
        compare_items(diff, want, got);
        compare_extras(diff, want, got);
        compare_warnings(diff, want, got);
    }
    docs_total++;
    if (diff->len == 0)
        docs_right++;
    else
        print_error("%s: differences from %s\n%s", doc, expected_path, diff->str);
    gboolean ok = diff->len == 0;
    g_string_free(diff, TRUE);
    g_object_unref(gp);
    g_object_unref(wp);
    assert_true(ok);
}

static int
report(void **state)
{
    (void)state;
    printf("corpus: %u/%u documents exact, %u/%u item answers right, %u/%u value lists right\n",
           docs_right, docs_total, answers_right, answers_total, values_right, values_total);
    return 0;
}

static int
cmp_str(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int
main(void)
{
    patterns = slx_patterns_new();
    extractor = slx_extractor_new();
    GError *e = NULL;
    char *pdir = g_build_filename(SLX_SOURCE_DIR, "patterns", NULL);
    if (!slx_patterns_load_dir(patterns, pdir, &e)) {
        fprintf(stderr, "%s\n", e->message);
        return 1;
    }
    char *edir = g_build_filename(SLX_SOURCE_DIR, "corpus", "expected", NULL);
    GDir *d = g_dir_open(edir, 0, &e);
    if (d == NULL) {
        fprintf(stderr, "%s\n", e->message);
        return 1;
    }
    GPtrArray *paths = g_ptr_array_new_with_free_func(g_free);
    const char *name;
    while ((name = g_dir_read_name(d)) != NULL)
        if (g_str_has_suffix(name, ".json"))
            g_ptr_array_add(paths, g_build_filename(edir, name, NULL));
    g_dir_close(d);
    g_ptr_array_sort(paths, cmp_str);

    struct CMUnitTest *tests = g_new0(struct CMUnitTest, paths->len);
    for (guint i = 0; i < paths->len; i++) {
        tests[i].name = g_path_get_basename(g_ptr_array_index(paths, i));
        tests[i].test_func = test_document;
        tests[i].initial_state = g_ptr_array_index(paths, i);
    }
    int failed = _cmocka_run_group_tests("corpus", tests, paths->len, NULL, report);
    for (guint i = 0; i < paths->len; i++)
        g_free((char *)tests[i].name);
    g_free(tests);
    g_ptr_array_unref(paths);
    g_free(edir);
    g_free(pdir);
    slx_extractor_free(extractor);
    slx_patterns_free(patterns);
    return failed;
}
