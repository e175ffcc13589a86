/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench_text.c — normalization + value extraction throughput, for
 * scripts/bench-text.  Reads a UTF-8 file, and for every line (a cell or a
 * row of a text export) normalizes it and extracts its values, as the
 * pipeline does per response.  Prints bytes, seconds and MB/s. */
#include "extract.h"
#include "patterns.h"
#include "normalize.h"

#include <stdio.h>
#include <string.h>

int
main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: bench_text FILE\n");
        return 2;
    }
    char *data;
    gsize len;
    GError *e = NULL;
    if (!g_file_get_contents(argv[1], &data, &len, &e)) {
        fprintf(stderr, "bench_text: %s\n", e->message);
        return 2;
    }
    /* The extractor is built from the source tree's patterns. */
    SlxPatterns *p = slx_patterns_new();
    char *pdir = g_build_filename(SLX_SOURCE_DIR, "patterns", NULL);
    if (!slx_patterns_load_dir(p, pdir, &e)) {
        fprintf(stderr, "bench_text: %s\n", e->message);
        return 2;
    }
    g_free(pdir);
    SlxExtractor *x = slx_extractor_new(&p->vocab, &e);
    if (x == NULL) {
        fprintf(stderr, "bench_text: %s\n", e->message);
        return 2;
    }
    guint64 values = 0;
    gint64 t0 = g_get_monotonic_time();
    for (char *line = data, *end = data + len; line < end;) {
        char *nl = memchr(line, '\n', (gsize)(end - line));
        gsize n = nl ? (gsize)(nl - line) : (gsize)(end - line);
        char *norm = slx_normalize(line, (gssize)n, SLX_NORM_DEFAULT);
        GPtrArray *v = slx_extract_values(x, norm, NULL);
        values += v->len;
        g_ptr_array_unref(v);
        g_free(norm);
        line += n + 1;
    }
    double secs = (double)(g_get_monotonic_time() - t0) / 1e6;
    printf("%" G_GSIZE_FORMAT " bytes %.3f s %.1f MB/s %" G_GUINT64_FORMAT " values\n", len, secs,
           (double)len / 1e6 / secs, values);
    slx_extractor_free(x);
    slx_patterns_free(p);
    g_free(data);
    return 0;
}
