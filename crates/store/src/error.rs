//! The store's error type: database failures, with the conflicts callers act on singled out.

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A UNIQUE constraint rejected the row; the field is the constraint's column when known.
    #[error("duplicate value for {0}")]
    Duplicate(String),
    /// The row changed since it was read (optimistic locking).
    #[error("the record was changed by someone else")]
    Conflict,
    #[error("record not found")]
    NotFound,
    #[error("invalid database URL: {0}")]
    BadUrl(String),
    #[error(transparent)]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error(transparent)]
    Sql(sqlx::Error),
}

impl From<sqlx::Error> for StoreError {
    fn from(error: sqlx::Error) -> Self {
        if let sqlx::Error::Database(db) = &error
            && db.is_unique_violation()
        {
            // SQLite: "UNIQUE constraint failed: users.username"; PostgreSQL: constraint "users_username_key".
            let message = db.message().to_string();
            let constraint = db.constraint().map(str::to_string).unwrap_or(message);
            return StoreError::Duplicate(constraint);
        }
        if let sqlx::Error::RowNotFound = error {
            return StoreError::NotFound;
        }
        StoreError::Sql(error)
    }
}
