//! The number grammar, one input per test: what is a figure, its exact text, value,
//! bounds, qualifier, kind and unit — and what must not be reported at all.

use crosscheck::extract::{extract, Figure};

/// The one figure `text` must yield.
fn only_figure(text: &str) -> Figure {
    let figures = extract(text);
    assert_eq!(
        figures.len(),
        1,
        "{text:?} gave {:?}",
        figures.iter().map(|f| f.text(text)).collect::<Vec<_>>()
    );
    figures.into_iter().next().unwrap()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

macro_rules! figure {
    ($name:ident: $input:expr => $text:expr, $low:expr, $high:expr, $qualifier:expr, $kind:expr) => {
        #[test]
        fn $name() {
            let input = $input;
            let f = only_figure(input);
            assert_eq!(f.text(input), $text, "span");
            assert!(
                close(f.low, $low as f64),
                "low {} != {}",
                f.low,
                $low as f64
            );
            assert!(
                close(f.high, $high as f64),
                "high {} != {}",
                f.high,
                $high as f64
            );
            assert_eq!(f.qualifier.as_str(), $qualifier, "qualifier");
            assert_eq!(f.kind.as_str(), $kind, "kind");
        }
    };
}

macro_rules! no_figure {
    ($name:ident: $input:expr) => {
        #[test]
        fn $name() {
            let input = $input;
            let figures: Vec<String> = extract(input)
                .iter()
                .map(|f| f.text(input).to_string())
                .collect();
            assert!(figures.is_empty(), "{input:?} gave {figures:?}");
        }
    };
}

// Digits, separators, decimals.
figure!(comma_grouped: "Since then 3,777,380 people were convicted." => "3,777,380", 3777380, 3777380, "exact", "count");
figure!(plain_digits: "The congress gathered 1436 delegates." => "1436", 1436, 1436, "exact", "count");
figure!(decimal_point: "Yields rose to 35.9 tonnes." => "35.9", 35.9, 35.9, "exact", "measure");
figure!(negative: "The balance stood at -504 accounts." => "-504", -504, -504, "exact", "count");
figure!(space_grouped: "Всего 3 777 380 человек." => "3 777 380", 3777380, 3777380, "exact", "count");
figure!(no_break_space_grouped: "About 40\u{a0}000 people left." => "40\u{a0}000", 40000, 40000, "about", "count");
figure!(narrow_no_break_space_grouped: "Some 40\u{202f}000 people left." => "40\u{202f}000", 40000, 40000, "about", "count");

// Scales.
figure!(million_with_decimal: "It exceeded 1.3 million people." => "1.3 million", 1.3e6, 1.3e6, "over", "count");
figure!(bn_abbreviation: "The plan costs 2 bn euros." => "2 bn", 2e9, 2e9, "exact", "money");
figure!(thousand_word: "About 93 thousand visitors came." => "93 thousand", 93000, 93000, "about", "count");
figure!(k_suffix: "We reached 10k users." => "10k", 10000, 10000, "exact", "count");
figure!(half_a_million: "Half a million people marched." => "Half a million", 5e5, 5e5, "exact", "count");
figure!(hundreds_of_thousands: "Hundreds of thousands of people fled." => "Hundreds of thousands", 2e5, 999999, "about", "count");

// Number words.
figure!(hyphenated_words: "There were twenty-eight delegates." => "twenty-eight", 28, 28, "exact", "count");
figure!(one_and_a_half_thousand: "About one and a half thousand delegates came." => "one and a half thousand", 1500, 1500, "about", "count");
figure!(a_dozen: "A dozen witnesses spoke." => "A dozen", 12, 12, "exact", "count");
figure!(nine_or_ten: "There were nine or ten communists expelled." => "nine or ten", 9, 10, "range", "count");
figure!(three_thousand_millions: "The debt was three thousand millions roubles." => "three thousand millions", 3e9, 3e9, "exact", "money");
figure!(compound_with_and: "One hundred and thirty-six of them died." => "One hundred and thirty-six", 136, 136, "exact", "count");

// Fractions and multipliers.
figure!(one_third: "Approximately one-third of all arrests." => "one-third", 1.0 / 3.0, 1.0 / 3.0, "about", "fraction");
figure!(two_thirds: "Two thirds of the voters agreed." => "Two thirds", 2.0 / 3.0, 2.0 / 3.0, "exact", "fraction");
figure!(a_quarter: "A quarter of the farms closed." => "A quarter", 0.25, 0.25, "exact", "fraction");
figure!(half_of: "Half of humanity supported it." => "Half", 0.5, 0.5, "exact", "fraction");
figure!(times: "They had about 8.5 times the chance." => "8.5 times", 8.5, 8.5, "about", "multiplier");
figure!(factor_of_almost_two: "The number decreased by a factor of almost two." => "a factor of almost two", 2, 2, "almost", "multiplier");
figure!(more_than_double: "It was more than double the tally." => "double", 2, 2, "over", "multiplier");

// Percentages.
figure!(percent_sign: "Of those asked, 85% agreed." => "85%", 85, 85, "exact", "percent");
figure!(per_cent: "They made up 85 per cent of the total." => "85 per cent", 85, 85, "exact", "percent");
figure!(percent_word: "Growth reached 85 percent in a year." => "85 percent", 85, 85, "exact", "percent");
figure!(percent_in_words: "Only three per cent of arrests." => "three per cent", 3, 3, "exact", "percent");
figure!(percent_range: "Growth rates of 10-12 percent were normal." => "10-12 percent", 10, 12, "range", "percent");
figure!(percent_range_both_signed: "Payments rose by 50% to 200%." => "50% to 200%", 50, 200, "range", "percent");
figure!(russian_percent: "Доля составила 12 процентов." => "12 процентов", 12, 12, "exact", "percent");

// Ranges.
figure!(scale_on_both_ends: "Some 5-7 million people were arrested." => "5-7 million", 5e6, 7e6, "range", "count");
figure!(digit_range: "The 100,000-150,000 secretaries attended." => "100,000-150,000", 100000, 150000, "range", "count");
figure!(between_and: "Estimates lie between 17 and 50 million people." => "17 and 50 million", 17e6, 50e6, "range", "count");
figure!(from_to: "It cost from 50 to 100 million dollars." => "50 to 100 million", 50e6, 100e6, "range", "money");
figure!(age_range: "It applied to individuals aged 18 to 60." => "18 to 60", 18, 60, "range", "age");
figure!(words_range_duration: "Within three to four days they wrote." => "three to four days", 3, 4, "range", "duration");
figure!(change_is_not_a_range: "The party grew from 24,000 members." => "24,000", 24000, 24000, "exact", "count");

// Qualifiers.
figure!(approximately: "Approximately 25 per cent were freed." => "25 per cent", 25, 25, "about", "percent");
figure!(around: "Around 300 homes burned." => "300", 300, 300, "about", "count");
figure!(roughly: "Roughly 300 homes burned." => "300", 300, 300, "about", "count");
figure!(some: "Some 4,000 Hungarians were killed." => "4,000", 4000, 4000, "about", "count");
figure!(nearly: "Nearly 100 per cent were cleared." => "100 per cent", 100, 100, "almost", "percent");
figure!(close_to: "They wrote close to 60 letters." => "60", 60, 60, "about", "count");
figure!(over: "Over 2 million amendments arrived." => "2 million", 2e6, 2e6, "over", "count");
figure!(just_over: "The company had just over 14,000 employees." => "14,000", 14000, 14000, "just_over", "count");
figure!(slightly_more_than: "They were slightly more than 1 per cent of the population." => "1 per cent", 1, 1, "just_over", "percent");
figure!(chut_bolee: "Погибли чуть более 300 человек." => "300", 300, 300, "just_over", "count");
figure!(more_than: "More than 10 thousand enterprises moved." => "10 thousand", 1e4, 1e4, "over", "count");
figure!(in_excess_of: "Losses were in excess of 400 homes." => "400", 400, 400, "over", "count");
figure!(at_least: "At least 12 villages flooded." => "12", 12, 12, "at_least", "count");
figure!(no_more_than: "There were no more than 12,000 Trotskyites." => "12,000", 12000, 12000, "at_most", "count");
figure!(up_to: "Up to 500 volunteers helped." => "500", 500, 500, "at_most", "count");
figure!(less_than: "It held less than 40 beds." => "40", 40, 40, "under", "count");
figure!(fewer_than: "Fewer than 40 beds were free." => "40", 40, 40, "under", "count");
figure!(under: "Under 40 beds were free." => "40", 40, 40, "under", "count");
figure!(exceeded_across_hyphenated_line: "The number \"exceed-\n\ned 1.3 million people.\"" => "1.3 million", 1.3e6, 1.3e6, "over", "count");
figure!(over_the_past_is_not_a_qualifier: "Over the past 20 years prices rose." => "20 years", 20, 20, "exact", "duration");
figure!(russian_more_than: "Свыше 300 домов затоплено." => "300", 300, 300, "over", "count");

// Vague amounts.
figure!(thousands_of: "Thousands of letters arrived." => "Thousands", 2000, 9999, "about", "count");
figure!(tens_of_thousands: "Tens of thousands were arrested." => "Tens of thousands", 20000, 99999, "about", "count");
figure!(millions_of: "Millions of families moved." => "Millions", 2e6, 9999999, "about", "count");
figure!(several: "He revised several drafts." => "several", 3, 9, "about", "count");
figure!(a_handful: "Only a handful of people remained." => "a handful", 2, 9, "about", "count");

// Durations, ages, rates, measures.
figure!(duration: "He was sentenced to 15 years in prison." => "15 years", 15, 15, "exact", "duration");
figure!(hyphenated_duration: "They attended six-month courses." => "six-month", 6, 6, "exact", "duration");
figure!(decades_in_years: "It took two decades to recover." => "two decades", 20, 20, "exact", "duration");
figure!(a_year_and_a_half: "For a year and a half nobody doubted it." => "a year and a half", 1.5, 1.5, "exact", "duration");
figure!(age: "A 15-year-old boy was shot." => "15-year-old", 15, 15, "exact", "age");
figure!(rate_per_day: "They reviewed 2,000 cases a day." => "2,000", 2000, 2000, "exact", "rate");
figure!(area: "By 1956 35.9 million hectares were ploughed." => "35.9 million", 35.9e6, 35.9e6, "exact", "measure");
figure!(russian_decimal_comma: "Урожай составил 1,3 млн тонн." => "1,3 млн", 1.3e6, 1.3e6, "exact", "measure");
figure!(russian_thousand_abbreviation: "Пришли 93 тыс. посетителей." => "93 тыс", 93000, 93000, "exact", "count");
figure!(russian_one_and_a_half_million: "Переселены полтора миллиона человек." => "полтора миллиона", 1.5e6, 1.5e6, "exact", "count");
figure!(money_symbol: "The flood cost $2 bn in total." => "$2 bn", 2e9, 2e9, "exact", "money");

// Not figures.
no_figure!(calendar_year: "It all started in 1953.");
no_figure!(year_range_abbreviated: "The purges of 1937-38 were studied.");
no_figure!(full_date: "On February 25, 1956, he spoke.");
no_figure!(day_first_date: "On 24 October 1956 Nagy returned.");
no_figure!(decade: "Illiteracy disappeared in the 1930s.");
no_figure!(apostrophe_decade: "At the end of the \u{2018}80s it changed.");
no_figure!(ordinal_digits: "The 20th Congress opened.");
no_figure!(roman_ordinal: "The XX Congress opened.");
no_figure!(superscript_footnote: "Solzhenitsyn\u{2075} asserted it.");
no_figure!(bracketed_footnote: "The river grew [4].");
no_figure!(page_reference: "See Deutscher, Stalin (Oxford, 1967), 351.");
no_figure!(page_abbreviation: "See p. 12 of the report.");
no_figure!(slide_counter: "Title\n\n1 of 18\n\nNext");
no_figure!(list_numbering: "1. First point\n2. Second point");
no_figure!(isbn: "ISBN: 978-1-997536-32-1");
no_figure!(number_label: "Operational Order No. 00447 was signed.");
no_figure!(phone_number: "Call +7 (4012) 55-01-37 for help.");
no_figure!(time_of_day: "The meeting began at 10:30 sharp.");
no_figure!(time_with_pm: "It ended at 5 p.m. on Friday.");
no_figure!(relative_time: "Thirty years later, it was revised.");
no_figure!(years_ago: "The campaign began 70 years ago.");
no_figure!(plan_name: "The Sixth Five-Year Plan was adopted.");
no_figure!(idiom: "It was one step forward - two steps back.");
no_figure!(one_as_pronoun: "But one of its copies reached Warsaw.");
no_figure!(table_of_contents_page: "Lessons of the Past.....\t73");

// Periods and attribution.
#[test]
fn period_from_year_range_in_sentence() {
    let text = "In 1937-38, altogether 1,372,392 people were arrested.";
    assert_eq!(
        only_figure(text).period.map(|p| p.to_string()),
        Some("1937-1938".into())
    );
}

#[test]
fn period_from_to() {
    let text = "Of those executed from 1921 to 1953, 85 per cent died then.";
    assert_eq!(
        only_figure(text).period.map(|p| p.to_string()),
        Some("1921-1953".into())
    );
}

#[test]
fn period_since_is_open() {
    let text = "They stated that since 1921, 3,777,380 people had been convicted.";
    assert_eq!(
        only_figure(text).period.map(|p| p.to_string()),
        Some("1921-".into())
    );
}

#[test]
fn period_carries_to_the_next_sentence_of_a_paragraph() {
    let text = "In 1956 the congress met. It gathered 1,436 delegates.";
    assert_eq!(
        only_figure(text).period.map(|p| p.to_string()),
        Some("1956".into())
    );
}

#[test]
fn period_does_not_cross_a_paragraph() {
    let text = "In 1956 the congress met.\n\nIt gathered 1,436 delegates.";
    assert_eq!(only_figure(text).period, None);
}

#[test]
fn attribution_according_to() {
    let text = "According to Roy Medvedev, 5-7 million people were arrested.";
    assert_eq!(
        only_figure(text).attributed_to.as_deref(),
        Some("Roy Medvedev")
    );
}

#[test]
fn attribution_claims() {
    let text = "He claims that 43 per cent of Party members were arrested, Kozhinov claims.";
    assert_eq!(only_figure(text).attributed_to.as_deref(), Some("Kozhinov"));
}

#[test]
fn counted_noun_is_the_unit() {
    let text = "During these two years 116,885 Party members were repressed.";
    assert_eq!(only_figure(text).unit.as_deref(), Some("Party members"));
}

#[test]
fn inches_are_a_unit() {
    let text = "The gauge recorded 5.6 inches of rain.";
    assert_eq!(only_figure(text).unit.as_deref(), Some("inches"));
}

#[test]
fn km_squared_is_an_area() {
    let text = "The lake covers 14.5 km² of the valley.";
    assert_eq!(only_figure(text).unit.as_deref(), Some("square km"));
}

#[test]
fn km2_is_an_area() {
    let text = "The lake covers 14.5 km2 of the valley.";
    assert_eq!(only_figure(text).unit.as_deref(), Some("square km"));
}

#[test]
fn a_power_at_the_end_of_the_text_is_read_without_cutting_a_character() {
    assert_eq!(
        only_figure("The lake covers 14.5 km²").unit.as_deref(),
        Some("square km")
    );
    assert_eq!(
        only_figure("Площадь 14,5 км²").unit.as_deref(),
        Some("square km")
    );
}

#[test]
fn cubic_metres_are_a_volume() {
    let text = "Было вывезено 300 м³ грунта.";
    assert_eq!(only_figure(text).unit.as_deref(), Some("cubic metres"));
}

#[test]
fn sentence_survives_initials() {
    let text = "N.S. Khrushchev said 1,436 delegates came.";
    let f = only_figure(text);
    assert_eq!(f.sentence_text(text), text);
}

#[test]
fn precision_of_rounded_figure() {
    let f = only_figure("It exceeded 1.3 million people.");
    assert!(close(f.precision.unwrap().step, 1e5));
}

// Counters and labels in every spelling.
no_figure!(slide_counter_after_its_label: "--- Slide 4 of 9 ---");
no_figure!(card_counter_with_a_slash: "Card 2/7  Land reform");
no_figure!(page_counter_after_its_label: "Page 3 of 10");
no_figure!(block_and_week_labels: "Revision pack for Block 3, week 9");
no_figure!(archival_reference_in_russian: "Источники: ф. 9401, оп. 2, д. 450, л. 12.");
no_figure!(date_written_with_dots: "Докладная записка от 14.10.1941 сохранилась.");
no_figure!(russian_time_of_day: "Авария произошла в 2 часа 15 минут.");
no_figure!(russian_point_in_time_after: "Через 3 часа пожар потушили.");
no_figure!(russian_year_with_its_noun: "По данным отчёта 2005 года завод закрыт.");
figure!(russian_up_to_hours_is_a_duration: "Работы продлятся до 10 часов." => "10 часов", 10, 10, "at_most", "duration");

// Scale letters after digits.
figure!(capital_k_after_a_space: "Visitors reached 40 K last year." => "40 K", 40_000, 40_000, "exact", "count");
figure!(capital_m_after_a_space: "The app has 30 M users." => "30 M", 30_000_000, 30_000_000, "exact", "count");
figure!(capital_m_stuck_to_digits: "Some 50M people watched." => "50M", 50_000_000, 50_000_000, "about", "count");
figure!(small_m_before_a_currency_word: "It raised 12m euros." => "12m", 12_000_000, 12_000_000, "exact", "money");
figure!(trillion_letter_after_a_dollar: "Debt reached $1.9T." => "$1.9T", 1.9e12, 1.9e12, "exact", "money");

// Fractions.
figure!(fraction_as_the_size_of_a_change: "Mortality fell by two thirds." => "two thirds", 2.0 / 3.0, 2.0 / 3.0, "exact", "fraction");
figure!(fraction_after_by_and_a_qualifier: "Capacity rose by roughly a fifth." => "a fifth", 0.2, 0.2, "about", "fraction");
figure!(a_quarter_million: "A quarter million people moved." => "A quarter million", 250_000, 250_000, "exact", "count");
figure!(half_a_dozen_is_six: "Half a dozen boats sank." => "Half a dozen", 6, 6, "exact", "count");
figure!(digits_and_dozen: "They lost 3 dozen nets." => "3 dozen", 36, 36, "exact", "count");
figure!(one_in_five: "One in five households rented land." => "One in five", 0.2, 0.2, "exact", "fraction");
figure!(one_in_twenty_in_digits: "Here 1 in 20 children died." => "1 in 20", 0.05, 0.05, "exact", "fraction");
figure!(slash_fraction_of: "Then 3/4 of the villages held no title." => "3/4", 0.75, 0.75, "exact", "fraction");
figure!(a_count_in_a_year_is_no_share: "The team won 5 in 2019." => "5", 5, 5, "exact", "count");
no_figure!(a_telephone_number_ends_at_its_line: "Contact: +1 415 555 0137\n7 of 12\n");

// Number words that say what a count came to.
figure!(number_word_as_the_total: "The official toll was forty-two." => "forty-two", 42, 42, "exact", "count");
figure!(number_word_after_rose_to: "The number in hospital rose to seventeen." => "seventeen", 17, 17, "exact", "count");
figure!(one_person_opening_a_sentence: "One person died at the pier." => "One", 1, 1, "exact", "count");
no_figure!(one_as_an_article_opening_a_sentence: "One reason is the weather.");

// Units stuck to the digits, and on both ends of a range.
figure!(millilitres_stuck_to_digits: "Give 75ml of syrup." => "75", 75, 75, "exact", "measure");
figure!(pounds_stuck_to_digits: "He weighed 200lbs then." => "200", 200, 200, "exact", "measure");
figure!(celsius_stuck_to_digits: "It fell to -10C overnight." => "-10", -10, -10, "exact", "measure");
figure!(unit_on_both_ends_of_a_range: "Doses of 44 mg to 50 mg were given." => "44 mg to 50", 44, 50, "range", "measure");
figure!(decimal_without_its_zero: "Take .5 mg twice." => ".5", 0.5, 0.5, "exact", "measure");
figure!(a_code_after_a_figure_is_no_scale: "They sold 23,400 K7 units." => "23,400", 23_400, 23_400, "exact", "count");

// Grouping in other conventions, and their scale words.
figure!(european_dot_grouping: "The fund paid 4.718.250 euros." => "4.718.250", 4_718_250, 4_718_250, "exact", "money");
figure!(european_grouping_with_decimal_comma: "It cost 1.234.567,89 EUR." => "1.234.567,89", 1_234_567.89, 1_234_567.89, "exact", "money");
figure!(a_single_dot_is_a_decimal_point: "The ratio was 1.234 then." => "1.234", 1.234, 1.234, "exact", "count");
figure!(indian_grouping_after_rs: "Sales were Rs 12,34,567 last year." => "Rs 12,34,567", 1_234_567, 1_234_567, "exact", "money");
figure!(crore: "The grant was ₹2.5 crore." => "₹2.5 crore", 2.5e7, 2.5e7, "exact", "money");
figure!(lakh: "Some 3 lakh buyers came." => "3 lakh", 300_000, 300_000, "about", "count");
figure!(about_after_a_distance: "Примерно через 300 км дорога кончилась." => "300", 300, 300, "about", "measure");
figure!(lakh_of_rupees_is_money: "The fund holds 5 lakh rupees." => "5 lakh", 500_000, 500_000, "exact", "money");
figure!(tilde_is_about: "The agency handed out ~2,500 heaters." => "2,500", 2500, 2500, "about", "count");
figure!(almost_equal_sign_is_about: "Hospitals recorded ≈ 1,200 admissions." => "1,200", 1200, 1200, "about", "count");
figure!(circa_abbreviation_is_about: "The town had c. 300 houses." => "300", 300, 300, "about", "count");
figure!(greater_than_sign_is_over: "Uptake was high among people >65." => "65", 65, 65, "over", "count");
figure!(at_least_sign: "The plant needs ≥ 400 workers." => "400", 400, 400, "at_least", "count");
figure!(less_than_sign_is_under: "Inflation stayed <5% all year." => "5%", 5, 5, "under", "percent");
figure!(at_most_sign: "Waiting times were ≤ 10 hours at all sites." => "10 hours", 10, 10, "at_most", "duration");
figure!(an_arrow_is_no_bound: "Literacy rose to -> 81%." => "81%", 81, 81, "exact", "percent");
figure!(currency_code_before_the_amount: "The fee is EUR 500 a year." => "EUR 500", 500, 500, "exact", "money");

// Scientific notation.
figure!(scientific_e: "They printed 1e10 copies." => "1e10", 1e10, 1e10, "exact", "count");
figure!(scientific_times_ten: "About 3.1 × 10^6 people voted." => "3.1 × 10^6", 3.1e6, 3.1e6, "about", "count");
figure!(scientific_x_stuck: "A sample of 1.3x10^6 cells." => "1.3x10^6", 1.3e6, 1.3e6, "exact", "count");

// Forms the blind corpus found missing (issue "extraction forms").
figure!(mixed_number: "Each family got 2 1/2 hectares." => "2 1/2", 2.5, 2.5, "exact", "measure");
figure!(spoken_decimal: "Inflation will ease to two point five per cent." => "two point five per cent", 2.5, 2.5, "exact", "percent");
figure!(currency_code_between_number_and_scale: "They won an order worth 75 USD million." => "75 USD million", 75e6, 75e6, "exact", "money");
figure!(scale_letter_on_a_currency_code: "They signed a 120 MEUR contract." => "120 MEUR", 120e6, 120e6, "exact", "money");
figure!(currency_sign_on_both_ends_of_a_range: "Revenue of between $340 million and $360 million." => "$340 million and $360 million", 340e6, 360e6, "range", "money");
figure!(russian_collective_numeral: "Двое из них в тяжёлом состоянии." => "Двое", 2, 2, "exact", "count");
figure!(russian_collective_numeral_with_its_noun: "Трое рабочих получили ожоги." => "Трое", 3, 3, "exact", "count");
figure!(russian_both_counts_a_pair: "Оба водителя отравились." => "Оба", 2, 2, "exact", "count");
figure!(russian_age_compound: "Среди пострадавших 5-летняя девочка." => "5-летняя", 5, 5, "exact", "age");
figure!(russian_duration_compound: "Им дали 8-часовой отдых." => "8-часовой", 8, 8, "exact", "duration");
figure!(russian_measure_compound: "Жителей вывезли из 30-километровой зоны." => "30", 30, 30, "exact", "measure");
figure!(race_time_is_a_duration: "He won the marathon in 2:15:07 on Sunday." => "2:15:07", 8107, 8107, "exact", "duration");
no_figure!(clock_time_with_seconds_is_no_duration: "The alarm rang at 18:30:05 sharp.");
figure!(twice_after_a_verb_counts_occurrences: "The striker scored twice." => "twice", 2, 2, "exact", "count");
figure!(twice_before_the_size_is_a_multiplier: "The new hall is twice the size." => "twice", 2, 2, "exact", "multiplier");
no_figure!(think_twice_is_an_idiom: "You should think twice.");
figure!(vote_count_after_ayes: "The House divided: Ayes 312." => "312", 312, 312, "exact", "count");
figure!(minus_set_apart_by_a_space: "Temperatures fell to - 20 in the town." => "- 20", -20, -20, "exact", "count");
figure!(the_age_of_a_number_word: "Children under the age of five were vaccinated." => "five", 5, 5, "exact", "age");
figure!(span_for_a_time_after_an_event: "They slept outside for two weeks after the quake." => "two weeks", 2, 2, "exact", "duration");
figure!(number_word_before_a_modal_verb: "The remaining three will be inspected." => "three", 3, 3, "exact", "count");
no_figure!(reading_time_is_page_furniture: "5 min read | Posted by the desk");
no_figure!(comment_count_is_page_furniture: "Share | 34 comments\n");
no_figure!(round_the_clock: "A 24/7 hotline is open.");
no_figure!(season_written_with_a_slash: "Season 2023/24 was long.");
no_figure!(file_reference_with_a_slash: "See file LAB 14/2231.");
no_figure!(date_written_with_slashes: "Kick-off on 03/12/2021.");
no_figure!(subsection_of_a_clause: "See clause 4(2)(b).");
no_figure!(telephone_code_in_brackets: "Телефон: 8 (800) 555-17-42.");
no_figure!(heading_number_before_its_colon: "ECON 101: Development Economics\n");
no_figure!(quoted_name_with_a_number: "Learn the \"4 Rs\" by heart.");
no_figure!(match_score_after_a_result: "The Hawks lost 2-4 at home.");
no_figure!(year_before_the_results_it_dates: "Halvane reports 2024 results.");
no_figure!(berth_number: "The closure of berth 6 hurt trade.");

// Forms of the third round: a fraction after "and", hundredths, a decimal comma after
// space groups, a Russian qualifier before a preposition.
figure!(five_and_a_quarter_million: "It cost five and a quarter million roubles." => "five and a quarter million", 5.25e6, 5.25e6, "exact", "money");
figure!(a_hundredth_of: "Only a hundredth of the land was sown." => "a hundredth", 0.01, 0.01, "exact", "fraction");
figure!(space_groups_and_a_decimal_comma: "Итого 1 234 567,89 рубля." => "1 234 567,89", 1234567.89, 1234567.89, "exact", "money");
figure!(russian_about_before_a_preposition: "Огонь был примерно в 300 домах." => "300", 300, 300, "about", "count");
figure!(minus_apart_after_a_copula: "At noon the temperature was - 20 degrees." => "- 20", -20, -20, "exact", "measure");
figure!(russian_collective_numeral_alone: "При обстреле погибли двое." => "двое", 2, 2, "exact", "count");
no_figure!(course_codes_in_a_sentence: "She took ECON 101 and MATH 221 last year.");
no_figure!(a_count_of_comments_alone_in_its_sentence: "5 min read. 34 comments.");
figure!(a_count_of_comments_in_a_sentence: "The post drew 34 comments." => "34", 34, 34, "exact", "count");
figure!(a_currency_code_is_no_course_code: "They paid RUB 300 for it." => "RUB 300", 300, 300, "exact", "money");
