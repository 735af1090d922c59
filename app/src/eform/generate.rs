//! The form a procedure gets when nobody has written one for it: the
//! applicant's details, the request in their words, and one document for
//! each component of the published dossier, with the published notes shown
//! as guidance.

use std::collections::BTreeSet;

use super::schema::{Document, Field, FieldKind, Form, FormOrigin, Item, Prefill, Section};
use crate::procedure::detail::{ComponentGroup, ProcedureDetail};
use crate::procedure::model::Audience;

/// Labels longer than this are cut at a word, with the whole text as help.
const LABEL_CHARS: usize = 160;

pub fn default_form(
    code: &str,
    name: &str,
    audiences: &[Audience],
    detail: Option<&ProcedureDetail>,
) -> Form {
    let mut sections = vec![applicant_section(audiences), request_section()];

    let documents = detail.map(|detail| document_items(&detail.dossier)).unwrap_or_default();
    if !documents.is_empty() {
        sections.push(Section {
            id: "giay_to".into(),
            title: "Giấy tờ kèm theo".into(),
            help: Some(
                "Tải lên bản chụp hoặc bản điện tử rõ nét của từng giấy tờ (PDF, JPEG hoặc PNG).".into(),
            ),
            show_when: None,
            items: documents,
        });
    }

    Form { procedure: code.to_string(), title: name.to_string(), origin: FormOrigin::Generated, sections }
}

fn applicant_section(audiences: &[Audience]) -> Section {
    let mut items = vec![
        field(
            "ho_ten",
            "Họ và tên",
            FieldKind::ShortText { max_length: Some(100) },
            true,
            Some(Prefill::FullName),
        ),
        field("so_dinh_danh", "Số định danh cá nhân", FieldKind::IdNumber, true, Some(Prefill::IdNumber)),
        field(
            "ngay_sinh",
            "Ngày, tháng, năm sinh",
            FieldKind::Date { past_only: true },
            true,
            Some(Prefill::BirthDate),
        ),
    ];
    if audiences.contains(&Audience::Organisation) && !audiences.contains(&Audience::Citizen) {
        items.push(field(
            "ten_to_chuc",
            "Tên tổ chức, doanh nghiệp",
            FieldKind::ShortText { max_length: Some(200) },
            true,
            Some(Prefill::OrganisationName),
        ));
        items.push(field(
            "ma_so_thue",
            "Mã số thuế",
            FieldKind::ShortText { max_length: Some(14) },
            true,
            Some(Prefill::TaxCode),
        ));
    }
    items.push(field("dien_thoai", "Số điện thoại", FieldKind::Phone, true, None));
    items.push(field("email", "Thư điện tử", FieldKind::Email, false, None));
    items.push(field("dia_chi", "Nơi cư trú", FieldKind::Address, true, None));

    Section {
        id: "nguoi_nop".into(),
        title: "Thông tin người nộp hồ sơ".into(),
        help: None,
        show_when: None,
        items,
    }
}

fn request_section() -> Section {
    Section {
        id: "noi_dung".into(),
        title: "Nội dung đề nghị".into(),
        help: None,
        show_when: None,
        items: vec![Item::Field(Field {
            id: "noi_dung_de_nghi".into(),
            label: "Nội dung đề nghị".into(),
            kind: FieldKind::LongText { max_length: Some(2000) },
            required: true,
            help: Some("Ghi rõ việc bạn đề nghị cơ quan giải quyết.".into()),
            show_when: None,
            prefill: None,
        })],
    }
}

fn field(id: &str, label: &str, kind: FieldKind, required: bool, prefill: Option<Prefill>) -> Item {
    Item::Field(Field {
        id: id.into(),
        label: label.into(),
        kind,
        required,
        help: None,
        show_when: None,
        prefill,
    })
}

/// The published components in order, each code once: the national data
/// repeats a component under every case it applies to.
fn document_items(groups: &[ComponentGroup]) -> Vec<Item> {
    let mut seen = BTreeSet::new();
    let mut items = Vec::new();

    for group in groups {
        if let Some(title) = group.title.as_deref().map(str::trim).filter(|title| !title.is_empty()) {
            items.push(Item::Guidance { text: title.to_string() });
        }
        for component in &group.components {
            let text = clean(&component.name);
            if component.is_guidance() {
                items.push(Item::Guidance { text });
                continue;
            }
            if !seen.insert(component.code.clone()) {
                continue;
            }

            let (label, help) = label_and_help(&text);
            items.push(Item::Document(Document {
                id: format!("tp_{}", items.len() + 1),
                label,
                component: component.code.clone(),
                required: component.required,
                help,
                show_when: None,
            }));
        }
    }
    items
}

/// The national data starts list items with "- " or "+ ".
fn clean(text: &str) -> String {
    text.trim().trim_start_matches(['-', '+', ' ']).trim().to_string()
}

fn label_and_help(text: &str) -> (String, Option<String>) {
    if text.chars().count() <= LABEL_CHARS {
        return (text.to_string(), None);
    }

    let cut: String = text.chars().take(LABEL_CHARS).collect();
    let at_word = cut.rfind(' ').map(|index| &cut[..index]).unwrap_or(&cut);
    (format!("{}…", at_word.trim_end_matches([',', ';', ' '])), Some(text.to_string()))
}

#[cfg(test)]
mod generated {
    use super::*;
    use crate::procedure::detail::Component;

    fn component(code: &str, name: &str, originals: u32) -> Component {
        Component {
            code: code.into(),
            name: name.into(),
            originals,
            copies: 0,
            required: false,
            forms: vec![],
        }
    }

    #[test]
    fn components_become_documents_once_and_notes_become_guidance() {
        let groups = vec![
            ComponentGroup {
                title: Some("Trường hợp 1".into()),
                components: vec![component("A", "- Giấy chứng sinh", 1), component("N", "+ Lưu ý chung", 0)],
            },
            ComponentGroup { title: None, components: vec![component("A", "- Giấy chứng sinh", 1)] },
        ];

        let items = document_items(&groups);
        let documents: Vec<&Document> = items
            .iter()
            .filter_map(|item| match item {
                Item::Document(document) => Some(document),
                _ => None,
            })
            .collect();

        assert_eq!(documents.len(), 1);
        assert_eq!(documents[0].label, "Giấy chứng sinh");
        assert!(items.contains(&Item::Guidance { text: "Lưu ý chung".into() }));
        assert!(items.contains(&Item::Guidance { text: "Trường hợp 1".into() }));
    }

    #[test]
    fn a_generated_form_is_sound_and_prefills_the_applicant() {
        let form = default_form("1.000001", "Thủ tục thử", &[Audience::Citizen], None);

        assert_eq!(form.check(), Ok(()));
        assert!(form.fields().any(|field| field.prefill == Some(Prefill::IdNumber)));
        assert!(form.phone_field().is_some());
    }

    #[test]
    fn long_component_names_are_cut_at_a_word_with_the_whole_text_as_help() {
        let long = "Giấy tờ ".repeat(40);

        let (label, help) = label_and_help(long.trim());

        assert!(label.chars().count() <= LABEL_CHARS + 1);
        assert!(label.ends_with('…'));
        assert_eq!(help.as_deref(), Some(long.trim()));
    }
}
