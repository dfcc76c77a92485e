//! The catalogue of front matter fields: for each kind of document, its fields in their
//! documented order, each with its kind of value, label and help text. The build reads the
//! structs of [`super`]; the editor (`tablica edit`) draws its form from this list, and a test
//! keeps the two the same, so a new field is declared once here and once in its struct.

use crate::locale::catalogue::Fields as L;

/// What kind of value a field holds, and so which form control edits it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// One line of text.
    Text,
    /// A few lines of plain text.
    LongText,
    /// `YYYY-MM-DD`, optionally with a time.
    Date,
    /// `YYYY-MM-DD HH:MM` (a day alone is allowed): an event's start and end.
    DateTime,
    /// A list of short texts written `[a, b]`, edited as a comma-separated line.
    Tags,
    /// A list of texts, edited one per line.
    Lines,
    /// The slug of one of the site's projects.
    Project,
    /// One of a few values, each written as it is and shown with its label (a project's
    /// status).
    Choice(&'static [(&'static str, L)]),
    /// The code of a language a text can be in ([`crate::locale::Lang::ALL`]); none: the
    /// site's.
    Language,
    /// `true` or `false`.
    Bool,
    /// A whole number.
    Number,
    /// A sum of money: `125000.50`, also written `125 000,50`.
    Amount,
    /// A nested block (photos, funding…), edited as YAML text.
    Block,
    /// A nested block of single values (`event:`), each edited as its own control; a block
    /// holding more than these (a list of videos, a comment is kept) is edited as YAML text.
    Group(&'static [Field]),
    /// A list of blocks of single values (`figures:`, each a label and a value), edited as rows
    /// of controls; a list holding more than these is edited as YAML text.
    Rows(&'static [Field]),
}

/// One field of the front matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    pub key: &'static str,
    pub kind: FieldKind,
    pub label: L,
    pub hint: L,
}

const fn f(key: &'static str, kind: FieldKind, label: L, hint: L) -> Field {
    Field {
        key,
        kind,
        label,
        hint,
    }
}

use FieldKind as K;

const TITLE: Field = f("title", K::Text, L::Title, L::TitleHint);
const DATE: Field = f("date", K::Date, L::Date, L::DateHint);
const UPDATED: Field = f("updated", K::Date, L::Updated, L::UpdatedHint);
const SUMMARY: Field = f("summary", K::LongText, L::Summary, L::SummaryHint);
const COVER: Field = f("cover", K::Block, L::Cover, L::CoverHint);
const GALLERY: Field = f("gallery", K::Block, L::Gallery, L::GalleryHint);
const DRAFT: Field = f("draft", K::Bool, L::Draft, L::DraftHint);
const PUBLISH: Field = f("publish", K::Date, L::Publish, L::PublishHint);
const EXPIRES: Field = f("expires", K::Date, L::Expires, L::ExpiresHint);
const ALIASES: Field = f("aliases", K::Lines, L::Aliases, L::AliasesHint);
const SLUG: Field = f("slug", K::Text, L::Slug, L::SlugHint);
const EXTRA: Field = f("extra", K::Block, L::Extra, L::ExtraHint);
const VIDEO: Field = f("video", K::Group(VIDEO_FIELDS), L::Video, L::VideoHint);
const EVENT: Field = f("event", K::Group(EVENT_FIELDS), L::Event, L::EventHint);

/// The fields of an event ([`super::event::EventSpec`]), in documented order.
pub const EVENT_FIELDS: &[Field] = &[
    f("start", K::DateTime, L::EventStart, L::EventStartHint),
    f("end", K::DateTime, L::EventEnd, L::EventEndHint),
    f("all_day", K::Bool, L::EventAllDay, L::EventAllDayHint),
    f("place", K::Text, L::EventPlace, L::EventPlaceHint),
    f("address", K::Text, L::EventAddress, L::EventAddressHint),
    f(
        "registration",
        K::Text,
        L::EventRegistration,
        L::EventRegistrationHint,
    ),
    f("price", K::Text, L::EventPrice, L::EventPriceHint),
    f("free", K::Bool, L::EventFree, L::EventFreeHint),
];

/// The fields of one video ([`super::video::VideoSpec`]); a list of videos is edited as YAML.
pub const VIDEO_FIELDS: &[Field] = &[
    f("title", K::Text, L::VideoTitle, L::VideoTitleHint),
    f("src", K::Text, L::VideoSrc, L::VideoSrcHint),
    f("captions", K::Text, L::VideoCaptions, L::VideoCaptionsHint),
    f(
        "transcript",
        K::LongText,
        L::VideoTranscript,
        L::VideoTranscriptHint,
    ),
    f("youtube", K::Text, L::VideoYoutube, L::VideoYoutubeHint),
    f("vimeo", K::Text, L::VideoVimeo, L::VideoVimeoHint),
];

/// The fields of a project's funding ([`super::Funding`]) but its logo strip (`strip:`, a nested
/// block): a funding block with a strip is edited as YAML text.
pub const FUNDING_FIELDS: &[Field] = &[
    f(
        "programme",
        K::Text,
        L::FundingProgramme,
        L::FundingProgrammeHint,
    ),
    f("fund", K::Text, L::FundingFund, L::FundingFundHint),
    f(
        "total_value",
        K::Amount,
        L::FundingTotal,
        L::FundingTotalHint,
    ),
    f("eu_contribution", K::Amount, L::FundingEu, L::FundingEuHint),
    f(
        "currency",
        K::Text,
        L::FundingCurrency,
        L::FundingCurrencyHint,
    ),
    f(
        "period",
        K::Choice(PERIODS),
        L::FundingPeriod,
        L::FundingPeriodHint,
    ),
    f(
        "wording",
        K::LongText,
        L::FundingWording,
        L::FundingWordingHint,
    ),
    f(
        "project_number",
        K::Text,
        L::FundingNumber,
        L::FundingNumberHint,
    ),
    f(
        "beneficiary",
        K::Text,
        L::FundingBeneficiary,
        L::FundingBeneficiaryHint,
    ),
    f("hashtag", K::Bool, L::FundingHashtag, L::FundingHashtagHint),
];

/// The fields of a task paid for from the state budget ([`super::marking::StateBudget`]).
pub const STATE_BUDGET_FIELDS: &[Field] = &[
    f(
        "programme",
        K::Text,
        L::StateProgramme,
        L::StateProgrammeHint,
    ),
    f("share", K::Choice(SHARES), L::StateShare, L::StateShareHint),
    f("amount", K::Amount, L::StateAmount, L::StateAmountHint),
    f(
        "total_value",
        K::Amount,
        L::FundingTotal,
        L::FundingTotalHint,
    ),
    f(
        "currency",
        K::Text,
        L::FundingCurrency,
        L::FundingCurrencyHint,
    ),
];

/// The fields of one of a project's figures ([`super::Figure`]): a row of `figures:`.
pub const FIGURE_FIELDS: &[Field] = &[
    f("label", K::Text, L::FigureLabel, L::FigureLabelHint),
    f("value", K::Text, L::FigureValue, L::FigureValueHint),
];

/// The fields of a project's contact person ([`super::Contact`]).
pub const CONTACT_FIELDS: &[Field] = &[
    f("name", K::Text, L::ContactName, L::ContactNameHint),
    f("email", K::Text, L::ContactEmail, L::ContactEmailHint),
    f("phone", K::Text, L::ContactPhone, L::ContactPhoneHint),
];
const LANGUAGE: Field = f("language", K::Language, L::Language, L::LanguageHint);
const TRANSLATION_OF: Field = f(
    "translation_of",
    K::Text,
    L::TranslationOf,
    L::TranslationOfHint,
);

/// The fields of a news post ([`super::PostMeta`]), in documented order.
pub const POST: &[Field] = &[
    TITLE,
    DATE,
    UPDATED,
    SUMMARY,
    f("author", K::Text, L::Author, L::AuthorHint),
    f("tags", K::Tags, L::Tags, L::TagsHint),
    f("category", K::Text, L::Category, L::CategoryHint),
    f("project", K::Project, L::Project, L::ProjectHint),
    COVER,
    GALLERY,
    f("source", K::Text, L::Source, L::SourceHint),
    DRAFT,
    PUBLISH,
    EXPIRES,
    SLUG,
    ALIASES,
    EXTRA,
    VIDEO,
    EVENT,
    LANGUAGE,
    TRANSLATION_OF,
];

/// The fields of a project page ([`super::ProjectMeta`]), in documented order.
pub const PROJECT: &[Field] = &[
    TITLE,
    SLUG,
    ALIASES,
    SUMMARY,
    f(
        "status",
        K::Choice(PROJECT_STATUSES),
        L::Status,
        L::StatusHint,
    ),
    f("start", K::Date, L::Start, L::StartHint),
    f("end", K::Date, L::End, L::EndHint),
    f("organiser", K::Text, L::Organiser, L::OrganiserHint),
    f("partners", K::Lines, L::Partners, L::PartnersHint),
    f(
        "funding",
        K::Group(FUNDING_FIELDS),
        L::Funding,
        L::FundingHint,
    ),
    f(
        "state_budget",
        K::Group(STATE_BUDGET_FIELDS),
        L::StateBudget,
        L::StateBudgetHint,
    ),
    f(
        "participants",
        K::Number,
        L::Participants,
        L::ParticipantsHint,
    ),
    f("goals", K::Lines, L::Goals, L::GoalsHint),
    f("results", K::Lines, L::Results, L::ResultsHint),
    f(
        "figures",
        K::Rows(FIGURE_FIELDS),
        L::Figures,
        L::FiguresHint,
    ),
    f(
        "contact",
        K::Group(CONTACT_FIELDS),
        L::Contact,
        L::ContactHint,
    ),
    COVER,
    GALLERY,
    VIDEO,
    UPDATED,
    DRAFT,
    PUBLISH,
    EXPIRES,
    EXTRA,
    LANGUAGE,
    TRANSLATION_OF,
];

/// The fields of a static page ([`super::PageMeta`]), in documented order.
pub const PAGE: &[Field] = &[
    TITLE,
    SLUG,
    ALIASES,
    SUMMARY,
    UPDATED,
    COVER,
    GALLERY,
    DRAFT,
    PUBLISH,
    EXPIRES,
    EXTRA,
    VIDEO,
    EVENT,
    f("weight", K::Number, L::Weight, L::WeightHint),
    LANGUAGE,
    TRANSLATION_OF,
];

/// The values a project's `status:` takes, as written.
const PROJECT_STATUSES: &[(&str, L)] = &[
    ("planned", L::StatusPlanned),
    ("ongoing", L::StatusOngoing),
    ("finished", L::StatusFinished),
];

/// The programming periods of EU funds (`funding.period`).
const PERIODS: &[(&str, L)] = &[("2021-2027", L::Period2021), ("2014-2020", L::Period2014)];

/// Whether the state budget paid for part of a task or all of it (`state_budget.share`).
const SHARES: &[(&str, L)] = &[("part", L::SharePart), ("whole", L::ShareWhole)];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::front_matter::keys;
    use crate::content::meta::event::EventSpec;
    use crate::content::meta::marking::StateBudget;
    use crate::content::meta::video::VideoSpec;
    use crate::content::meta::{Contact, Figure, Funding, PageMeta, PostMeta, ProjectMeta};

    fn same<T: serde::de::DeserializeOwned>(fields: &[Field]) {
        let listed: Vec<&str> = fields.iter().map(|f| f.key).collect();
        assert_eq!(listed, keys::<T>(), "the catalogue and the struct differ");
    }

    #[test]
    fn the_catalogue_lists_every_field_of_each_kind_in_struct_order() {
        same::<PostMeta>(POST);
        same::<ProjectMeta>(PROJECT);
        same::<PageMeta>(PAGE);
        same::<EventSpec>(EVENT_FIELDS);
        same::<VideoSpec>(VIDEO_FIELDS);
        same::<Contact>(CONTACT_FIELDS);
        same::<StateBudget>(STATE_BUDGET_FIELDS);
        same::<Figure>(FIGURE_FIELDS);
        let funding: Vec<&str> = (keys::<Funding>().iter().copied())
            .filter(|k| *k != "strip")
            .collect();
        let listed: Vec<&str> = FUNDING_FIELDS.iter().map(|f| f.key).collect();
        assert_eq!(listed, funding, "funding's fields but its strip");
    }
}
