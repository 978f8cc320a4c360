//! Time limits that stop work: a [`Deadline`] is checked between the stages of reading
//! and digesting a page and inside their long loops, and the work gives up with
//! [`Error::TimedOut`] once it has passed. No thread is killed and nothing is left
//! running: the caller gets its error back and every intermediate value is dropped.

use std::time::Instant;

use crate::Error;

/// When the work must stop, if ever.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Deadline(Option<Instant>);

impl Deadline {
    /// No time limit.
    pub(crate) const NONE: Deadline = Deadline(None);

    /// A deadline at `at` (`None`: never).
    pub(crate) fn new(at: Option<Instant>) -> Self {
        Deadline(at)
    }

    /// `Err(TimedOut)` once the deadline has passed.
    pub(crate) fn check(&self) -> Result<(), Error> {
        match self.0 {
            Some(at) if Instant::now() >= at => Err(Error::TimedOut),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn passes_until_the_instant_then_fails() {
        assert!(Deadline::NONE.check().is_ok());
        let later = Deadline::new(Instant::now().checked_add(Duration::from_secs(3600)));
        assert!(later.check().is_ok());
        let past = Deadline::new(Some(Instant::now()));
        assert!(matches!(past.check(), Err(Error::TimedOut)));
    }
}
