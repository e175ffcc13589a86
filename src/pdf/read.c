/* SPDX-License-Identifier: GPL-3.0-or-later */
/* read.c — PDF pages → blocks: the page loop.  Each page's rules
 * (rules.c), glyphs (glyphs.c) and rows (table.c, text.c) are found in
 * turn, and the page is released when read, so a long PDF reads in flat
 * memory.  A page without a text layer gets its rules and glyphs from OCR
 * (ocr.c) and goes on the same way.
 *
 * The PDF reader (this folder) is the module slaxtract-pdf.so, which
 * ../read_pdf_load.c loads for a run's first PDF: Poppler, cairo and qpdf
 * are half the libraries of a start, and a run without PDFs loads none. */
#include "pdf.h"
#include "../error.h"
#include "../read_pdf.h"

#include <gmodule.h>

#include <string.h>

static gint
read_by_top(gconstpointer a, gconstpointer b)
{
    const PdfBlock *x = a, *y = b;
    return x->top < y->top ? -1 : x->top > y->top;
}

/* What reading one document carries from page to page. */
typedef struct {
    SlxDocument *out;
    SlxPdfRules *vector;    /* the second reader, for the paths; NULL: render */
    GArray *columns;        /* the column sides of the last borderless table */
    GHashTable *furniture;  /* text outside tables, by text and height (furniture.c) */
    GArray *headings;       /* PdfBlock: every heading, for its level */
    SlxPdfInfo *info;
    const SlxPdfOptions *opts;
    SlxPdfOcr *ocr;         /* started at the first page OCR reads */
    GError *ocr_error;      /* why OCR could not read a page: not tried again */
    guint pages_ocr_failed;
} Reader;

/* Open the PDF in BYTES with Poppler.  Opened through a GInputStream, not
 * poppler_document_new_from_bytes(): Poppler 22.12 (Debian 12) retries a
 * rejected password on the same memory stream after the first PDFDoc has
 * freed it, and crashes on any wrong --password.  The stream path re-reads
 * through GIO and is safe. */
static PopplerDocument *
read_open(const guint8 *bytes, gsize len, const char *password, GError **error)
{
    if (len == 0) {     /* Poppler asserts on an empty stream */
        g_set_error(error, SLX_ERROR, SLX_ERROR_PDF, "the PDF is empty");
        return NULL;
    }
    GBytes *data = g_bytes_new_static(bytes, len);
    GInputStream *stream = g_memory_input_stream_new_from_bytes(data);
    GError *e = NULL;
    PopplerDocument *doc = poppler_document_new_from_stream(stream, (goffset)len, password,
                                                            NULL, &e);
    g_object_unref(stream);
    g_bytes_unref(data);
    if (doc == NULL) {
        if (g_error_matches(e, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
            g_set_error(error, SLX_ERROR, SLX_ERROR_ENCRYPTED, "%s",
                        password ? "the PDF is encrypted and the --password given does not open it"
                                 : "the PDF is encrypted: give its password with --password");
        else
            g_set_error(error, SLX_ERROR, SLX_ERROR_PDF, "%s", e ? e->message : "unreadable PDF");
        g_clear_error(&e);
    }
    return doc;
}

/* Rules and glyphs of PAGE from OCR, into *HR, *VR and *GLYPHS (which
 * hold the text layer's, and are replaced).  FALSE (and the reader's
 * ocr_error) if OCR cannot read it. */
static gboolean
read_page_ocr(Reader *rd, PopplerPage *page, guint p, GArray **hr, GArray **vr, GArray **glyphs)
{
    if (rd->ocr_error)      /* OCR could not read an earlier page: not tried again */
        return FALSE;
    if (rd->ocr == NULL) {
        const char *langs = rd->opts->ocr_langs ? rd->opts->ocr_langs : SLX_OCR_DEFAULT_LANGS;
        rd->ocr = slx_pdf_ocr_new(langs, &rd->ocr_error);
    }
    if (rd->ocr == NULL)
        return FALSE;
    GArray *ohr, *ovr, *oglyphs;
    GError *e = NULL;
    if (!slx_pdf_ocr_page(rd->ocr, page, rd->opts->ocr_fixes, &oglyphs, &ohr, &ovr, &e)) {
        g_prefix_error(&e, "page %u: ", p + 1);
        rd->ocr_error = e;
        return FALSE;
    }
    g_array_free(*hr, TRUE);
    g_array_free(*vr, TRUE);
    g_array_free(*glyphs, TRUE);
    *hr = ohr;
    *vr = ovr;
    *glyphs = oglyphs;
    if (oglyphs->len > 0)       /* not a blank page, nor a drawing */
        rd->info->pages_ocr++;
    return TRUE;
}

/* The blocks of page P (0-based) into the document, in reading order,
 * top to bottom; text outside the table is noted as possible furniture,
 * and headings are kept for their levels.  The page is released when
 * read. */
static void
read_page(Reader *rd, PopplerPage *page, guint p)
{
    GArray *hr, *vr;
    Backdrop backdrop;
    gboolean rendered = slx_pdf_page_rules(page, rd->vector, p, &hr, &vr, &backdrop);
    if (rd->vector && slx_pdf_rules_over_budget(rd->vector)) {
        /* A page whose drawing decodes past what any table needs (a 1 GiB
         * Flate bomb is 1 MB of PDF) would cost Poppler as much again to
         * render and to read: it is not read at all. */
        rd->info->pages_over_budget++;
        slx_pdf_backdrop_clear(&backdrop);
        g_array_free(hr, TRUE);
        g_array_free(vr, TRUE);
        return;
    }
    if (!rendered)
        rd->info->pages_not_rendered++;
    GArray *glyphs = slx_pdf_page_glyphs(page, &backdrop);
    slx_pdf_backdrop_clear(&backdrop);
    SlxOcrMode mode = rd->opts->ocr;
    gboolean ocr = mode == SLX_OCR_ALWAYS || (mode == SLX_OCR_AUTO && glyphs->len == 0);
    gboolean ocr_failed = ocr && !read_page_ocr(rd, page, p, &hr, &vr, &glyphs);
    if (ocr_failed || glyphs->len == 0) {
        if (ocr_failed)
            rd->pages_ocr_failed++;
        else
            rd->info->pages_without_text++;
        g_array_free(hr, TRUE);
        g_array_free(vr, TRUE);
        g_array_free(glyphs, TRUE);
        return;
    }
    GArray *blocks = g_array_new(FALSE, FALSE, sizeof(PdfBlock));
    slx_pdf_page_rows(glyphs, hr, vr, rd->columns, p + 1, blocks);
    g_array_sort(blocks, read_by_top);
    for (guint i = 0; i < blocks->len; i++) {
        PdfBlock *pb = &g_array_index(blocks, PdfBlock, i);
        slx_document_append(rd->out, pb->block);
        if (pb->outside)
            slx_pdf_note_furniture(rd->furniture, pb->block, pb->top);
        if (pb->block->kind == SLX_BLOCK_HEADING)
            g_array_append_val(rd->headings, *pb);
    }
    g_array_free(blocks, TRUE);
    g_array_free(glyphs, TRUE);
}

/* Why a page without a text layer gave no text. */
static const char *
read_no_text_why(const SlxPdfOptions *opts)
{
    return opts->ocr == SLX_OCR_NEVER ? "were not read (--ocr=never)" : "OCR found no text on them";
}

/* What the pages left unread come to: warnings on OUT. */
static void
read_warn(SlxDocument *out, const SlxPdfInfo *info, const SlxPdfOptions *opts, guint ocr_failed,
          const GError *ocr_error)
{
    if (info->pages_without_text)
        slx_document_warn(out, "no_text_layer: %u of %u pages have no text layer (scanned?) and "
                          "%s", info->pages_without_text, info->pages, read_no_text_why(opts));
    if (ocr_failed)
        slx_document_warn(out, "ocr: %u of %u pages have no text layer and OCR could not read them "
                          "(%s)", ocr_failed, info->pages, ocr_error->message);
    if (info->pages_over_budget)
        slx_document_warn(out, "%u of %u pages draw more than a checklist page could (their "
                          "content decodes past 16 MiB, a decompression bomb?) and were not read",
                          info->pages_over_budget, info->pages);
    if (info->pages_not_rendered)
        slx_document_warn(out, "%u of %u pages are too large to render for their ruling lines; "
                          "their tables were read as tables without borders",
                          info->pages_not_rendered, info->pages);
}

/* The reader's document, or NULL with ERROR when no page could be read:
 * none has text, and OCR was off or could not read them. */
static SlxDocument *
read_finish(Reader *rd, GError **error)
{
    const SlxPdfInfo *info = rd->info;
    if (info->pages > 0 && info->pages_without_text + rd->pages_ocr_failed == info->pages) {
        if (rd->ocr_error)
            g_propagate_error(error, g_steal_pointer(&rd->ocr_error));
        else if (rd->opts->ocr == SLX_OCR_NEVER)
            g_set_error(error, SLX_ERROR, SLX_ERROR_NO_TEXT,
                        "the PDF has no text layer (a scan?) and OCR is off (--ocr=never)");
        else
            g_set_error(error, SLX_ERROR, SLX_ERROR_NO_TEXT,
                        "the PDF has no text layer, and OCR found no text on its pages");
        slx_document_free(rd->out);
        return NULL;
    }
    read_warn(rd->out, info, rd->opts, rd->pages_ocr_failed, rd->ocr_error);
    g_clear_error(&rd->ocr_error);
    rd->out->ocr = info->pages_ocr > 0;
    return rd->out;
}

static SlxDocument *
read_pdf(const guint8 *bytes, gsize len, const SlxPdfOptions *opts, SlxPdfInfo *info,
         GError **error)
{
    memset(info, 0, sizeof *info);
    PopplerDocument *doc = read_open(bytes, len, opts->password, error);
    if (doc == NULL)
        return NULL;
    info->pages = (guint)poppler_document_get_n_pages(doc);
    if (opts->max_pages > 0 && info->pages > opts->max_pages) {
        g_set_error(error, SLX_ERROR, SLX_ERROR_TOO_LARGE,
                    "%u pages, more than --max-pages %u: not read", info->pages, opts->max_pages);
        g_object_unref(doc);
        return NULL;
    }
    Reader rd = {slx_document_new(), NULL, g_array_new(FALSE, FALSE, sizeof(double)),
                 g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify)g_ptr_array_unref),
                 g_array_new(FALSE, FALSE, sizeof(PdfBlock)), info, opts, NULL, NULL, 0};
    /* A second reader for the paths; if it sees the document otherwise
     * than Poppler (a damaged file each repairs its own way), every page
     * is rendered instead. */
    if (opts->rules_from == SLX_PDF_RULES_FROM_CONTENT) {
        rd.vector = slx_pdf_rules_open(bytes, len, opts->password);
        if (rd.vector && slx_pdf_rules_pages(rd.vector) != info->pages)
            g_clear_pointer(&rd.vector, slx_pdf_rules_close);
    }
    for (guint p = 0; p < info->pages; p++) {
        PopplerPage *page = poppler_document_get_page(doc, (int)p);
        if (page == NULL)
            continue;
        read_page(&rd, page, p);
        g_object_unref(page);
    }
    g_object_unref(doc);
    slx_pdf_rules_close(rd.vector);
    slx_pdf_ocr_free(rd.ocr);
    g_array_free(rd.columns, TRUE);
    /* Before the furniture goes: the headings point into the document. */
    slx_pdf_heading_levels(rd.headings);
    g_array_free(rd.headings, TRUE);
    slx_pdf_drop_furniture(rd.furniture, rd.out);
    g_hash_table_unref(rd.furniture);
    return read_finish(&rd, error);
}

/* The module's one exported symbol (it is built with hidden visibility). */
G_MODULE_EXPORT const SlxReadPdfModule slx_read_pdf_module = {
    read_pdf, slx_pdf_ocr_engine_version,
};
