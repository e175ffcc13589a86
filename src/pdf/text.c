/* text.c — a page's text outside its tables: titles, notes, footnotes,
 * and the whole page when it holds no table (a vendor's document of
 * heading sections).  Lines are joined into paragraphs, each a one-cell
 * row. */
#include "pdf.h"

#include <math.h>

/* Lines of a paragraph are about 1.2–1.5 sizes apart; paragraphs are 2 or
 * more. */
#define PARAGRAPH_PITCH 1.6

void
slx_pdf_text_blocks(GPtrArray *outside, double page_right, const GArray *glyphs, guint page,
                    GArray *blocks)
{
    (void)glyphs;
    GArray *lines = slx_pdf_visual_lines(outside);
    for (guint i = 0; i < lines->len;) {
        Line *first = &g_array_index(lines, Line, i);
        double top = first->mid, left = slx_pdf_line_left(first);
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
             * as wrapped lines). */
            Line *next = &g_array_index(lines, Line, i);
            if (next->mid - cur->mid > PARAGRAPH_PITCH * cur->size ||
                fabs(slx_pdf_line_left(next) - left) > 2 ||
                cur_right < page_right - 2 * cur->size)
                break;
        }
        PdfBlock pb = {top, slx_block_new(SLX_BLOCK_ROW, 0, page), TRUE};
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
