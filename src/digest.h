/* SPDX-License-Identifier: GPL-3.0-or-later */
/* digest.h — SHA-256 of a document's bytes, as the record and the cache
 * name them.  Nettle's (Debian's libnettle), which uses the processor's
 * SHA instructions: five times GLib's speed, and a cached re-run of an
 * archive is mostly this. */
#ifndef SLX_DIGEST_H
#define SLX_DIGEST_H

#include <glib.h>
#include <nettle/sha2.h>

typedef struct sha256_ctx SlxSha256;

void slx_sha256_init(SlxSha256 *s);
void slx_sha256_update(SlxSha256 *s, const void *data, gsize len);
/* The digest in lower-case hex (g_free); S is spent. */
char *slx_sha256_hex(SlxSha256 *s);

/* The hex SHA-256 of DATA (g_free). */
char *slx_sha256_of(const void *data, gsize len);

#endif
