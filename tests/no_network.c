/* SPDX-License-Identifier: GPL-3.0-or-later */
/* no_network.c — an LD_PRELOAD shim for test_isolation.sh: every socket the
 * process asks for is written to $SLX_NETWORK_LOG ("socket inet", "connect
 * inet6" …), and one to the network is refused.  It proves that reading a
 * hostile document never reaches the network, not just that it did not get
 * there. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static void
no_network_note(const char *call, int domain)
{
    const char *log = getenv("SLX_NETWORK_LOG");
    if (log == NULL)
        return;
    const char *name = domain == AF_INET ? "inet" : domain == AF_INET6 ? "inet6"
                     : domain == AF_UNIX ? "unix" : "other";
    char line[64];
    int n = snprintf(line, sizeof line, "%s %s\n", call, name);
    int fd = open(log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd >= 0) {
        if (write(fd, line, (size_t)n) < 0) {
            /* nothing to do: the test then sees no line */
        }
        close(fd);
    }
}

int
socket(int domain, int type, int protocol)
{
    no_network_note("socket", domain);
    if (domain == AF_INET || domain == AF_INET6) {
        errno = EACCES;
        return -1;
    }
    int (*real)(int, int, int) = (int (*)(int, int, int))dlsym(RTLD_NEXT, "socket");
    return real(domain, type, protocol);
}

int
connect(int fd, const struct sockaddr *addr, socklen_t len)
{
    int domain = addr ? addr->sa_family : AF_UNSPEC;
    no_network_note("connect", domain);
    if (domain == AF_INET || domain == AF_INET6) {
        errno = EACCES;
        return -1;
    }
    int (*real)(int, const struct sockaddr *, socklen_t) =
        (int (*)(int, const struct sockaddr *, socklen_t))dlsym(RTLD_NEXT, "connect");
    return real(fd, addr, len);
}
