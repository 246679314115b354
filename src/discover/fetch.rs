//! Asking for memory before it is read: pairing and naming read records that lie
//! anywhere in memory, and ask for those of the next few figures or candidates while
//! they work on the present ones, so that the reads overlap rather than wait in turn.

/// Asks for the cache line holding `value`, without waiting for it.
#[inline(always)]
pub fn prefetch<T>(value: *const T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch only hints the cache: it reads nothing and cannot fault,
    // whatever the address.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(value.cast());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = value;
}
