/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_inputs.c — the documents a command line names: extensions, shards,
 * and a directory tree walked (sorted, hidden entries skipped unless
 * asked, files without a document extension counted, a symlink loop not
 * followed, a list of names with NUL separators). */
#include "inputs.h"
#include "testutil.h"

#include <glib/gstdio.h>
#include <unistd.h>

static void
test_document_names(void **state)
{
    (void)state;
    static const struct {
        const char *name;
        gboolean document;
    } cases[] = {
        {"a.pdf", TRUE}, {"A.PDF", TRUE}, {"x.Xlsx", TRUE}, {"v.htm", TRUE}, {"m.eml", TRUE},
        {"t.tsv", TRUE}, {"b.xls", TRUE}, {"c.ods", TRUE}, {"d.xlsm", TRUE}, {"e.md", TRUE},
        {"image.png", FALSE}, {"archive.zip", FALSE}, {"README", FALSE}, {".pdf", FALSE},
        {"x.pdf.bak", FALSE},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++)
        if (slx_inputs_is_document_name(cases[i].name) != cases[i].document)
            fail_msg("%s: %s", cases[i].name, cases[i].document ? "a document" : "not one");
}

static void
test_shards(void **state)
{
    (void)state;
    SlxInputOptions o = {0};
    assert_true(slx_inputs_parse_shard("2/3", &o));
    assert_int_equal(o.shard, 2);
    assert_int_equal(o.shards, 3);
    static const char *const bad[] = {"0/3", "4/3", "3", "a/b", "1/0", "1/2/3", ""};
    for (gsize i = 0; i < G_N_ELEMENTS(bad); i++)
        if (slx_inputs_parse_shard(bad[i], &o))
            fail_msg("'%s' taken as a shard", bad[i]);
    /* FNV-1a: the same on every machine. */
    assert_int_equal(slx_inputs_shard_of("", 1000), 14695981039346656037ULL % 1000);
    guint counts[4] = {0};
    for (guint i = 0; i < 4000; i++) {
        g_autofree char *p = g_strdup_printf("vendors/%u.pdf", i);
        counts[slx_inputs_shard_of(p, 4)]++;
    }
    for (guint k = 0; k < 4; k++)
        assert_true(counts[k] > 800 && counts[k] < 1200);
}

static void
touch(const char *dir, const char *name)
{
    g_autofree char *p = g_build_filename(dir, name, NULL);
    g_file_set_contents(p, "x", 1, NULL);
}

static char *
names_of(const SlxInputs *in, const char *root)
{
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < in->names->len; i++) {
        const char *n = g_ptr_array_index(in->names, i);
        g_string_append_printf(s, "%s%s", i ? " " : "",
                               g_str_has_prefix(n, root) ? n + strlen(root) + 1 : n);
    }
    return g_string_free(s, FALSE);
}

static void
test_walk(void **state)
{
    (void)state;
    g_autofree char *root = g_dir_make_tmp("slx-inputs-XXXXXX", NULL);
    g_autofree char *sub = g_build_filename(root, "b-vendors", NULL);
    g_autofree char *hidden = g_build_filename(root, ".git", NULL);
    g_mkdir(sub, 0755);
    g_mkdir(hidden, 0755);
    touch(root, "z.pdf");
    touch(root, "a.TXT");
    touch(root, "logo.png");
    touch(root, ".secret.pdf");
    touch(sub, "x.xlsx");
    touch(hidden, "config.txt");
    g_autofree char *loops = g_build_filename(root, "c-loop", NULL);
    g_mkdir(loops, 0755);
    g_autofree char *loop = g_build_filename(loops, "up", NULL);
    assert_int_equal(symlink("..", loop), 0);
    g_autofree char *again = g_build_filename(loops, "vendors-again", NULL);
    assert_int_equal(symlink("../b-vendors", again), 0);

    SlxInputOptions o = {0};
    SlxInputs in;
    char *args[] = {root, NULL};
    assert_true(slx_inputs_collect(args, NULL, FALSE, &o, &in, NULL));
    g_autofree char *got = names_of(&in, root);
    assert_string_equal(got, "a.TXT b-vendors/x.xlsx z.pdf");
    assert_int_equal(in.skipped, 1);                      /* logo.png */
    assert_int_equal(in.notes->len, 2);                   /* the loop, the second way in */
    assert_non_null(strstr(g_ptr_array_index(in.notes, 0), "symlink loop"));
    assert_non_null(strstr(g_ptr_array_index(in.notes, 1), "already walked"));
    slx_inputs_clear(&in);

    o.hidden = TRUE;
    assert_true(slx_inputs_collect(args, NULL, FALSE, &o, &in, NULL));
    g_autofree char *all = names_of(&in, root);
    assert_string_equal(all, ".git/config.txt .secret.pdf a.TXT b-vendors/x.xlsx z.pdf");
    slx_inputs_clear(&in);

    /* A list of names, NUL-separated: a named file is taken whatever its
     * extension, a named directory is walked. */
    g_autofree char *list = g_build_filename(root, "list", NULL);
    g_autofree char *png = g_build_filename(root, "logo.png", NULL);
    GString *names = g_string_new(png);
    g_string_append_c(names, '\0');
    g_string_append(names, sub);
    g_string_append_c(names, '\0');
    g_file_set_contents(list, names->str, (gssize)names->len, NULL);
    g_string_free(names, TRUE);
    o.hidden = FALSE;
    char *none[] = {NULL};
    assert_true(slx_inputs_collect(none, list, TRUE, &o, &in, NULL));
    g_autofree char *listed = names_of(&in, root);
    assert_string_equal(listed, "logo.png b-vendors/x.xlsx");
    slx_inputs_clear(&in);
    GError *e = NULL;
    g_autofree char *nolist = g_build_filename(root, "nonexistent", NULL);
    assert_false(slx_inputs_collect(none, nolist, FALSE, &o, &in, &e));
    g_clear_error(&e);
    slx_inputs_clear(&in);

    g_autofree char *cmd = g_strdup_printf("rm -rf '%s'", root);
    assert_int_equal(system(cmd), 0);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_document_names),
        cmocka_unit_test(test_shards),
        cmocka_unit_test(test_walk),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
