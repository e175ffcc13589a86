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

#endif
