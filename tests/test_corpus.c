/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_corpus.c — the corpus regression: every document of corpus/ against
 * its corpus/expected/<doc>.json, written by reading the document.
 *
 * An expected file lists what the document must yield: format, encoding,
 * title, service, catalog; per item id its printed number, answer, flags
 * (exactly) and, where given, its text; the extra rows in order; missing
 * ids; and one substring per warning.  An item the tool finds that the file
 * does not list is a failure too.  With "values_checked", every item's
 * values must equal its "values" (value_dsl.h notation; none if absent),
 * so a missing value and a value the file does not list both fail.  An
 * item's "unread" lists values the document states that the tool is known
 * not to read yet: they stay in "values" and count as misses in the
 * figures, the comparison leaves them out, and reading one fails the test
 * (take it off the list).  A
 * file with "same_as" names the UTF-8
 * original of another rendering of it (re-encoded, or HTML): the copy must
 * give the same extract.
 * A scan (its text read by OCR) has its born-digital original's expected
 * file, which OCR will not meet to the letter, and a "floor": the least
 * item recall, answers right and value recall and precision it must
 * reach, measured when the scan was made.  Its differences are printed,
 * and it fails only below its floor.  In a build without OCR a scan must
 * be the error ocr_error saying so, and is left out of the figures.
 * Every difference is printed, one line each, before the test fails. */
#include "patterns.h"
#include "pipeline.h"
#include "read_pdf.h"
#include "write_jsonl.h"

#include <fcntl.h>
#include <json-glib/json-glib.h>
#include <unistd.h>
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

/* The figures, over every document that is not a copy of another (copies
 * are counted as documents only: they must equal their original). */
typedef struct {
    guint docs, docs_right;
    guint items_expected, items_found, items_unexpected;
    guint answers, answers_right;
    guint values_expected, values_got, values_matched;   /* single values */
} Score;

static Score total;
static gboolean score_only;   /* --score: print figures per document, never fail */

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

/* The single values of a value_dsl line ("D 1 day; C 7 generation"). */
static GPtrArray *
split_values(const char *dsl)
{
    GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
    char **parts = g_strsplit(dsl, "; ", -1);
    for (char **p = parts; *p; p++)
        if (**p)
            g_ptr_array_add(out, g_strdup(*p));
    g_strfreev(parts);
    return out;
}

/* Count how many values of WANT and GOT agree, as multisets: value recall
 * is matched / expected, precision matched / got. */
static void
score_values(Score *sc, const char *want, const char *got)
{
    GPtrArray *w = split_values(want), *g = split_values(got);
    sc->values_expected += w->len;
    sc->values_got += g->len;
    for (guint i = 0; i < w->len; i++)
        for (guint j = 0; j < g->len; j++)
            if (strcmp(g_ptr_array_index(w, i), g_ptr_array_index(g, j)) == 0) {
                sc->values_matched++;
                g_ptr_array_remove_index(g, j);
                break;
            }
    g_ptr_array_unref(w);
    g_ptr_array_unref(g);
}

/* Compare the values of one item or extra row (value_dsl.h notation). */
static void
compare_values(GString *diff, Score *sc, const char *where, JsonObject *want, JsonObject *got,
               gboolean checked)
{
    if (!checked && !json_object_has_member(want, "values"))
        return;
    const char *w = json_object_get_string_member_with_default(want, "values", "");
    const char *unread = json_object_get_string_member_with_default(want, "unread", "");
    char *g = value_dsl(json_object_get_array_member(got, "values"));
    score_values(sc, w, g);
    /* The values expected of the tool today: all but the unread ones. */
    GPtrArray *wl = split_values(w), *ul = split_values(unread), *gl = split_values(g);
    for (guint i = 0; i < ul->len; i++) {
        gboolean found = FALSE;
        for (guint j = 0; j < wl->len && !found; j++)
            if (strcmp(g_ptr_array_index(wl, j), g_ptr_array_index(ul, i)) == 0) {
                g_ptr_array_remove_index(wl, j);
                found = TRUE;
            }
        if (!found)
            g_string_append_printf(diff, "  %sunread value \"%s\" is not among the values\n", where,
                                   (char *)g_ptr_array_index(ul, i));
        for (guint j = 0; j < gl->len; j++)
            if (strcmp(g_ptr_array_index(gl, j), g_ptr_array_index(ul, i)) == 0)
                g_string_append_printf(diff, "  %s\"%s\" is read now: take it off unread\n", where,
                                       (char *)g_ptr_array_index(ul, i));
    }
    g_ptr_array_add(wl, NULL);
    char *expected_now = g_strjoinv("; ", (char **)wl->pdata);
    if (strcmp(expected_now, g) != 0)
        g_string_append_printf(diff, "  %svalues:\n      expected %s\n      got      %s\n", where,
                               *expected_now ? expected_now : "(none)", *g ? g : "(none)");
    else if (ul->len)
        printf("note: %snot read yet: %s\n", where, unread);
    g_free(expected_now);
    g_ptr_array_unref(wl);
    g_ptr_array_unref(ul);
    g_ptr_array_unref(gl);
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
compare_items(GString *diff, Score *sc, JsonObject *want, JsonObject *got)
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
        sc->items_expected++;
        if (json_object_has_member(w, "answer"))
            sc->answers++;
        if (g == NULL) {
            g_string_append_printf(diff, "  item %s: expected, not found\n", id);
            if (checked)
                score_values(sc, json_object_get_string_member_with_default(w, "values", ""), "");
        } else {
            sc->items_found++;
            if (json_object_has_member(w, "answer") &&
                g_strcmp0(json_object_get_string_member(w, "answer"),
                          json_object_get_string_member(g, "answer")) == 0)
                sc->answers_right++;
            compare_member(diff, where, w, g, "no");
            compare_member(diff, where, w, g, "answer");
            compare_member(diff, where, w, g, "text");
            /* Flags are exact: none listed means none. */
            if (!json_object_has_member(w, "flags"))
                json_object_set_array_member(w, "flags", json_array_new());
            compare_member(diff, where, w, g, "flags");
            compare_values(diff, sc, where, w, g, checked);
        }
        g_free(where);
    }
    for (guint i = 0; i < json_array_get_length(gi); i++) {
        JsonObject *g = json_array_get_object_element(gi, i);
        const char *id = json_object_get_string_member(g, "id");
        if (json_object_has_member(wi, id))
            continue;
        sc->items_unexpected++;
        if (checked) {
            char *gv = value_dsl(json_object_get_array_member(g, "values"));
            score_values(sc, "", gv);
            g_free(gv);
        }
        g_string_append_printf(diff, "  item %s: found (no %s, \"%s\"), not expected\n", id,
                                   json_object_get_string_member_with_default(g, "no", "null"),
                                   json_object_get_string_member(g, "text"));
    }
    g_list_free(ids);
}

static void
compare_extras(GString *diff, Score *sc, JsonObject *want, JsonObject *got)
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
            compare_values(diff, sc, where, w, g,
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
    /* A PDF's text is equal once white space is folded (doc/output.md: cells
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

/* Compare one document with its expected file: the differences go to
 * DIFF, the figures to SC.  Returns the document's name (g_free). */
/* A scan's "floor" (see above); all 0 for a document without one. */
typedef struct {
    gboolean set;
    double items, answers, values_recall, values_precision;
} Floor;

static Floor
read_floor(JsonObject *want)
{
    Floor f = {FALSE, 0, 0, 0, 0};
    if (!json_object_has_member(want, "floor"))
        return f;
    JsonObject *o = json_object_get_object_member(want, "floor");
    f.set = TRUE;
    f.items = json_object_get_double_member_with_default(o, "items", 1);
    f.answers = json_object_get_double_member_with_default(o, "answers", 1);
    f.values_recall = json_object_get_double_member_with_default(o, "values_recall", 1);
    f.values_precision = json_object_get_double_member_with_default(o, "values_precision", 1);
    return f;
}

static double ratio(guint a, guint b);

/* Whether SC reaches FLOOR; what falls short is added to DIFF. */
static gboolean
meets_floor(const Floor *floor, const Score *sc, GString *diff)
{
    const struct { const char *name; double got, least; } figures[] = {
        {"items", ratio(sc->items_found, sc->items_expected), floor->items},
        {"answers", ratio(sc->answers_right, sc->answers), floor->answers},
        {"values recall", ratio(sc->values_matched, sc->values_expected), floor->values_recall},
        {"values precision", ratio(sc->values_matched, sc->values_got), floor->values_precision},
    };
    gboolean ok = TRUE;
    for (gsize i = 0; i < G_N_ELEMENTS(figures); i++)
        if (figures[i].got + 1e-9 < figures[i].least) {
            g_string_append_printf(diff, "  floor: %s %.3f, below %.3f\n", figures[i].name,
                                   figures[i].got, figures[i].least);
            ok = FALSE;
        }
    return ok;
}

/* The expected file at PATH; *KEEP holds it (g_object_unref). */
static JsonObject *
load_expected(const char *path, JsonParser **keep)
{
    *keep = json_parser_new();
    GError *e = NULL;
    if (!json_parser_load_from_file(*keep, path, &e))
        fail_msg("%s: %s", path, e->message);
    return json_node_get_object(json_parser_get_root(*keep));
}

static char *
check_document(const char *expected_path, GString *diff, Score *sc, Floor *floor)
{
    JsonParser *wp;
    JsonObject *want = load_expected(expected_path, &wp);
    char *doc = g_strdup(json_object_get_string_member(want, "document"));
    *floor = read_floor(want);

    JsonParser *gp;
    JsonObject *got = run(doc, &gp);
    if (json_object_has_member(want, "same_as")) {
        compare_copy(diff, want, got);
    } else {
        static const char *const fields[] = {"format", "encoding", "title", "service",
                                             "catalog", "missing", "error", "ocr"};
        for (gsize i = 0; i < G_N_ELEMENTS(fields); i++)
            compare_member(diff, "", want, got, fields[i]);
        compare_items(diff, sc, want, got);
        compare_extras(diff, sc, want, got);
        compare_warnings(diff, want, got);
    }
    sc->docs++;
    if (diff->len == 0)
        sc->docs_right++;
    g_object_unref(gp);
    g_object_unref(wp);
    return doc;
}

static void
add_score(Score *to, const Score *from)
{
    to->docs += from->docs;
    to->docs_right += from->docs_right;
    to->items_expected += from->items_expected;
    to->items_found += from->items_found;
    to->items_unexpected += from->items_unexpected;
    to->answers += from->answers;
    to->answers_right += from->answers_right;
    to->values_expected += from->values_expected;
    to->values_got += from->values_got;
    to->values_matched += from->values_matched;
}

static double
ratio(guint a, guint b)
{
    return b ? (double)a / b : 1.0;
}

/* One line of figures: documents exact, item recall (and items found that
 * were not expected), answers right, value recall and precision. */
static void
print_score(const char *label, const Score *sc)
{
    printf("%s: %u/%u documents exact; items %.3f (%u/%u, %u unexpected); "
           "answers %.3f (%u/%u); values recall %.3f (%u/%u), precision %.3f (%u/%u)\n",
           label, sc->docs_right, sc->docs, ratio(sc->items_found, sc->items_expected),
           sc->items_found, sc->items_expected, sc->items_unexpected,
           ratio(sc->answers_right, sc->answers), sc->answers_right, sc->answers,
           ratio(sc->values_matched, sc->values_expected), sc->values_matched, sc->values_expected,
           ratio(sc->values_matched, sc->values_got), sc->values_matched, sc->values_got);
}

/* A scan in a build without OCR: its record must be ocr_error, saying
 * that OCR is not built in.  Returns whether EXPECTED_PATH is a scan. */
static gboolean
check_scan_without_ocr(const char *expected_path)
{
    JsonParser *wp;
    JsonObject *want = load_expected(expected_path, &wp);
    gboolean scan = read_floor(want).set;
    if (scan) {
        JsonParser *gp;
        JsonObject *got = run(json_object_get_string_member(want, "document"), &gp);
        JsonNode *error = json_object_get_member(got, "error");
        JsonObject *eo = JSON_NODE_HOLDS_OBJECT(error) ? json_node_get_object(error) : NULL;
        const char *code = eo ? json_object_get_string_member(eo, "code") : "(none)";
        const char *message = eo ? json_object_get_string_member(eo, "message") : "";
        if (strcmp(code, "ocr_error") != 0 || strstr(message, "not built in") == NULL)
            print_error("%s: a scan without OCR built in gave the error %s (%s), "
                        "not ocr_error saying OCR is not built in\n",
                        expected_path, code, message);
        assert_string_equal(code, "ocr_error");
        assert_non_null(strstr(message, "not built in"));
        g_object_unref(gp);
    }
    g_object_unref(wp);
    return scan;
}

static void
test_document(void **state)
{
    if (!slx_pdf_ocr_built_in() && check_scan_without_ocr(*state))
        skip();
    GString *diff = g_string_new(NULL);
    Score sc = {0};
    Floor floor;
    char *doc = check_document(*state, diff, &sc, &floor);
    add_score(&total, &sc);
    gboolean ok = floor.set ? meets_floor(&floor, &sc, diff) : diff->len == 0;
    if (diff->len)
        print_error("%s: differences from %s%s\n%s", doc, (const char *)*state,
                    floor.set ? (ok ? " (a scan, above its floor)" : " (a scan, below its floor)")
                              : "", diff->str);
    g_string_free(diff, TRUE);
    g_free(doc);
    assert_true(ok);
}

static int
report(void **state)
{
    (void)state;
    print_score("corpus", &total);
    /* Under make check (AM_TESTS_FD_REDIRECT) fd 9 is the terminal: the
     * figures show there too, not only in the log. */
    if (fcntl(9, F_GETFD) != -1) {
        fflush(stdout);
        int saved = dup(STDOUT_FILENO);
        if (saved >= 0 && dup2(9, STDOUT_FILENO) >= 0) {
            print_score("corpus", &total);
            fflush(stdout);
            dup2(saved, STDOUT_FILENO);
        }
        if (saved >= 0)
            close(saved);
    }
    return 0;
}

static int
cmp_str(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The expected files to run: all, or those whose name starts with one of
 * the arguments (tests/test_corpus 106_ 2). */
static gboolean
selected(const char *name, int argc, char **argv)
{
    if (argc == 0)
        return TRUE;
    for (int i = 0; i < argc; i++)
        if (g_str_has_prefix(name, argv[i]))
            return TRUE;
    return FALSE;
}

static int
run_scores(GPtrArray *paths)
{
    for (guint i = 0; i < paths->len; i++) {
        GString *diff = g_string_new(NULL);
        Score sc = {0};
        Floor floor;
        char *doc = check_document(g_ptr_array_index(paths, i), diff, &sc, &floor);
        add_score(&total, &sc);
        print_score(doc, &sc);
        g_string_free(diff, TRUE);
        g_free(doc);
    }
    print_score("total", &total);
    return 0;
}

int
main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--score") == 0) {
        score_only = TRUE;
        argc--;
        argv++;
    }
    patterns = slx_patterns_new();
    GError *e = NULL;
    char *pdir = g_build_filename(SLX_SOURCE_DIR, "patterns", NULL);
    if (!slx_patterns_load_dir(patterns, pdir, &e)) {
        fprintf(stderr, "%s\n", e->message);
        return 1;
    }
    extractor = slx_extractor_new(&patterns->vocab, &e);
    if (extractor == NULL) {
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
        if (g_str_has_suffix(name, ".json") && selected(name, argc - 1, argv + 1))
            g_ptr_array_add(paths, g_build_filename(edir, name, NULL));
    g_dir_close(d);
    g_ptr_array_sort(paths, cmp_str);

    int failed = 0;
    if (score_only) {
        failed = run_scores(paths);
    } else {
        struct CMUnitTest *tests = g_new0(struct CMUnitTest, paths->len);
        for (guint i = 0; i < paths->len; i++) {
            tests[i].name = g_path_get_basename(g_ptr_array_index(paths, i));
            tests[i].test_func = test_document;
            tests[i].initial_state = g_ptr_array_index(paths, i);
        }
        failed = _cmocka_run_group_tests("corpus", tests, paths->len, NULL, report);
        for (guint i = 0; i < paths->len; i++)
            g_free((char *)tests[i].name);
        g_free(tests);
    }
    g_ptr_array_unref(paths);
    g_free(edir);
    g_free(pdir);
    slx_extractor_free(extractor);
    slx_patterns_free(patterns);
    return failed;
}
