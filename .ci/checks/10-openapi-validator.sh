#!/usr/bin/env bash
# The committed OpenAPI document validates (openapi-spec-validator, a party we did not write).
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
ci_pip openapi-spec-validator
"$CI_VENV/bin/openapi-spec-validator" "$CI_ROOT/openapi/openapi.json"
