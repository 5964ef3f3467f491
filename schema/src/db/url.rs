use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl fmt::Display for Backend {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        })
    }
}

/// A database URL whose backend is known: `postgres://` or `postgresql://` for PostgreSQL,
/// `sqlite://PATH`, `sqlite:PATH` or a plain file path for SQLite.
#[derive(Clone, PartialEq, Eq)]
pub struct DatabaseUrl {
    raw: String,
    backend: Backend,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("DATABASE_URL {0:?} is neither a postgres:// URL nor a SQLite path")]
pub struct InvalidDatabaseUrl(String);

impl DatabaseUrl {
    pub fn parse(raw: &str) -> Result<Self, InvalidDatabaseUrl> {
        let raw = raw.trim();
        let backend = if raw.starts_with("postgres://") || raw.starts_with("postgresql://") {
            Backend::Postgres
        } else if raw.is_empty() || raw.contains("://") && !raw.starts_with("sqlite://") {
            return Err(InvalidDatabaseUrl(raw.to_owned()));
        } else {
            Backend::Sqlite
        };
        Ok(Self {
            raw: raw.to_owned(),
            backend,
        })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    pub fn as_str(&self) -> &str {
        &self.raw
    }

    /// The file path (or `:memory:`) a SQLite URL points to.
    pub fn sqlite_path(&self) -> String {
        let path = self
            .raw
            .strip_prefix("sqlite://")
            .or_else(|| self.raw.strip_prefix("sqlite:"));
        path.unwrap_or(&self.raw).to_owned()
    }

    /// The same PostgreSQL server with database `name`, keeping the connection parameters
    /// (`?sslmode=verify-full&sslrootcert=…`): `postgres://user@host:port[/db][?query]` with its
    /// database part replaced. `None` for SQLite.
    pub fn with_database(&self, name: &str) -> Option<DatabaseUrl> {
        if self.backend != Backend::Postgres {
            return None;
        }
        let (before_query, query) = match self.raw.split_once('?') {
            Some((before, query)) => (before, Some(query)),
            None => (self.raw.as_str(), None),
        };
        let before_query = before_query.trim_end_matches('/');
        let after_scheme = before_query.find("://").map_or(0, |i| i + 3);
        let server = match before_query[after_scheme..].find('/') {
            Some(slash) => &before_query[..after_scheme + slash],
            None => before_query,
        };
        let raw = match query {
            Some(query) => format!("{server}/{name}?{query}"),
            None => format!("{server}/{name}"),
        };
        Some(Self {
            raw,
            backend: Backend::Postgres,
        })
    }

    /// The URL without its password, for logs and error messages.
    pub fn redacted(&self) -> String {
        match (self.raw.find("://"), self.raw.rfind('@')) {
            (Some(scheme_end), Some(at)) if at > scheme_end => {
                let userinfo = &self.raw[scheme_end + 3..at];
                match userinfo.find(':') {
                    Some(colon) => format!(
                        "{}{}:***{}",
                        &self.raw[..scheme_end + 3],
                        &userinfo[..colon],
                        &self.raw[at..]
                    ),
                    None => self.raw.clone(),
                }
            }
            _ => self.raw.clone(),
        }
    }
}

impl fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.redacted())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postgres_urls_choose_postgres() {
        let url = DatabaseUrl::parse("postgres://u:secret@127.0.0.1:5432/db").unwrap();
        assert_eq!(url.backend(), Backend::Postgres);
        assert_eq!(url.redacted(), "postgres://u:***@127.0.0.1:5432/db");
    }

    #[test]
    fn sqlite_urls_and_plain_paths_choose_sqlite() {
        for raw in [
            "sqlite://data/chitieu.db",
            "sqlite:data/chitieu.db",
            "data/chitieu.db",
        ] {
            let url = DatabaseUrl::parse(raw).unwrap();
            assert_eq!(url.backend(), Backend::Sqlite);
            assert_eq!(url.sqlite_path(), "data/chitieu.db");
        }
    }

    #[test]
    fn another_database_on_the_same_server_keeps_the_tls_parameters() {
        let url = DatabaseUrl::parse(
            "postgres://postgres@127.0.0.1:5432/postgres?sslmode=verify-ca&sslrootcert=/etc/ssl/certs/ca.pem",
        )
        .unwrap();
        assert_eq!(
            url.with_database("t1").unwrap().as_str(),
            "postgres://postgres@127.0.0.1:5432/t1?sslmode=verify-ca&sslrootcert=/etc/ssl/certs/ca.pem"
        );
        let bare = DatabaseUrl::parse("postgres://postgres@127.0.0.1:5432/").unwrap();
        assert_eq!(
            bare.with_database("t2").unwrap().as_str(),
            "postgres://postgres@127.0.0.1:5432/t2"
        );
        assert!(
            DatabaseUrl::parse("data/x.db")
                .unwrap()
                .with_database("t")
                .is_none()
        );
    }

    #[test]
    fn other_schemes_are_refused() {
        assert!(DatabaseUrl::parse("mysql://localhost/db").is_err());
        assert!(DatabaseUrl::parse("  ").is_err());
    }
}
