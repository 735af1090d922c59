use app::procedure::model::{Audience, OnlineLevel};
use app::procedure::queries;
use app::procedure::query::{PAGE_SIZE, SearchQuery};
use axum::http::StatusCode;

use crate::helpers::{block_on, portal};

fn text(text: &str) -> SearchQuery {
    SearchQuery { text: text.to_string(), page: 1, ..SearchQuery::default() }
}

#[test]
fn search_ignores_diacritics_and_case() {
    block_on(async {
        let app = portal().await;

        for query in ["dang ky ket hon", "ĐĂNG KÝ KẾT HÔN", "Đăng ký kết hôn", "dang KY ket HON"]
        {
            let page =
                app.get(&format!("/thu-tuc?q={}", app::procedure::query::encode_component(query))).await;

            assert_eq!(page.status, StatusCode::OK, "{query}");
            assert_eq!(page.procedure_links().first().map(String::as_str), Some("1.000894"), "{query}");
            assert!(page.text().contains("Thủ tục đăng ký kết hôn"), "{query}");
        }
    });
}

#[test]
fn matched_words_are_marked() {
    block_on(async {
        let page = portal().await.get("/thu-tuc?q=ket+hon").await;

        assert!(page.body.contains("<mark>kết</mark>"));
        assert!(page.body.contains("<mark>hôn</mark>"));
    });
}

#[test]
fn every_word_of_the_search_must_match() {
    block_on(async {
        let app = portal().await;
        let scope = app.context.scope();

        let results = queries::search(&app.context.db, &scope, &text("khai sinh")).await.unwrap();

        assert!(results.total > 0);
        for item in &results.items {
            let folded = deunicode::deunicode(&item.name).to_lowercase();
            assert!(folded.contains("khai") && folded.contains("sinh"), "{}", item.name);
        }
    });
}

#[test]
fn filters_combine() {
    block_on(async {
        let app = portal().await;
        let scope = app.context.scope();
        let query = SearchQuery {
            text: "dang ky".into(),
            level: Some("xa".into()),
            online: Some(OnlineLevel::Partial),
            audience: Some(Audience::Citizen),
            field: Some("Hộ tịch".into()),
            page: 1,
        };

        let results = queries::search(&app.context.db, &scope, &query).await.unwrap();
        let unfiltered = queries::search(&app.context.db, &scope, &text("dang ky")).await.unwrap();

        assert!(results.total > 0);
        assert!(results.total < unfiltered.total);
        for item in &results.items {
            assert!(item.levels.contains(&"xa".to_string()), "{}", item.code);
            assert_eq!(item.online_level, Some(OnlineLevel::Partial), "{}", item.code);
            assert!(item.audiences.contains(&Audience::Citizen), "{}", item.code);
            assert!(item.fields.contains(&"Hộ tịch".to_string()), "{}", item.code);
        }
    });
}

#[test]
fn results_are_paginated_without_overlap() {
    block_on(async {
        let app = portal().await;
        let scope = app.context.scope();
        let first = queries::search(&app.context.db, &scope, &text("giay phep")).await.unwrap();
        let second_query = SearchQuery { page: 2, ..text("giay phep") };

        let second = queries::search(&app.context.db, &scope, &second_query).await.unwrap();

        assert!(first.total > u64::from(PAGE_SIZE));
        assert_eq!(first.items.len(), PAGE_SIZE as usize);
        assert_eq!(first.total, second.total);
        assert!(second.items.iter().all(|item| first.items.iter().all(|other| other.code != item.code)));
    });
}

#[test]
fn the_url_carries_the_search_so_it_can_be_shared() {
    block_on(async {
        let page = portal().await.get("/thu-tuc?q=giay+phep&doi-tuong=doanh-nghiep&trang=2").await;

        assert_eq!(page.status, StatusCode::OK);
        assert!(
            page.body.contains("href=\"/thu-tuc?q=giay+phep&amp;doi-tuong=doanh-nghiep\""),
            "link back to page 1"
        );
        assert!(page.text().contains("Trang 2/"));
    });
}

#[test]
fn a_page_past_the_last_says_so_and_leads_back_to_the_first() {
    block_on(async {
        let page = portal().await.get("/thu-tuc?q=giay+phep&cap=tinh&trang=9").await;

        let text = page.text();
        assert_eq!(page.status, StatusCode::OK);
        assert!(text.contains("Không có trang 9"), "{text}");
        assert!(!text.contains("Không tìm thấy thủ tục phù hợp"));
        assert!(page.body.contains("href=\"/thu-tuc?q=giay+phep&amp;cap=tinh\""), "link to page 1");
    });
}

#[test]
fn browsing_without_text_lists_detailed_procedures_first() {
    block_on(async {
        let app = portal().await;

        let results = queries::search(&app.context.db, &app.context.scope(), &text("")).await.unwrap();

        assert!(results.total > 4000, "the national index is browsable: {}", results.total);
        assert!(results.items.iter().all(|item| item.has_detail));
    });
}

#[test]
fn other_provinces_local_procedures_and_internal_ones_stay_out_of_search() {
    block_on(async {
        let app = portal().await;
        let scope = app.context.scope();
        let mut response = app
            .context
            .db
            .query("SELECT VALUE count() FROM procedure WHERE kind != 'standard' GROUP ALL")
            .await
            .unwrap();
        let hidden: Vec<u64> = response.take(0).unwrap();

        let all = queries::search(&app.context.db, &scope, &text("")).await.unwrap();
        let semiconductors =
            queries::search(&app.context.db, &scope, &text("chuoi cung ung ban dan")).await.unwrap();

        assert_eq!(all.total + hidden[0], 5669, "every procedure of the index, one per code");
        assert_eq!(semiconductors.total, 0, "Huế's own procedure is not Khánh Hòa's");
    });
}

#[test]
fn bad_parameters_are_reported_and_the_rest_of_the_search_still_runs() {
    block_on(async {
        let page = portal().await.get("/thu-tuc?q=khai+sinh&muc-do=sieu-nhanh&trang=abc").await;

        let text = page.text();
        assert_eq!(page.status, StatusCode::OK);
        assert!(text.contains("Mức độ trực tuyến không hợp lệ."));
        assert!(text.contains("Số trang phải từ 1 đến 500."));
        assert!(!page.procedure_links().is_empty());
    });
}

#[test]
fn a_search_with_no_match_says_what_to_try() {
    block_on(async {
        let page = portal().await.get("/thu-tuc?q=zzzyyyxxx").await;

        assert_eq!(page.status, StatusCode::OK);
        assert!(page.text().contains("Không tìm thấy thủ tục phù hợp"));
    });
}

#[test]
fn life_events_on_the_home_page_all_lead_to_procedures() {
    block_on(async {
        let app = portal().await;
        let home = app.get("/").await;
        let events: Vec<String> = home
            .body
            .split("href=\"/thu-tuc?q=")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .map(|query| format!("/thu-tuc?q={query}"))
            .collect();

        assert!(events.len() >= 6);
        for event in events {
            let page = app.get(&event).await;
            assert!(!page.procedure_links().is_empty(), "{event} finds nothing");
        }
    });
}

#[test]
fn the_overview_counts_what_search_finds() {
    block_on(async {
        let app = portal().await;
        let scope = app.context.scope();

        let overview = queries::overview(&app.context.db, &scope).await.unwrap();
        let all = queries::search(&app.context.db, &scope, &text("")).await.unwrap();
        let home = app.get("/").await.text();

        assert_eq!(overview.total, all.total);
        assert!(overview.detailed > 0 && overview.detailed < overview.total, "{overview:?}");
        let shown = format!("Danh mục gồm {} thủ tục", app::text::thousands(overview.total as i64));
        assert!(home.contains(&shown), "home shows {shown}: {home}");
    });
}

#[test]
fn the_search_endpoint_refuses_what_no_form_sends_with_a_400() {
    block_on(async {
        let app = portal().await;
        let long = "a".repeat(app::procedure::query::MAX_TEXT + 1);

        let fine = app.post_form("/api/thu-tuc/tim-kiem", "query[text]=khai+sinh&query[page]=1").await;
        let too_long =
            app.post_form("/api/thu-tuc/tim-kiem", &format!("query[text]={long}&query[page]=1")).await;
        let too_deep = app.post_form("/api/thu-tuc/tim-kiem", "query[text]=x&query[page]=214748366").await;
        let garbled = app.post_form("/api/thu-tuc/tim-kiem", "query[page]=abc").await;

        assert_eq!(fine.status, StatusCode::OK, "{}", fine.body);
        assert!(fine.body.contains("\"total\""), "{}", fine.body);
        for refused in [too_long, too_deep, garbled] {
            assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{}", refused.body);
        }
    });
}
