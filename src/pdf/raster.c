/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raster.c — ruling lines seen in a rendering of a page, for pages whose
 * content stream vector.c cannot read (research/pdf-tables.md §2): long
 * runs of dark pixels, a filled area's inside left out. */
#include "pdf.h"

#include <math.h>
#include <string.h>

/* The largest rendering: cairo cannot make an image side over 32767 px,
 * and a 14000-pt page at SCALE would take 3 GB.  A page larger than this
 * is read without its ruling lines (as a table without borders). */
#define MAX_RENDER_SIDE 16384
#define MAX_RENDER_PIXELS (32.0 * 1024 * 1024)
#define THICK_POINTS 1.5   /* dark this far on both sides is inside an area, not on a line */
#define SCALE SLX_PDF_SCALE

/* Whether the BGRx pixel P is dark enough to be part of a rule. */
gboolean
slx_pdf_pixel_dark(const guint8 *p)
{
    return p[0] + p[1] + p[2] < 3 * SLX_PDF_DARK;
}

/* The first x from X on (and before W) whose flag is set, or W.  Most of a
 * page is white, so the flags are skipped a word of eight at a time; the
 * rows are padded so that a word can be read from any x < W. */
static int
raster_next_set(const guint8 *flags, int x, int w)
{
    while (x < w) {
        guint64 word;
        memcpy(&word, flags + x, sizeof word);
        if (word == 0) {
            x += 8;
            continue;
        }
        while (!flags[x])
            x++;
        return MIN(x, w);
    }
    return w;
}

/* Runs of dark pixels along rows (horizontal rules) and along columns
 * (vertical ones), in one row-major pass.  A dark pixel in the middle of
 * a square of dark pixels THICK_POINTS wide on each side is inside a dark area (a
 * header row filled dark), not on a line, and does not count: only the
 * area's edges are lines, as in vector.c.  (A square, because crossing
 * rules and dense text make dark pixels above, below and beside a rule.)
 * The column runs change only where a pixel differs from its column's
 * open run, which on a mostly white page is rare, so only those places
 * are visited.  SCALE is pixels per point. */
static void
raster_scan(const guint8 *px, int stride, int w, int h, double scale, GArray *hruns, GArray *vruns)
{
    const int min_h = (int)(MIN_H_RUN * scale), min_v = (int)(MIN_V_RUN * scale);
    const int thick = MAX(1, (int)lround(THICK_POINTS * scale));
    /* Rows of flags: whole words with a white pixel past the end, and a
     * word more, since a word is read from any x < w. */
    const int padded = (w + 8) & ~7;
    const gsize row_len = (gsize)padded + 8;
    /* every pixel's darkness, with white rows above and below; and whether
     * the thick pixels on either side in its row are dark too */
    const int pad = thick + 1;
    guint8 *dark = g_new0(guint8, row_len * (gsize)(h + 2 * pad));
    guint8 *wide = g_new0(guint8, row_len * (gsize)(h + 2 * pad));
#define DARK_ROW(y) (dark + (gsize)((y) + pad) * row_len)
#define WIDE_ROW(y) (wide + (gsize)((y) + pad) * row_len)
    for (int y = 0; y < h; y++) {
        const guint8 *row = px + (gsize)y * (gsize)stride;
        guint8 *d = DARK_ROW(y), *wd = WIDE_ROW(y);
        for (int x = 0; x < w; x++) {       /* BGRx; white is the common case */
            const guint8 *p = row + (gsize)x * 4;
            guint32 pixel;
            memcpy(&pixel, p, sizeof pixel);
            d[x] = (pixel & 0xFFFFFFu) != 0xFFFFFFu && slx_pdf_pixel_dark(p);
        }
        int count = 0;                      /* dark pixels in x-thick..x+thick */
        for (int x = 0; x < w + thick; x++) {
            count += (x < w ? d[x] : 0) - (x > 2 * thick ? d[x - 2 * thick - 1] : 0);
            if (x >= thick)
                wd[x - thick] = count == 2 * thick + 1;
        }
    }
    guint8 *line = g_new0(guint8, row_len);    /* dark, not inside an area */
    int *square = g_new0(int, w);              /* wide pixels in y-thick..y+thick */
    for (int y = -thick; y < thick; y++)       /* the window for row 0, less its bottom row */
        for (int x = 0; x < w; x++)
            square[x] += WIDE_ROW(y)[x];
    guint8 *open = g_new0(guint8, row_len);    /* a column's run is open */
    guint8 *change = g_new0(guint8, row_len);
    int *col_start = g_new(int, w);            /* where each open run began */
    for (int y = 0; y <= h; y++) {
        if (y < h) {
            const guint8 *d = DARK_ROW(y), *enter = WIDE_ROW(y + thick);
            const guint8 *leave = WIDE_ROW(y - thick - 1);
            for (int x = 0; x < w; x++) {
                square[x] += enter[x] - leave[x];
                line[x] = d[x] && square[x] < 2 * thick + 1;
            }
        } else {                             /* a white row closes every run */
            memset(line, 0, row_len);
        }
        for (int x = 0; x < padded; x += 8) {
            guint64 a, b;
            memcpy(&a, line + x, sizeof a);
            memcpy(&b, open + x, sizeof b);
            a ^= b;
            memcpy(change + x, &a, sizeof a);
        }
        /* horizontal runs */
        for (int x = raster_next_set(line, 0, w); x < w; x = raster_next_set(line, x, w)) {
            int start = x;
            while (line[x])                  /* line[w] is 0 */
                x++;
            if (x - start >= min_h) {
                Rule r = {(y + 0.5) / scale, start / scale, x / scale, FALSE};
                g_array_append_val(hruns, r);
            }
        }
        /* vertical runs: open where a column turns dark, close where it
         * turns light */
        for (int x = raster_next_set(change, 0, w); x < w; x = raster_next_set(change, x + 1, w)) {
            if (line[x]) {
                col_start[x] = y;
                open[x] = 1;
            } else {
                if (y - col_start[x] >= min_v) {
                    Rule r = {(x + 0.5) / scale, col_start[x] / scale, y / scale, FALSE};
                    g_array_append_val(vruns, r);
                }
                open[x] = 0;
            }
        }
    }
#undef DARK_ROW
#undef WIDE_ROW
    g_free(dark);
    g_free(wide);
    g_free(square);
    g_free(line);
    g_free(open);
    g_free(change);
    g_free(col_start);
}

/* PAGE drawn on white into a W × H image at SCALE pixels a point (BGRx),
 * or NULL if cairo cannot make the image. */
cairo_surface_t *
slx_pdf_render(PopplerPage *page, int w, int h, double scale)
{
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(s);
        return NULL;
    }
    cairo_t *cr = cairo_create(s);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, scale, scale);
    poppler_page_render(page, cr);
    cairo_destroy(cr);
    cairo_surface_flush(s);
    return s;
}

/* Rules seen in a rendering of the page: for pages whose content stream
 * vector.c cannot read.  Returns the rendering (the backdrop of the
 * text). */
cairo_surface_t *
slx_pdf_render_rules(PopplerPage *page, GArray **hrules, GArray **vrules)
{
    double pw, ph;
    poppler_page_get_size(page, &pw, &ph);
    double fw = ceil(pw * SCALE), fh = ceil(ph * SCALE);
    cairo_surface_t *s = NULL;
    if (fw >= 1 && fh >= 1 && fw <= MAX_RENDER_SIDE && fh <= MAX_RENDER_SIDE &&
        fw * fh <= MAX_RENDER_PIXELS)
        s = slx_pdf_render(page, (int)fw, (int)fh, SCALE);
    if (s == NULL) {
        /* Too large to render (or cairo could not): no rules, no raster. */
        *hrules = g_array_new(FALSE, FALSE, sizeof(Rule));
        *vrules = g_array_new(FALSE, FALSE, sizeof(Rule));
        return NULL;
    }
    int w = (int)fw, h = (int)fh;

    const guint8 *px = cairo_image_surface_get_data(s);
    int stride = cairo_image_surface_get_stride(s);
    slx_pdf_raster_rules(px, stride, w, h, SCALE, hrules, vrules);
    return s;
}

/* Rules in the BGRx image PX (W × H pixels, SCALE pixels a point), in
 * points: for a rendering of a page, or a scan (ocr.c). */
void
slx_pdf_raster_rules(const guint8 *px, int stride, int w, int h, double scale, GArray **hrules,
                     GArray **vrules)
{
    GArray *hruns = g_array_new(FALSE, FALSE, sizeof(Rule));
    GArray *vruns = g_array_new(FALSE, FALSE, sizeof(Rule));
    raster_scan(px, stride, w, h, scale, hruns, vruns);
    *hrules = slx_pdf_merge_rules(hruns);
    *vrules = slx_pdf_merge_rules(vruns);
}
