/* lectern-core.h — the project model: one header for users of the core library.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#define LECTERN_CORE_INSIDE
#include "lectern-adjudication.h"
#include "lectern-analysis.h"
#include "lectern-annotation.h"
#include "lectern-atomic-file.h"
#include "lectern-change-set.h"
#include "lectern-coder.h"
#include "lectern-coder-passages.h"
#include "lectern-project.h"
#include "lectern-document.h"
#include "lectern-document-label.h"
#include "lectern-document-list.h"
#include "lectern-document-version.h"
#include "lectern-fingerprint.h"
#include "lectern-guid.h"
#include "lectern-input-file.h"
#include "lectern-job.h"
#include "lectern-long-date.h"
#include "lectern-paragraphs.h"
#include "lectern-passage-list.h"
#include "lectern-qdpx-format.h"
#include "lectern-search-hit.h"
#include "lectern-structure.h"
#include "lectern-tag.h"
#include "lectern-tag-tree.h"
#include "lectern-text.h"
#include "lectern-text-change.h"
#include "lectern-turn-correction.h"
#include "lectern-words.h"
#include "lectern-core-enums.h"
#undef LECTERN_CORE_INSIDE
