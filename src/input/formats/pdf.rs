//! stub
use super::{Limits, Problem};
use crate::source::PlacesBuilder;

pub(super) fn read(_bytes: &[u8], _limits: &Limits) -> Result<PlacesBuilder, Problem> {
    Err(Problem::new("not read yet"))
}
