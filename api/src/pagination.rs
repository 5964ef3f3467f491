//! The one pagination style: `?page=1&pageSize=50`, answered with the items and the totals.

use chitieu_schema::pagination::{Page, PageRequest};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::error::ApiError;

/// Which page to return.
#[derive(Debug, Clone, Copy, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// 1-based page number (default 1).
    #[param(minimum = 1, maximum = 2147483647, example = 1)]
    pub page: Option<u32>,
    /// Items per page (default 50, at most 500).
    #[param(minimum = 1, maximum = 500, example = 50)]
    pub page_size: Option<u32>,
}

impl PageQuery {
    pub fn to_request(self) -> Result<PageRequest, ApiError> {
        PageRequest::new(self.page, self.page_size).map_err(|e| {
            let page_is_out_of_range = self
                .page
                .is_some_and(|page| page == 0 || page > PageRequest::MAX_PAGE);
            let field = if page_is_out_of_range {
                "page"
            } else {
                "pageSize"
            };
            ApiError::invalid(field, e.to_string())
        })
    }
}

/// A page of items and where it stands in the whole.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Paged<T> {
    pub items: Vec<T>,
    #[schema(example = 1)]
    pub page: u32,
    #[schema(example = 50)]
    pub page_size: u32,
    /// How many items match in all pages.
    #[schema(example = 1)]
    pub total_items: i64,
    #[schema(example = 1)]
    pub total_pages: i64,
}

impl<T> Paged<T> {
    pub fn from_page<S>(page: Page<S>, convert: impl FnMut(S) -> T) -> Self {
        let size = i64::from(page.request.page_size());
        Paged {
            items: page.items.into_iter().map(convert).collect(),
            page: page.request.page(),
            page_size: page.request.page_size(),
            total_items: page.total,
            total_pages: (page.total + size - 1) / size,
        }
    }
}
