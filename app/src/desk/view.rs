use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::DeskDossier;
use super::api::{ReceiveDossier, RefuseDossier, RequestSupplement, desk_queue, load_desk_dossier};
use crate::account::view::admitted;
use crate::dossier::DossierStatus;
use crate::dossier::view::{AnswerList, History};
use crate::procedure::view::EstimateNote;
use crate::processing::view::{ProcessingActions, ProcessingPanel};
use crate::shell::ErrorNotice;
use crate::slip::view::SlipLinks;
use crate::store::view::DocumentLink;

/// The desk's queue on the officer's home: oldest first, with the channel.
#[component]
pub fn DeskQueue() -> impl IntoView {
    let queue = Resource::new(|| (), |_| desk_queue());

    view! {
        <h2>"Hồ sơ chờ tiếp nhận"</h2>
        <Suspense fallback=|| view! { <p class="loading">"Đang tải…"</p> }>
            {move || Suspend::new(async move {
                match queue.await {
                    Ok(items) if items.is_empty() => view! { <p>"Không có hồ sơ nào chờ tiếp nhận."</p> }.into_any(),
                    Ok(items) => view! {
                        <ul class="dossier-list desk-queue">
                            {items
                                .into_iter()
                                .map(|item| {
                                    view! {
                                        <li>
                                            <a href=format!("/can-bo/ho-so/{}", item.key)>
                                                <span class="code">{item.code}</span>
                                                <span class="name">{item.procedure_name}</span>
                                            </a>
                                            {item.channel.label()} " · nộp lúc " {item.submitted_at}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                    .into_any(),
                    // Officers without a desk role have no queue to show.
                    Err(_) => ().into_any(),
                }
            })}
        </Suspense>
    }
}

/// `/can-bo/ho-so/<key>`: the check of completeness and its three outcomes.
#[component]
pub fn DeskDossierPage() -> impl IntoView {
    let params = use_params_map();
    let key = move || params.with(|params| params.get("key").unwrap_or_default());
    let receive = ServerAction::<ReceiveDossier>::new();
    let supplement = ServerAction::<RequestSupplement>::new();
    let refuse = ServerAction::<RefuseDossier>::new();
    let processing = ProcessingActions::new();
    let dossier = Resource::new(
        move || {
            (
                key(),
                receive.version().get(),
                supplement.version().get(),
                refuse.version().get(),
                processing.version(),
            )
        },
        |(key, ..)| load_desk_dossier(key),
    );

    let page = move || {
        admitted(|viewer| viewer.is_officer()).map(|viewer| match viewer {
            Err(error) => view! { <ErrorNotice error /> }.into_any(),
            Ok(_) => view! {
                <Suspense fallback=|| view! { <p class="loading">"Đang tải hồ sơ…"</p> }>
                    {move || Suspend::new(async move {
                        match dossier.await {
                            Ok(dossier) => view! {
                                <Check dossier=dossier.clone() receive supplement refuse />
                                <ProcessingPanel dossier actions=processing />
                            }
                            .into_any(),
                            Err(error) => view! { <ErrorNotice error /> }.into_any(),
                        }
                    })}
                </Suspense>
            }
            .into_any(),
        })
    };
    let problem = move || {
        [receive.value().get(), supplement.value().get(), refuse.value().get()]
            .into_iter()
            .flatten()
            .find_map(Result::err)
            .map(|error| error.message())
            .or_else(|| processing.problem())
            .map(|message| view! { <p class="form-error" role="alert">{message}</p> })
    };

    view! {
        <Title text="Kiểm tra hồ sơ" />
        <section class="desk-dossier">
            <nav class="breadcrumb" aria-label="Vị trí">
                <A href="/can-bo">"Hồ sơ cần xử lý"</A>" › Kiểm tra hồ sơ"
            </nav>
            {problem}
            <Suspense fallback=|| ()>{page}</Suspense>
        </section>
    }
}

#[component]
fn Check(
    dossier: DeskDossier,
    receive: ServerAction<ReceiveDossier>,
    supplement: ServerAction<RequestSupplement>,
    refuse: ServerAction<RefuseDossier>,
) -> impl IntoView {
    let waiting = dossier.status == DossierStatus::Submitted;
    let key = dossier.key.clone();
    let (supplement_key, refuse_key) = (key.clone(), key.clone());

    view! {
        <h1>{dossier.code.clone()}</h1>
        <p class="start-procedure">{dossier.procedure_name.clone()}</p>
        <dl class="facts">
            <dt>"Người nộp"</dt>
            <dd>{dossier.applicant_name.clone()}</dd>
            <dt>"Hình thức nộp"</dt>
            <dd>{dossier.channel.label()}</dd>
            <dt>"Thời gian nộp"</dt>
            <dd>{dossier.submitted_at.clone()}</dd>
            <dt>"Trạng thái"</dt>
            <dd class="status">{dossier.status.label()}</dd>
            {dossier.due_on.clone().map(|due| view! { <dt>"Ngày hẹn trả kết quả"</dt><dd class="due">{crate::text::date(&due)}</dd> })}
            {dossier.desk_note.clone().map(|note| view! { <dt>"Ghi chú của Bộ phận Một cửa"</dt><dd class="desk-note">{note}</dd> })}
        </dl>
        {dossier.reckoning.clone().map(|due| view! { <EstimateNote due received=true /> })}
        <h2>"Giấy tờ"</h2>
        <ul class="documents">
            {dossier
                .documents
                .iter()
                .map(|(label, document)| {
                    view! {
                        <li>
                            {label.clone()} ": "
                            <DocumentLink document=document.clone() />
                        </li>
                    }
                })
                .collect_view()}
        </ul>
        <h2>"Nội dung tờ khai"</h2>
        <AnswerList answers=dossier.answers.clone() />
        <SlipLinks key=dossier.key.clone() kinds=dossier.slips.clone() />
        <h2>"Quá trình xử lý"</h2>
        <History entries=dossier.history.clone() />
        {waiting
            .then(|| {
                view! {
                    <h2>"Kết quả kiểm tra"</h2>
                    <div class="decisions">
                        <ActionForm action=receive attr:class="decision">
                            <input type="hidden" name="key" value=key.clone() />
                            <p>"Hồ sơ đầy đủ, hợp lệ: tiếp nhận và hẹn ngày trả kết quả."</p>
                            <button type="submit" class="button">"Tiếp nhận hồ sơ"</button>
                        </ActionForm>
                        <ActionForm action=supplement attr:class="decision">
                            <input type="hidden" name="key" value=supplement_key.clone() />
                            <label for="bo-sung">"Hồ sơ chưa đầy đủ: ghi từng giấy tờ, nội dung cần bổ sung và lý do"</label>
                            <textarea id="bo-sung" name="items" rows="4" maxlength="4000"></textarea>
                            <button type="submit" class="button secondary">"Yêu cầu bổ sung"</button>
                        </ActionForm>
                        <ActionForm action=refuse attr:class="decision">
                            <input type="hidden" name="key" value=refuse_key.clone() />
                            <label for="tu-choi">"Hồ sơ không đủ điều kiện: lý do từ chối"</label>
                            <textarea id="tu-choi" name="reason" rows="3" maxlength="4000"></textarea>
                            <button type="submit" class="button danger">"Từ chối tiếp nhận"</button>
                        </ActionForm>
                    </div>
                }
            })}
    }
}
