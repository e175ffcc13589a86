/* SPDX-License-Identifier: GPL-3.0-or-later */
/* read_html_load.c — the HTML reader, from the module slaxtract-html.so
 * (read_html.c, libxml2), loaded for a run's first web page; and the
 * charset a page declares, which decoding asks before any parse. */
#include "read_html.h"
#include "document.h"
#include "error.h"
#include "module.h"

#include <string.h>

SLX_MODULE_CALLBACKS(read_html_load, slx_block_take_cell, slx_document_add, slx_document_add_row,
                     slx_document_add_text, slx_document_new, slx_document_warn);

char *
slx_html_declared_charset(const guint8 *b, gsize len)
{
    gsize n = MIN(len, 4096);
    char *head = g_ascii_strdown((const char *)b, (gssize)n);
    GRegex *re = g_regex_new("<meta[^>]*charset\\s*=\\s*[\"']?\\s*([a-z0-9_:.-]+)", 0, 0, NULL);
    GMatchInfo *mi;
    char *charset = NULL;
    if (g_regex_match(re, head, 0, &mi))
        charset = g_match_info_fetch(mi, 1);
    g_match_info_free(mi);
    g_regex_unref(re);
    g_free(head);
    return charset;
}

SlxDocument *
slx_read_html(const char *utf8, gsize len, guint *errors, gboolean *truncated, GError **error)
{
    *errors = 0;
    *truncated = FALSE;
    const SlxReadHtmlModule *m = slx_module_table("html", SLX_READ_HTML_MODULE,
                                                  "the HTML reader", SLX_ERROR_READ, error);
    return m ? m->read(utf8, len, errors, truncated) : NULL;
}
