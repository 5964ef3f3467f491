use chitieu_e2e::{TestApp, expect_json};
use serde_json::{Value, json};

use super::fixture::{
    THAI_TAN, code_of, create_catalog, create_indicator, create_section, sub_item, thai_tan,
};

fn numbers(nodes: &Value) -> Vec<&str> {
    nodes
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["number"].as_str().unwrap())
        .collect()
}

pub async fn the_tree_lists_sections_in_order_with_sub_items_nested_numerically(app: TestApp) {
    thai_tan(&app).await;
    // Created out of order and sharing a position: the number decides, read as numbers.
    sub_item(&app, "7.10", Some(100)).await;
    sub_item(&app, "7.2", Some(100)).await;
    sub_item(&app, "7.1", Some(100)).await;
    create_indicator(
        &app,
        json!({"catalogCode": THAI_TAN, "code": "NQ57-THAITAN-KHAC", "number": "30",
            "name": "Chỉ tiêu khác", "valueKind": "text"}),
    )
    .await;

    let tree = expect_json(
        app.get(&format!("/api/v1/catalogs/{THAI_TAN}/tree")).await,
        200,
    )
    .await;
    assert_eq!(tree["catalog"]["code"], THAI_TAN);
    let sections: Vec<&str> = tree["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["code"].as_str().unwrap())
        .collect();
    assert_eq!(sections, ["I", "II", "III", "IV", "V", "VI"]);
    assert_eq!(numbers(&tree["sections"][0]["indicators"]), ["1", "3"]);
    assert_eq!(numbers(&tree["sections"][2]["indicators"]), ["18", "19"]);
    assert_eq!(
        numbers(&tree["sections"][4]["indicators"]),
        ["21", "25", "29"]
    );
    assert_eq!(
        numbers(&tree["sections"][5]["indicators"]),
        Vec::<&str>::new()
    );

    let section_two = &tree["sections"][1];
    assert_eq!(section_two["title"], "Phát triển nguồn lực");
    assert_eq!(numbers(&section_two["indicators"]), ["7"]);
    let seven = &section_two["indicators"][0];
    assert_eq!(numbers(&seven["children"]), ["7.1", "7.2", "7.10"]);
    assert_eq!(seven["children"][0]["parentCode"], code_of("7"));

    assert_eq!(numbers(&tree["unsectioned"]), ["30"]);
}

pub async fn a_sub_item_finds_its_parent_and_section_by_its_number(app: TestApp) {
    thai_tan(&app).await;
    let sub = sub_item(&app, "7.1", None).await;
    assert_eq!(sub["parentCode"], code_of("7"));
    assert_eq!(sub["sectionCode"], "II");
    // Item 40 does not exist, so 40.1 has no parent: it stands on its own, where it was filed.
    let lone = create_indicator(
        &app,
        json!({"catalogCode": THAI_TAN, "code": "NQ57-THAITAN-40.1", "number": "40.1",
            "name": "Chỉ tiêu 40.1", "valueKind": "count", "sectionCode": "III"}),
    )
    .await;
    assert_eq!(lone["parentCode"], Value::Null);
    assert_eq!(lone["sectionCode"], "III");
}

pub async fn direction_and_aggregation_default_by_value_kind(app: TestApp) {
    thai_tan(&app).await;
    let expected = [
        ("1", "percent", "higherIsBetter", "ratio"),
        ("18", "count", "higherIsBetter", "sum"),
        ("19", "status", "reach", "shareAchieved"),
        ("21", "rank", "lowerIsBetter", "none"),
    ];
    for (number, kind, direction, aggregation) in expected {
        let indicator = expect_json(
            app.get(&format!("/api/v1/indicators/{}", code_of(number)))
                .await,
            200,
        )
        .await;
        assert_eq!(indicator["valueKind"], kind, "{number}");
        assert_eq!(indicator["direction"], direction, "{number}");
        assert_eq!(indicator["aggregation"], aggregation, "{number}");
    }
    // An explicit, compatible choice is kept.
    let mean_rank = create_indicator(
        &app,
        json!({"catalogCode": THAI_TAN, "code": "NQ57-THAITAN-22", "number": "22",
            "name": "Xếp hạng chỉ số PAPI", "valueKind": "rank", "aggregation": "mean",
            "direction": "lowerIsBetter", "precision": 2}),
    )
    .await;
    assert_eq!(mean_rank["aggregation"], "mean");
    assert_eq!(mean_rank["precision"], 2);
}

pub async fn a_section_takes_the_value_of_its_numeral_as_position(app: TestApp) {
    create_catalog(&app, THAI_TAN).await;
    let eleven = create_section(&app, THAI_TAN, "xi", "Hợp tác quốc tế").await;
    assert_eq!(eleven["code"], "XI");
    assert_eq!(eleven["position"], 11);
    create_section(&app, THAI_TAN, "IV", "Phát triển hệ sinh thái ĐMST").await;
    let sections = expect_json(
        app.get(&format!("/api/v1/catalogs/{THAI_TAN}/sections"))
            .await,
        200,
    )
    .await;
    let codes: Vec<&str> = sections["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["IV", "XI"]);
}

pub async fn a_created_indicator_has_a_location_and_an_etag(app: TestApp) {
    create_catalog(&app, THAI_TAN).await;
    let response = app
        .post_json(
            "/api/v1/indicators",
            &json!({"catalogCode": THAI_TAN, "code": "NQ57-THAITAN-1", "number": "1",
                "name": "Tỷ lệ phủ sóng 5G trên địa bàn xã", "valueKind": "percent"}),
        )
        .await;
    assert_eq!(
        response.headers()["location"],
        "/api/v1/indicators/NQ57-THAITAN-1"
    );
    assert_eq!(response.headers()["etag"], "\"1\"");
    let body = expect_json(response, 201).await;
    assert_eq!(body["version"], 1);
    let read = app.get("/api/v1/indicators/NQ57-THAITAN-1").await;
    assert_eq!(read.headers()["etag"], "\"1\"");
}

pub async fn vietnamese_names_come_back_in_nfc_exactly(app: TestApp) {
    create_catalog(&app, THAI_TAN).await;
    // "Tỷ lệ hồ sơ được số hóa" with every mark decomposed (NFD), as some converters emit it.
    let decomposed = "Ty\u{309} le\u{323}\u{302} ho\u{302}\u{300} so\u{31b} \u{111}u\u{31b}o\u{31b}\u{323}c so\u{302}\u{301} ho\u{301}a";
    let composed = "Tỷ lệ hồ sơ được số hóa";
    let created = create_indicator(
        &app,
        json!({"catalogCode": THAI_TAN, "code": "NQ57-THAITAN-25", "number": "25",
            "name": decomposed, "valueKind": "percent"}),
    )
    .await;
    assert_eq!(created["name"].as_str().unwrap(), composed);
    let read = expect_json(app.get("/api/v1/indicators/NQ57-THAITAN-25").await, 200).await;
    assert_eq!(read["name"].as_str().unwrap(), composed);
    let catalog = expect_json(app.get(&format!("/api/v1/catalogs/{THAI_TAN}")).await, 200).await;
    assert_eq!(catalog["name"], "Chỉ tiêu Kế hoạch 18/KH-UBND xã Thái Tân");
}
