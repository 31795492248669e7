//! Figures read from sentences written in the style of news reports.

use super::*;
use crate::extract::{entities, people::People};

/// (value, qualifier, measure, platform, date) of the figures of a text of
/// paragraphs (separated by blank lines) published on `published`.
fn figures(
    published: Option<PartialDate>,
    paragraphs: &[&[&str]],
) -> Vec<(f64, Qualifier, &'static str, String, String)> {
    let mut extraction = Extraction::default();
    let mut setting = entities::Setting::default();
    let mut people = People::default();
    let mut discourse = Discourse::new(published);
    let mut index = 0;
    for (paragraph, sentences) in paragraphs.iter().enumerate() {
        for text in *sentences {
            let sentence = Sentence::new(index, paragraph, 0..text.len(), text);
            let named = entities::find(&sentence, &mut setting, &mut extraction);
            people.read(&sentence, &named, &mut extraction);
            discourse.read(&sentence, &named, &people, &mut extraction);
            index += 1;
        }
    }
    discourse.finish(&mut extraction);
    merge_repeated(&mut extraction);
    extraction
        .figures
        .iter()
        .map(|f| {
            let platform = f.platform.map_or(String::new(), |p| extraction.entities[p].name.clone());
            (f.value, f.qualifier, f.measure, platform, f.date.map_or(String::new(), |d| d.to_string()))
        })
        .collect()
}

/// The date of the figure of `value` among `found`, if there is one.
fn date_of<'a>(found: &'a [(f64, Qualifier, &'static str, String, String)], value: f64) -> Option<&'a str> {
    found.iter().find(|f| f.0 == value).map(|f| f.4.as_str())
}

fn day(y: i32, m: u8, d: u8) -> Option<PartialDate> {
    PartialDate::day(y, m, d)
}

#[test]
fn count_with_hedge_platform_and_stated_date() {
    let found = figures(
        day(2013, 1, 10),
        &[&[
            "The number of verified government accounts on Tencent Weibo reached more than 70,000 as of late November, 2012, with about 4,000 run by officials.",
        ]],
    );
    assert_eq!(
        found[0],
        (70_000.0, Qualifier::MoreThan, "GovernmentAccounts", "Tencent Weibo".into(), "2012-11".into())
    );
    assert_eq!(found[1].0, 4_000.0);
    assert_eq!(found[1].1, Qualifier::About);
    assert_eq!(found[1].4, "2012-11", "the date carries through the sentence");
}

#[test]
fn relative_dates_and_publication_date() {
    let found = figures(
        day(2013, 3, 5),
        &[
            &["By the end of last year, some 60,000 agencies had opened accounts on Sina Weibo."],
            &["Nearly 1,200 officials use WeChat."],
        ],
    );
    assert_eq!(found[0].4, "2012-12");
    assert_eq!(found[0].1, Qualifier::About);
    assert_eq!((found[1].1, found[1].3.as_str(), found[1].4.as_str()), (Qualifier::Nearly, "WeChat", "2013-03-05"));
}

#[test]
fn word_numbers_and_list_continuations() {
    let found = figures(
        day(2012, 6, 1),
        &[&[
            "The Ministry of Education has nine micro blogs, the Ministry of Transport six and the Ministry of Culture four.",
        ]],
    );
    let values: Vec<f64> = found.iter().map(|f| f.0).collect();
    assert_eq!(values, vec![9.0, 6.0, 4.0]);
}

#[test]
fn a_contrasting_clause_with_the_noun_left_out() {
    let found = figures(
        day(2013, 3, 14),
        &[
            &[
                "Sina Weibo hosted 48,000 government accounts by the end of June, whereas Tencent Weibo had just over 51,500.",
            ],
            &["The city's police have 12 accounts on WeChat, but the courts have 3."],
        ],
    );
    assert_eq!(
        found[1],
        (51_500.0, Qualifier::MoreThan, "GovernmentAccounts", "Tencent Weibo".into(), "2012-06".into())
    );
    assert_eq!((found[3].0, found[3].2), (3.0, "Accounts"));
    let none =
        figures(day(2013, 3, 14), &[&["Sina Weibo hosted 48,000 government accounts, while the bureau had 2 floors."]]);
    assert_eq!(none.len(), 1, "a number whose own noun follows is not a continuation: {none:?}");
}

#[test]
fn platform_from_the_sentence_before() {
    let found = figures(
        day(2012, 6, 1),
        &[
            &["The Nanjing police bureau opened its account on Sina Weibo in 2010."],
            &["It now has about 1.5 million followers."],
        ],
    );
    assert_eq!(found, vec![(1_500_000.0, Qualifier::About, "Followers", "Sina Weibo".into(), "2012-06-01".into())]);
}

#[test]
fn percentages_and_growth() {
    let found = figures(day(2014, 1, 2), &[&["Accounts grew at an annual growth rate of more than 60 percent."]]);
    assert_eq!((found[0].0, found[0].2), (60.0, "GrowthRate"));
    let found = figures(day(2014, 1, 2), &[&["Police accounts reached 9,100, a 240 percent increase year-on-year."]]);
    assert_eq!((found[1].0, found[1].2), (240.0, "GrowthRate"));
    let found = figures(day(2014, 1, 2), &[&["Some 40 per cent of officials surveyed read them daily."]]);
    assert_eq!((found[0].0, found[0].2), (40.0, "Percentage"));
}

#[test]
fn years_days_pages_and_versions_are_not_figures() {
    let none = figures(
        day(2012, 1, 1),
        &[&[
            "2010 is known as the first year of micro-blogging in China.",
            "The summit was held on Dec. 12 at 10:30 in Hall 3.",
            "Previous Page 1 2 Next Page",
            "Government 2.0 is an idea.",
            "A 45-year-old official opened an account.",
            "The Beijing No 2 Intermediate People's Court posted the verdict.",
        ]],
    );
    assert!(none.is_empty(), "{none:?}");
}

#[test]
fn no_publication_date_means_no_inferred_date() {
    let found = figures(None, &[&["More than 3,000 government agencies use WeChat."]]);
    assert_eq!(found[0].4, "");
}

#[test]
fn an_undated_article_dates_months_in_the_year_of_its_story() {
    let found = figures(
        None,
        &[
            &["By the end of March 2012, 410 county courts had accounts on Tencent Weibo."],
            &[
                "The Wuhan court's account, which had fewer than 2,000 followers before the hearing, had more than 85,000 by the time it closed on May 9.",
                "About 640 officials were trained in microblogging last year.",
            ],
        ],
    );
    assert_eq!(date_of(&found, 410.0), Some("2012-03"));
    assert_eq!(date_of(&found, 85_000.0), Some("2012-05-09"));
    // ("last year" counts back from a publication date there is not.)
    assert_eq!(date_of(&found, 640.0), Some(""));
}

#[test]
fn a_count_with_its_noun_left_out_before_its_date() {
    let found = figures(
        day(2013, 6, 2),
        &[&["Five years ago there were 230 government accounts; there were 7,800 at the end of May."]],
    );
    assert!(found.iter().any(|f| f.0 == 7_800.0 && f.2.ends_with("Accounts") && f.4 == "2013-05"), "{found:?}");
}

#[test]
fn a_reports_breakdown_in_later_paragraphs_holds_at_its_date() {
    let found = figures(
        day(2013, 4, 11),
        &[
            &[
                "According to a report released on Tuesday by a research center in Wuhan, there were 98,300 government accounts on the four major microblog services by the end of 2012.",
            ],
            &["Sina Weibo hosted the largest share, 41,200 accounts, followed by Tencent Weibo with 37,900."],
            &["Hubei ranked first among the provinces with 7,640 accounts, the report said."],
        ],
    );
    assert_eq!(date_of(&found, 41_200.0), Some("2012-12"));
    assert_eq!(date_of(&found, 37_900.0), Some("2012-12"));
    assert_eq!(date_of(&found, 7_640.0), Some("2012-12"));
}

#[test]
fn a_report_cited_a_paragraph_before_its_dated_count() {
    let found = figures(
        day(2012, 9, 10),
        &[
            &[
                "Government microblogs kept growing this year, according to a report released on Saturday by a Beijing research office.",
            ],
            &[
                "As of the end of June, agencies and officials had opened 131,900 verified accounts on the four major platforms.",
            ],
            &[
                "Tencent Weibo hosted the largest number of government accounts at 60,100, followed by Sina Weibo with 54,700.",
            ],
        ],
    );
    assert_eq!(date_of(&found, 60_100.0), Some("2012-06"));
    assert_eq!(date_of(&found, 54_700.0), Some("2012-06"));
}

#[test]
fn a_reports_date_does_not_reach_other_sources_or_what_stands_now() {
    let found = figures(
        day(2013, 4, 11),
        &[
            &[
                "According to a report released on Tuesday, there were 98,300 government accounts on the four major microblog services by the end of 2012.",
            ],
            &[
                "Tencent Weibo claims more than 520 million registered users.",
                "About 30 percent of the accounts were run by police, said Liu Wei, a researcher at the center.",
            ],
            &["A survey of officials found that 44 percent wanted more training."],
            &["The Hubei police account had 2.1 million followers."],
        ],
    );
    assert_eq!(date_of(&found, 520_000_000.0), Some("2013-04-11"));
    assert_eq!(date_of(&found, 30.0), Some("2013-04-11"));
    assert_eq!(date_of(&found, 44.0), Some("2013-04-11"));
    assert_eq!(date_of(&found, 2_100_000.0), Some("2013-04-11"));
}

#[test]
fn a_reports_date_reaches_counts_on_its_platform_or_at_the_same_time() {
    let found = figures(
        day(2013, 1, 9),
        &[
            &[
                "Sina Weibo hosted 60,100 government accounts by the end of November, a report by a Beijing think tank said.",
            ],
            &["Provincial bodies ran 8,200 of the accounts."],
            &["Tencent Weibo hosted about 70,600 government accounts at the same time."],
            &["WeChat had 1,300 government accounts."],
            &["Netease Weibo hosted 2,400 government accounts, the report said."],
        ],
    );
    assert_eq!(date_of(&found, 2_400.0), Some("2012-11"), "another platform, but the report's count");
    assert_eq!(date_of(&found, 8_200.0), Some("2012-11"));
    assert_eq!(date_of(&found, 1_300.0), Some("2013-01-09"));
    assert_eq!(date_of(&found, 70_600.0), Some("2012-11"));
}

#[test]
fn a_change_from_one_date_to_another_holds_at_the_later() {
    let found = figures(
        day(2012, 1, 13),
        &[&[
            "Users of microblogs rose from 71.2 million at the end of 2010 to 188 million by June, an increase of 164 percent in six months.",
        ]],
    );
    assert_eq!(date_of(&found, 71_200_000.0), Some("2010-12"));
    assert_eq!(date_of(&found, 188_000_000.0), Some("2011-06"));
    assert_eq!(date_of(&found, 164.0), Some("2011-06"));
    // ("according to" is no change to.)
    let found = figures(
        day(2011, 3, 2),
        &[&["Government accounts grew from 1,200 at the end of 2010, according to the report."]],
    );
    assert_eq!(found[0].4, "2010-12");
}

#[test]
fn a_survey_done_by_someone_at_a_date_dates_its_shares() {
    let found = figures(
        day(2011, 9, 21),
        &[&[
            "A poll of 900 Xiamen residents, conducted by Xiamen University in June, found that 61 percent read police microblogs.",
        ]],
    );
    assert!(found.iter().any(|f| f.0 == 61.0 && f.4 == "2011-06"), "{found:?}");
}

#[test]
fn a_survey_opening_the_sentence_with_its_date_dates_its_shares() {
    let found = figures(
        day(2012, 3, 16),
        &[&["In a survey of 2,800 Weibo users in January, her team found 44.1 percent trusted official accounts."]],
    );
    assert!(found.iter().any(|f| f.0 == 44.1 && f.4 == "2012-01"), "{found:?}");
}

#[test]
fn a_year_earlier_belongs_to_the_figure_it_follows() {
    let found = figures(
        day(2014, 1, 17),
        &[&[
            "At the end of 2013, there were 251,600 government accounts on the two main platforms \u{2013} Sina Weibo and Tencent Weibo \u{2013} up 45.1 percent from a year earlier.",
        ]],
    );
    assert!(found.iter().any(|f| f.0 == 251_600.0 && f.4 == "2013-12"), "{found:?}");
}

#[test]
fn a_survey_named_by_its_year_dates_its_shares() {
    let found = figures(
        day(2014, 3, 6),
        &[&[
            "A 2012 survey of 1,900 civil servants by a Beijing magazine found that 63.4 percent feared the internet.",
        ]],
    );
    assert!(found.iter().any(|f| f.0 == 63.4 && f.4 == "2012"), "{found:?}");
}

#[test]
fn a_date_after_an_earlier_value_is_not_the_sentences() {
    let found = figures(
        day(2014, 5, 20),
        &[
            &["Agencies had opened 8,400 accounts on WeChat by the end of April, a report said."],
            &["The figure was up from about 1,900 at the end of September last year, the report said."],
            &["Police ran 22.6 percent of them, the report said."],
        ],
    );
    assert_eq!(date_of(&found, 22.6), Some("2014-04"));
}

#[test]
fn a_count_ranked_first_names_its_noun_before_the_number() {
    let found = figures(
        day(2013, 2, 5),
        &[&[
            "Tencent Weibo hosted the most government accounts, 70,400, followed by Sina Weibo with 61,900.",
            "Zhejiang had the largest number of government accounts at about 12,800.",
            "Hubei had the most accounts in the region, 4,100.",
        ]],
    );
    let measured = |value: f64| found.iter().find(|f| f.0 == value).map(|f| f.2);
    assert_eq!(measured(70_400.0), Some("GovernmentAccounts"));
    assert_eq!(measured(61_900.0), Some("GovernmentAccounts"));
    assert_eq!(measured(12_800.0), Some("GovernmentAccounts"));
    assert_eq!(measured(4_100.0), Some("Accounts"));
}

#[test]
fn a_figure_stated_twice_is_one() {
    let found = figures(
        day(2012, 1, 1),
        &[&[
            "Sina Weibo has about 50,000 government accounts.",
            "Statistics show Sina Weibo has about 50,000 government accounts.",
        ]],
    );
    assert_eq!(found.len(), 1);
    // (A summary restating it, with no date of its own.)
    let found = figures(
        day(2013, 9, 12),
        &[
            &["Sina had 79,200 verified government accounts on Weibo at the end of June."],
            &["The bottom line: Sina counts 79,200 verified government accounts on Weibo."],
        ],
    );
    assert_eq!(found.iter().map(|f| (f.0, f.4.as_str())).collect::<Vec<_>>(), vec![(79_200.0, "2013-06")]);
}

#[test]
fn add_up_to_is_a_total_not_a_bound() {
    let found = figures(day(2014, 2, 18), &[&["The number of government micro blogs will add up to 250,000."]]);
    assert_eq!((found[0].0, found[0].1), (250_000.0, Qualifier::Exact));
}

#[test]
fn the_counted_noun_may_be_the_subject() {
    let found = figures(
        day(2013, 3, 20),
        &[&[
            "Microblog accounts run by government bodies on Sina Weibo rose 230 percent to 60,064 by the end of 2012, up from 18,200 a year earlier.",
        ]],
    );
    let values: Vec<(f64, &str)> = found.iter().map(|f| (f.0, f.2)).collect();
    // (Run by bodies, not by officials.)
    assert_eq!(values, vec![(230.0, "GrowthRate"), (60_064.0, "AgencyAccounts"), (18_200.0, "AgencyAccounts")]);
    assert_eq!((found[1].4.as_str(), found[2].4.as_str()), ("2012-12", "2011-12"));
    let found = figures(day(2013, 3, 20), &[&["Weibo users in China totaled 309 million, the report said."]]);
    assert_eq!((found[0].0, found[0].2), (309_000_000.0, "Users"));
}

#[test]
fn a_total_broken_down() {
    let found = figures(
        day(2013, 1, 9),
        &[&[
            "Among the 3,200 accounts, 1,850 belong to government agencies and 1,350 to individual officials.",
            "In 2011, the number of such accounts was only 800.",
        ]],
    );
    let values: Vec<(f64, &str)> = found.iter().map(|f| (f.0, f.2)).collect();
    assert_eq!(
        values,
        vec![(3_200.0, "Accounts"), (1_850.0, "AgencyAccounts"), (1_350.0, "OfficialAccounts"), (800.0, "Accounts")]
    );
    assert_eq!(found[3].4, "2011");
}

#[test]
fn a_breakdown_in_the_next_sentence() {
    let found = figures(
        day(2013, 6, 5),
        &[
            &[
                "There were 176,714 government microblog accounts by the end of 2012, an increase of 46 percent over the previous year.",
            ],
            &["Of these, 113,382 were run by government agencies and 63,332 by officials."],
        ],
    );
    let got: Vec<(f64, &str, &str)> = found.iter().map(|f| (f.0, f.2, f.4.as_str())).collect();
    assert_eq!(
        got,
        vec![
            (176_714.0, "GovernmentAccounts", "2012-12"),
            (46.0, "GrowthRate", "2012-12"),
            (113_382.0, "AgencyAccounts", "2012-12"),
            (63_332.0, "OfficialAccounts", "2012-12"),
        ]
    );
}

#[test]
fn a_change_from_one_value_to_another_gives_both_with_their_own_dates() {
    let found = figures(
        day(2012, 3, 2),
        &[&[
            "The number of police accounts on Tencent Weibo climbed from 2,300 in January last year to about 9,800 by the end of October.",
            "Registered users grew from 140 million at the end of 2010 to over 300 million this month, Sina said.",
        ]],
    );
    assert_eq!(found[0], (2_300.0, Qualifier::Exact, "Accounts", "Tencent Weibo".into(), "2011-01".into()));
    assert_eq!(found[1], (9_800.0, Qualifier::About, "Accounts", "Tencent Weibo".into(), "2011-10".into()));
    assert_eq!((found[2].0, found[2].2, found[2].4.as_str()), (140_000_000.0, "Users", "2010-12"));
    assert_eq!((found[3].0, found[3].1, found[3].4.as_str()), (300_000_000.0, Qualifier::MoreThan, "2012-03"));
}

#[test]
fn a_founding_date_is_not_the_date_of_a_figure() {
    let found = figures(
        day(2013, 6, 1),
        &[&["The bureau's account, launched in 2010, has 1.2 million followers on Sina Weibo."]],
    );
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].4, "2013-06-01", "the founding year is not the figure's date");
}

#[test]
fn a_rank_is_not_a_count_but_the_verb_top_is_a_link() {
    let found = figures(
        day(2013, 4, 12),
        &[&[
            "\"The top 100 accounts each have more than one million fans,\" he said.",
            "Government microblogs numbered 50,561 at the end of last year.",
        ]],
    );
    let values: Vec<f64> = found.iter().map(|f| f.0).collect();
    assert_eq!(values, [1_000_000.0, 50_561.0], "{found:?}");
    assert_eq!((found[1].2, found[1].4.as_str()), ("GovernmentAccounts", "2012-12"));
}

#[test]
fn a_share_of_the_last_total_refers_back_to_it() {
    let total = "Officials and agencies ran 312,400 verified microblog accounts by the end of 2014, a survey found.";
    let found = figures(
        day(2015, 1, 20),
        &[&[total], &["Netease Weibo hosted 41,020 of them, while Sohu Weibo hosted 9,870."]],
    );
    let got: Vec<(f64, &str, &str, &str)> = found.iter().map(|f| (f.0, f.2, f.3.as_str(), f.4.as_str())).collect();
    assert_eq!(
        got,
        vec![
            (312_400.0, "GovernmentAccounts", "", "2014-12"),
            (41_020.0, "GovernmentAccounts", "Netease Weibo", "2014-12"),
            (9_870.0, "GovernmentAccounts", "Sohu Weibo", "2014-12"),
        ],
        "{found:?}"
    );
    let found =
        figures(day(2015, 1, 20), &[&[total], &["Accounts of government agencies made up 201,300 of the total."]]);
    assert_eq!(found[1], (201_300.0, Qualifier::Exact, "AgencyAccounts", String::new(), "2014-12".into()));
}

#[test]
fn a_relative_clause_counts_the_noun_before_it() {
    let found = figures(
        day(2013, 5, 3),
        &[&["The rules may slow the spread of police microblogs, which numbered about 6,500 at the end of March."]],
    );
    assert_eq!(found, vec![(6_500.0, Qualifier::About, "Accounts", String::new(), "2013-03".into())]);
}

#[test]
fn a_growth_rate_from_a_year_earlier_holds_when_the_total_does() {
    let found = figures(
        day(2014, 2, 11),
        &[&["Police accounts on Tencent Weibo reached 21,300 by the end of 2013, up 38 percent from a year earlier."]],
    );
    let got: Vec<(f64, &str, &str)> = found.iter().map(|f| (f.0, f.2, f.4.as_str())).collect();
    assert_eq!(got, vec![(21_300.0, "Accounts", "2013-12"), (38.0, "GrowthRate", "2013-12")]);
    let earlier = figures(day(2014, 2, 11), &[&["Police accounts reached 21,300, up from 15,400 a year earlier."]]);
    assert_eq!((earlier[1].0, earlier[1].4.as_str()), (15_400.0, "2013-02-11"), "an earlier value keeps its year");
}

#[test]
fn a_year_ago_is_the_same_day_a_year_before() {
    let found = figures(
        day(2013, 11, 30),
        &[&[
            "As of October 31, there were 41,210 verified accounts of agencies and officials on Tencent Weibo, compared with 18,305 a year ago.",
        ]],
    );
    let got: Vec<(f64, &str, &str)> = found.iter().map(|f| (f.0, f.2, f.4.as_str())).collect();
    assert_eq!(
        got,
        vec![(41_210.0, "GovernmentAccounts", "2013-10-31"), (18_305.0, "GovernmentAccounts", "2012-10-31")]
    );
}

#[test]
fn a_ratio_is_not_a_count() {
    let found = figures(
        day(2013, 2, 1),
        &[&["Two in five officials surveyed had never posted, and one in 10 users trusted them."]],
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_count_set_up_by_a_date_holds_at_that_date() {
    let found = figures(
        day(2015, 3, 4),
        &[&[
            "About 310,000 government accounts had been set up by the end of last year, with Netease Weibo hosting some 12,000 and Sohu Weibo just over 8,000.",
        ]],
    );
    let got: Vec<(f64, Qualifier, &str, &str)> = found.iter().map(|f| (f.0, f.1, f.3.as_str(), f.4.as_str())).collect();
    assert_eq!(
        got,
        vec![
            (310_000.0, Qualifier::About, "", "2014-12"),
            (12_000.0, Qualifier::About, "Netease Weibo", "2014-12"),
            (8_000.0, Qualifier::MoreThan, "Sohu Weibo", "2014-12"),
        ]
    );
}

#[test]
fn a_change_by_a_rate_to_a_new_value() {
    let found = figures(
        day(2014, 8, 2),
        &[&[
            "The number of police microblogs on Tencent Weibo grew by about 18% over the six months, to 33,500 at the end of June.",
        ]],
    );
    let got: Vec<(f64, &str, &str)> = found.iter().map(|f| (f.0, f.2, f.4.as_str())).collect();
    assert_eq!(got, vec![(18.0, "GrowthRate", "2014-06"), (33_500.0, "Accounts", "2014-06")]);
}

#[test]
fn a_participle_links_the_number_of_something_to_its_value() {
    let found = figures(
        day(2010, 12, 1),
        &[&[
            "Officials are flocking to microblogs, with the number of official accounts on Sohu Weibo exceeding 1,900 by the end of November.",
            "NetEase hosted 860 of the accounts, followed by Sohu.com with 410.",
            "The number of microblog users is expected to top 90 million next year, up from 12 million in 2009.",
        ]],
    );
    let platforms: Vec<&str> = found.iter().map(|f| f.3.as_str()).collect();
    assert_eq!(platforms[1..3], ["Netease Weibo", "Sohu Weibo"], "a company counts accounts on its microblog");
    let got: Vec<(f64, &str, &str)> = found.iter().map(|f| (f.0, f.2, f.4.as_str())).collect();
    assert_eq!(
        got,
        vec![
            (1_900.0, "GovernmentAccounts", "2010-11"),
            (860.0, "GovernmentAccounts", "2010-11"),
            (410.0, "GovernmentAccounts", "2010-11"),
            (90_000_000.0, "Users", "2011"),
            (12_000_000.0, "Users", "2009"),
        ],
        "{found:?}"
    );
}

#[test]
fn each_figure_takes_the_platform_its_words_name() {
    let found = figures(
        day(2012, 5, 2),
        &[&[
            "Verified accounts numbered 21,000 on Sohu Weibo and 9,400 on Netease Weibo, and Tencent Weibo had 30,100.",
        ]],
    );
    let got: Vec<(f64, &str)> = found.iter().map(|f| (f.0, f.3.as_str())).collect();
    assert_eq!(got, vec![(21_000.0, "Sohu Weibo"), (9_400.0, "Netease Weibo"), (30_100.0, "Tencent Weibo")]);
}

#[test]
fn the_date_of_a_value_compared_with_is_not_the_sentences() {
    let found = figures(
        day(2012, 12, 3),
        &[&["Sohu said 14,000 of its accounts belonged to government bodies, up from 5,200 at the end of 2011."]],
    );
    let got: Vec<(f64, &str)> = found.iter().map(|f| (f.0, f.4.as_str())).collect();
    assert_eq!(got, vec![(14_000.0, "2012-12-03"), (5_200.0, "2011-12")]);
}

#[test]
fn a_share_of_named_things_counts_those_things() {
    let found = figures(
        day(2012, 12, 3),
        &[&["Microblogs are used by 300m people.", "Sohu said 14,000 of the accounts were run by officials."]],
    );
    assert_eq!((found[1].0, found[1].2), (14_000.0, "OfficialAccounts"), "{found:?}");
}

#[test]
fn a_figure_without_a_date_holds_when_it_was_said() {
    let found = figures(
        day(2011, 12, 15),
        &[&[
            "The account has 2.1 million fans, the bureau said on Wednesday.",
            "Its posts total 8,000, a report released Monday showed.",
            "In the past year it opened 12 accounts, the city said in a statement on December 9.",
            "It has 300 staff.",
        ]],
    );
    let got: Vec<(f64, &str)> = found.iter().map(|f| (f.0, f.4.as_str())).collect();
    assert_eq!(
        got,
        vec![(2_100_000.0, "2011-12-14"), (8_000.0, "2011-12-12"), (12.0, "2011-12-09"), (300.0, "2011-12-15")]
    );
}

#[test]
fn a_subject_set_off_by_commas_has_the_figure() {
    let text =
        "The Ministry of Civil Affairs' microblog, Minzheng Xiaobang (Civil Affairs Helper), has over 1 million fans.";
    assert_eq!(first_subject(text).as_deref(), Some("Minzheng Xiaobang"));
}

/// The name of what the first figure of a sentence is about.
fn first_subject(text: &str) -> Option<String> {
    let mut extraction = Extraction::default();
    let mut setting = entities::Setting::default();
    let mut people = People::default();
    let mut discourse = Discourse::new(day(2012, 3, 1));
    let sentence = Sentence::new(0, 0, 0..text.len(), text);
    let named = entities::find(&sentence, &mut setting, &mut extraction);
    people.read(&sentence, &named, &mut extraction);
    discourse.read(&sentence, &named, &people, &mut extraction);
    extraction.figures.first()?.subject.map(|s| extraction.entities[s].name.clone())
}

#[test]
fn a_plus_after_the_number_is_a_hedge() {
    let found = figures(day(2012, 5, 4), &[&["The Xiamen police had registered 20,000-plus followers on Sohu Weibo."]]);
    assert_eq!(found, vec![(20_000.0, Qualifier::MoreThan, "Followers", "Sohu Weibo".into(), "2012-05-04".into())]);
}

#[test]
fn up_to_is_a_hedge_not_the_end_of_a_change() {
    let found = figures(day(2013, 3, 1), &[&["Followers rose sharply, and each account may gain up to 3,000."]]);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_range_gives_both_of_its_ends() {
    let found = figures(
        day(2013, 6, 3),
        &[&["Between 12,000 and 15,000 accounts on Netease Weibo belong to courts, the survey found."]],
    );
    assert_eq!(
        found,
        vec![
            (12_000.0, Qualifier::MoreThan, "Accounts", "Netease Weibo".into(), "2013-06-03".into()),
            (15_000.0, Qualifier::LessThan, "Accounts", "Netease Weibo".into(), "2013-06-03".into()),
        ]
    );
    let found =
        figures(day(2013, 6, 3), &[&["Courts run 3,000-4,500 accounts, or between 10 and 15 percent of the total."]]);
    let got: Vec<(f64, Qualifier, &str)> = found.iter().map(|f| (f.0, f.1, f.2)).collect();
    assert_eq!(
        got,
        vec![
            (3_000.0, Qualifier::MoreThan, "Accounts"),
            (4_500.0, Qualifier::LessThan, "Accounts"),
            (10.0, Qualifier::MoreThan, "Percentage"),
            (15.0, Qualifier::LessThan, "Percentage"),
        ]
    );
    // A change from one value to another is no range.
    let found = figures(day(2013, 6, 3), &[&["Accounts rose from 3,000 to 4,500 in a year."]]);
    assert!(found.len() == 2 && found.iter().all(|f| f.1 == Qualifier::Exact), "{found:?}");
}

#[test]
fn a_sentence_about_a_company_is_about_its_microblog_not_the_platform_before() {
    let found = figures(
        day(2013, 4, 10),
        &[
            &["Government accounts on Tencent Weibo numbered 70,000 in March."],
            &[
                "Sina said it had about 250 million registered users.",
                "The service added 8,000 police accounts in March.",
            ],
        ],
    );
    // (What Sina says it has is on its microblog.)
    let platforms: Vec<(f64, &str)> = found.iter().map(|f| (f.0, f.3.as_str())).collect();
    assert_eq!(platforms, vec![(70_000.0, "Tencent Weibo"), (250_000_000.0, "Sina Weibo"), (8_000.0, "Sina Weibo")]);
}

#[test]
fn the_number_before_restated_at_another_date() {
    let found = figures(
        day(2012, 9, 20),
        &[&[
            "Courts now run 3,400 microblog accounts, the Supreme People's Court said yesterday.",
            "That figure stood at just 900 at the end of 2011.",
            "Of these, 1,100 are on Sina Weibo.",
        ]],
    );
    let got: Vec<(f64, &str, &str)> = found.iter().map(|f| (f.0, f.2, f.4.as_str())).collect();
    assert_eq!(
        got,
        vec![(3_400.0, "Accounts", "2012-09-19"), (900.0, "Accounts", "2011-12"), (1_100.0, "Accounts", "2012-09-19")],
        "\"now\" is when it was said; \"of these\" is the count, not its past value"
    );
    let found = figures(day(2012, 9, 20), &[&["Courts run 3,400 accounts.", "The number of courts stood at 3,000."]]);
    assert!(found.iter().any(|f| f.0 == 3_000.0 && f.2 == "Organizations"), "a number of something else: {found:?}");
    assert!(!found.iter().any(|f| f.0 == 3_000.0 && f.2 == "Accounts"), "not the accounts' number: {found:?}");
}

#[test]
fn who_opened_them_does_not_change_what_is_counted() {
    let found = figures(
        day(2011, 12, 5),
        &[&[
            "Microblogs opened by government agencies and officials on Netease numbered 8,200 by November 30.",
            "Among them, 5,100 were opened by agencies and 3,100 by individual officials.",
        ]],
    );
    let got: Vec<(f64, &str, &str)> = found.iter().map(|f| (f.0, f.2, f.3.as_str())).collect();
    assert_eq!(
        got,
        vec![
            (8_200.0, "GovernmentAccounts", "Netease Weibo"),
            (5_100.0, "AgencyAccounts", "Netease Weibo"),
            (3_100.0, "OfficialAccounts", "Netease Weibo")
        ],
        "microblogs, not officials; on the company's microblog"
    );
}

#[test]
fn a_person_described_in_apposition_has_the_followers() {
    let text = "Zhao Hui, director of the Hubei provincial Party committee's publicity department, has over 900,000 followers.";
    assert_eq!(first_subject(text).as_deref(), Some("Zhao Hui"));
}

#[test]
fn a_rival_claims_a_number_of_the_same_thing() {
    let found = figures(
        day(2012, 12, 3),
        &[&[
            "Sina says its Weibo service has 400 million users, while rival Tencent Holdings claims 507 million for its own microblog.",
        ]],
    );
    let got: Vec<(f64, &str, &str)> = found.iter().map(|f| (f.0, f.2, f.3.as_str())).collect();
    assert_eq!(got, vec![(400_000_000.0, "Users", "Sina Weibo"), (507_000_000.0, "Users", "Tencent Weibo")]);
}

#[test]
fn bringing_the_total_to_a_new_value() {
    let found = figures(
        day(2013, 4, 9),
        &[&[
            "Courts opened about 800 new accounts on Sina Weibo in March, bringing the total to 4,100 as of March 31.",
        ]],
    );
    let got: Vec<(f64, &str, &str, &str)> = found.iter().map(|f| (f.0, f.2, f.3.as_str(), f.4.as_str())).collect();
    assert_eq!(
        got,
        vec![(800.0, "Accounts", "Sina Weibo", "2013-03"), (4_100.0, "Accounts", "Sina Weibo", "2013-03-31")]
    );
}

#[test]
fn a_count_over_several_platforms_takes_none_from_the_sentence_before() {
    let found = figures(
        day(2013, 4, 9),
        &[&[
            "Police run 25,300 accounts on Sina Weibo.",
            "Agencies had 176,714 accounts on the four biggest microblog services, up 231 percent from a year earlier.",
        ]],
    );
    let platforms: Vec<(f64, &str)> = found.iter().map(|f| (f.0, f.3.as_str())).collect();
    assert_eq!(platforms, vec![(25_300.0, "Sina Weibo"), (176_714.0, ""), (231.0, "")]);
}

#[test]
fn market_figures_and_money_are_not_figures() {
    let found = figures(
        day(2013, 4, 9),
        &[&[
            "Sina's shares rose 2.4 percent to $52.10 in New York, and Weibo revenue grew 50 percent.",
            "The bureau spent 30,000 yuan on its 1,200 accounts.",
            "Advertising made up about 70 percent of sales.",
            "Sohu, which keeps a controlling stake, rose 1.8 percent to $48.20.",
            "Alibaba bought a 15 percent stake in the company.",
            "The two companies count their users differently.",
        ]],
    );
    let values: Vec<f64> = found.iter().map(|f| f.0).collect();
    assert_eq!(values, vec![1_200.0]);
}

#[test]
fn now_in_the_clause_of_the_figure_beats_the_sentences_date() {
    let found = figures(
        day(2013, 6, 3),
        &[&["The account, which went live on Sina Weibo in March 2011, now has more than 420,000 followers."]],
    );
    let got: Vec<(f64, String)> = found.iter().map(|f| (f.0, f.4.clone())).collect();
    assert_eq!(got, vec![(420_000.0, "2013-06-03".to_string())]);
}

#[test]
fn a_contrasting_clause_with_a_linking_verb_and_its_own_date() {
    let found = figures(
        day(2013, 11, 11),
        &[&[
            "Government microblogs on Tencent Weibo totaled 166,000 at the end of the third quarter, while those on Sina Weibo numbered about 100,000 as of Sunday.",
        ]],
    );
    let got: Vec<(f64, &str, &str, &str)> = found.iter().map(|f| (f.0, f.2, f.3.as_str(), f.4.as_str())).collect();
    assert_eq!(
        got,
        vec![
            (166_000.0, "GovernmentAccounts", "Tencent Weibo", "2013-09"),
            (100_000.0, "GovernmentAccounts", "Sina Weibo", "2013-11-10")
        ]
    );
}

#[test]
fn passing_a_mark_is_more_than_it() {
    let found = figures(
        day(2013, 1, 18),
        &[&[
            "The number of police microblogs on Sohu Weibo passed 8,000 in December, and followers surpassed 2 million.",
        ]],
    );
    let got: Vec<(f64, Qualifier, &str)> = found.iter().map(|f| (f.0, f.1, f.2)).collect();
    assert_eq!(got, vec![(8_000.0, Qualifier::MoreThan, "Accounts"), (2_000_000.0, Qualifier::MoreThan, "Followers")]);
}

#[test]
fn an_article_about_one_platform_counts_on_it() {
    let opening: &[&str] = &["Provincial courts have flocked to WeChat, the messaging app run by Tencent."];
    let later: &[&str] = &["The Hunan court has 41,000 subscribers, a spokesman said."];
    let between: &[&str] = &["Judges say the service is easy to use."];
    let found = figures(day(2014, 5, 2), &[opening, between, later]);
    assert_eq!(found[0].3, "WeChat", "named two paragraphs before");
    // Not when the article names two platforms, nor for a count over a kind
    // of service, nor for what is counted on none.
    let other: &[&str] = &["Some courts also post on Sina Weibo."];
    assert_eq!(figures(day(2014, 5, 2), &[opening, between, later, other])[0].3, "");
    let kinds: &[&str] = &["Courts run 3,600 microblog accounts, the report said."];
    assert_eq!(figures(day(2014, 5, 2), &[opening, between, kinds])[0].3, "");
    let users: &[&str] = &["The country has 564 million internet users and 600 microblog accounts of courts."];
    assert!(figures(day(2014, 5, 2), &[opening, between, users]).iter().all(|f| f.3.is_empty()), "a country's users");
    let before: &[&str] = &["The Hunan court's account has 41,000 subscribers."];
    assert_eq!(figures(day(2014, 5, 2), &[before, between, opening])[0].3, "WeChat", "also before it is named");
}

#[test]
fn years_before_and_values_in_words_compared() {
    let found = figures(
        day(2011, 9, 28),
        &[
            &[
                "Sina says its service had 140 million users at the end of June, up from about five million in early 2010.",
            ],
            &["Courts ran 3,600 accounts, up from 500 two years earlier."],
        ],
    );
    let got: Vec<(f64, &str)> = found.iter().map(|f| (f.0, f.4.as_str())).collect();
    assert_eq!(got, vec![(140e6, "2011-06"), (5e6, "2010"), (3_600.0, "2011-09-28"), (500.0, "2009-09-28")]);
}

#[test]
fn two_accounts_with_as_many_posts_are_two_figures() {
    let found = figures(
        day(2012, 5, 2),
        &[&[
            "The Wuhan police's account has made 3,000 posts.",
            "The Harbin police's account has also made 3,000 posts.",
        ]],
    );
    assert_eq!(found.len(), 2, "{found:?}");
}

#[test]
fn counts_with_their_noun_left_out_or_hedged_after() {
    let found = figures(
        day(2013, 6, 15),
        &[
            &["There were some 176,700 government accounts at the end of 2012."],
            &["Sina Weibo alone hosts roughly 79,000; Tencent says it has 95,000."],
            &["A year ago there were fewer than 500."],
            &["Police run 11,100-odd accounts on Sina Weibo and another 4,000 or so on Tencent Weibo."],
        ],
    );
    let got: Vec<(f64, Qualifier, &str)> = found.iter().map(|f| (f.0, f.1, f.2)).collect();
    assert_eq!(
        got,
        vec![
            (176_700.0, Qualifier::About, "GovernmentAccounts"),
            (79_000.0, Qualifier::About, "GovernmentAccounts"),
            (95_000.0, Qualifier::Exact, "GovernmentAccounts"),
            (500.0, Qualifier::LessThan, "GovernmentAccounts"),
            (11_100.0, Qualifier::About, "Accounts"),
            (4_000.0, Qualifier::About, "Accounts"),
        ]
    );
    // A number held with no count said before is none.
    assert!(figures(day(2013, 6, 15), &[&["The ministry has 300."]]).is_empty());
}

#[test]
fn modifiers_joined_and_verbs_of_passing() {
    let found = figures(
        day(2012, 10, 9),
        &[&[
            "Sina hosts 11,580 government and official accounts.",
            "The number of accounts surged past 50,000 in the first half of the year.",
        ]],
    );
    let got: Vec<(f64, Qualifier, &str, &str)> = found.iter().map(|f| (f.0, f.1, f.2, f.4.as_str())).collect();
    assert_eq!(got[0].0, 11_580.0);
    assert_eq!(got[1], (50_000.0, Qualifier::MoreThan, "Accounts", "2012-06"));
}

#[test]
fn a_participle_clause_holds_when_the_clause_it_goes_on_from_does() {
    let found = figures(
        day(2013, 4, 21),
        &[&["The Zhengzhou court live-blogged a trial on Tencent Weibo last month, drawing some 12,000 comments."]],
    );
    assert_eq!((found[0].0, found[0].4.as_str()), (12_000.0, "2013-03"));
}

#[test]
fn a_company_quoted_about_a_platform_it_runs_keeps_it() {
    let found = figures(
        day(2014, 11, 4),
        &[&[
            "China's government loves WeChat.",
            "According to data released today by Tencent, there are more than 20,000 government accounts on the messaging app.",
        ]],
    );
    assert_eq!(found[0].3, "WeChat", "Tencent runs WeChat too");
    let found = figures(
        day(2014, 11, 4),
        &[&["Officials love Sina Weibo.", "Tencent said it had 60,000 government accounts."]],
    );
    assert_eq!(found[0].3, "Tencent Weibo", "not a rival's platform");
}

#[test]
fn ranks_ratios_and_one_of_a_kind_are_no_counts() {
    let found = figures(
        day(2013, 3, 5),
        &[&[
            "The ten most-followed police accounts are in Guangdong, where one in a thousand residents follows one police account.",
            "Across Guangdong, police accounts now number more than 4,700.",
        ]],
    );
    let got: Vec<(f64, Qualifier)> = found.iter().map(|f| (f.0, f.1)).collect();
    assert_eq!(got, vec![(4_700.0, Qualifier::MoreThan)]);
}

#[test]
fn two_numbers_share_a_noun() {
    let found = figures(
        day(2013, 5, 2),
        &[&["Sina Weibo and Tencent Weibo host about 6,000 and 4,500 police accounts respectively."]],
    );
    let got: Vec<(f64, Qualifier, &str)> = found.iter().map(|f| (f.0, f.1, f.2)).collect();
    assert_eq!(got, vec![(6_000.0, Qualifier::About, "Accounts"), (4_500.0, Qualifier::About, "Accounts")]);
}

#[test]
fn a_hedge_reaches_over_a_coordination_of_the_same_shape() {
    let found = figures(
        day(2013, 5, 2),
        &[&["The account has about 2.1 million followers on Sina Weibo and 1.6 million on Tencent Weibo."]],
    );
    let got: Vec<(f64, Qualifier, &str)> = found.iter().map(|f| (f.0, f.1, f.3.as_str())).collect();
    assert_eq!(
        got,
        vec![(2_100_000.0, Qualifier::About, "Sina Weibo"), (1_600_000.0, Qualifier::About, "Tencent Weibo")]
    );
}

#[test]
fn an_estimate_puts_the_number_of_something_at_a_value() {
    let found = figures(
        day(2013, 8, 2),
        &[
            &[
                "A report by the Chinese Academy of Social Sciences put the number of government microblogs at 176,700 by the end of June.",
            ],
            &["Analysts estimate the total number of Tencent Weibo users at about 220 million."],
        ],
    );
    let got: Vec<(f64, Qualifier, &str, &str)> = found.iter().map(|f| (f.0, f.1, f.2, f.4.as_str())).collect();
    assert_eq!(
        got,
        vec![
            (176_700.0, Qualifier::Exact, "GovernmentAccounts", "2013-06"),
            (220_000_000.0, Qualifier::About, "Users", "2013-08-02"),
        ]
    );
    // "at" after anything but an estimate of "the number of" is no value.
    let none =
        figures(day(2013, 8, 2), &[&["The office put its staff at 15 desks in the number of rooms at 3 sites."]]);
    assert!(none.is_empty(), "{none:?}");
}

#[test]
fn how_often_posts_were_read_or_forwarded() {
    let found = figures(
        day(2012, 7, 23),
        &[&[
            "A post by the Nanjing police on Sina Weibo was forwarded more than 40,000 times within a day and viewed some 1.2 million times.",
            "Officials are now seen three times as often online, and the bureau posts five times a day.",
            "Under new rules, a rumour that is viewed 5,000 times or forwarded 500 times can bring a jail term.",
            "\"One angry comment can be forwarded a million times,\" she said.",
        ]],
    );
    let got: Vec<(f64, Qualifier, &str, &str)> = found.iter().map(|f| (f.0, f.1, f.2, f.3.as_str())).collect();
    assert_eq!(
        got,
        vec![
            (40_000.0, Qualifier::MoreThan, "Interactions", "Sina Weibo"),
            (1_200_000.0, Qualifier::About, "Interactions", "Sina Weibo"),
        ]
    );
}

#[test]
fn a_part_of_a_total_counts_what_the_total_counts() {
    let found = figures(
        day(2012, 10, 8),
        &[&[
            "Police in 21 of China's 31 provinces have opened accounts, and 12 of the 16 district governments post daily.",
        ]],
    );
    let got: Vec<(f64, &str)> = found.iter().map(|f| (f.0, f.2)).collect();
    assert!(got.contains(&(21.0, "Organizations")), "{got:?}");
    assert!(got.contains(&(12.0, "Organizations")), "{got:?}");
    // Not a part: "6 of them", "5 of 2012".
    let none = figures(day(2012, 10, 8), &[&["Officials posted 6 of the best ideas, ranking 5 of 2012 entries."]]);
    assert!(none.iter().all(|f| f.0 != 6.0 && f.0 != 5.0), "{none:?}");
}

#[test]
fn a_second_clause_that_leaves_out_its_verb_and_noun() {
    let read = |sentence: &str| {
        let found = figures(day(2014, 3, 2), &[&[sentence]]);
        found.iter().map(|f| (f.0, f.1, f.2)).collect::<Vec<_>>()
    };
    assert_eq!(
        read("Courts ran 3,102 accounts on Sina Weibo and prosecutors 1,877."),
        vec![(3_102.0, Qualifier::Exact, "Accounts"), (1_877.0, Qualifier::Exact, "Accounts")]
    );
    assert_eq!(
        read("The city had 960 police microblogs, including about 610 run by stations and 350 by officers."),
        vec![
            (960.0, Qualifier::Exact, "Accounts"),
            (610.0, Qualifier::About, "Accounts"),
            (350.0, Qualifier::Exact, "OfficialAccounts"),
        ]
    );
    assert_eq!(
        read("Local bureaus ran 5,400 accounts, with Henan alone accounting for 730, the survey found."),
        vec![(5_400.0, Qualifier::Exact, "Accounts"), (730.0, Qualifier::Exact, "Accounts")]
    );
    assert_eq!(
        read("Its account on Tencent Weibo has 1.2 million followers and its Sina account has another 800,000."),
        vec![(1_200_000.0, Qualifier::Exact, "Followers"), (800_000.0, Qualifier::Exact, "Followers")]
    );
    // A longer clause is no such clause.
    assert_eq!(
        read("Courts ran 3,102 accounts and the bureau and its local branches 300."),
        vec![(3_102.0, Qualifier::Exact, "Accounts")]
    );
}

#[test]
fn a_figure_gained_since_an_earlier_date_holds_now() {
    let found = figures(
        day(2013, 7, 9),
        &[&["The court opened its account on Tencent Weibo in March and has since gained some 260,000 followers."]],
    );
    let got: Vec<(f64, &str, String)> = found.iter().map(|f| (f.0, f.2, f.4.clone())).collect();
    assert_eq!(got, vec![(260_000.0, "Followers", "2013-07-09".to_string())]);
    // Not the date of another clause: "since January" runs until now.
    let found = figures(
        day(2012, 11, 2),
        &[&[
            "The bureau had 2.6 million followers as of the end of October, and the traffic police, whose account has answered 12,300 questions since January, fewer.",
        ]],
    );
    let got: Vec<(f64, String)> = found.iter().map(|f| (f.0, f.4.clone())).collect();
    assert_eq!(got, vec![(2_600_000.0, "2012-10".to_string()), (12_300.0, "2012-11-02".to_string())]);
}

#[test]
fn tolls_populations_and_spans_of_time_are_not_counts() {
    let none = figures(
        day(2011, 8, 1),
        &[&[
            "Two trains collided near Wenzhou on July 23, killing 40 people and injuring 172 passengers.",
            "The governor promised to answer the province's 46 million residents online.",
            "The account gained fans fast, not bad for a city of 4.5 million people.",
            "Zhejiang, home to 54.4 million people, is rich.",
            "The 23 million people of Taiwan cannot read Weibo.",
            "In the following five days users posted about the crash.",
            "The median response time of agency accounts was 26 hours.",
            "Officers answer messages from 8 am to 11 pm.",
            "A rumour reposted 500 times can earn its author three years in prison.",
            "The bureau set up a team of about 40 employees to run it.",
            "A telephone survey of 812 residents found that most read it.",
            "Tencent shares closed at HK$532 on Monday, down 1.8 percent.",
        ]],
    );
    assert!(none.is_empty(), "{none:?}");
    // People counted otherwise are figures.
    let found = figures(day(2011, 8, 1), &[&["The bureau trained 300 officials to post on Sina Weibo."]]);
    assert_eq!(found.iter().map(|f| (f.0, f.2)).collect::<Vec<_>>(), vec![(300.0, "People")]);
}

#[test]
fn parts_of_a_whole_new_totals_and_repeated_prepositions() {
    let values = |sentence: &str| -> Vec<(f64, &'static str)> {
        figures(day(2013, 5, 6), &[&[sentence]]).iter().map(|f| (f.0, f.2)).collect()
    };
    assert_eq!(
        values("Of the 31 provincial police departments surveyed by the institute, 24 now run a WeChat account."),
        vec![(31.0, "Organizations"), (24.0, "Organizations")]
    );
    assert_eq!(
        values("Bureaus opened 3,100 accounts in the first quarter, bringing their total to 21,450."),
        vec![(3_100.0, "Accounts"), (21_450.0, "Accounts")]
    );
    assert_eq!(
        values("Police accounted for 8,211 of the accounts and courts for 2,904."),
        vec![(8_211.0, "Accounts"), (2_904.0, "Accounts")]
    );
    assert_eq!(
        values("The survey found that 2,310 of the city's accounts, or 28 percent, had not posted in a month."),
        vec![(2_310.0, "Accounts"), (28.0, "Percentage")]
    );
    // "From zero" counts nothing.
    assert_eq!(
        values("Government accounts grew from zero to 10,000 in two years."),
        vec![(10_000.0, "GovernmentAccounts")]
    );
}

#[test]
fn a_paragraph_going_on_from_the_last_figure_keeps_its_date() {
    let found = figures(
        day(2012, 5, 4),
        &[
            &["As of April 30, there were 31,200 government accounts on Sina Weibo and Tencent Weibo."],
            &["Of these, 20,100 were run by agencies and 11,100 by officials.", "Sina Weibo hosted about 58 percent."],
        ],
    );
    let dates: Vec<(f64, String)> = found.iter().map(|f| (f.0, f.4.clone())).collect();
    assert_eq!(
        dates,
        vec![
            (31_200.0, "2012-04-30".to_string()),
            (20_100.0, "2012-04-30".to_string()),
            (11_100.0, "2012-04-30".to_string()),
            (58.0, "2012-04-30".to_string()),
        ]
    );
}

#[test]
fn rates_year_on_year_participles_and_replies() {
    let found = figures(
        day(2013, 5, 6),
        &[&[
            "The accounts had a combined 41 million followers, up 32 percent year on year, said Hu Bin.",
            "Microblog users grew by 190 percent in the first three quarters, reaching about 58 million.",
            "Government accounts published 12,400 replies to residents' questions.",
        ]],
    );
    let got: Vec<(f64, &str)> = found.iter().map(|f| (f.0, f.2)).collect();
    let more = figures(day(2013, 11, 1), &[&["Accounts reached 97,000, almost 46 percent more than a year earlier."]]);
    assert_eq!(
        more.iter().map(|f| (f.0, f.2, f.4.as_str())).collect::<Vec<_>>()[1],
        (46.0, "GrowthRate", "2013-11-01")
    );
    assert_eq!(
        got,
        vec![
            (41_000_000.0, "Followers"),
            (32.0, "GrowthRate"),
            (190.0, "GrowthRate"),
            (58_000_000.0, "Users"),
            (12_400.0, "Posts")
        ]
    );
}

#[test]
fn a_number_stressed_with_barely_is_read() {
    let found = figures(
        day(2013, 3, 1),
        &[&["By the end of 2012 there were some 180,000 accounts, up from barely 3,000 at the end of 2010."]],
    );
    let got: Vec<(f64, Qualifier, String)> = found.iter().map(|f| (f.0, f.1, f.4.clone())).collect();
    assert_eq!(
        got,
        vec![(180_000.0, Qualifier::About, "2012-12".to_string()), (3_000.0, Qualifier::Exact, "2010-12".to_string())]
    );
}

#[test]
fn what_an_account_gathered_is_not_dated_by_its_opening() {
    let found = figures(
        day(2013, 3, 22),
        &[&[
            "An account opened by the bureau in May 2011 has around 86,000 followers.",
            "The ministry opened an account on Tencent Weibo in March, which has about 800,000 followers.",
            "Police opened 300 accounts in February.",
            "WeChat had 400 million registered users as of February 28, Tencent said in March.",
        ]],
    );
    let got: Vec<(f64, String)> = found.iter().map(|f| (f.0, f.4.clone())).collect();
    assert_eq!(
        got,
        vec![
            (86_000.0, "2013-03-22".to_string()),
            (800_000.0, "2013-03-22".to_string()),
            (300.0, "2013-02".to_string()),
            (400_000_000.0, "2013-02-28".to_string())
        ]
    );
}

#[test]
fn dates_and_platforms_in_a_quote_are_the_speakers() {
    let found = figures(
        day(2012, 9, 3),
        &[&[
            "\"Back in 2009 hardly any township knew what Tencent Weibo was. Today every one of them posts,\" Gao said, adding that about 37 percent of the city's accounts are run by townships.",
            "\"By the end of 2011 we had 4,100 accounts,\" Gao said.",
        ]],
    );
    assert_eq!((found[0].0, found[0].3.as_str(), found[0].4.as_str()), (37.0, "", "2012-09-03"));
    assert_eq!((found[1].0, found[1].4.as_str()), (4_100.0, "2011-12"), "a quoted figure keeps its quoted date");
}

#[test]
fn what_a_company_calls_its_own_is_its_microblog() {
    let found = figures(
        day(2011, 10, 2),
        &[
            &["Police have opened accounts on Sina Weibo and Tencent Weibo."],
            &[
                "Sina says its service, launched in 2009, now has more than 210 million users, while Tencent claims 230 million for its own.",
            ],
            &["Sina says it sold 30 million ads."],
        ],
    );
    assert_eq!((found[0].0, found[0].3.as_str()), (210_000_000.0, "Sina Weibo"));
    assert_eq!((found[1].0, found[1].3.as_str()), (230_000_000.0, "Tencent Weibo"));
}

#[test]
fn a_change_holds_when_it_ends_and_its_start_is_a_figure_too() {
    let found = figures(
        day(2012, 5, 4),
        &[&[
            "The survey counted 21,400 verified government accounts on Sina Weibo at the end of March, up 58.5 percent from 13,500 at the end of September.",
            "Of those, 9,100 belonged to government departments.",
        ]],
    );
    let found: Vec<(f64, &str, &str)> = found.iter().map(|f| (f.0, f.2, f.4.as_str())).collect();
    assert_eq!(
        found,
        vec![
            (21_400.0, "GovernmentAccounts", "2012-03"),
            (58.5, "GrowthRate", "2012-03"),
            (13_500.0, "GovernmentAccounts", "2011-09"),
            (9_100.0, "AgencyAccounts", "2012-03"),
        ]
    );
}

#[test]
fn a_figure_opening_the_next_clause_keeps_the_date_of_the_one_before() {
    let found = figures(
        day(2012, 5, 4),
        &[&[
            "In a poll of 900 residents conducted in February, 38.2 percent said they followed a government account, but only 12 percent said they trusted it, and the bureau plans to hire 20 more staff.",
        ]],
    );
    let dates: Vec<(f64, &str)> = found.iter().map(|f| (f.0, f.4.as_str())).collect();
    assert_eq!(dates, vec![(38.2, "2012-02"), (12.0, "2012-02"), (20.0, "2012-05-04")]);
}

#[test]
fn a_toll_told_after_the_count_is_no_figure() {
    let found = figures(
        day(2012, 7, 23),
        &[&[
            "As of Sunday evening, 37 people had died and 12 were missing, while more than 600 people had left comments on the account.",
        ]],
    );
    let values: Vec<f64> = found.iter().map(|f| f.0).collect();
    assert_eq!(values, vec![600.0]);
}

#[test]
fn a_bound_that_sets_a_threshold_is_no_figure() {
    let found = figures(
        day(2013, 6, 2),
        &[&[
            "The study found that about 35 percent of county accounts had posted fewer than five messages in May, and it said officials with more than 500,000 followers should answer within a day.",
            "Sina says 40,000 accounts on the service belong to agencies.",
        ]],
    );
    let found: Vec<(f64, &str)> = found.iter().map(|f| (f.0, f.3.as_str())).collect();
    assert_eq!(found, vec![(35.0, ""), (40_000.0, "Sina Weibo")]);
}

#[test]
fn a_count_after_an_aside_or_with_its_noun_before_it() {
    let found = figures(
        day(2014, 5, 4),
        &[&[
            "Government accounts on Tencent Weibo, by contrast, numbered some 64,000 as of the end of March, growing only 2.1% in the first quarter.",
            "The provincial court's accounts have a combined following of 1.2 million, and its account on Tencent Weibo has more than 2 million listeners.",
        ]],
    );
    let found: Vec<(f64, &str)> = found.iter().map(|f| (f.0, f.2)).collect();
    assert_eq!(
        found,
        vec![
            (64_000.0, "GovernmentAccounts"),
            (2.1, "GrowthRate"),
            (1_200_000.0, "Followers"),
            (2_000_000.0, "Followers")
        ]
    );
}

#[test]
fn posting_times_count_posts_and_any_one_account_is_no_figure() {
    let found = figures(
        day(2013, 1, 10),
        &[
            &["Guangzhou's traffic police posted 11,400 times last year."],
            &["\"An account with 300 followers and three posts is decoration,\" she said."],
        ],
    );
    let found: Vec<(f64, &str, &str)> = found.iter().map(|f| (f.0, f.2, f.4.as_str())).collect();
    assert_eq!(found, vec![(11_400.0, "Posts", "2012")]);
}

#[test]
fn a_rate_of_posting_is_no_count_and_a_named_persons_followers_are() {
    let found = figures(
        day(2013, 9, 2),
        &[&[
            "The average county account posted 1.3 times a day, and Charles Xue, a venture capitalist with some 12 million followers, was detained.",
        ]],
    );
    let values: Vec<f64> = found.iter().map(|f| f.0).collect();
    assert_eq!(values, vec![12_000_000.0]);
}

#[test]
fn agency_accounts_and_what_a_company_says_it_has() {
    let found = figures(
        day(2012, 4, 2),
        &[&["Police ran 17,960 agency accounts."], &["Tencent said it had more than 425 million registered users."]],
    );
    // (The article names one platform, through Tencent: the accounts are
    // on it too.)
    let found: Vec<(f64, &str, &str)> = found.iter().map(|f| (f.0, f.2, f.3.as_str())).collect();
    assert_eq!(found, vec![(17_960.0, "AgencyAccounts", "Tencent Weibo"), (425_000_000.0, "Users", "Tencent Weibo")]);
}

#[test]
fn a_period_holds_at_its_end() {
    let found = figures(
        day(2013, 12, 20),
        &[&["Posts per active user on Sina Weibo fell by 35 percent between March and October."]],
    );
    assert_eq!((found[0].0, found[0].4.as_str()), (35.0, "2013-10"));
}

/// (value, measure, date) of each figure of `paragraphs`.
fn dated(published: Option<PartialDate>, paragraphs: &[&[&str]]) -> Vec<(f64, &'static str, String)> {
    figures(published, paragraphs).into_iter().map(|(value, _, measure, _, date)| (value, measure, date)).collect()
}

#[test]
fn a_change_by_a_number_is_a_change_not_a_count() {
    assert_eq!(
        dated(
            day(2014, 2, 3),
            &[&[
                "The number of microblog users fell by 31.5 million last year to 265 million, a drop of 11 percent, the survey showed in January."
            ]]
        ),
        vec![
            (31_500_000.0, "Change", "2013".into()),
            (265_000_000.0, "Users", "2013".into()),
            (11.0, "GrowthRate", "2013".into())
        ]
    );
    assert_eq!(
        dated(day(2013, 8, 1), &[&["Government accounts on the service rose by 3,100 in the first half of the year."]]),
        vec![(3_100.0, "Change", "2013-06".into())]
    );
}

#[test]
fn a_deadline_is_no_date_of_a_figure_nor_of_the_sentences_after_it() {
    assert_eq!(
        dated(
            day(2012, 2, 6),
            &[&[
                "The ministry has told every county police bureau to open an account by the end of 2012.",
                "Of the 1,950 county bureaus, about 40 percent already have one, Li said.",
            ]]
        ),
        vec![(1_950.0, "Organizations", "2012-02-06".into()), (40.0, "Percentage", "2012-02-06".into())]
    );
    assert_eq!(
        dated(
            day(2012, 2, 6),
            &[&[
                "Counties must open accounts on Tencent Weibo by November 30, the notice said.",
                "Some 140 counties have done so.",
            ]]
        ),
        vec![(140.0, "Organizations", "2012-02-06".into())]
    );
}

#[test]
fn a_date_after_from_and_a_noun_and_a_few_of_ones_own() {
    assert_eq!(
        dated(
            day(2013, 5, 2),
            &[&["The bureau's account received 840,000 messages from residents last year on its three accounts."]]
        ),
        vec![(840_000.0, "Posts", "2012".into())]
    );
}

#[test]
fn a_count_over_a_list_of_platforms_is_on_none_of_them() {
    let found = figures(
        day(2013, 4, 2),
        &[&[
            "The study found 182,000 government accounts on Sina Weibo, Tencent Weibo, People's Daily Online and Xinhuanet, up 40 percent from a year earlier.",
        ]],
    );
    let got: Vec<(f64, &str)> = found.iter().map(|f| (f.0, f.3.as_str())).collect();
    assert_eq!(got, vec![(182_000.0, ""), (40.0, "")]);
}

#[test]
fn a_count_named_with_its_date_but_no_number_is_referred_to_next() {
    let found = figures(
        day(2014, 3, 3),
        &[&[
            "The survey counted government accounts as of the end of 2013.",
            "Tencent Weibo hosted 90,210 of them, while Sina Weibo hosted 80,115.",
            "Of the Sina accounts, 51,003 were run by government agencies.",
        ]],
    );
    let got: Vec<(f64, &str, &str, &str)> = found.iter().map(|f| (f.0, f.2, f.3.as_str(), f.4.as_str())).collect();
    assert_eq!(
        got,
        vec![
            (90_210.0, "GovernmentAccounts", "Tencent Weibo", "2013-12"),
            (80_115.0, "GovernmentAccounts", "Sina Weibo", "2013-12"),
            (51_003.0, "AgencyAccounts", "Sina Weibo", "2013-12"),
        ]
    );
}

#[test]
fn the_value_a_count_rose_from_after_the_value_it_rose_to() {
    assert_eq!(
        dated(
            day(2014, 5, 20),
            &[&[
                "Verified accounts on Tencent Weibo rose to 41,200 at the end of April from 30,150 at the end of last year."
            ]]
        ),
        vec![(41_200.0, "GovernmentAccounts", "2014-04".into()), (30_150.0, "GovernmentAccounts", "2013-12".into())]
    );
}

#[test]
fn a_count_in_the_present_tense_holds_now_not_at_the_paragraphs_date() {
    assert_eq!(
        dated(
            day(2012, 5, 16),
            &[&[
                "Government accounts on the service exceeded 33,000 by the end of March.",
                "The service has more than 300 million registered users.",
            ]]
        ),
        vec![(33_000.0, "GovernmentAccounts", "2012-03".into()), (300_000_000.0, "Users", "2012-05-16".into())]
    );
}

#[test]
fn that_total_and_the_remaining_refer_to_the_count_before() {
    let found = figures(
        day(2014, 1, 19),
        &[&[
            "The study counted 205,000 government accounts as of the end of 2013.",
            "Of that total, about 98,000 were on Sina Weibo.",
            "Agencies opened 120,000 of the accounts, while the remaining 85,000 were opened by individual officials.",
        ]],
    );
    let got: Vec<(f64, &str, &str)> = found.iter().map(|f| (f.0, f.2, f.4.as_str())).collect();
    assert_eq!(
        got,
        vec![
            (205_000.0, "GovernmentAccounts", "2013-12"),
            (98_000.0, "GovernmentAccounts", "2013-12"),
            (120_000.0, "GovernmentAccounts", "2013-12"),
            (85_000.0, "OfficialAccounts", "2013-12"),
        ]
    );
}

#[test]
fn a_part_of_the_described_count_and_the_next_one_that_followed() {
    let found = figures(
        day(2014, 1, 19),
        &[&[
            "The study counted 196,000 government accounts as of the end of 2013.",
            "Sina Weibo remained the leader, hosting 99,120 of the verified government accounts.",
            "Tencent Weibo followed with 86,400.",
        ]],
    );
    let got: Vec<(f64, &str, &str, &str)> = found.iter().map(|f| (f.0, f.2, f.3.as_str(), f.4.as_str())).collect();
    assert_eq!(
        got,
        vec![
            (196_000.0, "GovernmentAccounts", "", "2013-12"),
            (99_120.0, "GovernmentAccounts", "Sina Weibo", "2013-12"),
            (86_400.0, "GovernmentAccounts", "Tencent Weibo", "2013-12"),
        ]
    );
}

#[test]
fn an_average_is_exact_and_a_verb_may_hedge() {
    let found = figures(
        day(2014, 1, 19),
        &[&[
            "The bureau's account posted an average of 38 messages a day in the first half of last year.",
            "The number of microblog accounts run by courts neared 3,600 by the end of June.",
            "Daily active users averaged 52.1 million in the third quarter.",
        ]],
    );
    let got: Vec<(f64, Qualifier, &str)> = found.iter().map(|f| (f.0, f.1, f.2)).collect();
    assert_eq!(
        got,
        vec![
            (38.0, Qualifier::Exact, "Posts"),
            (3_600.0, Qualifier::Nearly, "Accounts"),
            (52_100_000.0, Qualifier::Exact, "Users")
        ]
    );
}

#[test]
fn people_trained_and_more_of_them() {
    let found = figures(
        day(2013, 4, 10),
        &[&[
            "The bureau trained some 1,800 police spokespeople and account operators in 2012 and plans to train another 2,500 this year.",
        ]],
    );
    assert_eq!(
        found,
        vec![
            (1_800.0, Qualifier::About, "People", String::new(), "2012".into()),
            (2_500.0, Qualifier::Exact, "People", String::new(), "2013".into()),
        ]
    );
}

#[test]
fn a_change_in_percent_from_an_earlier_value() {
    let found = figures(
        day(2013, 1, 8),
        &[&[
            "Tencent Weibo hosted 70,300 government accounts by Dec. 15.",
            "The figure was up 21.4 percent from 57,900 at the end of 2011, the report said.",
        ]],
    );
    // (The rate holds when the count it restates does; the earlier value
    // when it was counted.)
    assert_eq!(found[1], (21.4, Qualifier::Exact, "GrowthRate", "Tencent Weibo".into(), "2012-12-15".into()));
    assert_eq!(found[2], (57_900.0, Qualifier::Exact, "GovernmentAccounts", "Tencent Weibo".into(), "2011-12".into()));
    let found =
        figures(day(2012, 5, 16), &[&["Users climbed 9 percent from about 280 million at the end of December."]]);
    assert_eq!(found[1], (280_000_000.0, Qualifier::About, "Users", String::new(), "2011-12".into()));
}

#[test]
fn the_platform_of_the_sentence_before_when_this_ones_is_another_clauses() {
    let found = figures(
        day(2013, 4, 10),
        &[&[
            "Ping'an Hangzhou, the Sina Weibo account of the city's police, is among the most followed.",
            "It had 3.1 million followers as of Monday, and its sister account on Tencent Weibo had another 1.2 million.",
        ]],
    );
    assert_eq!(found[0].3, "Sina Weibo");
    assert_eq!(found[1].3, "Tencent Weibo");
}

#[test]
fn a_platform_likened_to_is_not_the_one_counted() {
    let found = figures(
        day(2011, 8, 23),
        &[&["Tencent Weibo, a cross between Twitter and Facebook, had 200 million users in July."]],
    );
    assert_eq!(found, vec![(200_000_000.0, Qualifier::Exact, "Users", "Tencent Weibo".into(), "2011-07".into())]);
    let found = figures(
        day(2012, 3, 2),
        &[&["Tencent Weibo, the main rival to Sina's service, said it had 31,000 government accounts."]],
    );
    assert_eq!(found[0].3, "Tencent Weibo");
}

#[test]
fn registered_names_what_is_counted_not_an_opening() {
    let found = figures(day(2012, 5, 16), &[&["The service had about 45 million registered users in April."]]);
    assert_eq!(found[0].4, "2012-04");
    let found =
        figures(day(2012, 5, 16), &[&["The bureau registered an account in April and now has 20,000 followers."]]);
    assert_eq!(found[0].4, "2012-05-16");
}

#[test]
fn a_companys_service_after_another_platform_and_the_site_named_before() {
    let found = figures(
        day(2011, 12, 16),
        &[&[
            "Sina says its weibo has 250 million registered users, while Tencent claims over 310 million for its rival service.",
            "One county chief has close to 600,000 followers on Tencent's service.",
        ]],
    );
    assert_eq!(found[0].3, "Sina Weibo");
    assert_eq!(found[1].3, "Tencent Weibo");
    assert_eq!(found[2].3, "Tencent Weibo");
    // (Not past a platform named after the company.)
    let found = figures(
        day(2012, 12, 2),
        &[&["Sina said it counted 18,500 government accounts on Tencent Weibo at the end of November."]],
    );
    assert_eq!(found[0].3, "Tencent Weibo");
    let found = figures(
        day(2011, 11, 18),
        &[
            &["The city's police opened an account on Sina Weibo in 2010."],
            &["Officials answer questions there every day."],
            &["Their account now has about 900,000 followers on the site."],
        ],
    );
    assert_eq!(found[0].3, "Sina Weibo");
}

#[test]
fn a_breakdown_after_of_which_and_a_list_sharing_its_noun() {
    let found = figures(
        day(2013, 4, 2),
        &[&[
            "Tencent Weibo hosted 41,200 government accounts by the end of 2012, of which 27,900 belonged to agencies and 13,300 to officials.",
            "Shandong, Henan and Hubei led with 3,140, 2,877 and 2,650 government accounts respectively.",
        ]],
    );
    let values: Vec<f64> = found.iter().map(|f| f.0).collect();
    assert_eq!(values, [41_200.0, 27_900.0, 13_300.0, 3_140.0, 2_877.0, 2_650.0]);
    assert!(found[3..].iter().all(|f| f.2.ends_with("Accounts")));
}

#[test]
fn a_ranking_of_places_goes_on_from_the_count_before() {
    let found = figures(
        day(2013, 8, 19),
        &[&[
            "By the end of July, 3,900 government accounts had been opened on WeChat.",
            "Hunan led with about 820, followed by Anhui with 415 and Hebei with 390.",
            "Of the accounts, some 1,700 belonged to city governments, while police bureaus ran some 900.",
        ]],
    );
    let values: Vec<f64> = found.iter().map(|f| f.0).collect();
    assert_eq!(values, [3_900.0, 820.0, 415.0, 390.0, 1_700.0, 900.0]);
    assert!(found.iter().all(|f| f.2 == "GovernmentAccounts" && f.3 == "WeChat"), "{found:?}");
}

#[test]
fn a_survey_holds_when_it_was_done() {
    let found = figures(
        day(2012, 12, 27),
        &[&[
            "A survey of 2,000 residents, conducted in October by Fudan University, found that 48.5 percent read official microblogs.",
        ]],
    );
    assert_eq!(found.last().map(|f| (f.0, f.4.as_str())), Some((48.5, "2012-10")));
}

#[test]
fn a_reference_opening_the_sentence_names_what_it_counts() {
    let found = figures(
        day(2014, 4, 16),
        &[&[
            "WeChat had 355 million monthly users at the end of 2013.",
            "Of the government accounts, about 2,300 belonged to city governments, while police bureaus ran some 1,100.",
        ]],
    );
    assert_eq!(found[1].2, "GovernmentAccounts");
    assert_eq!(found[2].2, "GovernmentAccounts");
}

#[test]
fn a_rate_is_not_dated_by_what_it_is_compared_with_nor_counted_by_the_clause_before() {
    let found = figures(
        day(2012, 9, 24),
        &[&[
            "Officials ran 41,300 accounts on Sina Weibo at the end of March, about 38% more than at the end of 2011.",
        ]],
    );
    assert_eq!(found[1], (38.0, Qualifier::About, "GrowthRate", "Sina Weibo".into(), "2012-03".into()));
    let found = figures(
        day(2013, 11, 28),
        &[&["The court posted more than 120 updates, and its followers rose from fewer than 4,000 to over 410,000."]],
    );
    let measures: Vec<&str> = found.iter().map(|f| f.2).collect();
    assert_eq!(measures, ["Posts", "Followers", "Followers"]);
}

#[test]
fn respectively_pairs_the_platforms_with_the_numbers() {
    let found = figures(
        day(2012, 12, 27),
        &[&[
            "Tencent Weibo counted 70,500 government accounts by the end of October, while People's Daily Online Weibo and Xinhuanet Weibo hosted about 7,000 and 5,900 respectively.",
            "Sina Weibo, Tencent Weibo and Netease Weibo had 60,100, 70,200 and 4,300 government accounts respectively.",
        ]],
    );
    let platforms: Vec<(f64, &str)> = found.iter().map(|f| (f.0, f.3.as_str())).collect();
    assert_eq!(
        platforms,
        [
            (70_500.0, "Tencent Weibo"),
            (7_000.0, "People's Daily Online Weibo"),
            (5_900.0, "Xinhuanet Weibo"),
            (60_100.0, "Sina Weibo"),
            (70_200.0, "Tencent Weibo"),
            (4_300.0, "Netease Weibo"),
        ]
    );
}

#[test]
fn months_earlier_go_back_from_the_date_of_the_count_compared() {
    let found = figures(
        day(2014, 5, 15),
        &[&[
            "Weibo had 143.8 million monthly active users at the end of March.",
            "Daily active users rose to 66.6 million, from just over 61 million three months earlier.",
        ]],
    );
    let dates: Vec<(f64, &str)> = found.iter().map(|f| (f.0, f.4.as_str())).collect();
    assert_eq!(dates, [(143_800_000.0, "2014-03"), (66_600_000.0, "2014-03"), (61_000_000.0, "2013-12")]);
}

#[test]
fn earlier_values_after_a_year_and_a_ranking_followed_by_at() {
    let found = figures(
        day(2014, 3, 20),
        &[&[
            "Government accounts on Weibo rose to 100,200 at the end of 2013, from 60,100 a year earlier.",
            "Police bureaus remained the biggest group, with about 21,000 accounts, followed by courts at 8,100 and tax offices at 6,200.",
        ]],
    );
    let values: Vec<(f64, &str)> = found.iter().map(|f| (f.0, f.4.as_str())).collect();
    assert_eq!(values[..2], [(100_200.0, "2013-12"), (60_100.0, "2012-12")]);
    assert_eq!(found.iter().skip(2).map(|f| f.0).collect::<Vec<_>>(), [21_000.0, 8_100.0, 6_200.0]);
}

#[test]
fn a_surveys_later_shares_hold_when_it_was_done() {
    let found = figures(
        day(2012, 9, 4),
        &[
            &[
                "A poll of 1,200 Chengdu residents carried out by Sichuan University in June found that 54.6 percent read at least one police microblog.",
                "Another 21.3 percent said they had never heard of one, and most respondents said they wanted quicker replies.",
            ],
            &["Nearly 30 percent of those polled said they had reported a problem through a microblog."],
        ],
    );
    assert_eq!(date_of(&found, 54.6), Some("2012-06"));
    assert_eq!(date_of(&found, 21.3), Some("2012-06"));
    assert_eq!(date_of(&found, 30.0), Some("2012-06"));
}

#[test]
fn a_person_speaking_after_a_survey_speaks_now() {
    let found = figures(
        day(2012, 9, 4),
        &[&[
            "A poll of 1,200 Chengdu residents carried out by Sichuan University in June found that 54.6 percent read at least one police microblog.",
            "About 40 percent of the city's bureaus now answer within a day, said Deng Hui, a professor at the university.",
        ]],
    );
    assert_eq!(date_of(&found, 54.6), Some("2012-06"));
    assert_eq!(date_of(&found, 40.0), Some("2012-09-04"));
}

#[test]
fn the_report_a_survey_was_part_of_keeps_its_own_date() {
    let found = figures(
        day(2013, 5, 20),
        &[
            &[
                "By the end of March, 9,400 government accounts had been verified on Netease Weibo, according to a report released on Friday.",
            ],
            &["A survey of 800 users for the report, conducted last month, found that 33 percent trusted them."],
            &["The report found that 12.5 percent of the accounts had posted nothing for a month."],
        ],
    );
    assert_eq!(date_of(&found, 9_400.0), Some("2013-03"));
    assert_eq!(date_of(&found, 33.0), Some("2013-04"));
    // Not the survey's date: "the report" cites no survey.
    assert_ne!(date_of(&found, 12.5), Some("2013-04"));
}

#[test]
fn a_change_in_the_present_perfect_holds_now() {
    let found = figures(
        day(2012, 11, 28),
        &[&[
            "At the end of last year the city had only 1,360 government accounts, meaning the number has grown by 70.4 percent in less than 11 months.",
        ]],
    );
    assert_eq!(date_of(&found, 1_360.0), Some("2011-12"));
    assert_eq!(date_of(&found, 70.4), Some("2012-11-28"));
}

#[test]
fn the_count_restated_where_or_when_it_stood() {
    let found = figures(
        day(2013, 4, 2),
        &[&[
            "Government bodies had opened 81,400 accounts on Sina Weibo by the end of 2012, a survey by Tsinghua University found.",
            "On Netease Weibo, the count at the same point stood at about 7,250.",
            "The total on Sohu Weibo was 2,980.",
        ]],
    );
    // (What the count before counted, where it says, when that was.)
    assert_eq!(found[1], (7_250.0, Qualifier::About, found[0].2, "Netease Weibo".into(), "2012-12".into()));
    assert_eq!((found[2].0, found[2].2, found[2].3.as_str()), (2_980.0, found[0].2, "Sohu Weibo"));
}

#[test]
fn a_share_made_up_is_no_rise() {
    let found = figures(
        day(2013, 4, 2),
        &[&["Police bureaus are the keenest users, making up 31.5 per cent of all agency accounts."]],
    );
    assert_eq!(found[0].2, "Percentage");
}

#[test]
fn a_reports_breakdown_of_accounts_is_on_its_platform() {
    let found = figures(
        day(2013, 4, 2),
        &[
            &[
                "Government bodies had opened 81,400 verified accounts on Tencent Weibo by the end of 2012, according to a report released on Monday.",
            ],
            &["Officials welcomed the findings."],
            &[
                "By province, Shandong led with 6,020 government accounts, followed by Hubei with 5,110, the report said.",
            ],
            &["Courts ran 1,930 accounts, the report said, while 4.1 million users follow them."],
            &["County-level bodies made up 44.2 percent of agency accounts."],
        ],
    );
    for value in [6_020.0, 5_110.0, 1_930.0, 44.2] {
        let figure = found.iter().find(|f| f.0 == value).expect("a figure");
        assert_eq!((figure.3.as_str(), figure.4.as_str()), ("Tencent Weibo", "2012-12"), "{value}");
    }
}

#[test]
fn an_accounts_followers_are_on_the_platform_named_last() {
    let found = figures(
        day(2012, 6, 11),
        &[
            &["Mayor Tan Li opened his account on Sina Weibo last September.", "\"I learn a lot,\" he said."],
            &["His account now has about 92,000 followers."],
            &["Officials also use Tencent Weibo.", "The county's own account there has posted 3,100 messages."],
        ],
    );
    assert_eq!(found.iter().find(|f| f.0 == 92_000.0).map(|f| f.3.as_str()), Some("Sina Weibo"));
    assert_eq!(found.iter().find(|f| f.0 == 3_100.0).map(|f| f.3.as_str()), Some("Tencent Weibo"));
}

#[test]
fn an_age_or_a_rankings_length_is_no_count() {
    let found = figures(
        day(2013, 4, 2),
        &[&[
            "\"We have four officers on it,\" said Deng, 52, who joined the bureau in 1990.",
            "The report names the year's top 10 agency accounts and the top 20 officials' accounts.",
            "Accounts are expected to top 90,000 by the end of the year.",
        ]],
    );
    let values: Vec<f64> = found.iter().map(|f| f.0).collect();
    assert!(!values.contains(&52.0) && !values.contains(&10.0) && !values.contains(&20.0), "{values:?}");
    assert!(values.contains(&90_000.0), "{values:?}");
}

#[test]
fn a_year_earlier_of_the_total_compared_is_not_the_figures() {
    let found = figures(
        day(2012, 2, 3),
        &[&[
            "Government bodies had opened 47,900 accounts on Sina Weibo by the end of 2011.",
            "That figure breaks down into 30,100 accounts run by agencies and 17,800 run by officials – more than three times the total a year earlier.",
        ]],
    );
    assert_eq!(date_of(&found, 17_800.0), Some("2011-12"));
}

#[test]
fn a_count_as_it_stands_leaves_a_later_figures_date_to_it() {
    let found = figures(
        day(2014, 7, 16),
        &[&[
            "The fire brigade's account has 980,000 followers and posted 2,210 updates in the first half of this year.",
        ]],
    );
    assert_eq!(date_of(&found, 980_000.0), Some("2014-07-16"));
    assert_eq!(date_of(&found, 2_210.0), Some("2014-06"));
}
