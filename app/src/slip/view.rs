//! Slips on screen: the links on a dossier's page, and the printable page
//! that shows the same fields as the PDF.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::api::load_slip;
use super::{Slip, SlipKind, datetime_vn_or_blank, or_blank, place_date_line};
use crate::shell::ErrorNotice;

/// The slips a dossier has, each as a printable page and a PDF.
#[component]
pub fn SlipLinks(key: String, kinds: Vec<SlipKind>) -> impl IntoView {
    (!kinds.is_empty()).then(|| {
        view! {
            <h2>"Phiếu, giấy tờ của hồ sơ"</h2>
            <ul class="slips">
                {kinds
                    .into_iter()
                    .map(|kind| {
                        view! {
                            <li>
                                "Mẫu số " {kind.number()} ": " {kind.title().to_lowercase()} " — "
                                <a href=format!("/ho-so/{key}/in/{}", kind.slug())>"Xem để in"</a>
                                " · "
                                <a href=format!("/ho-so/{key}/phieu/{}.pdf", kind.slug()) rel="external">"Tải PDF"</a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
    })
}

/// `/ho-so/<key>/in/<kind>`: a slip laid out for printing on A4.
#[component]
pub fn SlipPrintPage() -> impl IntoView {
    let params = use_params_map();
    let wanted = move || {
        params.with(|params| (params.get("key").unwrap_or_default(), params.get("kind").unwrap_or_default()))
    };
    let slip = Resource::new(wanted, |(key, kind)| load_slip(key, kind));

    view! {
        <Suspense fallback=|| view! { <p class="loading">"Đang tải phiếu…"</p> }>
            {move || Suspend::new(async move {
                match slip.await {
                    Ok(slip) => view! { <Printable slip /> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Printable(slip: Slip) -> impl IntoView {
    let kind = slip.kind;
    let line =
        |label: &'static str, value: String| view! { <p><span class="label">{label}</span> {value}</p> };

    view! {
        <Title text=format!("Mẫu số {}: {}", kind.number(), slip.code) />
        <article class="slip-print">
            <header class="slip-head">
                <div>
                    <p>{slip.authority.clone()}</p>
                    <p><strong>{slip.desk.clone()}</strong></p>
                </div>
                <div>
                    <p><strong>"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"</strong></p>
                    <p><strong>"Độc lập - Tự do - Hạnh phúc"</strong></p>
                    <p><em>{place_date_line(&slip.place, slip.issued_on)}</em></p>
                </div>
            </header>
            <h1>{kind.title()}</h1>
            <p class="slip-code">"Mã hồ sơ: " <strong>{slip.code.clone()}</strong></p>
            {line("Tiếp nhận hồ sơ của:", or_blank(&slip.applicant.name).to_string())}
            {line("Nội dung yêu cầu giải quyết:", or_blank(&slip.procedure).to_string())}
            {(kind == SlipKind::Receipt).then(|| view! {
                <p>"Thành phần hồ sơ nộp gồm:"</p>
                <ol>{slip.documents.iter().map(|document| view! { <li>{document.name.clone()} " (" {document.form.clone()} ")"</li> }).collect_view()}</ol>
                {line("Thời gian giải quyết hồ sơ theo quy định:", slip.processing_time.clone().unwrap_or_default())}
                {line("Thời gian nhận hồ sơ:", datetime_vn_or_blank(slip.received_at))}
                {line("Thời gian trả kết quả giải quyết hồ sơ:", datetime_vn_or_blank(slip.appointment_at))}
                {line("Đăng ký nhận kết quả tại:", slip.result_at.clone())}
            })}
            {(kind == SlipKind::Supplement).then(|| view! {
                <p>"Yêu cầu Ông/Bà hoàn thiện hồ sơ gồm những nội dung như sau:"</p>
                <ol>{slip.items.iter().map(|item| view! { <li>{item.item.clone()}</li> }).collect_view()}</ol>
            })}
            {(kind == SlipKind::Refusal).then(|| view! {
                <p>"Qua xem xét, Bộ phận tiếp nhận hồ sơ thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:"</p>
                <p>{slip.reason.clone()}</p>
            })}
            {(kind == SlipKind::Apology).then(|| view! {
                {line("Thời gian nhận hồ sơ:", datetime_vn_or_blank(slip.received_at))}
                {line("Hẹn trả kết quả:", datetime_vn_or_blank(slip.appointment_at))}
                {line("Lý do chậm trả kết quả:", slip.reason.clone().unwrap_or_default())}
                {line("Hẹn lại ngày trả kết quả:", datetime_vn_or_blank(slip.new_appointment_at))}
            })}
            {(kind == SlipKind::Control).then(|| view! {
                {line("Cơ quan (bộ phận) giải quyết hồ sơ:", slip.handler.clone())}
                <table class="control-slip">
                    <thead><tr><th>"Giao"</th><th>"Nhận"</th><th>"Thời gian giao, nhận"</th><th>"Kết quả"</th><th>"Ghi chú"</th></tr></thead>
                    <tbody>
                        {slip.steps.iter().map(|step| view! {
                            <tr>
                                <td>{step.from.clone()}</td>
                                <td>{step.to.clone()}</td>
                                <td>{datetime_vn_or_blank(Some(step.handed_at))}</td>
                                <td>{step.outcome.clone()}</td>
                                <td>{step.note.clone()}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            })}
            <p class="slip-sign">{or_blank(&slip.officer).to_string()}</p>
            <p class="no-print">
                "Dùng lệnh In của trình duyệt (Ctrl+P) để in phiếu này."
            </p>
        </article>
    }
}
