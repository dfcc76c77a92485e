//! The marking of funded projects as editors write it: the EU's (`funding:`), the state
//! budget's (`state_budget:`), and the image of signs a programme publishes (`strip:`).

use serde::Deserialize;

/// An image of signs: the logo strip a programme publishes, or the flag and emblem of Poland
/// a site supplies. `signs` names every sign on it, left to right: they make its alt text.
#[derive(Debug, Clone, Deserialize, Hash)]
#[serde(deny_unknown_fields)]
pub struct SignsSpec {
    pub src: String,
    #[serde(default)]
    pub signs: Vec<String>,
}

/// The EU programming period a project belongs to: its marking's wording differs.
#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq, Eq, Hash, serde::Serialize)]
pub enum Period {
    #[serde(rename = "2014-2020")]
    From2014,
    #[default]
    #[serde(rename = "2021-2027")]
    From2021,
}

/// Whether the state budget paid for part of the task or all of it.
#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Share {
    /// "Dofinansowano ze środków budżetu państwa".
    #[default]
    Part,
    /// "Sfinansowano ze środków budżetu państwa".
    Whole,
}

/// A task paid for from the state budget (Senior+, Korpus Wsparcia Seniorów, Asystent osobisty
/// osoby z niepełnosprawnością …), marked as the Council of Ministers' regulation of 7 May 2021
/// asks.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StateBudget {
    pub programme: Option<String>,
    #[serde(default)]
    pub share: Share,
    pub amount: Option<f64>,
    pub total_value: Option<f64>,
    #[serde(default = "super::default_currency")]
    pub currency: String,
}

/// `marking:` in site.yaml: images of signs the site supplies, by their paths below `content/`.
#[derive(Debug, Clone, Default, Deserialize, Hash)]
#[serde(deny_unknown_fields)]
pub struct MarkingSettings {
    /// The programme's strip for every EU project without one of its own (2021–2027).
    pub eu_strip: Option<SignsSpec>,
    /// The flag and emblem of Poland for the state budget's marking. tablica never ships
    /// them: the use of the emblem is regulated (ustawa o godle, barwach i hymnie).
    pub state_signs: Option<SignsSpec>,
}
