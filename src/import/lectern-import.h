/* lectern-import.h — bringing files in: plain texts, and the REFI-QDA and
 * W3C Web Annotation files of other tools. One header for its users.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#define LECTERN_IMPORT_INSIDE
#include "lectern-document-turns.h"
#include "lectern-extract.h"
#include "lectern-format.h"
#include "lectern-format-readers.h"
#include "lectern-import-error.h"
#include "lectern-import-result.h"
#include "lectern-import-sources.h"
#include "lectern-importer.h"
#include "lectern-metadata-guesser.h"
#include "lectern-project-merge.h"
#include "lectern-qdpx-reader.h"
#include "lectern-text-decoder.h"
#include "lectern-turn-detector.h"
#include "lectern-web-annotation-reader.h"
#include "lectern-import-enums.h"
#undef LECTERN_IMPORT_INSIDE
