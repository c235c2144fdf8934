//! Quality checks of model metrics.

/// How a metric is compared with its threshold.
pub enum Comparator {
    GreaterOrEqual,
    LessOrEqual,
}

/// One check: a metric, a comparator and a threshold.
pub struct Check {
    pub metric: String,
    pub comparator: Comparator,
    pub threshold: f64,
}

impl Check {
    /// Whether the value passes; a missing value never passes.
    pub fn passes(&self, value: Option<f64>) -> bool {
        match (value, &self.comparator) {
            (Some(v), Comparator::GreaterOrEqual) => v >= self.threshold,
            (Some(v), Comparator::LessOrEqual) => v <= self.threshold,
            (None, _) => false,
        }
    }
}

pub fn failed<'a>(checks: &'a [Check], value: impl Fn(&str) -> Option<f64>) -> Vec<&'a Check> {
    let mut out = Vec::new();
    for c in checks {
        if !c.passes(value(&c.metric)) {
            out.push(c);
        }
    }
    out
}
