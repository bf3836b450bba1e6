/* lectern-compare.h — comparing documents: one header for users of the
 * compare library.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#define LECTERN_COMPARE_INSIDE
#include "lectern-agreement.h"
#include "lectern-aligner.h"
#include "lectern-coder-agreement.h"
#include "lectern-coder-units.h"
#include "lectern-compare-job.h"
#include "lectern-comparison.h"
#include "lectern-scroll-mapper.h"
#include "lectern-shared-passages.h"
#include "lectern-text-replace.h"
#include "lectern-word-diff.h"
#include "lectern-compare-enums.h"
#undef LECTERN_COMPARE_INSIDE
