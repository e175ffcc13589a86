/* SPDX-License-Identifier: GPL-3.0-or-later */
/* glyphs.c — a page's characters with their boxes, what lies behind
 * them (white text on a dark header is read, elsewhere hidden), visual
 * lines, and the text of a set of glyphs. */
#include "pdf.h"

#include <string.h>

#define SCALE SLX_PDF_SCALE

void
slx_pdf_backdrop_clear(Backdrop *b)
{
    if (b->fills)
        g_array_free(b->fills, TRUE);
    if (b->raster)
        cairo_surface_destroy(b->raster);
}

static gboolean
glyphs_dark_pixel(cairo_surface_t *raster, double x, double y)
{
    int px = (int)(x * SCALE), py = (int)(y * SCALE);
    if (px < 0 || py < 0 || px >= cairo_image_surface_get_width(raster) ||
        py >= cairo_image_surface_get_height(raster))
        return FALSE;
    const guint8 *p = cairo_image_surface_get_data(raster) +
                      (gsize)py * (gsize)cairo_image_surface_get_stride(raster) + (gsize)px * 4;
    return slx_pdf_pixel_dark(p);
}

/* Whether the glyph box R stands on a dark area: its middle inside a dark
 * fill, or, in a rendering, a third of sixteen points across its middle
 * dark.  (White text over white has none dark; the glyph's own strokes
 * hide much of a dark background on that line, and its box can be much
 * taller than the line, so its corners may lie outside the area.) */
static gboolean
glyphs_dark_behind(const Backdrop *b, const PopplerRectangle *r)
{
    double x = (r->x1 + r->x2) / 2, y = (r->y1 + r->y2) / 2;
    for (guint i = 0; b->fills && i < b->fills->len; i++) {
        const SlxRect *f = &g_array_index(b->fills, SlxRect, i);
        if (x >= f->x1 && x <= f->x2 && y >= f->y1 && y <= f->y2)
            return TRUE;
    }
    if (b->raster == NULL)
        return FALSE;
    int dark = 0;
    for (int i = 0; i < 16; i++)
        dark += glyphs_dark_pixel(b->raster, r->x1 + (r->x2 - r->x1) * (i + 0.5) / 16, y);
    return dark >= 16 / 3;
}

/* Whether FONT (a PDF font name, 「ABCDEF+NotoSansCJKjp-Bold」) is a
 * bold face: heading text is known by its weight as much as by its size.
 * The weight words are those of font naming (W6 and up for Japanese
 * faces: 「HiraKakuPro-W6」). */
static gboolean
glyphs_font_is_bold(const char *font)
{
    if (font == NULL)
        return FALSE;
    static const char *const heavy[] = {"Bold", "Heavy", "Black", "Semibold", "SemiBold",
                                        "Demi", "W6", "W7", "W8", "W9"};
    for (guint i = 0; i < G_N_ELEMENTS(heavy); i++)
        if (strstr(font, heavy[i]))
            return TRUE;
    return FALSE;
}

/* The page's characters with their boxes; white space is left out
 * (spaces are put back from the gaps), and so is white text but on a dark
 * BACKDROP (elsewhere it is hidden). */
GArray *
slx_pdf_page_glyphs(PopplerPage *page, const Backdrop *backdrop)
{
    GArray *glyphs = g_array_new(FALSE, FALSE, sizeof(Glyph));
    char *text = poppler_page_get_text(page);
    PopplerRectangle *rects = NULL;
    guint n = 0;
    if (text == NULL || !poppler_page_get_text_layout(page, &rects, &n)) {
        g_free(text);
        return glyphs;
    }
    guint len = (guint)g_utf8_strlen(text, -1);
    guint8 *hidden = g_new0(guint8, MAX(len, 1));
    guint8 *bold = g_new0(guint8, MAX(len, 1));
    double *size = g_new0(double, MAX(len, 1));
    GList *attrs = poppler_page_get_text_attributes(page);
    for (GList *l = attrs; l; l = l->next) {
        const PopplerTextAttributes *a = l->data;
        gboolean white = a->color.red > 0xF000 && a->color.green > 0xF000 && a->color.blue > 0xF000;
        gboolean heavy = glyphs_font_is_bold(a->font_name);
        for (int i = MAX(a->start_index, 0); i <= a->end_index && (guint)i < MIN(len, n); i++) {
            if (white)
                hidden[i] = !glyphs_dark_behind(backdrop, &rects[i]);
            bold[i] = heavy;
            size[i] = a->font_size;
        }
    }
    poppler_page_free_text_attributes(attrs);
    guint i = 0;
    gboolean space = FALSE;
    for (const char *p = text; *p && i < n; p = g_utf8_next_char(p), i++) {
        gunichar c = g_utf8_get_char(p);
        if (c == '\n')
            space = FALSE;
        if (hidden[i] || g_unichar_isspace(c) || c == 0x3000) {
            space |= c != '\n';
            continue;
        }
        Glyph g = {c, rects[i].x1, rects[i].y1, rects[i].x2, rects[i].y2, space, size[i], bold[i], 1};
        g_array_append_val(glyphs, g);
        space = FALSE;
    }
    g_free(bold);
    g_free(size);
    g_free(hidden);
    g_free(rects);
    g_free(text);
    return glyphs;
}

/* Visual lines of GLYPHS, top to bottom, each sorted left to right.
 * Geometry decides: Poppler's own lines glue the lines of neighbouring
 * cells together.  Glyphs of one line have their centres within a fraction
 * of the glyph size; the size comes from the widths, because fonts with
 * odd metrics give boxes taller than the line pitch. */
static gint
glyphs_by_mid(gconstpointer a, gconstpointer b)
{
    const Glyph *x = *(Glyph *const *)a, *y = *(Glyph *const *)b;
    double mx = (x->y1 + x->y2) / 2, my = (y->y1 + y->y2) / 2;
    return mx < my ? -1 : mx > my;
}

static gint
glyphs_by_x(gconstpointer a, gconstpointer b)
{
    const Glyph *x = *(Glyph *const *)a, *y = *(Glyph *const *)b;
    return x->x1 < y->x1 ? -1 : x->x1 > y->x1;
}


GArray *
slx_pdf_visual_lines(GPtrArray *glyphs)
{
    GArray *lines = g_array_new(FALSE, FALSE, sizeof(Line));
    g_ptr_array_sort(glyphs, glyphs_by_mid);
    for (guint i = 0; i < glyphs->len;) {
        const Glyph *first = g_ptr_array_index(glyphs, i);
        Line l = {(first->y1 + first->y2) / 2, 0, g_ptr_array_new()};
        while (i < glyphs->len) {
            const Glyph *g = g_ptr_array_index(glyphs, i);
            if ((g->y1 + g->y2) / 2 - l.mid > 0.4 * MAX(first->x2 - first->x1, g->x2 - g->x1) + 0.5)
                break;
            l.size = MAX(l.size, g->x2 - g->x1);
            g_ptr_array_add(l.glyphs, (gpointer)g);
            i++;
        }
        g_ptr_array_sort(l.glyphs, glyphs_by_x);
        g_array_append_val(lines, l);
    }
    return lines;
}

/* The left edge of LINE's first glyph and the right edge of its last. */
double
slx_pdf_line_left(const Line *line)
{
    return ((const Glyph *)g_ptr_array_index(line->glyphs, 0))->x1;
}

double
slx_pdf_line_right(const Line *line)
{
    return ((const Glyph *)g_ptr_array_index(line->glyphs, line->glyphs->len - 1))->x2;
}

/* Free LINES from slx_pdf_visual_lines() and their glyph arrays. */
void
slx_pdf_lines_free(GArray *lines)
{
    for (guint i = 0; i < lines->len; i++)
        g_ptr_array_free(g_array_index(lines, Line, i).glyphs, TRUE);
    g_array_free(lines, TRUE);
}

static gboolean
glyphs_is_number_char(gunichar c)
{
    return (c >= '0' && c <= '9') || c == ':' || c == '.' || c == ',' || c == '-' || c == '~' ||
           c == '%' || c == '/' || (c >= 0xFF10 && c <= 0xFF19) || c == 0xFF1A || c == 0xFF5E;
}

/* The text of GLYPHS (Glyph *): lines joined with a line break (which
 * becomes nothing between Japanese characters once normalized), a space
 * where Poppler saw a word break. */
char *
slx_pdf_assemble(GPtrArray *glyphs)
{
    GString *out = g_string_new(NULL);
    GArray *lines = slx_pdf_visual_lines(glyphs);
    gunichar last = 0;
    for (guint i = 0; i < lines->len; i++) {
        GPtrArray *line = g_array_index(lines, Line, i).glyphs;
        const Glyph *head = g_ptr_array_index(line, 0);
        /* A number wrapped in the middle (「18:」 「00」) is one token. */
        if (i && !(glyphs_is_number_char(last) && glyphs_is_number_char(head->c)))
            g_string_append_c(out, '\n');
        for (guint k = 0; k < line->len; k++) {
            const Glyph *g = g_ptr_array_index(line, k);
            if (k > 0) {
                const Glyph *prev = g_ptr_array_index(line, k - 1);
                double size = MAX(g->x2 - g->x1, prev->x2 - prev->x1);
                /* Poppler's word break, or a gap it missed (「有 アクセス」). */
                if (g->space_before || g->x1 - prev->x2 > 0.2 * size)
                    g_string_append_c(out, ' ');
            }
            g_string_append_unichar(out, g->c);
            last = g->c;
        }
        g_ptr_array_free(line, TRUE);
    }
    g_array_free(lines, TRUE);
    return g_string_free(out, FALSE);
}

double
slx_pdf_glyphs_confidence(const GPtrArray *glyphs)
{
    double sum = 0;
    for (guint i = 0; i < glyphs->len; i++)
        sum += ((const Glyph *)g_ptr_array_index(glyphs, i))->confidence;
    return glyphs->len ? sum / glyphs->len : 1;
}

/* Runs of text in LINE more than RUN_GAP glyph sizes apart. */
guint
slx_pdf_line_runs(const Line *line)
{
    guint runs = line->glyphs->len > 0;
    for (guint k = 1; k < line->glyphs->len; k++) {
        const Glyph *prev = g_ptr_array_index(line->glyphs, k - 1), *g = g_ptr_array_index(line->glyphs, k);
        if (g->x1 - prev->x2 > RUN_GAP * line->size)
            runs++;
    }
    return runs;
}
