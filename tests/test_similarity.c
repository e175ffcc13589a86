/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_similarity.c — match keys, the Dice coefficient of their bigrams,
 * and the index that scores a key against many at once: its scores must
 * be slx_key_similarity()'s to the bit, for every catalog name and
 * template against every other and against texts that share little. */
#include "similarity.h"
#include "testutil.h"

#include <string.h>

static SlxPatterns *patterns;

static void
test_dice(void **state)
{
    (void)state;
    static const struct { const char *a, *b; double want; } cases[] = {
        {"平均復旧時間", "平均復旧時間", 1.0},
        {"平均復旧時間", "平均復旧時間mttr", 2.0 * 5 / (5 + 9)},
        {"あ", "あ", 1.0},            /* no bigrams, but equal */
        {"あ", "い", 0.0},
        {"", "", 0.0},
        {"ああああ", "ああ", 2.0 * 1 / (3 + 1)},   /* bigrams are a multiset */
        {"rto", "rpo", 0.0},
        {"abcd", "bcda", 2.0 * 2 / (3 + 3)},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        double got = slx_similarity(cases[i].a, cases[i].b);
        if (got != cases[i].want)
            fail_msg("%s ~ %s: %g, expected %g", cases[i].a, cases[i].b, got, cases[i].want);
    }
}

static int
test_cmp_u64(const void *a, const void *b)
{
    guint64 x = *(const guint64 *)a, y = *(const guint64 *)b;
    return x < y ? -1 : x > y;
}

/* A key's bigrams are those of its adjacent characters, sorted, for keys
 * short and long (bisection up to 64 bigrams, qsort past it), in order,
 * reversed and with runs of one bigram: compared with the pairs taken one
 * by one and sorted by qsort. */
static void
test_key_bigrams_sorted(void **state)
{
    (void)state;
    static const char *const alphabets[] = {"稼働率時間復旧目標", "abcdefghij", "ああいいう", "ーカナ"};
    for (gsize a = 0; a < G_N_ELEMENTS(alphabets); a++) {
        glong size = g_utf8_strlen(alphabets[a], -1);
        for (glong len = 0; len <= 150; len += len < 70 ? 1 : 13) {
            for (int order = 0; order < 3; order++) {
                GString *text = g_string_new(NULL);
                for (glong i = 0; i < len; i++) {
                    glong k = order == 0 ? i % size : order == 1 ? (len - i) % size : (i / 5) % size;
                    const char *c = g_utf8_offset_to_pointer(alphabets[a], k);
                    g_string_append_len(text, c, g_utf8_next_char(c) - c);
                }
                SlxKey *key = slx_key_from_match_key(text->str);
                gsize n = len > 1 ? (gsize)len - 1 : 0;
                assert_int_equal(key->n, n);
                guint64 *want = g_new(guint64, n + 1);
                const char *p = text->str;
                for (gsize i = 0; i < n; i++, p = g_utf8_next_char(p))
                    want[i] = ((guint64)g_utf8_get_char(p) << 32) | g_utf8_get_char(g_utf8_next_char(p));
                qsort(want, n, sizeof *want, test_cmp_u64);
                for (gsize i = 0; i < n; i++)
                    if (key->bigrams[i] != want[i])
                        fail_msg("%s: bigram %zu of %zu is not in order", text->str, i, n);
                g_free(want);
                slx_key_free(key);
                g_string_free(text, TRUE);
            }
        }
    }
}

/* Every key of KEYS against the index of INDEXED equals the pairwise
 * similarity, exactly, and the best of them is slx_key_index_best's; the
 * index holds a query when a key has its text. */
static guint
compare_index(const GPtrArray *indexed, const GPtrArray *queries)
{
    SlxKeyIndex *ix = slx_key_index_new();
    for (guint i = 0; i < indexed->len; i++)
        assert_int_equal(slx_key_index_add(ix, g_ptr_array_index(indexed, i)), i);
    double *scores = g_new(double, indexed->len);
    guint compared = 0;
    for (guint q = 0; q < queries->len; q++) {
        const SlxKey *query = g_ptr_array_index(queries, q);
        slx_key_index_similarities(ix, query, scores);
        gboolean same_text = FALSE;
        for (guint k = 0; k < indexed->len; k++)
            same_text |= *query->text &&
                         strcmp(query->text, ((const SlxKey *)g_ptr_array_index(indexed, k))->text) == 0;
        if (slx_key_index_holds(ix, query) != same_text)
            fail_msg("%s: slx_key_index_holds says %d", query->text, !same_text);
        double best = 0;
        for (guint k = 0; k < indexed->len; k++, compared++) {
            double want = slx_key_similarity(query, g_ptr_array_index(indexed, k));
            if (scores[k] != want)
                fail_msg("%s ~ %s: index %.17g, pairwise %.17g", query->text,
                         ((const SlxKey *)g_ptr_array_index(indexed, k))->text, scores[k], want);
            best = MAX(best, want);
        }
        if (slx_key_index_best(ix, query) != best)
            fail_msg("%s: slx_key_index_best %.17g, the best pairwise %.17g", query->text,
                     slx_key_index_best(ix, query), best);
    }
    g_free(scores);
    slx_key_index_free(ix);
    return compared;
}

static void
test_index_equals_pairwise(void **state)
{
    (void)state;
    GPtrArray *names = g_ptr_array_new(), *templates = g_ptr_array_new();
    GPtrArray *others = g_ptr_array_new_with_free_func(slx_key_free);
    for (guint c = 0; c < patterns->catalogs->len; c++) {
        const SlxCatalog *cat = g_ptr_array_index(patterns->catalogs, c);
        for (guint i = 0; i < cat->items->len; i++) {
            const SlxCatalogItem *it = g_ptr_array_index(cat->items, i);
            g_ptr_array_extend(names, it->name_keys, NULL, NULL);
            g_ptr_array_add(templates, it->template_key);
        }
    }
    static const char *const texts[] = {
        "", "a", "あ", "24時間365日", "バックアップ", "目標復旧時間(RTO)は4時間", "ああああ",
        "Recovery point objective", "データデータデータ", "障害通知障害通知",
    };
    for (gsize i = 0; i < G_N_ELEMENTS(texts); i++)
        g_ptr_array_add(others, slx_key_new(texts[i]));
    guint n = compare_index(names, names) + compare_index(names, templates) +
              compare_index(templates, names) + compare_index(templates, templates) +
              compare_index(names, others) + compare_index(others, others);
    print_message("%u comparisons, index = pairwise\n", n);
    assert_true(n > 10000);
    g_ptr_array_unref(names);
    g_ptr_array_unref(templates);
    g_ptr_array_unref(others);
}

int
main(void)
{
    patterns = test_patterns();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dice),
        cmocka_unit_test(test_key_bigrams_sorted),
        cmocka_unit_test(test_index_equals_pairwise),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    slx_patterns_free(patterns);
    return failed;
}
