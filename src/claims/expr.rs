//! Relation expressions: `left = right` over quantity ids, claim ids and numbers,
//! with `+ - * /`, parentheses and unary minus. `4.2%` is 0.042; `116,885` may keep
//! its thousands separators.
//!
//! A small recursive-descent parser. Names are resolved while parsing by a
//! function the caller passes, so an unknown name is an error at its own offset
//! and every unknown name is reported, not just the first. This module does not
//! evaluate expressions; reconcile does, with interval arithmetic.

use std::fmt;
use std::ops::Range;

/// An arithmetic operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Add,
    Sub,
    Mul,
    Div,
}

impl Op {
    pub fn symbol(self) -> char {
        match self {
            Op::Add => '+',
            Op::Sub => '-',
            Op::Mul => '*',
            Op::Div => '/',
        }
    }
}

/// One side of a relation.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// A number as written and the rounding its last digit implies (0 for whole
    /// numbers, which are exact): `8.5%` is (0.085, 0.001), `70%` is (0.7, 0.01).
    Number(f64, f64),
    /// Every claim of the quantity at this index of [`super::Catalog::quantities`].
    Quantity(usize),
    /// The claims of a quantity (first index) from one source (an index into
    /// [`super::Catalog::sources`]): `quantity@source`.
    QuantityAt(usize, usize),
    /// The claim at this index of [`super::Catalog::claims`].
    Claim(usize),
    /// The figure the pin at this index of [`super::Catalog::pins`] keys.
    Pin(usize),
    Neg(Box<Expr>),
    Binary(Op, Box<Expr>, Box<Expr>),
}

impl fmt::Display for Expr {
    /// Fully parenthesised, with indices for names (`q0`, `c3`): for debugging.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expr::Number(n, _) => write!(f, "{n}"),
            Expr::Quantity(i) => write!(f, "q{i}"),
            Expr::QuantityAt(i, s) => write!(f, "q{i}@s{s}"),
            Expr::Claim(i) => write!(f, "c{i}"),
            Expr::Pin(i) => write!(f, "p{i}"),
            Expr::Neg(e) => write!(f, "(-{e})"),
            Expr::Binary(op, l, r) => write!(f, "({l} {} {r})", op.symbol()),
        }
    }
}

/// `left = right`.
#[derive(Debug, Clone, PartialEq)]
pub struct Equation {
    pub left: Expr,
    /// `=`, or an inequality: `<=`, `<`, `>=`, `>`.
    pub cmp: Cmp,
    pub right: Expr,
    /// Every quantity or claim named, in the order written: what a reason quotes
    /// the equation with, each name replaced by a figure.
    pub names: Vec<Name>,
}

/// How the two sides of a relation compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmp {
    Eq,
    Le,
    Lt,
    Ge,
    Gt,
}

impl Cmp {
    pub fn symbol(self) -> &'static str {
        match self {
            Cmp::Eq => "=",
            Cmp::Le => "<=",
            Cmp::Lt => "<",
            Cmp::Ge => ">=",
            Cmp::Gt => ">",
        }
    }
}

/// A name in an equation: where it stands in the text, and what it names
/// ([`Expr::Quantity`] or [`Expr::Claim`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Name {
    pub span: Range<usize>,
    pub names: Expr,
}

/// A problem in an expression, at a byte offset into it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExprError {
    pub offset: usize,
    pub message: String,
    /// The name, when the problem is a name that is neither a quantity nor a claim.
    pub unknown_name: Option<String>,
}

/// Parses `left = right`; `resolve` turns a name into [`Expr::Quantity`] or
/// [`Expr::Claim`], or `None` when the name is unknown.
pub fn parse_equation(
    text: &str,
    resolve: &mut dyn FnMut(&str) -> Option<Expr>,
) -> Result<Equation, Vec<ExprError>> {
    let mut parser = Parser {
        text,
        pos: 0,
        resolve,
        errors: Vec::new(),
        names: Vec::new(),
        depth: 0,
        operators: 0,
    };
    let result = parser.equation();
    match result {
        Ok(equation) if parser.errors.is_empty() => Ok(equation),
        Ok(_) => Err(parser.errors),
        Err(error) => {
            parser.errors.push(error);
            parser.errors.sort_by_key(|e| e.offset);
            Err(parser.errors)
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Number(f64, f64),
    Name(String),
    Symbol(char),
    Compare(Cmp),
    End,
}

impl fmt::Display for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Token::Number(n, _) => write!(f, "number {n}"),
            Token::Name(name) => write!(f, "`{name}`"),
            Token::Symbol(c) => write!(f, "`{c}`"),
            Token::Compare(cmp) => write!(f, "`{}`", cmp.symbol()),
            Token::End => write!(f, "end of expression"),
        }
    }
}

struct Parser<'t, 'r> {
    text: &'t str,
    pos: usize,
    resolve: &'r mut dyn FnMut(&str) -> Option<Expr>,
    /// Unknown names: reported without stopping the parse.
    errors: Vec<ExprError>,
    /// The names resolved so far.
    names: Vec<Name>,
    /// Parentheses and signs open around the current place.
    depth: usize,
    /// Operators read so far.
    operators: usize,
}

/// How deeply parentheses and minus signs may nest in a relation: no arithmetic of
/// sources needs more, and the expression is parsed and evaluated by recursion.
pub const MOST_NESTING: usize = 64;
/// Operators a relation may hold: a sum of a thousand terms is already more than any
/// breakdown in a source; beyond it the expression's tree would be too deep to walk.
pub const MOST_OPERATORS: usize = 1_000;

/// The largest number a relation may write: far beyond any count or sum a source
/// gives, and small enough that products of a few such numbers stay finite.
pub const MOST_NUMBER: f64 = 1e15;

type Parsed<T> = Result<T, ExprError>;

impl Parser<'_, '_> {
    fn equation(&mut self) -> Parsed<Equation> {
        let left = self.sum()?;
        let (offset, token) = self.next()?;
        let Token::Compare(cmp) = token else {
            return Err(self.error(
                offset,
                format!("expected `=`, `<=`, `<`, `>=`, `>` or an operator, found {token}"),
            ));
        };
        let right = self.sum()?;
        let (offset, token) = self.next()?;
        if token != Token::End {
            let message = if matches!(token, Token::Compare(_)) {
                "a relation has one `=` (or one of `<=`, `<`, `>=`, `>`)".to_string()
            } else {
                format!("expected an operator or the end, found {token}")
            };
            return Err(self.error(offset, message));
        }
        Ok(Equation {
            left,
            cmp,
            right,
            names: std::mem::take(&mut self.names),
        })
    }

    fn sum(&mut self) -> Parsed<Expr> {
        let mut left = self.product()?;
        loop {
            let op = match self.peek()? {
                Token::Symbol('+') => Op::Add,
                Token::Symbol('-') => Op::Sub,
                _ => return Ok(left),
            };
            let (offset, _) = self.next()?;
            self.count_operator(offset)?;
            let right = self.product()?;
            left = Expr::Binary(op, Box::new(left), Box::new(right));
        }
    }

    fn product(&mut self) -> Parsed<Expr> {
        let mut left = self.unary()?;
        loop {
            let op = match self.peek()? {
                Token::Symbol('*') => Op::Mul,
                Token::Symbol('/') => Op::Div,
                _ => return Ok(left),
            };
            let (offset, _) = self.next()?;
            self.count_operator(offset)?;
            let right = self.unary()?;
            left = Expr::Binary(op, Box::new(left), Box::new(right));
        }
    }

    fn unary(&mut self) -> Parsed<Expr> {
        if self.peek()? == Token::Symbol('-') {
            let (offset, _) = self.next()?;
            self.count_operator(offset)?;
            let inner = self.nested(offset, Parser::unary)?;
            return Ok(Expr::Neg(Box::new(inner)));
        }
        self.primary()
    }

    /// Parses with `parse` one level deeper, refusing to go past [`MOST_NESTING`].
    fn nested(&mut self, offset: usize, parse: fn(&mut Self) -> Parsed<Expr>) -> Parsed<Expr> {
        if self.depth == MOST_NESTING {
            return Err(self.error(
                offset,
                format!("parentheses and minus signs nest more than {MOST_NESTING} deep"),
            ));
        }
        self.depth += 1;
        let parsed = parse(self);
        self.depth -= 1;
        parsed
    }

    fn count_operator(&mut self, offset: usize) -> Parsed<()> {
        self.operators += 1;
        if self.operators > MOST_OPERATORS {
            return Err(self.error(
                offset,
                format!("more than {MOST_OPERATORS} operators in one relation"),
            ));
        }
        Ok(())
    }

    fn primary(&mut self) -> Parsed<Expr> {
        let (offset, token) = self.next()?;
        match token {
            Token::Number(n, step) => Ok(Expr::Number(n, step)),
            Token::Name(name) => match self.resolve_name(offset, &name) {
                Some((expr, name)) => {
                    self.names.push(Name {
                        span: offset..offset + name.len(),
                        names: expr.clone(),
                    });
                    Ok(expr)
                }
                None => {
                    let message = match name.split_once('@') {
                        Some((quantity, source)) => format!(
                            "`{name}` is not a quantity's claims of one source: `{quantity}` must be a quantity id and `{source}` a source id"
                        ),
                        None => format!("`{name}` is neither a quantity id nor a claim id"),
                    };
                    self.errors.push(ExprError {
                        offset,
                        unknown_name: Some(name.clone()),
                        message,
                    });
                    Ok(Expr::Number(f64::NAN, 0.0))
                }
            },
            Token::Symbol('(') => {
                let inner = self.nested(offset, Parser::sum)?;
                let (close, token) = self.next()?;
                if token != Token::Symbol(')') {
                    return Err(self.error(
                        close,
                        format!("expected `)` to close the `(` at offset {offset}, found {token}"),
                    ));
                }
                Ok(inner)
            }
            other => Err(self.error(
                offset,
                format!("expected a number, a name or `(`, found {other}"),
            )),
        }
    }

    /// Resolves a name read at `offset`, and the name as taken: `a@memo-b` is
    /// `a@memo` minus `b` when `memo-b` is no source but `memo` is (the rest is read
    /// again).
    fn resolve_name(&mut self, offset: usize, name: &str) -> Option<(Expr, String)> {
        if let Some(expr) = (self.resolve)(name) {
            return Some((expr, name.to_string()));
        }
        let at = name.find('@')?;
        let mut end = name.len();
        while let Some(dash) = name[at..end].rfind('-') {
            end = at + dash;
            if let Some(expr) = (self.resolve)(&name[..end]) {
                self.pos = offset + end;
                return Some((expr, name[..end].to_string()));
            }
        }
        None
    }

    fn error(&self, offset: usize, message: String) -> ExprError {
        ExprError {
            offset,
            message,
            unknown_name: None,
        }
    }

    fn peek(&mut self) -> Parsed<Token> {
        let saved = self.pos;
        let (_, token) = self.next()?;
        self.pos = saved;
        Ok(token)
    }

    /// The next token and the offset it starts at.
    fn next(&mut self) -> Parsed<(usize, Token)> {
        let rest = &self.text[self.pos..];
        let skipped = rest.len() - rest.trim_start().len();
        self.pos += skipped;
        let start = self.pos;
        let bytes = self.text.as_bytes();
        let Some(&first) = bytes.get(start) else {
            return Ok((start, Token::End));
        };
        if first.is_ascii_digit()
            || (first == b'.' && bytes.get(start + 1).is_some_and(u8::is_ascii_digit))
        {
            return self
                .number(start)
                .map(|(n, step)| (start, Token::Number(n, step)));
        }
        if first.is_ascii_lowercase() || first == b'_' {
            let end = start
                + bytes[start..]
                    .iter()
                    .take_while(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || **b == b'_')
                    .count();
            // `quantity@source`: a source id may hold `-`, which `primary` gives back
            // to the expression when the longer name is no source.
            let end = if bytes.get(end) == Some(&b'@') {
                end + 1
                    + bytes[end + 1..]
                        .iter()
                        .take_while(|b| {
                            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'_' | b'-')
                        })
                        .count()
            } else {
                end
            };
            self.pos = end;
            if bytes.get(end).is_some_and(u8::is_ascii_uppercase) {
                return Err(self.error(end, "ids are lower case".to_string()));
            }
            return Ok((start, Token::Name(self.text[start..end].to_string())));
        }
        if matches!(first, b'=' | b'<' | b'>') {
            let or_equal = bytes.get(start + 1) == Some(&b'=') && first != b'=';
            self.pos += 1 + usize::from(or_equal);
            let cmp = match (first, or_equal) {
                (b'<', true) => Cmp::Le,
                (b'<', false) => Cmp::Lt,
                (b'>', true) => Cmp::Ge,
                (b'>', false) => Cmp::Gt,
                _ => Cmp::Eq,
            };
            return Ok((start, Token::Compare(cmp)));
        }
        if matches!(first, b'+' | b'-' | b'*' | b'/' | b'(' | b')') {
            self.pos += 1;
            return Ok((start, Token::Symbol(first as char)));
        }
        let c = self.text[start..].chars().next().unwrap_or(' ');
        let message = if c == '%' {
            "`%` must follow a number".to_string()
        } else if c.is_uppercase() {
            "ids are lower case".to_string()
        } else {
            format!("unexpected `{c}`")
        };
        Err(self.error(start, message))
    }

    /// A number with optional thousands separators (`116,885`), decimals and `%`,
    /// and the rounding step its last written digit implies.
    fn number(&mut self, start: usize) -> Parsed<(f64, f64)> {
        let bytes = self.text.as_bytes();
        let digits = |from: usize| {
            bytes[from..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count()
        };
        let mut end = start + digits(start);
        let mut cleaned = self.text[start..end].to_string();
        while bytes.get(end) == Some(&b',') && digits(end + 1) == 3 {
            cleaned.push_str(&self.text[end + 1..end + 4]);
            end += 4;
        }
        if bytes.get(end) == Some(&b',') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
            return Err(self.error(
                end,
                "a thousands separator must be followed by three digits".to_string(),
            ));
        }
        let mut decimals = None;
        if bytes.get(end) == Some(&b'.') {
            let places = digits(end + 1);
            decimals = Some(places as i32);
            let decimals = places;
            cleaned.push_str(&self.text[end..end + 1 + decimals]);
            end += 1 + decimals;
        }
        let mut number: f64 = cleaned.parse().map_err(|_| {
            self.error(
                start,
                format!("`{}` is not a number", &self.text[start..end]),
            )
        })?;
        if bytes.get(end) == Some(&b'%') {
            // A percentage is rounded to its last digit: 70% is 69.5–70.5%.
            number /= 100.0;
            decimals = Some(decimals.unwrap_or(0) + 2);
            end += 1;
        }
        let step = decimals.map_or(0.0, |places| 10f64.powi(-places));
        let exponent = matches!(bytes.get(end), Some(b'e' | b'E'))
            && match bytes.get(end + 1) {
                Some(b'+' | b'-') => bytes.get(end + 2).is_some_and(u8::is_ascii_digit),
                next => next.is_some_and(u8::is_ascii_digit),
            };
        if exponent {
            return Err(self.error(
                start,
                "write the number out in full: relations take no exponents (`1e6`)".to_string(),
            ));
        }
        if bytes
            .get(end)
            .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'_')
        {
            return Err(self.error(start, "an id cannot start with a digit".to_string()));
        }
        if !number.is_finite() || number.abs() > MOST_NUMBER {
            return Err(self.error(
                start,
                format!("`{}` is too large for a relation", &self.text[start..end]),
            ));
        }
        self.pos = end;
        Ok((number, step))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(name: &str) -> Option<Expr> {
        match name {
            "a" => Some(Expr::Quantity(0)),
            "b" => Some(Expr::Quantity(1)),
            "c" => Some(Expr::Claim(0)),
            "party_members_repressed_1937_38" => Some(Expr::Quantity(2)),
            "a@memo" => Some(Expr::QuantityAt(0, 0)),
            "b@news-site" => Some(Expr::QuantityAt(1, 1)),
            _ => None,
        }
    }

    #[test]
    fn a_quantity_of_one_source() {
        assert_eq!(show("a@memo = b@news-site"), "q0@s0 = q1@s1");
    }

    #[test]
    fn a_minus_after_a_source_is_a_minus_when_no_source_has_the_longer_name() {
        assert_eq!(show("c = a@memo-b"), "c0 = (q0@s0 - q1)");
        assert_eq!(show("c = a@memo - b"), "c0 = (q0@s0 - q1)");
    }

    #[test]
    fn an_unknown_source_is_reported_at_its_name() {
        let errors = parse("a@nobody = b").expect_err("unknown source");
        assert_eq!(errors[0].offset, 0);
        assert!(
            errors[0].message.contains("`nobody` a source id"),
            "{:?}",
            errors
        );
    }

    fn parse(text: &str) -> Result<Equation, Vec<ExprError>> {
        parse_equation(text, &mut names)
    }

    fn show(text: &str) -> String {
        let e = parse(text).unwrap_or_else(|e| panic!("{text}: {e:?}"));
        format!("{} = {}", e.left, e.right)
    }

    #[test]
    fn multiplication_binds_tighter_than_addition() {
        assert_eq!(show("a = b + c * 2"), "q0 = (q1 + (c0 * 2))");
        assert_eq!(show("a = b * c - 2 / a"), "q0 = ((q1 * c0) - (2 / q0))");
    }

    #[test]
    fn operators_of_one_level_associate_left() {
        assert_eq!(show("a = b - c - 1"), "q0 = ((q1 - c0) - 1)");
        assert_eq!(show("a = b / c / 2"), "q0 = ((q1 / c0) / 2)");
    }

    #[test]
    fn parentheses_group() {
        assert_eq!(show("a = (b + c) * 2"), "q0 = ((q1 + c0) * 2)");
    }

    #[test]
    fn unary_minus() {
        assert_eq!(show("-a = -(b - c)"), "(-q0) = (-(q1 - c0))");
    }

    #[test]
    fn percent_is_a_hundredth() {
        let e = parse("party_members_repressed_1937_38 = 4.2% * b").unwrap();
        assert_eq!(e.left, Expr::Quantity(2));
        assert_eq!(
            e.right,
            Expr::Binary(
                Op::Mul,
                Box::new(Expr::Number(0.042, 0.001)),
                Box::new(Expr::Quantity(1))
            )
        );
    }

    #[test]
    fn thousands_separators_and_decimals() {
        let e = parse("a = 116,885 + 1.5").unwrap();
        assert_eq!(
            e.right,
            Expr::Binary(
                Op::Add,
                Box::new(Expr::Number(116_885.0, 0.0)),
                Box::new(Expr::Number(1.5, 0.1))
            )
        );
    }

    #[test]
    fn every_unknown_name_is_reported_at_its_offset() {
        let errors = parse("x = a + yy").unwrap_err();
        assert_eq!(errors.len(), 2);
        assert_eq!(errors[0].offset, 0);
        assert_eq!(errors[1].offset, 8);
        assert!(
            errors[1].message.contains("`yy` is neither"),
            "{:?}",
            errors
        );
    }

    #[test]
    fn syntax_errors() {
        let cases = [
            ("a + b", 5, "expected `=`"),
            ("a = ", 4, "found end of expression"),
            ("a = (b + c", 10, "expected `)`"),
            ("a = b = c", 6, "one `=`"),
            ("a = b c", 6, "expected an operator or the end"),
            ("a = b % 2", 6, "`%` must follow a number"),
            ("a = 1,23", 5, "three digits"),
            ("a = B", 4, "lower case"),
            ("a = 2b", 4, "cannot start with a digit"),
            ("a = b ^ 2", 6, "unexpected `^`"),
            ("a = 1e308 * 1e308", 4, "no exponents"),
            ("a = 2E-3", 4, "no exponents"),
        ];
        for (text, offset, message) in cases {
            let errors = parse(text).unwrap_err();
            let last = errors.last().unwrap();
            assert_eq!(last.offset, offset, "{text}: {errors:?}");
            assert!(last.message.contains(message), "{text}: {errors:?}");
        }
    }

    #[test]
    fn a_number_past_the_largest_is_refused() {
        let text = format!("a = {}", "9".repeat(400));
        let errors = parse(&text).unwrap_err();
        assert!(errors[0].message.contains("too large"), "{errors:?}");
        assert_eq!(errors[0].offset, 4);
    }

    #[test]
    fn nesting_past_the_limit_is_refused_at_the_parenthesis() {
        let deep = format!("a = {}b{}", "(".repeat(65), ")".repeat(65));
        let errors = parse(&deep).unwrap_err();
        assert_eq!(errors[0].offset, 4 + 64, "{errors:?}");
        let within = format!("a = {}b{}", "(".repeat(64), ")".repeat(64));
        assert!(parse(&within).is_ok());
    }

    #[test]
    fn operators_past_the_limit_are_refused() {
        let long = format!("a = {}", vec!["b"; 1_002].join(" + "));
        let errors = parse(&long).unwrap_err();
        assert!(errors[0].message.contains("operators"), "{errors:?}");
        let within = format!("a = {}", vec!["b"; 1_001].join(" + "));
        assert!(parse(&within).is_ok());
    }
}
