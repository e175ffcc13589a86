/* SPDX-License-Identifier: GPL-3.0-or-later */
/* regress.c — the fuzz harnesses replayed over the inputs kept in
 * tests/fuzz/regress/HARNESS/ (crashes, leaks and timeouts found by
 * scripts/fuzz, each fixed), and the whole pipeline over tests/data: a
 * test of `make check`, and so also run under ASan and UBSan in CI. */
#include "fuzz.h"

#include <stdio.h>
#include <string.h>

static const struct {
    const char *name;
    void (*run)(const uint8_t *, size_t);
} fuzz_harnesses[] = {
    {"read_text", slx_fuzz_read_text},     {"read_html", slx_fuzz_read_html},
    {"read_email", slx_fuzz_read_email},   {"read_pdf", slx_fuzz_read_pdf},
    {"pdf_rules", slx_fuzz_pdf_rules},     {"normalize", slx_fuzz_normalize},
    {"extract", slx_fuzz_extract},         {"patterns_file", slx_fuzz_patterns_file},
    {"requirements", slx_fuzz_requirements}, {"pipeline", slx_fuzz_pipeline},
    {"read_workbook", slx_fuzz_read_workbook}, {"sheet_xml", slx_fuzz_sheet_xml},
};

/* Run HARNESS over every file of DIR; returns the number of files. */
static guint
fuzz_replay_dir(void (*run)(const uint8_t *, size_t), const char *dir)
{
    GDir *d = g_dir_open(dir, 0, NULL);
    if (d == NULL)
        return 0;
    guint n = 0;
    const char *name;
    while ((name = g_dir_read_name(d)) != NULL) {
        char *path = g_build_filename(dir, name, NULL);
        char *data;
        gsize len;
        if (g_file_test(path, G_FILE_TEST_IS_REGULAR) && g_file_get_contents(path, &data, &len, NULL)) {
            run((const uint8_t *)data, len);
            g_free(data);
            n++;
        }
        g_free(path);
    }
    g_dir_close(d);
    return n;
}

int
main(void)
{
    char *regress = g_build_filename(SLX_SOURCE_DIR, "tests", "fuzz", "regress", NULL);
    char *data = g_build_filename(SLX_SOURCE_DIR, "tests", "data", NULL);
    for (gsize i = 0; i < G_N_ELEMENTS(fuzz_harnesses); i++) {
        char *dir = g_build_filename(regress, fuzz_harnesses[i].name, NULL);
        guint kept = fuzz_replay_dir(fuzz_harnesses[i].run, dir);
        g_free(dir);
        printf("%-14s %u kept inputs\n", fuzz_harnesses[i].name, kept);
    }
    /* The test documents (damaged, encrypted, scanned) through everything. */
    guint docs = fuzz_replay_dir(slx_fuzz_pipeline, data);
    printf("pipeline       %u test documents\n", docs);
    g_free(regress);
    g_free(data);
    return docs > 0 ? 0 : 1;
}
