/* read.c — PDF pages → blocks: the page loop.  Each page's rules
 * (rules.c), glyphs (glyphs.c) and rows (table.c, text.c) are found in
 * turn, and the page is released when read, so a long PDF reads in flat
 * memory. */
#include "pdf.h"
#include "../error.h"
#include "../read_pdf.h"

#include <string.h>

static gint
read_by_top(gconstpointer a, gconstpointer b)
{
    const PdfBlock *x = a, *y = b;
    return x->top < y->top ? -1 : x->top > y->top;
}

/* The blocks of page P (1-based) into OUT in reading order, top to
 * bottom; text outside the table is noted as possible FURNITURE, and
 * headings are kept in HEADINGS for their levels. */
static void
read_page_blocks(SlxDocument *out, GArray *glyphs, GArray *hr, GArray *vr, GArray *columns,
                 guint p, GHashTable *furniture, GArray *headings)
{
    GArray *blocks = g_array_new(FALSE, FALSE, sizeof(PdfBlock));
    slx_pdf_page_rows(glyphs, hr, vr, columns, p, blocks);
    g_array_sort(blocks, read_by_top);
    for (guint i = 0; i < blocks->len; i++) {
        PdfBlock *pb = &g_array_index(blocks, PdfBlock, i);
        slx_document_append(out, pb->block);
        if (pb->outside)
            slx_pdf_note_furniture(furniture, pb->block, pb->top);
        if (pb->block->kind == SLX_BLOCK_HEADING)
            g_array_append_val(headings, *pb);
    }
    g_array_free(blocks, TRUE);
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
    memset(info, 0, sizeof *info);
    if (len == 0) {     /* Poppler asserts on an empty stream */
        g_set_error(error, SLX_ERROR, SLX_ERROR_PDF, "the PDF is empty");
        return NULL;
    }
    /* Opened through a GInputStream, not poppler_document_new_from_bytes():
     * Poppler 22.12 (Debian 12) retries a rejected password on the same
     * memory stream after the first PDFDoc has freed it, and crashes on any
     * wrong --password.  The stream path re-reads through GIO and is safe. */
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
        return NULL;
    }
    SlxDocument *out = slx_document_new();
    GArray *columns = g_array_new(FALSE, FALSE, sizeof(double)); /* of a borderless table */
    GHashTable *furniture = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                                  (GDestroyNotify)g_ptr_array_unref);
    GArray *headings = g_array_new(FALSE, FALSE, sizeof(PdfBlock));
    info->pages = (guint)poppler_document_get_n_pages(doc);
    if (max_pages > 0 && info->pages > max_pages) {
        g_set_error(error, SLX_ERROR, SLX_ERROR_TOO_LARGE,
                    "%u pages, more than --max-pages %u: not read", info->pages, max_pages);
        g_object_unref(doc);
        slx_document_free(out);
        g_array_free(columns, TRUE);
        g_hash_table_unref(furniture);
        g_array_free(headings, TRUE);
        return NULL;
    }
    /* A second reader for the paths; if it sees the document otherwise
     * than Poppler (a damaged file each repairs its own way), every page
     * is rendered instead. */
    SlxPdfRules *vector = NULL;
    if (from == SLX_PDF_RULES_FROM_CONTENT) {
        vector = slx_pdf_rules_open(bytes, len, password);
        if (vector && slx_pdf_rules_pages(vector) != info->pages)
            g_clear_pointer(&vector, slx_pdf_rules_close);
    }
    for (guint p = 0; p < info->pages; p++) {
        PopplerPage *page = poppler_document_get_page(doc, (int)p);
        if (page == NULL)
            continue;
        GArray *hr, *vr;
        Backdrop backdrop;
        gboolean rendered = slx_pdf_page_rules(page, vector, p, &hr, &vr, &backdrop);
        if (vector && slx_pdf_rules_over_budget(vector)) {
            /* A page whose drawing decodes past what any table needs (a
             * 1 GiB Flate bomb is 1 MB of PDF) would cost Poppler as much
             * again to render and to read: it is not read at all. */
            info->pages_over_budget++;
            slx_pdf_backdrop_clear(&backdrop);
            g_array_free(hr, TRUE);
            g_array_free(vr, TRUE);
            g_object_unref(page);
            continue;
        }
        if (!rendered)
            info->pages_not_rendered++;
        GArray *glyphs = slx_pdf_page_glyphs(page, &backdrop);
        slx_pdf_backdrop_clear(&backdrop);
        if (glyphs->len == 0) {
            info->pages_without_text++;
            g_array_free(hr, TRUE);
            g_array_free(vr, TRUE);
        } else {
            read_page_blocks(out, glyphs, hr, vr, columns, p + 1, furniture, headings);
        }
        g_array_free(glyphs, TRUE);
        g_object_unref(page);
    }
    g_object_unref(doc);
    slx_pdf_rules_close(vector);
    g_array_free(columns, TRUE);
    /* Before the furniture goes: HEADINGS points into the document. */
    slx_pdf_heading_levels(headings);
    g_array_free(headings, TRUE);
    slx_pdf_drop_furniture(furniture, out);
    g_hash_table_unref(furniture);
    if (info->pages > 0 && info->pages_without_text == info->pages) {
        slx_document_free(out);
        g_set_error(error, SLX_ERROR, SLX_ERROR_NO_TEXT,
                    "the PDF has no text layer (a scan?): nothing to read without OCR");
        return NULL;
    }
    if (info->pages_without_text)
        slx_document_warn(out, "no_text_layer: %u of %u pages have no text layer (scanned?) and "
                          "were not read", info->pages_without_text, info->pages);
    if (info->pages_over_budget)
        slx_document_warn(out, "%u of %u pages draw more than a checklist page could (their "
                          "content decodes past 16 MiB, a decompression bomb?) and were not read",
                          info->pages_over_budget, info->pages);
    if (info->pages_not_rendered)
        slx_document_warn(out, "%u of %u pages are too large to render for their ruling lines; "
                          "their tables were read as tables without borders",
                          info->pages_not_rendered, info->pages);
    return out;
}
