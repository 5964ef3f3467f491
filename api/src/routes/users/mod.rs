//! `/api/v1/users`: accounts of people. One file per action.

mod access;
mod create;
mod get;
mod list;
mod types;
mod update;

pub use types::{CreateUserRequest, UpdateUserRequest, UserResponse};

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(create::create_user)
        .service(list::list_users)
        .service(get::get_user)
        .service(update::update_user);
}
