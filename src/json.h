/* SPDX-License-Identifier: GPL-3.0-or-later */
/* json.h — the few JSON primitives the writers need.
 *
 * json-glib prints doubles with %.17g (99.99 → 99.989999999999995), which
 * doc/output.md §3 forbids; these print the shortest text that reads back as
 * the same double. */
#ifndef SLX_JSON_H
#define SLX_JSON_H

#include <glib.h>

/* Append S as a JSON string (RFC 8259 escapes), or null if S is NULL. */
void slx_json_string(GString *out, const char *s);
/* Append V as a JSON number: the shortest round-trip decimal form. */
void slx_json_number(GString *out, double v);
/* Append "key": (with a leading comma unless FIRST). */
void slx_json_key(GString *out, const char *key, gboolean first);

#endif
