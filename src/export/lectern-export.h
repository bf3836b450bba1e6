/* lectern-export.h — the export library: one header for its users.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#define LECTERN_EXPORT_INSIDE
#include "lectern-chart.h"
#include "lectern-csv-table.h"
#include "lectern-export-options.h"
#include "lectern-exporter.h"
#include "lectern-print-layout.h"
#include "lectern-word-table-writer.h"
#include "lectern-export-enums.h"
#undef LECTERN_EXPORT_INSIDE
