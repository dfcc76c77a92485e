//! Placeholder until the accessibility module lands (keyboard shortcuts, statement).

use std::path::Path;

use serde::Deserialize;

use crate::diagnostics::Diagnostic;

/// `accessibility:` in site.yaml.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct AccessibilitySettings {}

impl AccessibilitySettings {
    pub fn validate(&self, _file: &Path) -> Vec<Diagnostic> {
        Vec::new()
    }
}
