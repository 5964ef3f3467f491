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
# A sentence not in the catalogue yet, said as written (English).
text-as-written = { $text }
problem-detail-no-route = no route for { $method } { $path }

## Conflicts with stored data (409)

report-state-draft = draft
report-state-submitted = submitted
report-state-returned = returned
report-state-approved = approved
report-not-editable = the report is { $state }: its values and narrative change only while it is a draft or returned
report-verb-submitted = submitted
report-verb-returned = returned
report-verb-approved = approved
report-verb-reopened = reopened
either-or = { $first } or { $second }
report-transition-refused = the report is { $current }: only a report that is { $from } can be { $verb }
report-children-not-approved = the reports of child units are not all approved: { $children }; approve them first or give overrideReason
catalog-number-taken-in-its-section = number { $number } is taken in its section of catalog { $catalog } by indicator { $indicator }
catalog-indicator-has-children = indicator { $code } still has { $count } sub-indicator(s) ({ $children }); delete or move them first
catalog-indicator-code-taken = indicator code { $code } is taken by item { $number } of catalog { $catalog }
catalog-place-section = section { $code }
catalog-place-outside-sections = the items outside any section
catalog-number-taken = number { $number } is taken in { $place } of catalog { $catalog } by indicator { $indicator }
catalog-section-not-empty = section { $section } of catalog { $catalog } still has { $count } indicator(s); move or delete them first
catalog-not-empty = catalog { $code } still has { $count } indicator(s); delete them first
catalog-section-exists = catalog { $catalog } already has a section { $code }
catalog-code-taken = catalog code { $code } is taken
plan-item-has-values = reports of plan { $plan } hold { $count } value(s) of { $indicator }; the item is kept
plan-code-taken = plan code { $code } is taken
plan-has-indicator = plan { $plan } already has indicator { $code }
plan-not-empty = plan { $code } still has { $items } item(s) and { $reports } report(s); delete its items first (a plan with reports is kept)
plan-changed-while-deleted = plan { $code } gained items or reports while it was being deleted
org-unit-already-closed = { $code } is already closed (on { $closedOn })
org-unit-close-before-start = { $code } is valid from { $from }; it cannot close before that
org-unit-has-open-children = { $code } still has { $count } open child unit(s); close or move them first
org-unit-code-taken = an organisation unit with code { $code } already exists
user-name-taken = the username { $username } is taken
validation-rule-code-taken = validation rule code { $code } is taken
outbox-entry-not-revivable = outbox entry { $id } is { $state }: only a dead entry or one needing attention can be { $verb }
progress-no-target-year = no targets can apply to { $period }: { $reason }

## Access, roles and other refusals (403, 404, 409)

role-administrator = administrator
role-province-officer = provinceOfficer
role-commune-officer = communeOfficer
role-reporter = reporter
role-viewer = viewer
role-integrator = integrator
access-no-unit-with-code = no organisation unit has this code
access-role-required = a { $role } may not do this; it needs one of: { $roles }
access-grant-above-own = a { $role } may not grant the role { $granted }, which is above their own
access-grant-without-unit = only administrators may grant access without a home unit
access-may-not = a { $role } may not { $action } here
access-outside-scope = you may change only units in your part of the organisation tree that exist
access-not-in-your-tree = no such resource in your part of the organisation tree
access-unit-outside-tree = the unit { $code } is outside your part of the organisation tree
action-read = read
action-enter-data = enter data
action-approve-reports = approve reports
action-add-units = add units under this unit
action-manage-units = change this unit
action-assign-catalogs = assign catalogs
action-manage-accounts = manage accounts
action-administer = administer the service
access-key-creates-key = API keys are created by people; an API key cannot create keys
access-password-set-by-other = the password of this account was set by someone else: change it first with PATCH /api/v1/users/{ $username } (password and currentPassword)
access-password-set-by-other-sign-in = the password of this account was set by someone else: change it first with PATCH /api/v1/users/{ $username } (password and currentPassword), then sign in again
access-may-not-change-plans = a { $role } may not change plans here: plans are made and changed by administrators and by officers whose part of the tree holds the issuing unit
access-may-not-enter-data = a { $role } may not enter data
access-change-own-account = you may not change your own role, home unit or disabled flag
access-password-of-peer = you may not set the password of { $username }, whose role at your unit is not below yours
access-password-outside-unit = you may not set the password of { $username }, whose unit is not within yours
access-may-not-import-plans = a { $role } may not import plans of { $unit }
access-import-creates-catalog = creating catalog { $code } from the table needs an administrator; name an existing catalog in plan.catalogCode
validation-rule-not-found = validation rule { $code } does not exist
idempotency-in-progress = a request with this { $header } is still being processed: retry later

## Conflicts with stored data (409), continued

catalog-indicator-changed-while-deleted = indicator { $code } gained sub-indicators while it was being deleted
catalog-section-changed-while-deleted = section { $section } of catalog { $catalog } gained indicators while it was being deleted
catalog-changed-while-deleted = catalog { $code } gained indicators while it was being deleted
plan-unit-already-assigned = unit { $code } is already assigned to this item
