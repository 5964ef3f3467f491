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
problem-title-precondition-failed = The resource changed since you read it
problem-title-precondition-required = If-Match is required
problem-title-method-not-allowed = Method not allowed
problem-title-payload-too-large = The request is too large
problem-title-unprocessable-file = The file cannot be imported
problem-title-unsupported-media-type = The content type is not supported
problem-title-too-many-requests = Too many requests
problem-title-unavailable = Service unavailable
problem-title-internal = Internal server error
