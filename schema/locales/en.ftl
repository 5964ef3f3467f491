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
# A sentence not in the catalogue yet, said as written (English).
text-as-written = { $text }
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

## Values and fields (422)

value-listed-twice = { $code } is already listed at /values/{ $first }
value-not-assigned = indicator { $code } is not assigned to unit { $unit } in plan { $plan }
value-kind-takes = a { $kind } indicator takes { $expected }
value-takes-percent = a number from 0 to 100 or {"{"}"numerator", "denominator"{"}"}
value-takes-count = a whole number ≥ 0
value-takes-rank = a whole number ≥ 1
value-takes-decimal = a number or {"{"}"numerator", "denominator"{"}"}
value-takes-score = a number
value-takes-status = {"{"}"achieved": true|false, "label"?: text{"}"}
value-takes-text = a text
value-not-finite = must be a finite number
value-denominator-not-finite = the denominator must be a finite number
value-out-of-range = { $n } is out of range: numbers are at most 10^15 in magnitude
value-percent-range = a percent entered directly must be between 0 and 100, not { $n }
value-denominator-positive = the denominator must be greater than 0, not { $denominator }
value-numerator-range = the numerator must be between 0 and the denominator ({ $denominator }), not { $numerator }
value-count = a count must be a whole number ≥ 0, not { $n }
value-rank = a rank must be a whole number ≥ 1, not { $n }
invalid-username-character = may contain only letters a-z, digits, '.', '_' and '-' (found { $found })
invalid-too-short = must be at least { $min } characters long
invalid-too-long-chars = must be at most { $max } characters long
invalid-only-spaces = must not be only spaces
invalid-role = unknown role { $raw }; expected one of administrator, provinceOfficer, communeOfficer, reporter, viewer, integrator
account-needs-home-unit = every role except administrator needs a home unit
invalid-page-start = page starts at 1
invalid-page-max = page is at most { $max }
invalid-page-size = pageSize must be between 1 and { $max }
invalid-target-year = a target year must be between { $first } and { $last }
invalid-year = { $raw } is not a year: write four digits between { $first } and { $last }
invalid-plan-code = { $raw } is not a plan code: 2 to 64 of A-Z, 0-9, '.', '_' and '-'
invalid-narrative-section = { $raw } is not a section code such as I, III or III.1
invalid-report-state = { $raw } is not a report state: draft, submitted, returned or approved
invalid-decimals = must be between 0 and { $max } decimals
invalid-between-zero-and = must be between 0 and { $max }

## References to stored things (422)

catalog-no-section = catalog { $catalog } has no section { $code }
catalog-no-indicator = there is no indicator { $code }
catalog-parent-elsewhere = indicator { $parent } belongs to another catalog than { $catalog }; a parent must be in the same catalog
catalog-parent-cycle = indicator { $child } cannot sit under itself or one of its own sub-indicators ({ $parent })
catalog-parent-too-deep = the parent chain above { $parent } is deeper than { $max }
catalog-in-section = in section { $code }
catalog-outside-sections = outside any section
catalog-section-mismatch = the parent { $parent } is { $parentSection }, this indicator would be { $wanted }; a sub-indicator sits in its parent's section
catalog-no-catalog = there is no catalog { $code }
plan-validity-order = the plan would be valid from { $from } to { $to }: validFrom must not be after validTo
org-unit-no-unit-with-code = there is no organisation unit with code { $code }
catalog-no-catalog-with-code = there is no catalog with code { $code }
catalog-no-indicator-with-code = there is no indicator with code { $code }
plan-indicator-outside-catalog = indicator { $code } is not in the plan's catalog { $catalog }
plan-no-plan-with-code = there is no plan with code { $code }
org-kind-national = national
org-kind-province = province
org-kind-commune = commune
org-kind-unit = unit
org-parents-national = no parent
org-parents-province = no parent or a national unit
org-parents-commune = a province
org-parents-unit = a province, a commune or another unit
org-unit-needs-parent = a { $kind } needs a parent: { $parents }
org-unit-wrong-parent = a { $kind } cannot sit under a { $parentKind } ({ $parent }); its parent must be { $parents }
org-unit-parent-closed = { $parent } closed on { $closedOn }; place the unit under one of its successors
org-unit-start-after-close = { $code } closed on { $to }; it cannot start after that
org-unit-own-parent = { $code } cannot be its own parent
org-unit-under-descendant = { $parent } lies under { $code }: a unit cannot move under its own descendant
report-period-outside-plan = { $period } ({ $start } to { $end }) is not within the validity of plan { $plan } ({ $from } to { $to })
report-unit-not-assigned = unit { $unit } reports no indicator of plan { $plan }: assign it in the plan first

## Fields of requests (422), continued

org-unit-listed-twice = { $code } is listed twice
org-unit-succeeds-itself = { $code } cannot succeed itself
org-unit-succeeds-ancestor = { $code } lies under { $unit }: it cannot take over from its own ancestor
org-unit-successor-closed = { $code } closed on { $closedOn }; name an open unit
org-unit-successor-kind = { $code } is a { $kind }, but { $unit } is a { $unitKind }: a successor is of the same kind
org-unit-no-unit-has-code = no organisation unit has the code { $code }
api-key-no-unit = no unit has the code { $code }
account-current-password-needed = needed to change your own password
account-not-your-password = is not your password
progress-format-in-path = this address serves the .{ $extension } file; leave format out
invalid-max-depth = maxDepth is at most 2147483647
invalid-after = after must be 0 or more
invalid-limit = limit must be between 1 and 500
invalid-outbox-state = must be one of pending, sending, sent, attention, dead, discarded, superseded
idempotency-key-shape = must be 1 to 255 visible ASCII characters
idempotency-key-reused = this key was used for another request ({ $first }, or the same endpoint with another body): use a new key for a new request
form-field-required = the form field is required
exchange-id-scheme = only idScheme=code is supported, not { $scheme }
exchange-strategy = { $raw } is not CREATE, UPDATE, CREATE_AND_UPDATE, DELETE or SYNC

## What the plan importer says about the rows of a file, continued

import-lead-several = the lead cell names several agencies: { $lead } leads, { $other } is taken as coordinating
import-of-section = {" "}of section { $code }
import-in-section = {" "}in section { $code }
import-numbering-skips = the numbering{ $ofSection } skips from { $previous } to { $number }: kept as printed
import-sub-item-orphan = sub-item { $number } has no item { $parent }{ $inSection } above it
import-first-at = {" "}(first at { $at })
import-number-twice = number { $number } appears twice{ $inSection }{ $earlier }: this one is stored as { $stored }, a section numbers each indicator once
import-arabic-section = section { $code } (numbered in Arabic numerals, its items { $number }.1, { $number }.2 …): { $title }
import-why-unit = unit of measure { $unit }
import-why-rank-target = a target names a rank (Top …)
import-why-percent-targets = targets are percentages
import-why-status-targets = targets are outcomes (Đạt, Có, Duy trì …)
import-why-name-starts = the name starts with { $words }
import-why-numbers = targets are numbers without a unit
import-why-default = no unit and no number in the targets: taken as a status (done or not)
import-column = { $position } { $role }
list-comma = { $first }, { $rest }
import-column-number = item number
import-column-name = indicator
import-column-unit = unit
import-column-year = target { $year }
import-column-result = target (year from the section or the plan)
import-column-lead = lead agency
import-column-coordinating = coordinating agencies
import-column-output = output product
import-column-note = note

## Requests that cannot be read (400, 413, 415)

malformed-body-unreadable = could not read the request body: { $error }
media-type-bulk = the body must be application/json, text/csv (or application/csv) or application/adx+xml
media-type-json-not = the body must be application/json, not { $other }
media-type-json-missing = the body must be sent with Content-Type: application/json
malformed-json = the body is not valid JSON: { $error }
malformed-array = the body must be a JSON object, not an array
malformed-expected-object = expected an object
malformed-query = the query string is invalid: { $error }
not-found-path = no resource at this path: { $error }
malformed-body-not-taken = { $method } { $path } takes no request body; send none
malformed-unknown-members = unknown member(s): { $members }
malformed-unknown-member = unknown member
form-unknown-field = unknown form field { $field }: expected file, plan and optionally dryRun
form-unreadable = the multipart body cannot be read: { $error }
form-media-type = send the plan as multipart/form-data with a `file` and a `plan` field
form-file-too-large = the file is larger than the limit of { $limit } bytes (CHITIEU_IMPORT_MAX_BYTES)
form-field-too-large = form field { $field } is larger than { $limit } bytes
form-plan-part = the plan part: { $detail }
catalog-no-section-path = there is no section { $raw }: { $reason }
problem-detail-with-setting = { $detail } ({ $setting })
problem-detail-at = { $place }: { $reason }
import-error-too-large = the file is { $size } bytes, more than the limit of { $limit } bytes
import-error-zip-bomb = zip bomb refused: the container would decompress to more than the limit of { $limit } bytes ({ $what })
import-error-too-many-rows = the table has { $rows } rows, more than the limit of { $limit } rows
import-error-no-table = no table with a recognisable header was found; looked for a row naming an item number column ({ $numbers }) and an indicator column ({ $names })

## Credentials and domain values, continued

auth-wrong-password = the username or password is wrong
auth-key-invalid = the API key is invalid, expired or revoked
auth-token-invalid = the access token is invalid or has expired; ask for a new one
auth-two-credentials = send one credential: Authorization or X-API-Key, not both
auth-bearer-only = only the Bearer scheme is accepted in Authorization
auth-credentials-needed = this endpoint needs credentials: an Authorization: Bearer token from POST /api/v1/auth/token, or an X-API-Key header
measure-period-aggregation = { $kind } values cannot derive a longer period from its months by { $by }: { $reason }
measure-text-period = text counts only when reported for the period itself
measure-status-period = a status is not summed or averaged
measure-rank-period = ranks and scores do not sum
measure-percent-period = a percentage derives from its months by sum, last or mean
invalid-item-number = { $raw } is not an item number such as 7 or 7.1
invalid-roman-numeral = { $raw } is not a Roman numeral such as I, IV or XI
invalid-section-heading = { $raw } is not a section heading such as I, IV, A, B.II or 3
invalid-org-kind = unknown kind { $raw }; expected one of national, province, commune, unit
invalid-ad-hoc-order = an ad-hoc period cannot end before it starts
invalid-deadline-day = a deadline day must be between 1 and 28 (every month has it)
invalid-deadline-offset = a deadline can be at most 12 months after its period
value-part-numerator = numerator: { $reason }
value-part-denominator = denominator: { $reason }
value-not-a-number = { $text } is not a number
value-not-a-status = { $text } is not a status: true, false, or a label such as Đạt, Có, Duy trì, Không đạt
invalid-role-name = unknown role { $raw }
deadline-no-last-month = could not work out last month

## Measures of indicators

measure-aggregation = { $kind } values cannot roll up by { $by }
measure-aggregation-rank = { $kind } values cannot roll up by { $by }: ranks and scores do not sum
measure-aggregation-percent = { $kind } values cannot roll up by { $by }: percentages roll up as a ratio of sums

## Webhooks

webhook-no-events = name at least one event type
webhook-unknown-event = unknown event type { $event }; known: { $known }
webhook-event-twice = { $event } is named twice
