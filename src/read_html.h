/* SPDX-License-Identifier: GPL-3.0-or-later */
/* read_html.h — web pages → blocks: table rows, headings, paragraphs, dt/dd. */
#ifndef SLX_READ_HTML_H
#define SLX_READ_HTML_H

#include "document.h"

/* The charset a page declares in <meta charset> or <meta http-equiv=
 * "Content-Type" content="…; charset=…"> within its first bytes, or NULL
 * (g_free). */
char *slx_html_declared_charset(const guint8 *bytes, gsize len);

/* Parse decoded UTF-8 HTML into blocks.  ERRORS receives the number of
 * markup errors and warnings libxml2 reported (they are not printed);
 * TRUNCATED is set when elements nested deeper than the reader follows.
 * Any markup parses; NULL with ERROR (SLX_ERROR_READ) only when the
 * reader's module cannot be loaded. */
SlxDocument *slx_read_html(const char *utf8, gsize len, guint *errors, gboolean *truncated,
                           GError **error);

/* What the module slaxtract-html.so (read_html.c, libxml2) exports, by the
 * name SLX_READ_HTML_MODULE; read_html_load.c loads it for slx_read_html. */
typedef struct {
    SlxDocument *(*read)(const char *utf8, gsize len, guint *errors, gboolean *truncated);
} SlxReadHtmlModule;
#define SLX_READ_HTML_MODULE "slx_read_html_module"

#endif
