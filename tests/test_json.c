/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_json.c — JSON strings and numbers as the writers print them. */
#include "json.h"
#include "testutil.h"

static void
test_numbers(void **state)
{
    (void)state;
    static const struct { double v; const char *s; } cases[] = {
        {99.99, "99.99"}, {0.97, "0.97"}, {1.0, "1"}, {0, "0"}, {0.01, "0.01"},
        {99.95, "99.95"}, {1209600, "1209600"}, {31536000, "31536000"}, {-5, "-5"},
        {0.1 + 0.2, "0.30000000000000004"}, {1e-7, "1e-07"},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        GString *s = g_string_new(NULL);
        slx_json_number(s, cases[i].v);
        if (strcmp(s->str, cases[i].s) != 0)
            fail_msg("%.17g printed as %s, expected %s", cases[i].v, s->str, cases[i].s);
        assert_true(g_ascii_strtod(s->str, NULL) == cases[i].v);   /* round trip */
        g_string_free(s, TRUE);
    }
}

static void
test_strings(void **state)
{
    (void)state;
    static const struct { const char *in, *out; } cases[] = {
        {"有", "\"有\""}, {"a\"b", "\"a\\\"b\""}, {"a\\b", "\"a\\\\b\""},
        {"l1\nl2\tt\r", "\"l1\\nl2\\tt\\r\""}, {"\x01\x1f", "\"\\u0001\\u001f\""},
        {"/", "\"/\""}, {NULL, "null"},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        GString *s = g_string_new(NULL);
        slx_json_string(s, cases[i].in);
        assert_string_equal(s->str, cases[i].out);
        g_string_free(s, TRUE);
    }
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_strings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
