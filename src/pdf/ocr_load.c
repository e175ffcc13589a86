/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ocr_load.c — OCR from the module slaxtract-ocr.so (ocr.c), loaded when
 * the first page that needs it comes: a run that meets no scan never
 * loads Tesseract and the libraries it brings (pdf.h says what that
 * saves).  Built with Tesseract (configure --with-ocr); ocr_none.c stands
 * in without it. */
#include "pdf.h"
#include "../error.h"
#include "../module.h"
#include "../read_pdf.h"

/* What the OCR module calls back in the program (slx_error_quark) is
 * named by read_pdf_load.c: this file is in the PDF module, not in the
 * program. */

/* What the OCR module needs of the PDF reader. */
static const SlxPdfOcrHost ocr_load_host = {slx_pdf_render, slx_pdf_raster_rules,
                                           slx_pdf_rules_light_in_grid};

struct SlxPdfOcr {
    const SlxPdfOcrEngine *engine;
    SlxPdfOcrReader *reader;
};

/* Loaded once for the rest of the process: unloading Tesseract after one
 * scan and loading it again for the next would cost a start each. */
static const SlxPdfOcrEngine *
ocr_load_engine(GError **error)
{
    return slx_module_table("ocr", SLX_PDF_OCR_ENGINE, "OCR", SLX_ERROR_OCR, error);
}

const char *
slx_pdf_ocr_engine_version(void)
{
    const SlxPdfOcrEngine *engine = ocr_load_engine(NULL);
    return engine ? engine->version() : NULL;   /* Tesseract's, static: the module stays */
}

SlxPdfOcr *
slx_pdf_ocr_new(const char *langs, GError **error)
{
    SlxPdfOcr *ocr = g_new0(SlxPdfOcr, 1);
    ocr->engine = ocr_load_engine(error);
    if (ocr->engine)
        ocr->reader = ocr->engine->open(langs, &ocr_load_host, error);
    if (ocr->reader == NULL) {
        slx_pdf_ocr_free(ocr);
        return NULL;
    }
    return ocr;
}

void
slx_pdf_ocr_free(SlxPdfOcr *ocr)
{
    if (ocr == NULL)
        return;
    if (ocr->reader)
        ocr->engine->close(ocr->reader);
    g_free(ocr);
}

gboolean
slx_pdf_ocr_page(SlxPdfOcr *ocr, PopplerPage *page, const GPtrArray *fixes, GArray **glyphs,
                 GArray **hrules, GArray **vrules, GError **error)
{
    return ocr->engine->page(ocr->reader, page, fixes, glyphs, hrules, vrules, error);
}
