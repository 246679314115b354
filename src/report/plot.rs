//! The plot of one quantity for the HTML report, as inline SVG: one row per claim, its
//! interval a bar and its stated value a dot, an end with no bound an arrow, colour
//! and shape by verdict (never colour alone), on a linear axis, or a logarithmic one
//! when the values span more than a factor of ten.
//!
//! Written by hand rather than with a plotting crate: the chart is rows of bars on one
//! axis, about 150 lines of SVG, and a crate's axes and text layout would cost more
//! than they save. This file owns the geometry (scale, ticks, marks); the page around
//! it is `findings_html`.

use std::fmt::Write;

use super::markup::escape;
use crate::reconcile::Interval;

/// How a mark looks: its class (colour in the page's CSS) and its shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// A contradiction or an arithmetic mismatch: a cross.
    Error,
    /// A scope mismatch: a triangle.
    Warning,
    /// Agreeing with the others: a circle.
    Agrees,
    /// Compared with nothing: a square.
    Alone,
}

impl Mark {
    pub fn class(self) -> &'static str {
        match self {
            Mark::Error => "m-error",
            Mark::Warning => "m-warning",
            Mark::Agrees => "m-agrees",
            Mark::Alone => "m-alone",
        }
    }

    pub fn legend(self) -> &'static str {
        match self {
            Mark::Error => "× contradicted",
            Mark::Warning => "▲ other period",
            Mark::Agrees => "● agrees",
            Mark::Alone => "■ compared with nothing",
        }
    }
}

/// One row of the plot.
pub struct Row<'a> {
    /// The claim's number in the quantity's list, its source and attribution.
    pub label: &'a str,
    pub interval: Interval,
    /// The value as stated, where there is one (not for "over 2 million").
    pub value: Option<f64>,
    pub mark: Mark,
    /// Written beside the mark: the figure as stated and its period.
    pub note: &'a str,
    /// Said on hover and to a screen reader.
    pub title: &'a str,
}

const WIDTH: f64 = 720.0;
const LABEL_WIDTH: f64 = 230.0;
const PLOT_LEFT: f64 = LABEL_WIDTH + 10.0;
const PLOT_RIGHT: f64 = WIDTH - 20.0;
const ROW_HEIGHT: f64 = 22.0;
const TOP: f64 = 8.0;
const AXIS_HEIGHT: f64 = 34.0;
/// Characters of a label shown beside its row; the whole label is its title.
const LABEL_CHARS: usize = 30;

/// The axis a set of rows is drawn on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Axis {
    pub low: f64,
    pub high: f64,
    pub log: bool,
}

impl Axis {
    /// Spans every finite end and value of the rows, with a margin; logarithmic when
    /// all are above zero and the largest is more than ten times the smallest.
    pub fn fit(rows: &[Row]) -> Axis {
        let mut values: Vec<f64> = Vec::new();
        for row in rows {
            values.extend(
                [row.interval.low, row.interval.high]
                    .into_iter()
                    .chain(row.value)
                    .filter(|v| v.is_finite()),
            );
        }
        let low = values.iter().copied().fold(f64::INFINITY, f64::min);
        let high = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        if !low.is_finite() || !high.is_finite() {
            return Axis {
                low: 0.0,
                high: 1.0,
                log: false,
            };
        }
        if low > 0.0 && high / low > 10.0 {
            return Axis {
                low: low / 1.5,
                high: high * 1.5,
                log: true,
            };
        }
        let span = if high > low {
            high - low
        } else {
            low.abs().max(1.0) * 0.2
        };
        let margin = span * 0.08;
        // A count or a share starts at nothing: an axis from zero when it is near.
        let from = if low >= 0.0 && low - margin < 0.0 {
            0.0
        } else {
            low - margin
        };
        Axis {
            low: from,
            high: high + margin,
            log: false,
        }
    }

    /// The factor from the smallest value to the largest, said under a log axis.
    pub fn ratio(rows: &[Row]) -> Option<f64> {
        let axis = Axis::fit(rows);
        if !axis.log {
            return None;
        }
        Some((axis.high / 1.5) / (axis.low * 1.5))
    }

    /// Where `value` falls, from 0 (the low end) to 1; beyond the ends past 0 and 1.
    fn position(&self, value: f64) -> f64 {
        if self.log {
            if value <= 0.0 {
                return f64::NEG_INFINITY;
            }
            (value.ln() - self.low.ln()) / (self.high.ln() - self.low.ln())
        } else {
            (value - self.low) / (self.high - self.low)
        }
    }

    fn x(&self, value: f64) -> f64 {
        let p = self.position(value);
        let p = if p.is_nan() {
            0.0
        } else {
            p.clamp(-0.02, 1.02)
        };
        PLOT_LEFT + p * (PLOT_RIGHT - PLOT_LEFT)
    }

    /// Round values to mark the axis with: powers of ten (and 2 and 5 times them when
    /// few decades are shown) on a log axis, steps of 1, 2 or 5 times a power of ten on
    /// a linear one.
    pub fn ticks(&self) -> Vec<f64> {
        let mut ticks = Vec::new();
        if self.log {
            let first = self.low.log10().floor() as i32;
            let last = self.high.log10().ceil() as i32;
            let multiples: &[f64] = if last - first <= 3 {
                &[1.0, 2.0, 5.0]
            } else {
                &[1.0]
            };
            for exponent in first..=last {
                for m in multiples {
                    let value = m * 10f64.powi(exponent);
                    if value >= self.low && value <= self.high {
                        ticks.push(value);
                    }
                }
            }
            return ticks;
        }
        let span = self.high - self.low;
        if span <= 0.0 || !span.is_finite() {
            return vec![self.low];
        }
        let rough = span / 6.0;
        let power = 10f64.powf(rough.log10().floor());
        let step = [1.0, 2.0, 5.0, 10.0]
            .into_iter()
            .map(|m| m * power)
            .find(|step| span / step <= 7.0)
            .unwrap_or(10.0 * power);
        let mut value = (self.low / step).ceil() * step;
        while value <= self.high + step * 1e-9 && ticks.len() < 12 {
            ticks.push(if value.abs() < step * 1e-9 {
                0.0
            } else {
                value
            });
            value += step;
        }
        ticks
    }
}

/// A tick's label, short but with the digits that tell it from its neighbours `step`
/// away: 3.8M, 650K, 1,436, 0.5, and 3.7774M where ticks are 200 apart.
pub fn tick_label(value: f64, step: f64) -> String {
    let scale = [1e12, 1e9, 1e6, 1e3]
        .into_iter()
        .find(|&s| value.abs() >= 10.0 * s || (s > 1e3 && value.abs() >= s));
    let (scale, suffix) = match scale {
        Some(s) if s == 1e12 => (s, "T"),
        Some(s) if s == 1e9 => (s, "B"),
        Some(s) if s == 1e6 => (s, "M"),
        Some(s) => (s, "K"),
        None => return short_number(value),
    };
    let decimals = if step > 0.0 {
        (-(step / scale).log10().floor()).clamp(0.0, 6.0) as usize
    } else {
        2
    };
    let text = format!("{:.*}", decimals, value / scale);
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    };
    format!("{text}{suffix}")
}

/// A number's label, short: 3.78M, 650K, 1,436, 0.5.
pub fn short_number(value: f64) -> String {
    let magnitude = value.abs();
    let (scaled, suffix) = if magnitude >= 1e12 {
        (value / 1e12, "T")
    } else if magnitude >= 1e9 {
        (value / 1e9, "B")
    } else if magnitude >= 1e6 {
        (value / 1e6, "M")
    } else if magnitude >= 1e4 {
        (value / 1e3, "K")
    } else {
        (value, "")
    };
    let text = format!("{scaled:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    let text = if suffix.is_empty() && magnitude >= 1000.0 {
        crate::reconcile::show_number(value)
    } else {
        text.to_string()
    };
    format!("{text}{suffix}")
}

/// The SVG of `rows`, labelled for a screen reader with `caption`.
pub fn svg(rows: &[Row], caption: &str) -> String {
    let axis = Axis::fit(rows);
    let height = TOP + rows.len() as f64 * ROW_HEIGHT + AXIS_HEIGHT;
    let mut out = String::with_capacity(600 + rows.len() * 500);
    let _ = write!(
        out,
        r#"<svg class="plot" viewBox="0 0 {WIDTH} {height}" role="img" aria-label="{}" xmlns="http://www.w3.org/2000/svg">"#,
        escape(caption)
    );
    let axis_y = TOP + rows.len() as f64 * ROW_HEIGHT + 4.0;
    let ticks = axis.ticks();
    let step = if axis.log {
        0.0
    } else {
        ticks.windows(2).map(|w| w[1] - w[0]).fold(0.0, f64::max)
    };
    for &tick in &ticks {
        let x = axis.x(tick);
        let _ = write!(
            out,
            r#"<line class="grid" x1="{x:.1}" y1="{TOP}" x2="{x:.1}" y2="{axis_y}"/><text class="tick" x="{x:.1}" y="{:.1}" text-anchor="middle">{}</text>"#,
            axis_y + 16.0,
            escape(&if axis.log {
                short_number(tick)
            } else {
                tick_label(tick, step)
            })
        );
    }
    let _ = write!(
        out,
        r#"<line class="axis" x1="{PLOT_LEFT}" y1="{axis_y}" x2="{PLOT_RIGHT}" y2="{axis_y}"/>"#
    );
    for (n, row) in rows.iter().enumerate() {
        let y = TOP + n as f64 * ROW_HEIGHT + ROW_HEIGHT / 2.0;
        let _ = write!(
            out,
            r#"<g class="mark {}" data-row="{}"><title>{}</title>"#,
            row.mark.class(),
            n + 1,
            escape(row.title)
        );
        let label: String = if row.label.chars().count() > LABEL_CHARS {
            let cut: String = row.label.chars().take(LABEL_CHARS - 1).collect();
            format!("{cut}…")
        } else {
            row.label.to_string()
        };
        let _ = write!(
            out,
            r#"<text class="label" x="{LABEL_WIDTH}" y="{:.1}" text-anchor="end">{}</text>"#,
            y + 4.0,
            escape(&label)
        );
        bar(&mut out, &axis, row, y);
        // No stated point ("over 2 million"): the mark at its bound.
        let at = row.value.filter(|v| v.is_finite()).or_else(|| {
            [row.interval.low, row.interval.high]
                .into_iter()
                .find(|v| v.is_finite())
        });
        if let Some(at) = at {
            let x = axis.x(at);
            shape(&mut out, row.mark, x, y);
            // Beside the mark, on the side with room.
            let (note_x, anchor) = if x > (PLOT_LEFT + PLOT_RIGHT) / 2.0 {
                (x - 10.0, "end")
            } else {
                (x + 10.0, "start")
            };
            let _ = write!(
                out,
                r#"<text class="note" x="{note_x:.1}" y="{:.1}" text-anchor="{anchor}">{}</text>"#,
                y - 3.0,
                escape(row.note)
            );
        }
        out.push_str("</g>");
    }
    out.push_str("</svg>");
    out
}

/// The interval as a bar; an end with no bound runs to the edge as an arrow.
fn bar(out: &mut String, axis: &Axis, row: &Row, y: f64) {
    let interval = row.interval;
    let from = if interval.low.is_finite() && (!axis.log || interval.low > 0.0) {
        axis.x(interval.low)
    } else {
        PLOT_LEFT - 6.0
    };
    let to = if interval.high.is_finite() {
        axis.x(interval.high)
    } else {
        PLOT_RIGHT + 6.0
    };
    let _ = write!(
        out,
        r#"<line class="bar" x1="{from:.1}" y1="{y:.1}" x2="{to:.1}" y2="{y:.1}"/>"#
    );
    if !interval.high.is_finite() {
        let _ = write!(
            out,
            r#"<path class="arrow" d="M{:.1} {:.1} L{to:.1} {y:.1} L{:.1} {:.1}"/>"#,
            to - 7.0,
            y - 5.0,
            to - 7.0,
            y + 5.0
        );
    }
    if !interval.low.is_finite() || (axis.log && interval.low <= 0.0) {
        let _ = write!(
            out,
            r#"<path class="arrow" d="M{:.1} {:.1} L{from:.1} {y:.1} L{:.1} {:.1}"/>"#,
            from + 7.0,
            y - 5.0,
            from + 7.0,
            y + 5.0
        );
    }
}

fn shape(out: &mut String, mark: Mark, x: f64, y: f64) {
    let _ = match mark {
        Mark::Error => write!(
            out,
            r#"<path class="dot" d="M{:.1} {:.1} L{:.1} {:.1} M{:.1} {:.1} L{:.1} {:.1}"/>"#,
            x - 5.0,
            y - 5.0,
            x + 5.0,
            y + 5.0,
            x - 5.0,
            y + 5.0,
            x + 5.0,
            y - 5.0
        ),
        Mark::Warning => write!(
            out,
            r#"<path class="dot" d="M{x:.1} {:.1} L{:.1} {:.1} L{:.1} {:.1} Z"/>"#,
            y - 6.0,
            x + 6.0,
            y + 5.0,
            x - 6.0,
            y + 5.0
        ),
        Mark::Agrees => write!(
            out,
            r#"<circle class="dot" cx="{x:.1}" cy="{y:.1}" r="5"/>"#
        ),
        Mark::Alone => write!(
            out,
            r#"<rect class="dot" x="{:.1}" y="{:.1}" width="9" height="9"/>"#,
            x - 4.5,
            y - 4.5
        ),
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(low: f64, high: f64) -> Row<'static> {
        Row {
            label: "1. a",
            interval: Interval::closed(low, high),
            value: Some((low + high) / 2.0),
            mark: Mark::Agrees,
            note: "a",
            title: "a",
        }
    }

    #[test]
    fn values_within_a_factor_of_ten_get_a_linear_axis_from_zero() {
        let axis = Axis::fit(&[row(1_400.0, 1_500.0), row(1_436.0, 1_436.0)]);
        assert!(!axis.log);
        assert!(axis.low <= 1_400.0 && axis.high >= 1_500.0);
    }

    #[test]
    fn values_over_a_factor_of_ten_apart_get_a_log_axis() {
        let rows = [row(116_885.0, 116_885.0), row(1.3e6, 1.3e6)];
        assert!(Axis::fit(&rows).log);
        let ratio = Axis::ratio(&rows).unwrap();
        assert!((ratio - 1.3e6 / 116_885.0).abs() < 1e-6, "{ratio}");
    }

    #[test]
    fn log_ticks_are_powers_of_ten() {
        let axis = Axis {
            low: 50.0,
            high: 5.0e6,
            log: true,
        };
        assert_eq!(axis.ticks(), vec![100.0, 1e3, 1e4, 1e5, 1e6]);
    }

    #[test]
    fn linear_ticks_are_round_steps() {
        let axis = Axis {
            low: 0.0,
            high: 1_600.0,
            log: false,
        };
        assert_eq!(
            axis.ticks(),
            vec![0.0, 500.0, 1_000.0, 1_500.0],
            "{:?}",
            axis.ticks()
        );
    }

    #[test]
    fn an_unbounded_end_is_an_arrow() {
        let over = Row {
            label: "over",
            interval: Interval::new(2.0e6, f64::INFINITY, true, true),
            value: None,
            mark: Mark::Error,
            note: "over 2 million",
            title: "over 2 million",
        };
        let svg = svg(&[over, row(7.2e5, 8.8e5)], "executed");
        assert_eq!(svg.matches(r#"class="arrow""#).count(), 1, "{svg}");
        assert_eq!(svg.matches(r#"<g class="mark"#).count(), 2);
    }

    #[test]
    fn close_ticks_keep_the_digits_that_tell_them_apart() {
        assert_eq!(tick_label(3_777_400.0, 200.0), "3.7774M");
        assert_eq!(tick_label(3_778_000.0, 200.0), "3.778M");
        assert_eq!(tick_label(500_000.0, 100_000.0), "500K");
        assert_eq!(tick_label(1_500.0, 500.0), "1,500");
    }

    #[test]
    fn short_numbers() {
        assert_eq!(short_number(3_777_380.0), "3.78M");
        assert_eq!(short_number(650_000.0), "650K");
        assert_eq!(short_number(1_436.0), "1,436");
        assert_eq!(short_number(0.5), "0.5");
    }
}
