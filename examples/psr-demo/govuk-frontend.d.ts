// The few parts of GOV.UK Frontend's JavaScript the page calls (the package ships no types).
declare module 'govuk-frontend' {
  export function initAll(config?: { readonly scope?: Element }): void;
  export class ErrorSummary {
    constructor(root: Element, config?: { readonly disableAutoFocus?: boolean });
  }
  export class NotificationBanner {
    constructor(root: Element, config?: { readonly disableAutoFocus?: boolean });
  }
}
