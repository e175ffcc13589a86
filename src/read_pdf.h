/* SPDX-License-Identifier: GPL-3.0-or-later */
/* read_pdf.h — PDF pages → table rows, from glyph boxes and ruling lines. */
#ifndef SLX_READ_PDF_H
#define SLX_READ_PDF_H

#include "document.h"

typedef struct {
    guint pages;
    guint pages_without_text;   /* pages with no text layer */
    guint pages_not_rendered;   /* pages too large to render for their rules */
    guint pages_over_budget;    /* pages whose drawing decodes past the budget: not read */
} SlxPdfInfo;

/* Where the ruling lines of the tables come from. */
typedef enum {
    SLX_PDF_RULES_FROM_CONTENT,   /* the pages' content streams (pdf/vector.c); a
                                     page that cannot be read so is rendered */
    SLX_PDF_RULES_FROM_RENDERING, /* a rendering of every page */
} SlxPdfRulesFrom;

/* Read the PDF in BYTES (PASSWORD may be NULL) into blocks (table rows).  On failure
 * returns NULL with ERROR: SLX_ERROR_ENCRYPTED, SLX_ERROR_PDF (with
 * Poppler's message), SLX_ERROR_NO_TEXT, or SLX_ERROR_TOO_LARGE for a PDF
 * of more than MAX_PAGES pages (0: any number), which is not read. */
SlxDocument *slx_read_pdf(const guint8 *bytes, gsize len, const char *password, guint max_pages,
                          SlxPdfInfo *info, GError **error);

/* The same, with the rules FROM where asked: tests read each fixture
 * both ways. */
SlxDocument *slx_read_pdf_ruled(const guint8 *bytes, gsize len, const char *password,
                                guint max_pages, SlxPdfRulesFrom from, SlxPdfInfo *info,
                                GError **error);

#endif
