/* SPDX-License-Identifier: GPL-3.0-or-later */
/* read_text.h — text exports (TSV, pipe tables, markdown, plain lines) → blocks. */
#ifndef SLX_READ_TEXT_H
#define SLX_READ_TEXT_H

#include "document.h"

/* Split decoded UTF-8 TEXT into blocks.  Handles Excel's tab-
 * separated export (quoted cells with tabs, quotes and line breaks; CRLF),
 * pipe tables with or without outer bars (table rows), and plain lines:
 * markdown headings, bulleted lines (list items), paragraphs with their
 * indent.  Cells lose HTML
 * remnants (<b>, <ul style=…>, <li>, &amp;), markdown escapes (\_) and
 * emphasis. */
SlxDocument *slx_read_text(const char *text, gsize len);

/* Clean one cell of markup as above (exposed for the tests). */
char *slx_clean_cell(const char *cell, gsize len);

#endif
