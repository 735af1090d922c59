//! The officers' side of processing: their queue by risk on the home page,
//! and on a dossier's page its workflow, result, control slip and the
//! actions the officer may take at its step. Every action is a plain form.

use leptos::prelude::*;

use super::api::{Apologise, HandOver, RecordPaperResult, ReturnResult, SendBack, load_work_queue};
use super::{Delivery, Handover, Progress, WorkQueue};
use crate::desk::DeskDossier;
use crate::store::view::DocumentLink;

/// The officer's queue: overdue first, then due soonest, with the agency's
/// counts per state.
#[component]
pub fn WorkQueuePanel() -> impl IntoView {
    let queue = Resource::new(|| (), |_| load_work_queue());

    view! {
        <Suspense fallback=|| view! { <p class="loading">"Đang tải…"</p> }>
            {move || Suspend::new(async move {
                match queue.await {
                    Ok(queue) => view! { <Queue queue /> }.into_any(),
                    // Officers who process nothing have no queue to show.
                    Err(_) => ().into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Queue(queue: WorkQueue) -> impl IntoView {
    let (mine, others): (Vec<_>, Vec<_>) = queue.items.into_iter().partition(|item| item.assigned_to_me);
    let counts = queue
        .counts
        .into_iter()
        .map(|(status, count)| view! { <li><span class="count">{count}</span> " " {status.label()}</li> })
        .collect_view();
    let list = |items: Vec<super::WorkItem>| {
        view! {
            <ul class="dossier-list work-queue">
                {items
                    .into_iter()
                    .map(|item| {
                        let due = item.due_on.as_deref().map(crate::text::date).unwrap_or_else(|| "không có".to_string());
                        let class = if item.overdue { "overdue" } else { "" };
                        view! {
                            <li class=class>
                                <a href=format!("/can-bo/ho-so/{}", item.key)>
                                    <span class="code">{item.code}</span>
                                    <span class="name">{item.procedure_name}</span>
                                </a>
                                {item.step_name} " · hẹn trả " {due}
                                {item.overdue.then(|| view! { <strong class="late">" · Quá hạn"</strong> })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
    };

    view! {
        <h2>"Số hồ sơ của cơ quan"</h2>
        <ul class="state-counts">
            {counts}
            <li><span class="count">{queue.overdue}</span> " Quá hạn, đang giải quyết"</li>
        </ul>
        <h2>"Hồ sơ giao cho tôi"</h2>
        {if mine.is_empty() { view! { <p>"Không có hồ sơ nào được giao riêng cho bạn."</p> }.into_any() } else { list(mine).into_any() }}
        <h2>"Hồ sơ đang chờ ở bước của tôi"</h2>
        {if others.is_empty() { view! { <p>"Không có hồ sơ nào đang chờ."</p> }.into_any() } else { list(others).into_any() }}
    }
}

/// The server actions of a dossier's page, created once so that the page
/// reloads the dossier after each.
#[derive(Clone, Copy)]
pub struct ProcessingActions {
    pub hand_over: ServerAction<HandOver>,
    pub send_back: ServerAction<SendBack>,
    pub paper: ServerAction<RecordPaperResult>,
    pub give_back: ServerAction<ReturnResult>,
    pub apologise: ServerAction<Apologise>,
}

impl ProcessingActions {
    pub fn new() -> Self {
        ProcessingActions {
            hand_over: ServerAction::new(),
            send_back: ServerAction::new(),
            paper: ServerAction::new(),
            give_back: ServerAction::new(),
            apologise: ServerAction::new(),
        }
    }

    /// Changes whenever one of them finishes.
    pub fn version(&self) -> usize {
        self.hand_over.version().get()
            + self.send_back.version().get()
            + self.paper.version().get()
            + self.give_back.version().get()
            + self.apologise.version().get()
    }

    /// The message of the last one that failed.
    pub fn problem(&self) -> Option<String> {
        [
            self.hand_over.value().get().and_then(Result::err),
            self.send_back.value().get().and_then(Result::err),
            self.paper.value().get().and_then(Result::err),
            self.give_back.value().get().and_then(Result::err),
            self.apologise.value().get().and_then(Result::err),
        ]
        .into_iter()
        .flatten()
        .next()
        .map(|error| error.message())
    }
}

impl Default for ProcessingActions {
    fn default() -> Self {
        Self::new()
    }
}

/// A received dossier's workflow, result and the officer's actions.
#[component]
pub fn ProcessingPanel(dossier: DeskDossier, actions: ProcessingActions) -> impl IntoView {
    let Some(progress) = dossier.progress.clone() else { return ().into_any() };
    let key = dossier.key.clone();

    view! {
        <h2>"Quy trình xử lý"</h2>
        <Steps progress=progress.clone() />
        <Outcome progress=progress.clone() />
        <ResultView progress=progress.clone() />
        <Actions key progress actions />
        <h2>"Phiếu kiểm soát quá trình giải quyết"</h2>
        <ControlSlip handovers=dossier.handovers.clone() />
    }
    .into_any()
}

#[component]
fn Steps(progress: Progress) -> impl IntoView {
    let finished = progress.returned_at.is_some();
    view! {
        <ol class="workflow-steps">
            {progress
                .workflow
                .steps
                .iter()
                .enumerate()
                .map(|(index, step)| {
                    let current = index == progress.step && !finished;
                    let class = if current { "current" } else if index < progress.step || finished { "done" } else { "" };
                    view! {
                        <li class=class aria-current=current.then_some("step")>
                            {step.name.clone()} " (" {step.role.label()} ", " {step.share} "% thời gian)"
                            {current.then(|| progress.assignee_name.clone().map(|name| view! { " — giao cho " <strong>{name}</strong> }))}
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}

#[component]
fn Outcome(progress: Progress) -> impl IntoView {
    view! {
        <dl class="facts">
            {progress.new_due_on.clone().map(|due| view! {
                <dt>"Ngày hẹn mới (đã xin lỗi)"</dt>
                <dd class="due">{crate::text::date(&due)}</dd>
                <dt>"Lý do chậm"</dt>
                <dd>{progress.apology_reason.clone()}</dd>
            })}
            {progress.returned_at.clone().map(|at| view! {
                <dt>"Đã trả kết quả lúc"</dt>
                <dd>{at}</dd>
            })}
            {progress.delivery.map(|delivery| view! { <dt>"Hình thức trả"</dt><dd>{delivery.label()}</dd> })}
            {progress.outcome.map(|outcome| view! { <dt>"Kết quả đúng hạn"</dt><dd class="outcome">{outcome.label()}</dd> })}
        </dl>
    }
}

#[component]
fn ResultView(progress: Progress) -> impl IntoView {
    let Some(result) = progress.result else {
        return view! { <p class="muted">"Chưa có kết quả giải quyết."</p> }.into_any();
    };
    view! {
        <div class="result">
            <h3>"Kết quả giải quyết"</h3>
            {result.document.map(|document| view! { <p><DocumentLink document /></p> })}
            {result.paper.then(|| view! { <p>"Kết quả là bản giấy, trả tại Bộ phận Một cửa hoặc qua bưu chính."</p> })}
            {result.note.map(|note| view! { <p class="muted">{note}</p> })}
        </div>
    }
    .into_any()
}

#[component]
fn Actions(key: String, progress: Progress, actions: ProcessingActions) -> impl IntoView {
    let step = progress.step.to_string();
    let forward = progress.workflow.forward_action(progress.step);
    let returning = forward == crate::dossier::Action::Return;
    let approving = forward == crate::dossier::Action::Approve;
    let next_name =
        progress.workflow.step(progress.step + 1).map(|next| next.name.clone()).unwrap_or_default();

    let record = progress.may_record_result.then(|| {
        let (key, step) = (key.clone(), step.clone());
        view! {
            <form method="post" action=format!("/can-bo/ho-so/{key}/ket-qua") enctype="multipart/form-data" class="decision">
                <input type="hidden" name="step" value=step.clone() />
                <label for="tep-ket-qua">"Tải lên văn bản kết quả (PDF, JPEG hoặc PNG)"</label>
                <input id="tep-ket-qua" type="file" name="tep" accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" />
                <label for="ghi-chu-ket-qua">"Ghi chú (không bắt buộc)"</label>
                <input id="ghi-chu-ket-qua" type="text" name="note" maxlength="4000" />
                <button type="submit" class="button secondary">"Lưu văn bản kết quả"</button>
            </form>
            <ActionForm action=actions.paper attr:class="decision">
                <input type="hidden" name="key" value=key.clone() />
                <input type="hidden" name="step" value=step />
                <label for="ghi-chu-giay">"Hoặc: kết quả là bản giấy. Ghi chú (không bắt buộc)"</label>
                <input id="ghi-chu-giay" type="text" name="note" maxlength="4000" />
                <button type="submit" class="button secondary">"Ghi nhận kết quả bản giấy"</button>
            </ActionForm>
        }
    });

    let hand_over = (progress.may_forward && !returning).then(|| {
        let (key, step) = (key.clone(), step.clone());
        let label = if approving { "Phê duyệt kết quả" } else { "Chuyển bước tiếp theo" };
        view! {
            <ActionForm action=actions.hand_over attr:class="decision">
                <input type="hidden" name="key" value=key />
                <input type="hidden" name="step" value=step />
                <p>"Chuyển đến: " <strong>{next_name.clone()}</strong></p>
                <label for="giao-cho">"Giao cho (không bắt buộc)"</label>
                <select id="giao-cho" name="assignee">
                    <option value="">"Bất kỳ cán bộ nào của bước sau"</option>
                    {progress
                        .next_officers
                        .iter()
                        .map(|(officer, name)| view! { <option value=officer.clone()>{name.clone()}</option> })
                        .collect_view()}
                </select>
                <label for="ghi-chu-chuyen">"Ghi chú nội bộ (không bắt buộc)"</label>
                <textarea id="ghi-chu-chuyen" name="note" rows="2" maxlength="4000"></textarea>
                <button type="submit" class="button">{label}</button>
            </ActionForm>
        }
    });

    let give_back = (progress.may_forward && returning).then(|| {
        let (key, step) = (key.clone(), step.clone());
        view! {
            <ActionForm action=actions.give_back attr:class="decision">
                <input type="hidden" name="key" value=key />
                <input type="hidden" name="step" value=step />
                <fieldset>
                    <legend>"Hình thức trả kết quả"</legend>
                    {Delivery::ALL
                        .into_iter()
                        .map(|delivery| {
                            let id = format!("tra-{}", delivery.stored());
                            view! {
                                <div class="choice">
                                    <input type="radio" id=id.clone() name="delivery" value=delivery.stored() />
                                    <label for=id>{delivery.label()}</label>
                                </div>
                            }
                        })
                        .collect_view()}
                </fieldset>
                <button type="submit" class="button">"Trả kết quả"</button>
            </ActionForm>
        }
    });

    let send_back = progress.may_send_back.then(|| {
        let (key, step) = (key.clone(), step.clone());
        view! {
            <ActionForm action=actions.send_back attr:class="decision">
                <input type="hidden" name="key" value=key />
                <input type="hidden" name="step" value=step />
                <label for="ly-do-tra-lai">"Trả lại bước trước: lý do"</label>
                <textarea id="ly-do-tra-lai" name="reason" rows="2" maxlength="4000"></textarea>
                <button type="submit" class="button secondary">"Trả lại bước trước"</button>
            </ActionForm>
        }
    });

    let apologise = progress.may_apologise.then(|| {
        view! {
            <details class="decision">
                <summary>"Hồ sơ sẽ trễ hạn: xin lỗi và hẹn lại ngày trả (Mẫu 04)"</summary>
                <ActionForm action=actions.apologise>
                    <input type="hidden" name="key" value=key.clone() />
                    <input type="hidden" name="step" value=step.clone() />
                    <label for="ly-do-cham">"Lý do chậm trả kết quả"</label>
                    <textarea id="ly-do-cham" name="reason" rows="2" maxlength="4000"></textarea>
                    <label for="ngay-hen-moi">"Ngày hẹn trả kết quả mới"</label>
                    <input id="ngay-hen-moi" type="date" name="new_date" />
                    <button type="submit" class="button secondary">"Gửi văn bản xin lỗi"</button>
                </ActionForm>
            </details>
        }
    });

    view! { <div class="decisions">{record} {hand_over} {give_back} {send_back} {apologise}</div> }
}

/// The control slip's lines: every move, who made it, when, from and to.
#[component]
pub fn ControlSlip(handovers: Vec<Handover>) -> impl IntoView {
    if handovers.is_empty() {
        return view! { <p class="muted">"Chưa có bước chuyển nào."</p> }.into_any();
    }
    view! {
        <div class="table-scroll">
            <table class="control-slip">
                <thead>
                    <tr><th>"Thời gian"</th><th>"Từ"</th><th>"Đến"</th><th>"Cán bộ"</th><th>"Ghi chú"</th></tr>
                </thead>
                <tbody>
                    {handovers
                        .into_iter()
                        .map(|line| view! {
                            <tr>
                                <td>{line.at}</td>
                                <td>{line.from}</td>
                                <td>{line.to}</td>
                                <td>{line.officer}</td>
                                <td>{line.note}</td>
                            </tr>
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}
