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

/* Dice coefficient of the character bigrams of two match keys, 0..1.
 * A key of one character compares by equality. */
double slx_similarity(const char *key_a, const char *key_b);

/* TRUE if NEEDLE (a match key) occurs in HAYSTACK (a match key). */
gboolean slx_key_contains(const char *haystack, const char *needle);

#endif
