/* lectern-import.h — plain-text import: one header for its users.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lectern-import-error.h"
#include "lectern-import-result.h"
#include "lectern-importer.h"
#include "lectern-metadata-guesser.h"
#include "lectern-text-decoder.h"
