//! The one pagination style of the API: 1-based `page` and `pageSize`, with the total.

/// A validated page request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageRequest {
    page: u32,
    page_size: u32,
}

impl PageRequest {
    pub const DEFAULT_SIZE: u32 = 50;
    pub const MAX_SIZE: u32 = 500;
    pub const MAX_PAGE: u32 = i32::MAX as u32;

    /// `None` takes the defaults: page 1, 50 items.
    pub fn new(page: Option<u32>, page_size: Option<u32>) -> Result<Self, crate::domain::Invalid> {
        let page = page.unwrap_or(1);
        let page_size = page_size.unwrap_or(Self::DEFAULT_SIZE);
        if page == 0 {
            return Err(crate::domain::Invalid::said(crate::messages::Message::new(
                "invalid-page-start",
            )));
        }
        // The API documents page as a 32-bit signed integer, as most clients hold it.
        if page > Self::MAX_PAGE {
            return Err(crate::domain::Invalid::said(
                crate::messages::Message::new("invalid-page-max").arg("max", Self::MAX_PAGE),
            ));
        }
        if page_size == 0 || page_size > Self::MAX_SIZE {
            return Err(crate::domain::Invalid::said(
                crate::messages::Message::new("invalid-page-size").arg("max", Self::MAX_SIZE),
            ));
        }
        Ok(Self { page, page_size })
    }

    pub fn page(self) -> u32 {
        self.page
    }

    pub fn page_size(self) -> u32 {
        self.page_size
    }

    pub fn offset(self) -> i64 {
        i64::from(self.page - 1) * i64::from(self.page_size)
    }

    pub fn limit(self) -> i64 {
        i64::from(self.page_size)
    }
}

/// One page of results and the total number of matching items.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub request: PageRequest,
    pub total: i64,
}

impl<T> Page<T> {
    /// The requested page of `all`, a list computed in memory (judged, not queried).
    pub fn of_all(all: Vec<T>, request: PageRequest) -> Self {
        let total = i64::try_from(all.len()).unwrap_or(i64::MAX);
        let start = usize::try_from(request.offset()).unwrap_or(usize::MAX);
        let take = usize::try_from(request.limit()).unwrap_or(0);
        Page {
            items: all.into_iter().skip(start).take(take).collect(),
            request,
            total,
        }
    }

    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Page<U> {
        Page {
            items: self.items.into_iter().map(f).collect(),
            request: self.request,
            total: self.total,
        }
    }
}
