//! Periodic reports through the pages and the API.

mod api;
mod open;
mod workflow;

use crate::support::Reply;

/// Fails with the page when `reply` lacks one of `parts`.
pub fn assert_has(reply: &Reply, parts: &[&str], db: &str) {
    for part in parts {
        assert!(
            reply.body.contains(part),
            "{part:?} missing on {db} ({}):\n{}",
            reply.status,
            reply.body
        );
    }
}
