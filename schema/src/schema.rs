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
        period_aggregation -> Text,
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
        token_generation -> Integer,
        password_must_change -> Bool,
    }
}

diesel::table! {
    sign_in_throttle (key) {
        key -> Text,
        failures -> Integer,
        last_failure_at -> Timestamp,
        blocked_until -> Nullable<Timestamp>,
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

diesel::table! {
    plans (id) {
        id -> BigInt,
        code -> Text,
        number -> Text,
        issued_on -> Date,
        title -> Text,
        issuing_unit_id -> BigInt,
        catalog_id -> BigInt,
        valid_from -> Date,
        valid_to -> Date,
        monthly_due_day -> Integer,
        monthly_due_offset -> Integer,
        quarterly_due_day -> Integer,
        quarterly_due_offset -> Integer,
        six_monthly_due_day -> Integer,
        six_monthly_due_offset -> Integer,
        yearly_due_day -> Integer,
        yearly_due_offset -> Integer,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    plan_items (id) {
        id -> BigInt,
        plan_id -> BigInt,
        indicator_id -> BigInt,
        output_product -> Nullable<Text>,
        note -> Nullable<Text>,
        position -> Integer,
        version -> Integer,
    }
}

diesel::table! {
    plan_item_targets (plan_item_id, year) {
        plan_item_id -> BigInt,
        year -> Integer,
        raw -> Text,
        meaning -> Text,
        bound -> Nullable<Text>,
        low -> Nullable<Text>,
        high -> Nullable<Text>,
        unit -> Nullable<Text>,
        status_label -> Nullable<Text>,
        doubt -> Nullable<Text>,
    }
}

diesel::table! {
    plan_item_assignments (plan_item_id, unit_id) {
        plan_item_id -> BigInt,
        unit_id -> BigInt,
        role -> Text,
    }
}

diesel::table! {
    reports (id) {
        id -> BigInt,
        unit_id -> BigInt,
        plan_id -> BigInt,
        period -> Text,
        period_start -> Date,
        period_end -> Date,
        state -> Text,
        state_reason -> Nullable<Text>,
        due_at -> Nullable<Timestamp>,
        submitted_at -> Nullable<Timestamp>,
        submitted_by -> Nullable<Text>,
        late -> Bool,
        approved_at -> Nullable<Timestamp>,
        approved_by -> Nullable<Text>,
        approval_override -> Nullable<Text>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    report_values (id) {
        id -> BigInt,
        report_id -> BigInt,
        indicator_id -> BigInt,
        number_value -> Nullable<Double>,
        numerator -> Nullable<Double>,
        denominator -> Nullable<Double>,
        achieved -> Nullable<Bool>,
        text_value -> Nullable<Text>,
        comment -> Nullable<Text>,
        evidence -> Nullable<Text>,
        updated_at -> Timestamp,
        updated_by -> Text,
    }
}

diesel::table! {
    report_sections (report_id, code) {
        report_id -> BigInt,
        code -> Text,
        parent_code -> Nullable<Text>,
        title -> Text,
        position -> Integer,
        content_html -> Text,
    }
}

diesel::table! {
    report_documents (report_id) {
        report_id -> BigInt,
        document_number -> Nullable<Text>,
        superior_body -> Nullable<Text>,
        issuing_body -> Nullable<Text>,
        place -> Nullable<Text>,
        issued_on -> Nullable<Date>,
        summary -> Nullable<Text>,
        signer_authority -> Nullable<Text>,
        signer_title -> Nullable<Text>,
        signer_name -> Nullable<Text>,
        recipients -> Nullable<Text>,
        updated_at -> Timestamp,
        updated_by -> Text,
    }
}

diesel::table! {
    audit_entries (id) {
        id -> BigInt,
        at -> Timestamp,
        actor -> Text,
        request_id -> Nullable<Text>,
        action -> Text,
        unit_code -> Text,
        plan_code -> Text,
        period -> Text,
        indicator_code -> Nullable<Text>,
        old_value -> Nullable<Text>,
        new_value -> Nullable<Text>,
        reason -> Nullable<Text>,
        prev_hash -> Text,
        hash -> Text,
    }
}

diesel::table! {
    idempotency_keys (subject, key) {
        subject -> Text,
        key -> Text,
        endpoint -> Text,
        request_hash -> Text,
        response_status -> Nullable<Integer>,
        response_body -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    sync_targets (code) {
        code -> Text,
        profile -> Text,
        base_url -> Text,
        auth -> Text,
        mapping -> Text,
        enabled -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        tls -> Nullable<Text>,
        template -> Nullable<Text>,
    }
}

diesel::table! {
    sync_outbox (id) {
        id -> BigInt,
        target_code -> Text,
        report_id -> Nullable<BigInt>,
        unit_code -> Text,
        plan_code -> Text,
        period -> Text,
        report_version -> Integer,
        idempotency_key -> Text,
        state -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        claimed_by -> Nullable<Text>,
        lease_until -> Nullable<Timestamp>,
        last_attempt_at -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
        receipt -> Nullable<Text>,
        created_at -> Timestamp,
        sent_at -> Nullable<Timestamp>,
        updated_at -> Timestamp,
        template_version -> Nullable<Text>,
        webhook_id -> Nullable<BigInt>,
        event_id -> Nullable<BigInt>,
        payload -> Nullable<Text>,
    }
}

diesel::table! {
    sync_job_slots (job, slot) {
        job -> Text,
        slot -> Timestamp,
        claimed_by -> Text,
        claimed_at -> Timestamp,
        finished_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    validation_rules (id) {
        id -> BigInt,
        plan_id -> BigInt,
        code -> Text,
        name -> Text,
        description -> Nullable<Text>,
        left_expression -> Text,
        operator -> Text,
        right_expression -> Text,
        importance -> Text,
        missing_value_strategy -> Text,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    validation_rule_switches (plan_id, rule_code) {
        plan_id -> BigInt,
        rule_code -> Text,
        switched_off_at -> Timestamp,
        switched_off_by -> Text,
    }
}

diesel::table! {
    report_acknowledged_warnings (report_id, rule_code) {
        report_id -> BigInt,
        rule_code -> Text,
        left_value -> Nullable<Double>,
        right_value -> Nullable<Double>,
        comment -> Nullable<Text>,
        acknowledged_at -> Timestamp,
        acknowledged_by -> Text,
    }
}

diesel::table! {
    events (id) {
        id -> BigInt,
        occurred_at -> Timestamp,
        kind -> Text,
        unit_code -> Text,
        unit_path -> Text,
        plan_code -> Nullable<Text>,
        period -> Nullable<Text>,
        data -> Text,
    }
}

diesel::joinable!(catalog_sections -> catalogs (catalog_id));
diesel::joinable!(indicators -> catalogs (catalog_id));
diesel::joinable!(indicators -> catalog_sections (section_id));
diesel::joinable!(users -> org_units (home_unit_id));
diesel::joinable!(api_keys -> org_units (home_unit_id));
diesel::joinable!(api_keys -> users (created_by));
diesel::joinable!(plans -> org_units (issuing_unit_id));
diesel::joinable!(plans -> catalogs (catalog_id));
diesel::joinable!(plan_items -> plans (plan_id));
diesel::joinable!(plan_items -> indicators (indicator_id));
diesel::joinable!(plan_item_targets -> plan_items (plan_item_id));
diesel::joinable!(plan_item_assignments -> plan_items (plan_item_id));
diesel::joinable!(plan_item_assignments -> org_units (unit_id));
diesel::joinable!(reports -> org_units (unit_id));
diesel::joinable!(reports -> plans (plan_id));
diesel::joinable!(report_values -> reports (report_id));
diesel::joinable!(report_values -> indicators (indicator_id));
diesel::joinable!(report_sections -> reports (report_id));
diesel::joinable!(report_documents -> reports (report_id));
diesel::joinable!(sync_outbox -> reports (report_id));
diesel::joinable!(validation_rules -> plans (plan_id));
diesel::joinable!(report_acknowledged_warnings -> reports (report_id));

diesel::allow_tables_to_appear_in_same_query!(
    org_units,
    org_unit_successions,
    catalogs,
    catalog_sections,
    indicators,
    users,
    api_keys,
    access_events,
    sign_in_throttle,
    plans,
    plan_items,
    plan_item_targets,
    plan_item_assignments,
    reports,
    report_values,
    report_sections,
    report_documents,
    audit_entries,
    idempotency_keys,
    sync_targets,
    sync_outbox,
    sync_job_slots,
    validation_rules,
    validation_rule_switches,
    report_acknowledged_warnings,
    events,
    webhooks,
);

diesel::table! {
    /// Webhook subscriptions (`crate::webhooks`).
    webhooks (id) {
        id -> BigInt,
        unit_code -> Text,
        unit_path -> Text,
        url -> Text,
        events -> Text,
        description -> Nullable<Text>,
        secret -> Text,
        previous_secret -> Nullable<Text>,
        previous_secret_until -> Nullable<Timestamp>,
        enabled -> Bool,
        disabled_reason -> Nullable<Text>,
        created_by -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> Integer,
    }
}

diesel::table! {
    /// One row: bumped by triggers in every transaction that writes what progress, roll-ups
    /// and completeness read, and by triggers on users and API keys (see
    /// `crate::data_version`).
    data_version (id) {
        id -> Integer,
        version -> BigInt,
        accounts_version -> BigInt,
    }
}
