/* SPDX-License-Identifier: GPL-3.0-or-later */
/* record_wire.h — a record as bytes: from a worker to the batch, into the cache. */
#ifndef SLX_RECORD_WIRE_H
#define SLX_RECORD_WIRE_H

#include "record.h"

/* Append R (without its checks) to OUT. */
void slx_record_pack(const SlxRecord *r, GByteArray *out);

/* The record packed in DATA, for FILE, its items found in PATTERNS; with
 * SAME_FILE the packed record must name FILE too (a worker's), else it
 * may name another path of the same bytes (the cache's).  NULL if the
 * bytes are cut, are not a record, or name a catalog or an item PATTERNS
 * do not have. */
SlxRecord *slx_record_unpack(const guint8 *data, gsize len, const char *file,
                             const SlxPatterns *patterns, gboolean same_file);

#endif
