/* SPDX-License-Identifier: GPL-3.0-or-later */
/* child.c — what slaxtract's forked children share. */
#include "child.h"

#include <errno.h>
#include <sys/resource.h>
#include <unistd.h>

/* AddressSanitizer reserves terabytes of address space: no RLIMIT_AS then. */
#if defined(__SANITIZE_ADDRESS__)
#define CHILD_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CHILD_SANITIZED 1
#endif
#endif

/* gcov's flush, in a coverage build (_exit skips the one at exit). */
extern void __gcov_dump(void) __attribute__((weak));

void
slx_child_limit_memory(guint64 bytes)
{
#ifndef CHILD_SANITIZED
    if (bytes > 0) {
        struct rlimit lim = {(rlim_t)bytes, (rlim_t)bytes};
        setrlimit(RLIMIT_AS, &lim);
    }
#else
    (void)bytes;
#endif
}

gboolean
slx_read_all(int fd, void *data, gsize len)
{
    for (gsize got = 0; got < len;) {
        ssize_t n = read(fd, (guint8 *)data + got, len - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return FALSE;
        got += (gsize)n;
    }
    return TRUE;
}

gboolean
slx_write_all(int fd, const void *data, gsize len)
{
    for (gsize done = 0; done < len;) {
        ssize_t n = write(fd, (const guint8 *)data + done, len - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return FALSE;
        done += (gsize)n;
    }
    return TRUE;
}

void
slx_child_exit(int status)
{
    if (__gcov_dump)
        __gcov_dump();
    _exit(status);
}
