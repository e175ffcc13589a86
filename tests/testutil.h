/* SPDX-License-Identifier: GPL-3.0-or-later */
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
#include "document.h"
#include "patterns.h"
#include "write_jsonl.h"

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

/* A document as text, a block per line: a row "a|b|c", a heading "#2 text"
 * (its level), a list item "- text", a label and value "label => value",
 * an indented paragraph with a leading ">". */
static inline char *
document_text(const SlxDocument *d)
{
    GString *s = g_string_new(NULL);
    for (guint r = 0; r < d->blocks->len; r++) {
        const SlxBlock *b = g_ptr_array_index(d->blocks, r);
        if (r)
            g_string_append_c(s, '\n');
        switch (b->kind) {
        case SLX_BLOCK_HEADING:     g_string_append_printf(s, "#%u ", b->level); break;
        case SLX_BLOCK_LIST_ITEM:   g_string_append(s, "- "); break;
        case SLX_BLOCK_PARAGRAPH:   if (b->indent) g_string_append(s, "> "); break;
        default: break;
        }
        for (guint c = 0; c < b->cells->len; c++)
            g_string_append_printf(s, "%s%s", c == 0 ? "" : b->kind == SLX_BLOCK_LABEL_VALUE ? " => " : "|",
                                   (char *)g_ptr_array_index(b->cells, c));
    }
    return g_string_free(s, FALSE);
}

/* A document of blocks written as a table: each line a kind ("sheet" or
 * "row") and up to four cells, NULL-ended; the workbook readers' output
 * without a workbook.  A line ("page", "N") puts the blocks after it on
 * page N, as the PDF reader does. */
typedef const char *const TestBlockLine[5];

static inline SlxDocument *
test_document_of(TestBlockLine *lines, gsize n)
{
    SlxDocument *d = slx_document_new();
    guint page = 0;
    for (gsize i = 0; i < n; i++) {
        if (strcmp(lines[i][0], "page") == 0) {
            page = (guint)atoi(lines[i][1]);
            continue;
        }
        gboolean sheet = strcmp(lines[i][0], "sheet") == 0;
        SlxBlock *b = slx_document_add(d, sheet ? SLX_BLOCK_SHEET : SLX_BLOCK_ROW,
                                       page ? 0 : (guint)i + 1, page);
        for (gsize c = 1; c < 5 && lines[i][c]; c++)
            slx_block_take_cell(b, g_strdup(lines[i][c]));
    }
    return d;
}

/* R as the JSON line slaxtract writes (g_free): records compared whole. */
static inline char *
test_json_of(const SlxRecord *r)
{
    GString *s = g_string_new(NULL);
    slx_write_jsonl(s, r);
    return g_string_free(s, FALSE);
}

#endif
