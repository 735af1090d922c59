use leptos::prelude::*;

use super::form::UploadLimit;
use super::state::{input_id, use_form_state};
use crate::dossier::Slot;
use crate::eform::Document;
use crate::store::StoredDocument;

/// A document field: what is attached, documents of the same kind already
/// in the data store (offered first), and an upload.
#[component]
pub fn DocumentSlot(document: Document) -> impl IntoView {
    let state = use_form_state();
    let slot = use_context::<StoredValue<Vec<Slot>>>().and_then(|slots| {
        slots.with_value(|slots| slots.iter().find(|slot| slot.id == document.id).cloned())
    });
    let limit = use_context::<UploadLimit>().map(|limit| limit.0).unwrap_or(20);
    let id = input_id(&document.id);
    let path = document.id.clone();
    let problem = move || state.problem(&path);
    let attached = slot.as_ref().and_then(|slot| slot.attached.clone());
    let attached_id = attached.as_ref().map(|document| document.id.clone());
    let offers: Vec<StoredDocument> = slot
        .map(|slot| slot.offers)
        .unwrap_or_default()
        .into_iter()
        .filter(|offer| Some(&offer.id) != attached_id.as_ref())
        .collect();
    let required =
        document.required.then(|| view! { <span class="required" aria-label="bắt buộc">" *"</span> });
    let upload_label = if attached.is_some() { "Thay bằng tệp khác" } else { "Tải lên tệp" };

    view! {
        <div class="document-slot" id=id.clone()>
            <p class="document-label">{document.label.clone()} {required}</p>
            {document.help.clone().map(|help| view! { <details class="help"><summary>"Xem đầy đủ"</summary><p>{help}</p></details> })}
            {attached.map(|attached| view! { <Attached document=attached field_id=document.id.clone() /> })}
            {(!offers.is_empty()).then(|| view! { <Offers offers field_id=document.id.clone() /> })}
            <label for=format!("{id}-tep")>{upload_label} " (PDF, JPEG hoặc PNG, tối đa " {limit} " MB)"</label>
            <input
                type="file"
                id=format!("{id}-tep")
                name=format!("tep:{}", document.id)
                accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
            />
            <p class="field-error" aria-live="polite">{problem}</p>
        </div>
    }
}

#[component]
fn Attached(document: StoredDocument, field_id: String) -> impl IntoView {
    view! {
        <p class="attached">
            "Đã đính kèm: "
            <a href=document.href() download>{document.title.clone()}</a>
            " (" {document.type_label()} ", " {document.size_label()} ")"
            <button type="submit" name="intent" value=format!("bo:{field_id}") class="link-button">"Bỏ tệp"</button>
        </p>
    }
}

/// "Dùng giấy tờ đã có": a stored document is linked to the dossier, not
/// uploaded again.
#[component]
fn Offers(offers: Vec<StoredDocument>, field_id: String) -> impl IntoView {
    let slot = field_id;
    let name = format!("dung:{slot}");
    view! {
        <fieldset class="offers">
            <legend>"Dùng giấy tờ đã có trong kho dữ liệu"</legend>
            {offers
                .into_iter()
                .map(|offer| {
                    let id = format!("dung-{slot}-{}", offer.id);
                    view! {
                        <div class="choice">
                            <input type="radio" id=id.clone() name=name.clone() value=offer.id.clone() />
                            <label for=id>
                                {offer.title.clone()} " — tải lên " {offer.uploaded_at.clone()} " (" {offer.type_label()} ", " {offer.size_label()} ")"
                            </label>
                        </div>
                    }
                })
                .collect_view()}
            <div class="choice">
                <input type="radio" id=format!("dung-{slot}-khong") name=name.clone() value="" checked />
                <label for=format!("dung-{slot}-khong")>"Không dùng"</label>
            </div>
        </fieldset>
    }
}
