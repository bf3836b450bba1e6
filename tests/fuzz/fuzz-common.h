/* fuzz-common.h — what the fuzz targets share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdint.h>
#include <stddef.h>

#include "lectern-core.h"

G_BEGIN_DECLS

/* The libFuzzer entry point every target defines. */
int            LLVMFuzzerTestOneInput     (const uint8_t *data,
                                           size_t         size);

/* Once per process: a CRITICAL (a failed precondition reached from input)
 * aborts, so the fuzzer reports it as a crash. */
void           fuzz_init                  (void);

/* A new project in a private temporary folder, removed at exit, holding
 * three short documents (English, French with accents, one with combining
 * marks, emoji and right-to-left script), a small codebook and two
 * annotations. Aborts on failure: the fuzzer cannot run without it. */
LecternProject *fuzz_sample_project_new    (void);

/* A fresh path for a new file in the same temporary folder. */
char          *fuzz_temp_path             (const char    *suffix);

/* Removes a project file and its -wal, -shm and -journal companions. */
void           fuzz_remove_project_files  (const char    *path);

G_END_DECLS
