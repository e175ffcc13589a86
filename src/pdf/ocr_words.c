/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ocr_words.c — what OCR misreads, put right in each word it recognizes
 * (the [ocr fix …] groups of patterns/ocr.ini), and the glyphs of a word:
 * the boxes OCR gives are the ink of each character, which the table
 * builder reads as it reads a text layer's boxes.  Apart from Tesseract,
 * so that it is tested wherever slaxtract builds. */
#include "pdf.h"

#include <string.h>

/* A fix is applied until the word no longer changes (「1OO」 needs two
 * passes: each O is seen beside a digit only once the one before it is
 * one), but never more than this. */
#define OCR_FIX_PASSES 8
#define OCR_RULE_CLEARANCE 0.2   /* points between a glyph and the rule beside it */
#define OCR_WORD_GAP 1.0         /* of the line's height: a gap that parts the digits of a word */
#define OCR_INKED 0.5            /* of the line's height: a character's ink that gives its centre */

char *
slx_pdf_ocr_fix_word(const GPtrArray *fixes, const char *word)
{
    char *w = g_strdup(word);
    for (guint i = 0; fixes && i < fixes->len; i++) {
        const SlxOcrFix *f = g_ptr_array_index(fixes, i);
        for (int pass = 0; pass < OCR_FIX_PASSES; pass++) {
            char *next = g_regex_replace(f->match, w, -1, 0, f->replace, 0, NULL);
            if (next == NULL || strcmp(next, w) == 0) {
                g_free(next);
                break;
            }
            g_free(w);
            w = next;
        }
    }
    return w;
}

/* A and B side by side with no gap between them, as a text layer's boxes
 * are (advances, not ink): the gap, or the overlap, is split between
 * them.  Boxes out of order (OCR's boxes of one word can overlap) are
 * left as they are; a box never ends before it starts. */
static void
ocr_abut(Glyph *a, Glyph *b)
{
    if (b->x1 <= a->x1 || b->x2 <= a->x2)
        return;
    double mid = CLAMP((a->x2 + b->x1) / 2, (a->x1 + a->x2) / 2, (b->x1 + b->x2) / 2);
    a->x2 = mid;
    b->x1 = mid;
}

/* The glyphs of one recognized word into GLYPHS.  TEXT is the word as
 * fixed; SYMBOLS (SlxRect, in points) the ink boxes of the characters OCR
 * read, in order.  When the fix kept the number of characters, each gets
 * its own box; otherwise (「96」 made 「%」) the word's box is shared out
 * evenly.  Every glyph is HEIGHT tall, as a text layer's are its font's
 * height, about the centre of its own ink: the word's box can be taller
 * than its line (OCR joins rows of a tight table into one word's box), a
 * character's ink cannot.  A character with little ink (「ー」, 「。」)
 * takes the centre of the one before it, or WORD_MID.  The boxes abut
 * where they are less than SPACE_GAP apart, within the word and with the
 * glyph before (unless LINE_START): OCR parts 「90」 into two words, and
 * puts words of two cells into one, so only a wide gap is a space, and
 * the table builder sees spaces where a text layer has them.  A lone
 * glyph is at least half as wide as it is tall (the ink of 「1」 is a
 * sliver).  Each glyph carries the word's CONFIDENCE. */
void
slx_pdf_ocr_word_glyphs(const char *text, const GArray *symbols, double word_mid, double height,
                        double font_size, double space_gap, gboolean line_start, double confidence,
                        GArray *glyphs)
{
    glong n = g_utf8_strlen(text, -1);
    if (n == 0 || symbols->len == 0)
        return;
    const SlxRect *first = &g_array_index(symbols, SlxRect, 0);
    const SlxRect *last = &g_array_index(symbols, SlxRect, symbols->len - 1);
    double left = first->x1, right = last->x2;
    gboolean own = (guint)n == symbols->len;
    double min_width = height / 2, mid = word_mid;
    guint start = glyphs->len;
    const char *p = text;
    for (glong i = 0; i < n; i++, p = g_utf8_next_char(p)) {
        double x1, x2;
        if (own) {
            const SlxRect *r = &g_array_index(symbols, SlxRect, i);
            x1 = r->x1;
            x2 = r->x2;
            if (r->y2 - r->y1 >= height * OCR_INKED)
                mid = (r->y1 + r->y2) / 2;
        } else {
            x1 = left + (right - left) * (double)i / (double)n;
            x2 = left + (right - left) * (double)(i + 1) / (double)n;
        }
        if (x2 - x1 < min_width) {
            double centre = (x1 + x2) / 2;
            x1 = centre - min_width / 2;
            x2 = centre + min_width / 2;
        }
        Glyph g = {g_utf8_get_char(p), x1, mid - height / 2, x2, mid + height / 2, FALSE,
                   font_size, FALSE, confidence};
        g_array_append_val(glyphs, g);
    }
    for (guint i = line_start ? start + 1 : MAX(start, 1); i < glyphs->len; i++) {
        Glyph *a = &g_array_index(glyphs, Glyph, i - 1), *b = &g_array_index(glyphs, Glyph, i);
        /* Digits of one word part only at a gap as wide as a character
         * (「500」 is inked unevenly); anything else at SPACE_GAP, even
         * within a word: OCR reads the words of two cells as one. */
        gboolean digits = i > start && g_unichar_isdigit(a->c) && g_unichar_isdigit(b->c);
        double gap = digits ? OCR_WORD_GAP * height : space_gap;
        if (b->x1 - a->x2 > gap)
            b->space_before = TRUE;
        else
            ocr_abut(a, b);
    }
}

/* No glyph of GLYPHS across a vertical rule of VRULES: the gap between
 * two cells' words was split between them, and a glyph across a rule
 * would make the two cells one (table.c).  Each keeps to its own side. */
void
slx_pdf_ocr_glyphs_within_rules(GArray *glyphs, const GArray *vrules)
{
    for (guint i = 0; i < glyphs->len; i++) {
        Glyph *g = &g_array_index(glyphs, Glyph, i);
        double mid_x = (g->x1 + g->x2) / 2, mid_y = (g->y1 + g->y2) / 2;
        for (guint k = 0; k < vrules->len; k++) {
            const Rule *r = &g_array_index(vrules, Rule, k);
            if (r->pos <= g->x1 || r->pos >= g->x2 || mid_y < r->from || mid_y > r->to)
                continue;
            if (mid_x < r->pos)
                g->x2 = r->pos - OCR_RULE_CLEARANCE;
            else
                g->x1 = r->pos + OCR_RULE_CLEARANCE;
        }
    }
}
