/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pdf.h — what the files of the PDF reader share (not an interface: that
 * is read_pdf.h).
 *
 * Poppler's text order glues the cells of a table row together and
 * interleaves wrapped lines (research/pdf-tables.md §0), so a page is
 * rebuilt from geometry:
 *   1. ruling lines (rules.c): from the page's content stream (vector.c,
 *      with qpdf), or, for a page that cannot be read so, from a
 *      rendering (raster.c);
 *   2. every character with its box (glyphs.c); white text is dropped but
 *      on a dark backdrop;
 *   3. a page with no table rules may hold a table printed without
 *      borders: rules are put in the gaps between its columns and rows
 *      (borderless.c);
 *   4. the rules cut the page into bands and cells, and glyphs go into
 *      the cell they stand in (table.c);
 *   5. text outside the rules becomes paragraphs and headings (text.c);
 *      what comes back at the same height on other pages is the page's
 *      furniture (furniture.c).
 * A page without a text layer (a scan) is read by OCR instead of steps 1
 * and 2 (ocr.c): its rules from the image, its glyphs from Tesseract.
 * read.c runs these page by page. */
#ifndef SLX_PDF_H
#define SLX_PDF_H

#include "../document.h"
#include "../patterns.h"
#include "vector.h"

#include <poppler.h>

#define SAME_POS 1.5       /* points: rules this close are one */
#define MIN_H_RUN 15.0     /* points: longer than any glyph stroke */
#define MIN_V_RUN 12.0     /* points: longer than a glyph, shorter than a one-line cell */
#define RUN_GAP 0.6        /* glyph sizes: a wider gap in a line parts two runs of text (cells) */

typedef SlxRule Rule;      /* vector.h */

typedef struct {
    gunichar c;
    double x1, y1, x2, y2;
    gboolean space_before; /* Poppler put a word break before it */
    double font_size;      /* as the text layer states it */
    gboolean bold;         /* its font's name says Bold, Heavy or Black */
    double confidence;     /* OCR's confidence in its word, 0–1; 1 from a text layer */
} Glyph;

/* A visual line: glyphs whose centres lie within a fraction of the glyph
 * size of each other, left to right. */
typedef struct {
    double mid, size;      /* vertical centre of the first glyph; the widest glyph */
    GPtrArray *glyphs;     /* Glyph * */
} Line;

/* What lies under the text: the dark filled areas the content draws, or
 * the rendering.  White text on a dark area (a vendor's header row) is
 * meant to be read; white text elsewhere is hidden. */
typedef struct {
    GArray *fills;             /* SlxRect */
    cairo_surface_t *raster;   /* at SLX_PDF_SCALE, when the page was rendered */
} Backdrop;

/* A block of the page and where it stands, for putting the page's blocks
 * in reading order. */
typedef struct {
    double top;
    SlxBlock *block;
    gboolean outside;      /* text outside the table: may be furniture */
    double heading_size;   /* a heading's font size: its level is set once all pages are read */
} PdfBlock;

#define SLX_PDF_SCALE 2.0  /* raster pixels per point */

/* raster.c */
gboolean slx_pdf_pixel_dark(const guint8 *p);
cairo_surface_t *slx_pdf_render(PopplerPage *page, int w, int h, double scale);
cairo_surface_t *slx_pdf_render_rules(PopplerPage *page, GArray **hrules, GArray **vrules);
void slx_pdf_raster_rules(const guint8 *px, int stride, int w, int h, double scale, GArray **hrules,
                          GArray **vrules);

/* rules.c */
GArray *slx_pdf_merge_rules(GArray *runs);
/* How many rules of OTHERS (the other direction) R meets or crosses. */
guint slx_pdf_rule_crossings(const Rule *r, const GArray *others);
/* Drop from H and V the light rules that meet fewer than two
 * perpendicular ones: no part of a grid (an underline, a highlight). */
void slx_pdf_rules_light_in_grid(GArray *h, GArray *v);
gboolean slx_pdf_page_rules(PopplerPage *page, SlxPdfRules *vector, guint index,
                            GArray **hrules, GArray **vrules, Backdrop *backdrop);

/* glyphs.c */
void slx_pdf_backdrop_clear(Backdrop *b);
GArray *slx_pdf_page_glyphs(PopplerPage *page, const Backdrop *backdrop);
GArray *slx_pdf_visual_lines(GPtrArray *glyphs);
double slx_pdf_line_left(const Line *line);
double slx_pdf_line_right(const Line *line);
guint slx_pdf_line_runs(const Line *line);
void slx_pdf_lines_free(GArray *lines);
char *slx_pdf_assemble(GPtrArray *glyphs);
/* The mean confidence of GLYPHS (Glyph *): 1 for none. */
double slx_pdf_glyphs_confidence(const GPtrArray *glyphs);

/* borderless.c */
void slx_pdf_infer_rules(GArray *glyphs, GArray *columns, GArray *hr, GArray *vr);

/* table.c */
/* Doubles in ascending order, for g_array_sort; here, not in table.c, as
 * the OCR module (ocr.c) sorts with it too and sees nothing of the PDF
 * module's. */
static inline gint
slx_pdf_by_double(gconstpointer a, gconstpointer b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}
void slx_pdf_page_rows(GArray *glyphs, GArray *hr, GArray *vr, GArray *columns, guint page,
                       GArray *blocks);

/* text.c */
void slx_pdf_text_blocks(GPtrArray *outside, double page_right, const GArray *glyphs,
                         guint page, GArray *blocks);

/* text.c: the level of each heading of HEADINGS (PdfBlock, from every
 * page), by the rank of its font size among the document's headings. */
void slx_pdf_heading_levels(GArray *headings);

/* OCR.  ocr.c is a module of its own, slaxtract-ocr.so, that ocr_load.c
 * loads when a page first needs it (ocr_none.c stands in without
 * Tesseract): Tesseract and the libraries it brings (libcurl, GnuTLS,
 * Kerberos, LDAP: some thirty) had taken a third of every start, 9 of
 * 28 ms, for the few documents that are scans.  The module exports its
 * entry points as one table, SLX_PDF_OCR_ENGINE; what it needs of the PDF
 * reader (rendering, rules: in the module slaxtract-pdf.so, whose symbols
 * no other module sees) it is handed at open, as an SlxPdfOcrHost. */
typedef struct {
    cairo_surface_t *(*render)(PopplerPage *page, int width, int height, double scale);
    void (*raster_rules)(const guint8 *bgrx, int stride, int width, int height, double scale,
                         GArray **hr, GArray **vr);
    void (*rules_light_in_grid)(GArray *hr, GArray *vr);
} SlxPdfOcrHost;
typedef struct SlxPdfOcrReader SlxPdfOcrReader;
typedef struct {
    const char *(*version)(void);
    SlxPdfOcrReader *(*open)(const char *langs, const SlxPdfOcrHost *host, GError **error);
    void (*close)(SlxPdfOcrReader *reader);
    gboolean (*page)(SlxPdfOcrReader *reader, PopplerPage *page, const GPtrArray *fixes,
                     GArray **glyphs, GArray **hrules, GArray **vrules, GError **error);
} SlxPdfOcrEngine;
#define SLX_PDF_OCR_ENGINE "slx_pdf_ocr_engine"

/* ocr_load.c (ocr_none.c without Tesseract) */
/* Tesseract's version (NULL if OCR is not built in, or cannot start):
 * what slx_pdf_ocr_version (read_pdf.h) says. */
const char *slx_pdf_ocr_engine_version(void);
typedef struct SlxPdfOcr SlxPdfOcr;
/* Tesseract for LANGS ("jpn+eng"); NULL with ERROR (SLX_ERROR_OCR) if it
 * cannot start: no module, no language data, or OCR not built in. */
SlxPdfOcr *slx_pdf_ocr_new(const char *langs, GError **error);
void slx_pdf_ocr_free(SlxPdfOcr *ocr);
/* PAGE read by OCR: its GLYPHS (each with its word's confidence) and
 * rules, in points of the page turned straight, each word put right by
 * FIXES (SlxOcrFix *). */
gboolean slx_pdf_ocr_page(SlxPdfOcr *ocr, PopplerPage *page, const GPtrArray *fixes,
                          GArray **glyphs, GArray **hrules, GArray **vrules, GError **error);

/* ocr_words.c */
char *slx_pdf_ocr_fix_word(const GPtrArray *fixes, const char *word);
void slx_pdf_ocr_word_glyphs(const char *text, const GArray *symbols, double word_mid,
                             double height, double font_size, double space_gap,
                             gboolean line_start, double confidence, GArray *glyphs);
void slx_pdf_ocr_glyphs_within_rules(GArray *glyphs, const GArray *vrules);

/* furniture.c */
void slx_pdf_note_furniture(GHashTable *furniture, SlxBlock *block, double top);
void slx_pdf_drop_furniture(GHashTable *furniture, SlxDocument *doc);

#endif
