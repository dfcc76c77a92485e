//! The marking of a funded project as templates see it (`partials/marking.html`), on the
//! project's page and on the pages of its posts.

use serde::Serialize;

use crate::content::meta::marking::{Period, Share};
use crate::site::marking::Signs;
use crate::site::Project;

use super::Renderer;

/// Where the images of signs site.yaml supplies are published.
pub const SITE_SIGNS_DIR: &str = "assets/marking";

#[derive(Serialize)]
pub(super) struct MarkingView<'a> {
    eu: Option<EuMarking<'a>>,
    state: Option<StateMarking<'a>>,
}

/// An image of signs.
#[derive(Serialize)]
struct SignsView<'a> {
    url: String,
    alt: &'a str,
    width: u32,
    height: u32,
}

/// The EU's marking: a strip image, or (`strip` none) the built-in emblem with the words.
#[derive(Serialize)]
struct EuMarking<'a> {
    strip: Option<SignsView<'a>>,
    period: Period,
    /// The programme's own words instead of the theme's "Dofinansowane przez Unię Europejską".
    wording: Option<&'a str>,
    fund: Option<&'a str>,
    project_number: Option<&'a str>,
    beneficiary: Option<&'a str>,
    hashtag: bool,
}

/// The state budget's marking.
#[derive(Serialize)]
struct StateMarking<'a> {
    /// The flag and emblem of Poland, when the site supplies them.
    signs: Option<SignsView<'a>>,
    share: Share,
    programme: Option<&'a str>,
    amount: Option<f64>,
    total_value: Option<f64>,
    currency: &'a str,
}

impl<'a> Renderer<'a> {
    fn signs_view(&self, dir: &str, signs: &'a Signs) -> SignsView<'a> {
        SignsView {
            url: self.url(&format!("{dir}{}", signs.name)),
            alt: &signs.alt,
            width: signs.width,
            height: signs.height,
        }
    }

    /// The marking of `project`, `None` when it has none.
    pub(super) fn marking_view(&self, project: &'a Project) -> Option<MarkingView<'a>> {
        let meta = &project.doc.meta;
        let site_dir = format!("{SITE_SIGNS_DIR}/");
        let eu = (meta.funding.as_ref())
            .filter(|f| f.is_eu())
            .map(|f| EuMarking {
                strip: match (&project.strip, &self.site.pictures.eu) {
                    (Some(own), _) => Some(self.signs_view(&project.path, own)),
                    // The site's strip is the current period's.
                    (None, Some(site)) if f.period == Period::From2021 => {
                        Some(self.signs_view(&site_dir, site))
                    }
                    _ => None,
                },
                period: f.period,
                wording: f.wording.as_deref(),
                fund: f.fund.as_deref(),
                project_number: f.project_number.as_deref(),
                beneficiary: f.beneficiary.as_deref(),
                hashtag: f.hashtag,
            });
        let state = meta.state_budget.as_ref().map(|s| StateMarking {
            signs: (self.site.pictures.state.as_ref())
                .map(|signs| self.signs_view(&site_dir, signs)),
            share: s.share,
            programme: s.programme.as_deref(),
            amount: s.amount,
            total_value: s.total_value,
            currency: &s.currency,
        });
        (eu.is_some() || state.is_some()).then_some(MarkingView { eu, state })
    }
}
