/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ocr_none.c — the OCR of ocr.c when slaxtract is built without Tesseract
 * (configure found none, or --without-ocr): nothing can start, and every
 * caller is told so plainly. */
#include "pdf.h"
#include "../error.h"
#include "../read_pdf.h"

const char *
slx_pdf_ocr_engine_version(void)
{
    return NULL;
}

SlxPdfOcr *
slx_pdf_ocr_new(const char *langs, GError **error)
{
    (void)langs;
    g_set_error(error, SLX_ERROR, SLX_ERROR_OCR,
                "OCR is not built in (slaxtract was configured without Tesseract)");
    return NULL;
}

void
slx_pdf_ocr_free(SlxPdfOcr *ocr)
{
    (void)ocr;
}

gboolean
slx_pdf_ocr_page(SlxPdfOcr *ocr, PopplerPage *page, const GPtrArray *fixes, GArray **glyphs,
                 GArray **hrules, GArray **vrules, GError **error)
{
    (void)ocr, (void)page, (void)fixes, (void)glyphs, (void)hrules, (void)vrules;
    g_set_error(error, SLX_ERROR, SLX_ERROR_OCR,
                "OCR is not built in (slaxtract was configured without Tesseract)");
    return FALSE;
}
