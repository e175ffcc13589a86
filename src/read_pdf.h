/* SPDX-License-Identifier: GPL-3.0-or-later */
/* read_pdf.h — PDF pages → table rows, from glyph boxes and ruling lines. */
#ifndef SLX_READ_PDF_H
#define SLX_READ_PDF_H

#include "document.h"

typedef struct {
    guint pages;
    guint pages_without_text;   /* pages with no text layer, not read by OCR */
    guint pages_ocr;            /* pages read by OCR */
    guint pages_not_rendered;   /* pages too large to render for their rules */
    guint pages_over_budget;    /* pages whose drawing decodes past the budget: not read */
} SlxPdfInfo;

/* Where the ruling lines of the tables come from. */
typedef enum {
    SLX_PDF_RULES_FROM_CONTENT,   /* the pages' content streams (pdf/vector.c); a
                                     page that cannot be read so is rendered */
    SLX_PDF_RULES_FROM_RENDERING, /* a rendering of every page */
} SlxPdfRulesFrom;

/* When a page is read by OCR. */
typedef enum {
    SLX_OCR_AUTO,     /* a page without a text layer (a scan) */
    SLX_OCR_ALWAYS,   /* every page, its text layer ignored (a scan with bad OCR text) */
    SLX_OCR_NEVER,
} SlxOcrMode;

#define SLX_OCR_DEFAULT_LANGS "jpn+eng"

/* How a PDF is read. */
typedef struct {
    const char *password;         /* may be NULL */
    guint max_pages;              /* 0: any number */
    SlxPdfRulesFrom rules_from;
    SlxOcrMode ocr;
    const char *ocr_langs;        /* Tesseract's languages; NULL: SLX_OCR_DEFAULT_LANGS */
    const GPtrArray *ocr_fixes;   /* SlxOcrFix * (patterns.h): what OCR misreads; may be NULL */
} SlxPdfOptions;

/* Whether OCR is built in (configure found Tesseract), and Tesseract's
 * version (NULL if not). */
gboolean slx_pdf_ocr_built_in(void);
const char *slx_pdf_ocr_version(void);

/* Read the PDF in BYTES as OPTS say into blocks.  On failure returns NULL
 * with ERROR: SLX_ERROR_ENCRYPTED, SLX_ERROR_PDF (with Poppler's message),
 * SLX_ERROR_NO_TEXT (no page has text, and OCR is off), SLX_ERROR_OCR (a
 * page OCR could not read), or SLX_ERROR_TOO_LARGE for a PDF of more than
 * max_pages pages, which is not read.  A page read by OCR has its blocks'
 * confidence from OCR's in its words. */
SlxDocument *slx_read_pdf_with(const guint8 *bytes, gsize len, const SlxPdfOptions *opts,
                               SlxPdfInfo *info, GError **error);

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

/* Load the PDF reader's module now, ahead of the first PDF (main.c does
 * it on a thread while the patterns compile; the batch's workers then
 * inherit it).  A module that cannot be loaded is said when a PDF is
 * read. */
void slx_read_pdf_preload(void);

/* What the module slaxtract-pdf.so (pdf/) exports, by the name
 * SLX_READ_PDF_MODULE; read_pdf_load.c loads it for the functions above. */
typedef struct {
    SlxDocument *(*read)(const guint8 *bytes, gsize len, const SlxPdfOptions *opts,
                         SlxPdfInfo *info, GError **error);
    const char *(*ocr_version)(void);
} SlxReadPdfModule;
#define SLX_READ_PDF_MODULE "slx_read_pdf_module"

#endif
