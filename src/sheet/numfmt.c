/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sheet/numfmt.c — a number as a workbook's number format shows it.
 *
 * A format code is up to four sections (positive; negative; zero; text),
 * each a run of tokens: digit placeholders (0 # ?), the point, grouping
 * and scaling commas, percent, an exponent, date and time parts, and
 * literals ("…", \c, [$¥-411], and every other character).  The code is
 * tokenized once and the tokens rendered; what is not supported (fractions
 * such as "# ?/?") is shown as General, which is never wrong about the
 * figure.  ECMA-376 Part 1 §18.8.31 describes the syntax. */
#include "sheet/numfmt.h"

#include <float.h>
#include <math.h>
#include <string.h>

typedef enum {
    NUMFMT_LITERAL, NUMFMT_DIGIT, NUMFMT_POINT, NUMFMT_COMMA, NUMFMT_PERCENT, NUMFMT_EXPONENT,
    NUMFMT_DATE, NUMFMT_GENERAL, NUMFMT_TEXT,
} NumfmtKind;

typedef struct {
    NumfmtKind kind;
    char *text;      /* LITERAL: the text; DATE: the part, lower-case ("yyyy", "[h]", "ampm");
                        DIGIT: the placeholder; EXPONENT: its sign */
} NumfmtToken;

typedef struct {
    GArray *tokens;  /* NumfmtToken */
    char op[3];      /* a condition ("<", ">=" …), "" if none */
    double bound;
} NumfmtSection;

/* ---- built-in formats ------------------------------------------------ */

static const struct {
    guint id;
    const char *code;
} numfmt_builtins[] = {
    {0, "General"}, {1, "0"}, {2, "0.00"}, {3, "#,##0"}, {4, "#,##0.00"},
    {5, "\"¥\"#,##0;\"¥\"\\-#,##0"}, {6, "\"¥\"#,##0;[Red]\"¥\"\\-#,##0"},
    {7, "\"¥\"#,##0.00;\"¥\"\\-#,##0.00"}, {8, "\"¥\"#,##0.00;[Red]\"¥\"\\-#,##0.00"},
    {9, "0%"}, {10, "0.00%"}, {11, "0.00E+00"}, {12, "# ?/?"}, {13, "# ?\?/?\?"},
    {14, "yyyy/m/d"}, {15, "d-mmm-yy"}, {16, "d-mmm"}, {17, "mmm-yy"}, {18, "h:mm AM/PM"},
    {19, "h:mm:ss AM/PM"}, {20, "h:mm"}, {21, "h:mm:ss"}, {22, "yyyy/m/d h:mm"},
    {27, "[$-411]ge.m.d"}, {28, "[$-411]ggge\"年\"m\"月\"d\"日\""},
    {29, "[$-411]ggge\"年\"m\"月\"d\"日\""}, {30, "m/d/yy"}, {31, "yyyy\"年\"m\"月\"d\"日\""},
    {32, "h\"時\"mm\"分\""}, {33, "h\"時\"mm\"分\"ss\"秒\""}, {34, "yyyy\"年\"m\"月\""},
    {35, "m\"月\"d\"日\""}, {36, "[$-411]ge.m.d"}, {37, "#,##0 ;(#,##0)"},
    {38, "#,##0 ;[Red](#,##0)"}, {39, "#,##0.00;(#,##0.00)"}, {40, "#,##0.00;[Red](#,##0.00)"},
    {45, "mm:ss"}, {46, "[h]:mm:ss"}, {47, "mmss.0"}, {48, "##0.0E+0"}, {49, "@"},
    {50, "[$-411]ge.m.d"}, {51, "[$-411]ggge\"年\"m\"月\"d\"日\""}, {52, "yyyy\"年\"m\"月\""},
    {53, "m\"月\"d\"日\""}, {54, "[$-411]ggge\"年\"m\"月\"d\"日\""}, {55, "yyyy\"年\"m\"月\""},
    {56, "m\"月\"d\"日\""}, {57, "[$-411]ge.m.d"}, {58, "[$-411]ggge\"年\"m\"月\"d\"日\""},
};

const char *
slx_numfmt_builtin(guint id)
{
    for (gsize i = 0; i < G_N_ELEMENTS(numfmt_builtins); i++)
        if (numfmt_builtins[i].id == id)
            return numfmt_builtins[i].code;
    return NULL;
}

/* ---- tokenizing ------------------------------------------------------ */

static void
numfmt_token_clear(gpointer p)
{
    g_free(((NumfmtToken *)p)->text);
}

static void
numfmt_add(NumfmtSection *s, NumfmtKind kind, char *text)
{
    NumfmtToken t = {kind, text};
    g_array_append_val(s->tokens, t);
}

/* Append literal TEXT, joined to a literal just before it. */
static void
numfmt_add_literal(NumfmtSection *s, const char *text, gssize len)
{
    gsize n = len < 0 ? strlen(text) : (gsize)len;
    if (s->tokens->len > 0) {
        NumfmtToken *last = &g_array_index(s->tokens, NumfmtToken, s->tokens->len - 1);
        if (last->kind == NUMFMT_LITERAL) {
            char *joined = g_strdup_printf("%s%.*s", last->text, (int)n, text);
            g_free(last->text);
            last->text = joined;
            return;
        }
    }
    numfmt_add(s, NUMFMT_LITERAL, g_strndup(text, n));
}

/* The bytes of the UTF-8 character at P (1 for a stray byte). */
static gsize
numfmt_char_len(const char *p)
{
    const char *next = g_utf8_find_next_char(p, NULL);
    return next && next > p ? (gsize)(next - p) : 1;
}

/* A bracketed part [CONTENT]: a condition, an elapsed time part, a
 * currency symbol, or a colour or locale that shows nothing. */
static void
numfmt_bracket(NumfmtSection *s, const char *content, gsize len)
{
    if (len > 0 && strchr("<>=", content[0])) {
        gsize k = 0;
        while (k < len && k < 2 && strchr("<>=", content[k]))
            s->op[k] = content[k], k++;
        s->op[k] = '\0';
        char *num = g_strndup(content + k, len - k);
        s->bound = g_ascii_strtod(num, NULL);
        g_free(num);
        return;
    }
    gboolean elapsed = len > 0;
    for (gsize k = 0; k < len; k++)
        elapsed = elapsed && g_ascii_tolower(content[k]) == g_ascii_tolower(content[0]) &&
                  strchr("hms", g_ascii_tolower(content[0]));
    if (elapsed) {
        char part[4] = {'[', g_ascii_tolower(content[0]), ']', '\0'};
        numfmt_add(s, NUMFMT_DATE, g_strdup(part));
    } else if (len > 1 && content[0] == '$') {
        const char *dash = memchr(content + 1, '-', len - 1);
        gsize n = dash ? (gsize)(dash - content - 1) : len - 1;
        if (n > 0)
            numfmt_add_literal(s, content + 1, (gssize)n);
    }
}

static gboolean
numfmt_is_date_letter(char c)
{
    return strchr("ymdhsegb", g_ascii_tolower(c)) != NULL && c != '\0';
}

/* Tokenize one section of CODE, from P up to END. */
static void
numfmt_tokenize(NumfmtSection *s, const char *p, const char *end)
{
    while (p < end) {
        char c = *p;
        if (c == '"') {
            const char *q = memchr(p + 1, '"', (gsize)(end - p - 1));
            const char *stop = q ? q : end;
            if (stop > p + 1)
                numfmt_add_literal(s, p + 1, stop - p - 1);
            p = q ? q + 1 : end;
        } else if (c == '\\' && p + 1 < end) {
            gsize n = numfmt_char_len(p + 1);
            numfmt_add_literal(s, p + 1, (gssize)MIN(n, (gsize)(end - p - 1)));
            p += 1 + n;
        } else if (c == '_' && p + 1 < end) {
            numfmt_add_literal(s, " ", 1);       /* the width of the next character */
            p += 1 + numfmt_char_len(p + 1);
        } else if (c == '*' && p + 1 < end) {
            p += 1 + numfmt_char_len(p + 1);     /* a fill: nothing in a cell's text */
        } else if (c == '[') {
            const char *q = memchr(p, ']', (gsize)(end - p));
            const char *stop = q ? q : end;
            numfmt_bracket(s, p + 1, (gsize)(stop - p - 1));
            p = q ? q + 1 : end;
        } else if (end - p >= 7 && g_ascii_strncasecmp(p, "General", 7) == 0) {
            numfmt_add(s, NUMFMT_GENERAL, NULL);
            p += 7;
        } else if (end - p >= 5 && g_ascii_strncasecmp(p, "AM/PM", 5) == 0) {
            numfmt_add(s, NUMFMT_DATE, g_strdup("ampm"));
            p += 5;
        } else if (end - p >= 3 && g_ascii_strncasecmp(p, "A/P", 3) == 0) {
            numfmt_add(s, NUMFMT_DATE, g_strdup("ap"));
            p += 3;
        } else if (c == '0' || c == '#' || c == '?') {
            char d[2] = {c, '\0'};
            numfmt_add(s, NUMFMT_DIGIT, g_strdup(d));
            p++;
        } else if (c == '.') {
            numfmt_add(s, NUMFMT_POINT, NULL);
            p++;
        } else if (c == ',') {
            numfmt_add(s, NUMFMT_COMMA, NULL);
            p++;
        } else if (c == '%') {
            numfmt_add(s, NUMFMT_PERCENT, NULL);
            p++;
        } else if ((c == 'E' || c == 'e') && p + 1 < end && (p[1] == '+' || p[1] == '-')) {
            char sign[2] = {p[1], '\0'};
            numfmt_add(s, NUMFMT_EXPONENT, g_strdup(sign));
            p += 2;
        } else if (c == '@') {
            numfmt_add(s, NUMFMT_TEXT, NULL);
            p++;
        } else if (numfmt_is_date_letter(c) ||
                   (g_ascii_tolower(c) == 'a' && end - p >= 3 &&
                    g_ascii_strncasecmp(p, "aaa", 3) == 0)) {
            const char *q = p;
            while (q < end && g_ascii_tolower(*q) == g_ascii_tolower(c))
                q++;
            char *part = g_ascii_strdown(p, q - p);
            numfmt_add(s, NUMFMT_DATE, part);
            p = q;
        } else {
            gsize n = MIN(numfmt_char_len(p), (gsize)(end - p));
            numfmt_add_literal(s, p, (gssize)n);
            p += n;
        }
    }
}

/* Split CODE into sections at the semicolons outside quotes and brackets. */
static GArray *
numfmt_parse(const char *code)
{
    GArray *sections = g_array_new(FALSE, TRUE, sizeof(NumfmtSection));
    const char *start = code, *p = code;
    gboolean quoted = FALSE, bracket = FALSE;
    for (;; p++) {
        if (*p == '\0' || (*p == ';' && !quoted && !bracket)) {
            NumfmtSection s = {g_array_new(FALSE, FALSE, sizeof(NumfmtToken)), "", 0};
            g_array_set_clear_func(s.tokens, numfmt_token_clear);
            numfmt_tokenize(&s, start, p);
            g_array_append_val(sections, s);
            if (*p == '\0' || sections->len == 4)
                break;
            start = p + 1;
        } else if (*p == '\\' && !quoted && p[1] != '\0') {
            p++;
        } else if (*p == '"') {
            quoted = !quoted;
        } else if (!quoted && *p == '[') {
            bracket = TRUE;
        } else if (!quoted && *p == ']') {
            bracket = FALSE;
        }
    }
    return sections;
}

static void
numfmt_sections_free(GArray *sections)
{
    for (guint i = 0; i < sections->len; i++)
        g_array_free(g_array_index(sections, NumfmtSection, i).tokens, TRUE);
    g_array_free(sections, TRUE);
}

static gboolean
numfmt_has(const NumfmtSection *s, NumfmtKind kind)
{
    for (guint i = 0; i < s->tokens->len; i++)
        if (g_array_index(s->tokens, NumfmtToken, i).kind == kind)
            return TRUE;
    return FALSE;
}

/* ---- General ----------------------------------------------------------- */

/* As a cell of General format shows VALUE: up to 11 significant digits,
 * integers whole up to 10^11, the rest in scientific form. */
static char *
numfmt_general(double value)
{
    char buf[64];
    double a = fabs(value);
    if (!isfinite(value))
        return g_strdup("#NUM!");
    if (a != 0 && (a >= 1e11 || a < 1e-9)) {
        g_snprintf(buf, sizeof buf, "%.5E", value);
        char *e = strchr(buf, 'E');
        char *z = e;
        while (z > buf && z[-1] == '0')
            z--;
        if (z > buf && z[-1] == '.')
            z--;
        memmove(z, e, strlen(e) + 1);
        return g_strdup(buf);
    }
    int before = a < 1 ? 1 : (int)floor(log10(a)) + 1;
    int decimals = MAX(0, 10 - before);
    g_snprintf(buf, sizeof buf, "%.*f", decimals, value);
    if (strchr(buf, '.')) {
        char *z = buf + strlen(buf);
        while (z[-1] == '0')
            *--z = '\0';
        if (z[-1] == '.')
            z[-1] = '\0';
    }
    if (strcmp(buf, "-0") == 0)
        return g_strdup("0");
    return g_strdup(buf);
}

/* ---- numbers ---------------------------------------------------------- */

/* VALUE (not negative) rounded to DECIMALS, as digits before and after
 * the point.  Halves round away from zero, as the spreadsheet shows them:
 * the nudge lifts 2.675 (stored as 2.67499…) over the half. */
static void
numfmt_round(double value, guint decimals, GString *integer, GString *fraction)
{
    char *s = g_strdup_printf("%.*f", (int)decimals, value * (1 + 4 * DBL_EPSILON));
    char *point = strchr(s, '.');
    g_string_assign(integer, s);
    g_string_truncate(integer, point ? (gsize)(point - s) : strlen(s));
    g_string_assign(fraction, point ? point + 1 : "");
    g_free(s);
}

/* The integer part, rendered right to left into PIECES (reversed later):
 * the digits of INTEGER fill the placeholders from the right, the leftmost
 * placeholder takes every digit left over, and a grouping format puts a
 * comma between thousands. */
static void
numfmt_integer_part(const NumfmtSection *s, guint end, const char *integer, gboolean grouping,
                    GPtrArray *pieces)
{
    gssize left = (gssize)strlen(integer);
    guint shown = 0;   /* digits placed, for the grouping commas */
    guint first_digit = end;
    for (guint i = 0; i < end; i++)
        if (g_array_index(s->tokens, NumfmtToken, i).kind == NUMFMT_DIGIT) {
            first_digit = i;
            break;
        }
    for (guint i = end; i-- > 0;) {
        const NumfmtToken *t = &g_array_index(s->tokens, NumfmtToken, i);
        if (t->kind == NUMFMT_LITERAL) {
            g_ptr_array_add(pieces, g_strdup(t->text));
        } else if (t->kind == NUMFMT_PERCENT) {
            g_ptr_array_add(pieces, g_strdup("%"));
        } else if (t->kind == NUMFMT_DIGIT) {
            guint take = i == first_digit ? (guint)MAX(left, 1) : 1;
            for (guint k = 0; k < take; k++) {
                char d;
                if (left > 0)
                    d = integer[--left];
                else if (t->text[0] == '0')
                    d = '0';
                else if (t->text[0] == '?')
                    d = ' ';
                else
                    break;
                if (grouping && shown > 0 && shown % 3 == 0 && d != ' ')
                    g_ptr_array_add(pieces, g_strdup(","));
                char digit[2] = {d, '\0'};
                g_ptr_array_add(pieces, g_strdup(digit));
                shown++;
            }
        }
    }
}

/* The fraction digits from token START up to END, from FRACTION: a '#'
 * shows a digit only up to the last significant one, a '?' a space. */
static void
numfmt_fraction_part(const NumfmtSection *s, guint start, guint end, const char *fraction,
                     GString *out)
{
    gssize last = (gssize)strlen(fraction) - 1;
    while (last >= 0 && fraction[last] == '0')
        last--;
    guint j = 0;
    for (guint i = start; i < end; i++) {
        const NumfmtToken *t = &g_array_index(s->tokens, NumfmtToken, i);
        if (t->kind == NUMFMT_LITERAL)
            g_string_append(out, t->text);
        else if (t->kind == NUMFMT_PERCENT)
            g_string_append_c(out, '%');
        else if (t->kind == NUMFMT_DIGIT) {
            if ((gssize)j <= last || t->text[0] == '0')
                g_string_append_c(out, fraction[j] ? fraction[j] : '0');
            else if (t->text[0] == '?')
                g_string_append_c(out, ' ');
            j++;
        }
    }
}

/* A fraction format (# ?/?) divides by a literal slash between digit
 * placeholders: not rendered here. */
static gboolean
numfmt_is_fraction(const NumfmtSection *s)
{
    for (guint i = 1; i + 1 < s->tokens->len; i++) {
        const NumfmtToken *t = &g_array_index(s->tokens, NumfmtToken, i);
        if (t->kind == NUMFMT_LITERAL && strchr(t->text, '/') &&
            g_array_index(s->tokens, NumfmtToken, i - 1).kind == NUMFMT_DIGIT &&
            g_array_index(s->tokens, NumfmtToken, i + 1).kind == NUMFMT_DIGIT)
            return TRUE;
    }
    return FALSE;
}

static char *
numfmt_number(const NumfmtSection *s, double value)
{
    guint n = s->tokens->len, point = n, exponent = n, last_digit = n;
    guint percents = 0, int_digits = 0, frac_digits = 0, exp_zeros = 0;
    gboolean grouping = FALSE;
    for (guint i = 0; i < n; i++) {
        const NumfmtToken *t = &g_array_index(s->tokens, NumfmtToken, i);
        if (t->kind == NUMFMT_POINT && point == n && exponent == n)
            point = i;
        else if (t->kind == NUMFMT_EXPONENT && exponent == n)
            exponent = i;
        else if (t->kind == NUMFMT_PERCENT)
            percents++;
        else if (t->kind == NUMFMT_DIGIT) {
            if (exponent < i)
                exp_zeros++;
            else if (point < i)
                frac_digits++, last_digit = i;
            else
                int_digits++, last_digit = i;
        }
    }
    /* A comma with integer placeholders on both sides groups thousands;
     * commas right after the last placeholder scale by a thousand each. */
    gboolean before = FALSE;
    for (guint i = 0; i < n; i++) {
        NumfmtKind kind = g_array_index(s->tokens, NumfmtToken, i).kind;
        if (kind == NUMFMT_DIGIT)
            before = TRUE;
        if (kind != NUMFMT_COMMA || !before)
            continue;
        gboolean trailing = i > last_digit;
        for (guint k = last_digit + 1; trailing && k < i; k++)
            trailing = g_array_index(s->tokens, NumfmtToken, k).kind == NUMFMT_COMMA;
        if (trailing)
            value /= 1000;
        else if (i < MIN(point, exponent))
            grouping = TRUE;
    }
    for (guint k = 0; k < percents; k++)
        value *= 100;

    int exp10 = 0;
    if (exponent < n && value != 0) {
        int step = MAX(1, (int)int_digits);
        exp10 = (int)floor(log10(value));
        exp10 = step > 1 ? (int)(floor((double)exp10 / step) * step) : exp10;
        value /= pow(10, exp10);
    }
    g_autoptr(GString) integer = g_string_new(NULL);
    g_autoptr(GString) fraction = g_string_new(NULL);
    numfmt_round(value, frac_digits, integer, fraction);
    if (exponent < n && int_digits <= 1 && integer->len > 1) {
        exp10++;                                  /* 9.99 rounded up to 10.0 */
        numfmt_round(value / 10, frac_digits, integer, fraction);
    }
    gboolean int_zero_shown = FALSE;
    for (guint i = 0; i < MIN(point, exponent); i++) {
        const NumfmtToken *t = &g_array_index(s->tokens, NumfmtToken, i);
        int_zero_shown = int_zero_shown || (t->kind == NUMFMT_DIGIT && t->text[0] == '0');
    }
    if (strcmp(integer->str, "0") == 0 && !int_zero_shown)
        g_string_truncate(integer, 0);

    g_autoptr(GPtrArray) pieces = g_ptr_array_new_with_free_func(g_free);
    numfmt_integer_part(s, MIN(point, exponent), integer->str, grouping, pieces);
    GString *out = g_string_new(NULL);
    for (guint i = pieces->len; i-- > 0;)
        g_string_append(out, g_ptr_array_index(pieces, i));
    if (point < n) {
        g_string_append_c(out, '.');
        numfmt_fraction_part(s, point + 1, exponent, fraction->str, out);
    }
    if (exponent < n) {
        const NumfmtToken *t = &g_array_index(s->tokens, NumfmtToken, exponent);
        g_string_append_c(out, 'E');
        if (exp10 < 0 || t->text[0] == '+')
            g_string_append_c(out, exp10 < 0 ? '-' : '+');
        g_string_append_printf(out, "%0*d", (int)MAX(exp_zeros, 1), ABS(exp10));
        for (guint i = exponent + 1; i < n; i++) {
            const NumfmtToken *l = &g_array_index(s->tokens, NumfmtToken, i);
            if (l->kind == NUMFMT_LITERAL)
                g_string_append(out, l->text);
        }
    }
    return g_string_free(out, FALSE);
}

/* ---- dates and times --------------------------------------------------- */

typedef struct {
    int year, month, day, weekday;   /* weekday 0 = Sunday */
    int hour, minute, second;
    double subsecond;                /* 0 ≤ x < 1 */
    double serial;                   /* whole days and fraction, for elapsed time */
} NumfmtMoment;

/* The calendar moment of serial VALUE; FALSE before the epoch or after
 * 9999.  Seconds are rounded to the nearest, as the sheet shows them,
 * unless the format shows their FRACTION (ss.0), which is then kept. */
static gboolean
numfmt_moment(double value, gboolean date1904, gboolean fraction, NumfmtMoment *m)
{
    if (value < 0 || value >= 2958466)
        return FALSE;
    double days = floor(value);
    double seconds = (value - days) * 86400;
    double whole = fraction ? floor(seconds + 1e-6) : floor(seconds + 0.5);
    m->subsecond = fraction ? MAX(0, seconds - whole) : 0;
    long secs = (long)whole;
    if (secs >= 86400)
        days += 1, secs = 0;
    m->serial = value;
    m->hour = (int)(secs / 3600), m->minute = (int)(secs / 60 % 60), m->second = (int)(secs % 60);
    GDate *d = g_date_new_dmy(1, G_DATE_JANUARY, 1904);
    if (!date1904) {
        if (days == 60) {                  /* the 29 February 1900 the 1900 system counts */
            m->year = 1900, m->month = 2, m->day = 29, m->weekday = 3;
            g_date_free(d);
            return TRUE;
        }
        g_date_set_dmy(d, days < 60 ? 31 : 30, G_DATE_DECEMBER, 1899);
    }
    g_date_add_days(d, (guint)days);
    m->year = g_date_get_year(d), m->month = g_date_get_month(d), m->day = g_date_get_day(d);
    m->weekday = g_date_get_weekday(d) % 7;
    g_date_free(d);
    return TRUE;
}

/* The Japanese era of a date: its name in three lengths and first year. */
static const struct {
    int year, month, day;
    const char *letter, *initial, *name;
} numfmt_eras[] = {
    {2019, 5, 1, "R", "令", "令和"},
    {1989, 1, 8, "H", "平", "平成"},
    {1926, 12, 25, "S", "昭", "昭和"},
    {1912, 7, 30, "T", "大", "大正"},
    {1868, 1, 1, "M", "明", "明治"},
};

static guint
numfmt_era(const NumfmtMoment *m)
{
    for (guint i = 0; i < G_N_ELEMENTS(numfmt_eras); i++) {
        int since = (m->year - numfmt_eras[i].year) * 10000 +
                    (m->month - numfmt_eras[i].month) * 100 + (m->day - numfmt_eras[i].day);
        if (since >= 0)
            return i;
    }
    return G_N_ELEMENTS(numfmt_eras) - 1;
}

/* Is the m-part at token I minutes (after an hour, before a second)? */
static gboolean
numfmt_is_minute(const NumfmtSection *s, guint i)
{
    for (guint k = i; k-- > 0;) {
        const NumfmtToken *t = &g_array_index(s->tokens, NumfmtToken, k);
        if (t->kind == NUMFMT_DATE) {
            if (t->text[0] == 'h' || strcmp(t->text, "[h]") == 0)
                return TRUE;
            break;
        }
    }
    for (guint k = i + 1; k < s->tokens->len; k++) {
        const NumfmtToken *t = &g_array_index(s->tokens, NumfmtToken, k);
        if (t->kind == NUMFMT_DATE)
            return t->text[0] == 's' || strcmp(t->text, "[s]") == 0;
    }
    return FALSE;
}

static void
numfmt_date_part(const NumfmtSection *s, guint i, const NumfmtMoment *m, gboolean twelve,
                 gboolean japanese, GString *out)
{
    static const char *const months[] = {"January", "February", "March", "April", "May", "June",
                                         "July", "August", "September", "October", "November",
                                         "December"};
    static const char *const days[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday",
                                       "Friday", "Saturday"};
    static const char *const days_ja[] = {"日", "月", "火", "水", "木", "金", "土"};
    const char *p = g_array_index(s->tokens, NumfmtToken, i).text;
    gsize len = strlen(p);
    const char *era_name[] = {numfmt_eras[numfmt_era(m)].letter, numfmt_eras[numfmt_era(m)].initial,
                              numfmt_eras[numfmt_era(m)].name};
    int era_year = m->year - numfmt_eras[numfmt_era(m)].year + 1;
    int hour12 = m->hour % 12 == 0 ? 12 : m->hour % 12;
    if (strcmp(p, "ampm") == 0 || strcmp(p, "ap") == 0) {
        g_string_append(out, m->hour < 12 ? (len == 2 ? "A" : "AM") : (len == 2 ? "P" : "PM"));
        return;
    }
    switch (p[0]) {
    case 'y':
        if (len <= 2)
            g_string_append_printf(out, "%02d", m->year % 100);
        else
            g_string_append_printf(out, "%04d", m->year);
        break;
    case 'b':   /* the Buddhist year */
        g_string_append_printf(out, "%d", m->year + 543);
        break;
    case 'e':
        if (japanese)
            g_string_append_printf(out, len >= 2 ? "%02d" : "%d", era_year);
        else
            g_string_append_printf(out, "%04d", m->year);
        break;
    case 'g':
        g_string_append(out, era_name[MIN(len, 3) - 1]);
        break;
    case 'a':
        g_string_append(out, days_ja[m->weekday]);
        if (len >= 4)
            g_string_append(out, "曜日");
        break;
    case 'd':
        if (len <= 2)
            g_string_append_printf(out, len == 2 ? "%02d" : "%d", m->day);
        else
            g_string_append_len(out, days[m->weekday], len == 3 ? 3 : -1);
        break;
    case 'm':
        if (numfmt_is_minute(s, i))
            g_string_append_printf(out, len >= 2 ? "%02d" : "%d", m->minute);
        else if (len <= 2)
            g_string_append_printf(out, len == 2 ? "%02d" : "%d", m->month);
        else
            g_string_append_len(out, months[m->month - 1], len == 3 ? 3 : len == 4 ? -1 : 1);
        break;
    case 'h':
        g_string_append_printf(out, len >= 2 ? "%02d" : "%d", twelve ? hour12 : m->hour);
        break;
    case 's':
        g_string_append_printf(out, len >= 2 ? "%02d" : "%d", m->second);
        break;
    default:   /* [h], [m], [s]: elapsed time */
        g_string_append_printf(out, "%.0f",
                               floor(m->serial * (p[1] == 'h' ? 24 : p[1] == 'm' ? 1440 : 86400) +
                                     1e-6));
        break;
    }
}

static char *
numfmt_date(const NumfmtSection *s, double value, gboolean date1904, const char *code)
{
    NumfmtMoment m;
    gboolean fraction = FALSE;
    for (guint i = 0; i + 1 < s->tokens->len; i++)
        fraction = fraction || (g_array_index(s->tokens, NumfmtToken, i).kind == NUMFMT_POINT &&
                                g_array_index(s->tokens, NumfmtToken, i + 1).kind == NUMFMT_DIGIT);
    if (!numfmt_moment(value, date1904, fraction, &m))
        return numfmt_general(value);
    gboolean twelve = FALSE, japanese = strstr(code, "-411]") != NULL;
    for (guint i = 0; i < s->tokens->len; i++) {
        const NumfmtToken *t = &g_array_index(s->tokens, NumfmtToken, i);
        if (t->kind == NUMFMT_DATE && (strcmp(t->text, "ampm") == 0 || strcmp(t->text, "ap") == 0))
            twelve = TRUE;
        if (t->kind == NUMFMT_DATE && t->text[0] == 'g')
            japanese = TRUE;
    }
    GString *out = g_string_new(NULL);
    for (guint i = 0; i < s->tokens->len; i++) {
        const NumfmtToken *t = &g_array_index(s->tokens, NumfmtToken, i);
        if (t->kind == NUMFMT_DATE) {
            numfmt_date_part(s, i, &m, twelve, japanese, out);
        } else if (t->kind == NUMFMT_POINT) {
            /* ss.00: fractions of a second */
            guint k = i + 1, places = 0;
            while (k < s->tokens->len &&
                   g_array_index(s->tokens, NumfmtToken, k).kind == NUMFMT_DIGIT)
                k++, places++;
            if (places > 0) {
                char *f = g_strdup_printf("%.*f", (int)places, m.subsecond);
                g_string_append(out, strchr(f, '.') ? strchr(f, '.') : ".");
                g_free(f);
            } else
                g_string_append_c(out, '.');
            i = k - 1;
        } else if (t->kind == NUMFMT_LITERAL) {
            g_string_append(out, t->text);
        } else if (t->kind == NUMFMT_PERCENT) {
            g_string_append_c(out, '%');
        } else if (t->kind == NUMFMT_COMMA) {
            g_string_append_c(out, ',');
        }
    }
    return g_string_free(out, FALSE);
}

/* ---- sections ---------------------------------------------------------- */

static gboolean
numfmt_condition_holds(const NumfmtSection *s, double v)
{
    const char *op = s->op;
    if (strcmp(op, "<") == 0) return v < s->bound;
    if (strcmp(op, "<=") == 0) return v <= s->bound;
    if (strcmp(op, ">") == 0) return v > s->bound;
    if (strcmp(op, ">=") == 0) return v >= s->bound;
    if (strcmp(op, "<>") == 0) return v != s->bound;
    return v == s->bound;
}

/* The section that shows VALUE, and whether the minus sign is to be
 * written (a negative section shows the value without it). */
static const NumfmtSection *
numfmt_choose(GArray *sections, double value, gboolean *minus)
{
    guint n = sections->len;
    /* A trailing section of text only (…;@) never shows a number. */
    if (n > 1 && numfmt_has(&g_array_index(sections, NumfmtSection, n - 1), NUMFMT_TEXT))
        n--;
    const NumfmtSection *first = &g_array_index(sections, NumfmtSection, 0);
    *minus = FALSE;
    if (first->op[0]) {
        for (guint i = 0; i < n; i++) {
            const NumfmtSection *s = &g_array_index(sections, NumfmtSection, i);
            if (s->op[0] == '\0' || numfmt_condition_holds(s, value)) {
                *minus = value < 0 && s->op[0] == '\0' && i == n - 1 && n < 3;
                return s;
            }
        }
        return &g_array_index(sections, NumfmtSection, n - 1);
    }
    if (value < 0 && n >= 2)
        return &g_array_index(sections, NumfmtSection, 1);
    if (value == 0 && n >= 3)
        return &g_array_index(sections, NumfmtSection, 2);
    *minus = value < 0;
    return first;
}

char *
slx_numfmt_format(const char *code, double value, gboolean date1904)
{
    if (code == NULL || *code == '\0' || !isfinite(value))
        return numfmt_general(value);
    GArray *sections = numfmt_parse(code);
    gboolean minus;
    const NumfmtSection *s = numfmt_choose(sections, value, &minus);
    char *shown;
    if (numfmt_has(s, NUMFMT_DATE)) {
        /* A negative date is no date: the sheet shows ####, General here. */
        shown = value < 0 ? numfmt_general(value) : numfmt_date(s, value, date1904, code);
        minus = FALSE;
    } else if (numfmt_has(s, NUMFMT_GENERAL) || numfmt_has(s, NUMFMT_TEXT) ||
               numfmt_is_fraction(s)) {
        /* General with literals around it ("0件" is rare, but "General件"
         * is seen): the literals kept, the figure as General shows it. */
        GString *out = g_string_new(NULL);
        gboolean placed = FALSE, fraction = numfmt_is_fraction(s);
        for (guint i = 0; i < s->tokens->len; i++) {
            const NumfmtToken *t = &g_array_index(s->tokens, NumfmtToken, i);
            if (t->kind == NUMFMT_LITERAL && !fraction)
                g_string_append(out, t->text);
            else if (!placed && t->kind != NUMFMT_LITERAL) {
                char *g = numfmt_general(minus || value >= 0 ? value : -value);
                g_string_append(out, g);
                g_free(g);
                placed = TRUE;
            }
        }
        shown = g_string_free(out, FALSE);
        minus = FALSE;
    } else {
        shown = numfmt_number(s, fabs(value));
    }
    numfmt_sections_free(sections);
    if (minus) {
        char *signed_ = g_strconcat("-", shown, NULL);
        g_free(shown);
        return signed_;
    }
    return shown;
}
