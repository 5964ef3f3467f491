//! The query of `GET /api/dataValueSets` as DHIS2 reads it (dhis2-core 2.40/2.43
//! `DataValueSetQueryParams`, bound by Spring): a parameter may repeat or list values with
//! commas; names are DHIS2's; parameters DHIS2 knows but this server has nothing for
//! (`dataElementGroup`, `orgUnitGroup`, a non-default `attributeOptionCombo`) are refused
//! rather than silently dropped; other unknown parameters are ignored, as Spring does.

use chitieu_schema::dhis2::DEFAULT_COMBO;
use chitieu_schema::domain::Period;
use chrono::{NaiveDate, NaiveDateTime, TimeDelta};
use serde::Deserialize;
use utoipa::ToSchema;

/// The three forms of the export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ToSchema)]
pub enum DataExportFormat {
    #[serde(rename = "json")]
    Json,
    #[serde(rename = "csv")]
    Csv,
    #[serde(rename = "adx+xml")]
    Adx,
}

impl DataExportFormat {
    pub fn content_type(self) -> &'static str {
        match self {
            Self::Json => "application/json",
            Self::Csv => "application/csv; charset=utf-8",
            Self::Adx => "application/adx+xml; charset=utf-8",
        }
    }

    /// The form a path extension names (`.json`, `.csv`, `.adx`).
    pub fn of_extension(extension: &str) -> Option<Self> {
        match extension {
            "json" => Some(Self::Json),
            "csv" => Some(Self::Csv),
            "adx" => Some(Self::Adx),
            _ => None,
        }
    }

    /// The form an `Accept` header asks for; JSON unless CSV or ADX is named.
    pub fn of_accept(accept: &str) -> Self {
        if accept.contains("adx+xml") {
            Self::Adx
        } else if accept.contains("csv") {
            Self::Csv
        } else {
            Self::Json
        }
    }
}

/// DHIS2's answer to a query it calls illegal (`IllegalQueryException`): a `WebMessage` with
/// the error code.
#[derive(Debug, serde::Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"httpStatus": "Conflict", "httpStatusCode": 409, "status": "ERROR",
    "message": "At least one valid data set or data element group must be specified",
    "errorCode": "E2001"}))]
pub struct Dhis2QueryError {
    /// The reason phrase: `Conflict`.
    pub http_status: String,
    pub http_status_code: u16,
    /// Always `ERROR`.
    pub status: String,
    pub message: String,
    /// DHIS2's error code (`E2001` …).
    pub error_code: String,
}

/// What the query asks for, read but not yet checked against the data.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExportRequest {
    pub data_sets: Vec<String>,
    pub periods: Vec<Period>,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub org_units: Vec<String>,
    pub children: bool,
    pub last_updated: Option<NaiveDateTime>,
    pub last_updated_duration: Option<TimeDelta>,
    pub limit: Option<i64>,
    pub format: Option<DataExportFormat>,
}

/// A query DHIS2 would refuse: `code` is DHIS2's error code (`E2001` …) or ours for what
/// DHIS2 has and this server does not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryError {
    pub code: &'static str,
    pub message: String,
    /// 400 for a value that cannot be read; 409 for a query DHIS2 calls illegal.
    pub unreadable: bool,
}

fn unreadable(name: &str, raw: &str, what: &str) -> QueryError {
    QueryError {
        code: "E1000",
        message: format!("{name}={raw:?} is not {what}"),
        unreadable: true,
    }
}

fn illegal(code: &'static str, message: impl Into<String>) -> QueryError {
    QueryError {
        code,
        message: message.into(),
        unreadable: false,
    }
}

impl ExportRequest {
    pub fn parse(pairs: &[(String, String)]) -> Result<Self, QueryError> {
        let mut request = Self::default();
        for (name, raw) in pairs {
            let items = raw.split(',').map(str::trim).filter(|s| !s.is_empty());
            match name.as_str() {
                "dataSet" => request.data_sets.extend(items.map(str::to_owned)),
                "orgUnit" => request.org_units.extend(items.map(str::to_owned)),
                // DHIS2 skips a period it cannot read.
                "period" => request
                    .periods
                    .extend(items.filter_map(|p| Period::parse(p).ok())),
                "startDate" => request.start_date = Some(date(name, raw)?),
                "endDate" => request.end_date = Some(date(name, raw)?),
                "children" => request.children = flag(name, raw)?,
                "includeDeleted" => {
                    // Nothing deleted is kept, so there is nothing more to include.
                    flag(name, raw)?;
                }
                "lastUpdated" => request.last_updated = Some(moment(name, raw)?),
                "lastUpdatedDuration" => {
                    request.last_updated_duration =
                        Some(duration(raw).ok_or_else(|| {
                            illegal("E2005", format!("Duration is not valid: {raw}"))
                        })?)
                }
                "limit" => {
                    let limit: i64 = raw
                        .parse()
                        .map_err(|_| unreadable(name, raw, "a whole number"))?;
                    if limit < 0 {
                        return Err(illegal(
                            "E2009",
                            format!("Limit cannot be less than zero: {limit}"),
                        ));
                    }
                    request.limit = Some(limit);
                }
                "idScheme"
                | "dataSetIdScheme"
                | "dataElementIdScheme"
                | "orgUnitIdScheme"
                | "outputIdScheme"
                | "outputDataElementIdScheme"
                | "outputOrgUnitIdScheme"
                    if !matches!(raw.as_str(), "code" | "CODE") =>
                {
                    return Err(unreadable(name, raw, "code: only codes name things here"));
                }
                "format" => {
                    let format = match raw.as_str() {
                        "json" => DataExportFormat::Json,
                        "csv" => DataExportFormat::Csv,
                        "adx+xml" => DataExportFormat::Adx,
                        _ => return Err(unreadable(name, raw, "json, csv or adx+xml")),
                    };
                    request.format = Some(format);
                }
                "attributeOptionCombo" if raw.split(',').all(|c| c.trim() == DEFAULT_COMBO) => {}
                "dataElementGroup"
                | "orgUnitGroup"
                | "attributeOptionCombo"
                | "attributeCombo"
                | "attributeOptions"
                | "dataElement" => {
                    return Err(illegal(
                        "E2000",
                        format!(
                            "{name} is not offered here: export by dataSet and orgUnit \
                             (data elements, groups and attribute options do not exist here)"
                        ),
                    ));
                }
                _ => {}
            }
        }
        request.check()?;
        Ok(request)
    }

    /// DHIS2's `DataValueService.validate`, in its order (the last error found wins there;
    /// here the first, which names the same problem).
    fn check(&self) -> Result<(), QueryError> {
        if self.data_sets.is_empty() {
            return Err(illegal(
                "E2001",
                "At least one valid data set or data element group must be specified",
            ));
        }
        let dates = self.start_date.is_some() && self.end_date.is_some();
        if self.periods.is_empty()
            && !dates
            && self.last_updated.is_none()
            && self.last_updated_duration.is_none()
        {
            return Err(illegal(
                "E2002",
                "At least one valid period, start/end dates, last updated or last updated \
                 duration must be specified",
            ));
        }
        if !self.periods.is_empty() && dates {
            return Err(illegal(
                "E2003",
                "Both periods and start/end date cannot be specified",
            ));
        }
        if let (Some(start), Some(end)) = (self.start_date, self.end_date)
            && start > end
        {
            return Err(illegal("E2004", "Start date must be before end date"));
        }
        if self.org_units.is_empty() {
            return Err(illegal(
                "E2006",
                "At least one valid organisation unit or organisation unit group must be \
                 specified",
            ));
        }
        Ok(())
    }
}

fn flag(name: &str, raw: &str) -> Result<bool, QueryError> {
    match raw {
        "true" => Ok(true),
        "false" => Ok(false),
        _ => Err(unreadable(name, raw, "true or false")),
    }
}

/// A day written `YYYY-MM-DD` exactly (chrono alone would take `2026-1-5`), as the document's
/// `format: date` says.
fn date(name: &str, raw: &str) -> Result<NaiveDate, QueryError> {
    let shaped = raw.len() == 10
        && raw.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    NaiveDate::parse_from_str(raw, "%Y-%m-%d")
        .ok()
        .filter(|_| shaped)
        .ok_or_else(|| unreadable(name, raw, "a day YYYY-MM-DD"))
}

/// A day or a moment, as DHIS2's date binding reads it (UTC when no offset is given).
fn moment(name: &str, raw: &str) -> Result<NaiveDateTime, QueryError> {
    if let Ok(at) = chrono::DateTime::parse_from_rfc3339(raw) {
        return Ok(at.naive_utc());
    }
    for format in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M"] {
        if let Ok(at) = NaiveDateTime::parse_from_str(raw, format) {
            return Ok(at);
        }
    }
    NaiveDate::parse_from_str(raw, "%Y-%m-%d")
        .map(|day| day.and_time(chrono::NaiveTime::MIN))
        .map_err(|_| unreadable(name, raw, "a day or a moment (2026-01-31T10:00:00Z)"))
}

/// DHIS2's `DateUtils.getDuration`: a number of days, hours, minutes or seconds (`10d`, `2h`).
fn duration(raw: &str) -> Option<TimeDelta> {
    let unit = raw.chars().last()?;
    let amount: i64 = raw[..raw.len() - unit.len_utf8()].parse().ok()?;
    match unit {
        'd' => TimeDelta::try_days(amount),
        'h' => TimeDelta::try_hours(amount),
        'm' => TimeDelta::try_minutes(amount),
        's' => TimeDelta::try_seconds(amount),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(query: &[(&str, &str)]) -> Vec<(String, String)> {
        query
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn repeated_and_comma_separated_values_both_count() {
        let request = ExportRequest::parse(&pairs(&[
            ("dataSet", "A,B"),
            ("dataSet", "C"),
            ("period", "2026Q1"),
            ("orgUnit", "31001"),
            ("children", "true"),
        ]))
        .unwrap();
        assert_eq!(request.data_sets, ["A", "B", "C"]);
        assert!(request.children);
    }

    #[test]
    fn dhis2s_rules_refuse_with_its_codes() {
        let code = |query: &[(&str, &str)]| ExportRequest::parse(&pairs(query)).unwrap_err().code;
        assert_eq!(code(&[("period", "2026"), ("orgUnit", "31")]), "E2001");
        assert_eq!(code(&[("dataSet", "A"), ("orgUnit", "31")]), "E2002");
        assert_eq!(code(&[("dataSet", "A"), ("period", "2026")]), "E2006");
        assert_eq!(
            code(&[
                ("dataSet", "A"),
                ("orgUnit", "31"),
                ("startDate", "2026-02-01"),
                ("endDate", "2026-01-01")
            ]),
            "E2004"
        );
        assert_eq!(
            code(&[
                ("dataSet", "A"),
                ("orgUnit", "31"),
                ("lastUpdatedDuration", "3w")
            ]),
            "E2005"
        );
        assert_eq!(code(&[("dataSet", "A"), ("limit", "x")]), "E1000");
    }

    #[test]
    fn a_duration_is_a_number_and_a_unit() {
        assert_eq!(duration("10d"), TimeDelta::try_days(10));
        assert_eq!(duration("d"), None);
    }
}
