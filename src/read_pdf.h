/* read_pdf.h — PDF pages → grid, from glyph boxes and ruling lines. */
#ifndef SLX_READ_PDF_H
#define SLX_READ_PDF_H

#include "grid.h"

typedef struct {
    guint pages;
    guint pages_without_text;   /* pages with no text layer */
} SlxPdfInfo;

/* Read the PDF in BYTES (PASSWORD may be NULL) into a grid.  On failure
 * returns NULL with ERROR: SLX_ERROR_ENCRYPTED, SLX_ERROR_PDF (with
 * Poppler's message) or SLX_ERROR_NO_TEXT. */
SlxGrid *slx_read_pdf(const guint8 *bytes, gsize len, const char *password, SlxPdfInfo *info,
                      GError **error);

#endif
