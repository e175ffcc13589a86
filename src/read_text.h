/* read_text.h — text exports (TSV, markdown pipe tables, plain lines) → grid. */
#ifndef SLX_READ_TEXT_H
#define SLX_READ_TEXT_H

#include "document.h"

/* Split decoded UTF-8 TEXT into rows and cells.  Handles Excel's tab-
 * separated export (quoted cells with tabs, quotes and line breaks; CRLF),
 * markdown pipe tables, and plain lines (one cell each).  Cells lose HTML
 * remnants (<b>, <ul style=…>, <li>, &amp;), markdown escapes (\_) and
 * emphasis; heading marks (## Title) are dropped. */
SlxDocument *slx_read_text(const char *text, gsize len);

/* Clean one cell of markup as above (exposed for the tests). */
char *slx_clean_cell(const char *cell, gsize len);

#endif
