//! WHERE clauses built from fixed SQL fragments and bound arguments, for
//! list pages with optional filters. Only the fragments are SQL; every value
//! is a parameter.

use chrono::{DateTime, NaiveDate, Utc};

#[derive(Debug, Clone)]
pub(crate) enum Arg {
    Text(String),
    Int(i64),
    Date(NaiveDate),
    Time(DateTime<Utc>),
}

#[derive(Default)]
pub(crate) struct Where {
    parts: Vec<String>,
    pub args: Vec<Arg>,
}

impl Where {
    /// Adds `{fragment} $n` (e.g. `"status ="`).
    pub fn push(&mut self, fragment: &str, arg: Arg) {
        self.args.push(arg);
        self.parts.push(format!("{fragment} ${}", self.args.len()));
    }

    /// Adds a condition without arguments (a fixed fragment).
    pub fn fixed(&mut self, fragment: &str) {
        self.parts.push(fragment.to_string());
    }

    /// Binds `values` and returns their placeholders, `"$3, $4"`, for an
    /// `IN (...)` list written by the caller; empty when there are none.
    pub fn marks(&mut self, values: impl IntoIterator<Item = Arg>) -> String {
        let mut marks = Vec::new();
        for v in values {
            self.args.push(v);
            marks.push(format!("${}", self.args.len()));
        }
        marks.join(", ")
    }

    /// Adds `column IN ($a, $b, ...)`; an empty list matches nothing.
    pub fn any_of(&mut self, column: &str, values: impl IntoIterator<Item = Arg>) {
        let marks = self.marks(values);
        if marks.is_empty() {
            self.parts.push("1 = 0".into());
        } else {
            self.parts.push(format!("{column} IN ({marks})"));
        }
    }

    /// `" WHERE a AND b"`, or empty.
    pub fn sql(&self) -> String {
        if self.parts.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", self.parts.join(" AND "))
        }
    }
}

/// Binds `args` in order to a query built with [`Where`].
macro_rules! bind_args {
    ($q:expr, $args:expr) => {{
        let mut q = $q;
        for a in $args {
            q = match a {
                $crate::filter::Arg::Text(v) => q.bind(v.clone()),
                $crate::filter::Arg::Int(v) => q.bind(*v),
                $crate::filter::Arg::Date(v) => q.bind(*v),
                $crate::filter::Arg::Time(v) => q.bind(*v),
            };
        }
        q
    }};
}
pub(crate) use bind_args;
