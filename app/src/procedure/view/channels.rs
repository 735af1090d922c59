use leptos::prelude::*;

use super::estimate::EstimateNote;
use crate::procedure::detail::{Channel, Fee, ProcessingCase};
use crate::procedure::estimate::ChannelEstimate;

/// How long and how much, for each way of submitting.
#[component]
pub fn ChannelList(
    channels: Vec<Channel>,
    cases: Vec<ProcessingCase>,
    estimates: Vec<ChannelEstimate>,
) -> impl IntoView {
    view! {
        <ul class="channels">
            {channels
                .into_iter()
                .map(|channel| {
                    let time = channel.processing_time.describe();
                    let estimate = estimates
                        .iter()
                        .find(|estimate| estimate.method == channel.method)
                        .map(|estimate| estimate.due.clone());
                    view! {
                        <li class="channel">
                            <h3>{channel.method.label()}</h3>
                            <dl>
                                <dt>"Thời hạn giải quyết"</dt>
                                <dd>{time.unwrap_or_else(|| "Theo từng trường hợp (xem bên dưới)".to_string())}</dd>
                                {channel.description.map(|text| view! { <dt>"Ghi chú"</dt><dd>{text}</dd> })}
                                <dt>"Phí, lệ phí"</dt>
                                <dd><FeeList fees=channel.fees /></dd>
                            </dl>
                            {estimate.map(|due| view! { <EstimateNote due /> }.into_any())}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
        {(!cases.is_empty()).then(|| view! { <CaseList cases /> })}
    }
}

#[component]
fn CaseList(cases: Vec<ProcessingCase>) -> impl IntoView {
    view! {
        <h3>"Thời hạn theo từng trường hợp"</h3>
        <ul class="cases">
            {cases
                .into_iter()
                .map(|case| {
                    let time = case.processing_time.describe().unwrap_or_default();
                    view! { <li><span>{case.name}</span>": "<strong>{time}</strong></li> }
                })
                .collect_view()}
        </ul>
    }
}

#[component]
fn FeeList(fees: Vec<Fee>) -> impl IntoView {
    if fees.is_empty() {
        return view! { <span>"Không quy định"</span> }.into_any();
    }

    view! {
        <ul class="fees">
            {fees
                .into_iter()
                .map(|fee| {
                    let amount = amount_phrase(&fee);
                    view! {
                        <li>
                            <span class="fee-kind">{fee.kind_label()}": "</span>
                            {amount.map(|amount| view! { <strong>{amount}</strong>" " })}
                            {fee.description}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}

/// The amount, in its currency; a zero with no currency means the portal
/// published no figure, so the description speaks alone.
fn amount_phrase(fee: &Fee) -> Option<String> {
    let amount = fee.amount?;
    match fee.currency.as_deref() {
        Some("USD") => Some(format!("{} USD", crate::text::thousands(amount))),
        Some(_) => Some(format!("{} đồng", crate::text::thousands(amount))),
        None if amount > 0 => Some(format!("{} đồng", crate::text::thousands(amount))),
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fee(amount: Option<i64>, currency: Option<&str>) -> Fee {
        Fee { kind: "FEE".into(), amount, currency: currency.map(str::to_string), description: None }
    }

    #[test]
    fn amounts_show_their_currency() {
        assert_eq!(amount_phrase(&fee(Some(50_000), Some("Việt Nam Đồng"))).as_deref(), Some("50.000 đồng"));
        assert_eq!(amount_phrase(&fee(Some(20), Some("USD"))).as_deref(), Some("20 USD"));
        assert_eq!(amount_phrase(&fee(Some(0), Some("Việt Nam Đồng"))).as_deref(), Some("0 đồng"));
    }

    #[test]
    fn a_bare_zero_is_not_an_amount() {
        assert_eq!(amount_phrase(&fee(Some(0), None)), None);
        assert_eq!(amount_phrase(&fee(None, None)), None);
    }
}
