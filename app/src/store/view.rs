use leptos::prelude::*;
use leptos_meta::Title;

use super::StoredDocument;
use super::api::{DeleteDocument, DescribeDocument, my_documents};
use crate::account::view::admitted;
use crate::shell::ErrorNotice;

/// `/kho-du-lieu`: the documents in the account's data store, with what
/// each was used for; rename, date or delete each.
#[component]
pub fn StorePage() -> impl IntoView {
    let describe = ServerAction::<DescribeDocument>::new();
    let delete = ServerAction::<DeleteDocument>::new();
    let documents =
        Resource::new(move || (describe.version().get(), delete.version().get()), |_| my_documents());

    let page = move || {
        admitted(|viewer| !viewer.is_officer()).map(|viewer| match viewer {
            Err(error) => view! { <ErrorNotice error /> }.into_any(),
            Ok(_) => view! {
                <Suspense fallback=|| view! { <p class="loading">"Đang tải…"</p> }>
                    {move || Suspend::new(async move {
                        match documents.await {
                            Ok(list) if list.is_empty() => view! {
                                <p>"Kho dữ liệu chưa có giấy tờ nào. Giấy tờ bạn tải lên khi nộp hồ sơ sẽ được lưu ở đây để dùng lại."</p>
                            }
                            .into_any(),
                            Ok(list) => view! {
                                <ul class="store-list">
                                    {list.into_iter().map(|document| view! { <DocumentCard document describe delete /> }).collect_view()}
                                </ul>
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
        describe
            .value()
            .get()
            .and_then(Result::err)
            .or_else(|| delete.value().get().and_then(Result::err))
            .map(|error| view! { <p class="form-error" role="alert">{error.message()}</p> })
    };

    view! {
        <Title text="Kho dữ liệu" />
        <section class="store">
            <h1>"Kho dữ liệu"</h1>
            <p class="help">"Giấy tờ đã tải lên, để dùng lại cho các hồ sơ sau mà không phải tải lại."</p>
            {problem}
            <Suspense fallback=|| ()>{page}</Suspense>
        </section>
    }
}

#[component]
fn DocumentCard(
    document: StoredDocument,
    describe: ServerAction<DescribeDocument>,
    delete: ServerAction<DeleteDocument>,
) -> impl IntoView {
    let used = if document.used_in.is_empty() {
        "Chưa dùng cho hồ sơ đã nộp nào.".to_string()
    } else {
        format!("Đã dùng cho hồ sơ: {}", document.used_in.join(", "))
    };
    let id = document.id.clone();
    let (title_id, issued_id, expires_id) = (format!("ten-{id}"), format!("cap-{id}"), format!("han-{id}"));
    let delete_key = id.clone();

    view! {
        <li class="store-item">
            <p class="store-title">
                <a href=document.href() download>{document.title.clone()}</a>
            </p>
            <p class="help">
                {document.type_label()} ", " {document.size_label()} " · tải lên " {document.uploaded_at.clone()}
                " bởi " {document.uploaded_by.clone()}
            </p>
            <p class="help">{used}</p>
            <details>
                <summary>"Sửa tên, ngày cấp, ngày hết hạn"</summary>
                <ActionForm action=describe attr:class="store-edit">
                    <input type="hidden" name="key" value=id.clone() />
                    <label for=title_id.clone()>"Tên giấy tờ"</label>
                    <input id=title_id name="title" value=document.title.clone() maxlength="200" />
                    <label for=issued_id.clone()>"Ngày cấp"</label>
                    <input type="date" id=issued_id name="issued_on" value=document.issued_on.clone().unwrap_or_default() />
                    <label for=expires_id.clone()>"Ngày hết hạn"</label>
                    <input type="date" id=expires_id name="expires_on" value=document.expires_on.clone().unwrap_or_default() />
                    <button type="submit" class="button secondary">"Lưu"</button>
                </ActionForm>
            </details>
            <ActionForm action=delete attr:class="inline-form">
                <input type="hidden" name="key" value=delete_key />
                <button type="submit" class="link-button danger">"Xóa khỏi kho"</button>
            </ActionForm>
        </li>
    }
}

/// A stored document as a download link with its type and size; the same
/// wherever a dossier lists its documents.
#[component]
pub fn DocumentLink(document: StoredDocument) -> impl IntoView {
    view! {
        <a href=document.href() download>{document.title.clone()}</a>
        " (" {document.type_label()} ", " {document.size_label()} ")"
    }
}
