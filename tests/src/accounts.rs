//! Arranging accounts and units for tests: users created straight in the store, units
//! inserted straight into `org_units` (the org-unit API is not what these tests are about),
//! and clients that carry a given token.

use chitieu_schema::accounts::users::{self, NewUser};
use chitieu_schema::accounts::{Origin, Password, Role, Username, find_unit};
use chitieu_schema::db::DbPool;
use chitieu_schema::domain::{Name, OrgUnitCode, name_key};
use chitieu_schema::schema::org_units;
use diesel::prelude::*;
use reqwest::header::{AUTHORIZATION, HeaderMap, HeaderValue};
use serde_json::json;

use crate::TestApp;

/// The password of every account made by [`TestApp::client_for`].
pub const USER_PASSWORD: &str = "user password for tests";

/// Creates an account through the storage layer; `role` is its API name.
pub async fn create_user_in_store(
    pool: &DbPool,
    username: &str,
    password: &str,
    role: &str,
    unit: Option<&str>,
) {
    let pool = pool.clone();
    let (username, password, role) = (
        Username::parse(username).expect("a valid username"),
        Password::parse(password).expect("a valid password"),
        Role::parse(role).expect("a valid role"),
    );
    let unit = unit.map(|c| OrgUnitCode::parse(c).expect("a valid unit code"));
    tokio::task::spawn_blocking(move || {
        let mut conn = pool.get().expect("a connection");
        let home_unit = unit.map(|code| {
            find_unit(&mut conn, &code)
                .expect("the unit is readable")
                .expect("seed the unit first")
        });
        let new = NewUser {
            display_name: Name::parse(username.as_str()).expect("a name"),
            username,
            password_hash: password.hash().expect("hashing works"),
            role,
            home_unit,
            password_must_change: false,
        };
        users::create(&mut conn, new, &Origin::default()).expect("the user is created");
    })
    .await
    .expect("the blocking task ends");
}

/// Signs in over HTTP and returns the access token.
pub async fn sign_in(address: &str, username: &str, password: &str) -> String {
    let response = reqwest::Client::new()
        .post(format!("{address}/api/v1/auth/token"))
        .json(&json!({"grantType": "password", "username": username, "password": password}))
        .send()
        .await
        .expect("the token endpoint answers");
    let body = crate::expect_json(response, 200).await;
    body["accessToken"]
        .as_str()
        .expect("an access token")
        .to_owned()
}

/// A client that sends `Authorization: Bearer <token>` with every request.
pub fn client_with_token(token: &str) -> reqwest::Client {
    let mut headers = HeaderMap::new();
    let value = HeaderValue::from_str(&format!("Bearer {token}")).expect("a header value");
    headers.insert(AUTHORIZATION, value);
    reqwest::Client::builder()
        .default_headers(headers)
        .build()
        .expect("a client")
}

impl TestApp {
    /// A client that sends no credentials.
    pub fn anonymous(&self) -> reqwest::Client {
        reqwest::Client::new()
    }

    /// Inserts an organisation unit straight into the database: `kind` is national, province,
    /// commune or unit; the path is built from the parent's.
    pub async fn seed_unit(&self, code: &str, kind: &str, parent: Option<&str>) {
        let pool = self.pool.clone();
        let (code, kind, parent) = (code.to_owned(), kind.to_owned(), parent.map(str::to_owned));
        tokio::task::spawn_blocking(move || {
            let mut conn = pool.get().expect("a connection");
            let (parent_id, parent_path, depth) = match parent {
                Some(parent) => {
                    let (id, path, depth) = org_units::table
                        .filter(org_units::code.eq(&parent))
                        .select((org_units::id, org_units::path, org_units::depth))
                        .first::<(i64, String, i32)>(&mut *conn)
                        .expect("seed the parent first");
                    (Some(id), path, depth + 1)
                }
                None => (None, "/".to_owned(), 0),
            };
            let now = chitieu_schema::now_utc();
            let name = format!("Unit {code}");
            diesel::insert_into(org_units::table)
                .values((
                    org_units::code.eq(&code),
                    org_units::name_key.eq(name_key(&name)),
                    org_units::name.eq(&name),
                    org_units::kind.eq(&kind),
                    org_units::parent_id.eq(parent_id),
                    org_units::path.eq(format!("{parent_path}{code}/")),
                    org_units::depth.eq(depth),
                    org_units::version.eq(1),
                    org_units::created_at.eq(now),
                    org_units::updated_at.eq(now),
                ))
                .execute(&mut *conn)
                .expect("the unit is inserted");
        })
        .await
        .expect("the blocking task ends");
    }

    /// Creates `username` with `role` (its API name) homed at `unit`, signs in and returns the
    /// token. The password is [`USER_PASSWORD`].
    pub async fn token_for(&self, username: &str, role: &str, unit: Option<&str>) -> String {
        create_user_in_store(&self.pool, username, USER_PASSWORD, role, unit).await;
        sign_in(&self.address, username, USER_PASSWORD).await
    }

    /// A client acting as a new account `username` with `role` homed at `unit`.
    pub async fn client_for(
        &self,
        username: &str,
        role: &str,
        unit: Option<&str>,
    ) -> reqwest::Client {
        client_with_token(&self.token_for(username, role, unit).await)
    }

    /// Runs `work` on a connection of the server's database.
    pub async fn with_db<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut chitieu_schema::db::Db) -> T + Send + 'static,
    ) -> T {
        let pool = self.pool.clone();
        tokio::task::spawn_blocking(move || {
            let mut conn = pool.get().expect("a connection");
            work(&mut conn)
        })
        .await
        .expect("the blocking task ends")
    }
}
