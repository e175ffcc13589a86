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
 * TRUNCATED is set when elements nested deeper than the reader follows. */
SlxDocument *slx_read_html(const char *utf8, gsize len, guint *errors, gboolean *truncated);

#endif
