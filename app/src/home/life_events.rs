//! Life events (sự kiện) as searches of the catalogue. Each is only a
//! doorway: the results are whatever the national data holds for the words.

use crate::procedure::query::SearchQuery;

/// A life event and the search it opens.
pub struct LifeEvent {
    pub label: &'static str,
    pub search: &'static str,
}

pub const LIFE_EVENTS: [LifeEvent; 8] = [
    LifeEvent { label: "Khai sinh cho con", search: "khai sinh" },
    LifeEvent { label: "Kết hôn", search: "đăng ký kết hôn" },
    LifeEvent { label: "Chuyển nơi ở, tạm trú", search: "cư trú" },
    LifeEvent { label: "Xây, sửa nhà", search: "giấy phép xây dựng" },
    LifeEvent { label: "Đất đai, nhà ở", search: "giấy chứng nhận quyền sử dụng đất" },
    LifeEvent { label: "Khai tử", search: "khai tử" },
    LifeEvent { label: "Thành lập doanh nghiệp", search: "thành lập doanh nghiệp" },
    LifeEvent { label: "Hộ chiếu, xuất nhập cảnh", search: "hộ chiếu" },
];

impl LifeEvent {
    pub fn url(&self) -> String {
        SearchQuery { text: self.search.to_string(), page: 1, ..SearchQuery::default() }.to_url()
    }
}
