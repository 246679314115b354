//! stub
use super::zipped::Archive;
use super::Problem;
use crate::source::PlacesBuilder;

pub(super) fn read(_archive: &mut Archive) -> Result<PlacesBuilder, Problem> {
    Err(Problem::new("not read yet"))
}
