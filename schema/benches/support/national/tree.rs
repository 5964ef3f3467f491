//! The national unit, the provinces, the communes and their agencies.

use super::{
    AGENCIES_PER_COMMUNE, COMMUNES, Failure, NATIONAL, PROVINCES, commune_code, province_code,
};
use chitieu_schema::db::Db;
use chitieu_schema::domain::name_key;
use chitieu_schema::schema::org_units;
use diesel::prelude::*;

/// The national unit, the provinces, the communes and their agencies; returns the count.
pub fn seed_tree(conn: &mut Db) -> Result<usize, Failure> {
    let now = chitieu_schema::now_utc();
    let row = |code: &str, kind: &'static str, parent: Option<i64>, path: String| {
        let name = format!("Đơn vị {code}");
        (
            org_units::code.eq(code.to_owned()),
            org_units::name_key.eq(name_key(&name)),
            org_units::name.eq(name),
            org_units::kind.eq(kind),
            org_units::parent_id.eq(parent),
            org_units::depth.eq(i32::try_from(path.matches('/').count() - 1).unwrap_or(0)),
            org_units::path.eq(path),
            org_units::version.eq(1),
            org_units::created_at.eq(now),
            org_units::updated_at.eq(now),
        )
    };
    let national = [row(NATIONAL, "national", None, format!("/{NATIONAL}/"))];
    insert_chunks!(
        conn,
        org_units::table,
        national,
        1,
        "inserting the national unit"
    );
    let national_id = id_of(conn, NATIONAL)?;
    let provinces: Vec<_> = (0..PROVINCES)
        .map(|p| {
            let code = province_code(p);
            row(
                &code,
                "province",
                Some(national_id),
                format!("/{NATIONAL}/{code}/"),
            )
        })
        .collect();
    insert_chunks!(
        conn,
        org_units::table,
        provinces,
        1_000,
        "inserting provinces"
    );
    let province_ids = ids_by_code(conn, "province")?;
    // Communes are spread over provinces in turn, about 98 each, as the real count is.
    let communes: Vec<_> = (0..COMMUNES)
        .map(|n| {
            let (province, id) = &province_ids[n % PROVINCES];
            let code = commune_code(n);
            row(
                &code,
                "commune",
                Some(*id),
                format!("/{NATIONAL}/{province}/{code}/"),
            )
        })
        .collect();
    insert_chunks!(
        conn,
        org_units::table,
        communes,
        1_000,
        "inserting communes"
    );
    let commune_paths: Vec<(i64, String, String)> = org_units::table
        .filter(org_units::kind.eq("commune"))
        .select((org_units::id, org_units::code, org_units::path))
        .load(conn)
        .map_err(|e| format!("reading communes: {e}"))?;
    let agencies: Vec<_> = commune_paths
        .iter()
        .flat_map(|(id, code, path)| {
            (1..=AGENCIES_PER_COMMUNE).map(move |a| {
                let agency = format!("{code}-U{a:02}");
                let path = format!("{path}{agency}/");
                row(&agency, "unit", Some(*id), path)
            })
        })
        .collect();
    insert_chunks!(
        conn,
        org_units::table,
        agencies,
        1_000,
        "inserting agencies"
    );
    Ok(1 + PROVINCES + COMMUNES * (1 + AGENCIES_PER_COMMUNE))
}

pub(super) fn id_of(conn: &mut Db, code: &str) -> Result<i64, Failure> {
    Ok(org_units::table
        .filter(org_units::code.eq(code))
        .select(org_units::id)
        .first(conn)
        .map_err(|e| format!("reading unit {code}: {e}"))?)
}

pub(super) fn ids_by_code(conn: &mut Db, kind: &str) -> Result<Vec<(String, i64)>, Failure> {
    Ok(org_units::table
        .filter(org_units::kind.eq(kind))
        .order(org_units::code)
        .select((org_units::code, org_units::id))
        .load(conn)
        .map_err(|e| format!("reading {kind} units: {e}"))?)
}
