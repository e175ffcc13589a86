/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ocr_load.c — OCR from the module slaxtract-ocr.so (ocr.c), loaded when
 * the first page that needs it comes: a run that meets no scan never
 * loads Tesseract and the libraries it brings (pdf.h says what that
 * saves).  Built with Tesseract (configure --with-ocr); ocr_none.c stands
 * in without it. */
#include "pdf.h"
#include "../error.h"
#include "../paths.h"
#include "../read_pdf.h"

#include <gmodule.h>

struct SlxPdfOcr {
    GModule *module;
    const SlxPdfOcrEngine *engine;
    SlxPdfOcrReader *reader;
};

/* The module's table of entry points, and the module (one more reference
 * to it: g_module_close); NULL with ERROR if it cannot be loaded. */
static const SlxPdfOcrEngine *
ocr_load_engine(GModule **module, GError **error)
{
    g_autofree char *path = slx_path_ocr_module();
    GModule *m = g_module_open(path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
    gpointer engine = NULL;
    if (m == NULL || !g_module_symbol(m, SLX_PDF_OCR_ENGINE, &engine) || engine == NULL) {
        g_set_error(error, SLX_ERROR, SLX_ERROR_OCR, "OCR cannot start: its module %s: %s",
                    path, g_module_error());
        if (m)
            g_module_close(m);
        return NULL;
    }
    /* Loaded for the rest of the process: unloading Tesseract after one
     * scan and loading it again for the next would cost a start each. */
    g_module_make_resident(m);
    *module = m;
    return engine;
}

gboolean
slx_pdf_ocr_built_in(void)
{
    return TRUE;
}

const char *
slx_pdf_ocr_version(void)
{
    GModule *module;
    const SlxPdfOcrEngine *engine = ocr_load_engine(&module, NULL);
    if (engine == NULL)
        return NULL;
    const char *version = engine->version();   /* Tesseract's, static: the module stays */
    g_module_close(module);
    return version;
}

SlxPdfOcr *
slx_pdf_ocr_new(const char *langs, GError **error)
{
    SlxPdfOcr *ocr = g_new0(SlxPdfOcr, 1);
    ocr->engine = ocr_load_engine(&ocr->module, error);
    if (ocr->engine)
        ocr->reader = ocr->engine->open(langs, error);
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
    if (ocr->module)
        g_module_close(ocr->module);
    g_free(ocr);
}

gboolean
slx_pdf_ocr_page(SlxPdfOcr *ocr, PopplerPage *page, const GPtrArray *fixes, GArray **glyphs,
                 GArray **hrules, GArray **vrules, GError **error)
{
    return ocr->engine->page(ocr->reader, page, fixes, glyphs, hrules, vrules, error);
}
