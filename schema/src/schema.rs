//! Diesel table definitions, written by hand for the portable subset of SQL types that
//! `MultiConnection` supports (integers, text, bool, dates and UTC timestamps).

diesel::table! {
    org_units (id) {
        id -> BigInt,
        code -> Text,
        name -> Text,
        name_key -> Text,
        kind -> Text,
        parent_id -> Nullable<BigInt>,
        path -> Text,
        depth -> Integer,
        valid_from -> Nullable<Date>,
        valid_to -> Nullable<Date>,
        closure_reason -> Nullable<Text>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    org_unit_successions (predecessor_id, successor_id) {
        predecessor_id -> BigInt,
        successor_id -> BigInt,
        effective_on -> Date,
    }
}

diesel::table! {
    catalogs (id) {
        id -> BigInt,
        code -> Text,
        name -> Text,
        description -> Nullable<Text>,
        level -> Nullable<Text>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    catalog_sections (id) {
        id -> BigInt,
        catalog_id -> BigInt,
        code -> Text,
        title -> Text,
        position -> Integer,
        version -> Integer,
    }
}

diesel::table! {
    indicators (id) {
        id -> BigInt,
        catalog_id -> BigInt,
        section_id -> Nullable<BigInt>,
        parent_id -> Nullable<BigInt>,
        code -> Text,
        number -> Text,
        name -> Text,
        name_key -> Text,
        unit_of_measure -> Nullable<Text>,
        value_kind -> Text,
        direction -> Text,
        aggregation -> Text,
        decimals -> Nullable<Integer>,
        position -> Integer,
        description -> Nullable<Text>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    users (id) {
        id -> BigInt,
        username -> Text,
        display_name -> Text,
        password_hash -> Text,
        role -> Text,
        home_unit_id -> Nullable<BigInt>,
        disabled -> Bool,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    api_keys (id) {
        id -> BigInt,
        prefix -> Text,
        secret_hash -> Text,
        name -> Text,
        role -> Text,
        home_unit_id -> Nullable<BigInt>,
        created_by -> BigInt,
        created_at -> Timestamp,
        expires_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
        last_used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    access_events (id) {
        id -> BigInt,
        at -> Timestamp,
        kind -> Text,
        subject -> Text,
        client_ip -> Nullable<Text>,
        request_id -> Nullable<Text>,
        detail -> Nullable<Text>,
    }
}

diesel::joinable!(catalog_sections -> catalogs (catalog_id));
diesel::joinable!(indicators -> catalogs (catalog_id));
diesel::joinable!(indicators -> catalog_sections (section_id));
diesel::joinable!(users -> org_units (home_unit_id));
diesel::joinable!(api_keys -> org_units (home_unit_id));
diesel::joinable!(api_keys -> users (created_by));

diesel::allow_tables_to_appear_in_same_query!(
    org_units,
    org_unit_successions,
    catalogs,
    catalog_sections,
    indicators,
    users,
    api_keys,
    access_events,
);
