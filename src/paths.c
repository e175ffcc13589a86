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
slx_path_module(const char *name)
{
    g_autofree char *upper = g_ascii_strup(name, -1);
    g_autofree char *var = g_strdup_printf("SLAXTRACT_%s_MODULE", upper);
    const char *env = g_getenv(var);
    if (env && *env)
        return g_strdup(env);
    g_autofree char *file = g_strdup_printf("slaxtract-%s.so", name);
    return slx_path_uninstalled() ? g_build_filename(SLX_BUILD_DIR, "src", file, NULL)
                                  : g_build_filename(SLX_MODULE_DIR, file, NULL);
}
