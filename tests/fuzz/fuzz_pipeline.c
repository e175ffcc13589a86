/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_pipeline.c — one input through the whole pipeline, as a file: read
 * (whatever format it sniffs as), normalize, segment, match, classify,
 * extract, check against the example requirements, and every writer. */
#define _GNU_SOURCE
#include "fuzz.h"
#include "check.h"
#include "pipeline.h"
#include "requirements.h"
#include "write_csv.h"
#include "write_html.h"
#include "write_jsonl.h"
#include "write_xlsx.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

static gpointer
fuzz_requirements(gpointer unused)
{
    (void)unused;
    char *dir = slx_patterns_default_dir();
    char *path = g_build_filename(dir, "requirements", "example.ini", NULL);
    GError *e = NULL;
    GPtrArray *r = slx_requirements_load_file(path, slx_fuzz_patterns(), slx_fuzz_extractor(), &e);
    if (r == NULL) {
        fprintf(stderr, "fuzz: %s\n", e->message);
        abort();
    }
    g_free(path);
    g_free(dir);
    return r;
}

void
slx_fuzz_pipeline(const uint8_t *data, size_t size)
{
    static GOnce once = G_ONCE_INIT;
    const GPtrArray *requirements = g_once(&once, fuzz_requirements, NULL);
    /* The bytes as a regular file that lives in memory only. */
    int fd = memfd_create("slx-fuzz", 0);
    if (fd < 0 || (size && write(fd, data, size) != (ssize_t)size)) {
        if (fd >= 0)
            close(fd);
        return;
    }
    char *path = g_strdup_printf("/proc/self/fd/%d", fd);
    SlxRecord *r = slx_process_file(path, NULL, slx_fuzz_patterns(), slx_fuzz_extractor());
    close(fd);
    g_free(path);
    r->checks = slx_check_record(requirements, r, &slx_fuzz_patterns()->vocab);

    GPtrArray *records = g_ptr_array_new();
    g_ptr_array_add(records, r);
    const SlxCatalog *cat = g_ptr_array_index(slx_fuzz_patterns()->catalogs, 0);
    GString *out = g_string_new(NULL);
    slx_write_jsonl(out, r);
    slx_write_csv(out, records);
    slx_write_csv_checks(out, records);
    slx_write_html(out, records, cat);
    g_string_free(out, TRUE);
    char *xlsx = g_build_filename(g_get_tmp_dir(), "slx-fuzz-XXXXXX.xlsx", NULL);
    int xfd = g_mkstemp(xlsx);
    if (xfd >= 0) {
        close(xfd);
        guint cut;
        slx_write_xlsx(xlsx, records, cat, &cut, NULL);
        g_unlink(xlsx);
    }
    g_free(xlsx);
    g_ptr_array_unref(records);
    slx_record_free(r);
}
