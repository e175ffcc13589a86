/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vector.h — ruling lines of PDF pages, read from their content streams. */
#ifndef SLX_PDF_VECTOR_H
#define SLX_PDF_VECTOR_H

#include <glib.h>

/* A horizontal rule (POS is its y, FROM..TO its x extent) or a vertical
 * one (POS is x, FROM..TO y), in points, in Poppler's page coordinates:
 * from the crop box's top left corner, y growing downwards. */
typedef struct {
    double pos;
    double from, to;
    gboolean light;    /* drawn in a light colour: a rule only where it is part of a grid */
} SlxRule;

/* An area in the same coordinates: X1 < X2, Y1 < Y2. */
typedef struct {
    double x1, y1, x2, y2;
} SlxRect;

/* A colour darker than this on average (0–255) draws a rule; the raster
 * scan in raster.c judges pixels by the same bound.  A colour lighter than
 * that but darker than SLX_PDF_VISIBLE (gray hairlines, #BFBFBF) draws a
 * light rule, which rules.c keeps only where it is part of a grid. */
#define SLX_PDF_DARK 200
#define SLX_PDF_VISIBLE 246

typedef struct SlxPdfRules SlxPdfRules;

/* Open the PDF in BYTES (which must outlive the handle) for its vector
 * paths.  NULL when qpdf cannot read it; the caller then finds rules
 * another way (raster.c renders the page). */
SlxPdfRules *slx_pdf_rules_open(const guint8 *bytes, gsize len, const char *password);
void slx_pdf_rules_close(SlxPdfRules *doc);
guint slx_pdf_rules_pages(const SlxPdfRules *doc);
/* Did the last slx_pdf_rules_page() fail because the page's drawing (its
 * content and forms) decodes to more than any table page's would — a
 * decompression bomb?  Such a page is not worth Poppler's time either. */
gboolean slx_pdf_rules_over_budget(const SlxPdfRules *doc);

/* Append to HRULES and VRULES (GArrays of SlxRule) the straight,
 * axis-parallel pieces of every visible stroke on page INDEX (0-based),
 * the thin visible filled rectangles as their middle line (light ones
 * marked so), and the sides of larger dark ones; to FILLS (SlxRect; may be NULL) those larger dark
 * rectangles themselves (a dark header row, on which white text is
 * meant to be read).  Pieces are not joined or filtered by length.  WIDTH
 * and HEIGHT are the page's size as Poppler reports it (turned with the
 * page's /Rotate); FALSE (and nothing appended) when the page cannot be
 * read this way: content under a filter other than Flate or that inflates
 * past 16 MiB, a /Rotate that is not a multiple of 90, a size that
 * disagrees with Poppler's. */
gboolean slx_pdf_rules_page(SlxPdfRules *doc, guint index, double width, double height,
                            GArray *hrules, GArray *vrules, GArray *fills);

/* The same for a bare content stream CONTENT with no resources, on a page
 * whose crop box has its top left corner at (X0, TOP) in PDF user space:
 * the interpreter alone, for tests. */
void slx_pdf_rules_from_content(const char *content, gsize len, double x0, double top,
                                GArray *hrules, GArray *vrules, GArray *fills);

#endif
