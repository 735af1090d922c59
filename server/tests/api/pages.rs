use axum::http::StatusCode;

use crate::helpers::{block_on, portal};

#[test]
fn the_home_page_offers_search_and_every_way_in() {
    block_on(async {
        let page = portal().await.get("/").await;

        let text = page.text();
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("<html lang=\"vi\""));
        assert!(text.contains("Bạn cần làm thủ tục gì?"));
        assert!(text.contains("Tỉnh Khánh Hòa"));
        for heading in [
            "Theo sự kiện",
            "Theo đối tượng",
            "Theo cấp thực hiện",
            "Theo mức độ trực tuyến",
            "Theo lĩnh vực",
        ] {
            assert!(text.contains(heading), "missing {heading}");
        }
        assert!(page.body.contains("href=\"/thu-tuc?doi-tuong=doanh-nghiep\""));
        assert!(page.body.contains("href=\"/thu-tuc?cap=xa\""));
        assert!(page.body.contains("href=\"/thu-tuc?muc-do=toan-trinh\""));
        assert!(page.body.contains("linh-vuc=H%E1%BB%99+t%E1%BB%8Bch"));
    });
}

#[test]
fn a_procedure_page_shows_everything_a_citizen_needs() {
    block_on(async {
        let page = portal().await.get("/thu-tuc/1.000894").await;

        let text = page.text();
        assert_eq!(page.status, StatusCode::OK);
        assert!(text.contains("Thủ tục đăng ký kết hôn"));
        assert!(text.contains("Mã thủ tục: 1.000894"));
        assert!(text.contains("Hồ sơ cần chuẩn bị"));
        assert!(text.contains("Giấy tờ phải xuất trình"));
        assert!(text.contains("Lưu ý:"), "explanatory components are shown as guidance");
        assert!(text.contains("Thời hạn giải quyết"));
        assert!(text.contains("1 ngày làm việc"));
        assert!(text.contains("Miễn lệ phí"));
        assert!(text.contains("Ủy ban Nhân dân xã, phường, thị trấn"));
        assert!(text.contains("Trích lục kết hôn"));
        assert!(text.contains("Căn cứ pháp lý"));
        assert!(text.contains("123/2015/NĐ-CP"));
        assert!(text.contains("Trực tuyến một phần"));
        assert!(page.body.contains("href=\"/thu-tuc/1.000894/nop-ho-so\""));
        assert!(text.contains("Nộp hồ sơ trực tuyến"));
    });
}

/// Temporary residence registration takes 3 working days on every channel.
/// The date itself is the calendar's unit tests' business; here, that the
/// page computes one from the stored calendar and explains it.
#[test]
fn a_procedure_page_says_when_a_dossier_submitted_now_would_be_due() {
    block_on(async {
        let page = portal().await.get("/thu-tuc/1.004194").await;

        let text = page.text();
        let due = text
            .split("Nếu nộp bây giờ, ngày hẹn trả kết quả dự kiến: ")
            .nth(1)
            .and_then(|rest| rest.split_whitespace().nth(2))
            .map(|date| date.chars().take("dd/mm/yyyy".len()).collect::<String>())
            .unwrap_or_default();
        let year: u32 = due.rsplit('/').next().and_then(|year| year.parse().ok()).unwrap_or(0);
        assert!(year >= 2026, "an appointment date like Thứ Hai, 07/09/2026, got {due:?}");
        assert!(text.contains("Cách tính ngày hẹn"));
        assert!(text.contains("Ngày tiếp nhận: "));
    });
}

#[test]
fn an_offline_procedure_has_no_online_submission_button() {
    block_on(async {
        let app = portal().await;
        let offline = app
            .context
            .db
            .query("SELECT VALUE code FROM procedure WHERE online_level = 'khong_truc_tuyen' LIMIT 1")
            .await
            .expect("query")
            .take::<Vec<String>>(0)
            .expect("codes");
        let code = offline.first().expect("an offline procedure in the data");

        let page = app.get(&format!("/thu-tuc/{code}")).await;

        assert_eq!(page.status, StatusCode::OK);
        assert!(page.text().contains("Không trực tuyến"));
        assert!(!page.body.contains("nop-ho-so"));
    });
}

#[test]
fn a_procedure_known_only_from_the_index_says_so_and_links_to_the_national_portal() {
    block_on(async {
        let page = portal().await.get("/thu-tuc/3.000616").await;

        assert_eq!(page.status, StatusCode::OK);
        assert!(page.text().contains("chưa có thông tin chi tiết"));
        assert!(
            page.body.contains(
                "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019f6f67-c3a8-7163-8167-02e782ebf1c2"
            )
        );
    });
}

#[test]
fn an_unknown_procedure_is_a_vietnamese_404() {
    block_on(async {
        for uri in ["/thu-tuc/9.999999", "/thu-tuc/%3Cscript%3E", "/thu-tuc/1.000894'%20OR%201=1"] {
            let page = portal().await.get(uri).await;

            assert_eq!(page.status, StatusCode::NOT_FOUND, "{uri}");
            assert!(page.text().contains("Không tìm thấy"), "{uri}");
        }
    });
}

#[test]
fn an_unknown_address_is_a_vietnamese_404() {
    block_on(async {
        let page = portal().await.get("/khong-co-trang-nay").await;

        assert_eq!(page.status, StatusCode::NOT_FOUND);
        assert!(page.text().contains("Không tìm thấy trang"));
    });
}

#[test]
fn every_response_carries_a_request_id_and_safety_headers() {
    block_on(async {
        let request = axum::http::Request::builder().uri("/healthz").body(axum::body::Body::empty()).unwrap();
        let response = tower::ServiceExt::oneshot(portal().await.router.clone(), request).await.unwrap();

        assert_eq!(response.status(), StatusCode::OK);
        assert!(response.headers().contains_key("x-request-id"));
        assert_eq!(response.headers()["x-content-type-options"], "nosniff");
        assert_eq!(response.headers()["x-frame-options"], "DENY");
    });
}

#[test]
fn a_search_cannot_write_markup_into_the_page_title() {
    block_on(async {
        let page = portal().await.get("/thu-tuc?q=%3C%2Ftitle%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E").await;

        assert_eq!(page.status, StatusCode::OK);
        assert!(!page.body.contains("<script>alert(1)"), "the search text is escaped everywhere");
        assert!(page.body.contains("<title>Tìm “&lt;/title&gt;&lt;script&gt;"));
    });
}

#[test]
fn an_address_with_a_trailing_slash_is_sent_to_the_one_without() {
    block_on(async {
        let app = portal().await;

        let page = app.get("/thu-tuc/1.000894/").await;
        let search = app.get("/thu-tuc/?q=ket+hon").await;
        let offsite = app.get("//example.org/").await;

        assert_eq!(page.status, StatusCode::PERMANENT_REDIRECT);
        assert_eq!(page.headers["location"], "/thu-tuc/1.000894");
        assert_eq!(search.headers["location"], "/thu-tuc?q=ket+hon");
        assert!(!offsite.headers.contains_key("location"), "never a redirect off the site");
    });
}
