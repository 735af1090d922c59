use leptos::prelude::*;

use crate::dossier::DossierStatus;
use crate::dossier::api::my_dossiers;

/// The applicant's dossiers, drafts first to finish, for "Hồ sơ của tôi".
#[component]
pub fn MyDossiers() -> impl IntoView {
    let dossiers = Resource::new(|| (), |_| my_dossiers());

    view! {
        <Suspense fallback=|| view! { <p class="loading">"Đang tải hồ sơ…"</p> }>
            {move || Suspend::new(async move {
                let dossiers = dossiers.await.unwrap_or_default();
                if dossiers.is_empty() {
                    return view! { <p>"Bạn chưa có hồ sơ nào."</p> }.into_any();
                }
                view! {
                    <ul class="dossier-list">
                        {dossiers
                            .into_iter()
                            .map(|dossier| {
                                let title = dossier.code.clone().unwrap_or_else(|| "Bản nháp".to_string());
                                let draft = dossier.status == DossierStatus::Draft;
                                view! {
                                    <li class:draft=draft>
                                        <a href=format!("/ho-so/{}", dossier.id)>
                                            <span class="code">{title}</span>
                                            <span class="name">{dossier.procedure_name}</span>
                                        </a>
                                        <span class="status">{dossier.status.label()}</span>
                                        " · " {dossier.agency_name} " · " {dossier.when}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any()
            })}
        </Suspense>
    }
}
