use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::badge::OnlineBadge;
use super::channels::ChannelList;
use super::dossier::DossierList;
use crate::procedure::api::load_procedure;
use crate::procedure::detail::{CatalogueEntry, ProcedureDetail, ProcedurePage as PageData};
use crate::procedure::estimate::ChannelEstimate;
use crate::procedure::model::level_label;
use crate::shell::ErrorNotice;
use crate::text;

/// `/thu-tuc/<code>`: everything about one procedure, laid out for a phone.
#[component]
pub fn ProcedurePage() -> impl IntoView {
    let params = use_params_map();
    let code = move || params.with(|params| params.get("code").unwrap_or_default());
    let page = Resource::new(code, load_procedure);

    view! {
        <Suspense fallback=|| view! { <p class="loading">"Đang tải thủ tục…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(data) => view! { <Procedure data /> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Procedure(data: PageData) -> impl IntoView {
    let PageData { entry, detail, estimates } = data;
    let description = format!("Mã {}: hồ sơ, thời hạn, phí, lệ phí và nơi nộp.", entry.code);

    view! {
        <Title text=entry.name.clone() />
        <Meta name="description" content=description />
        <article class="procedure">
            <Heading entry=entry.clone() />
            {match detail {
                Some(detail) => view! { <Detail entry detail estimates /> }.into_any(),
                None => view! { <IndexOnly entry /> }.into_any(),
            }}
        </article>
    }
}

#[component]
fn Heading(entry: CatalogueEntry) -> impl IntoView {
    let levels = entry.levels.iter().map(|code| level_label(code).to_string()).collect::<Vec<_>>();

    view! {
        <nav class="breadcrumb" aria-label="Vị trí">
            <A href="/">"Trang chủ"</A>" › "<A href="/thu-tuc">"Thủ tục hành chính"</A>
        </nav>
        <header class="procedure-head">
            <h1>{entry.name}</h1>
            <p class="procedure-tags">
                <span class="code">"Mã thủ tục: "{entry.code}</span>
                <OnlineBadge level=entry.online_level />
                {(!levels.is_empty()).then(|| view! { <span class="tag">{levels.join(", ")}</span> })}
            </p>
            <p class="muted">{entry.kind.label()}" · Lĩnh vực: "{entry.fields.join(", ")}</p>
        </header>
    }
}

/// A procedure known only from the national index.
#[component]
fn IndexOnly(entry: CatalogueEntry) -> impl IntoView {
    view! {
        <div class="warning">
            <p>"Cổng chưa có thông tin chi tiết (hồ sơ, thời hạn, phí) của thủ tục này."</p>
            {entry.source_url.map(|href| view! {
                <p><a href=href rel="noopener" target="_blank">"Xem trên Cổng Dịch vụ công quốc gia"</a></p>
            })}
        </div>
        <Section id="co-quan" title="Cơ quan thực hiện">
            <TextList items=entry.departments />
            <p>"Cơ quan ban hành: "{entry.promulgating_agency}</p>
        </Section>
        <Section id="doi-tuong" title="Đối tượng thực hiện">
            <TextList items=entry.subject_types />
        </Section>
    }
}

#[component]
fn Detail(entry: CatalogueEntry, detail: ProcedureDetail, estimates: Vec<ChannelEstimate>) -> impl IntoView {
    let online = entry.online_level.is_some_and(|level| level.accepts_online_submission());
    let submit = format!("/thu-tuc/{}/nop-ho-so", entry.code);
    let decision = format!(
        "Quyết định {} ngày {} của {}",
        detail.decision.number,
        text::date(&detail.decision.date),
        detail.decision.issuing_agency
    );

    view! {
        {online.then(|| view! {
            <p class="cta"><A href=submit attr:class="button button-primary">"Nộp hồ sơ trực tuyến"</A></p>
        })}
        <nav class="toc" aria-label="Mục lục">
            <a href="#ho-so">"Hồ sơ"</a>
            <a href="#thoi-han">"Thời hạn, phí"</a>
            <a href="#noi-nop">"Nơi nộp"</a>
            <a href="#ket-qua">"Kết quả"</a>
            <a href="#can-cu">"Căn cứ pháp lý"</a>
        </nav>
        <Section id="ho-so" title="Hồ sơ cần chuẩn bị">
            <DossierList groups=detail.dossier />
        </Section>
        <Section id="thoi-han" title="Thời hạn giải quyết, phí và lệ phí">
            <ChannelList channels=detail.channels cases=detail.processing_cases estimates />
        </Section>
        <Section id="noi-nop" title="Cơ quan thực hiện">
            <TextList items=detail.executing_units />
            {(!detail.authority_units.is_empty()).then(|| view! {
                <h3>"Cơ quan có thẩm quyền"</h3>
                <TextList items=detail.authority_units />
            })}
        </Section>
        <Section id="ket-qua" title="Kết quả thực hiện">
            <TextList items=detail.results.into_iter().map(|result| result.name).collect() />
        </Section>
        <Section id="trinh-tu" title="Trình tự thực hiện">
            <TextList items=detail.steps />
        </Section>
        {detail.requirements.map(|requirements| view! {
            <Section id="yeu-cau" title="Yêu cầu, điều kiện">
                <p class="prewrap">{requirements}</p>
            </Section>
        })}
        <Section id="doi-tuong" title="Đối tượng thực hiện">
            <TextList items=entry.subject_types />
        </Section>
        <Section id="can-cu" title="Căn cứ pháp lý">
            <ul class="legal">
                {detail.legal_basis.into_iter().map(|law| view! {
                    <li><strong>{law.code}</strong>" "{law.name}</li>
                }).collect_view()}
            </ul>
        </Section>
        <footer class="procedure-source muted">
            <p>{decision}</p>
            <p>"Cập nhật: "{text::date(&detail.updated_at)}</p>
            {entry.source_url.map(|href| view! {
                <p><a href=href rel="noopener" target="_blank">"Nguồn: Cổng Dịch vụ công quốc gia"</a></p>
            })}
        </footer>
    }
}

#[component]
fn Section(id: &'static str, title: &'static str, children: Children) -> impl IntoView {
    let heading = format!("{id}-tieu-de");
    let labelled_by = heading.clone();

    view! {
        <section id=id class="procedure-section" aria-labelledby=labelled_by>
            <h2 id=heading>{title}</h2>
            {children()}
        </section>
    }
}

/// Lines of published text; lines that are empty after trimming are skipped.
#[component]
fn TextList(items: Vec<String>) -> impl IntoView {
    let items = items.into_iter().filter(|item| !item.trim().is_empty()).collect::<Vec<_>>();
    if items.is_empty() {
        return view! { <p class="muted">"Chưa có thông tin."</p> }.into_any();
    }

    view! { <ul class="text-list">{items.into_iter().map(|item| view! { <li class="prewrap">{item}</li> }).collect_view()}</ul> }
        .into_any()
}
