# chitieu's messages in English. Every key here is also in vi.ftl (a test checks it).
# Arguments: { $name }. Numbers arrive already rounded and written the reader's way.

## Problem titles (problem+json `title`), by the problem type's slug

problem-title-malformed-request = The request is malformed
problem-title-invalid-field = A field is invalid
problem-title-unauthorized = Authentication is required
problem-title-forbidden = Not allowed
problem-title-not-found = Not found
problem-title-conflict = The change conflicts with stored data
problem-title-import-rejected = Nothing was imported
problem-title-validation-rules-violated = The report violates validation rules
problem-title-precondition-failed = The resource changed since you read it
problem-title-precondition-required = If-Match is required
problem-title-method-not-allowed = Method not allowed
problem-title-payload-too-large = The request is too large
problem-title-unprocessable-file = The file cannot be imported
problem-title-unsupported-media-type = The content type is not supported
problem-title-too-many-requests = Too many requests
problem-title-unavailable = Service unavailable
problem-title-internal = Internal server error

## Problem details

problem-detail-invalid-fields = { $count } fields are invalid
problem-detail-internal = An unexpected error occurred
problem-detail-unavailable = The database is not available right now
problem-detail-version-mismatch = The resource is now at version { $current }: read it again and reapply your change
store-not-found = { $what } { $key } does not exist

## Things a caller can ask for (in sentences, lower case)

thing-api-key = API key
thing-catalog = catalog
thing-indicator = indicator
thing-org-unit = organisation unit
thing-outbox-entry = outbox entry
thing-plan-item = plan item
thing-plan = plan
thing-report = report
thing-sync-target = sync target
thing-webhook = webhook subscription
thing-user = user

## Why a field is invalid (field errors)

invalid-province-code = a province code has exactly 2 digits (QĐ 19/2025/QĐ-TTg)
invalid-commune-code = a commune code has exactly 5 digits (QĐ 19/2025/QĐ-TTg)
invalid-reserved-code = 2 or 5 digits are reserved for official province and commune codes; give this unit a code such as 01001-VHXH
invalid-code-length = must be { $min } to { $max } characters long
invalid-code-character = may contain only upper-case letters A-Z, digits, '.', '_' and '-' (found { $found })
invalid-code-start = must start with a letter or a digit
invalid-empty = must not be empty
invalid-too-long = must be at most { $max } characters
invalid-line-break = must not contain control characters such as line breaks
invalid-control-character = must not contain control characters
invalid-hidden-character = must not contain invisible or text-direction characters (found { $found })
invalid-period = { $raw } is not a period: use 202601 (month), 2026Q1 (quarter), 2026S1 (half-year), 2026 (year) or 2026-03-15..2026-03-20 (ad hoc)

## Trajectory toward a milestone (Open SDG method)

trajectory-no-numeric-target = the milestone target is not a number
trajectory-no-current = there is no current figure
trajectory-no-baseline = there is no baseline figure
trajectory-baseline-order = the baseline must come before the current figure and the milestone
trajectory-baseline-equals-target = the baseline already equals the target
trajectory-already-met = the current figure { $current } already meets the { $year } target { $target }
trajectory-cagr = growth per year (CAGR): actual { $actual } % from { $baseline } ({ $baselinePeriod }) to { $current } ({ $currentPeriod }), required { $required } % to reach { $target } by the end of { $year }; ratio { $ratio }
trajectory-linear = change per year (linear: a figure is not positive): actual { $actual } from { $baseline } ({ $baselinePeriod }) to { $current } ({ $currentPeriod }), required { $required } to reach { $target } by the end of { $year }; ratio { $ratio }
invalid-lang = { $raw } is not a language chitieu speaks: use vi or en
invalid-enum-value = { $raw } is not one of the allowed values: { $allowed }

## The progress table (HTML, XLSX, CSV)

export-column-number = No.
export-column-indicator = Indicator
export-column-unit = Unit
export-column-target = Target { $year }
export-column-actual = Actual, { $period }
export-column-status = Compared with the plan target
export-column-achievement = Achievement (%)
export-title = Progress of the plan's indicators ({ $year })
export-plan = { $title } (No. { $number }, { $date })
export-scope = Unit: { $unit } ({ $code }); period: { $period }
export-scope-approved-only = Unit: { $unit } ({ $code }); period: { $period }; approved figures only

## Periods in words

period-monthly = month { $month }/{ $year }
period-quarterly = quarter { $quarter }/{ $year }
period-first-half = first half of { $year }
period-second-half = second half of { $year }
period-yearly = year { $year }
period-ad-hoc = { $start } to { $end }

## Status against the year's target

status-achieved = Achieved
status-exceeded = Exceeded
status-not-achieved = Not achieved
status-no-data = No data
status-no-target = No target
status-needs-judgement = Needs judgement

## The deadline watch

deadline-report-approaching = { $unit } ({ $code }) has not had its report for { $period } (plan { $plan }) approved, and the deadline { $due } approaches
deadline-report-missed = { $unit } ({ $code }) missed the deadline { $due }: its report for { $period } (plan { $plan }) is not approved
deadline-summary-approaching = { $period }: { $count } report(s) missing or unapproved as the deadline approaches
deadline-summary-missed = { $period }: { $count } report(s) missed the deadline

## What the plan importer says about the rows of a file (diagnostics)

import-repeated-rows = { $count } rows: { $remark }
import-target-without-year = the target column has no year; read as { $year } ({ $whence })
import-year-from-section = the section's title
import-year-from-plan = the plan's last year
import-target-qualitative = target { $year } { $raw } is qualitative, judged by a person: { $reason }
import-item = item { $number } { $name }: { $kind } ({ $why }), { $targets } target(s), lead { $lead }
import-header-found = header found: { $columns }
import-another-table = another indicator table: not imported (one table per import; split the file)
import-item-groups = item { $number } groups its sub-items and has no target of its own
import-column-numbers-row = a row numbering the columns ((1), (2) …): skipped
import-continues-item = no item number: continues item { $number } above
import-row-before-items = a row without an item number before any item: skipped
import-section-again = section { $code } appears again: its items join the first one
import-section = section { $code }: { $title }
import-new-unit = new unit { $name } proposed under { $parent }
import-lead-everyone = the lead cell names every agency: all of them coordinate, none leads

## Value kinds in sentences

kind-percent = percent
kind-count = count
kind-decimal = decimal
kind-rank = rank
kind-score = score
kind-status = status
kind-text = text
problem-detail-no-route = no route for { $method } { $path }

## Outliers: why a value is listed

outlier-above = far above
outlier-below = far below
outlier-modified-z-history = { $value } is { $direction } the median { $median } of its previous { $count } periods: modified z-score { $score }, outliers from { $threshold }
outlier-modified-z-peers = { $value } is { $direction } the median { $median } of { $count } sibling units in { $period }: modified z-score { $score }, outliers from { $threshold }
outlier-z-history = { $value } is { $direction } the mean { $mean } of its previous { $count } periods: z-score { $score }, outliers from { $threshold }
outlier-z-peers = { $value } is { $direction } the mean { $mean } of { $count } sibling units in { $period }: z-score { $score }, outliers from { $threshold }
outlier-min-max-history = { $value } is outside { $lower } to { $upper }, the mean ± { $threshold } standard deviations of its previous { $count } periods (median { $median })
outlier-min-max-peers = { $value } is outside { $lower } to { $upper }, the mean ± { $threshold } standard deviations of { $count } sibling units in { $period } (median { $median })
