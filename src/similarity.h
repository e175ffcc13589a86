/* SPDX-License-Identifier: GPL-3.0-or-later */
/* similarity.h — fuzzy comparison of item names and template text.
 *
 * Vendors retype item names (「システム監査基準」 for 監視, 「漏洩」 for 漏えい)
 * and rewrite the template as a question, so names are compared by the
 * overlap of their character bigrams, not by equality. */
#ifndef SLX_SIMILARITY_H
#define SLX_SIMILARITY_H

#include <glib.h>

/* The comparison key of normalized TEXT: white space, brackets and
 * punctuation removed, ASCII lower-cased.  「平均復旧時間(MTTR)」 →
 * 「平均復旧時間mttr」. */
char *slx_match_key(const char *normalized);

/* A match key with its character bigrams, sorted once: comparing two of
 * them is a linear merge.  Catalog names are compared with every cell of
 * every document, so they are built once, at load. */
typedef struct {
    char *text;          /* the match key */
    glong chars;         /* its length in characters */
    guint64 *bigrams;    /* sorted */
    gsize n;
} SlxKey;

/* The key of normalized TEXT (slx_match_key, then bigrams). */
SlxKey *slx_key_new(const char *normalized);
/* The key of TEXT that is a match key already. */
SlxKey *slx_key_from_match_key(const char *key);
void slx_key_free(gpointer key);

/* Dice coefficient of the character bigrams of two keys, 0..1.  Equal
 * texts are 1; a key without bigrams matches nothing else. */
double slx_key_similarity(const SlxKey *a, const SlxKey *b);

/* The same for two match keys given as text (builds the keys). */
double slx_similarity(const char *key_a, const char *key_b);

/* Many keys at once: an inverted index of their bigrams.  A query meets
 * only the keys it shares a bigram with, so comparing one cell with every
 * name of a catalog costs what they share, not the catalog's size; the
 * scores are slx_key_similarity()'s, to the bit. */
typedef struct SlxKeyIndex SlxKeyIndex;
SlxKeyIndex *slx_key_index_new(void);
void slx_key_index_free(SlxKeyIndex *ix);
/* Add KEY (not copied: it must outlive IX); returns its index. */
guint slx_key_index_add(SlxKeyIndex *ix, const SlxKey *key);
guint slx_key_index_size(const SlxKeyIndex *ix);
/* Whether IX holds a key of QUERY's text (their similarity is 1). */
gboolean slx_key_index_holds(const SlxKeyIndex *ix, const SlxKey *query);
/* SCORES[i] = slx_key_similarity(QUERY, key i) for every key of IX. */
void slx_key_index_similarities(const SlxKeyIndex *ix, const SlxKey *query, double *scores);
/* The greatest of those scores (0 for an empty IX), without the array:
 * only the keys QUERY shares a bigram with are looked at. */
double slx_key_index_best(const SlxKeyIndex *ix, const SlxKey *query);

/* TRUE if NEEDLE (a match key) occurs in HAYSTACK (a match key). */
gboolean slx_key_contains(const char *haystack, const char *needle);

#endif
