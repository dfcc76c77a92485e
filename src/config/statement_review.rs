//! What the yearly accessibility monitoring looks for in the statement, checked on every build
//! and by `tablica check`: the items the official template requires, a status that explains
//! itself, and the review the act asks for every year by 31 March (art. 10 ust. 3 of the act
//! of 4 April 2019). These are warnings: a site with an incomplete statement is still built,
//! and every build says what is missing until it is filled in.

use std::path::Path;

use chrono::{Datelike, NaiveDate};

use crate::config::accessibility::{Compliance, Statement};
use crate::config::Organisation;
use crate::content::date;
use crate::diagnostics::Diagnostic;
use crate::locale::catalogue::Content as M;
use crate::locale::{msg, Message};

/// Where a field of `accessibility.statement` is written in site.yaml, for messages.
fn field_line(text: &str, key: &str) -> Option<usize> {
    let statement = text
        .lines()
        .position(|l| l.trim_start().starts_with("statement:"))?;
    text.lines()
        .enumerate()
        .skip(statement)
        .find(|(_, l)| {
            l.trim_start()
                .strip_prefix(key)
                .is_some_and(|rest| rest.starts_with(':'))
        })
        .map(|(i, _)| i + 1)
        .or(Some(statement + 1))
}

/// The last day of the review period a statement must have been reviewed in by `today`:
/// the review for year Y is due by 31 March of Y.
fn review_due(today: NaiveDate) -> NaiveDate {
    let year = today.year();
    let this_year = NaiveDate::from_ymd_opt(year, 3, 31).unwrap_or(today);
    if today > this_year {
        this_year
    } else {
        NaiveDate::from_ymd_opt(year - 1, 3, 31).unwrap_or(today)
    }
}

/// Gaps in the statement that the monitoring would find, as warnings against `file`.
/// `text` is site.yaml (for line numbers); `today` is the build's date, when it is known.
pub fn gaps(
    statement: &Statement,
    organisation: &Organisation,
    file: &Path,
    text: &str,
    today: Option<NaiveDate>,
) -> Vec<Diagnostic> {
    let mut gaps = Vec::new();
    let warn = |key: &str, message: Message, hint: M| {
        Diagnostic::warning(file, message)
            .field(format!("accessibility.statement.{key}"))
            .at_line(field_line(text, key))
            .hint(hint)
    };
    let missing = |v: &Option<String>| v.as_deref().is_none_or(|v| v.trim().is_empty());
    let untouched = missing(&statement.published)
        && missing(&statement.prepared)
        && missing(&statement.contact.name)
        && statement.architecture.is_empty()
        && statement.non_accessible.is_empty()
        && statement.exemptions.is_empty();
    if untouched {
        // One warning, not one per item, for a site that has not started on it.
        return vec![Diagnostic::warning(file, M::StatementEmpty)
            .field("accessibility.statement")
            .at_line(field_line(text, "statement"))
            .hint(M::StatementEmptyHint)];
    }
    let required: [(&str, bool, M); 5] = [
        (
            "published",
            missing(&statement.published),
            M::StatementPublishedHint,
        ),
        (
            "prepared",
            missing(&statement.prepared),
            M::StatementPreparedHint,
        ),
        (
            "contact",
            missing(&statement.contact.name),
            M::StatementContactHint,
        ),
        (
            "contact",
            missing(&statement.contact.email) && missing(&organisation.email),
            M::StatementEmailHint,
        ),
        (
            "contact",
            missing(&statement.contact.phone) && missing(&organisation.phone),
            M::StatementPhoneHint,
        ),
    ];
    for (key, is_missing, hint) in required {
        if is_missing {
            gaps.push(warn(key, M::StatementItemEmpty.into(), hint));
        }
    }
    if statement.architecture.is_empty() {
        gaps.push(warn(
            "architecture",
            M::StatementNoBuilding.into(),
            M::StatementNoBuildingHint,
        ));
    }
    if statement.status != Compliance::Full
        && statement.non_accessible.is_empty()
        && statement.exemptions.is_empty()
    {
        gaps.push(warn(
            "status",
            M::StatementListsNothing.into(),
            M::StatementListsNothingHint,
        ));
    }
    let last_review = [&statement.reviewed, &statement.prepared]
        .into_iter()
        .flatten()
        .filter_map(|v| date::parse(v).ok())
        .map(|d| d.date())
        .max();
    if let (Some(today), Some(last)) = (today, last_review) {
        let due = review_due(today);
        if last < NaiveDate::from_ymd_opt(due.year(), 1, 1).unwrap_or(due) {
            gaps.push(warn(
                "reviewed",
                msg!(
                    M::StatementOverdue,
                    last = last.to_string(),
                    due = due.to_string()
                ),
                M::StatementOverdueHint,
            ));
        }
    }
    gaps
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn complete() -> Statement {
        let mut s = Statement {
            published: Some("2024-03-01".into()),
            prepared: Some("2024-03-01".into()),
            reviewed: Some("2026-02-10".into()),
            non_accessible: vec!["Skany PDF bez warstwy tekstowej.".into()],
            architecture: vec!["Wejście z podjazdem.".into()],
            ..Statement::default()
        };
        s.contact.name = Some("Anna Nowak".into());
        s.contact.email = Some("dostepnosc@example.org".into());
        s.contact.phone = Some("+48 22 555 01 17".into());
        s
    }

    fn fields(gaps: &[Diagnostic]) -> Vec<String> {
        gaps.iter().filter_map(|d| d.field.clone()).collect()
    }

    const YAML: &str =
        "title: X\naccessibility:\n  statement:\n    status: partial\n    reviewed: 2025-02-01\n";

    #[test]
    fn a_complete_statement_reviewed_this_year_has_no_gaps() {
        let gaps = gaps(
            &complete(),
            &Organisation::default(),
            Path::new("site.yaml"),
            YAML,
            Some(day("2026-11-30")),
        );
        assert!(gaps.is_empty(), "{gaps:?}");
    }

    #[test]
    fn the_review_is_due_every_year_by_the_end_of_march() {
        assert_eq!(review_due(day("2026-11-30")), day("2026-03-31"));
        assert_eq!(review_due(day("2026-03-31")), day("2025-03-31"));
        assert_eq!(review_due(day("2026-04-01")), day("2026-03-31"));
        let mut s = complete();
        s.reviewed = Some("2025-12-20".into());
        let file = Path::new("site.yaml");
        let org = Organisation::default();
        // Reviewed in 2025: enough until 31 March 2026, overdue on 1 April.
        assert!(gaps(&s, &org, file, YAML, Some(day("2026-03-31"))).is_empty());
        let overdue = gaps(&s, &org, file, YAML, Some(day("2026-04-01")));
        assert_eq!(fields(&overdue), ["accessibility.statement.reviewed"]);
        let message = overdue[0].message.to_string();
        assert!(message.contains("2025-12-20"), "{overdue:?}");
        assert!(message.contains("2026-03-31"), "{overdue:?}");
        assert_eq!(overdue[0].line, Some(5));
        assert!(!overdue[0].is_error());
        // The date it was prepared counts when it was never reviewed.
        s.reviewed = None;
        s.prepared = Some("2026-01-15".into());
        assert!(gaps(&s, &org, file, YAML, Some(day("2026-11-30"))).is_empty());
        // Without a known date there is nothing to compare with.
        s.prepared = Some("2020-01-15".into());
        assert!(gaps(&s, &org, file, YAML, None).is_empty());
    }

    #[test]
    fn partly_compliant_must_list_what_is_not_accessible() {
        let mut s = complete();
        s.non_accessible.clear();
        let org = Organisation::default();
        let file = Path::new("site.yaml");
        let today = Some(day("2026-11-30"));
        let found = gaps(&s, &org, file, YAML, today);
        assert_eq!(fields(&found), ["accessibility.statement.status"]);
        assert_eq!(found[0].line, Some(4));
        s.exemptions.push("Mapy osiedli.".into());
        assert!(gaps(&s, &org, file, YAML, today).is_empty());
        s.exemptions.clear();
        s.status = Compliance::Full;
        assert!(gaps(&s, &org, file, YAML, today).is_empty());
    }

    #[test]
    fn a_statement_never_started_is_one_warning() {
        let found = gaps(
            &Statement::default(),
            &Organisation::default(),
            Path::new("site.yaml"),
            "title: X\n",
            Some(day("2026-11-30")),
        );
        assert_eq!(fields(&found), ["accessibility.statement"]);
        assert_eq!(found[0].line, None);
        assert!(!found[0].is_error());
    }

    #[test]
    fn required_items_may_come_from_the_organisation() {
        let mut empty = Statement::default();
        empty.exemptions.push("Mapy osiedli.".into());
        empty.status = Compliance::Full;
        let today = Some(day("2026-11-30"));
        let file = Path::new("site.yaml");
        let found = gaps(&empty, &Organisation::default(), file, YAML, today);
        assert_eq!(
            fields(&found),
            [
                "accessibility.statement.published",
                "accessibility.statement.prepared",
                "accessibility.statement.contact",
                "accessibility.statement.contact",
                "accessibility.statement.contact",
                "accessibility.statement.architecture",
            ]
        );
        let org = Organisation {
            email: Some("mops@example.org".into()),
            phone: Some("22 555 01 00".into()),
            ..Organisation::default()
        };
        assert_eq!(gaps(&empty, &org, file, YAML, today).len(), 4);
    }
}
