//! Closing units: successions, and what a closure refuses.

use chitieu_e2e::{TestApp, expect_json};
use serde_json::json;

use super::{agency, close, codes, commune, create, pointers, province, read, small_tree};

pub(super) async fn closing_a_commune_records_its_successors_and_keeps_it_readable(app: TestApp) {
    province(&app, "01", "Thành phố Hà Nội").await;
    commune(&app, "00070", "Phường Hàng Bạc", "01").await;
    commune(&app, "01001", "Phường Hoàn Kiếm", "01").await;
    let closed = close(
        &app,
        "00070",
        json!({"closedOn": "2025-06-30", "successorCodes": ["01001"],
            "reason": "Sáp nhập theo Nghị quyết 1656/NQ-UBTVQH15"}),
        200,
    )
    .await;
    assert_eq!(closed["closed"], true);
    assert_eq!(closed["validTo"], "2025-06-30");
    assert_eq!(closed["successors"], json!(["01001"]));
    let (_, readable) = read(&app, "00070").await;
    assert_eq!(readable, closed);
    let (_, successor) = read(&app, "01001").await;
    assert_eq!(successor["predecessors"], json!(["00070"]));

    let open = expect_json(app.get("/api/v1/org-units/01/children").await, 200).await;
    assert_eq!(codes(&open["items"]), ["01001"]);
    let all = expect_json(
        app.get("/api/v1/org-units/01/children?includeClosed=true")
            .await,
        200,
    )
    .await;
    assert_eq!(codes(&all["items"]), ["00070", "01001"]);
    let again = close(
        &app,
        "00070",
        json!({"closedOn": "2025-07-01", "reason": "x"}),
        409,
    )
    .await;
    assert!(
        again["detail"].as_str().unwrap().contains("already closed"),
        "{again}"
    );
}

pub(super) async fn closing_a_unit_with_open_children_is_refused(app: TestApp) {
    small_tree(&app).await;
    agency(&app, "01001-KT", "Phòng Kinh tế", "01001").await;
    let problem = close(
        &app,
        "01001",
        json!({"closedOn": "2025-06-30", "reason": "Sáp nhập"}),
        409,
    )
    .await;
    assert!(
        problem["detail"].as_str().unwrap().contains("2 open child"),
        "{problem}"
    );
    let (_, unit) = read(&app, "01001").await;
    assert_eq!(unit["closed"], false);
}

pub(super) async fn successors_that_cannot_take_over_are_named_by_position(app: TestApp) {
    small_tree(&app).await;
    commune(&app, "01002", "Phường Ba Đình", "01").await;
    agency(&app, "01002-KT", "Phòng Kinh tế", "01002").await;
    let problem = close(
        &app,
        "01002-KT",
        json!({"closedOn": "2025-06-30", "reason": "Giải thể",
            "successorCodes": ["01001-VHXH", "01", "01002-KT", "ZZ-NONE"]}),
        422,
    )
    .await;
    assert_eq!(
        pointers(&problem),
        [
            "/successorCodes/1",
            "/successorCodes/2",
            "/successorCodes/3"
        ]
    );
    let early = close(
        &app,
        "01001-VHXH",
        json!({"closedOn": "2024-01-01", "reason": "Giải thể"}),
        200,
    )
    .await;
    assert_eq!(early["closed"], true);
}

pub(super) async fn a_unit_cannot_close_before_it_began_nor_begin_after_it_closed(app: TestApp) {
    province(&app, "01", "Thành phố Hà Nội").await;
    create(
        &app,
        json!({"code": "01001", "name": "Phường Hoàn Kiếm", "kind": "commune",
            "parentCode": "01", "validFrom": "2025-07-01"}),
    )
    .await;
    let early = close(
        &app,
        "01001",
        json!({"closedOn": "2025-06-30", "reason": "Sáp nhập"}),
        422,
    )
    .await;
    assert_eq!(pointers(&early), ["/closedOn"]);
    close(
        &app,
        "01001",
        json!({"closedOn": "2025-07-01", "reason": "Sáp nhập"}),
        200,
    )
    .await;
    let (etag, _) = read(&app, "01001").await;
    let late = expect_json(
        app.patch_json(
            "/api/v1/org-units/01001",
            &etag,
            &json!({"validFrom": "2025-07-02"}),
        )
        .await,
        422,
    )
    .await;
    assert_eq!(pointers(&late), ["/validFrom"]);
}
