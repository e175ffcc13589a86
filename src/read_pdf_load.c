/* SPDX-License-Identifier: GPL-3.0-or-later */
/* read_pdf_load.c — the PDF reader, from the module slaxtract-pdf.so
 * (pdf/), loaded for a run's first PDF: Poppler with cairo, and qpdf with
 * its TLS stack, are half of the libraries a start would load, and a run
 * that meets no PDF loads none of them (README, "Speed"). */
#include "read_pdf.h"
#include "document.h"
#include "error.h"
#include "module.h"

SLX_MODULE_CALLBACKS(read_pdf_load, slx_error_quark, slx_module_table, slx_block_cell,
                     slx_block_new, slx_block_take_cell, slx_document_append, slx_document_free,
                     slx_document_new, slx_document_warn);

static const SlxReadPdfModule *
read_pdf_load(GError **error)
{
    return slx_module_table("pdf", SLX_READ_PDF_MODULE, "the PDF reader", SLX_ERROR_PDF, error);
}

void
slx_read_pdf_preload(void)
{
    read_pdf_load(NULL);
}

gboolean
slx_pdf_ocr_built_in(void)
{
#ifdef HAVE_OCR
    return TRUE;
#else
    return FALSE;
#endif
}

const char *
slx_pdf_ocr_version(void)
{
    const SlxReadPdfModule *m = read_pdf_load(NULL);
    return m ? m->ocr_version() : NULL;
}

SlxDocument *
slx_read_pdf_with(const guint8 *bytes, gsize len, const SlxPdfOptions *opts, SlxPdfInfo *info,
                  GError **error)
{
    *info = (SlxPdfInfo){0};
    const SlxReadPdfModule *m = read_pdf_load(error);
    return m ? m->read(bytes, len, opts, info, error) : NULL;
}

SlxDocument *
slx_read_pdf(const guint8 *bytes, gsize len, const char *password, guint max_pages,
             SlxPdfInfo *info, GError **error)
{
    return slx_read_pdf_ruled(bytes, len, password, max_pages, SLX_PDF_RULES_FROM_CONTENT, info,
                              error);
}

SlxDocument *
slx_read_pdf_ruled(const guint8 *bytes, gsize len, const char *password, guint max_pages,
                   SlxPdfRulesFrom from, SlxPdfInfo *info, GError **error)
{
    SlxPdfOptions opts = {password, max_pages, from, SLX_OCR_NEVER, NULL, NULL};
    return slx_read_pdf_with(bytes, len, &opts, info, error);
}
