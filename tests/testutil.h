/* testutil.h — what several unit tests share: cmocka's headers in the order
 * it needs them, and the patterns of the source tree. */
#ifndef SLX_TESTUTIL_H
#define SLX_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "extract.h"
#include "grid.h"
#include "patterns.h"

/* The patterns of the source tree (aborts the test run if they are broken). */
static inline SlxPatterns *
test_patterns(void)
{
    SlxPatterns *p = slx_patterns_new();
    GError *e = NULL;
    char *dir = g_build_filename(SLX_SOURCE_DIR, "patterns", NULL);
    if (!slx_patterns_load_dir(p, dir, &e)) {
        fprintf(stderr, "%s\n", e->message);
        abort();
    }
    g_free(dir);
    return p;
}

/* The extractor of P's vocabulary (aborts the test run if it is broken). */
static inline SlxExtractor *
test_extractor(const SlxPatterns *p)
{
    GError *e = NULL;
    SlxExtractor *x = slx_extractor_new(&p->vocab, &e);
    if (x == NULL) {
        fprintf(stderr, "%s\n", e->message);
        abort();
    }
    return x;
}

/* A grid as text: "a|b|c" per row, rows joined with "\n", a heading row
 * marked with a leading "#". */
static inline char *
grid_text(const SlxGrid *g)
{
    GString *s = g_string_new(NULL);
    for (guint r = 0; r < g->rows->len; r++) {
        const SlxGridRow *row = g_ptr_array_index(g->rows, r);
        if (r)
            g_string_append_c(s, '\n');
        if (row->heading)
            g_string_append(s, "#");
        for (guint c = 0; c < row->cells->len; c++)
            g_string_append_printf(s, "%s%s", c ? "|" : "", (char *)g_ptr_array_index(row->cells, c));
    }
    return g_string_free(s, FALSE);
}

#endif
