/* SPDX-License-Identifier: GPL-3.0-or-later */
/* text.c — a page's text outside its tables: titles, notes, footnotes,
 * and the whole page when it holds no table (a vendor's document of
 * heading sections).  Lines are joined into paragraphs; a paragraph set
 * larger or bolder than the page's body text is a heading, its level set
 * once the whole document is read (slx_pdf_heading_levels). */
#include "pdf.h"

#include <math.h>

/* Lines of a paragraph are about 1.2–1.5 sizes apart; paragraphs are 2 or
 * more. */
#define PARAGRAPH_PITCH 1.6
/* A font this much larger than the body text's sets a heading (an h3 of
 * 11 pt over 10 pt text; a note in 10.5 pt is not). */
#define HEADING_SIZE 1.08

/* The size of the page's body text: the font size most of GLYPHS are set
 * in (to a tenth of a point). */
static double
text_body_size(const GArray *glyphs)
{
    GHashTable *counts = g_hash_table_new(g_direct_hash, g_direct_equal);
    double body = 0;
    guint most = 0;
    for (guint i = 0; i < glyphs->len; i++) {
        gint key = (gint)lround(g_array_index(glyphs, Glyph, i).font_size * 10);
        guint n = GPOINTER_TO_UINT(g_hash_table_lookup(counts, GINT_TO_POINTER(key))) + 1;
        g_hash_table_insert(counts, GINT_TO_POINTER(key), GUINT_TO_POINTER(n));
        if (n > most || (n == most && key / 10.0 < body))
            most = n, body = key / 10.0;
    }
    g_hash_table_unref(counts);
    return body;
}

/* Whether every glyph of LINE is bold, and the largest font size in it. */
static gboolean
text_line_style(const Line *line, double *size)
{
    gboolean bold = TRUE;
    *size = 0;
    for (guint k = 0; k < line->glyphs->len; k++) {
        const Glyph *g = g_ptr_array_index(line->glyphs, k);
        bold &= g->bold;
        *size = MAX(*size, g->font_size);
    }
    return bold;
}

/* Whether a paragraph whose first line is set in SIZE (BOLD) is a
 * heading against the body text's BODY_SIZE: larger type, or bold type
 * of the body's size (a label over its answer). */
static gboolean
text_is_heading(double size, gboolean bold, double body_size)
{
    return body_size > 0 && size > 0 && (size >= HEADING_SIZE * body_size || bold);
}

/* Font sizes, largest first. */
static gint
text_by_size_down(gconstpointer a, gconstpointer b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x > y ? -1 : x < y;
}

void
slx_pdf_heading_levels(GArray *headings)
{
    /* The distinct sizes (to half a point), largest first: the largest
     * is level 1 (the title), the next level 2 (sections), and so on. */
    GArray *sizes = g_array_new(FALSE, FALSE, sizeof(double));
    for (guint i = 0; i < headings->len; i++) {
        double size = round(g_array_index(headings, PdfBlock, i).heading_size * 2) / 2;
        gboolean seen = FALSE;
        for (guint k = 0; k < sizes->len && !seen; k++)
            seen = g_array_index(sizes, double, k) == size;
        if (!seen)
            g_array_append_val(sizes, size);
    }
    g_array_sort(sizes, text_by_size_down);
    for (guint i = 0; i < headings->len; i++) {
        PdfBlock *pb = &g_array_index(headings, PdfBlock, i);
        double size = round(pb->heading_size * 2) / 2;
        guint rank = 0;
        while (rank < sizes->len && g_array_index(sizes, double, rank) != size)
            rank++;
        pb->block->level = MIN(rank + 1, 6);
    }
    g_array_free(sizes, TRUE);
}

void
slx_pdf_text_blocks(GPtrArray *outside, double page_right, const GArray *glyphs, guint page,
                    GArray *blocks)
{
    double body_size = text_body_size(glyphs);
    GArray *lines = slx_pdf_visual_lines(outside);
    for (guint i = 0; i < lines->len;) {
        Line *first = &g_array_index(lines, Line, i);
        double top = first->mid, left = slx_pdf_line_left(first), size;
        gboolean bold = text_line_style(first, &size);
        gboolean heading = text_is_heading(size, bold, body_size);
        GPtrArray *para = g_ptr_array_new();
        for (;;) {
            Line *cur = &g_array_index(lines, Line, i);
            double cur_right = slx_pdf_line_right(cur);
            g_ptr_array_extend_and_steal(para, cur->glyphs);
            cur->glyphs = NULL;
            i++;
            if (i >= lines->len)
                break;
            /* A line that stops short of the right edge of the page's text
             * ends its paragraph (a spreadsheet's text rows sit as close
             * as wrapped lines), and so does a change of style (a heading
             * right over its text). */
            Line *next = &g_array_index(lines, Line, i);
            double next_size;
            gboolean next_bold = text_line_style(next, &next_size);
            if (next->mid - cur->mid > PARAGRAPH_PITCH * cur->size ||
                fabs(slx_pdf_line_left(next) - left) > 2 ||
                cur_right < page_right - 2 * cur->size ||
                text_is_heading(next_size, next_bold, body_size) != heading ||
                (heading && fabs(next_size - size) > 0.5))
                break;
        }
        PdfBlock pb = {top, slx_block_new(heading ? SLX_BLOCK_HEADING : SLX_BLOCK_PARAGRAPH, 0, page),
                       TRUE, heading ? MAX(size, body_size) : 0};
        pb.block->confidence = slx_pdf_glyphs_confidence(para);
        /* Joined without a line break: the lines of one paragraph. */
        char *text = slx_pdf_assemble(para);
        for (char *p = text; *p; p++)
            if (*p == '\n')
                *p = ' ';
        slx_block_take_cell(pb.block, text);
        g_ptr_array_free(para, TRUE);
        g_array_append_val(blocks, pb);
    }
    g_array_free(lines, TRUE);
}
