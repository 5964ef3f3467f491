// A month of reporting through the TypeScript client generated from the served OpenAPI
// document: types from openapi-typescript (`schema.d.ts`, generated next to this file at CI
// time), requests through openapi-fetch, checked by `tsc --strict` before it runs. Sign in,
// list units, read the plan, open a report, put values with If-Match, submit with an
// Idempotency-Key, approve as a province officer, read progress in all six formats, roll the
// province up and read the sync status. Run by .ci/checks/13-contract.sh.

import createClient from "openapi-fetch";
import type { components, paths } from "./schema.js";

type ValueItem = components["schemas"]["ValueItem"];

// Node's globals, declared here so the walk needs no @types/node.
declare const process: { argv: string[]; env: Record<string, string | undefined> };

const PLAN = "TT-18-2025";
const PROVINCE = "31";
const COMMUNE = "31001";

function check(condition: unknown, message: string): asserts condition {
  if (!condition) {
    throw new Error(message);
  }
}

/** The data of an answer with the status expected, or a failure showing why. */
function expect<T>(answer: { data?: T; error?: unknown; response: Response }, status: number): T {
  check(
    answer.response.status === status,
    `${answer.response.url}: expected ${status}, got ${answer.response.status}: ${JSON.stringify(answer.error)}`,
  );
  check(answer.data !== undefined, `${answer.response.url}: no body`);
  return answer.data;
}

async function signIn(base: string, username: string, password: string) {
  const anonymous = createClient<paths>({ baseUrl: base });
  const token = expect(
    await anonymous.POST("/api/v1/auth/token", {
      body: { grantType: "password", username, password },
    }),
    200,
  );
  return createClient<paths>({
    baseUrl: base,
    headers: { Authorization: `Bearer ${token.accessToken}` },
  });
}

async function main(base: string, adminPassword: string) {
  const admin = await signIn(base, "admin", adminPassword);

  const communes = expect(
    await admin.GET("/api/v1/org-units", { params: { query: { parentCode: PROVINCE } } }),
    200,
  );
  check(communes.items.some((unit) => unit.code === COMMUNE), "the province lists the commune");
  const plan = expect(await admin.GET("/api/v1/plans/{code}", { params: { path: { code: PLAN } } }), 200);
  check(plan.code === PLAN, "the plan is read");

  // A draft of the demo month: open it (idempotent), put its own values back, submit.
  const drafts = expect(
    await admin.GET("/api/v1/reports", { params: { query: { plan: PLAN, state: "draft" } } }),
    200,
  );
  check(drafts.items.length > 0, "the demo has a draft report");
  const draft = drafts.items[0];
  const key = { unitCode: draft.unitCode, planCode: PLAN, period: draft.period };
  const opened = await admin.PUT("/api/v1/reports/{unitCode}/{planCode}/{period}", {
    params: { path: key },
  });
  const report = expect(opened, opened.response.status === 201 ? 201 : 200);
  const values: ValueItem[] = report.values
    .filter((v) => v.value !== null && v.value !== undefined)
    .slice(0, 3)
    .map((v) => ({ indicatorCode: v.indicatorCode, value: v.value as ValueItem["value"] }));
  const put = await admin.PUT("/api/v1/reports/{unitCode}/{planCode}/{period}/values", {
    params: { path: key, header: { "If-Match": opened.response.headers.get("etag") ?? "" } },
    body: { values },
  });
  expect(put, 200);
  const submitted = expect(
    await admin.POST("/api/v1/reports/{unitCode}/{planCode}/{period}/submit", {
      params: {
        path: key,
        header: {
          "If-Match": put.response.headers.get("etag") ?? "",
          "Idempotency-Key": crypto.randomUUID(),
        },
      },
    }),
    200,
  );
  check(submitted.state === "submitted", "the report is submitted");

  // A province officer approves the commune's report that waits for the province.
  const username = `tinh.ts.${crypto.randomUUID().slice(0, 8)}`;
  const password = "mật khẩu của tỉnh 31 (ts)";
  expect(
    await admin.POST("/api/v1/users", {
      body: {
        username,
        displayName: "Cán bộ tỉnh Hải Phòng",
        password,
        role: "provinceOfficer",
        homeUnitCode: PROVINCE,
      },
    }),
    201,
  );
  // The administrator chose the first password: its owner replaces it before anything else
  // and signs in again (the change ends the first token).
  const first = await signIn(base, username, password);
  const ownPassword = "mật khẩu riêng của cán bộ tỉnh (ts)";
  expect(
    await first.PATCH("/api/v1/users/{username}", {
      params: { path: { username }, header: { "If-Match": "*" } },
      body: { password: ownPassword, currentPassword: password },
    }),
    200,
  );
  const officer = await signIn(base, username, ownPassword);
  const waiting = expect(
    await officer.GET("/api/v1/reports", {
      params: { query: { unit: COMMUNE, plan: PLAN, state: "submitted" } },
    }),
    200,
  );
  check(waiting.items.length > 0, "a commune report waits for the province");
  const communeKey = { unitCode: COMMUNE, planCode: PLAN, period: waiting.items[0].period };
  const communeReport = await officer.GET("/api/v1/reports/{unitCode}/{planCode}/{period}", {
    params: { path: communeKey },
  });
  expect(communeReport, 200);
  const approved = expect(
    await officer.POST("/api/v1/reports/{unitCode}/{planCode}/{period}/approve", {
      params: {
        path: communeKey,
        header: { "If-Match": communeReport.response.headers.get("etag") ?? "" },
      },
    }),
    200,
  );
  check(approved.state === "approved", "the commune report is approved");

  // Progress of the commune's year in all six formats.
  const year = communeKey.period.slice(0, 4);
  const params = { path: { code: COMMUNE }, query: { plan: PLAN, period: year } };
  const progress = expect(await admin.GET("/api/v1/org-units/{code}/progress", { params }), 200);
  check(progress.sections.length > 0, "the progress table has sections");
  const csv = expect(
    await admin.GET("/api/v1/org-units/{code}/progress.csv", { params, parseAs: "text" }),
    200,
  );
  check(csv.includes("Chỉ tiêu"), "the CSV has its header");
  const xlsx = expect(
    await admin.GET("/api/v1/org-units/{code}/progress.xlsx", { params, parseAs: "arrayBuffer" }),
    200,
  );
  check(new Uint8Array(xlsx)[0] === 0x50, "the XLSX is a zip file");
  const html = expect(
    await admin.GET("/api/v1/org-units/{code}/progress.html", { params, parseAs: "text" }),
    200,
  );
  check(html.toLowerCase().includes("<html"), "the page is HTML");
  const dhis2 = expect(await admin.GET("/api/v1/org-units/{code}/progress.dhis2.json", { params }), 200);
  check(dhis2.dataSet === PLAN && (dhis2.dataValues ?? []).length > 0, "the data value set has values");
  const adx = expect(
    await admin.GET("/api/v1/org-units/{code}/progress.adx.xml", { params, parseAs: "text" }),
    200,
  );
  check(adx.includes("urn:ihe:qrph:adx:2015"), "the ADX document has the IHE namespace");

  const rollup = expect(
    await admin.GET("/api/v1/org-units/{code}/rollup", {
      params: { path: { code: PROVINCE }, query: { period: year, plan: PLAN } },
    }),
    200,
  );
  check(rollup.unitCode === PROVINCE && rollup.figures.length > 0, "the province rolls up");
  const sync = expect(await admin.GET("/api/v1/sync/targets"), 200);
  check(sync.targets.length > 0, "the demo syncs to its simulator");
  console.log(
    `typescript client walked ${draft.unitCode} ${draft.period}: submitted, ${COMMUNE} ` +
      `${communeKey.period} approved by ${username}, six progress formats, roll-up of ` +
      `${PROVINCE}, ${sync.targets.length} sync target(s)`,
  );
}

const [base] = process.argv.slice(2);
const adminPassword = process.env.CHITIEU_ADMIN_PASSWORD;
check(base !== undefined && adminPassword !== undefined, "usage: walk.js BASE_URL (CHITIEU_ADMIN_PASSWORD set)");
await main(base, adminPassword);
