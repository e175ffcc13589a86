/* SPDX-License-Identifier: GPL-3.0-or-later */
/* digest.c — SHA-256 of a document's bytes (Nettle). */
#include "digest.h"

void
slx_sha256_init(SlxSha256 *s)
{
    sha256_init(s);
}

void
slx_sha256_update(SlxSha256 *s, const void *data, gsize len)
{
    sha256_update(s, len, data);
}

char *
slx_sha256_hex(SlxSha256 *s)
{
    guint8 d[SHA256_DIGEST_SIZE];
    sha256_digest(s, sizeof d, d);
    char *hex = g_malloc(2 * sizeof d + 1);
    for (gsize i = 0; i < sizeof d; i++)
        g_snprintf(hex + 2 * i, 3, "%02x", d[i]);
    return hex;
}

char *
slx_sha256_of(const void *data, gsize len)
{
    SlxSha256 s;
    slx_sha256_init(&s);
    slx_sha256_update(&s, data, len);
    return slx_sha256_hex(&s);
}
