/* SPDX-License-Identifier: GPL-3.0-or-later */
/* read_text.c — text exports (TSV, pipe tables, markdown, plain lines) → blocks.
 *
 * Vendors' text exports come from Excel ("Text (tab-delimited)"), from
 * copy-paste into markdown or from a spreadsheet viewer (`7 | 1 | 可用性`),
 * or from web pages and e-mails saved as text.  This file only splits and
 * cleans, and says what the text format itself says: a table row, a
 * markdown heading, a bulleted line, an indented line.  Deciding what a block means is segment.c's job. */
#include "read_text.h"

#include <string.h>

typedef enum { LAYOUT_PLAIN, LAYOUT_TSV, LAYOUT_PIPE } Layout;

/* The unescaped | of a line. */
static guint
text_count_pipes(const char *p, const char *eol)
{
    guint n = 0;
    for (const char *q = p; q < eol; q++)
        if (*q == '|' && (q == p || q[-1] != '\\'))
            n++;
    return n;
}

/* The layout with the most lines wins.  A line without tabs reads the same
 * in TSV as in plain text (one cell), so one tab line is enough for TSV. */
static Layout
detect_layout(const char *text, gsize len)
{
    guint tabs = 0, pipes = 0;
    const char *end = text + len;
    for (const char *line = text; line < end;) {
        const char *nl = memchr(line, '\n', (gsize)(end - line));
        const char *eol = nl ? nl : end;
        const char *p = line;
        while (p < eol && (*p == ' ' || *p == '\r'))
            p++;
        if (p < eol && (*p == '|' || text_count_pipes(p, eol) >= 2))
            pipes++;
        else if (memchr(line, '\t', (gsize)(eol - line)) != NULL)
            tabs++;
        line = nl ? nl + 1 : end;
    }
    if (tabs > 0 && tabs >= pipes)
        return LAYOUT_TSV;
    if (pipes >= 2)
        return LAYOUT_PIPE;
    return LAYOUT_PLAIN;
}

static const struct { const char *name; const char *text; } entities[] = {
    {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"},
    {"nbsp", " "}, {"ensp", " "}, {"emsp", " "}, {"yen", "¥"}, {"copy", "©"},
};

/* Tags that end a line inside a cell: they become a space. */
static gboolean
is_break_tag(const char *name, gsize n)
{
    static const char *const breaks[] = {"br", "p", "li", "ul", "ol", "div", "tr", "td", "th", "dd", "dt"};
    for (gsize i = 0; i < G_N_ELEMENTS(breaks); i++)
        if (strlen(breaks[i]) == n && g_ascii_strncasecmp(name, breaks[i], n) == 0)
            return TRUE;
    return FALSE;
}

/* If P starts an HTML tag (<b>, </li>, <ul style="…">, <br/>), return its
 * length and whether it breaks a line.  Anything else is text: 「<5分」. */
static gsize
tag_length(const char *p, const char *end, gboolean *breaks)
{
    const char *q = p + 1;
    if (q < end && *q == '/')
        q++;
    const char *name = q;
    while (q < end && g_ascii_isalnum(*q))
        q++;
    gsize n = (gsize)(q - name);
    if (n == 0 || !g_ascii_isalpha(*name))
        return 0;
    if (q < end && *q != '>' && *q != ' ' && *q != '/')
        return 0;
    const char *close = memchr(q, '>', (gsize)(end - q));
    if (close == NULL || memchr(q, '<', (gsize)(close - q)) != NULL)
        return 0;
    *breaks = is_break_tag(name, n);
    return (gsize)(close - p) + 1;
}

char *
slx_clean_cell(const char *cell, gsize len)
{
    GString *out = g_string_sized_new(len);
    const char *end = cell + len;
    const char *p = cell;

    /* Markdown heading marks: "## Title" → "Title". */
    const char *h = p;
    while (h < end && *h == '#')
        h++;
    if (h > p && h - p <= 6 && h < end && *h == ' ')
        p = h + 1;

    while (p < end) {
        gboolean breaks = FALSE;
        gsize n;
        if (*p == '<' && (n = tag_length(p, end, &breaks)) > 0) {
            if (breaks)
                g_string_append_c(out, ' ');
            p += n;
        } else if (*p == '&') {
            const char *semi = memchr(p, ';', MIN((gsize)(end - p), 10));
            gboolean done = FALSE;
            if (semi && p[1] == '#') {
                gunichar c = (p[2] == 'x' || p[2] == 'X')
                                 ? (gunichar)g_ascii_strtoull(p + 3, NULL, 16)
                                 : (gunichar)g_ascii_strtoull(p + 2, NULL, 10);
                if (c > 0 && g_unichar_validate(c)) {
                    g_string_append_unichar(out, c);
                    p = semi + 1;
                    done = TRUE;
                }
            } else if (semi) {
                for (gsize i = 0; i < G_N_ELEMENTS(entities); i++) {
                    gsize el = strlen(entities[i].name);
                    if ((gsize)(semi - p - 1) == el && strncmp(p + 1, entities[i].name, el) == 0) {
                        g_string_append(out, entities[i].text);
                        p = semi + 1;
                        done = TRUE;
                        break;
                    }
                }
            }
            if (!done)
                g_string_append_c(out, *p++);
        } else if (*p == '\\' && p + 1 < end && strchr("\\`*_{}[]()#+-.!|~<>", p[1]) && p[1] != '\0') {
            g_string_append_c(out, p[1]);   /* markdown escape: \_ → _ */
            p += 2;
        } else if (*p == '*' && p + 1 < end && p[1] == '*') {
            p += 2;                          /* markdown bold: **有** → 有 */
        } else {
            g_string_append_c(out, *p++);
        }
    }
    return g_string_free(out, FALSE);
}

static void
take_cell(SlxBlock *row, const char *s, gsize n)
{
    slx_block_take_cell(row, g_strstrip(slx_clean_cell(s, n)));
}

/* Excel's tab-separated export: a cell that starts with " runs to the next
 * lone " and may hold tabs and line breaks ("" is a quote).  A " that is
 * not closed before the end of the data is an ordinary character. */
static void
read_tsv(const char *text, gsize len, SlxDocument *grid)
{
    const char *end = text + len;
    const char *p = text;
    guint line = 1;

    while (p < end) {
        SlxBlock *row = slx_document_add_row(grid, line, 0);
        for (;;) {
            GString *cell = g_string_new(NULL);
            if (p < end && *p == '"') {
                const char *q = p + 1;
                gboolean closed = FALSE;
                guint lines = 0;
                GString *quoted = g_string_new(NULL);
                while (q < end) {
                    if (*q == '"' && q + 1 < end && q[1] == '"') {
                        g_string_append_c(quoted, '"');
                        q += 2;
                    } else if (*q == '"') {
                        closed = TRUE;
                        q++;
                        break;
                    } else {
                        if (*q == '\n')
                            lines++;
                        if (*q != '\r')
                            g_string_append_c(quoted, *q);
                        q++;
                    }
                }
                if (closed && (q >= end || *q == '\t' || *q == '\n' || *q == '\r')) {
                    g_string_append_len(cell, quoted->str, quoted->len);
                    p = q;
                    line += lines;
                }
                g_string_free(quoted, TRUE);
            }
            while (p < end && *p != '\t' && *p != '\n') {
                if (*p != '\r')
                    g_string_append_c(cell, *p);
                p++;
            }
            take_cell(row, cell->str, cell->len);
            g_string_free(cell, TRUE);
            if (p < end && *p == '\t') {
                p++;
                continue;
            }
            break;
        }
        if (p < end && *p == '\n') {
            p++;
            line++;
        }
    }
}

static gboolean
is_pipe_separator(const char *s, gsize n)
{
    gboolean dash = FALSE;
    for (gsize i = 0; i < n; i++) {
        if (s[i] == '-')
            dash = TRUE;
        else if (!strchr("|: \t\r", s[i]))
            return FALSE;
    }
    return dash;
}

/* The bullets of plain text and markdown, each followed by a space or not. */
static const char *const text_bullets[] = {"- ", "* ", "+ ", "・", "•", "‣", "◦", "･", NULL};

/* A plain line: a markdown heading, a bulleted line, or a paragraph line. */
static void
text_add_line(SlxDocument *doc, const char *s, const char *eol, guint line)
{
    guint indent = 0;
    while (s < eol && (*s == ' ' || *s == '\t' || (eol - s >= 3 && memcmp(s, "\xe3\x80\x80", 3) == 0))) {
        s += *s == ' ' || *s == '\t' ? 1 : 3;
        indent++;
    }
    SlxBlockKind kind = SLX_BLOCK_PARAGRAPH;
    guint level = 0;
    const char *h = s;
    while (h < eol && *h == '#')
        h++;
    if (h > s && h - s <= 6 && h < eol && *h == ' ') {
        kind = SLX_BLOCK_HEADING;
        level = (guint)(h - s);
        s = h + 1;
    } else {
        /* 「- 3 -」 is how a page number is printed, not a bulleted 「3 -」. */
        const char *e = eol;
        while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
            e--;
        gboolean page_number = e - s >= 3 && *s == '-' && e[-1] == '-' && e[-2] == ' ';
        for (const char *const *b = text_bullets; *b && !page_number; b++) {
            gsize n = strlen(*b);
            if ((gsize)(eol - s) > n && memcmp(s, *b, n) == 0) {
                kind = SLX_BLOCK_LIST_ITEM;
                s += n;
                break;
            }
        }
    }
    SlxBlock *b = slx_document_add_text(doc, kind, g_strstrip(slx_clean_cell(s, (gsize)(eol - s))),
                                        line);
    b->level = level;
    b->indent = indent;
}

/* A table row of a pipe table: `| a | b |`, or `a | b | c` without the
 * outer bars (a sheet copied from a viewer).  S is the first non-blank
 * character of the line at LINE_START.  A bar that opens the line is an
 * outer bar when one closes it too, or when nothing is before it; after
 * blanks, and with none closing, it ends an empty first cell (the corner
 * of a viewer's frame, `   | A | B`).  A closing bar is an outer bar only
 * after an opening one: `6 | 5 | 99.95% |` ends with an empty cell. */
static void
text_add_pipe_row(SlxDocument *doc, const char *line_start, const char *s, const char *eol,
                  guint line)
{
    SlxBlock *row = slx_document_add_row(doc, line, 0);
    const char *e = eol;
    while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
        e--;
    gboolean opened = s < e && *s == '|';
    gboolean closed = e > s + 1 && e[-1] == '|' && e[-2] != '\\';
    if (opened && (closed || s == line_start))
        s++;
    else if (opened)
        s = line_start;
    /* A closing bar without an opening one ends an empty last cell. */
    if (closed && opened)
        e--;
    const char *cell = s;
    for (const char *q = cell; q <= e; q++) {
        if (q == e || (*q == '|' && (q == s || q[-1] != '\\'))) {
            take_cell(row, cell, (gsize)(q - cell));
            cell = q + 1;
        }
    }
}

static void
read_lines(const char *text, gsize len, Layout layout, SlxDocument *doc)
{
    const char *end = text + len;
    guint line = 0;
    for (const char *p = text; p < end;) {
        const char *nl = memchr(p, '\n', (gsize)(end - p));
        const char *eol = nl ? nl : end;
        line++;
        if (eol > p && eol[-1] == '\r')
            eol--;
        const char *s = p;
        while (s < eol && (*s == ' ' || *s == '\t'))
            s++;
        if (s == eol) {
            /* a blank line says nothing a block does not */
        } else if (layout == LAYOUT_PIPE && text_count_pipes(s, eol) > 0) {
            if (!is_pipe_separator(s, (gsize)(eol - s)))
                text_add_pipe_row(doc, p, s, eol, line);
        } else {
            text_add_line(doc, p, eol, line);
        }
        p = nl ? nl + 1 : end;
    }
}

SlxDocument *
slx_read_text(const char *text, gsize len)
{
    SlxDocument *grid = slx_document_new();
    Layout layout = detect_layout(text, len);
    if (layout == LAYOUT_TSV)
        read_tsv(text, len, grid);
    else
        read_lines(text, len, layout, grid);
    return grid;
}
