/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_patterns.c — pattern files: the shipped ones load, a catalog can be
 * replaced or added, vocabulary lists are extended, and every kind of
 * broken file is reported as "file:line: message" at the right line. */
#include "error.h"
#include "testutil.h"

static const char minimal[] =
    "[quantity duration]\n"
    "figure = [0-9]+時間\n"
    "\n"
    "[catalog]\n"
    "id = mini\n"
    "name = 小さなカタログ\n"
    "min_items = 1\n"
    "[section 1]\n"
    "name = 運用\n"
    "first = 1\n"
    "last = 2\n"
    "[item 1]\n"
    "key = hours\n"
    "name = サービス時間\n"
    "aliases = 提供時間;Service hours\n"
    "unit = 時間帯\n"
    "[item 2]\n"
    "key = rto\n"
    "name = 目標復旧時間\n"
    "quantity = duration\n"
    "limit = false\n";

static void
test_shipped_patterns(void **state)
{
    (void)state;
    SlxPatterns *p = test_patterns();
    assert_int_equal(p->catalogs->len, 1);
    const SlxCatalog *c = g_ptr_array_index(p->catalogs, 0);
    assert_string_equal(c->id, "meti-cloud-sla");
    assert_int_equal(c->items->len, 49);
    assert_int_equal(c->sections->len, 4);
    for (guint i = 0; i < c->items->len; i++) {
        const SlxCatalogItem *it = g_ptr_array_index(c->items, i);
        char want[8];
        g_snprintf(want, sizeof want, "%u", i + 1);
        assert_string_equal(it->id, want);               /* catalog order = METI order */
        assert_non_null(it->key);
        assert_non_null(it->category);
        assert_non_null(it->template_text);
        assert_non_null(it->unit);
    }
    const SlxCatalogItem *rpo = slx_catalog_lookup(c, "29");
    assert_string_equal(rpo->key, "rpo");
    assert_string_equal(rpo->name, "バックアップデータを取得するタイミング(RPO)");  /* normalized */
    assert_true(slx_catalog_lookup(c, "24")->limit);
    assert_non_null(g_hash_table_lookup(p->vocab.quantities, "duration"));
    slx_patterns_free(p);
}

static void
test_replace_and_add(void **state)
{
    (void)state;
    SlxPatterns *p = test_patterns();
    GError *e = NULL;
    assert_true(slx_patterns_load_data(p, "mini.ini", minimal, sizeof minimal - 1, &e));
    assert_int_equal(p->catalogs->len, 2);              /* added */
    static const char replace[] =
        "[catalog]\nid = meti-cloud-sla\n[item 1]\nkey = only\nname = ただ一つ\n";
    assert_true(slx_patterns_load_data(p, "r.ini", replace, sizeof replace - 1, &e));
    assert_int_equal(p->catalogs->len, 2);              /* replaced, not added */
    const SlxCatalog *c = g_ptr_array_index(p->catalogs, 1);
    assert_string_equal(c->id, "meti-cloud-sla");
    assert_int_equal(c->items->len, 1);
    slx_patterns_free(p);
}

static void
test_vocabulary_extends(void **state)
{
    (void)state;
    SlxPatterns *p = test_patterns();
    guint before = p->vocab.markers[SLX_MARK_YES]->len;
    static const char more[] = "[markers]\nyes = 対応済み;OK\n[columns]\nanswer = 御社回答\n";
    assert_true(slx_patterns_load_data(p, "more.ini", more, sizeof more - 1, NULL));
    assert_int_equal(p->vocab.markers[SLX_MARK_YES]->len, before + 2);
    slx_patterns_free(p);
}

typedef struct {
    const char *text;
    const char *message;   /* the whole "file:line: …" prefix that must appear */
} Broken;

static const Broken broken[] = {
    {"[catalog]\nid = x\nthis line is nonsense\n", "t.ini:3: expected 'key = value'"},
    {"[catalog\nid = x\n", "t.ini:1: a group header must be '[name]'"},
    {"key = 1\n", "t.ini:1: key outside any [group]"},
    {"[catalog]\nid = x\nid = y\n", "t.ini:3: key 'id' appears twice in [catalog]"},
    {"[catalog]\nid = x\n[catalog]\n", "t.ini:3: group [catalog] appears twice"},
    {"[catalog]\nid = x\n[item 1]\nkey = a\nname = b\ncolour = red\n", "t.ini:6: unknown key 'colour' in [item 1]"},
    {"[catalog]\nid = x\nmin_items = many\n[item 1]\nkey = a\nname = b\n", "t.ini:3: 'many' is not a whole number"},
    {"[catalog]\nid = x\n[item 1]\nkey = a\n", "t.ini:3: [item 1] needs at least 'key' and 'name'"},
    {"[catalog]\nid = x\n[item 1]\nkey = a\nname = b\nquantity = weight\n", "t.ini:6: unknown quantity 'weight'"},
    {"[catalog]\nid = x\n[item 1]\nkey = a\nname = b\nlimit = yes\n", "t.ini:6: limit is 'true' or 'false'"},
    {"[catalog]\nid = x\n[item 1]\nkey = a\nname = b\nnot_applicable = (unclosed\n", "t.ini:6: bad regular expression"},
    {"[phrases]\n\nnegative = [z-a]\n", "t.ini:3: bad regular expression"},
    {"[catalog]\nid = x\n[item 1]\nkey = a\nname = b\n[section x]\nname = s\n", "t.ini:6: a section is [section N]"},
    {"[catalog]\nid = x\n[item 1]\nkey = a\nname = b\n[section 1]\nname = s\nfirst = 5\nlast = 2\n", "t.ini:6: [section 1] needs first and last"},
    {"[catalog]\nid = x\n", "t.ini:1: catalog 'x' has no [item …] groups"},
    {"[colours]\nred = 1\n", "t.ini:1: unknown group [colours]"},
    {"[item 1]\nkey = a\nname = b\n", "t.ini:0: [item …] or [section …] groups without a [catalog] group"},
    {"[columns]\nanswer = ok\nmood = happy\n", "t.ini:3: unknown key 'mood' in [columns]"},
    {"[catalog]\nid = x\n\xff\xfe\n", "t.ini:3: not valid UTF-8"},
    /* the words of values (values.ini) */
    {"[list channel]\nemail = メール;(unclosed\n", "t.ini:2: bad regular expression '(unclosed'"},
    {"[layout]\n\nquestion = ^Q(\n", "t.ini:3: bad regular expression"},
    {"[layout]\nheadline = x\n", "t.ini:2: unknown key 'headline' in [layout]"},
    {"[layout]\nlabel_value = ^(?<name>.+):(.*)$\n", "t.ini:2: a label_value pattern needs the group (?<value>"},
    {"[layout]\nsection_number = ^([0-9]+)\\.(?<name>.+)$\n", "t.ini:2: a section_number pattern needs the group (?<no>"},
    {"[layout]\nnumbered_heading = ^(?<no>[0-9]+) (.+)$\n", "t.ini:2: a numbered_heading pattern needs the group (?<name>"},
    {"[layout]\nitem_number = ^([0-9]+$\n", "t.ini:2: bad regular expression"},
    {"[layout]\nglued_number = ^(?<no>[0-9]+)(?!{units})(.+)$\n", "t.ini:2: a glued_number pattern needs the group (?<name>"},
    {"[layout]\nglued_number = ^(?<no>[0-9]+)(?<name>{units}\n", "t.ini:2: bad regular expression"},
    {"[bounds after]\nmaximum = 以内\n", "t.ini:2: unknown key 'maximum' in [bounds after]"},
    {"[duration units]\nfortnight = 2週\n", "t.ini:2: unknown key 'fortnight' in [duration units]"},
    {"[not values]\n\nmodel = [A-Z]+(?!{units}\n", "t.ini:3: bad regular expression"},
    {"[roles]\nwished = 希望\n", "t.ini:2: unknown key 'wished' in [roles]"},
    {"[quantity time]\nkinds = durations\n", "t.ini:2: unknown value kind 'durations'"},
    {"[quantity time]\nshape = x\n", "t.ini:2: unknown key 'shape' in [quantity time]"},
    {"[catalog]\nid = x\n[item 1]\nkey = a\nname = b\nmet_by_denial = (x\n", "t.ini:6: bad regular expression"},
    /* what OCR misreads (ocr.ini) */
    {"[ocr fix x]\nmatch = (?<=[0-9]O\nreplace = 0\n", "t.ini:2: bad regular expression"},
    {"[ocr fix x]\nreplace = 0\n", "t.ini:1: [ocr fix x] needs 'match'"},
    {"[ocr fix x]\nmatch = O\n", "t.ini:1: [ocr fix x] needs 'replace'"},
    {"[ocr fix x]\nmatch = O\nreplace = \\g<\n", "t.ini:3: bad replacement"},
    {"[ocr fix x]\nmatch = O\nreplace = 0\nwhen = always\n", "t.ini:4: unknown key 'when' in [ocr fix x]"},
};

static void
test_broken_files(void **state)
{
    (void)state;
    for (gsize i = 0; i < G_N_ELEMENTS(broken); i++) {
        SlxPatterns *p = test_patterns();
        GError *e = NULL;
        if (slx_patterns_load_data(p, "t.ini", broken[i].text, strlen(broken[i].text), &e))
            fail_msg("case %zu loaded: %s", i, broken[i].text);
        assert_true(g_error_matches(e, SLX_ERROR, SLX_ERROR_PATTERNS));
        if (!g_str_has_prefix(e->message, broken[i].message))
            fail_msg("case %zu: \"%s\" does not start with \"%s\"", i, e->message, broken[i].message);
        g_error_free(e);
        slx_patterns_free(p);
    }
}

static void
test_missing_file_and_dir(void **state)
{
    (void)state;
    SlxPatterns *p = slx_patterns_new();
    GError *e = NULL;
    assert_false(slx_patterns_load_file(p, "/nonexistent/x.ini", &e));
    assert_non_null(strstr(e->message, "/nonexistent/x.ini"));
    g_clear_error(&e);
    assert_false(slx_patterns_load_dir(p, "/nonexistent", &e));
    g_clear_error(&e);
    slx_patterns_free(p);
}

/* Patterns are compiled to machine code only for runs over enough
 * documents, and the keywords' match keys are made once, on load. */
static void
test_compile_flags_and_keys(void **state)
{
    (void)state;
    static const struct { gsize documents; gboolean jit; } cases[] = {
        {0, FALSE}, {1, FALSE}, {3, FALSE}, {4, TRUE}, {5000, TRUE},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        SlxPatterns *p = slx_patterns_new_for(cases[i].documents);
        GError *e = NULL;
        assert_true(slx_patterns_load_data(p, "mini.ini", minimal, -1, &e));
        GRegex *re = g_ptr_array_index(((SlxQuantity *)g_hash_table_lookup(p->vocab.quantities,
                                                                           "duration"))->figure, 0);
        assert_true(g_regex_match(re, "24時間", 0, NULL));
        assert_int_equal((p->vocab.compile_flags & G_REGEX_OPTIMIZE) != 0, cases[i].jit);
        slx_patterns_free(p);
    }
    SlxPatterns *p = test_patterns();
    const SlxCatalog *c = g_ptr_array_index(p->catalogs, 0);
    for (guint i = 0; i < c->items->len; i++) {
        const SlxCatalogItem *it = g_ptr_array_index(c->items, i);
        assert_int_equal(it->keyword_keys->len, it->keywords->len);
        for (guint k = 0; k < it->keywords->len; k++) {
            g_autofree char *key = slx_match_key(g_ptr_array_index(it->keywords, k));
            assert_string_equal(g_ptr_array_index(it->keyword_keys, k), key);
        }
    }
    slx_patterns_free(p);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shipped_patterns),
        cmocka_unit_test(test_replace_and_add),
        cmocka_unit_test(test_vocabulary_extends),
        cmocka_unit_test(test_broken_files),
        cmocka_unit_test(test_missing_file_and_dir),
        cmocka_unit_test(test_compile_flags_and_keys),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
