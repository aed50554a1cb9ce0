use super::*;

#[test]
fn chapters_and_sections_are_numbered_as_plans_number_them() {
    assert_eq!(chinese_numeral(3), "三");
    assert_eq!(chinese_numeral(10), "十");
    assert_eq!(chinese_numeral(14), "十四");
    assert_eq!(chinese_numeral(31), "三十一");
    assert_eq!(heading_number(Numbering::Plan, 3, &[2], Lang::Zh), "二、");
    assert_eq!(
        heading_number(Numbering::Plan, 3, &[2, 1], Lang::Zh),
        "（一）"
    );
    assert_eq!(
        heading_number(Numbering::Plan, 3, &[2, 1, 4], Lang::Zh),
        "4．"
    );
    assert_eq!(
        heading_number(Numbering::Decimal, 3, &[2, 1], Lang::Zh),
        "3.2.1 "
    );
    assert_eq!(heading_number(Numbering::Plan, 3, &[2], Lang::En), "3.2 ");
    assert_eq!(heading_number(Numbering::Decimal, 0, &[2], Lang::En), "2 ");
    assert_eq!(
        chapter_heading(Numbering::Plan, 3, "预测与环境承载力分析", Lang::Zh),
        "第三章 预测与环境承载力分析"
    );
    assert_eq!(caption_number(3, 2), "3-2");
    assert_eq!(caption_number(0, 2), "2");
}

#[test]
fn a_rate_keeps_the_decimals_that_reproduce_the_printed_result() {
    // 68.1 growing 1.281 % a year for 6 years is 73.50; printed as 1.3 % it would be 73.59,
    // and as 1.28 % one of the years between is off by a cent.
    assert_eq!(rate_decimals(0.01281, 68.1, 6, Some(2)), 3);
    assert_eq!(rate_decimals(0.075, 792.86, 7, Some(2)), 1);
    // For any case: the printed base times the printed rate gives the printed value of
    // every year, and one decimal fewer would not.
    let printed = |v: f64| format!("{v:.2}");
    let reproduces = |base: f64, rate: f64, years: i32, d: u8| {
        let scale = 10f64.powi(i32::from(d) + 2);
        let shown_rate = (rate * scale).round() / scale;
        let shown_base: f64 = printed(base).parse().unwrap();
        (1..=years).all(|k| {
            printed(shown_base * f64::powi(1.0 + shown_rate, k))
                == printed(base * f64::powi(1.0 + rate, k))
        })
    };
    for (base, rate, years) in [
        (68.1, 0.01281, 6),
        (6_810.0, 0.012_814, 6),
        (792.86, 0.075, 7),
        (3_338.73, 0.070_187, 7),
        (333.879_9, 0.070_18, 7),
        (310_763.95, 0.050_02, 7),
        (0.0509, -0.0104, 7),
    ] {
        let d = rate_decimals(rate, base, years, Some(2));
        assert!(reproduces(base, rate, years, d), "{base} {rate}: {d}");
        if d > 1 {
            assert!(!reproduces(base, rate, years, d - 1), "{base} {rate}: {d}");
        }
    }
    // At most two decimals in the text: a calibrated 7.01871 % is "约 7.02 %", a rate
    // that two decimals reproduce is printed plainly.
    let calibrated = rate_shown(0.070_187_1, 3_338.73, 7, Some(2));
    assert_eq!(
        calibrated,
        RateShown {
            decimals: 2,
            approximate: true
        }
    );
    assert_eq!(
        rate_words(0.070_187_1, calibrated, Lang::Zh),
        "年均增长约 7.02 %"
    );
    assert_eq!(
        rate_words(-0.0249, calibrated, Lang::En),
        "falling about 2.49 % a year"
    );
    assert_eq!(
        rate_shown(0.075, 792.86, 7, Some(2)),
        RateShown {
            decimals: 1,
            approximate: false
        }
    );
    let plain = |decimals| RateShown {
        decimals,
        approximate: false,
    };
    assert_eq!(rate_words(0.075, plain(1), Lang::Zh), "年均增长 7.5 %");
    assert_eq!(rate_words(-0.0249, plain(2), Lang::Zh), "年均下降 2.49 %");
    assert_eq!(rate_words(0.0, plain(1), Lang::Zh), "保持不变");
    assert_eq!(
        rate_words(-0.0249, plain(2), Lang::En),
        "falling 2.49 % a year"
    );
}
