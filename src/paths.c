/* SPDX-License-Identifier: GPL-3.0-or-later */
/* paths.c — where slaxtract finds the files it installs beside itself. */
#include "paths.h"

gboolean
slx_path_uninstalled(void)
{
    g_autofree char *exe = g_file_read_link("/proc/self/exe", NULL);
    if (exe == NULL)
        return FALSE;
    g_autofree char *exedir = g_path_get_dirname(exe);
    g_autofree char *builddir = g_canonicalize_filename(SLX_BUILD_DIR, NULL);
    return g_str_has_prefix(exedir, builddir);
}

char *
slx_path_ocr_module(void)
{
    const char *env = g_getenv("SLAXTRACT_OCR_MODULE");
    if (env && *env)
        return g_strdup(env);
    return g_strdup(slx_path_uninstalled() ? SLX_BUILD_DIR "/src/slaxtract-ocr.so"
                                           : SLX_OCR_MODULE);
}
