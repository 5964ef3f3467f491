"""A month of reporting through the Python client generated from the served OpenAPI document
(openapi-python-client), using only generated code: sign in, list units, read the plan, open a
report, put values with If-Match, submit with an Idempotency-Key, approve as a province
officer, read progress in all six formats, roll the province up and read the sync status.

Run by .ci/checks/13-contract.sh against the demo data:
    PYTHONPATH=target/ci-clients CHITIEU_ADMIN_PASSWORD=... python walk.py http://127.0.0.1:8080
"""

import io
import os
import sys
import uuid
import zipfile

from chitieu_client import AuthenticatedClient, Client
from chitieu_client.api.accounts import create_user, update_user
from chitieu_client.api.authentication import issue_token
from chitieu_client.api.organisation_units import list_org_units
from chitieu_client.api.plans import get_plan
from chitieu_client.api.progress import (
    get_progress_adx,
    get_progress_csv,
    get_progress_data_value_set,
    get_progress_html,
    get_progress_report,
    get_progress_xlsx,
    get_rollup,
)
from chitieu_client.api.reports import (
    approve_report,
    get_report,
    list_reports,
    open_report,
    set_report_values,
    submit_report,
)
from chitieu_client.api.sync import list_sync_targets
from chitieu_client.models import (
    ApproveRequest,
    CreateUserRequest,
    ReportStateName,
    TokenRequestPassword,
    UpdateUserRequest,
    ValuesRequest,
)

PLAN = "TT-18-2025"
PROVINCE = "31"
COMMUNE = "31001"


def expect(response, status):
    """The parsed body of a response with the status expected, or a failure showing why."""
    if response.status_code != status:
        sys.exit(f"expected {status}, got {response.status_code}: {response.content[:500]!r}")
    return response.parsed


def sign_in(base, username, password):
    body = TokenRequestPassword.from_dict(
        {"grantType": "password", "username": username, "password": password}
    )
    token = expect(issue_token.sync_detailed(client=Client(base_url=base), body=body), 200)
    return AuthenticatedClient(base_url=base, token=token.access_token)


def main(base):
    admin = sign_in(base, "admin", os.environ["CHITIEU_ADMIN_PASSWORD"])

    communes = expect(list_org_units.sync_detailed(client=admin, parent_code=PROVINCE), 200)
    assert COMMUNE in [unit.code for unit in communes.items], communes
    plan = expect(get_plan.sync_detailed(client=admin, code=PLAN), 200)
    assert plan.code == PLAN

    # A draft of the demo month: open it (idempotent), put its own values back, submit.
    drafts = expect(
        list_reports.sync_detailed(client=admin, plan=PLAN, state=ReportStateName.DRAFT), 200
    )
    assert drafts.items, "the demo has a draft report"
    draft = drafts.items[0]
    key = dict(unit_code=draft.unit_code, plan_code=PLAN, period=draft.period)
    opened = open_report.sync_detailed(client=admin, **key)
    report = expect(opened, 200 if opened.status_code == 200 else 201)
    etag = opened.headers["etag"]
    values = [
        {"indicatorCode": v.indicator_code, "value": v.to_dict()["value"]}
        for v in report.values
        if v.to_dict().get("value") is not None
    ][:3]
    put = set_report_values.sync_detailed(
        client=admin, body=ValuesRequest.from_dict({"values": values}), if_match=etag, **key
    )
    expect(put, 200)
    submitted = submit_report.sync_detailed(
        client=admin, if_match=put.headers["etag"], idempotency_key=str(uuid.uuid4()), **key
    )
    assert expect(submitted, 200).state == ReportStateName.SUBMITTED

    # A province officer approves the commune's report that waits for the province.
    username = f"tinh.{uuid.uuid4().hex[:8]}"
    password = "mật khẩu của tỉnh 31"
    account = CreateUserRequest.from_dict(
        {
            "username": username,
            "displayName": "Cán bộ tỉnh Hải Phòng",
            "password": password,
            "role": "provinceOfficer",
            "homeUnitCode": PROVINCE,
        }
    )
    expect(create_user.sync_detailed(client=admin, body=account), 201)
    # The administrator chose the first password: its owner replaces it before anything else
    # and signs in again (the change ends the first token).
    first = sign_in(base, username, password)
    own_password = "mật khẩu riêng của cán bộ tỉnh"
    change = UpdateUserRequest.from_dict({"password": own_password, "currentPassword": password})
    expect(update_user.sync_detailed(username, client=first, body=change, if_match="*"), 200)
    officer = sign_in(base, username, own_password)
    waiting = expect(
        list_reports.sync_detailed(
            client=officer, unit=COMMUNE, plan=PLAN, state=ReportStateName.SUBMITTED
        ),
        200,
    )
    assert waiting.items, "the demo has a commune report waiting for the province"
    commune_key = dict(unit_code=COMMUNE, plan_code=PLAN, period=waiting.items[0].period)
    read = get_report.sync_detailed(client=officer, **commune_key)
    expect(read, 200)
    approved = approve_report.sync_detailed(
        client=officer,
        body=ApproveRequest.from_dict({}),
        if_match=read.headers["etag"],
        **commune_key,
    )
    assert expect(approved, 200).state == ReportStateName.APPROVED

    # Progress of the commune's year in all six formats.
    year = commune_key["period"][:4]
    query = dict(client=admin, code=COMMUNE, plan=PLAN, period=year)
    progress = expect(get_progress_report.sync_detailed(**query), 200)
    assert progress.sections, progress
    csv = expect(get_progress_csv.sync_detailed(**query), 200)
    assert "Chỉ tiêu" in csv, csv[:200]
    xlsx = expect(get_progress_xlsx.sync_detailed(**query), 200)
    assert zipfile.is_zipfile(io.BytesIO(xlsx.payload.read()))
    html = expect(get_progress_html.sync_detailed(**query), 200)
    assert "<html" in html.lower()
    dhis2 = expect(get_progress_data_value_set.sync_detailed(**query), 200)
    assert dhis2.data_set == PLAN and dhis2.data_values
    adx = expect(get_progress_adx.sync_detailed(**query), 200).decode("utf-8")
    assert "urn:ihe:qrph:adx:2015" in adx, adx[:200]

    rollup = expect(
        get_rollup.sync_detailed(client=admin, code=PROVINCE, period=year, plan=PLAN), 200
    )
    assert rollup.unit_code == PROVINCE and rollup.figures, rollup

    sync = expect(list_sync_targets.sync_detailed(client=admin), 200)
    assert sync.targets, "the demo syncs to its simulator"
    print(
        f"python client walked {draft.unit_code} {draft.period}: submitted, "
        f"{COMMUNE} {commune_key['period']} approved by {username}, six progress formats, "
        f"roll-up of {PROVINCE}, {len(sync.targets)} sync target(s)"
    )


if __name__ == "__main__":
    main(sys.argv[1])
