/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_common.c — the vocabulary every harness reads with. */
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>

static gpointer
fuzz_load(gpointer unused)
{
    (void)unused;
    SlxPatterns *p = slx_patterns_new();
    GError *e = NULL;
    char *dir = slx_patterns_default_dir();
    if (!slx_patterns_load_dir(p, dir, &e)) {
        fprintf(stderr, "fuzz: %s\n", e->message);
        abort();
    }
    g_free(dir);
    return p;
}

const SlxPatterns *
slx_fuzz_patterns(void)
{
    static GOnce once = G_ONCE_INIT;
    return g_once(&once, fuzz_load, NULL);
}

static gpointer
fuzz_extractor(gpointer unused)
{
    (void)unused;
    GError *e = NULL;
    SlxExtractor *x = slx_extractor_new(&slx_fuzz_patterns()->vocab, &e);
    if (x == NULL) {
        fprintf(stderr, "fuzz: %s\n", e->message);
        abort();
    }
    return x;
}

const SlxExtractor *
slx_fuzz_extractor(void)
{
    static GOnce once = G_ONCE_INIT;
    return g_once(&once, fuzz_extractor, NULL);
}
