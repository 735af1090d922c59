use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::history::History;
use crate::dossier::Tracking;
use crate::dossier::api::track_dossier;
use crate::shell::ErrorNotice;

/// `/tra-cuu`: anyone with a dossier's code and tracking secret follows it
/// without signing in. A plain GET form, so it works without JavaScript.
#[component]
pub fn TrackingPage() -> impl IntoView {
    let query = use_query_map();
    let asked = move || {
        query.with(|query| (query.get("ma").unwrap_or_default(), query.get("ma-tra-cuu").unwrap_or_default()))
    };
    let result = Resource::new(asked, |(code, secret)| async move {
        if code.trim().is_empty() && secret.trim().is_empty() {
            return Ok(None);
        }
        track_dossier(code, secret).await.map(|tracking| Some(tracking.ok_or(())))
    });
    let (code, secret) = asked();

    view! {
        <Title text="Tra cứu hồ sơ" />
        <section class="tracking">
            <h1>"Tra cứu hồ sơ"</h1>
            <p>"Nhập mã hồ sơ và mã tra cứu in trên giấy tiếp nhận hoặc hiện khi bạn nộp hồ sơ trực tuyến."</p>
            <form method="get" action="/tra-cuu" class="tracking-form">
                <label for="ma">"Mã hồ sơ"</label>
                <input id="ma" name="ma" value=code autocomplete="off" placeholder="Ví dụ 22366-261204-0001" />
                <label for="ma-tra-cuu">"Mã tra cứu"</label>
                <input id="ma-tra-cuu" name="ma-tra-cuu" value=secret autocomplete="off" maxlength="12" />
                <button type="submit" class="button">"Tra cứu"</button>
            </form>
            <Suspense fallback=|| view! { <p class="loading">"Đang tra cứu…"</p> }>
                {move || Suspend::new(async move {
                    match result.await {
                        Ok(None) => ().into_any(),
                        Ok(Some(Ok(tracking))) => view! { <Found tracking /> }.into_any(),
                        Ok(Some(Err(()))) => view! {
                            <p class="form-error" role="alert">
                                "Không tìm thấy hồ sơ với mã hồ sơ và mã tra cứu này. Vui lòng kiểm tra lại."
                            </p>
                        }
                        .into_any(),
                        Err(error) => view! { <ErrorNotice error /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn Found(tracking: Tracking) -> impl IntoView {
    view! {
        <div class="tracking-result" role="status">
            <h2>"Hồ sơ " {tracking.code.clone()}</h2>
            <dl class="facts">
                <dt>"Thủ tục"</dt>
                <dd>{tracking.procedure_name.clone()}</dd>
                <dt>"Cơ quan tiếp nhận"</dt>
                <dd>{tracking.agency_name.clone()}</dd>
                <dt>"Hình thức nộp"</dt>
                <dd>{tracking.channel.label()}</dd>
                <dt>"Thời gian nộp"</dt>
                <dd>{tracking.submitted_at.clone()}</dd>
                <dt>"Trạng thái"</dt>
                <dd class="status">{tracking.status.label()}</dd>
                {tracking.due_on.clone().map(|due| view! { <dt>"Ngày hẹn trả kết quả"</dt><dd>{crate::text::date(&due)}</dd> })}
            </dl>
            <h3>"Quá trình xử lý"</h3>
            <History entries=tracking.history />
        </div>
    }
}
