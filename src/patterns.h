/* SPDX-License-Identifier: GPL-3.0-or-later */
/* patterns.h — the pattern files: item catalogs and the shared vocabulary.
 *
 * Patterns are data: an analyst adds an alias, a header label or a whole
 * catalog by editing the .ini files in patterns/, no recompiling.  Every text in them is
 * normalized on load, so it compares with normalized document text. */
#ifndef SLX_PATTERNS_H
#define SLX_PATTERNS_H

#include <glib.h>

#include "digest.h"
#include "similarity.h"

/* Column roles a header label can name. */
typedef enum {
    SLX_COL_NONE = -1,
    SLX_COL_NO = 0,
    SLX_COL_CATEGORY,
    SLX_COL_NAME,
    SLX_COL_TEMPLATE,
    SLX_COL_UNIT,
    SLX_COL_EXAMPLE,
    SLX_COL_ANSWER,
    SLX_COL_REMARKS,
    SLX_COL_OTHER,      /* the vendor's bookkeeping (回答日, 担当): not read */
    SLX_COL_N
} SlxColumnRole;

typedef enum {
    SLX_MARK_YES,
    SLX_MARK_PARTIAL,
    SLX_MARK_NO,
    SLX_MARK_NOT_APPLICABLE,
    SLX_MARK_SAME_AS_PREVIOUS,
    SLX_MARK_N
} SlxMarker;

typedef struct {
    char *name;
    GPtrArray *aliases;     /* char * */
    guint number;           /* the N of [section N] */
    guint first, last;      /* item ids (numeric) the section holds */
} SlxCatalogSection;

typedef struct {
    char *id;               /* "29" */
    char *key;              /* "rpo" */
    char *category;         /* 種別 */
    char *name;             /* canonical name */
    GPtrArray *aliases;     /* char * (normalized) */
    GPtrArray *keywords;    /* char * (normalized) */
    char *template_text;    /* 規定内容 (normalized) */
    char *example;          /* 設定例 (normalized) or NULL */
    char *unit;             /* 測定単位 */
    char *quantity;         /* NULL, or the name of a [quantity …] group */
    gboolean limit;         /* 「制限なし」 means no */
    GPtrArray *headline;    /* char *: kinds of its headline figure, preferred first */
    char *duration_role;    /* role of its durations (lead_time, rpo, retention …) or NULL */
    char *list_role;        /* certification, format, location, channel, or NULL:
                               the list the item is about (its words need no context) */
    GRegex *not_applicable; /* NULL, or phrases meaning the item does not apply */
    GRegex *met_by_denial;  /* NULL, or negative phrases that describe how the item
                               is met (外部記憶媒体を使用していません) */
    guint number;           /* numeric id (0 if the id is not a number) */
    /* Match keys (similarity.h), built once on load. */
    GPtrArray *name_keys;   /* SlxKey *: canonical name and aliases */
    GPtrArray *keyword_keys; /* char *: slx_match_key of each keyword */
    SlxKey *template_key;
} SlxCatalogItem;

typedef struct {
    char *id;
    char *name;
    char *file;             /* where it was loaded from */
    guint min_items;
    GPtrArray *sections;    /* SlxCatalogSection * */
    GPtrArray *items;       /* SlxCatalogItem *, in catalog order */
    GHashTable *by_id;      /* id → SlxCatalogItem * */
    /* Every item's name keys, item after item, and every item's template
     * key (key i is item i's), indexed for comparing a cell with all of
     * them at once (similarity.h).  NAME_FIRST[i] is where item i's name
     * keys begin. */
    SlxKeyIndex *name_index, *template_index;
    guint *name_first;
    /* Match keys segmentation looks a cell up in: every item's 種別 and
     * every section's name and alias (CATEGORY_KEYS, a set), every unit
     * (UNIT_KEYS), and each section name or alias → its number
     * (SECTION_KEYS; the first section of the name wins). */
    GHashTable *category_keys, *unit_keys, *section_keys;
} SlxCatalog;

/* A named group of words of values.ini: the canonical name (a unit, a
 * bound, a certification …) and the regular expressions that write it, in
 * file order. */
typedef struct {
    char *name;
    GPtrArray *patterns;    /* char *: regex sources, verbatim */
} SlxTerm;

/* What a [quantity NAME] group says: a stated figure of the quantity is a
 * value of one of KINDS (with one of UNITS, if given), or text that FIGURE
 * matches (リアルタイム). */
typedef struct {
    GPtrArray *kinds;       /* char * */
    GPtrArray *units;       /* char * */
    GPtrArray *figure;      /* GRegex * */
} SlxQuantity;

/* [ocr fix NAME] (ocr.ini): what OCR misreads, put right in every word
 * it recognizes (pdf/ocr_words.c). */
typedef struct {
    char *name;
    GRegex *match;
    char *replace;          /* a g_regex_replace() replacement: \0 … \9 are groups */
} SlxOcrFix;

typedef struct {
    GPtrArray *labels[SLX_COL_N];   /* match keys of header labels */
    GPtrArray *markers[SLX_MARK_N]; /* normalized marker words */
    glong marker_chars;             /* the longest marker's characters */
    GHashTable *marker_words;       /* marker word → its SlxMarker + 1 */
    /* Each is a GPtrArray of GRegex *: a phrase matches if any matches. */
    GPtrArray *undisclosed, *negative, *negative_ignore, *partial,
              *limit_none, *none_occurred, *lead_in, *supplement,
              *same_as_previous, *risk_denial, *contrast, *affirmative, *title, *service,
              *not_service;
    /* [layout]: how text states an item outside a table (GRegex *). */
    GPtrArray *label_value;  /* 「【5】稼働率:99.9%」: groups no (optional), name, value */
    GPtrArray *question;     /* 「Q. サービス時間は?」: group 1 the question */
    GPtrArray *answer;       /* 「A. 24時間365日」: group 1 the answer */
    GPtrArray *rule;         /* lines that end a section: ----, a page footer 「- 3 -」 */
    GPtrArray *heading_mark; /* marks before a heading line: 「◆」 in 「◆1 サービス時間」 */
    GPtrArray *closing;      /* the line that closes a letter: 「以上」; nothing after it is read */
    GPtrArray *item_number;  /* a cell or line that is an item's number alone: 「12」, 「No.3」 */
    GPtrArray *section_number; /* 「1.アプリケーション運用」: groups no and name */
    GPtrArray *numbered_heading; /* 「1.1. サービス時間」: groups no and name */
    GPtrArray *glued_number; /* 「1可用性サービス時間」: groups no and name, not a figure (12時間) */
    GPtrArray *glued_number_patterns; /* char *: glued_number as written, with {units} */
    GPtrArray *other_sheet;  /* names of workbook sheets that are not the answer: 記入例, 変更履歴 */
    GHashTable *quantities;         /* name → SlxQuantity * */
    GPtrArray *ocr_fixes;           /* SlxOcrFix *, in file order */
    /* The words of values (values.ini): group name ("duration units",
     * "list channel" …) → GPtrArray of SlxTerm *, in file order. */
    GHashTable *value_words;
    /* Flags every pattern is compiled with, from the patterns' own files
     * and the extractor: G_REGEX_OPTIMIZE (compiled to machine code, the
     * default) pays for itself over a batch; a run over a document or two
     * starts faster without it (slx_patterns_new_for). */
    GRegexCompileFlags compile_flags;
} SlxVocabulary;

typedef struct {
    SlxVocabulary vocab;
    GPtrArray *catalogs;            /* SlxCatalog * */
    SlxSha256 sources;              /* SHA-256 of every file loaded, names and bytes, in order */
} SlxPatterns;

SlxPatterns *slx_patterns_new(void);
/* Patterns for a run over N_DOCUMENTS: compiled to machine code only if
 * there are enough documents for it to pay. */
SlxPatterns *slx_patterns_new_for(gsize n_documents);
/* What the loaded files were, as a hex digest: records made with other
 * patterns are other records (cache.c). */
const char *slx_patterns_digest(const SlxPatterns *p);
void slx_patterns_free(SlxPatterns *p);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(SlxPatterns, slx_patterns_free)

/* Load one pattern file into P.  A [catalog] replaces a loaded catalog with
 * the same id, or is added; vocabulary lists are extended.  On error sets
 * ERROR (SLX_ERROR_PATTERNS) to "FILE:LINE: message". */
gboolean slx_patterns_load_file(SlxPatterns *p, const char *path, GError **error);
/* The same from memory; NAME is used in messages; LEN (gsize)-1: DATA
 * ends at its NUL. */
gboolean slx_patterns_load_data(SlxPatterns *p, const char *name, const char *data,
                                gsize len, GError **error);

/* Load every *.ini of DIR in name order. */
gboolean slx_patterns_load_dir(SlxPatterns *p, const char *dir, GError **error);

/* The default pattern directory (g_free): $SLAXTRACT_PATTERNS_DIR, else
 * the source tree's patterns/ when running from the build tree, else the
 * installed $(pkgdatadir)/patterns. */
char *slx_patterns_default_dir(void);

/* The marker (SlxMarker) WORD is, brackets aside (【有】 is 有), or -1. */
int slx_marker_of(const SlxVocabulary *vocab, const char *word);

/* The same for a WORD slx_normalize() made (SLX_NORM_DEFAULT): the
 * classifier has it already, and normalizing costs more than the lookup. */
int slx_marker_of_normalized(const SlxVocabulary *vocab, const char *word);

/* The first word of normalized TEXT, where a leading marker is read: up to
 * a space or punctuation (「有:…」, 「有。…」), or a whole bracketed group
 * 【有】 (g_free). */
char *slx_first_word(const char *text);

/* TRUE if any regex of LIST matches TEXT. */
gboolean slx_phrases_match(GPtrArray *list, const char *text);

const SlxCatalogItem *slx_catalog_lookup(const SlxCatalog *c, const char *id);

/* The terms of value group GROUP ("duration units" …), or NULL if no file
 * defines it. */
GPtrArray *slx_value_terms(const SlxVocabulary *v, const char *group);

/* PATTERN with {units}, {duration_units} and {count_units} replaced by an
 * alternation of the unit words of V (g_free). */
char *slx_expand_units(const SlxVocabulary *v, const char *pattern);

#endif
