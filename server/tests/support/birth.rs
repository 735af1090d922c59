//! The birth registration's answers, right, as the test binaries submit it
//! to Phường Nha Trang.

pub const ANSWERS: [(&str, &str); 23] = [
    ("f:dien_thoai", "0912 345 678"),
    ("f:noi_cu_tru.tinh", "56"),
    ("f:noi_cu_tru.xa", "22366"),
    ("f:noi_cu_tru.chi_tiet", "12 Trần Phú"),
    ("f:quan_he", "me"),
    ("f:tre_ho_ten", "Nguyễn Thị Bé"),
    ("f:tre_ngay_sinh", "2026-11-20"),
    ("f:tre_gioi_tinh", "nu"),
    ("f:tre_dan_toc", "kinh"),
    ("f:tre_quoc_tich", "Việt Nam"),
    ("f:tre_noi_sinh.tinh", "56"),
    ("f:tre_noi_sinh.xa", "22366"),
    ("f:tre_que_quan.tinh", "56"),
    ("f:tre_que_quan.xa", "22366"),
    ("f:me_ho_ten", "Trần Thị Mẹ"),
    ("f:me_ngay_sinh", "1995-03-02"),
    ("f:me_quoc_tich", "Việt Nam"),
    ("f:me_noi_cu_tru.tinh", "56"),
    ("f:me_noi_cu_tru.xa", "22366"),
    ("f:co_thong_tin_cha", "khong"),
    ("f:cap_ban_sao", "khong"),
    ("f:cam_doan", "on"),
    ("co_quan", "ubnd-22366"),
];
