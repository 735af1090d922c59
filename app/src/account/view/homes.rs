use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use super::use_viewer;
use crate::account::api::SignOutEverywhere;
use crate::account::{Role, Viewer};
use crate::error::AppError;
use crate::shell::ErrorNotice;

/// The viewer if signed in and `accepted`; otherwise the notice to show.
pub(crate) fn admitted(accepted: impl Fn(&Viewer) -> bool) -> Option<Result<Viewer, AppError>> {
    let viewer = use_viewer()?.get()?;
    Some(match viewer {
        Err(error) => Err(error),
        Ok(None) => Err(AppError::SignInRequired),
        Ok(Some(viewer)) if accepted(&viewer) => Ok(viewer),
        Ok(Some(_)) => Err(AppError::Forbidden),
    })
}

/// A page's content, shown only to a viewer `accepted` admits; anyone else
/// gets the page's notice (sign in, or no access) and none of its forms.
#[component]
pub fn Admitted(accepted: fn(&Viewer) -> bool, children: ChildrenFn) -> impl IntoView {
    let content = move || {
        admitted(accepted).map(|viewer| match viewer {
            Err(error) => view! { <ErrorNotice error /> }.into_any(),
            Ok(_) => children().into_any(),
        })
    };
    view! { <Suspense fallback=|| ()>{content}</Suspense> }
}

/// `/ho-so-cua-toi`: a citizen's or a business representative's home.
#[component]
pub fn PersonHomePage() -> impl IntoView {
    let page = move || {
        admitted(|viewer| !viewer.is_officer()).map(|viewer| match viewer {
            Err(error) => view! { <ErrorNotice error /> }.into_any(),
            Ok(viewer) => view! {
                <Title text="Hồ sơ của tôi" />
                <section class="account-home">
                    <h1>"Hồ sơ của tôi"</h1>
                    <p class="account-who">
                        {viewer.name.clone()}
                        {viewer.acting_for.clone().map(|organisation| format!(" — đại diện {organisation}"))}
                    </p>
                    <p class="home-links">
                        <A href="/thu-tuc">"Tìm thủ tục để nộp hồ sơ"</A>
                        " · "
                        <A href="/kho-du-lieu">"Kho dữ liệu"</A>
                    </p>
                    <crate::notification::view::Notifications />
                    <crate::dossier::view::MyDossiers />
                    <SignOutEverywhereForm />
                </section>
            }
            .into_any(),
        })
    };

    view! { <Suspense fallback=|| ()>{page}</Suspense> }
}

/// `/can-bo`: an officer's home, their agency's work.
#[component]
pub fn OfficerHomePage() -> impl IntoView {
    let page = move || {
        admitted(Viewer::is_officer).map(|viewer| match viewer {
            Err(error) => view! { <ErrorNotice error /> }.into_any(),
            Ok(viewer) => view! {
                <Title text="Hồ sơ cần xử lý" />
                <section class="account-home">
                    <h1>"Hồ sơ cần xử lý"</h1>
                    <p class="account-who">
                        {viewer.name.clone()} " — " {viewer.role_labels()}
                    </p>
                    <p>{viewer.acting_for.clone().unwrap_or_default()}</p>
                    {viewer.roles.contains(&Role::DeskOfficer).then(|| view! {
                        <p class="home-links">
                            <A href="/can-bo/dang-ky-ho-so">"Đăng ký hồ sơ nộp trực tiếp"</A>
                        </p>
                    })}
                    <crate::desk::view::DeskQueue />
                    <crate::processing::view::WorkQueuePanel />
                    <SignOutEverywhereForm />
                </section>
            }
            .into_any(),
        })
    };

    view! { <Suspense fallback=|| ()>{page}</Suspense> }
}

#[component]
fn SignOutEverywhereForm() -> impl IntoView {
    let action = ServerAction::<SignOutEverywhere>::new();

    view! {
        <ActionForm action attr:class="inline-form">
            <button type="submit" class="link-button">"Đăng xuất khỏi mọi thiết bị"</button>
        </ActionForm>
    }
}
